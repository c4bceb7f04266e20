/**
 * The pull-request gate, run as the bundled action against the fake GitHub:
 * which runs fail under each `fail-on`, what the failure message says,
 * `stale-after`, failing closed on lists that cannot be read, and the
 * count outputs.
 */
import { describe, expect, test } from '@jest/globals'
import { makeRequest, type StoredRequest } from '../fake-github/model.js'
import type { RunResult } from '../fake-github/runner.js'
import { REQUEST_TYPES } from '../../src/request-types.js'
import { shownAs, useHarness } from './helpers.js'

const h = useHarness()

const REPO = 'octo-org/smile'

/** The step's failure message: the last error annotation printed without properties (no title). */
function failureMessage(r: RunResult): string | undefined {
  return r.annotations.filter(a => a.level === 'error' && Object.keys(a.properties).length === 0).at(-1)?.message
}

function titleOf(typeId: string): string {
  const type = REQUEST_TYPES.find(t => t.id === typeId)
  if (!type) throw new Error(`no type ${typeId}`)
  return type.title
}

/** The message names the type (by id or by title) of the given request. */
function expectNamesType(message: string, typeId: string): void {
  const named = message.includes(typeId) || message.toLowerCase().includes(titleOf(typeId).toLowerCase())
  expect({ message, named }).toEqual({ message, named: true })
}

type Scenario = 'none' | 'open-only' | 'stale'

function scenario(name: Scenario): StoredRequest[] {
  switch (name) {
    case 'none':
      return []
    case 'open-only':
      return [
        makeRequest({ kind: 'secret-scanning-bypass', repository: REPO, number: 1, ageHours: 3 }),
        makeRequest({ kind: 'dependabot-dismissal', repository: REPO, number: 2, ageHours: 5.5 })
      ]
    case 'stale':
      return [
        makeRequest({ kind: 'secret-scanning-bypass', repository: REPO, number: 1, ageHours: 3 }),
        makeRequest({ kind: 'code-scanning-dismissal', repository: REPO, number: 4, ageHours: 30 }),
        makeRequest({ kind: 'push-ruleset-bypass', repository: REPO, number: 5, ageHours: 76.3 }),
        makeRequest({ kind: 'secret-scanning-dismissal', repository: REPO, number: 6, ageHours: 50 })
      ]
  }
}

interface Expected {
  code: 0 | 1
  open: number
  stale: number
  /** When failing: the oldest matching request. */
  oldest?: { type: string; number: number; age: string }
}

const CASES: [Scenario, 'open' | 'stale' | 'never', Expected][] = [
  ['none', 'open', { code: 0, open: 0, stale: 0 }],
  ['none', 'stale', { code: 0, open: 0, stale: 0 }],
  ['none', 'never', { code: 0, open: 0, stale: 0 }],
  ['open-only', 'open', { code: 1, open: 2, stale: 0, oldest: { type: 'dependabot-dismissal', number: 2, age: '5h 30m' } }],
  ['open-only', 'stale', { code: 0, open: 2, stale: 0 }],
  ['open-only', 'never', { code: 0, open: 2, stale: 0 }],
  ['stale', 'open', { code: 1, open: 4, stale: 3, oldest: { type: 'push-ruleset-bypass', number: 5, age: '3d 4h' } }],
  ['stale', 'stale', { code: 1, open: 4, stale: 3, oldest: { type: 'push-ruleset-bypass', number: 5, age: '3d 4h' } }],
  ['stale', 'never', { code: 0, open: 4, stale: 3 }]
]

describe('fail-on', () => {
  test.each(CASES)('%s requests, fail-on %s', async (name, failOn, expected) => {
    h.fake.requests = scenario(name)
    const r = await h.run({ 'fail-on': failOn })

    expect(r.code).toBe(expected.code)
    expect(r.outputs.open).toBe(String(expected.open))
    expect(r.outputs.stale).toBe(String(expected.stale))
    const message = failureMessage(r)
    if (expected.code === 0) {
      expect(message).toBeUndefined()
      return
    }
    expect(message).toBeDefined()
    const text = message!
    expect(text).toMatch(new RegExp(`\\b${expected.open} open\\b`))
    expect(text).toMatch(new RegExp(`\\b${expected.stale} stale\\b`))
    expectNamesType(text, expected.oldest!.type)
    expect(text).toContain(shownAs(REPO, expected.oldest!.type, expected.oldest!.number))
    expect(text).toContain(expected.oldest!.age)
  })
})

describe('stale-after', () => {
  test('a request 25h old is stale with the default 24h', async () => {
    h.fake.requests = [makeRequest({ kind: 'secret-scanning-bypass', repository: REPO, number: 8, ageHours: 25 })]
    const r = await h.run()
    expect(r.code).toBe(1)
    expect(r.outputs.open).toBe('1')
    expect(r.outputs.stale).toBe('1')
    expect(failureMessage(r)).toContain(shownAs(REPO, 'secret-scanning-bypass', 8))
  })

  test('a request 25h old is not stale with stale-after 36h', async () => {
    h.fake.requests = [makeRequest({ kind: 'secret-scanning-bypass', repository: REPO, number: 8, ageHours: 25 })]
    const r = await h.run({ 'stale-after': '36h' })
    expect(r.code).toBe(0)
    expect(r.outputs.open).toBe('1')
    expect(r.outputs.stale).toBe('0')
    expect(failureMessage(r)).toBeUndefined()
  })

  test('stale-after 90m: 2h is stale, 1h is not', async () => {
    h.fake.requests = [
      makeRequest({ kind: 'secret-scanning-bypass', repository: REPO, number: 1, ageHours: 1 }),
      makeRequest({ kind: 'secret-scanning-dismissal', repository: REPO, number: 2, ageHours: 2 })
    ]
    const r = await h.run({ 'stale-after': '90m' })
    expect(r.code).toBe(1)
    expect(r.outputs.open).toBe('2')
    expect(r.outputs.stale).toBe('1')
    const message = failureMessage(r)!
    expect(message).toContain(shownAs(REPO, 'secret-scanning-dismissal', 2))
    expectNamesType(message, 'secret-scanning-dismissal')
    expect(message).toContain('2h')
  })
})

describe('fails closed', () => {
  test('an explicitly named type answering 403 fails the step even with fail-on never', async () => {
    h.fake.requests = [makeRequest({ kind: 'secret-scanning-bypass', repository: REPO, number: 1, ageHours: 2 })]
    h.fake.deny('dismissal-requests/dependabot', 403)
    const r = await h.run({ 'request-types': 'secret-scanning-bypass, dependabot-dismissal', 'fail-on': 'never' })

    expect(h.fake.callsTo('GET', '/repos/octo-org/smile/dismissal-requests/dependabot').map(c => c.status)).toContain(403)
    expect(r.code).toBe(1)
    const message = failureMessage(r)
    expect(message).toBeDefined()
    expectNamesType(message!, 'dependabot-dismissal')
    expect(message).toContain('403')
    // Why: the token lacks a permission; the classic scope is named.
    expect(message).toMatch(/permission/i)
    expect(message).toContain('security_events')
    // The type that could be read is still reported.
    expect(r.outputs.total).toBe('1')
  })

  test('a type reached through `all` answering 403 fails the step', async () => {
    h.fake.deny('dismissal-requests/secret-scanning', 403)
    const r = await h.run({ 'fail-on': 'never' })
    expect(r.code).toBe(1)
    const message = failureMessage(r)
    expect(message).toBeDefined()
    expectNamesType(message!, 'secret-scanning-dismissal')
    expect(message).toContain('403')
  })

  test('a type reached through `all` answering 404 is a warning and the step passes', async () => {
    h.fake.deny('dismissal-requests/code-scanning', 404)
    const r = await h.run()

    expect(h.fake.callsTo('GET', '/repos/octo-org/smile/dismissal-requests/code-scanning').map(c => c.status)).toContain(404)
    expect(r.code).toBe(0)
    expect(failureMessage(r)).toBeUndefined()
    expect(r.annotations.filter(a => a.level === 'error')).toEqual([])
    const warnings = r.annotations.filter(a => a.level === 'warning')
    const skipped = warnings.filter(w => w.message.includes('code-scanning-dismissal') || w.message.toLowerCase().includes('code scanning'))
    expect(skipped).toHaveLength(1)
    expect(skipped[0]!.message).toContain('404')
    expect(r.outputs.total).toBe('0')
  })

  test('the same type named explicitly answering 404 fails the step', async () => {
    h.fake.deny('dismissal-requests/code-scanning', 404)
    const r = await h.run({ 'request-types': 'code-scanning-dismissal', 'fail-on': 'never' })
    expect(r.code).toBe(1)
    const message = failureMessage(r)
    expect(message).toBeDefined()
    expectNamesType(message!, 'code-scanning-dismissal')
    expect(message).toContain('404')
    expect(message).toMatch(/not enabled|feature/i)
  })
})

describe('count outputs', () => {
  function mix(): StoredRequest[] {
    return [
      makeRequest({ kind: 'secret-scanning-bypass', repository: REPO, number: 1, ageHours: 30 }), // open, stale
      makeRequest({ kind: 'secret-scanning-bypass', repository: REPO, number: 2, ageHours: 3 }), // open
      makeRequest({ kind: 'dependabot-dismissal', repository: REPO, number: 3, ageHours: 4, status: 'pending' }), // open
      makeRequest({ kind: 'code-scanning-dismissal', repository: REPO, number: 4, ageHours: 40, status: 'approved' }),
      makeRequest({
        kind: 'secret-scanning-dismissal',
        repository: REPO,
        number: 5,
        ageHours: 50,
        status: 'denied',
        responses: [{ id: 77, reviewer: 'security-lead', status: 'denied', created_at: new Date(Date.now() - 40 * 3_600_000).toISOString() }]
      }),
      makeRequest({ kind: 'push-ruleset-bypass', repository: REPO, number: 6, ageHours: 100, status: 'expired' }),
      makeRequest({ kind: 'secret-scanning-bypass', repository: REPO, number: 7, ageHours: 60, status: 'approved' })
    ]
  }

  test('request-status all: approved, denied and expired requests count in total only', async () => {
    h.fake.requests = mix()
    const r = await h.run({ 'request-status': 'all', 'fail-on': 'never' })
    expect(r.code).toBe(0)
    expect({ total: r.outputs.total, open: r.outputs.open, stale: r.outputs.stale }).toEqual({ total: '7', open: '3', stale: '1' })
  })

  test('request-status open: only the open ones are matched', async () => {
    h.fake.requests = mix()
    const r = await h.run({ 'fail-on': 'never' })
    expect(r.code).toBe(0)
    expect({ total: r.outputs.total, open: r.outputs.open, stale: r.outputs.stale }).toEqual({ total: '3', open: '3', stale: '1' })
  })
})
