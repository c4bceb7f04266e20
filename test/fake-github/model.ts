/**
 * The fake's state: one stored request per bypass or dismissal request, and
 * how each kind is rendered the way GitHub's API sends it.
 */

export interface StoredResponse {
  id: number
  reviewer: string
  status: 'approved' | 'denied' | 'dismissed'
  created_at: string
  message?: string
}

export interface StoredRequest {
  segment: string
  id: number
  number: number
  org: string
  repo: string
  requester: string
  status: string
  comment: string | null
  created_at: string
  expires_at: string
  data: Record<string, unknown>[]
  responses: StoredResponse[]
  resource_identifier: string | number
  /** Top-level fields of the rendered item to replace (a value of `undefined` removes the field); filters and sorting still read the stored fields. */
  override?: Record<string, unknown>
}

export interface Kind {
  /** The fake's name for the kind (the action's type id). */
  id: string
  segment: string
  request_type: string
  /** Reviews are keyed by the request number or by the alert number in data. */
  key: 'number' | 'alert_number'
  /** Field of the 200 answer to a review; null: 204 without a body. */
  reviewAnswer: string | null
  dismissSegment?: string
  htmlPath: (r: StoredRequest) => string
}

export const KINDS: Kind[] = [
  {
    id: 'secret-scanning-bypass',
    segment: 'bypass-requests/secret-scanning',
    request_type: 'secret_scanning',
    key: 'number',
    reviewAnswer: 'bypass_review_id',
    dismissSegment: 'bypass-responses/secret-scanning',
    htmlPath: r => `exemptions/${r.number}`
  },
  {
    id: 'push-ruleset-bypass',
    segment: 'bypass-requests/push-rules',
    request_type: 'push_ruleset_bypass',
    key: 'number',
    reviewAnswer: null,
    htmlPath: r => `exemptions/${r.number}`
  },
  {
    id: 'secret-scanning-dismissal',
    segment: 'dismissal-requests/secret-scanning',
    request_type: 'secret_scanning_closure',
    key: 'alert_number',
    reviewAnswer: 'dismissal_review_id',
    htmlPath: r => `security/secret-scanning/${String(r.data[0]?.alert_number)}`
  },
  {
    id: 'code-scanning-dismissal',
    segment: 'dismissal-requests/code-scanning',
    request_type: 'code_scanning_alert_dismissal',
    key: 'alert_number',
    reviewAnswer: null,
    htmlPath: r => `code-scanning/alerts/${String(r.data[0]?.alert_number)}`
  },
  {
    id: 'dependabot-dismissal',
    segment: 'dismissal-requests/dependabot',
    request_type: 'dependabot_alert_dismissal',
    key: 'alert_number',
    reviewAnswer: 'dismissal_review_id',
    htmlPath: r => `security/dependabot/${String(r.data[0]?.alert_number)}`
  }
]

export function kind(id: string): Kind {
  const found = KINDS.find(k => k.id === id)
  if (!found) throw new Error(`unknown kind ${id}`)
  return found
}

/**
 * The kind a route serves: the one whose segment (or, for the answer to a
 * dismissed bypass response, whose dismiss segment) is a whole part of the
 * route's path; undefined for routes of no kind (the alert endpoints).
 */
export function kindOfRoute(template: string): Kind | undefined {
  const names = (segment: string | undefined) => segment !== undefined && (template.endsWith(`/${segment}`) || template.includes(`/${segment}/`))
  return KINDS.find(k => names(k.segment) || names(k.dismissSegment))
}

export function isOpen(request: StoredRequest): boolean {
  return request.status === 'open' || request.status === 'pending'
}

/** A stable small id for names, like GitHub's numeric ids. */
export function idOf(name: string): number {
  let h = 7
  for (const c of name) h = (h * 31 + c.charCodeAt(0)) % 1_000_000
  return h + 1
}

/** The request as GitHub's list and get endpoints send it. */
export function render(request: StoredRequest): object {
  const k = KINDS.find(x => x.segment === request.segment)!
  const fullName = `${request.org}/${request.repo}`
  const item: Record<string, unknown> = {
    id: request.id,
    number: request.number,
    repository: { id: idOf(fullName), name: request.repo, full_name: fullName },
    organization: { id: idOf(request.org), name: request.org },
    requester: { actor_id: idOf(request.requester), actor_name: request.requester },
    request_type: k.request_type,
    data: request.data,
    resource_identifier: request.resource_identifier,
    status: request.status,
    requester_comment: request.comment,
    expires_at: request.expires_at,
    created_at: request.created_at,
    responses: request.responses.map(r => ({
      id: r.id,
      reviewer: { actor_id: idOf(r.reviewer), actor_name: r.reviewer },
      status: r.status,
      created_at: r.created_at,
      ...(k.key === 'alert_number' && k.id !== 'secret-scanning-dismissal' ? { message: r.message ?? null } : {})
    })),
    url: `https://api.github.com/repos/${fullName}/${k.segment}/${request.number}`,
    html_url: `https://github.com/${fullName}/${k.htmlPath(request)}`
  }
  for (const [field, value] of Object.entries(request.override ?? {})) {
    if (value === undefined) delete item[field]
    else item[field] = value
  }
  return item
}

export interface RequestSpec {
  kind: string
  /** `org/repo` */
  repository: string
  number: number
  /** Hours since the request was made. */
  ageHours?: number
  status?: string
  requester?: string
  comment?: string | null
  /** Alert number for dismissal requests (defaults to the number); sent as a string unless `alertNumberAs` says otherwise. */
  alertNumber?: number
  alertNumberAs?: 'string' | 'integer'
  secretType?: string
  reason?: string
  path?: string
  branch?: string
  ruleset?: string
  responses?: StoredResponse[]
  data?: Record<string, unknown>[]
  /** Fields of the rendered item to replace or (with `undefined`) remove: see StoredRequest.override. */
  override?: Record<string, unknown>
}

let nextId = 1000

/** A stored request with realistic data for its kind, made `ageHours` before now. */
export function makeRequest(spec: RequestSpec, now = Date.now()): StoredRequest {
  const k = kind(spec.kind)
  const [org, repo] = spec.repository.split('/') as [string, string]
  const created = now - (spec.ageHours ?? 2) * 3_600_000
  const alert = spec.alertNumber ?? spec.number
  const alertValue = spec.alertNumberAs === 'integer' ? alert : String(alert)
  const dataByKind: Record<string, Record<string, unknown>[]> = {
    'secret-scanning-bypass': [
      {
        secret_type: spec.secretType ?? 'adafruit_io_key',
        bypass_reason: spec.reason ?? 'used_in_tests',
        path: spec.path ?? 'README.md:17:0',
        branch: spec.branch ?? 'refs/heads/main'
      }
    ],
    'push-ruleset-bypass': [
      { ruleset_id: 410, ruleset_name: spec.ruleset ?? 'Exclude image files', total_violations: 1, rule_type: spec.reason ?? 'file_extension_restriction' }
    ],
    'secret-scanning-dismissal': [{ secret_type: spec.secretType ?? 'adafruit_io_key', alert_number: alertValue, reason: spec.reason ?? 'false_positive' }],
    'code-scanning-dismissal': [{ reason: spec.reason ?? "won't fix", alert_number: alertValue }],
    'dependabot-dismissal': [{ reason: spec.reason ?? 'tolerable_risk', alert_number: alertValue, alert_title: 'lodash - GHSA-1234-abcd-5678' }]
  }
  return {
    segment: k.segment,
    id: nextId++,
    number: spec.number,
    org,
    repo,
    requester: spec.requester ?? 'monalisa',
    status: spec.status ?? (k.segment.startsWith('bypass') ? 'open' : 'pending'),
    comment: spec.comment === undefined ? 'Test token used in the readme as an example' : spec.comment,
    created_at: new Date(created).toISOString().replace(/\.\d{3}Z$/, 'Z'),
    expires_at: new Date(created + 7 * 86_400_000).toISOString().replace(/\.\d{3}Z$/, 'Z'),
    data: spec.data ?? dataByKind[k.id]!,
    responses: spec.responses ?? [],
    resource_identifier: k.key === 'alert_number' ? String(alert) : '827efc6d56897b048c772eb4087f854f46256132',
    override: spec.override
  }
}
