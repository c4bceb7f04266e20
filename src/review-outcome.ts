/**
 * The state after the run: every request the run reviewed (or skipped)
 * gains what the review did, and one this run approved or denied is no
 * longer open, so the gate and the reports speak of what is true now.
 */
import { inOrderOfUrgency } from './classify.js'
import type { CallRecord, ReviewReport } from './github/review.js'
import type { RecordReview, RequestRecord } from './requests.js'
import type { ReviewPlan } from './review-plan.js'

/** GitHub's status once a review of this verb was accepted. */
const STATUS_AFTER: Record<string, string> = { approve: 'approved', deny: 'denied' }

function outcome(action: string, calls: CallRecord[], dryRun: boolean): RecordReview {
  if (dryRun) return { action, outcome: 'dry-run', http_status: null, message: null }
  const failed = calls.find(c => !c.ok)
  if (failed) return { action, outcome: 'failed', http_status: failed.status, message: failed.message ?? null }
  return { action, outcome: 'done', http_status: calls.at(-1)?.status ?? null, message: null }
}

function applied(record: RequestRecord, review: RecordReview): RequestRecord {
  const status = review.outcome === 'done' ? STATUS_AFTER[review.action] : undefined
  return status ? { ...record, status, open: false, stale: false, expiring: false, review } : { ...record, review }
}

/** `records` as they are after `report` was carried out, most urgent first. */
export function afterReviews(records: RequestRecord[], plan: ReviewPlan, report: ReviewReport): RequestRecord[] {
  const calls = new Map<RequestRecord, CallRecord[]>()
  plan.calls.forEach((planned, i) => {
    const made = report.calls[i]
    if (made) calls.set(planned.record, [...(calls.get(planned.record) ?? []), made])
  })
  const skipped = new Map(plan.skipped.map(s => [s.record, s.reason]))
  return inOrderOfUrgency(
    records.map(record => {
      const made = calls.get(record)
      if (made) return applied(record, outcome(report.review, made, report.dryRun))
      const reason = skipped.get(record)
      if (reason === undefined) return record
      const review: RecordReview = { action: report.review, outcome: 'skipped', http_status: null, message: reason }
      return { ...record, review }
    })
  )
}
