/**
 * Builders shared by the unit tests of records, plans and reports: settings
 * from a plain object of inputs, and classified records made from list items
 * as GitHub sends them.
 */
import { classify } from '../../src/classify.js'
import { readSettings, type Settings } from '../../src/inputs.js'
import { isTypeId, requestType, type RequestType } from '../../src/request-types.js'
import { normalize, type RawRequest, type RequestRecord } from '../../src/requests.js'
import { redact } from '../../src/text.js'
import { makeRequest, render, type RequestSpec } from '../fake-github/model.js'

/** A fixed clock reading, on a whole second (GitHub's timestamps carry no milliseconds). */
export const NOW = Date.parse('2025-03-10T12:00:00Z')
export const HOUR = 3_600_000
export const DAY = 24 * HOUR

/** Settings for `octo-org/smile` at repository scope unless the inputs say otherwise. */
export function settingsWith(inputs: Record<string, string> = {}): Settings {
  const values: Record<string, string> = { token: 't', repository: 'octo-org/smile', ...inputs }
  return readSettings(name => values[name] ?? '', {})
}

export function typeOf(id: string): RequestType {
  if (!isTypeId(id)) throw new Error(`no request type ${id}`)
  return requestType(id)
}

/** The item as a list endpoint sends it. */
export function rawItem(spec: RequestSpec, now = NOW): RawRequest {
  return render(makeRequest(spec, now)) as RawRequest
}

/** Normalized and classified against `now`, stale after `staleAfterMs` (24 hours by default). */
export function record(spec: RequestSpec, now = NOW, staleAfterMs = DAY): RequestRecord {
  return classify(normalize(rawItem(spec, now), typeOf(spec.kind), redact), now, staleAfterMs)
}

/** A record of the RequestRecord shape, every field given a plain value, with overrides. */
export function plainRecord(overrides: Partial<RequestRecord> = {}): RequestRecord {
  return {
    type: 'secret-scanning-bypass',
    id: 1,
    number: 1,
    repository: 'octo-org/smile',
    organization: 'octo-org',
    requester: 'monalisa',
    status: 'open',
    open: true,
    stale: false,
    age_hours: 1,
    created_at: new Date(NOW - HOUR).toISOString(),
    expires_at: null,
    reasons: [],
    secret_types: [],
    alert_numbers: [],
    path: null,
    line: null,
    branch: null,
    ruleset: null,
    comment: '',
    html_url: '',
    responses: [],
    ...overrides
  }
}
