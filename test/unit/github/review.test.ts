import { describe, expect, jest, test } from '@jest/globals'
import { applyReviews, type CallRecord, type ReviewOptions } from '../../../src/github/review.js'
import type { RequestRecord } from '../../../src/requests.js'
import { planReviews, type ReviewPlan } from '../../../src/review-plan.js'
import { createRedactor, redact } from '../../../src/text.js'
import { REPO, bypass, fakeGitHub, httpError, noAnswer, reviewCall, settingsWith } from '../record-builders.js'

interface Sent {
  method: string
  url: string
  data?: unknown
}
type Request = (options: Sent) => Promise<unknown>

const PATH = (n: number) => `/repos/${REPO}/bypass-requests/secret-scanning/${n}`

/** The plan to approve `records` (review-targets all) with `message`. */
function approve(records: RequestRecord[], message = 'Reviewed.'): ReviewPlan {
  return planReviews(settingsWith({ review: 'approve', 'review-message': message, 'review-targets': 'all' }), records, records)
}

/** GitHub's answer to a review: 200 with the review's id, or 204 without a body. */
const answered = (status: 200 | 204) => ({ status, headers: {}, data: status === 200 ? { bypass_review_id: 9 } : '' })

/** A fake GitHub answering each call with the next of `answers` (an Error is thrown). */
function github(...answers: unknown[]) {
  const request = jest.fn<Request>()
  for (const answer of answers) {
    if (answer instanceof Error) request.mockRejectedValueOnce(answer)
    else request.mockResolvedValueOnce(answer)
  }
  return { request, client: fakeGitHub(request) }
}

function options(more: Partial<ReviewOptions> = {}): ReviewOptions {
  return { review: 'approve', policy: false, dryRun: false, redact, onCall: () => undefined, ...more }
}

describe('applyReviews', () => {
  test('a dry run makes no call and records every call unanswered', async () => {
    const { request, client } = github()
    const onCall = jest.fn<(call: CallRecord) => void>()
    const report = await applyReviews(client, approve([bypass(1), bypass(2)]), options({ dryRun: true, onCall }))
    expect(request).not.toHaveBeenCalled()
    const unanswered = [reviewCall(1, { status: null, ok: false }), reviewCall(2, { status: null, ok: false })]
    expect(report).toEqual({ review: 'approve', policy: false, dryRun: true, calls: unanswered, skipped: [], errors: [], reviewed: 0, failures: 0 })
    expect(onCall.mock.calls).toEqual(unanswered.map(call => [call]))
  })

  test('200 and 204 are reviews made; the body goes to GitHub as planned', async () => {
    const { request, client } = github(answered(200), answered(204))
    const report = await applyReviews(client, approve([bypass(1), bypass(2)]), options())
    expect(request.mock.calls).toEqual([
      [{ method: 'PATCH', url: PATH(1), data: { status: 'approve', message: 'Reviewed.' } }],
      [{ method: 'PATCH', url: PATH(2), data: { status: 'approve', message: 'Reviewed.' } }]
    ])
    expect(report.calls).toEqual([reviewCall(1), reviewCall(2, { status: 204 })])
    expect([report.reviewed, report.failures]).toEqual([2, 0])
  })

  test('a 422 fails that call with GitHub’s message; the next call is still made', async () => {
    const { request, client } = github(httpError(422, 'Bypass request is not open'), answered(200))
    const report = await applyReviews(client, approve([bypass(1), bypass(2)]), options())
    expect(request).toHaveBeenCalledTimes(2)
    expect(report.calls).toEqual([
      reviewCall(1, { status: 422, ok: false, message: `GitHub rejected PATCH ${PATH(1)} (422): Bypass request is not open` }),
      reviewCall(2)
    ])
    expect([report.reviewed, report.failures]).toEqual([1, 1])
  })

  test('a 403 names the permission a reviewer needs', async () => {
    const { client } = github(httpError(403, 'Resource not accessible by integration'))
    const report = await applyReviews(client, approve([bypass(1)]), options())
    expect(report.calls).toEqual([
      reviewCall(1, {
        status: 403,
        ok: false,
        message:
          `GitHub answered 403 to PATCH ${PATH(1)}: the token may not review secret scanning bypass requests (Resource not accessible by integration). ` +
          'Use a personal access token (classic) with the security_events scope of a reviewer, or a fine-grained token or GitHub App with ' +
          '"Secret scanning alerts" repository permissions (read) and "Organization bypass requests for secret scanning" organization permissions (write), ' +
          'or "Secret scanning push protection bypass requests" repository permissions (write).'
      })
    ])
  })

  test.each([
    ['a network error', noAnswer('socket hang up'), `The call to PATCH ${PATH(1)} failed (socket hang up) (not retried: it may have been applied).`],
    ['a time-out', noAnswer('The operation was aborted due to timeout'), `The call to PATCH ${PATH(1)} timed out (not retried: it may have been applied).`]
  ])('%s: no status, and the message says it was not retried', async (_name, error, message) => {
    const { request, client } = github(error)
    const report = await applyReviews(client, approve([bypass(1)]), options())
    expect(request).toHaveBeenCalledTimes(1)
    expect(report.calls).toEqual([reviewCall(1, { status: null, ok: false, message })])
    expect([report.reviewed, report.failures]).toEqual([0, 1])
  })

  test('a 502 GitHub answered keeps its status and says it was not retried', async () => {
    const { client } = github(httpError(502, 'Bad Gateway'))
    const report = await applyReviews(client, approve([bypass(1)]), options())
    expect(report.calls).toEqual([
      reviewCall(1, { status: 502, ok: false, message: `GitHub answered 502 to PATCH ${PATH(1)} (not retried: it may have been applied): Bad Gateway.` })
    ])
  })

  test.each([
    ['with a location', { status: 307, headers: { location: 'https://x' }, data: '' }, `GitHub answered 307 (a redirect to https://x) to PATCH ${PATH(1)}`],
    ['without one', { status: 302, headers: {}, data: '' }, `GitHub answered 302 (a redirect) to PATCH ${PATH(1)}`]
  ])('a 3xx answer %s is a failed call: the review was not made', async (_name, answer, start) => {
    const { client } = github(answer)
    const report = await applyReviews(client, approve([bypass(1)]), options())
    expect(report.calls).toEqual([reviewCall(1, { status: answer.status, ok: false, message: `${start}: not followed, so the review was not made.` })])
    expect([report.reviewed, report.failures]).toEqual([0, 1])
  })

  test('a dismissal of a response is a DELETE without a body', async () => {
    const responses = [{ id: 7, reviewer: 'octocat', status: 'approved' as const, created_at: '2025-03-10T11:00:00Z' }]
    const settings = settingsWith({ review: 'dismiss-response', 'review-message': 'Not sent.', 'review-targets': 'all' })
    const records = [bypass(1, { responses })]
    const { request, client } = github(answered(204))
    const report = await applyReviews(client, planReviews(settings, records, records), options({ review: 'dismiss-response' }))
    expect(request.mock.calls).toStrictEqual([[{ method: 'DELETE', url: `/repos/${REPO}/bypass-responses/secret-scanning/7` }]])
    const { body: _body, ...unbodied } = reviewCall(1, { status: 204 })
    expect(report.calls).toStrictEqual([
      { ...unbodied, action: 'dismiss approved response 7 by octocat', method: 'DELETE', path: `/repos/${REPO}/bypass-responses/secret-scanning/7` }
    ])
  })

  test('the review message is redacted in the record; GitHub gets it as written', async () => {
    const written = 'Approved: secret-token is a test value.'
    const shown = 'Approved: [redacted] is a test value.'
    const { request, client } = github(answered(200), httpError(422, 'Message secret-token refused'))
    const report = await applyReviews(client, approve([bypass(1), bypass(2)], written), options({ redact: createRedactor(['secret-token']) }))
    expect(request.mock.calls.map(([sent]) => sent.data)).toEqual([
      { status: 'approve', message: written },
      { status: 'approve', message: written }
    ])
    expect(report.calls).toEqual([
      reviewCall(1, { body: { status: 'approve', message: shown } }),
      reviewCall(2, {
        body: { status: 'approve', message: shown },
        status: 422,
        ok: false,
        message: `GitHub rejected PATCH ${PATH(2)} (422): Message [redacted] refused`
      })
    ])
  })

  test('a dry run redacts the message too', async () => {
    const { client } = github()
    const report = await applyReviews(client, approve([bypass(1)], 'Keep secret-token'), options({ dryRun: true, redact: createRedactor(['secret-token']) }))
    expect(report.calls.map(c => c.body)).toEqual([{ status: 'approve', message: 'Keep [redacted]' }])
  })

  test('onCall is called once per call, as each call is answered, in order', async () => {
    const events: string[] = []
    const request = jest.fn<Request>(async ({ url }) => {
      events.push(`request ${url}`)
      return answered(200)
    })
    const onCall = jest.fn((call: CallRecord) => void events.push(`onCall ${call.path} ${call.status}`))
    await applyReviews(fakeGitHub(request), approve([bypass(1), bypass(2), bypass(3)]), options({ onCall }))
    expect(events).toEqual([1, 2, 3].flatMap(n => [`request ${PATH(n)}`, `onCall ${PATH(n)} 200`]))
    expect(onCall).toHaveBeenCalledTimes(3)
  })

  test.each([true, false])('policy %s, the review, the skipped requests and the plan’s errors are carried to the report', async policy => {
    const skipped = [{ record: bypass(4), reason: 'not open (status approved), nothing to review' }]
    const plan: ReviewPlan = { calls: [], skipped, errors: ['Review target 9 not found.'] }
    const { request, client } = github()
    const report = await applyReviews(client, plan, options({ review: 'deny', policy }))
    expect(request).not.toHaveBeenCalled()
    expect(report).toEqual({ review: 'deny', policy, dryRun: false, calls: [], skipped, errors: ['Review target 9 not found.'], reviewed: 0, failures: 0 })
  })
})
