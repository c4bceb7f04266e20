import { describe, expect, test } from '@jest/globals'
import { byExpiry, byUrgency, classify, countRecords, dismissesActiveSecret, expiresInMs, firstToRunOut, inOrderOfExpiry, inOrderOfUrgency } from '../../src/classify.js'
import type { RecordAlert, RequestRecord } from '../../src/requests.js'
import { DAY, HOUR, NOW, bypass, dismissal, plainRecord, pushRule, record, secretAlert, unavailableAlert } from './record-builders.js'

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

describe('classify: expiring and expires_in_hours', () => {
  /** A record that expires `inMs` after NOW, classified against NOW (stale after a day). */
  function expiresIn(inMs: number, overrides: Partial<RequestRecord> = {}, expiringWithinMs?: number): RequestRecord {
    return classify(plainRecord({ expires_at: new Date(NOW + inMs).toISOString(), ...overrides }), NOW, DAY, expiringWithinMs)
  }

  test('exactly at the threshold is expiring', () => {
    expect([expiresIn(DAY).expiring, expiresIn(DAY).expires_in_hours]).toEqual([true, 24])
  })

  test('one minute over the threshold is not expiring', () => {
    expect(expiresIn(DAY + MINUTE).expiring).toBe(false)
  })

  test('the threshold defaults to a day; the one given wins', () => {
    expect([expiresIn(DAY - MINUTE).expiring, expiresIn(DAY + MINUTE).expiring]).toEqual([true, false])
    expect([expiresIn(2 * HOUR, {}, 3 * HOUR).expiring, expiresIn(4 * HOUR, {}, 3 * HOUR).expiring]).toEqual([true, false])
    expect(expiresIn(6 * DAY, {}, 7 * DAY).expiring).toBe(true)
  })

  test('past its expiry while still open: expiring, with a negative time left', () => {
    const r = expiresIn(-90 * MINUTE)
    expect([r.expiring, r.expires_in_hours]).toEqual([true, -1.5])
    expect(expiresIn(-30 * DAY).expiring).toBe(true)
  })

  test('expiring is independent of stale: a young request can be expiring, an old one not', () => {
    const young = expiresIn(HOUR, { created_at: new Date(NOW - HOUR).toISOString() })
    const old = expiresIn(5 * DAY, { created_at: new Date(NOW - 2 * DAY).toISOString() })
    expect([young.expiring, young.stale]).toEqual([true, false])
    expect([old.expiring, old.stale]).toEqual([false, true])
  })

  test.each(['approved', 'denied', 'expired', 'cancelled', 'completed'])('status %s: never expiring, however close or past its expiry', status => {
    for (const inMs of [HOUR, 0, -DAY]) {
      const r = expiresIn(inMs, { status, open: false })
      expect([status, inMs, r.expiring]).toEqual([status, inMs, false])
    }
    // The time left is still given.
    expect(expiresIn(-DAY, { status, open: false }).expires_in_hours).toBe(-24)
  })

  test('a pending request is open and can be expiring', () => {
    expect(expiresIn(HOUR, { status: 'pending', open: true }).expiring).toBe(true)
  })

  test.each([null, 'soon', ''])('expires_at %j: expires_in_hours null, not expiring', expiresAt => {
    const r = classify(plainRecord({ expires_at: expiresAt }), NOW, DAY)
    expect([r.expires_in_hours, r.expiring]).toEqual([null, false])
  })

  test.each([
    { name: '2 hours 2 minutes (to a hundredth)', inMs: 2 * HOUR + 2 * MINUTE, hours: 2.03 },
    { name: '2 hours 4 minutes', inMs: 2 * HOUR + 4 * MINUTE, hours: 2.07 },
    { name: '2 minutes: not rounded to expired', inMs: 2 * MINUTE, hours: 0.03 },
    { name: '7 days', inMs: 7 * DAY, hours: 168 },
    { name: '2 hours 4 minutes ago', inMs: -(2 * HOUR + 4 * MINUTE), hours: -2.07 }
  ])('$name → expires_in_hours $hours', ({ inMs, hours }) => {
    expect(expiresIn(inMs).expires_in_hours).toBe(hours)
  })

  test('a record with a problem is expiring, with an expiry far off or none at all (it fails closed)', () => {
    const problems = ['status "weird" is not one the action knows']
    const far = expiresIn(30 * DAY, { status: 'weird', open: true, problems })
    expect([far.expiring, far.expires_in_hours]).toEqual([true, 720])
    const none = classify(plainRecord({ status: 'weird', open: true, problems, expires_at: null }), NOW, DAY)
    expect([none.expiring, none.expires_in_hours]).toEqual([true, null])
    // Without the problem, the same record is not expiring.
    expect(expiresIn(30 * DAY).expiring).toBe(false)
  })

  test('the item as GitHub sends it: expires a week after it was made', () => {
    const r = record({ kind: 'secret-scanning-bypass', repository: 'octo-org/smile', number: 1, ageHours: 7 * 24 - 3 })
    expect([r.expires_in_hours, r.expiring, r.stale]).toEqual([3, true, true])
    expect(record({ kind: 'secret-scanning-bypass', repository: 'octo-org/smile', number: 2, ageHours: 30 }).expires_in_hours).toBe(138)
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
  const named = (name: string, ageMs: number, status: string): RequestRecord => aged(ageMs, { status, open: status === 'open' || status === 'pending', comment: name })

  const EXPECTED = ['stale 5d', 'stale 50h', 'stale 30h', 'open 23h', 'open 5h 2m', 'open 5h 1m', 'open 1h', 'denied 10d', 'expired 8d', 'approved 2h']
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
    expect(
      shuffled(RECORDS, seed)
        .sort(byUrgency)
        .map(r => r.comment)
    ).toEqual(EXPECTED)
  })

  test('reversed input', () => {
    expect(
      [...RECORDS]
        .reverse()
        .sort(byUrgency)
        .map(r => r.comment)
    ).toEqual(EXPECTED)
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

describe('byUrgency: expiring first, then soonest expiry in each group', () => {
  /** A record with its state set directly, named by its comment. */
  const r = (name: string, fields: Partial<RequestRecord>): RequestRecord => plainRecord({ comment: name, ...fields })

  const EXPECTED = [
    'expiring, expired 3h ago',
    'expiring in 1h',
    'expiring in 5h, 30h old',
    'expiring in 5h, 3h old',
    'expiring, unreadable, no expiry',
    'stale, 2d left',
    'stale, 4d left',
    'stale, no expiry',
    'open, 3d left',
    'open, no expiry, 20h old',
    'open, no expiry, 2h old',
    'expired',
    'denied, 1d left',
    'approved, no expiry'
  ]
  const RECORDS = [
    r('open, no expiry, 2h old', { age_hours: 2 }),
    r('denied, 1d left', { status: 'denied', open: false, expires_in_hours: 24, age_hours: 10 }),
    r('expiring in 5h, 3h old', { expiring: true, expires_in_hours: 5, age_hours: 3 }),
    r('stale, no expiry', { stale: true, age_hours: 500 }),
    r('expiring, unreadable, no expiry', { expiring: true, stale: true, age_hours: 0, problems: ['no created_at'] }),
    r('open, 3d left', { expires_in_hours: 72, age_hours: 5 }),
    r('expiring in 1h', { expiring: true, expires_in_hours: 1, age_hours: 2 }),
    r('approved, no expiry', { status: 'approved', open: false, age_hours: 300 }),
    r('stale, 4d left', { stale: true, expires_in_hours: 96, age_hours: 72 }),
    r('expiring, expired 3h ago', { expiring: true, stale: true, expires_in_hours: -3, age_hours: 171 }),
    r('open, no expiry, 20h old', { age_hours: 20 }),
    r('expired', { status: 'expired', open: false, expires_in_hours: -24, age_hours: 192 }),
    r('expiring in 5h, 30h old', { expiring: true, stale: true, expires_in_hours: 5, age_hours: 30 }),
    r('stale, 2d left', { stale: true, expires_in_hours: 48, age_hours: 120 })
  ]

  test('expiring, then stale, then open, then the rest; soonest expiry (none last), then oldest in each', () => {
    expect([...RECORDS].sort(byUrgency).map(x => x.comment)).toEqual(EXPECTED)
    expect(
      [...RECORDS]
        .reverse()
        .sort(byUrgency)
        .map(x => x.comment)
    ).toEqual(EXPECTED)
  })

  test('records normalized from GitHub’s items: expired-but-open and about to expire come before stale', () => {
    const records = [
      bypass(1, { ageHours: 3 }),
      bypass(2, { ageHours: 30 }),
      bypass(3, { ageHours: 7 * 24 - 5 }),
      bypass(4, { ageHours: 8 * 24 }),
      bypass(5, { ageHours: 7 * 24 - 1, status: 'denied' })
    ]
    expect(records.sort(byUrgency).map(x => [x.number, x.expiring, x.stale, x.expires_in_hours])).toEqual([
      [4, true, true, -24],
      [3, true, true, 5],
      [2, false, true, 138],
      [1, false, false, 165],
      [5, false, false, 1]
    ])
  })
})

describe('byExpiry', () => {
  test('soonest expiry first, whatever the state; without expiry last; the same time left: oldest first', () => {
    const r = (number: number, fields: Partial<RequestRecord>): RequestRecord => plainRecord({ number, ...fields })
    const records = [
      r(1, { stale: true, age_hours: 500 }),
      r(2, { expires_in_hours: 72, age_hours: 5 }),
      r(3, { expiring: true, expires_in_hours: 1, age_hours: 2 }),
      r(4, { age_hours: 20 }),
      r(5, { stale: true, expires_in_hours: 48, age_hours: 120 }),
      r(6, { expires_in_hours: 48, age_hours: 130 }),
      r(7, { expiring: true, stale: true, expires_in_hours: -2, age_hours: 170 })
    ]
    expect([...records].sort(byExpiry).map(x => x.number)).toEqual([7, 3, 6, 5, 2, 1, 4])
    expect(
      [...records]
        .reverse()
        .sort(byExpiry)
        .map(x => x.number)
    ).toEqual([7, 3, 6, 5, 2, 1, 4])
  })
})

describe('a request to dismiss an active secret comes first', () => {
  /** A secret scanning dismissal request named by its comment. */
  const dismissalOf = (name: string, alert: RecordAlert | null, fields: Partial<RequestRecord> = {}): RequestRecord =>
    plainRecord({ type: 'secret-scanning-dismissal', comment: name, alert, ...fields })

  test('dismissesActiveSecret: open and active only', () => {
    expect(
      [
        dismissalOf('active', secretAlert('active')),
        dismissalOf('inactive', secretAlert('inactive')),
        dismissalOf('unknown', secretAlert('unknown')),
        dismissalOf('unavailable', unavailableAlert()),
        dismissalOf('not fetched', null),
        dismissalOf('closed', secretAlert('active'), { status: 'approved', open: false })
      ].map(r => [r.comment, dismissesActiveSecret(r)])
    ).toEqual([
      ['active', true],
      ['inactive', false],
      ['unknown', false],
      ['unavailable', false],
      ['not fetched', false],
      ['closed', false]
    ])
  })

  const RECORDS = [
    plainRecord({ comment: 'expiring, expired 3h ago', expiring: true, stale: true, expires_in_hours: -3, age_hours: 171 }),
    dismissalOf('closed active', secretAlert('active'), { status: 'approved', open: false, expires_in_hours: -30, age_hours: 400 }),
    dismissalOf('active, 6d left', secretAlert('active'), { expires_in_hours: 144, age_hours: 1 }),
    dismissalOf('inactive, stale', secretAlert('inactive'), { stale: true, expires_in_hours: 50, age_hours: 30 }),
    dismissalOf('active, stale, 2d left', secretAlert('active'), { stale: true, expires_in_hours: 48, age_hours: 60 }),
    plainRecord({ comment: 'open, 1h left', expiring: true, expires_in_hours: 1, age_hours: 2 }),
    dismissalOf('unavailable, 3d left', unavailableAlert(), { expires_in_hours: 72, age_hours: 5 })
  ]

  const ACTIVE_FIRST = ['active, stale, 2d left', 'active, 6d left']
  test.each([
    // The usual order after them: a closed one stays last.
    ['byUrgency', byUrgency, ['expiring, expired 3h ago', 'open, 1h left', 'inactive, stale', 'unavailable, 3d left', 'closed active']],
    // By expiry after them: a closed one is not put first, only by its expiry.
    ['byExpiry', byExpiry, ['closed active', 'expiring, expired 3h ago', 'open, 1h left', 'inactive, stale', 'unavailable, 3d left']]
  ])('%s: the open ones about an active secret first, most urgent first among them', (_name, order, rest) => {
    expect([...RECORDS].sort(order).map(r => r.comment)).toEqual([...ACTIVE_FIRST, ...rest])
    expect(
      [...RECORDS]
        .reverse()
        .sort(order)
        .map(r => r.comment)
    ).toEqual([...ACTIVE_FIRST, ...rest])
  })
})

describe('countRecords', () => {
  test('counts all records, the open, stale and expiring ones', () => {
    const records = [
      bypass(1, { ageHours: 2 }),
      bypass(2, { ageHours: 30 }),
      bypass(3, { ageHours: 90, status: 'denied' }),
      bypass(4, { ageHours: 50, status: 'approved' }),
      bypass(5, { ageHours: 7 * 24 - 3 }),
      bypass(6, { ageHours: 7 * 24 - 3, status: 'expired' })
    ]
    expect(records.map(r => [r.open, r.stale, r.expiring])).toEqual([
      [true, false, false],
      [true, true, false],
      [false, false, false],
      [false, false, false],
      [true, true, true],
      [false, false, false]
    ])
    expect(countRecords(records)).toEqual({ total: 6, open: 3, stale: 2, expiring: 1 })
    expect(countRecords([])).toEqual({ total: 0, open: 0, stale: 0, expiring: 0 })
  })
})

/** A seeded pseudo-random source (mulberry32): numbers in [0, 1), the same ones for the same seed. */
function seeded(seed: number): () => number {
  let state = seed >>> 0
  return () => {
    state = (state + 0x6d2b79f5) >>> 0
    let t = state
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}

/**
 * `count` varied records, the same ones for the same seed: made by the
 * builders (classified as their page would be) or set field by field;
 * expiring, stale, open and closed; few distinct ages and expiries, so that
 * many records tie; no expiry, an expiry past, creation times that cannot
 * be read; requests to dismiss an active secret, open and closed, and
 * records given an alert after they were classified (as include-alerts does).
 */
function variedRecords(seed: number, count: number): RequestRecord[] {
  const random = seeded(seed)
  const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)] as T
  const ageHours = [0, 0.01, 1, 2, 2, 30, 30, 50, 7 * 24 - 3, 8 * 24]
  const hoursLeft = [null, -3, 1, 5, 5, 48, 168]
  const at = (hours: number): string => new Date(NOW + hours * HOUR).toISOString()
  const alerts = (): RecordAlert | null => pick([secretAlert('active'), secretAlert('active'), secretAlert('inactive'), unavailableAlert(), null])
  return Array.from({ length: count }, (_, i): RequestRecord => {
    const number = i + 1
    switch (pick(['bypass', 'push', 'dismissal', 'alert added', 'plain', 'unreadable', 'set'] as const)) {
      case 'bypass':
        return bypass(number, { ageHours: pick(ageHours), status: pick(['open', 'open', 'approved', 'denied', 'expired']) })
      case 'push':
        return pushRule(number, { ageHours: pick(ageHours), status: pick(['open', 'denied']) })
      case 'dismissal': {
        const made = dismissal('secret-scanning-dismissal', number, number, { ageHours: pick(ageHours), status: pick(['pending', 'pending', 'approved']) })
        // Given its alert, then classified again: the creation time the orders use is that of the record classify made.
        return classify({ ...made, alert: alerts() }, NOW, DAY)
      }
      case 'alert added':
        // A new record made after classify, as include-alerts makes it: its creation time is read from created_at.
        return { ...dismissal('secret-scanning-dismissal', number, number, { ageHours: pick(ageHours) }), alert: alerts() }
      case 'plain': {
        const left = pick(hoursLeft)
        const status = pick(['open', 'pending', 'approved', 'denied'])
        return classify(
          plainRecord({
            number,
            status,
            open: status === 'open' || status === 'pending',
            created_at: at(-pick(ageHours)),
            expires_at: left === null ? null : at(left),
            alert: alerts()
          }),
          NOW,
          DAY
        )
      }
      case 'unreadable':
        return classify(
          plainRecord({
            number,
            created_at: pick(['not a date', '', '2024-13-45T99:00:00Z']),
            expires_at: pick([null, 'soon', at(168), at(5)]),
            problems: random() < 0.5 ? ['created_at is not a date'] : []
          }),
          NOW,
          DAY
        )
      case 'set': {
        // Never classified: every field set as the test says, a creation time that may not agree with age_hours.
        const status = pick(['open', 'pending', 'denied'])
        const open = status !== 'denied'
        return plainRecord({
          number,
          status,
          open,
          stale: open && random() < 0.5,
          expiring: open && random() < 0.3,
          age_hours: pick(ageHours),
          expires_in_hours: pick(hoursLeft),
          created_at: pick([at(-2), at(-30), 'not a date']),
          alert: alerts()
        })
      }
    }
  })
}

/** Where each record stands in `records`, to compare orders by identity (records that are deep-equal are still told apart). */
const positionsIn = (records: readonly RequestRecord[]) => {
  const position = new Map(records.map((r, i) => [r, i]))
  return (order: readonly RequestRecord[]): (number | undefined)[] => order.map(r => position.get(r))
}

describe('inOrderOfUrgency, inOrderOfExpiry and firstToRunOut: the orders of byUrgency and byExpiry', () => {
  const SEEDS = [1, 7, 2024]
  const COUNT = 300

  test('the records are as varied as the test means them to be', () => {
    const records = SEEDS.flatMap(seed => variedRecords(seed, COUNT))
    const some = (test: (r: RequestRecord) => boolean) => records.filter(test).length
    expect(some(r => r.expiring)).toBeGreaterThan(20)
    expect(some(r => r.stale && !r.expiring)).toBeGreaterThan(20)
    expect(some(r => r.open && !r.stale && !r.expiring)).toBeGreaterThan(20)
    expect(some(r => !r.open)).toBeGreaterThan(20)
    expect(some(r => r.expires_in_hours === null)).toBeGreaterThan(20)
    expect(some(r => !Number.isFinite(Date.parse(r.created_at)))).toBeGreaterThan(20)
    expect(some(dismissesActiveSecret)).toBeGreaterThan(20)
    expect(some(r => !r.open && r.alert?.validity === 'active')).toBeGreaterThan(0)
    // Ties: many records share an age, an expiry, or both and their creation time.
    expect(new Set(records.map(r => r.age_hours)).size).toBeLessThan(15)
    expect(new Set(records.map(r => r.expires_in_hours)).size).toBeLessThan(15)
    expect(new Set(records.map(r => `${r.created_at} ${r.expires_in_hours}`)).size).toBeLessThan(records.length / 10)
  })

  test.each(SEEDS)('inOrderOfUrgency is [...records].sort(byUrgency), ties in their order (seed %d)', seed => {
    const records = variedRecords(seed, COUNT)
    const positions = positionsIn(records)
    expect(positions(inOrderOfUrgency(records))).toEqual(positions([...records].sort(byUrgency)))
    // The same the other way round: ties keep the order they came in.
    const reversed = [...records].reverse()
    expect(positions(inOrderOfUrgency(reversed))).toEqual(positions([...reversed].sort(byUrgency)))
  })

  test.each(SEEDS)('inOrderOfExpiry is [...records].sort(byExpiry), ties in their order (seed %d)', seed => {
    const records = variedRecords(seed, COUNT)
    const positions = positionsIn(records)
    expect(positions(inOrderOfExpiry(records))).toEqual(positions([...records].sort(byExpiry)))
    const reversed = [...records].reverse()
    expect(positions(inOrderOfExpiry(reversed))).toEqual(positions([...reversed].sort(byExpiry)))
  })

  test.each(SEEDS)('firstToRunOut(records, n) is the first n of inOrderOfExpiry (seed %d)', seed => {
    const records = variedRecords(seed, COUNT)
    const positions = positionsIn(records)
    const sorted = inOrderOfExpiry(records)
    for (const n of [0, 1, 2, 10, 57, COUNT - 1, COUNT, COUNT + 5]) {
      expect([n, positions(firstToRunOut(records, n))]).toEqual([n, positions(sorted.slice(0, n))])
    }
  })

  test('firstToRunOut(records, n) is the first n of inOrderOfExpiry when a record’s created_at cannot be read', () => {
    // Equal in every key but the creation time: the one whose created_at cannot be read ties with both others.
    const r = (comment: string, createdAt: string): RequestRecord => plainRecord({ comment, created_at: createdAt, age_hours: 1 })
    const records = [r('3h', new Date(NOW - 3 * HOUR).toISOString()), r('unreadable', 'not a date'), r('4h', new Date(NOW - 4 * HOUR).toISOString())]
    const sorted = inOrderOfExpiry(records).map(x => x.comment)
    for (const n of [1, 2, 3]) expect([n, firstToRunOut(records, n).map(x => x.comment)]).toEqual([n, sorted.slice(0, n)])
  })

  test('firstToRunOut of no records, or of none asked for: nothing', () => {
    expect(firstToRunOut([], 5)).toEqual([])
    expect(firstToRunOut(variedRecords(3, 20), 0)).toEqual([])
  })

  test('the input array and its records are left as they were; a new array comes back', () => {
    const records = variedRecords(11, COUNT)
    const before = [...records]
    const text = JSON.stringify(records)
    const frozen = Object.freeze([...records])
    for (const order of [inOrderOfUrgency(frozen), inOrderOfExpiry(frozen), firstToRunOut(frozen, 10), firstToRunOut(frozen, COUNT + 1)]) {
      expect(order).not.toBe(frozen)
    }
    const results = [inOrderOfUrgency(records), inOrderOfExpiry(records), firstToRunOut(records, 10), firstToRunOut(records, COUNT + 1)]
    for (const order of results) expect(order).not.toBe(records)
    expect(records).toHaveLength(before.length)
    expect(records.every((r, i) => r === before[i])).toBe(true)
    expect(JSON.stringify(records)).toBe(text)
    // Not already in order, so an order made in place would have shown.
    expect(positionsIn(records)(inOrderOfUrgency(records))).not.toEqual(records.map((_, i) => i))
  })

  /** The comparators as they were before the orders kept their keys: the order must not have changed. */
  const reference = {
    expiry: (a: RequestRecord, b: RequestRecord): number => {
      const active = Number(dismissesActiveSecret(b)) - Number(dismissesActiveSecret(a))
      const soonest = (a.expires_in_hours ?? Infinity) - (b.expires_in_hours ?? Infinity) || 0
      return active || soonest || b.age_hours - a.age_hours || Date.parse(a.created_at) - Date.parse(b.created_at)
    },
    urgency: (a: RequestRecord, b: RequestRecord): number => {
      const rank = (r: RequestRecord) => (r.expiring ? 0 : r.stale ? 1 : r.open ? 2 : 3)
      const active = Number(dismissesActiveSecret(b)) - Number(dismissesActiveSecret(a))
      const soonest = (a.expires_in_hours ?? Infinity) - (b.expires_in_hours ?? Infinity) || 0
      return active || rank(a) - rank(b) || soonest || b.age_hours - a.age_hours || Date.parse(a.created_at) - Date.parse(b.created_at)
    }
  }
  /** -1, 0 or 1; a comparison that cannot be made (NaN) is 0, as Array.prototype.sort reads it. */
  const sign = (n: number): number => Math.sign(n) || 0

  test.each([
    ['byUrgency', byUrgency, reference.urgency],
    ['byExpiry', byExpiry, reference.expiry]
  ] as const)('%s compares every pair of records as the comparator before it did (creation times that can be read)', (_name, order, before) => {
    // A creation time that cannot be read ties with every other: not an order to hold on to (see the test above).
    const records = variedRecords(5, 200).filter(r => Number.isFinite(Date.parse(r.created_at)))
    expect(records.length).toBeGreaterThan(100)
    const differ: string[] = []
    for (const a of records) {
      for (const b of records) {
        if (sign(order(a, b)) !== sign(before(a, b))) differ.push(`${a.number} ${b.number}`)
      }
    }
    expect(differ).toEqual([])
  })
})

describe('the creation time kept by classify', () => {
  test('copies made after classify are ordered as the records classify made', () => {
    const records = variedRecords(17, 300)
    const copies = records.map(r => ({ ...r }))
    const [ofRecords, ofCopies] = [positionsIn(records), positionsIn(copies)]
    expect(ofCopies(inOrderOfUrgency(copies))).toEqual(ofRecords(inOrderOfUrgency(records)))
    expect(ofCopies(inOrderOfExpiry(copies))).toEqual(ofRecords(inOrderOfExpiry(records)))
    expect(ofCopies(firstToRunOut(copies, 25))).toEqual(ofRecords(firstToRunOut(records, 25)))
    expect(ofCopies([...copies].sort(byUrgency))).toEqual(ofRecords([...records].sort(byUrgency)))
  })

  test('a copy with another created_at is ordered by its own created_at, not by the one classify read', () => {
    const classified = classify(
      plainRecord({ comment: 'classified', created_at: new Date(NOW - 5 * HOUR).toISOString(), expires_at: new Date(NOW + 5 * HOUR).toISOString() }),
      NOW,
      DAY
    )
    // Equal in every other key: the same age (to a tenth of an hour), time left, state and alert.
    const older = { ...classified, comment: 'older', created_at: new Date(NOW - 5 * HOUR - MINUTE).toISOString() }
    const newer = { ...classified, comment: 'newer', created_at: new Date(NOW - 5 * HOUR + MINUTE).toISOString() }
    expect([older.age_hours, newer.age_hours, older.expires_in_hours]).toEqual([classified.age_hours, classified.age_hours, classified.expires_in_hours])
    for (const records of [
      [newer, classified, older],
      [classified, older, newer],
      [older, newer, classified]
    ]) {
      expect(inOrderOfUrgency(records).map(r => r.comment)).toEqual(['older', 'classified', 'newer'])
      expect(inOrderOfExpiry(records).map(r => r.comment)).toEqual(['older', 'classified', 'newer'])
      expect(firstToRunOut(records, 2).map(r => r.comment)).toEqual(['older', 'classified'])
    }
    expect([byUrgency(older, classified), byExpiry(older, classified)].map(Math.sign)).toEqual([-1, -1])
    expect([byUrgency(classified, newer), byExpiry(classified, newer)].map(Math.sign)).toEqual([-1, -1])
    expect([byUrgency(newer, classified), byExpiry(newer, classified)].map(Math.sign)).toEqual([1, 1])
  })
})

describe('countRecords over varied records', () => {
  test('each count is the number of records with that flag', () => {
    const records = variedRecords(23, 400)
    expect(countRecords(records)).toEqual({
      total: records.length,
      open: records.filter(r => r.open).length,
      stale: records.filter(r => r.stale).length,
      expiring: records.filter(r => r.expiring).length
    })
    // Neither nothing nor everything in each: a count that went wrong would show.
    const counts = countRecords(records)
    for (const n of [counts.open, counts.stale, counts.expiring]) expect(n > 0 && n < records.length).toBe(true)
  })

  test('no records: every count 0', () => {
    expect(countRecords([])).toEqual({ total: 0, open: 0, stale: 0, expiring: 0 })
  })

  test('one record of each state', () => {
    expect(countRecords([plainRecord({ open: false, status: 'denied' })])).toEqual({ total: 1, open: 0, stale: 0, expiring: 0 })
    expect(countRecords([plainRecord({ stale: true, expiring: true })])).toEqual({ total: 1, open: 1, stale: 1, expiring: 1 })
  })
})
