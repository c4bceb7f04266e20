import { describe, expect, test } from '@jest/globals'
import { byUrgency } from '../../src/classify.js'
import type { CallRecord, ReviewReport } from '../../src/github/review.js'
import type { RequestRecord } from '../../src/requests.js'
import { afterReviews } from '../../src/review-outcome.js'
import { planReviews, type ReviewPlan } from '../../src/review-plan.js'
import { bypass, dismissal, settingsWith } from './record-builders.js'

type Answer = Pick<CallRecord, 'status' | 'ok' | 'message'>

const OK_200: Answer = { status: 200, ok: true }
const REFUSED: Answer = { status: 422, ok: false, message: 'GitHub answered 422: the request is not open.' }
const NO_ANSWER: Answer = { status: null, ok: false, message: 'No answer from GitHub.' }

/** The plan for `records` (all of them matched, most urgent first) under `review` with `targets`. */
function planFor(review: string, records: RequestRecord[], targets = 'all'): ReviewPlan {
  const settings = settingsWith({ review, 'review-message': 'Reviewed.', 'review-targets': targets, 'request-status': 'all' })
  return planReviews(settings, records, records)
}

/** The report of carrying out `plan`: call i got `answers[i]` (a dry run answers nothing). */
function reportFor(review: string, plan: ReviewPlan, answers: Answer[], dryRun = false): ReviewReport {
  const calls: CallRecord[] = plan.calls.map((c, i) => ({
    type: c.record.type,
    repository: c.record.repository,
    number: c.record.number,
    target: c.record.target,
    action: c.action,
    method: c.method,
    path: c.path,
    ...(c.body ? { body: c.body } : {}),
    ...(dryRun ? { status: null, ok: false } : (answers[i] ?? NO_ANSWER))
  }))
  const made = calls.filter(c => c.ok).length
  return { review, policy: false, dryRun, calls, skipped: plan.skipped, errors: plan.errors, reviewed: made, failures: dryRun ? 0 : calls.length - made }
}

function after(review: string, records: RequestRecord[], answers: Answer[], options: { dryRun?: boolean; targets?: string } = {}): RequestRecord[] {
  const sorted = [...records].sort(byUrgency)
  const plan = planFor(review, sorted, options.targets)
  return afterReviews(sorted, plan, reportFor(review, plan, answers, options.dryRun))
}

describe('afterReviews', () => {
  test('an approve GitHub accepted: approved, no longer open or stale, with what was done', () => {
    const stale = bypass(5, { ageHours: 30 })
    expect([stale.status, stale.open, stale.stale]).toEqual(['open', true, true])
    const [out] = after('approve', [stale], [OK_200])
    expect(out).toEqual({
      ...stale,
      status: 'approved',
      open: false,
      stale: false,
      review: { action: 'approve', outcome: 'done', http_status: 200, message: null }
    })
  })

  test('an approve GitHub accepted on an expiring request: no longer expiring either, its time left kept', () => {
    const expiring = bypass(5, { ageHours: 7 * 24 - 3 })
    expect([expiring.expiring, expiring.stale, expiring.expires_in_hours]).toEqual([true, true, 3])
    const [out] = after('approve', [expiring], [OK_200])
    expect([out!.status, out!.open, out!.stale, out!.expiring, out!.expires_in_hours]).toEqual(['approved', false, false, false, 3])
  })

  test('a failed call on an expiring request: still expiring', () => {
    const [out] = after('deny', [bypass(5, { ageHours: 7 * 24 - 3 })], [REFUSED])
    expect([out!.open, out!.expiring]).toEqual([true, true])
  })

  test('a deny GitHub accepted: denied, whatever verb the type uses', () => {
    const out = after('deny', [bypass(5, { ageHours: 30 }), dismissal('dependabot-dismissal', 42, 17, { ageHours: 3 })], [OK_200, { status: 204, ok: true }])
    expect(out.map(r => [r.type, r.number, r.status, r.open, r.stale, r.review])).toEqual([
      ['secret-scanning-bypass', 5, 'denied', false, false, { action: 'deny', outcome: 'done', http_status: 200, message: null }],
      ['dependabot-dismissal', 42, 'denied', false, false, { action: 'deny', outcome: 'done', http_status: 204, message: null }]
    ])
  })

  test('a failed call: the status, open and stale are unchanged; the review says failed, with GitHub’s status and message', () => {
    const stale = bypass(5, { ageHours: 30 })
    const [out] = after('deny', [stale], [REFUSED])
    expect(out).toEqual({ ...stale, review: { action: 'deny', outcome: 'failed', http_status: 422, message: 'GitHub answered 422: the request is not open.' } })
  })

  test('a call that got no answer: failed, with no HTTP status', () => {
    const [out] = after('approve', [bypass(5)], [NO_ANSWER])
    expect([out!.status, out!.open, out!.review]).toEqual(['open', true, { action: 'approve', outcome: 'failed', http_status: null, message: 'No answer from GitHub.' }])
  })

  test('a dry run: what would be done, and the state unchanged', () => {
    const stale = bypass(5, { ageHours: 30 })
    const [out] = after('approve', [stale], [], { dryRun: true })
    expect(out).toEqual({ ...stale, review: { action: 'approve', outcome: 'dry-run', http_status: null, message: null } })
  })

  test('a skipped request: skipped, with the plan’s reason, and the state unchanged', () => {
    const denied = bypass(6, { status: 'denied', ageHours: 50 })
    const [out] = after('approve', [denied], [])
    expect(out).toEqual({
      ...denied,
      review: { action: 'approve', outcome: 'skipped', http_status: null, message: 'not open (status denied), nothing to review' }
    })
  })

  describe('dismiss-response: one call per response', () => {
    const responses = [
      { id: 11, reviewer: 'octocat', status: 'approved' as const, created_at: '2025-03-09T10:00:00Z' },
      { id: 12, reviewer: 'hubot', status: 'denied' as const, created_at: '2025-03-09T11:00:00Z' }
    ]
    const answered = () => bypass(5, { status: 'approved', responses })

    test('one of two calls failed: failed, with the failed call’s status and message; the status is unchanged', () => {
      for (const answers of [
        [{ status: 204, ok: true }, REFUSED],
        [REFUSED, { status: 204, ok: true }]
      ]) {
        const [out] = after('dismiss-response', [answered()], answers)
        expect([out!.status, out!.open, out!.review]).toEqual([
          'approved',
          false,
          { action: 'dismiss-response', outcome: 'failed', http_status: 422, message: 'GitHub answered 422: the request is not open.' }
        ])
      }
    })

    test('both calls made: done, with the last answer; the status is unchanged', () => {
      const [out] = after(
        'dismiss-response',
        [answered()],
        [
          { status: 200, ok: true },
          { status: 204, ok: true }
        ]
      )
      expect([out!.status, out!.open, out!.review]).toEqual(['approved', false, { action: 'dismiss-response', outcome: 'done', http_status: 204, message: null }])
    })
  })

  test('records the plan does not name are returned as they were', () => {
    const named = bypass(5, { ageHours: 3 })
    const other = bypass(6, { ageHours: 2 })
    const out = after('approve', [named, other], [OK_200], { targets: 'octo-org/smile#5' })
    expect(out.find(r => r.number === 6)).toBe(other)
    expect(other.review).toBeNull()
    expect(out.find(r => r.number === 5)!.review).toEqual({ action: 'approve', outcome: 'done', http_status: 200, message: null })
  })

  test('the result is most urgent first, as the state after the reviews has it', () => {
    const records = [bypass(1, { ageHours: 50 }), bypass(2, { ageHours: 30 }), bypass(3, { ageHours: 2 }), bypass(4, { ageHours: 90, status: 'denied' })]
    // Request 1 (the stalest) is approved: it is no longer open and goes after the open ones, by age among the closed.
    const out = after('approve', records, [OK_200], { targets: 'octo-org/smile#1' })
    expect(out.map(r => [r.number, r.status])).toEqual([
      [2, 'open'],
      [3, 'open'],
      [4, 'denied'],
      [1, 'approved']
    ])
  })
})
