/**
 * The five kinds of exemption request, as data. Every other module asks this
 * table instead of branching on a type id: adding a type is one row here.
 *
 * Facts come from GitHub's OpenAPI description of the endpoints
 * (test/fixtures/github-requests.openapi.json) and the REST documentation.
 */

export const SCOPES = ['repository', 'organization', 'enterprise'] as const
export type Scope = (typeof SCOPES)[number]

export const TIME_PERIODS = ['hour', 'day', 'week', 'month'] as const
export type TimePeriod = (typeof TIME_PERIODS)[number]

/** The `request_status` values an endpoint accepts, per the OpenAPI parameter it uses. */
const BYPASS_STATUSES = ['completed', 'cancelled', 'approved', 'expired', 'deleted', 'denied', 'open', 'all'] as const
const DISMISSAL_STATUSES = ['completed', 'cancelled', 'approved', 'expired', 'denied', 'open', 'all'] as const
const ALERT_DISMISSAL_STATUSES = ['open', 'approved', 'expired', 'denied', 'all'] as const

/** What a user may ask for with `request-status`. */
export const REQUEST_STATUSES = ['open', 'approved', 'denied', 'expired', 'cancelled', 'completed', 'all'] as const
export type RequestStatus = (typeof REQUEST_STATUSES)[number]

/** Every status a request is documented with (the union of the five item schemas' enums): anything else is not interpreted. */
export const KNOWN_STATUSES = ['open', 'pending', 'approved', 'denied', 'expired', 'cancelled', 'completed', 'deleted'] as const

/** The word the action speaks for a review; each type maps it to its API verb. */
export type ReviewVerb = 'approve' | 'deny'

export interface ListEndpoint {
  /** `request_status` values the endpoint accepts (anything else answers 422). */
  statuses: readonly string[]
  /** Query parameter that narrows the list to one repository / organization. */
  nameFilter?: 'repository_name' | 'organization_name'
  /** Fine-grained token permissions GitHub documents for the endpoint; null: fine-grained and GitHub App tokens do not work. */
  fineGrained: string | null
  /** Scope a personal access token (classic) needs: security_events unless said; null where GitHub documents none. */
  classicScope?: string | null
  /**
   * Set where GitHub's description of this list names no classic scope and `classicScope` is the one the
   * descriptions of the type's other endpoints name: which endpoints those are.
   */
  classicScopeFrom?: string
  /**
   * Who must hold the token (the user behind a personal access token or a GitHub App user access token),
   * as GitHub's description of the endpoint says; null where it names no one.
   */
  holder: string | null
  /** Anything else GitHub documents about the tokens this list takes, for the README. */
  note?: string
  docs: string
}

/** The review call is `PATCH /repos/{owner}/{repo}/<segment>/<key>` (see reviewPath). */
export interface ReviewEndpoint {
  /** API `status` body value for each action verb. */
  verbs: Record<ReviewVerb, string>
  /** The request's `number` or the alert number from `data[].alert_number`. */
  key: 'number' | 'alert_number'
  fineGrained: string
  /** Who must hold the token, as GitHub's description of the review endpoint says. The classic scope is always security_events. */
  holder: string
  docs: string
}

/** The call that dismisses a response given on a request, and what a token needs for it (its holder is the review's). */
export interface DismissResponseEndpoint {
  /** Path below /repos/{owner}/{repo}/, with {id}. */
  path: string
  /** Fine-grained token permissions GitHub documents for the call. */
  fineGrained: string
  docs: string
}

/** The alert a dismissal request is about: `GET /repos/{owner}/{repo}/<segment>/{alert_number}`. */
export interface AlertEndpoint {
  segment: string
  /** Query parameters every call sends. */
  query: Readonly<Record<string, string | number | boolean>>
  /** Where in GitHub's alert each kept field is (a path of property names); a field not named stays null. */
  fields: Readonly<Partial<Record<AlertField, readonly string[]>>>
}

/** What the action keeps of an alert: what tells how dangerous a request is, never the secret. */
export type AlertField = 'state' | 'validity' | 'secret_type' | 'severity' | 'description' | 'cve_id'

/** Fields of a record that a type's table shows in its own columns. */
export type DetailField = 'secret_types' | 'reasons' | 'branch' | 'file' | 'ruleset'

/** One column of a type's table: its title, and the fields its cells join. */
export interface DetailColumn {
  title: string
  fields: readonly DetailField[]
}

interface RequestTypeDefinition {
  id: string
  title: string
  /** Path segment after /enterprises/{e}/, /orgs/{o}/ or /repos/{o}/{r}/. */
  segment: string
  lists: Partial<Record<Scope, ListEndpoint>>
  /** null: GitHub's REST API cannot review this type. */
  review: ReviewEndpoint | null
  /** The call that dismisses a response given on this type; null where there is none. */
  dismissResponse: DismissResponseEndpoint | null
  /** The request's data names the branch it was made on. */
  hasBranch: boolean
  /** The GitHub feature that creates these requests, for messages. */
  feature: string
  /** The alert a request of this type is about; null for bypass requests. */
  alert: AlertEndpoint | null
  /** What the job summary's table shows of this type besides the request, requester, state, time left and comment. */
  details: readonly DetailColumn[]
}

/** Enterprise lists default to `day`, filter by organization, and refuse fine-grained and GitHub App tokens. */
function enterpriseList(
  statuses: readonly string[],
  docs: string,
  holder: string | null,
  { classicScope, note }: { classicScope?: null; note?: string } = {}
): ListEndpoint {
  return { statuses, nameFilter: 'organization_name', fineGrained: null, classicScope, holder, ...(note ? { note } : {}), docs }
}

export const CLASSIC_SCOPE = 'security_events'

const DOCS = 'https://docs.github.com/enterprise-cloud@latest/rest'

const SECRET_SCANNING_BYPASS_ORG_FG =
  '"Secret scanning alerts" repository permissions (read) and "Organization bypass requests for secret scanning" organization permissions (read)'
const SECRET_SCANNING_DISMISSAL_FG_REPO =
  '"Secret scanning alerts" repository permissions (read), "Contents" repository permissions (read) and "Secret scanning alert dismissal requests" repository or organization permissions (read)'
const CODE_SCANNING_DISMISSAL_FG = '"Organization dismissal requests for code scanning" organization permissions'

/** Who GitHub's descriptions say must hold the token, in words a reader of the README knows (GitHub's "org admin" is an organization owner). */
const BYPASS_REVIEWER = 'bypass reviewer'
const DISMISSAL_REVIEWER = 'dismissal reviewer'
const SECRET_SCANNING_DISMISSAL_HOLDER =
  'organization owner, security manager, or a user with the "Review and manage secret scanning alert dismissal requests" permission'
/** Where GitHub's description of a secret scanning dismissal list names no classic scope, its get and review endpoints do. */
const SECRET_SCANNING_DISMISSAL_CLASSIC_FROM = 'Get an alert dismissal request for secret scanning; Review an alert dismissal request for secret scanning'

const DEFINITIONS = [
  {
    id: 'secret-scanning-bypass',
    title: 'Secret scanning bypass request',
    segment: 'bypass-requests/secret-scanning',
    lists: {
      enterprise: enterpriseList(BYPASS_STATUSES, `${DOCS}/secret-scanning/delegated-bypass#list-bypass-requests-for-secret-scanning-for-an-enterprise`, BYPASS_REVIEWER),
      organization: {
        statuses: BYPASS_STATUSES,
        nameFilter: 'repository_name',
        fineGrained: SECRET_SCANNING_BYPASS_ORG_FG,
        holder: BYPASS_REVIEWER,
        docs: `${DOCS}/secret-scanning/delegated-bypass#list-bypass-requests-for-secret-scanning-for-an-org`
      },
      repository: {
        statuses: BYPASS_STATUSES,
        fineGrained: `${SECRET_SCANNING_BYPASS_ORG_FG}, or "Secret scanning alerts" repository permissions (read) and "Secret scanning push protection bypass requests" repository permissions (read)`,
        holder: BYPASS_REVIEWER,
        docs: `${DOCS}/secret-scanning/delegated-bypass#list-bypass-requests-for-secret-scanning-for-a-repository`
      }
    },
    review: {
      verbs: { approve: 'approve', deny: 'reject' },
      key: 'number',
      fineGrained:
        '"Secret scanning alerts" repository permissions (read) and "Organization bypass requests for secret scanning" organization permissions (write), or "Secret scanning push protection bypass requests" repository permissions (write)',
      holder: BYPASS_REVIEWER,
      docs: `${DOCS}/secret-scanning/delegated-bypass#review-a-bypass-request-for-secret-scanning`
    },
    dismissResponse: {
      path: 'bypass-responses/secret-scanning/{id}',
      fineGrained: '"Secret scanning alerts" repository permissions (read)',
      docs: `${DOCS}/secret-scanning/delegated-bypass#dismiss-a-response-on-a-bypass-request-for-secret-scanning`
    },
    hasBranch: true,
    feature: 'delegated bypass for push protection',
    alert: null,
    details: [
      { title: 'Secret type · reason', fields: ['secret_types', 'reasons'] },
      { title: 'Branch · file', fields: ['branch', 'file'] }
    ]
  },
  {
    id: 'push-ruleset-bypass',
    title: 'Push ruleset bypass request',
    segment: 'bypass-requests/push-rules',
    lists: {
      enterprise: enterpriseList(BYPASS_STATUSES, `${DOCS}/enterprise-admin/bypass-requests#list-push-rule-bypass-requests-within-an-enterprise`, null, {
        classicScope: null,
        note: 'GitHub\'s page "Managing requests to bypass push rules" (enterprise settings) names enterprise owners as the ones who use it.'
      }),
      organization: {
        statuses: BYPASS_STATUSES,
        nameFilter: 'repository_name',
        fineGrained: '"Administration" organization permissions (write)',
        classicScope: null,
        holder: null,
        docs: `${DOCS}/orgs/bypass-requests#list-push-rule-bypass-requests-within-an-organization`
      },
      repository: {
        statuses: BYPASS_STATUSES,
        fineGrained: '"Contents" repository permissions (write)',
        classicScope: null,
        holder: null,
        docs: `${DOCS}/repos/bypass-requests#list-repository-push-rule-bypass-requests`
      }
    },
    review: null,
    dismissResponse: null,
    hasBranch: false,
    feature: 'push rulesets with delegated bypass',
    alert: null,
    details: [
      { title: 'Ruleset', fields: ['ruleset'] },
      { title: 'Rule', fields: ['reasons'] }
    ]
  },
  {
    id: 'secret-scanning-dismissal',
    title: 'Secret scanning alert dismissal request',
    segment: 'dismissal-requests/secret-scanning',
    lists: {
      enterprise: enterpriseList(
        DISMISSAL_STATUSES,
        `${DOCS}/secret-scanning/alert-dismissal-requests#list-alert-dismissal-requests-for-secret-scanning-for-an-enterprise`,
        'enterprise owner or enterprise security manager'
      ),
      organization: {
        statuses: DISMISSAL_STATUSES,
        nameFilter: 'repository_name',
        fineGrained: '"Secret scanning alert dismissal requests" organization permissions (read) and "Secret scanning alerts" repository permissions (read)',
        classicScopeFrom: SECRET_SCANNING_DISMISSAL_CLASSIC_FROM,
        holder: SECRET_SCANNING_DISMISSAL_HOLDER,
        docs: `${DOCS}/secret-scanning/alert-dismissal-requests#list-alert-dismissal-requests-for-secret-scanning-for-an-org`
      },
      repository: {
        statuses: DISMISSAL_STATUSES,
        fineGrained: SECRET_SCANNING_DISMISSAL_FG_REPO,
        classicScopeFrom: SECRET_SCANNING_DISMISSAL_CLASSIC_FROM,
        holder: SECRET_SCANNING_DISMISSAL_HOLDER,
        docs: `${DOCS}/secret-scanning/alert-dismissal-requests#list-alert-dismissal-requests-for-secret-scanning-for-a-repository`
      }
    },
    review: {
      verbs: { approve: 'approve', deny: 'deny' },
      key: 'alert_number',
      fineGrained: SECRET_SCANNING_DISMISSAL_FG_REPO.replace(/\(read\)$/, '(write)'),
      holder: SECRET_SCANNING_DISMISSAL_HOLDER,
      docs: `${DOCS}/secret-scanning/alert-dismissal-requests#review-an-alert-dismissal-request-for-secret-scanning`
    },
    dismissResponse: null,
    hasBranch: false,
    feature: 'delegated alert dismissal for secret scanning',
    // The secret's value is never asked for.
    alert: {
      segment: 'secret-scanning/alerts',
      query: { hide_secret: true },
      fields: { state: ['state'], validity: ['validity'], secret_type: ['secret_type_display_name'] }
    },
    details: [{ title: 'Secret type · reason', fields: ['secret_types', 'reasons'] }]
  },
  {
    id: 'code-scanning-dismissal',
    title: 'Code scanning alert dismissal request',
    segment: 'dismissal-requests/code-scanning',
    lists: {
      organization: {
        statuses: ALERT_DISMISSAL_STATUSES,
        nameFilter: 'repository_name',
        fineGrained: `${CODE_SCANNING_DISMISSAL_FG} (read)`,
        holder: 'user authorized to review dismissal requests for the organization',
        docs: `${DOCS}/code-scanning/alert-dismissal-requests#list-dismissal-requests-for-code-scanning-alerts-for-an-organization`
      },
      repository: {
        statuses: ALERT_DISMISSAL_STATUSES,
        fineGrained: `${CODE_SCANNING_DISMISSAL_FG} (read) and "Code scanning alerts" repository permissions (read)`,
        holder: null,
        docs: `${DOCS}/code-scanning/alert-dismissal-requests#list-dismissal-requests-for-code-scanning-alerts-for-a-repository`
      }
    },
    review: {
      verbs: { approve: 'approve', deny: 'deny' },
      key: 'alert_number',
      fineGrained: `${CODE_SCANNING_DISMISSAL_FG} (write) and "Code scanning alerts" repository permissions (read)`,
      holder: DISMISSAL_REVIEWER,
      docs: `${DOCS}/code-scanning/alert-dismissal-requests#review-a-dismissal-request-for-a-code-scanning-alert-for-a-repository`
    },
    dismissResponse: null,
    hasBranch: false,
    feature: 'delegated alert dismissal for code scanning',
    alert: {
      segment: 'code-scanning/alerts',
      query: {},
      fields: { state: ['state'], severity: ['rule', 'security_severity_level'], description: ['rule', 'description'] }
    },
    details: [{ title: 'Reason', fields: ['reasons'] }]
  },
  {
    id: 'dependabot-dismissal',
    title: 'Dependabot alert dismissal request',
    segment: 'dismissal-requests/dependabot',
    lists: {
      organization: {
        statuses: DISMISSAL_STATUSES,
        nameFilter: 'repository_name',
        fineGrained: '"Organization dismissal requests for Dependabot" organization permissions (read)',
        holder: 'organization owner, security manager, or a user with the permission to review Dependabot alert dismissal requests',
        docs: `${DOCS}/dependabot/alert-dismissal-requests#list-dismissal-requests-for-dependabot-alerts-for-an-organization`
      },
      repository: {
        statuses: ALERT_DISMISSAL_STATUSES,
        fineGrained: '"Dependabot alerts" repository permissions (read)',
        holder: null,
        docs: `${DOCS}/dependabot/alert-dismissal-requests#list-dismissal-requests-for-dependabot-alerts-for-a-repository`
      }
    },
    review: {
      verbs: { approve: 'approve', deny: 'deny' },
      key: 'alert_number',
      fineGrained: '"Organization dismissal requests for Dependabot" organization permissions (write) and "Dependabot alerts" repository permissions (read)',
      holder: DISMISSAL_REVIEWER,
      docs: `${DOCS}/dependabot/alert-dismissal-requests#review-a-dismissal-request-for-a-dependabot-alert-for-a-repository`
    },
    dismissResponse: null,
    hasBranch: false,
    feature: 'delegated alert dismissal for Dependabot',
    alert: {
      segment: 'dependabot/alerts',
      query: {},
      fields: {
        state: ['state'],
        severity: ['security_advisory', 'severity'],
        description: ['security_advisory', 'summary'],
        cve_id: ['security_advisory', 'cve_id']
      }
    },
    details: [{ title: 'Reason', fields: ['reasons'] }]
  }
] as const satisfies readonly RequestTypeDefinition[]

/** The id of one of the five request types: `secret-scanning-bypass`, … */
export type TypeId = (typeof DEFINITIONS)[number]['id']

export interface RequestType extends RequestTypeDefinition {
  id: TypeId
}

export const REQUEST_TYPES: readonly RequestType[] = DEFINITIONS
export const TYPE_IDS: readonly TypeId[] = REQUEST_TYPES.map(t => t.id)

const BY_ID = Object.fromEntries(REQUEST_TYPES.map(t => [t.id, t])) as Record<TypeId, RequestType>

export function requestType(id: TypeId): RequestType {
  return BY_ID[id]
}

export function isTypeId(text: string): text is TypeId {
  return Object.hasOwn(BY_ID, text)
}

/** What a request's shown number counts: alerts for dismissal requests (reviewed by alert number), requests otherwise. */
export function numberNoun(type: RequestType): 'alert' | 'request' {
  return type.review?.key === 'alert_number' ? 'alert' : 'request'
}

/** Path below /repos/{owner}/{repo}/ of the review call for the request keyed `key`. */
export function reviewPath(type: RequestType, key: number | string): string {
  return `${type.segment}/${key}`
}

export function typesListedAt(scope: Scope): RequestType[] {
  return REQUEST_TYPES.filter(t => t.lists[scope] !== undefined)
}

/** The `request_status` to send: the user's when the endpoint takes it, else `all` (filtered locally). */
export function statusToSend(list: ListEndpoint, wanted: RequestStatus): string {
  return list.statuses.includes(wanted) ? wanted : 'all'
}
