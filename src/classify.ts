/**
 * Open, stale, expiring, age and time to expiry, all against one clock
 * reading per run; the order of urgency; and the counts of each.
 */
import type { RequestRecord } from './requests.js'

export const HOUR = 3_600_000
export const DAY = 24 * HOUR

const tenths = (ms: number): number => Math.round((ms / HOUR) * 10) / 10
/** Time left to a hundredth of an hour (36 s), so that a request with minutes left does not read as expired. */
const hundredths = (ms: number): number => Math.round((ms / HOUR) * 100) / 100

/**
 * When each classified record was created (Date.parse of created_at), kept
 * for the orders below: parsed once per record while its page arrives, not
 * again when ten thousand records are sorted. Records are never changed in
 * place, so a record found here is the one that was parsed.
 */
const createdAt = new WeakMap<RequestRecord, number>()
/** An unreadable creation time counts as the newest (NaN would make the order not transitive). */
function createdTime(record: RequestRecord): number {
  const time = createdAt.get(record) ?? Date.parse(record.created_at)
  return Number.isNaN(time) ? Infinity : time
}

/** `expiringWithinMs` defaults to the input's default, a day. */
export function classify(record: RequestRecord, now: number, staleAfterMs: number, expiringWithinMs = DAY): RequestRecord {
  const created = Date.parse(record.created_at)
  const ageMs = Number.isFinite(created) ? Math.max(0, now - created) : 0
  const expiresIn = expiresInMs(record, now)
  // A request the action cannot interpret counts as stale and expiring as well as open: it fails closed.
  const unreadable = record.problems.length > 0
  const classified = {
    ...record,
    stale: unreadable || (record.open && ageMs >= staleAfterMs),
    expiring: unreadable || (record.open && expiresIn !== undefined && expiresIn <= expiringWithinMs),
    age_hours: tenths(ageMs),
    expires_in_hours: expiresIn === undefined ? null : hundredths(expiresIn)
  }
  createdAt.set(classified, created)
  return classified
}

/** Milliseconds until the request expires (negative once it has), or undefined without an expiry. */
export function expiresInMs(record: RequestRecord, now: number): number | undefined {
  const expires = record.expires_at ? Date.parse(record.expires_at) : NaN
  return Number.isFinite(expires) ? expires - now : undefined
}

/** An open request to dismiss the alert of a secret that still works (`include-alerts`): the most dangerous kind. */
export function dismissesActiveSecret(record: RequestRecord): boolean {
  return record.open && record.alert?.validity === 'active'
}

/**
 * What an order compares, in turn, smallest first: whether it dismisses an
 * active secret (0) or not (1), a rank, time left (none last), age (oldest
 * first), creation time. Values that cannot be compared (NaN) count as equal.
 */
const KEY_WIDTH = 5

function orderKey(record: RequestRecord, rank: number): number[] {
  return [dismissesActiveSecret(record) ? 0 : 1, rank, record.expires_in_hours ?? Infinity, -record.age_hours, createdTime(record)]
}

/** The key at `a` in `keysA` against the key at `b` in `keysB`. */
function compareAt(keysA: ArrayLike<number>, a: number, keysB: ArrayLike<number>, b: number): number {
  for (let i = 0; i < KEY_WIDTH; i++) {
    const difference = (keysA[a + i] ?? 0) - (keysB[b + i] ?? 0)
    if (difference < 0 || difference > 0) return difference
  }
  return 0
}

/**
 * The records in the order of their keys, each key worked out once (a
 * comparator would parse dates at every comparison) and kept in one typed
 * array; records that compare equal keep their order.
 */
function sortByKey(records: readonly RequestRecord[], key: (record: RequestRecord) => number[]): RequestRecord[] {
  const keys = new Float64Array(records.length * KEY_WIDTH)
  records.forEach((record, i) => keys.set(key(record), i * KEY_WIDTH))
  const order = Array.from(records, (_, i) => i)
  order.sort((a, b) => compareAt(keys, a * KEY_WIDTH, keys, b * KEY_WIDTH) || a - b)
  return order.map(i => records[i] as RequestRecord)
}

/**
 * Most urgent first: a request to dismiss an active secret, then expiring,
 * then stale, then open, then the rest; within each, soonest expiry first,
 * then oldest.
 */
const urgencyKey = (r: RequestRecord): number[] => orderKey(r, r.expiring ? 0 : r.stale ? 1 : r.open ? 2 : 3)

/** What runs out first: requests to dismiss an active secret, then by soonest expiry, then oldest. */
const expiryKey = (r: RequestRecord): number[] => orderKey(r, 0)

const compareKeys = (a: number[], b: number[]): number => compareAt(a, 0, b, 0)

export function byUrgency(a: RequestRecord, b: RequestRecord): number {
  return compareKeys(urgencyKey(a), urgencyKey(b))
}

export function byExpiry(a: RequestRecord, b: RequestRecord): number {
  return compareKeys(expiryKey(a), expiryKey(b))
}

/** A new array of the records, most urgent first (the order of byUrgency). */
export const inOrderOfUrgency = (records: readonly RequestRecord[]): RequestRecord[] => sortByKey(records, urgencyKey)

/** A new array of the records, what runs out first first (the order of byExpiry). */
export const inOrderOfExpiry = (records: readonly RequestRecord[]): RequestRecord[] => sortByKey(records, expiryKey)

/** The first `n` of inOrderOfExpiry(records), found in one pass instead of sorting them all. */
export function firstToRunOut(records: readonly RequestRecord[], n: number): RequestRecord[] {
  const first: { record: RequestRecord; key: number[] }[] = []
  for (const record of records) {
    const key = expiryKey(record)
    const last = first.at(-1)
    if (first.length >= n && (!last || compareKeys(key, last.key) >= 0)) continue
    // After every record it does not come before, as a stable sort would put it.
    let at = first.length
    while (at > 0 && compareKeys(key, first[at - 1]!.key) < 0) at--
    first.splice(at, 0, { record, key })
    if (first.length > n) first.pop()
  }
  return first.map(({ record }) => record)
}

export interface Counts {
  total: number
  open: number
  stale: number
  expiring: number
}

export function countRecords(records: readonly RequestRecord[]): Counts {
  const counts = { total: records.length, open: 0, stale: 0, expiring: 0 }
  for (const record of records) {
    if (record.open) counts.open++
    if (record.stale) counts.stale++
    if (record.expiring) counts.expiring++
  }
  return counts
}
