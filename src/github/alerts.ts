/**
 * The alerts that open dismissal requests are about (`include-alerts`):
 * one call per distinct alert, under the run's concurrency limit. Only the
 * fields a reviewer weighs are kept — never the secret, even if GitHub sent
 * it. An alert that cannot be fetched leaves its request "alert unavailable"
 * and does not fail the run.
 */
import type { LimitFunction } from 'p-limit'
import { parseFullName } from '../repositories.js'
import { requestType, type AlertEndpoint, type AlertField } from '../request-types.js'
import type { RecordAlert, RequestRecord } from '../requests.js'
import type { Redactor } from '../text.js'
import type { GitHub } from './client.js'
import { describeFailure } from './errors.js'

/** The value at `path` in GitHub's answer, or undefined. */
function at(data: unknown, path: readonly string[]): unknown {
  return path.reduce<unknown>((value, name) => (typeof value === 'object' && value !== null ? (value as Record<string, unknown>)[name] : undefined), data)
}

/** The alert, as kept: the fields the request-type table names for this kind of alert, redacted; never `secret`. */
export function alertSummary({ fields }: AlertEndpoint, data: unknown, redact: Redactor): RecordAlert {
  const text = (field: AlertField): string | null => {
    const path = fields[field]
    const value = path ? at(data, path) : undefined
    return typeof value === 'string' && value !== '' ? redact(value) : null
  }
  return {
    available: true,
    state: text('state'),
    validity: text('validity'),
    secret_type: text('secret_type'),
    severity: text('severity'),
    description: text('description'),
    cve_id: text('cve_id'),
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
    return alertSummary(endpoint, response.data, redact)
  } catch (error) {
    return unavailable(redact(describeFailure(error, `GET ${route}`)))
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
  // One call per distinct alert, however many requests name it (GitHub compares names case-insensitively).
  const keys = records.map(record => {
    const call = wanted(record) ? alertCall(record) : undefined
    return call && { key: call.route.toLowerCase(), call }
  })
  const calls = new Map(keys.flatMap(k => (k ? [[k.key, k.call] as const] : [])))
  const fetched = new Map(await Promise.all([...calls].map(async ([key, call]) => [key, await limit(() => fetchAlert(github, call, redact))] as const)))
  return records.map((record, i) => {
    const key = keys[i]?.key
    const alert = key === undefined ? undefined : fetched.get(key)
    return alert ? { ...record, alert } : record
  })
}
