/** Open, stale, age and time to expiry, all against one clock reading per run; and the counts of each. */
import type { RequestRecord } from './requests.js'

export const HOUR = 3_600_000

export function classify(record: RequestRecord, now: number, staleAfterMs: number): RequestRecord {
  const created = Date.parse(record.created_at)
  const ageMs = Number.isFinite(created) ? Math.max(0, now - created) : 0
  return {
    ...record,
    // A request the action cannot interpret counts as stale as well as open: it fails closed.
    stale: record.problems.length > 0 || (record.open && ageMs >= staleAfterMs),
    age_hours: Math.round((ageMs / HOUR) * 10) / 10
  }
}

/** Milliseconds until the request expires (negative once it has), or undefined without an expiry. */
export function expiresInMs(record: RequestRecord, now: number): number | undefined {
  const expires = record.expires_at ? Date.parse(record.expires_at) : NaN
  return Number.isFinite(expires) ? expires - now : undefined
}

/** Most urgent first: stale, then open, then the rest; oldest first within each. */
export function byUrgency(a: RequestRecord, b: RequestRecord): number {
  const rank = (r: RequestRecord) => (r.stale ? 0 : r.open ? 1 : 2)
  return rank(a) - rank(b) || b.age_hours - a.age_hours || Date.parse(a.created_at) - Date.parse(b.created_at)
}

export interface Counts {
  total: number
  open: number
  stale: number
}

export function countRecords(records: readonly RequestRecord[]): Counts {
  return {
    total: records.length,
    open: records.filter(r => r.open).length,
    stale: records.filter(r => r.stale).length
  }
}
