import { describe, expect, jest, test } from '@jest/globals'
import type { LimitFunction } from 'p-limit'
import pLimit from 'p-limit'
import { alertSummary, unavailable, withAlerts } from '../../../src/github/alerts.js'
import type { GitHub } from '../../../src/github/client.js'
import { requestType, type AlertEndpoint, type TypeId } from '../../../src/request-types.js'
import type { RequestRecord } from '../../../src/requests.js'
import { redact } from '../../../src/text.js'
import { REPO, bypass, dismissal, fetchedAlert, pushRule, record } from '../record-builders.js'

/** The alert endpoint the request-type table gives a dismissal type. */
function alertOf(id: TypeId): AlertEndpoint {
  const endpoint = requestType(id).alert
  if (!endpoint) throw new Error(`${id} has no alert`)
  return endpoint
}

/** Assembled from pieces, so that this file never holds a token-shaped string literally; the body is made up. */
const TOKEN = ['gh', 'p_', 'Hn4Tq8Wc1Vz6Lb3Mx9Kd2Rf7Gj5Ps0Ay4EuJ'].join('')
/** The secret GitHub sends when not asked to hide it. */
const SECRET = 'aio_Ky7PfQ2wLm9XzR4tVb8NcJ1hDs'

/** A secret scanning alert as `GET /repos/{owner}/{repo}/secret-scanning/alerts/{alert_number}` sends it, with the secret. */
function secretScanningAlert(fields: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    number: 17,
    created_at: '2025-03-08T10:00:00Z',
    url: `https://api.github.com/repos/${REPO}/secret-scanning/alerts/17`,
    html_url: `https://github.com/${REPO}/security/secret-scanning/17`,
    locations_url: `https://api.github.com/repos/${REPO}/secret-scanning/alerts/17/locations`,
    state: 'open',
    resolution: null,
    resolved_at: null,
    resolved_by: null,
    secret_type: 'adafruit_io_key',
    secret_type_display_name: 'Adafruit IO Key',
    secret: SECRET,
    push_protection_bypassed: false,
    validity: 'active',
    publicly_leaked: false,
    multi_repo: false,
    ...fields
  }
}

/** A code scanning alert as `GET /repos/{owner}/{repo}/code-scanning/alerts/{alert_number}` sends it. */
function codeScanningAlert(rule: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    number: 4,
    created_at: '2025-03-08T10:00:00Z',
    url: `https://api.github.com/repos/${REPO}/code-scanning/alerts/4`,
    html_url: `https://github.com/${REPO}/security/code-scanning/4`,
    state: 'open',
    fixed_at: null,
    dismissed_by: null,
    dismissed_at: null,
    dismissed_reason: null,
    rule: {
      id: 'js/zipslip',
      severity: 'error',
      security_severity_level: 'high',
      description: 'Arbitrary file write during zip extraction',
      name: 'js/zipslip',
      tags: ['security', 'external/cwe/cwe-022'],
      ...rule
    },
    tool: { name: 'CodeQL', guid: null, version: '2.20.1' },
    most_recent_instance: { ref: 'refs/heads/main', state: 'open', message: { text: 'Unsanitized archive entry.' } }
  }
}

/** A Dependabot alert as `GET /repos/{owner}/{repo}/dependabot/alerts/{alert_number}` sends it. */
function dependabotAlert(advisory: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    number: 8,
    state: 'open',
    dependency: { package: { ecosystem: 'npm', name: 'lodash' }, manifest_path: 'package-lock.json', scope: 'runtime' },
    security_advisory: {
      ghsa_id: 'GHSA-35jh-r3h4-6jhm',
      cve_id: 'CVE-2021-23337',
      summary: 'Command Injection in lodash',
      description: 'lodash versions prior to 4.17.21 are vulnerable to Command Injection via the template function.',
      severity: 'high',
      ...advisory
    },
    security_vulnerability: { package: { ecosystem: 'npm', name: 'lodash' }, severity: 'high', vulnerable_version_range: '< 4.17.21' },
    url: `https://api.github.com/repos/${REPO}/dependabot/alerts/8`,
    html_url: `https://github.com/${REPO}/security/dependabot/8`,
    created_at: '2025-03-08T10:00:00Z'
  }
}

describe('alertSummary', () => {
  test('secret scanning: state, validity and the secret type’s display name; never the secret', () => {
    const summary = alertSummary(alertOf('secret-scanning-dismissal'), secretScanningAlert(), redact)
    expect(summary).toEqual(fetchedAlert({ state: 'open', validity: 'active', secret_type: 'Adafruit IO Key' }))
    expect(JSON.stringify(summary)).not.toContain(SECRET)
    expect(JSON.stringify(summary)).not.toContain('aio_')
  })

  test('code scanning: the rule’s security severity and description', () => {
    expect(alertSummary(alertOf('code-scanning-dismissal'), codeScanningAlert(), redact)).toEqual(
      fetchedAlert({ state: 'open', severity: 'high', description: 'Arbitrary file write during zip extraction' })
    )
  })

  test('Dependabot: the advisory’s severity, CVE and summary', () => {
    expect(alertSummary(alertOf('dependabot-dismissal'), dependabotAlert(), redact)).toEqual(
      fetchedAlert({ state: 'open', severity: 'high', description: 'Command Injection in lodash', cve_id: 'CVE-2021-23337' })
    )
  })

  test('each kind reads only its own fields', () => {
    const everything = { ...secretScanningAlert(), ...codeScanningAlert(), ...dependabotAlert(), state: 'dismissed' }
    expect(alertSummary(alertOf('secret-scanning-dismissal'), everything, redact)).toEqual(
      fetchedAlert({ state: 'dismissed', validity: 'active', secret_type: 'Adafruit IO Key' })
    )
    expect(alertSummary(alertOf('code-scanning-dismissal'), everything, redact)).toEqual(
      fetchedAlert({ state: 'dismissed', severity: 'high', description: 'Arbitrary file write during zip extraction' })
    )
    expect(alertSummary(alertOf('dependabot-dismissal'), everything, redact)).toEqual(
      fetchedAlert({ state: 'dismissed', severity: 'high', description: 'Command Injection in lodash', cve_id: 'CVE-2021-23337' })
    )
  })

  test('every value is redacted', () => {
    const note = `leaked ${TOKEN} here`
    expect(alertSummary(alertOf('secret-scanning-dismissal'), secretScanningAlert({ secret_type_display_name: note, validity: TOKEN }), redact)).toEqual(
      fetchedAlert({ state: 'open', validity: '[redacted]', secret_type: 'leaked [redacted] here' })
    )
    expect(alertSummary(alertOf('code-scanning-dismissal'), codeScanningAlert({ description: note }), redact).description).toBe('leaked [redacted] here')
    expect(alertSummary(alertOf('dependabot-dismissal'), dependabotAlert({ summary: note, cve_id: TOKEN }), redact)).toMatchObject({
      description: 'leaked [redacted] here',
      cve_id: '[redacted]'
    })
  })

  test('the redactor given is the one used', () => {
    const upper = (text: string) => text.toUpperCase()
    expect(alertSummary(alertOf('dependabot-dismissal'), dependabotAlert(), upper)).toMatchObject({ state: 'OPEN', description: 'COMMAND INJECTION IN LODASH' })
  })

  test.each([
    ['secret-scanning', { state: 'open' }],
    ['secret-scanning', { state: 'open', validity: null, secret_type_display_name: '' }],
    ['code-scanning', { state: 'open', rule: null }],
    ['code-scanning', { state: 'open', rule: { security_severity_level: 7, description: ['x'] } }],
    ['dependabot', { state: 'open', security_advisory: 'high' }],
    ['dependabot', { state: 'open', security_advisory: {} }]
  ] as const)('%s %j: what is missing or not text is null', (kind, data) => {
    expect(alertSummary(alertOf(`${kind}-dismissal`), data, redact)).toEqual(fetchedAlert({ state: 'open' }))
  })

  test.each([null, undefined, 'open', 17, []])('an answer that is no object (%j): every field null', data => {
    expect(alertSummary(alertOf('dependabot-dismissal'), data, redact)).toEqual(fetchedAlert({}))
  })
})

describe('unavailable', () => {
  test('not available, every field null but the reason', () => {
    expect(unavailable('GitHub answered 404.')).toEqual({
      available: false,
      state: null,
      validity: null,
      secret_type: null,
      severity: null,
      description: null,
      cve_id: null,
      error: 'GitHub answered 404.'
    })
  })
})

/** An error shaped like Octokit's RequestError: a status and, when GitHub answered, the response's headers and body. */
function httpError(status: number, data?: unknown): Error {
  return Object.assign(new Error(`HTTP ${status}`), { status, response: { headers: {}, data } })
}

type Answer = unknown | Error

/** A fake Octokit whose `request` answers each route with its data, or throws its error; an unknown route is a test failure. */
function fakeGitHub(answers: Record<string, Answer>) {
  const request = jest.fn(async (route: string, _params?: Record<string, unknown>) => {
    if (!(route in answers)) throw new Error(`unexpected call ${route}`)
    const answer = answers[route]
    if (answer instanceof Error) throw answer
    return { status: 200, headers: {}, data: answer }
  })
  return { github: { request } as unknown as GitHub, request }
}

/** A concurrency limit of `concurrency` that counts the calls it is given. */
function countingLimit(concurrency = 2): { limit: LimitFunction; count: () => number } {
  const real = pLimit(concurrency)
  let calls = 0
  const limit = ((fn: () => Promise<unknown>) => {
    calls++
    return real(fn)
  }) as unknown as LimitFunction
  return { limit, count: () => calls }
}

const SECRET_ROUTE = `GET /repos/${REPO}/secret-scanning/alerts/17`
const CODE_ROUTE = `GET /repos/${REPO}/code-scanning/alerts/4`
const DEPENDABOT_ROUTE = `GET /repos/${REPO}/dependabot/alerts/8`

const everyRecord = () => true

describe('withAlerts', () => {
  const secret = () => dismissal('secret-scanning-dismissal', 42, 17)
  const code = () => dismissal('code-scanning-dismissal', 43, 4)
  const dependabot = () => dismissal('dependabot-dismissal', 44, 8)

  test('each open dismissal request gets its alert; one call each, through the limit; hide_secret for secret scanning', async () => {
    const { github, request } = fakeGitHub({
      [SECRET_ROUTE]: secretScanningAlert(),
      [CODE_ROUTE]: codeScanningAlert(),
      [DEPENDABOT_ROUTE]: dependabotAlert()
    })
    const { limit, count } = countingLimit()
    const records = [secret(), code(), dependabot()]
    const out = await withAlerts(github, limit, records, everyRecord, redact)
    expect(out.map(r => r.alert)).toEqual([
      fetchedAlert({ state: 'open', validity: 'active', secret_type: 'Adafruit IO Key' }),
      fetchedAlert({ state: 'open', severity: 'high', description: 'Arbitrary file write during zip extraction' }),
      fetchedAlert({ state: 'open', severity: 'high', description: 'Command Injection in lodash', cve_id: 'CVE-2021-23337' })
    ])
    expect(request.mock.calls).toEqual(
      expect.arrayContaining([
        [SECRET_ROUTE, { hide_secret: true }],
        [CODE_ROUTE, {}],
        [DEPENDABOT_ROUTE, {}]
      ])
    )
    expect(request).toHaveBeenCalledTimes(3)
    expect(count()).toBe(3)
    expect(JSON.stringify(out)).not.toContain(SECRET)
    // The records given are left alone; the rest of each record is as it was.
    expect(records.map(r => r.alert)).toEqual([null, null, null])
    expect(out.map(r => ({ ...r, alert: null }))).toEqual(records)
  })

  test('the limit is what runs the calls: one at a time with a limit of 1', async () => {
    let running = 0
    let most = 0
    const request = jest.fn(async () => {
      running++
      most = Math.max(most, running)
      await new Promise(resolve => setTimeout(resolve, 5))
      running--
      return { data: dependabotAlert() }
    })
    const records = [1, 2, 3, 4].map(n => dismissal('dependabot-dismissal', 40 + n, n))
    const { limit, count } = countingLimit(1)
    await withAlerts({ request } as unknown as GitHub, limit, records, everyRecord, redact)
    expect([request.mock.calls.length, count(), most]).toEqual([4, 4, 1])
  })

  test('two open requests naming the same alert, one in other letter case: one call, both get it', async () => {
    const { github, request } = fakeGitHub({
      [SECRET_ROUTE]: secretScanningAlert(),
      [`GET /repos/Octo-Org/Smile/secret-scanning/alerts/17`]: secretScanningAlert()
    })
    const { limit, count } = countingLimit()
    const twin = record({ kind: 'secret-scanning-dismissal', repository: 'Octo-Org/Smile', number: 43, alertNumber: 17 })
    const out = await withAlerts(github, limit, [secret(), twin], everyRecord, redact)
    expect(request).toHaveBeenCalledTimes(1)
    expect(count()).toBe(1)
    expect(out.map(r => r.alert?.validity)).toEqual(['active', 'active'])
  })

  test('no call for bypass requests, closed requests, requests without a single alert, or records with problems', async () => {
    const { github, request } = fakeGitHub({})
    const { limit, count } = countingLimit()
    const records: RequestRecord[] = [
      bypass(5),
      pushRule(6),
      dismissal('secret-scanning-dismissal', 42, 17, { status: 'approved' }),
      dismissal('dependabot-dismissal', 44, 8, { status: 'denied' }),
      dismissal('code-scanning-dismissal', 45, 4, { data: [{ reason: "won't fix" }] }),
      dismissal('code-scanning-dismissal', 46, 4, { data: [{ alert_number: '4' }, { alert_number: '5' }] }),
      dismissal('code-scanning-dismissal', 47, 4, { status: 'weird' })
    ]
    // The open one with problems still names its alert: only its problems keep it from being fetched.
    expect(records.map(r => [r.open, r.alert_number, r.problems.length])).toEqual([
      [true, null, 0],
      [true, null, 0],
      [false, 17, 0],
      [false, 8, 0],
      [true, null, 0],
      [true, null, 0],
      [true, 4, 1]
    ])
    const out = await withAlerts(github, limit, records, everyRecord, redact)
    expect(request).not.toHaveBeenCalled()
    expect(count()).toBe(0)
    expect(out.map(r => r.alert)).toEqual(records.map(() => null))
  })

  test('records the wanted predicate rejects: no call, no alert, even when a wanted one names the same alert', async () => {
    const { github, request } = fakeGitHub({ [SECRET_ROUTE]: secretScanningAlert() })
    const { limit } = countingLimit()
    const records = [secret(), code(), { ...secret(), number: 50 }]
    const out = await withAlerts(github, limit, records, r => r.number !== 43 && r.number !== 50, redact)
    expect(request.mock.calls).toEqual([[SECRET_ROUTE, { hide_secret: true }]])
    expect(out.map(r => r.alert?.validity ?? null)).toEqual(['active', null, null])
    expect(out[1]).toBe(records[1])
  })

  test('a failed call leaves its request "alert unavailable" with why; the others are unaffected', async () => {
    const { github } = fakeGitHub({
      [SECRET_ROUTE]: secretScanningAlert(),
      [CODE_ROUTE]: httpError(404, { message: 'No alert found for alert number 4' }),
      [DEPENDABOT_ROUTE]: httpError(403, { message: `Resource not accessible by integration ${TOKEN}` })
    })
    const { limit } = countingLimit()
    const out = await withAlerts(github, limit, [secret(), code(), dependabot()], everyRecord, redact)
    expect(out.map(r => r.alert)).toEqual([
      fetchedAlert({ state: 'open', validity: 'active', secret_type: 'Adafruit IO Key' }),
      unavailable(`GitHub answered 404 to ${CODE_ROUTE}: No alert found for alert number 4`),
      unavailable(`GitHub answered 403 to ${DEPENDABOT_ROUTE}: Resource not accessible by integration [redacted]`)
    ])
  })

  test('a call that got no answer, a 401 and an answer that is not an object', async () => {
    const { github } = fakeGitHub({
      [SECRET_ROUTE]: Object.assign(new Error('socket hang up'), { status: 500 }),
      [CODE_ROUTE]: httpError(401, { message: 'Bad credentials' }),
      [DEPENDABOT_ROUTE]: [dependabotAlert()]
    })
    const { limit } = countingLimit()
    const out = await withAlerts(github, limit, [secret(), code(), dependabot()], everyRecord, redact)
    expect(out.map(r => r.alert)).toEqual([
      unavailable(`The call to ${SECRET_ROUTE} failed (socket hang up), also on every retry.`),
      unavailable('GitHub answered 401: the token is invalid or missing.'),
      unavailable(`GitHub's answer to ${DEPENDABOT_ROUTE} was not the JSON object the API describes.`)
    ])
  })
})
