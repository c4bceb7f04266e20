/**
 * The fault matrix: the bundled action against a fake GitHub that fails in
 * the ways the real one does. Transient failures are retried and leave the
 * result unchanged; lasting ones fail the step with a message a person can
 * act on, and the gate never passes on missing data.
 */
import { afterEach, describe, expect, test } from '@jest/globals'
import { makeRequest, type StoredRequest } from '../fake-github/model.js'
import type { RunResult } from '../fake-github/runner.js'
import type { FakeOptions, Scope } from '../fake-github/server.js'
import { startHarness, type Harness } from './helpers.js'

const REPOSITORY = 'octo-org/smile'
const ENTERPRISE = 'octo-ent'

/** Timeout of one attempt, and the rate-limit budget, as the action reads them from its environment. */
const TIMEOUT_ENV = 'EXEMPTION_REQUESTS_TIMEOUT_MS'
const BUDGET_ENV = 'EXEMPTION_REQUESTS_RATE_LIMIT_BUDGET_MS'

const SEGMENTS: Record<string, string> = {
  'secret-scanning-bypass': 'bypass-requests/secret-scanning',
  'push-ruleset-bypass': 'bypass-requests/push-rules',
  'secret-scanning-dismissal': 'dismissal-requests/secret-scanning',
  'code-scanning-dismissal': 'dismissal-requests/code-scanning',
  'dependabot-dismissal': 'dismissal-requests/dependabot'
}

/** The repository list of secret scanning bypass requests: the list the faults hit. */
const BYPASS_LIST = /^\/repos\/octo-org\/smile\/bypass-requests\/secret-scanning$/
const BYPASS_ENDPOINT = 'GET /repos/octo-org/smile/bypass-requests/secret-scanning'

/** Five open requests (two on the faulted list) and one denied one, none stale. */
function seed(): StoredRequest[] {
  return [
    makeRequest({ kind: 'secret-scanning-bypass', repository: REPOSITORY, number: 1, ageHours: 2 }),
    makeRequest({ kind: 'secret-scanning-bypass', repository: REPOSITORY, number: 2, ageHours: 5 }),
    makeRequest({ kind: 'push-ruleset-bypass', repository: REPOSITORY, number: 3, ageHours: 3 }),
    makeRequest({ kind: 'secret-scanning-dismissal', repository: REPOSITORY, number: 4, ageHours: 4 }),
    makeRequest({ kind: 'dependabot-dismissal', repository: REPOSITORY, number: 5, ageHours: 6 }),
    makeRequest({ kind: 'code-scanning-dismissal', repository: REPOSITORY, number: 6, ageHours: 1, status: 'denied' })
  ]
}

/** What a run without any fault gives (checked by the first test). */
const CLEAN = { code: 0, total: '5', open: '5' }
/** Without the two requests of the faulted list. */
const WITHOUT_BYPASS_LIST = { total: '3', open: '3' }

const started: Harness[] = []
async function harness(options: FakeOptions = {}): Promise<Harness> {
  const h = await startHarness({ requests: seed(), enterprises: { [ENTERPRISE]: ['octo-org'] }, ...options })
  started.push(h)
  return h
}
afterEach(async () => {
  await Promise.all(started.splice(0).map(h => h.fake.stop()))
})

const messages = (r: RunResult, level: 'error' | 'warning' | 'notice'): string[] => r.annotations.filter(a => a.level === level).map(a => a.message)

/** The line of the step's failure (an error annotation) that reports the list of `typeId` as failed. */
function listError(r: RunResult, typeId: string): string {
  const lines = messages(r, 'error').flatMap(m => m.split('\n'))
  const found = lines.find(line => line.startsWith(`Could not list ${typeId}:`))
  if (!found) throw new Error(`no "Could not list ${typeId}" error among:\n${lines.join('\n')}\n--- stdout ---\n${r.stdout}`)
  return found
}

/** Whether the log (a plain line or a warning) says the action waited for a rate limit. */
function saysItWaited(r: RunResult, detail: RegExp = /./): boolean {
  return r.stdout
    .split('\n')
    .filter(line => !line.startsWith('::') || line.startsWith('::warning'))
    .some(line => /rate limit/i.test(line) && /wait/i.test(line) && detail.test(line))
}

function report(r: RunResult): {
  requests: unknown[]
  list_failures: { type: string }[]
  reviews: { calls: { ok: boolean; status: number | null; method: string; message?: string }[] } | null
} {
  return JSON.parse(r.reportJson!)
}

function expectClean(r: RunResult): void {
  expect({ code: r.code, total: r.outputs.total, open: r.outputs.open }).toEqual(CLEAN)
  expect(messages(r, 'error')).toEqual([])
}

test('without a fault: every list is read once and the step passes', async () => {
  const { fake, run } = await harness()
  const r = await run()
  expectClean(r)
  for (const segment of Object.values(SEGMENTS)) expect(fake.callsTo('GET', `/repos/${REPOSITORY}/${segment}`)).toHaveLength(1)
})

describe('transient failures are retried and change nothing', () => {
  test.each([500, 502, 503])('%i once, then success', async status => {
    const { fake, run } = await harness()
    fake.fault({ kind: 'status', status, method: 'GET', path: BYPASS_LIST, times: 1 })
    const r = await run()
    expectClean(r)
    expect(fake.callsTo('GET', BYPASS_LIST).map(c => c.status)).toEqual([status, 200])
  })

  test('a connection reset once, then success', async () => {
    const { fake, run } = await harness()
    fake.fault({ kind: 'reset', method: 'GET', path: BYPASS_LIST, times: 1 })
    const r = await run()
    expectClean(r)
    expect(fake.callsTo('GET', BYPASS_LIST).map(c => c.status)).toEqual([-1, 200])
  })

  test(`a response slower than the time limit (${TIMEOUT_ENV}) is abandoned and retried`, async () => {
    const { fake, run } = await harness()
    fake.fault({ kind: 'slow', delayMs: 8000, method: 'GET', path: BYPASS_LIST, times: 1 })
    const started = Date.now()
    const r = await run({}, { env: { [TIMEOUT_ENV]: '1000' } })
    const elapsed = Date.now() - started
    expectClean(r)
    expect(fake.callsTo('GET', BYPASS_LIST)).toHaveLength(2)
    // The slow answer was not waited for.
    expect(elapsed).toBeLessThan(7000)
  })
})

describe('lasting failures fail the step with an actionable message', () => {
  test('a response slower than the time limit every time: retried with backoff, then a clear time-out failure', async () => {
    const { fake, run } = await harness()
    fake.fault({ kind: 'slow', delayMs: 5000, method: 'GET', path: BYPASS_LIST })
    const r = await run({}, { env: { [TIMEOUT_ENV]: '300' } })
    expect(r.code).toBe(1)
    // The first attempt and plugin-retry's three retries.
    expect(fake.callsTo('GET', BYPASS_LIST)).toHaveLength(4)
    expect(r.outputs).toMatchObject(WITHOUT_BYPASS_LIST)
    const message = listError(r, 'secret-scanning-bypass')
    expect(message).toContain(BYPASS_ENDPOINT)
    expect(message).toMatch(/timed out, also on every retry/)
  }, 60_000)

  test('a malformed JSON answer names the endpoint and fails closed', async () => {
    const { fake, run } = await harness()
    fake.fault({ kind: 'malformed', method: 'GET', path: BYPASS_LIST })
    const r = await run()
    expect(r.code).toBe(1)
    expect(r.outputs).toMatchObject(WITHOUT_BYPASS_LIST)
    const message = listError(r, 'secret-scanning-bypass')
    expect(message).toContain(BYPASS_ENDPOINT)
    expect(message).toMatch(/not the JSON list/)
    expect(messages(r, 'error').join('\n')).toMatch(/fails closed/)
  })

  test('401: the token is invalid, and its value appears only in the mask command', async () => {
    const token = 'wrong-token-value'
    const { fake, run } = await harness()
    const r = await run({ token })
    expect(r.code).toBe(1)
    for (const typeId of Object.keys(SEGMENTS)) expect(listError(r, typeId)).toMatch(/token is invalid or missing/)
    expect(fake.calls.length).toBeGreaterThanOrEqual(5)
    expect(fake.calls.every(c => c.status === 401)).toBe(true)
    expect(r.stdout.split('\n').filter(line => line.includes(token))).toEqual([`::add-mask::${token}`])
    expect(r.stderr).not.toContain(token)
    expect(r.summary).not.toContain(token)
    expect(r.outputFile).not.toContain(token)
  })

  test.each([
    ['401', (h: Harness) => h.run({ token: 'wrong-token-value', 'request-types': 'secret-scanning-bypass' })],
    ['403', (h: Harness) => (h.fake.deny(SEGMENTS['secret-scanning-bypass']!, 403), h.run({ 'request-types': 'secret-scanning-bypass' }))],
    ['404', (h: Harness) => (h.fake.deny(SEGMENTS['secret-scanning-bypass']!, 404), h.run({ 'request-types': 'secret-scanning-bypass' }))]
  ])('%s is not transient: the list is asked once, not retried', async (status, go) => {
    const h = await harness()
    const r = await go(h)
    expect(r.code).toBe(1)
    expect(h.fake.callsTo('GET', BYPASS_LIST).map(c => c.status)).toEqual([Number(status)])
  })

  /**
   * 403 per type and scope: the classic scope (security_events; GitHub
   * documents none for the push rule lists) and the fine-grained permission
   * GitHub documents for that endpoint; at enterprise scope, that
   * fine-grained and GitHub App tokens do not work.
   */
  const FORBIDDEN: [string, Scope, (string | RegExp)[]][] = [
    ['secret-scanning-bypass', 'enterprise', []],
    ['secret-scanning-bypass', 'organization', ['"Organization bypass requests for secret scanning" organization permissions (read)']],
    ['secret-scanning-bypass', 'repository', ['"Secret scanning push protection bypass requests" repository permissions (read)']],
    ['push-ruleset-bypass', 'enterprise', []],
    ['push-ruleset-bypass', 'organization', [/"[^"]+" organization permissions/]],
    ['push-ruleset-bypass', 'repository', ['"Contents" repository permissions (write)']],
    ['secret-scanning-dismissal', 'enterprise', []],
    ['secret-scanning-dismissal', 'organization', ['"Secret scanning alert dismissal requests" organization permissions (read)']],
    ['secret-scanning-dismissal', 'repository', ['"Secret scanning alert dismissal requests" repository', '"Contents" repository permissions (read)']],
    ['code-scanning-dismissal', 'organization', ['"Organization dismissal requests for code scanning" organization permissions (read)']],
    [
      'code-scanning-dismissal',
      'repository',
      ['"Organization dismissal requests for code scanning" organization permissions (read)', '"Code scanning alerts" repository permissions (read)']
    ],
    ['dependabot-dismissal', 'organization', ['"Organization dismissal requests for Dependabot" organization permissions (read)']],
    ['dependabot-dismissal', 'repository', [/"[^"]+" repository permissions/]]
  ]
  const SCOPE_INPUTS: Record<Scope, Record<string, string>> = {
    repository: { scope: 'repository' },
    organization: { scope: 'organization' },
    enterprise: { scope: 'enterprise', enterprise: ENTERPRISE }
  }
  const PREFIX: Record<Scope, string> = { repository: `repos/${REPOSITORY}`, organization: 'orgs/octo-org', enterprise: `enterprises/${ENTERPRISE}` }

  test.each(FORBIDDEN)('403 on %s at %s scope names the scope and the permission', async (typeId, scope, permissions) => {
    const { fake, run } = await harness()
    fake.deny(SEGMENTS[typeId]!, 403, scope)
    const r = await run({ ...SCOPE_INPUTS[scope], 'request-types': typeId })
    expect(r.code).toBe(1)
    const message = listError(r, typeId)
    expect(message).toContain(`GET /${PREFIX[scope]}/${SEGMENTS[typeId]}`)
    if (typeId !== 'push-ruleset-bypass') expect(message).toContain('security_events')
    if (scope === 'enterprise') {
      expect(message).toMatch(/(does|do) not work with fine-grained/i)
      expect(message).toMatch(/GitHub App/)
    } else {
      expect(message).toMatch(/fine-grained/i)
      for (const permission of permissions) {
        if (typeof permission === 'string') expect(message).toContain(permission)
        else expect(message).toMatch(permission)
      }
    }
  })

  /** The feature each type needs, in words (not the path segment). */
  const FEATURES: [string, RegExp[]][] = [
    ['secret-scanning-bypass', [/delegated bypass/i, /push protection/i]],
    ['push-ruleset-bypass', [/rulesets?/i, /bypass/i]],
    ['secret-scanning-dismissal', [/delegated alert dismissal/i, /secret scanning/i]],
    ['code-scanning-dismissal', [/delegated alert dismissal/i, /code scanning/i]],
    ['dependabot-dismissal', [/delegated alert dismissal/i, /Dependabot/]]
  ]

  test.each(FEATURES)('404 on %s, named explicitly: not enabled or not visible, naming the feature', async (typeId, feature) => {
    const { fake, run } = await harness()
    fake.deny(SEGMENTS[typeId]!, 404)
    const r = await run({ 'request-types': typeId })
    expect(r.code).toBe(1)
    const message = listError(r, typeId)
    expect(message).toContain(`GET /repos/${REPOSITORY}/${SEGMENTS[typeId]}`)
    expect(message).toMatch(/not enabled or not visible/)
    // The feature in words: strip the path so its segment does not count.
    const words = message.split(`GET /repos/${REPOSITORY}/${SEGMENTS[typeId]}`).join('').replace(`Could not list ${typeId}`, '')
    for (const pattern of feature) expect(words).toMatch(pattern)
  })

  test('404 on a type that `all` expanded to is a warning and the step passes', async () => {
    const { fake, run } = await harness()
    fake.deny(SEGMENTS['dependabot-dismissal']!, 404)
    const r = await run()
    expect(r.code).toBe(0)
    expect(r.outputs).toMatchObject({ total: '4', open: '4' })
    expect(messages(r, 'error')).toEqual([])
    expect(messages(r, 'warning').some(m => m.includes('dependabot-dismissal') && /not enabled or not visible/.test(m))).toBe(true)
  })
})

describe('rate limits are waited out within a budget', () => {
  test('a secondary rate limit (retry-after 1) once: waits, says so in the log, succeeds', async () => {
    const { fake, run } = await harness()
    fake.fault({ kind: 'secondary-rate-limit', retryAfter: 1, method: 'GET', path: BYPASS_LIST, times: 1 })
    const started = Date.now()
    const r = await run()
    expect(Date.now() - started).toBeGreaterThanOrEqual(1000)
    expectClean(r)
    expect(fake.callsTo('GET', BYPASS_LIST).map(c => c.status)).toEqual([403, 200])
    expect(saysItWaited(r, /secondary.*\b1 ?s\b/i)).toBe(true)
  })

  test('a secondary rate limit answered 429 (retry-after 1) once: waits and succeeds', async () => {
    const { fake, run } = await harness()
    fake.fault({ kind: 'secondary-rate-limit', status: 429, retryAfter: 1, method: 'GET', path: BYPASS_LIST, times: 1 })
    const started = Date.now()
    const r = await run()
    expect(Date.now() - started).toBeGreaterThanOrEqual(1000)
    expectClean(r)
    expect(fake.callsTo('GET', BYPASS_LIST).map(c => c.status)).toEqual([429, 200])
    expect(saysItWaited(r, /secondary/i)).toBe(true)
  })

  test('a primary rate limit (x-ratelimit-remaining 0, reset 1 s ahead) once: waits, says so in the log, succeeds', async () => {
    const { fake, run } = await harness()
    fake.fault({ kind: 'primary-rate-limit', retryAfter: 1, method: 'GET', path: BYPASS_LIST, times: 1 })
    const started = Date.now()
    const r = await run()
    // Not before the reset, which is 1 s ahead at most.
    expect(Date.now() - started).toBeGreaterThanOrEqual(1000)
    expectClean(r)
    expect(fake.callsTo('GET', BYPASS_LIST).map(c => c.status)).toEqual([403, 200])
    expect(saysItWaited(r, /primary/i)).toBe(true)
  })

  test.each([
    ['primary-rate-limit' as const, /resets at \d{4}-\d\d-\d\dT\d\d:\d\d:\d\d/],
    ['secondary-rate-limit' as const, /wait \d+ ?s/]
  ])(
    `a %s that never ends fails the step within the budget (${BUDGET_ENV}), saying when it resets`,
    async (kind, when) => {
      const { fake, run } = await harness()
      fake.fault({ kind, retryAfter: 1, method: 'GET', path: BYPASS_LIST })
      const started = Date.now()
      const r = await run({ 'request-types': 'secret-scanning-bypass' }, { env: { [BUDGET_ENV]: '4000' }, timeoutMs: 25_000 })
      const elapsed = Date.now() - started
      expect(r.code).toBe(1)
      expect(elapsed).toBeLessThan(15_000)
      const message = listError(r, 'secret-scanning-bypass')
      expect(message).toMatch(/rate limit/i)
      expect(message).toMatch(when)
      // It did wait before giving up.
      expect(fake.callsTo('GET', BYPASS_LIST).length).toBeGreaterThan(1)
      expect(saysItWaited(r)).toBe(true)
    },
    40_000
  )
})

describe('the gate never passes when a list could not be read, even with fail-on never', () => {
  test.each([
    ['malformed JSON', (h: Harness) => h.fake.fault({ kind: 'malformed', method: 'GET', path: BYPASS_LIST }), /not the JSON list/, undefined],
    ['403', (h: Harness) => h.fake.deny(SEGMENTS['secret-scanning-bypass']!, 403), /403/, undefined],
    // Tried once and retried three times (1 s, 4 s, 9 s apart).
    ['500 on every attempt', (h: Harness) => h.fake.fault({ kind: 'status', status: 500, method: 'GET', path: BYPASS_LIST }), /500.*every retry/, [500, 500, 500, 500]]
  ])(
    '%s',
    async (_name, inject, reason, statuses) => {
      const h = await harness()
      inject(h)
      const r = await h.run({ 'fail-on': 'never' })
      expect(r.code).toBe(1)
      expect(r.outputs).toMatchObject(WITHOUT_BYPASS_LIST)
      const message = listError(r, 'secret-scanning-bypass')
      expect(message).toContain(BYPASS_ENDPOINT)
      expect(message).toMatch(reason)
      expect(message).toMatch(/fails closed/)
      expect(report(r).list_failures.map(f => f.type)).toEqual(['secret-scanning-bypass'])
      if (statuses) expect(h.fake.callsTo('GET', BYPASS_LIST).map(c => c.status)).toEqual(statuses)
    },
    40_000
  )
})

describe('a review call is never retried', () => {
  test.each([
    ['answered 502', { kind: 'status' as const, status: 502 }, 502],
    ['cut by a connection reset', { kind: 'reset' as const }, null]
  ])('a review %s: exactly one PATCH, recorded as a failed review', async (_name, fault, recorded) => {
    // `recorded`: the status GitHub answered, or null when no answer came.
    const { fake, run } = await harness()
    fake.fault({ ...fault, method: 'PATCH' })
    const r = await run({
      'request-types': 'secret-scanning-bypass',
      review: 'approve',
      'review-message': 'Approved: test fixture, not a real secret',
      'review-targets': `${REPOSITORY}#1`
    })
    expect(r.code).toBe(1)
    const patches = fake.callsTo('PATCH', /\/bypass-requests\/secret-scanning\/1$/)
    expect(patches).toHaveLength(1)
    expect(fake.calls.filter(c => c.method === 'PATCH')).toHaveLength(1)
    expect(r.outputs).toMatchObject({ reviewed: '0', 'review-failures': '1' })
    const calls = report(r).reviews?.calls ?? []
    expect(calls).toHaveLength(1)
    expect(calls[0]).toMatchObject({ method: 'PATCH', ok: false, status: recorded })
    // The record must not claim retries that were never made, and says why none was.
    expect(calls[0]?.message ?? '').not.toMatch(/every retry/i)
    expect(calls[0]?.message ?? '').toMatch(/not retried: it may have been applied/)
    // Nothing was applied: the request is still open.
    expect(fake.requests.find(q => q.segment === SEGMENTS['secret-scanning-bypass'] && q.number === 1)?.status).toBe('open')
  })
})

test('a review answered 403 is a failed review naming the permission a reviewer needs', async () => {
  const { fake, run } = await harness()
  fake.fault({ kind: 'status', status: 403, method: 'PATCH', message: 'Resource not accessible by personal access token' })
  const r = await run({
    'request-types': 'secret-scanning-dismissal',
    review: 'deny',
    'review-message': 'Not revoked yet',
    'review-targets': `${REPOSITORY}#4`
  })
  expect(r.code).toBe(1)
  const [call] = report(r).reviews?.calls ?? []
  expect(call).toMatchObject({ method: 'PATCH', ok: false, status: 403 })
  expect(call?.message).toMatch(/may not review secret scanning alert dismissal requests/)
  expect(call?.message).toContain('security_events')
  expect(call?.message).toContain('"Secret scanning alert dismissal requests" repository or organization permissions (write)')
  expect(fake.callsTo('PATCH', /./)).toHaveLength(1)
})
