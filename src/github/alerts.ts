/**
 * The alerts that open dismissal requests are about (`include-alerts`):
 * one call per distinct alert, under the run's concurrency limit. Only the
 * fields a reviewer weighs are kept — never the secret, even if GitHub sent
 * it. An alert that cannot be fetched leaves its request "alert unavailable"
 * and does not fail the run.
 */
import type { LimitFunction } from 'p-limit'
import { parseFullName } from '../repositories.js'
import { requestType, type AlertEndpoint } from '../request-types.js'
import type { RecordAlert, RequestRecord } from '../requests.js'
import type { Redactor } from '../text.js'
import type { GitHub } from './client.js'
import { describeCommonFailure, describeUnexpected } from './errors.js'

type Fields = Record<string, unknown>

const field = (object: unknown, name: string): unknown => (typeof object === 'object' && object !== null ? (object as Fields)[name] : undefined)

/** The alert, as kept: the fields that tell how dangerous the request is, redacted; never `secret`. */
export function alertSummary(kind: AlertEndpoint['kind'], data: unknown, redact: Redactor): RecordAlert {
  const text = (value: unknown): string | null => (typeof value === 'string' && value !== '' ? redact(value) : null)
  const rule = field(data, 'rule')
  const advisory = field(data, 'security_advisory')
  return {
    available: true,
    state: text(field(data, 'state')),
    validity: kind === 'secret-scanning' ? text(field(data, 'validity')) : null,
    secret_type: kind === 'secret-scanning' ? text(field(data, 'secret_type_display_name')) : null,
    severity:
      kind === 'code-scanning' ? text(field(rule, 'security_severity_level')) : kind === 'dependabot' ? text(field(advisory, 'severity')) : null,
    description: kind === 'code-scanning' ? text(field(rule, 'description')) : kind === 'dependabot' ? text(field(advisory, 'summary')) : null,
    cve_id: kind === 'dependabot' ? text(field(advisory, 'cve_id')) : null,
    error: null
  }
}

export function unavailable(error: string): RecordAlert {
  return { available: false, state: null, validity: null, secret_type: null, severity: null, description: null, cve_id: null, error }
}

interface AlertCall {
  endpoint: AlertEndpoint
  route: string
}

/** The call for a record's alert, or undefined when it has none to fetch (not open, no single alert, a bypass request). */
function alertCall(record: RequestRecord): AlertCall | undefined {
  const endpoint = requestType(record.type).alert
  const repository = parseFullName(record.repository)
  if (!endpoint || !repository || !record.open || record.alert_number === null || record.problems.length > 0) return undefined
  return { endpoint, route: `/repos/${repository.owner}/${repository.name}/${endpoint.segment}/${record.alert_number}` }
}

async function fetchAlert(github: GitHub, { endpoint, route }: AlertCall, redact: Redactor): Promise<RecordAlert> {
  try {
    const response = await github.request(`GET ${route}`, { ...endpoint.query })
    if (typeof response.data !== 'object' || response.data === null || Array.isArray(response.data)) {
      return unavailable(`GitHub's answer to GET ${route} was not the JSON object the API describes.`)
    }
    return alertSummary(endpoint.kind, response.data, redact)
  } catch (error) {
    const reason = describeCommonFailure(error, `GET ${route}`) ?? describeUnexpected(error, `GET ${route}`)
    return unavailable(redact(reason))
  }
}

/** Each open dismissal request among those `wanted` with its alert; the others as they are. */
export async function withAlerts(
  github: GitHub,
  limit: LimitFunction,
  records: RequestRecord[],
  wanted: (record: RequestRecord) => boolean,
  redact: Redactor
): Promise<RequestRecord[]> {
  const calls = new Map<string, AlertCall>()
  for (const record of records.filter(wanted)) {
    const call = alertCall(record)
    if (call) calls.set(call.route.toLowerCase(), call)
  }
  const fetched = new Map(
    await Promise.all([...calls].map(async ([key, call]) => [key, await limit(() => fetchAlert(github, call, redact))] as const))
  )
  return records.map(record => {
    const alert = wanted(record) ? fetched.get(alertCall(record)?.route.toLowerCase() ?? '') : undefined
    return alert ? { ...record, alert } : record
  })
}
