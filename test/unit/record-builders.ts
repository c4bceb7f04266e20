/**
 * Builders shared by the unit tests of records, plans and reports: settings
 * from a plain object of inputs, classified records made from list items
 * as GitHub sends them, list failures, and the errors and client of the
 * tests that talk to a fake GitHub.
 */
import { byUrgency, classify } from '../../src/classify.js'
import type { ListFailure } from '../../src/fetch.js'
import type { GitHub } from '../../src/github/client.js'
import type { CallRecord } from '../../src/github/review.js'
import { readSettings, type Settings } from '../../src/inputs.js'
import { isTypeId, requestType, type RequestType } from '../../src/request-types.js'
import { normalize, type RawRequest, type RecordAlert, type RequestRecord } from '../../src/requests.js'
import { redact } from '../../src/text.js'
import { makeRequest, render, type RequestSpec } from '../fake-github/model.js'

/** A fixed clock reading, on a whole second (GitHub's timestamps carry no milliseconds). */
export const NOW = Date.parse('2025-03-10T12:00:00Z')
export const HOUR = 3_600_000
export const DAY = 24 * HOUR

/** The repository under check in `settingsWith()`. */
export const REPO = 'octo-org/smile'

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

/** A secret scanning bypass request in REPO. */
export const bypass = (number: number, more: Partial<RequestSpec> = {}): RequestRecord => record({ kind: 'secret-scanning-bypass', repository: REPO, number, ...more })

/** A push ruleset bypass request in REPO. */
export const pushRule = (number: number, more: Partial<RequestSpec> = {}): RequestRecord => record({ kind: 'push-ruleset-bypass', repository: REPO, number, ...more })

/** A dismissal request of `kind` in REPO, request `number` about alert `alertNumber`. */
export const dismissal = (kind: string, number: number, alertNumber: number, more: Partial<RequestSpec> = {}): RequestRecord =>
  record({ kind, repository: REPO, number, alertNumber, ...more })

/** `n` open bypass requests, stale (30 hours and older) or not (1 to 20 hours), most urgent first. */
export function many(n: number, stale: boolean, firstNumber = 1): RequestRecord[] {
  return Array.from({ length: n }, (_, i) => bypass(firstNumber + i, { ageHours: stale ? 30 + i : 1 + (i % 20) })).sort(byUrgency)
}

/** A list that could not be read (403), or one skipped because its feature is off (404, warning only). */
export function failure(typeId: string, reason: string, warningOnly = false): ListFailure {
  return { type: typeOf(typeId), status: warningOnly ? 404 : 403, reason, warningOnly }
}

/** A review call (approve) on secret scanning bypass request `n` in REPO, as the reports get it: answered 200 unless `more` says otherwise. */
export function reviewCall(n: number, more: Partial<CallRecord> = {}): CallRecord {
  return {
    type: 'secret-scanning-bypass',
    repository: REPO,
    number: n,
    target: `secret-scanning-bypass:${REPO}#${n}`,
    action: 'approve',
    method: 'PATCH',
    path: `/repos/${REPO}/bypass-requests/secret-scanning/${n}`,
    body: { status: 'approve', message: 'Reviewed.' },
    status: 200,
    ok: true,
    ...more
  }
}

/** A record of the RequestRecord shape, every field given a plain value, with overrides. */
export function plainRecord(overrides: Partial<RequestRecord> = {}): RequestRecord {
  return {
    type: 'secret-scanning-bypass',
    id: 1,
    number: 1,
    alert_number: null,
    target: 'secret-scanning-bypass:octo-org/smile#1',
    repository: 'octo-org/smile',
    organization: 'octo-org',
    requester: 'monalisa',
    status: 'open',
    open: true,
    stale: false,
    expiring: false,
    age_hours: 1,
    expires_in_hours: null,
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
    problems: [],
    policy_violations: [],
    alert: null,
    review: null,
    ...overrides
  }
}

/** An alert as `include-alerts` keeps it: fetched, every field null but those given. */
export function fetchedAlert(fields: Partial<RecordAlert> = {}): RecordAlert {
  return { available: true, state: null, validity: null, secret_type: null, severity: null, description: null, cve_id: null, error: null, ...fields }
}

/** An open secret scanning alert of an Adafruit IO Key whose secret has `validity`. */
export const secretAlert = (validity: string): RecordAlert => fetchedAlert({ state: 'open', validity, secret_type: 'Adafruit IO Key' })

/** An alert that could not be fetched (GitHub answered 404). */
export const unavailableAlert = (): RecordAlert => ({ ...fetchedAlert(), available: false, error: 'GitHub answered 404.' })

/** An error shaped like Octokit's RequestError when GitHub answered: the status, and a response with `headers` and GitHub's `message`. */
export function httpError(status: number, message = `HTTP ${status}`, headers: Record<string, string | number> = {}): Error {
  return Object.assign(new Error(message), { status, response: { headers, data: { message } } })
}

/** What Octokit throws when no answer came (a network error or a time-out): status 500 and no response. */
export function noAnswer(message = 'socket hang up'): Error {
  return Object.assign(new Error(message), { status: 500 })
}

/** A client of which only `request` is used. */
export function fakeGitHub(request: unknown): GitHub {
  return { request } as unknown as GitHub
}
