/**
 * Review metrics over the time window, from every request fetched (all
 * statuses): how requests ended, how many expired with nobody answering,
 * how long the first response took, who responds and how fast, and where
 * the requests come from. Pure functions of the records.
 */
import { HOUR } from './classify.js'
import { TYPE_IDS, type TypeId } from './request-types.js'
import { isOpenStatus, type RequestRecord } from './requests.js'

/** The middle value; the mean of the two middle ones for an even count; null for none. */
export function median(values: readonly number[]): number | null {
  if (values.length === 0) return null
  const sorted = [...values].sort((a, b) => a - b)
  const middle = Math.floor(sorted.length / 2)
  const upper = sorted[middle] ?? 0
  return sorted.length % 2 === 1 ? upper : ((sorted[middle - 1] ?? 0) + upper) / 2
}

/** The nearest-rank percentile: the smallest value with at least `p` percent of the values at or below it; null for none. */
export function percentile(values: readonly number[], p: number): number | null {
  if (values.length === 0) return null
  const sorted = [...values].sort((a, b) => a - b)
  return sorted[Math.max(0, Math.ceil((p / 100) * sorted.length) - 1)] ?? null
}

const tenths = (hours: number | null): number | null => (hours === null ? null : Math.round(hours * 10) / 10)

/** Hours from the request to each response, in the responses' order; responses without a readable time are left out. */
function responseHours(record: RequestRecord): { reviewer: string; hours: number }[] {
  const created = Date.parse(record.created_at)
  if (!Number.isFinite(created)) return []
  return record.responses.flatMap(response => {
    const at = Date.parse(response.created_at)
    return Number.isFinite(at) ? [{ reviewer: response.reviewer, hours: Math.max(0, at - created) / HOUR }] : []
  })
}

export interface Ranked {
  name: string
  requests: number
}

export interface ReviewerMetrics {
  reviewer: string
  responses: number
  median_response_hours: number | null
}

export interface Metrics {
  requests: number
  /** Requests by GitHub's status (`pending` counted as `open`). */
  by_status: Record<string, number>
  /** Expired with no response at all. */
  expired_unanswered: number
  /** Requests that had at least one response. */
  answered: number
  median_first_response_hours: number | null
  p90_first_response_hours: number | null
  /** Most responses first. */
  reviewers: ReviewerMetrics[]
  top_repositories: Ranked[]
  top_requesters: Ranked[]
}

export const TOP = 10

/** The `TOP` names with the most requests; ties by name. */
function top(names: readonly string[]): Ranked[] {
  const counts = new Map<string, number>()
  for (const name of names) counts.set(name, (counts.get(name) ?? 0) + 1)
  return [...counts]
    .map(([name, requests]) => ({ name, requests }))
    .sort((a, b) => b.requests - a.requests || a.name.localeCompare(b.name))
    .slice(0, TOP)
}

export function metricsOf(records: readonly RequestRecord[]): Metrics {
  const byStatus: Record<string, number> = {}
  for (const record of records) {
    const status = isOpenStatus(record.status) ? 'open' : record.status
    byStatus[status] = (byStatus[status] ?? 0) + 1
  }
  const firstResponses: number[] = []
  const byReviewer = new Map<string, number[]>()
  for (const record of records) {
    const responses = responseHours(record)
    const first = responses.length > 0 ? Math.min(...responses.map(r => r.hours)) : undefined
    if (first !== undefined) firstResponses.push(first)
    for (const { reviewer, hours } of responses) {
      const given = byReviewer.get(reviewer)
      if (given) given.push(hours)
      else byReviewer.set(reviewer, [hours])
    }
  }
  return {
    requests: records.length,
    by_status: byStatus,
    expired_unanswered: records.filter(r => r.status === 'expired' && r.responses.length === 0).length,
    answered: firstResponses.length,
    median_first_response_hours: tenths(median(firstResponses)),
    p90_first_response_hours: tenths(percentile(firstResponses, 90)),
    reviewers: [...byReviewer]
      .map(([reviewer, hours]) => ({ reviewer, responses: hours.length, median_response_hours: tenths(median(hours)) }))
      .sort((a, b) => b.responses - a.responses || a.reviewer.localeCompare(b.reviewer)),
    top_repositories: top(records.map(r => r.repository)),
    top_requesters: top(records.map(r => r.requester))
  }
}

export interface ReviewMetrics {
  overall: Metrics
  /** Only the types that had requests. */
  by_type: Partial<Record<TypeId, Metrics>>
}

export function reviewMetrics(records: readonly RequestRecord[]): ReviewMetrics {
  const byType: Partial<Record<TypeId, Metrics>> = {}
  for (const id of TYPE_IDS) {
    const ofType = records.filter(r => r.type === id)
    if (ofType.length > 0) byType[id] = metricsOf(ofType)
  }
  return { overall: metricsOf(records), by_type: byType }
}
