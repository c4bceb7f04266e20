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

/** `expiringWithinMs` defaults to the input's default, a day. */
export function classify(record: RequestRecord, now: number, staleAfterMs: number, expiringWithinMs = DAY): RequestRecord {
  const created = Date.parse(record.created_at)
  const ageMs = Number.isFinite(created) ? Math.max(0, now - created) : 0
  const expiresIn = expiresInMs(record, now)
  // A request the action cannot interpret counts as stale and expiring as well as open: it fails closed.
  const unreadable = record.problems.length > 0
  return {
    ...record,
    stale: unreadable || (record.open && ageMs >= staleAfterMs),
    expiring: unreadable || (record.open && expiresIn !== undefined && expiresIn <= expiringWithinMs),
    age_hours: tenths(ageMs),
    expires_in_hours: expiresIn === undefined ? null : hundredths(expiresIn)
  }
}

/** Milliseconds until the request expires (negative once it has), or undefined without an expiry. */
export function expiresInMs(record: RequestRecord, now: number): number | undefined {
  const expires = record.expires_at ? Date.parse(record.expires_at) : NaN
  return Number.isFinite(expires) ? expires - now : undefined
}

/** Soonest expiry first; requests without one after those with one. */
function bySoonestExpiry(a: RequestRecord, b: RequestRecord): number {
  return (a.expires_in_hours ?? Infinity) - (b.expires_in_hours ?? Infinity) || 0
}

/** An open request to dismiss the alert of a secret that still works (`include-alerts`): the most dangerous kind. */
export function dismissesActiveSecret(record: RequestRecord): boolean {
  return record.open && record.alert?.validity === 'active'
}

/** Requests to dismiss an active secret before all others. */
function activeSecretFirst(a: RequestRecord, b: RequestRecord): number {
  return Number(dismissesActiveSecret(b)) - Number(dismissesActiveSecret(a))
}

/**
 * Most urgent first: a request to dismiss an active secret, then expiring,
 * then stale, then open, then the rest; within each, soonest expiry first,
 * then oldest.
 */
export function byUrgency(a: RequestRecord, b: RequestRecord): number {
  const rank = (r: RequestRecord) => (r.expiring ? 0 : r.stale ? 1 : r.open ? 2 : 3)
  return (
    activeSecretFirst(a, b) ||
    rank(a) - rank(b) ||
    bySoonestExpiry(a, b) ||
    b.age_hours - a.age_hours ||
    Date.parse(a.created_at) - Date.parse(b.created_at)
  )
}

/** What runs out first: requests to dismiss an active secret, then by soonest expiry, then oldest. */
export function byExpiry(a: RequestRecord, b: RequestRecord): number {
  return activeSecretFirst(a, b) || bySoonestExpiry(a, b) || b.age_hours - a.age_hours || Date.parse(a.created_at) - Date.parse(b.created_at)
}

export interface Counts {
  total: number
  open: number
  stale: number
  expiring: number
}

export function countRecords(records: readonly RequestRecord[]): Counts {
  return {
    total: records.length,
    open: records.filter(r => r.open).length,
    stale: records.filter(r => r.stale).length,
    expiring: records.filter(r => r.expiring).length
  }
}
