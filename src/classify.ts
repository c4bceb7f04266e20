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
 * Keys are written straight into typed arrays: ten thousand records are
 * ordered without making an array per record.
 */
const KEY_WIDTH = 5

/** Writes the key of `record` at `at` in `keys`. */
function writeKey(record: RequestRecord, rank: number, keys: Float64Array, at: number): void {
  keys[at] = dismissesActiveSecret(record) ? 0 : 1
  keys[at + 1] = rank
  keys[at + 2] = record.expires_in_hours ?? Infinity
  keys[at + 3] = -record.age_hours
  keys[at + 4] = createdTime(record)
}

/** The key at `a` in `keysA` against the key at `b` in `keysB`. */
function compareAt(keysA: Float64Array, a: number, keysB: Float64Array, b: number): number {
  for (let i = 0; i < KEY_WIDTH; i++) {
    const difference = keysA[a + i]! - keysB[b + i]!
    if (difference < 0 || difference > 0) return difference
  }
  return 0
}

/** An order's rank: most urgent first (expiring, stale, open, the rest), or by what runs out first (every record ranks the same). */
type Rank = (record: RequestRecord) => number

const urgencyRank: Rank = r => (r.expiring ? 0 : r.stale ? 1 : r.open ? 2 : 3)
const expiryRank: Rank = () => 0

/**
 * The records in the order of their keys, each key worked out once (a
 * comparator would parse dates at every comparison) and kept in one typed
 * array; records that compare equal keep their order.
 */
function sortByKey(records: readonly RequestRecord[], rank: Rank): RequestRecord[] {
  const keys = new Float64Array(records.length * KEY_WIDTH)
  const order: number[] = []
  for (let i = 0; i < records.length; i++) {
    writeKey(records[i]!, rank(records[i]!), keys, i * KEY_WIDTH)
    order.push(i)
  }
  order.sort((a, b) => compareAt(keys, a * KEY_WIDTH, keys, b * KEY_WIDTH) || a - b)
  const sorted: RequestRecord[] = []
  for (let i = 0; i < order.length; i++) sorted.push(records[order[i]!]!)
  return sorted
}

/** A comparator of two records in the order `rank` gives. */
function comparing(rank: Rank): (a: RequestRecord, b: RequestRecord) => number {
  return (a, b) => {
    const keys = new Float64Array(2 * KEY_WIDTH)
    writeKey(a, rank(a), keys, 0)
    writeKey(b, rank(b), keys, KEY_WIDTH)
    return compareAt(keys, 0, keys, KEY_WIDTH)
  }
}

/**
 * Most urgent first: a request to dismiss an active secret, then expiring,
 * then stale, then open, then the rest; within each, soonest expiry first,
 * then oldest.
 */
export const byUrgency = comparing(urgencyRank)

/** What runs out first: requests to dismiss an active secret, then by soonest expiry, then oldest. */
export const byExpiry = comparing(expiryRank)

/** A new array of the records, most urgent first (the order of byUrgency). */
export const inOrderOfUrgency = (records: readonly RequestRecord[]): RequestRecord[] => sortByKey(records, urgencyRank)

/** A new array of the records, what runs out first first (the order of byExpiry). */
export const inOrderOfExpiry = (records: readonly RequestRecord[]): RequestRecord[] => sortByKey(records, expiryRank)

/** The first `n` of inOrderOfExpiry(records.filter(include)), found in one pass instead of sorting them all. */
export function firstToRunOut(records: readonly RequestRecord[], n: number, include: (record: RequestRecord) => boolean = () => true): RequestRecord[] {
  if (n <= 0) return []
  // The keys of the first n so far, in order, and one more slot for the record being looked at.
  const keys = new Float64Array((n + 1) * KEY_WIDTH)
  const candidate = n * KEY_WIDTH
  const first: RequestRecord[] = []
  const lastAt = (n - 1) * KEY_WIDTH
  // Indexed loops here and below: a loop over ten thousand records runs once, before V8 has optimized it, where `for…of` costs more.
  for (let r = 0; r < records.length; r++) {
    const record = records[r]!
    if (!include(record)) continue
    const full = first.length >= n
    // Most records run out after the last of the first n: told from the first and third part of the key, without writing it.
    const active = dismissesActiveSecret(record) ? 0 : 1
    if (full && (active > keys[lastAt]! || (active === keys[lastAt] && (record.expires_in_hours ?? Infinity) > keys[lastAt + 2]!))) continue
    writeKey(record, 0, keys, candidate)
    if (full && compareAt(keys, candidate, keys, lastAt) >= 0) continue
    // After every record it does not come before, as a stable sort would put it.
    let at = first.length
    while (at > 0 && compareAt(keys, candidate, keys, (at - 1) * KEY_WIDTH) < 0) at--
    const last = full ? n - 1 : first.length
    keys.copyWithin((at + 1) * KEY_WIDTH, at * KEY_WIDTH, last * KEY_WIDTH)
    keys.copyWithin(at * KEY_WIDTH, candidate, candidate + KEY_WIDTH)
    first.splice(at, 0, record)
    if (first.length > n) first.pop()
  }
  return first
}

export interface Counts {
  total: number
  open: number
  stale: number
  expiring: number
}

export function countRecords(records: readonly RequestRecord[]): Counts {
  const counts = { total: records.length, open: 0, stale: 0, expiring: 0 }
  for (let i = 0; i < records.length; i++) {
    const record = records[i]!
    if (record.open) counts.open++
    if (record.stale) counts.stale++
    if (record.expiring) counts.expiring++
  }
  return counts
}
