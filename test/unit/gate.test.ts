import { describe, expect, test } from '@jest/globals'
import { byUrgency } from '../../src/classify.js'
import { gate } from '../../src/gate.js'
import type { RequestRecord } from '../../src/requests.js'
import { DAY, HOUR, REPO, bypass, failure, plainRecord, record, reviewCall } from './record-builders.js'

describe('gate', () => {
  const openOnly = () => [bypass(1, { ageHours: 2 }), bypass(2, { ageHours: 5 })].sort(byUrgency)
  const withStale = () => [bypass(1, { ageHours: 2 }), bypass(2, { ageHours: 30 })].sort(byUrgency)
  const closedOnly = () => [bypass(1, { ageHours: 90, status: 'denied' }), bypass(2, { ageHours: 50, status: 'approved' })]
  /** Expires in 5 hours (the fake GitHub's requests expire a week after they are made): expiring, and stale. */
  const withExpiring = () => [bypass(1, { ageHours: 2 }), bypass(2, { ageHours: 7 * 24 - 5 })].sort(byUrgency)

  test.each<[string, () => RequestRecord[], Record<string, boolean>]>([
    ['no records', () => [], { open: false, stale: false, expiring: false, never: false }],
    ['open, none stale', openOnly, { open: true, stale: false, expiring: false, never: false }],
    ['one stale', withStale, { open: true, stale: true, expiring: false, never: false }],
    ['one expiring', withExpiring, { open: true, stale: true, expiring: true, never: false }],
    ['none open', closedOnly, { open: false, stale: false, expiring: false, never: false }]
  ])('%s', (_name, make, expected) => {
    for (const failOn of ['open', 'stale', 'expiring', 'never'] as const) {
      const verdict = gate({ records: make(), failures: [], failOn, planErrors: [] })
      expect([failOn, verdict.failed]).toEqual([failOn, expected[failOn]])
      expect(verdict.messages.length > 0).toBe(verdict.failed)
    }
  })

  test('the message names the counts, fail-on, the oldest failing request and its age', () => {
    const records = [
      bypass(1, { ageHours: 30 }),
      record({ kind: 'secret-scanning-dismissal', repository: REPO, number: 42, alertNumber: 17, ageHours: 75.5 }),
      bypass(3, { ageHours: 40 }),
      bypass(4, { ageHours: 3 })
    ]
    const verdict = gate({ records, failures: [], failOn: 'stale', planErrors: [] })
    expect(verdict.messages).toEqual([
      '4 open exemption requests (3 stale, 0 expiring) matched, failing because fail-on is stale. ' +
        `The oldest is secret-scanning-dismissal ${REPO} alert #17, open for 3d 3h.`
    ])
  })

  test('fail-on open: the oldest open request, stale or not', () => {
    const records = [bypass(1, { ageHours: 3 }), bypass(2, { ageHours: 20 }), bypass(3, { ageHours: 500, status: 'denied' })]
    const verdict = gate({ records, failures: [], failOn: 'open', planErrors: [] })
    expect(verdict.messages).toEqual([
      `2 open exemption requests (0 stale, 0 expiring) matched, failing because fail-on is open. The oldest is secret-scanning-bypass ${REPO} request #2, open for 20h.`
    ])
  })

  test('one request: singular', () => {
    const verdict = gate({ records: [bypass(1, { ageHours: 26 })], failures: [], failOn: 'stale', planErrors: [] })
    expect(verdict.messages[0]).toMatch(/^1 open exemption request \(1 stale, 0 expiring\) matched/)
    expect(verdict.messages[0]).toContain('open for 1d 2h')
  })

  test('fail-on expiring: the message counts the expiring ones and names the one that expires soonest, with its time left', () => {
    const records = [
      bypass(1, { ageHours: 3 }),
      bypass(2, { ageHours: 7 * 24 - 5 }),
      record({ kind: 'secret-scanning-dismissal', repository: REPO, number: 42, alertNumber: 17, ageHours: 7 * 24 - 2.5 }),
      bypass(4, { ageHours: 30 })
    ].sort(byUrgency)
    expect(records.map(r => [r.number, r.expiring, r.stale])).toEqual([
      [42, true, true],
      [2, true, true],
      [4, false, true],
      [1, false, false]
    ])
    expect(gate({ records, failures: [], failOn: 'expiring', planErrors: [] }).messages).toEqual([
      '4 open exemption requests (3 stale, 2 expiring) matched, failing because fail-on is expiring. ' +
        `The soonest to expire is secret-scanning-dismissal ${REPO} alert #17: 2h 30m.`
    ])
  })

  test('fail-on expiring: the soonest is named whatever the order of the records, not the oldest', () => {
    const records = [bypass(1, { ageHours: 7 * 24 - 20 }), bypass(2, { ageHours: 2 }), bypass(3, { ageHours: 7 * 24 - 4 })]
    const soonest = bypass(9, { ageHours: 1, override: { expires_at: '2025-03-10T13:00:00Z' } })
    expect([soonest.expiring, soonest.stale, soonest.expires_in_hours]).toEqual([true, false, 1])
    const verdict = gate({ records: [...records, soonest], failures: [], failOn: 'expiring', planErrors: [] })
    expect(verdict.messages[0]).toBe(
      '4 open exemption requests (2 stale, 3 expiring) matched, failing because fail-on is expiring. ' +
        `The soonest to expire is secret-scanning-bypass ${REPO} request #9: 1h.`
    )
  })

  test('fail-on expiring: one already past its expiry reads expired; the same time left: the oldest', () => {
    const past = plainRecord({ number: 1, expiring: true, stale: true, age_hours: 170, expires_in_hours: -2 })
    const young = plainRecord({ number: 2, expiring: true, age_hours: 3, expires_in_hours: 4 })
    const old = plainRecord({ number: 3, expiring: true, stale: true, age_hours: 40, expires_in_hours: 4 })
    expect(gate({ records: [young, past], failures: [], failOn: 'expiring', planErrors: [] }).messages[0]).toMatch(
      new RegExp(`The soonest to expire is secret-scanning-bypass ${REPO} request #1: expired\\.$`)
    )
    expect(gate({ records: [young, old], failures: [], failOn: 'expiring', planErrors: [] }).messages[0]).toMatch(
      new RegExp(`The soonest to expire is secret-scanning-bypass ${REPO} request #3: 4h\\.$`)
    )
  })

  test('fail-on expiring: a request the action cannot interpret fails it, with no expiry to give', () => {
    const unreadable = bypass(7, { status: 'weird', override: { expires_at: undefined } })
    expect([unreadable.problems.length > 0, unreadable.expiring, unreadable.expires_in_hours]).toEqual([true, true, null])
    expect(gate({ records: [unreadable], failures: [], failOn: 'expiring', planErrors: [] }).messages).toEqual([
      '1 open exemption request (1 stale, 1 expiring) matched, failing because fail-on is expiring. ' +
        `The soonest to expire is secret-scanning-bypass ${REPO} request #7: no expiry given.`
    ])
  })

  test('fail-on expiring: open and stale requests that do not expire soon pass', () => {
    const records = [bypass(1, { ageHours: 2 }), bypass(2, { ageHours: 100 }), bypass(3, { ageHours: 200, status: 'expired' })]
    expect(records.map(r => r.expiring)).toEqual([false, false, false])
    expect(gate({ records, failures: [], failOn: 'expiring', planErrors: [] })).toEqual({ failed: false, messages: [] })
  })

  test('a list that could not be read fails closed', () => {
    for (const failOn of ['open', 'stale', 'expiring'] as const) {
      const verdict = gate({
        records: [],
        failures: [failure('code-scanning-dismissal', 'GitHub answered 403 to GET /repos/octo-org/smile/dismissal-requests/code-scanning.')],
        failOn,
        planErrors: []
      })
      expect(verdict.failed).toBe(true)
      expect(verdict.messages).toHaveLength(1)
      expect(verdict.messages[0]).toContain('Could not list code-scanning-dismissal: GitHub answered 403')
      expect(verdict.messages[0]).toContain('fails closed')
    }
  })

  test('a skipped list (feature off, reached through all) does not fail', () => {
    const verdict = gate({ records: openOnly(), failures: [failure('dependabot-dismissal', 'Not enabled.', true)], failOn: 'stale', planErrors: [] })
    expect(verdict).toEqual({ failed: false, messages: [] })
  })

  test('failures and failing requests are all reported, failures first', () => {
    const verdict = gate({
      records: withStale(),
      failures: [failure('code-scanning-dismissal', 'A.'), failure('dependabot-dismissal', 'B.', true), failure('secret-scanning-dismissal', 'C.')],
      failOn: 'stale',
      planErrors: []
    })
    expect(verdict.failed).toBe(true)
    expect(verdict.messages).toHaveLength(3)
    expect(verdict.messages[0]).toContain('code-scanning-dismissal: A.')
    expect(verdict.messages[1]).toContain('secret-scanning-dismissal: C.')
    expect(verdict.messages[2]).toMatch(/^2 open exemption requests \(1 stale, 0 expiring\)/)
  })

  test('a refused review plan and failed review calls fail the step, after the other reasons', () => {
    const reviews = { review: 'deny', policy: false, dryRun: false, calls: [], skipped: [], errors: [], reviewed: 1, failures: 2 }
    const threeCalls = {
      ...reviews,
      calls: [1, 2, 3].map(n => ({
        type: 'secret-scanning-bypass' as const,
        repository: REPO,
        number: n,
        target: null,
        action: 'deny',
        method: 'PATCH',
        path: '/x',
        status: 422,
        ok: n === 1
      }))
    }
    const verdict = gate({ records: withStale(), failures: [], failOn: 'never', planErrors: ['Unknown target x.'], reviews: threeCalls })
    expect(verdict).toEqual({
      failed: true,
      messages: ['The review plan was refused; nothing was reviewed:', 'Unknown target x.', '2 of 3 review calls failed: PATCH /x, PATCH /x.']
    })
    expect(gate({ records: [], failures: [], failOn: 'stale', planErrors: [], reviews: { ...threeCalls, failures: 0 } }).failed).toBe(false)
  })

  test('failed review calls are named by their target, the first 10 of them, and the rest counted', () => {
    const calls = Array.from({ length: 13 }, (_, i) => reviewCall(i + 1, i === 0 ? {} : { status: 422, ok: false }))
    const reviews = { review: 'approve', policy: false, dryRun: false, calls, skipped: [], errors: [], reviewed: 1, failures: 12 }
    const named = Array.from({ length: 10 }, (_, i) => `secret-scanning-bypass:${REPO}#${i + 2}`).join(', ')
    expect(gate({ records: [], failures: [], failOn: 'never', planErrors: [], reviews }).messages).toEqual([`12 of 13 review calls failed: ${named} and 2 more.`])
  })

  test('ages past a day read in days and hours', () => {
    const verdict = gate({ records: [bypass(1, { ageHours: 24 * 9 + 5 })], failures: [], failOn: 'open', planErrors: [] })
    expect(verdict.messages[0]).toContain('open for 9d 5h.')
    expect(DAY).toBe(24 * HOUR)
  })
})
