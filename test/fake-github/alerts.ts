/**
 * The alerts the fake's dismissal requests are about, rendered the way
 * GitHub's single-alert endpoints send them: every stored dismissal request
 * implies an open alert in its repository for each alert number in its
 * data, with realistic fields for its tool. Tests change single alerts with
 * overrides (FakeGitHub.setAlert).
 */
import { createHash } from 'node:crypto'
import { idOf, kind, type Kind, type StoredRequest } from './model.js'

export type AlertKind = 'secret-scanning' | 'code-scanning' | 'dependabot'

/** The dismissal request kind whose requests imply the alerts of each alert kind. */
const DISMISSAL_KIND: Record<AlertKind, string> = {
  'secret-scanning': 'secret-scanning-dismissal',
  'code-scanning': 'code-scanning-dismissal',
  dependabot: 'dependabot-dismissal'
}

export function dismissalKind(alertKind: AlertKind): Kind {
  return kind(DISMISSAL_KIND[alertKind])
}

/** The alert kind of an alert route (its list or a single alert); undefined for other routes. */
export function alertKindOfRoute(template: string): AlertKind | undefined {
  return /^\/repos\/\{owner\}\/\{repo\}\/(secret-scanning|code-scanning|dependabot)\/alerts(\/|$)/.exec(template)?.[1] as AlertKind | undefined
}

/** Words GitHub writes otherwise than capitalized in secret type display names. */
const WORDS: Record<string, string> = {
  api: 'API',
  aws: 'AWS',
  gcp: 'GCP',
  github: 'GitHub',
  id: 'ID',
  io: 'IO',
  jwt: 'JWT',
  npm: 'npm',
  oauth: 'OAuth',
  openai: 'OpenAI',
  pat: 'PAT',
  ssh: 'SSH',
  url: 'URL'
}

/** A readable name for a secret type: `adafruit_io_key` → `Adafruit IO Key`. */
export function secretTypeDisplayName(secretType: string): string {
  return secretType
    .split(/[_-]+/)
    .filter(Boolean)
    .map(word => WORDS[word.toLowerCase()] ?? word.charAt(0).toUpperCase() + word.slice(1))
    .join(' ')
}

const isPlainObject = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value)

/**
 * `fields` over `alert`: a field whose old and new values are both objects
 * (rule, security_advisory, dependency…) is merged one level deep (a shallow
 * merge of the nested objects); any other is replaced; a value of
 * `undefined` removes the field, at either level.
 */
export function mergeAlert(alert: Record<string, unknown>, fields: Record<string, unknown>, depth = 1): Record<string, unknown> {
  const merged = { ...alert }
  for (const [field, value] of Object.entries(fields)) {
    const old = merged[field]
    if (value === undefined) delete merged[field]
    else if (depth > 0 && isPlainObject(old) && isPlainObject(value)) merged[field] = mergeAlert(old, value, depth - 1)
    else merged[field] = value
  }
  return merged
}

export interface AlertContext {
  kind: AlertKind
  number: number
  /** The request that names the alert, and its data entry that does. */
  request: StoredRequest
  data: Record<string, unknown>
  /** Whether to send the secret (secret scanning only). */
  withSecret: boolean
}

const DAY = 86_400_000

/** GitHub's timestamps: seconds, no milliseconds. */
const timestamp = (ms: number) => new Date(ms).toISOString().replace(/\.\d{3}Z$/, 'Z')

/** A 40-hex-digit sha, stable for its seed. */
const sha = (seed: string) => createHash('sha1').update(seed).digest('hex')

/** The alert as GitHub's `GET /repos/{owner}/{repo}/<tool>/alerts/{alert_number}` sends it. */
export function renderAlert(context: AlertContext): Record<string, unknown> {
  const { request, number } = context
  const fullName = `${request.org}/${request.repo}`
  // The alert came a day before the request to dismiss it.
  const created = timestamp(Date.parse(request.created_at) - DAY)
  const common = {
    number,
    created_at: created,
    updated_at: created,
    url: `https://api.github.com/repos/${fullName}/${context.kind}/alerts/${number}`,
    html_url: `https://github.com/${fullName}/security/${context.kind}/${number}`,
    state: 'open'
  }
  if (context.kind === 'secret-scanning') return secretScanningAlert(context, common, fullName)
  if (context.kind === 'code-scanning') return codeScanningAlert(context, common, fullName)
  return dependabotAlert(context, common)
}

function secretScanningAlert(context: AlertContext, common: Record<string, unknown>, fullName: string): Record<string, unknown> {
  const secretType = typeof context.data.secret_type === 'string' ? context.data.secret_type : 'generic_secret'
  const displayName = secretTypeDisplayName(secretType)
  const blob = sha(`blob ${fullName} ${context.number}`)
  const commit = sha(`commit ${fullName} ${context.number}`)
  return {
    ...common,
    locations_url: `${String(common.url)}/locations`,
    resolution: null,
    resolved_at: null,
    resolved_by: null,
    resolution_comment: null,
    secret_type: secretType,
    secret_type_display_name: displayName,
    provider: displayName.split(' ')[0] ?? null,
    provider_slug: secretType.split(/[_-]/)[0] ?? null,
    ...(context.withSecret ? { secret: `fake-secret-value-${context.number}` } : {}),
    push_protection_bypassed: false,
    push_protection_bypassed_by: null,
    push_protection_bypassed_at: null,
    push_protection_bypass_request_reviewer: null,
    push_protection_bypass_request_reviewer_comment: null,
    push_protection_bypass_request_comment: null,
    push_protection_bypass_request_html_url: null,
    validity: 'unknown',
    publicly_leaked: false,
    multi_repo: false,
    is_base64_encoded: false,
    first_location_detected: {
      path: 'config/settings.yml',
      start_line: 3,
      end_line: 3,
      start_column: 12,
      end_column: 52,
      blob_sha: blob,
      blob_url: `https://api.github.com/repos/${fullName}/git/blobs/${blob}`,
      commit_sha: commit,
      commit_url: `https://api.github.com/repos/${fullName}/git/commits/${commit}`
    },
    has_more_locations: false,
    assigned_to: null,
    closure_request_comment: context.request.comment,
    closure_request_reviewer_comment: null,
    closure_request_reviewer: null
  }
}

/** The fields of a code scanning or Dependabot alert that nobody fixed or dismissed. */
const NOT_DISMISSED = { fixed_at: null, dismissed_by: null, dismissed_at: null, dismissed_reason: null, dismissed_comment: null }

function codeScanningAlert(context: AlertContext, common: Record<string, unknown>, fullName: string): Record<string, unknown> {
  return {
    ...common,
    instances_url: `${String(common.url)}/instances`,
    ...NOT_DISMISSED,
    rule: {
      id: 'js/missing-origin-check',
      name: 'js/missing-origin-check',
      severity: 'warning',
      security_severity_level: 'medium',
      description: 'Missing origin verification in `postMessage` handler',
      full_description: 'Missing origin verification in a `postMessage` handler allows any window to send arbitrary data to the handler.',
      tags: ['correctness', 'security', 'external/cwe/cwe-020', 'external/cwe/cwe-940'],
      help: null,
      help_uri: null
    },
    tool: { name: 'CodeQL', guid: null, version: '2.20.1' },
    most_recent_instance: {
      ref: 'refs/heads/main',
      analysis_key: '.github/workflows/codeql.yml:analyze',
      environment: '{"language":"javascript-typescript"}',
      category: '/language:javascript-typescript',
      state: 'open',
      commit_sha: sha(`commit ${fullName} ${context.number}`),
      message: { text: 'Postmessage handler has no origin check.' },
      location: { path: 'src/embed/messages.js', start_line: 14, end_line: 14, start_column: 3, end_column: 42 },
      html_url: `https://github.com/${fullName}/security/code-scanning/${context.number}`,
      classifications: []
    },
    dismissal_approved_by: null,
    assignees: []
  }
}

/** GitHub's names for a dismissal request's status on the alert. */
const DISMISSAL_STATUS: Record<string, string> = { open: 'pending', pending: 'pending', approved: 'approved', denied: 'rejected' }

function dependabotAlert(context: AlertContext, common: Record<string, unknown>): Record<string, unknown> {
  // The request's alert title reads `<package> - <GHSA id>`.
  const [, name, ghsa] = /^(.+?) - (GHSA(?:-[0-9a-z]{4}){3})$/.exec(String(context.data.alert_title ?? '')) ?? []
  const ghsaId = ghsa ?? 'GHSA-35jh-r3h4-6jhm'
  const cveId = 'CVE-2021-23337'
  const pkg = { ecosystem: 'npm', name: name ?? 'lodash' }
  const vulnerability = {
    package: pkg,
    severity: 'high',
    vulnerable_version_range: '< 4.17.21',
    first_patched_version: { identifier: '4.17.21' }
  }
  const vector = 'CVSS:3.1/AV:N/AC:L/PR:H/UI:N/S:U/C:H/I:H/A:H'
  const { request } = context
  return {
    ...common,
    dependency: { package: pkg, manifest_path: 'package-lock.json', scope: 'runtime', relationship: 'direct' },
    security_advisory: {
      ghsa_id: ghsaId,
      cve_id: cveId,
      summary: `Command Injection in ${pkg.name}`,
      description: `Versions of ${pkg.name} prior to 4.17.21 are vulnerable to Command Injection via the template function.`,
      vulnerabilities: [vulnerability],
      severity: 'high',
      classification: 'general',
      cvss: { score: 7.2, vector_string: vector },
      cvss_severities: { cvss_v3: { vector_string: vector, score: 7.2 }, cvss_v4: null },
      epss: { percentage: 0.01, percentile: 42.5 },
      cwes: [{ cwe_id: 'CWE-77', name: "Improper Neutralization of Special Elements used in a Command ('Command Injection')" }],
      identifiers: [
        { type: 'GHSA', value: ghsaId },
        { type: 'CVE', value: cveId }
      ],
      references: [{ url: `https://nvd.nist.gov/vuln/detail/${cveId}` }, { url: `https://github.com/advisories/${ghsaId}` }],
      published_at: '2021-05-06T16:05:51Z',
      updated_at: '2024-02-13T18:22:34Z',
      withdrawn_at: null
    },
    security_vulnerability: vulnerability,
    ...NOT_DISMISSED,
    auto_dismissed_at: null,
    dismissal_request: {
      id: request.id,
      status: DISMISSAL_STATUS[request.status] ?? 'cancelled',
      requester: { id: idOf(request.requester), login: request.requester },
      created_at: request.created_at,
      url: `https://api.github.com/repos/${request.org}/${request.repo}/dismissal-requests/dependabot/${context.number}`
    },
    assignees: []
  }
}
