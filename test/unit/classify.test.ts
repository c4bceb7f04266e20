import { describe, expect, test } from '@jest/globals'
import { byUrgency, classify, countRecords, expiresInMs } from '../../src/classify.js'
import type { RequestRecord } from '../../src/requests.js'
import { DAY, HOUR, NOW, bypass, plainRecord, record } from './record-builders.js'

const MINUTE = 60_000

/** A record created `ageMs` before NOW, classified against NOW. */
function aged(ageMs: number, overrides: Partial<RequestRecord> = {}, staleAfterMs = DAY): RequestRecord {
  return classify(plainRecord({ created_at: new Date(NOW - ageMs).toISOString(), ...overrides }), NOW, staleAfterMs)
}

describe('classify: age', () => {
  test.each([
    { name: '90 minutes', ageMs: 90 * MINUTE, hours: 1.5 },
    { name: '2 hours 2 minutes (rounds down to a tenth)', ageMs: 2 * HOUR + 2 * MINUTE, hours: 2 },
    { name: '2 hours 4 minutes (rounds up to a tenth)', ageMs: 2 * HOUR + 4 * MINUTE, hours: 2.1 },
    { name: '2 minutes', ageMs: 2 * MINUTE, hours: 0 },
    { name: '4 minutes', ageMs: 4 * MINUTE, hours: 0.1 },
    { name: '30 seconds', ageMs: 30_000, hours: 0 },
    { name: '3 days 7 hours', ageMs: 3 * DAY + 7 * HOUR, hours: 79 },
    { name: 'no time at all', ageMs: 0, hours: 0 }
  ])('$name old → age_hours $hours', ({ ageMs, hours }) => {
    expect(aged(ageMs).age_hours).toBe(hours)
  })

  test('a request created after the clock reading has age 0, not a negative age', () => {
    expect(aged(-2 * HOUR).age_hours).toBe(0)
  })

  test('the item as GitHub sends it (second precision, Z suffix)', () => {
    const r = record({ kind: 'secret-scanning-bypass', repository: 'octo-org/smile', number: 1, ageHours: 30 })
    expect(r.age_hours).toBe(30)
    expect(r.stale).toBe(true)
    expect(r.open).toBe(true)
  })
})

describe('classify: stale', () => {
  test('exactly at the threshold is stale', () => {
    expect(aged(DAY).stale).toBe(true)
  })

  test('one minute under the threshold is not stale', () => {
    expect(aged(DAY - MINUTE).stale).toBe(false)
  })

  test('one second under the threshold is not stale', () => {
    expect(aged(DAY - 1000).stale).toBe(false)
  })

  test('one minute over the threshold is stale', () => {
    expect(aged(DAY + MINUTE).stale).toBe(true)
  })

  test('the threshold is the one given, not a default', () => {
    expect(aged(2 * HOUR, {}, 90 * MINUTE).stale).toBe(true)
    expect(aged(2 * HOUR, {}, 3 * HOUR).stale).toBe(false)
    expect(aged(8 * DAY, {}, 7 * DAY).stale).toBe(true)
  })

  test('a pending request is open and can be stale', () => {
    expect(aged(2 * DAY, { status: 'pending', open: true }).stale).toBe(true)
  })

  test.each(['approved', 'denied', 'expired', 'cancelled', 'completed'])('status %s: never stale, however old', status => {
    const r = aged(30 * DAY, { status, open: false })
    expect(r.stale).toBe(false)
    expect(r.age_hours).toBe(720)
  })

  test.each(['not a date', '', '2024-13-45T99:00:00Z'])('unparsable created_at %j: age 0, not stale', createdAt => {
    const r = classify(plainRecord({ created_at: createdAt }), NOW, DAY)
    expect(r.age_hours).toBe(0)
    expect(r.stale).toBe(false)
  })

  test('a record with a problem is stale, however young (it fails closed)', () => {
    const r = aged(MINUTE, { status: 'weird', open: true, problems: ['status "weird" is not one the action knows'] })
    expect([r.open, r.stale, r.age_hours]).toEqual([true, true, 0])
    // Without the problem, the same record is not stale.
    expect(aged(MINUTE, { status: 'open', open: true }).stale).toBe(false)
  })

  test('classify returns a new record and leaves its input alone', () => {
    const input = plainRecord({ created_at: new Date(NOW - 3 * DAY).toISOString(), age_hours: 0, stale: false })
    const out = classify(input, NOW, DAY)
    expect(out).not.toBe(input)
    expect([input.stale, input.age_hours]).toEqual([false, 0])
    expect([out.stale, out.age_hours]).toEqual([true, 72])
  })
})

describe('expiresInMs', () => {
  test('in the future: positive', () => {
    expect(expiresInMs(plainRecord({ expires_at: new Date(NOW + 2 * HOUR).toISOString() }), NOW)).toBe(2 * HOUR)
  })
  test('in the past: negative', () => {
    expect(expiresInMs(plainRecord({ expires_at: new Date(NOW - 90 * MINUTE).toISOString() }), NOW)).toBe(-90 * MINUTE)
  })
  test('now: zero', () => {
    expect(expiresInMs(plainRecord({ expires_at: new Date(NOW).toISOString() }), NOW)).toBe(0)
  })
  test('GitHub’s form without milliseconds', () => {
    expect(expiresInMs(plainRecord({ expires_at: '2025-03-17T12:00:00Z' }), NOW)).toBe(7 * DAY)
  })
  test('no expiry: undefined', () => {
    expect(expiresInMs(plainRecord({ expires_at: null }), NOW)).toBeUndefined()
  })
  test('unparsable expiry: undefined', () => {
    expect(expiresInMs(plainRecord({ expires_at: 'soon' }), NOW)).toBeUndefined()
  })
})

describe('byUrgency', () => {
  /** Records with names, so the expected order reads plainly. */
  const named = (name: string, ageMs: number, status: string): RequestRecord =>
    aged(ageMs, { status, open: status === 'open' || status === 'pending', comment: name })

  const EXPECTED = [
    'stale 5d',
    'stale 50h',
    'stale 30h',
    'open 23h',
    'open 5h 2m',
    'open 5h 1m',
    'open 1h',
    'denied 10d',
    'expired 8d',
    'approved 2h'
  ]
  const RECORDS = [
    named('open 1h', HOUR, 'open'),
    named('denied 10d', 10 * DAY, 'denied'),
    named('stale 30h', 30 * HOUR, 'pending'),
    named('open 5h 1m', 5 * HOUR + MINUTE, 'open'),
    named('approved 2h', 2 * HOUR, 'approved'),
    named('stale 5d', 5 * DAY, 'open'),
    named('expired 8d', 8 * DAY, 'expired'),
    named('open 23h', 23 * HOUR, 'pending'),
    named('stale 50h', 50 * HOUR, 'open'),
    named('open 5h 2m', 5 * HOUR + 2 * MINUTE, 'open')
  ]

  /** A deterministic shuffle (a small linear congruential generator). */
  function shuffled<T>(items: T[], seed: number): T[] {
    const out = [...items]
    let state = seed
    for (let i = out.length - 1; i > 0; i--) {
      state = (state * 1103515245 + 12345) % 2147483648
      const j = state % (i + 1)
      ;[out[i], out[j]] = [out[j]!, out[i]!]
    }
    return out
  }

  test('the records are what the test means them to be', () => {
    const stale = RECORDS.filter(r => r.stale).map(r => r.comment)
    expect(stale.sort()).toEqual(['stale 30h', 'stale 50h', 'stale 5d'])
    // Both five-hour requests round to the same age: the order between them comes from created_at.
    expect(RECORDS.find(r => r.comment === 'open 5h 1m')!.age_hours).toBe(RECORDS.find(r => r.comment === 'open 5h 2m')!.age_hours)
  })

  test.each([1, 2, 3, 42, 2024, 99991])('stale, then open, then the rest; oldest first in each (shuffle %d)', seed => {
    expect(shuffled(RECORDS, seed).sort(byUrgency).map(r => r.comment)).toEqual(EXPECTED)
  })

  test('reversed input', () => {
    expect([...RECORDS].reverse().sort(byUrgency).map(r => r.comment)).toEqual(EXPECTED)
  })

  test('records normalized from GitHub’s items sort the same way', () => {
    const records = [
      record({ kind: 'dependabot-dismissal', repository: 'octo-org/a', number: 1, ageHours: 3 }),
      record({ kind: 'secret-scanning-bypass', repository: 'octo-org/a', number: 2, ageHours: 40 }),
      record({ kind: 'code-scanning-dismissal', repository: 'octo-org/a', number: 3, ageHours: 200, status: 'denied' }),
      record({ kind: 'push-ruleset-bypass', repository: 'octo-org/a', number: 4, ageHours: 26 }),
      record({ kind: 'secret-scanning-dismissal', repository: 'octo-org/a', number: 5, ageHours: 12 })
    ]
    expect(records.sort(byUrgency).map(r => r.number)).toEqual([2, 4, 5, 1, 3])
  })
})

describe('countRecords', () => {
  test('counts all records, the open ones and the stale ones', () => {
    const records = [
      bypass(1, { ageHours: 2 }),
      bypass(2, { ageHours: 30 }),
      bypass(3, { ageHours: 90, status: 'denied' }),
      bypass(4, { ageHours: 50, status: 'approved' })
    ]
    expect(countRecords(records)).toEqual({ total: 4, open: 2, stale: 1 })
    expect(countRecords([])).toEqual({ total: 0, open: 0, stale: 0 })
  })
})
