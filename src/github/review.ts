/**
 * Makes the planned review calls, one at a time. A write is never retried
 * after a response that may have applied it; a failed call is recorded with
 * GitHub's message and the others go on.
 */
import type { PlannedCall, ReviewPlan, Skipped } from '../review-plan.js'
import { requestType, type TypeId } from '../request-types.js'
import { shownNumber } from '../request-text.js'
import { forLog, type Redactor } from '../text.js'
import type { GitHub } from './client.js'
import { describeReviewFailure, httpStatus } from './errors.js'

/** One review call as made (or, in a dry run, as it would be made), for the reports. */
export interface CallRecord {
  type: TypeId
  repository: string
  /** The number the request is reviewed by (request number or alert number). */
  number: number | null
  /** The request's target (`type:owner/repo#N`). */
  target: string | null
  action: string
  method: string
  path: string
  body?: { status: string; message: string }
  /** HTTP status GitHub answered; null in a dry run or when no answer came. */
  status: number | null
  ok: boolean
  message?: string
}

export interface ReviewReport {
  review: string
  /** The justification policy's denials (policy-action deny), not the review input's. */
  policy: boolean
  dryRun: boolean
  calls: CallRecord[]
  skipped: Skipped[]
  errors: string[]
  reviewed: number
  failures: number
}

/** The call as the reports show it, before any answer; the message is redacted. */
function unansweredCall(call: PlannedCall, redact: Redactor): CallRecord {
  return {
    type: call.record.type,
    repository: call.record.repository,
    number: shownNumber(call.record).number,
    target: call.record.target,
    action: call.action,
    method: call.method,
    path: call.path,
    ...(call.body ? { body: { status: call.body.status, message: redact(call.body.message) } } : {}),
    status: null,
    ok: false
  }
}

async function makeCall(github: GitHub, call: PlannedCall, redact: Redactor): Promise<CallRecord> {
  const made = unansweredCall(call, redact)
  try {
    const response = await github.request({
      method: call.method,
      url: call.path,
      // Never retried (./resilience.ts): a 5xx or a lost connection may come after GitHub applied the review.
      ...(call.body ? { data: call.body } : {})
    })
    if (response.status >= 300) {
      // A redirect is not an answer to the review: it was not followed, so nothing says the review was made.
      const location = typeof response.headers.location === 'string' ? ` to ${forLog(response.headers.location, 300)}` : ''
      const message = `GitHub answered ${response.status} (a redirect${location}) to ${call.method} ${call.path}: not followed, so the review was not made.`
      return { ...made, status: response.status, ok: false, message: redact(message) }
    }
    return { ...made, status: response.status, ok: true }
  } catch (error) {
    // A network error carries status 500 but no response: GitHub gave no answer.
    const answered = (error as { response?: unknown }).response !== undefined
    const message = redact(describeReviewFailure(error, requestType(call.record.type), `${call.method} ${call.path}`))
    return { ...made, status: answered ? (httpStatus(error) ?? null) : null, ok: false, message }
  }
}

export interface ReviewOptions {
  review: string
  policy: boolean
  dryRun: boolean
  redact: Redactor
  onCall: (call: CallRecord) => void
}

export async function applyReviews(github: GitHub, plan: ReviewPlan, { review, policy, dryRun, redact, onCall }: ReviewOptions): Promise<ReviewReport> {
  const calls: CallRecord[] = []
  for (const call of plan.calls) {
    const made = dryRun ? unansweredCall(call, redact) : await makeCall(github, call, redact)
    calls.push(made)
    onCall(made)
  }
  return {
    review,
    policy,
    dryRun,
    calls,
    skipped: plan.skipped,
    errors: plan.errors,
    reviewed: calls.filter(c => c.ok).length,
    failures: calls.filter(c => !c.ok && !dryRun).length
  }
}
