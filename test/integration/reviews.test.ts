/**
 * Bulk reviews (workflow_dispatch): the bundled action runs against a fake
 * GitHub; the tests read the calls it made and the fake's state afterwards.
 */
import { afterEach, describe, expect, test } from '@jest/globals'
import { makeRequest, type RequestSpec, type StoredRequest } from '../fake-github/model.js'
import type { Call, FakeGitHub } from '../fake-github/server.js'
import type { RunResult } from '../fake-github/runner.js'
import { startHarness, type Harness } from './helpers.js'
import { rendered } from './markdown.js'
import type { CallRecord } from '../../src/github/review.js'

const REPO = 'octo-org/smile'
const MESSAGE = 'Reviewed by the security team: tracked in SEC-1234'

const started: Harness[] = []
afterEach(async () => {
  while (started.length > 0) await started.pop()!.fake.stop()
})

async function harness(specs: RequestSpec[]): Promise<Harness> {
  const h = await startHarness({ requests: specs.map(spec => makeRequest(spec)) })
  started.push(h)
  return h
}

function writes(fake: FakeGitHub): Call[] {
  return fake.calls.filter(c => c.method === 'PATCH' || c.method === 'DELETE' || c.method === 'POST' || c.method === 'PUT')
}

function stored(fake: FakeGitHub, segment: string, number: number): StoredRequest {
  const found = fake.requests.find(r => r.segment === segment && r.number === number)
  if (!found) throw new Error(`no stored request ${segment} #${number}`)
  return found
}

interface Report {
  reviews: {
    review: string
    dry_run: boolean
    reviewed: number
    failures: number
    errors: string[]
    calls: CallRecord[]
    skipped: { type: string; repository: string; number: number; reason: string }[]
  } | null
}

function reportOf(r: RunResult): Report {
  return JSON.parse(r.reportJson!) as Report
}

/** The job summary from its Reviews heading to the end, as rendered. */
function reviewsSection(summary: string): string {
  const start = summary.indexOf('### Reviews')
  expect(start).toBeGreaterThanOrEqual(0)
  return rendered(summary.slice(start))
}

function errorText(r: RunResult): string {
  return r.annotations
    .filter(a => a.level === 'error')
    .map(a => a.message)
    .join('\n')
}

/**
 * The stored request answers as open until a review call for `path` arrives;
 * from then on it is `status`, as when someone else reviewed it between the
 * list and the review call.
 */
function reviewedMeanwhile(fake: FakeGitHub, request: StoredRequest, path: string, status: string): void {
  const initial = request.status
  Object.defineProperty(request, 'status', {
    configurable: true,
    enumerable: true,
    get: () => (fake.calls.some(c => c.method === 'PATCH' && c.path === path) ? status : initial),
    set: () => undefined
  })
}

const FOUR_TYPES: RequestSpec[] = [
  { kind: 'secret-scanning-bypass', repository: REPO, number: 11, ageHours: 5 },
  { kind: 'secret-scanning-dismissal', repository: REPO, number: 12, alertNumber: 112, ageHours: 4 },
  { kind: 'code-scanning-dismissal', repository: REPO, number: 13, alertNumber: 213, ageHours: 3 },
  { kind: 'dependabot-dismissal', repository: REPO, number: 14, alertNumber: 314, alertNumberAs: 'integer', ageHours: 2 }
]
const FOUR_TARGETS = [`${REPO}#11`, `secret-scanning-dismissal:${REPO}#112`, `code-scanning-dismissal:${REPO}#213`, `${REPO}#314`].join('\n')

describe('review calls per type', () => {
  test('approve: bypass requests by request number, dismissal requests by alert number', async () => {
    const h = await harness(FOUR_TYPES)
    const r = await h.run({ review: 'approve', 'review-message': MESSAGE, 'review-targets': FOUR_TARGETS, 'fail-on': 'never' })

    expect(r.code).toBe(0)
    const calls = writes(h.fake).map(c => ({ method: c.method, path: c.path, body: c.body, status: c.status }))
    expect(calls).toEqual(
      expect.arrayContaining([
        { method: 'PATCH', path: '/repos/octo-org/smile/bypass-requests/secret-scanning/11', body: { status: 'approve', message: MESSAGE }, status: 200 },
        { method: 'PATCH', path: '/repos/octo-org/smile/dismissal-requests/secret-scanning/112', body: { status: 'approve', message: MESSAGE }, status: 200 },
        { method: 'PATCH', path: '/repos/octo-org/smile/dismissal-requests/code-scanning/213', body: { status: 'approve', message: MESSAGE }, status: 204 },
        { method: 'PATCH', path: '/repos/octo-org/smile/dismissal-requests/dependabot/314', body: { status: 'approve', message: MESSAGE }, status: 200 }
      ])
    )
    expect(calls).toHaveLength(4)
    expect(r.outputs.reviewed).toBe('4')
    expect(r.outputs['review-failures']).toBe('0')
    expect(stored(h.fake, 'bypass-requests/secret-scanning', 11).status).toBe('approved')
    expect(stored(h.fake, 'dismissal-requests/secret-scanning', 12).status).toBe('approved')
    expect(stored(h.fake, 'dismissal-requests/code-scanning', 13).status).toBe('approved')
    expect(stored(h.fake, 'dismissal-requests/dependabot', 14).status).toBe('approved')
  })

  test('deny: mapped to reject for secret scanning bypass requests, deny for dismissal requests', async () => {
    const h = await harness(FOUR_TYPES)
    const r = await h.run({ review: 'deny', 'review-message': MESSAGE, 'review-targets': FOUR_TARGETS, 'fail-on': 'never' })

    expect(r.code).toBe(0)
    const calls = writes(h.fake).map(c => ({ method: c.method, path: c.path, body: c.body }))
    expect(calls).toEqual(
      expect.arrayContaining([
        { method: 'PATCH', path: '/repos/octo-org/smile/bypass-requests/secret-scanning/11', body: { status: 'reject', message: MESSAGE } },
        { method: 'PATCH', path: '/repos/octo-org/smile/dismissal-requests/secret-scanning/112', body: { status: 'deny', message: MESSAGE } },
        { method: 'PATCH', path: '/repos/octo-org/smile/dismissal-requests/code-scanning/213', body: { status: 'deny', message: MESSAGE } },
        { method: 'PATCH', path: '/repos/octo-org/smile/dismissal-requests/dependabot/314', body: { status: 'deny', message: MESSAGE } }
      ])
    )
    expect(calls).toHaveLength(4)
    expect(r.outputs.reviewed).toBe('4')
    expect(r.outputs['review-failures']).toBe('0')
    for (const request of h.fake.requests) expect(request.status).toBe('denied')
  })

  test("code scanning's 204 without a body counts as a review made", async () => {
    const h = await harness([{ kind: 'code-scanning-dismissal', repository: REPO, number: 3, alertNumber: 42 }])
    const r = await h.run({ review: 'approve', 'review-message': MESSAGE, 'review-targets': 'all', 'fail-on': 'never' })

    expect(r.code).toBe(0)
    const calls = writes(h.fake)
    expect(calls).toHaveLength(1)
    expect(calls[0]).toMatchObject({ method: 'PATCH', path: '/repos/octo-org/smile/dismissal-requests/code-scanning/42', status: 204 })
    expect(r.outputs.reviewed).toBe('1')
    expect(r.outputs['review-failures']).toBe('0')
    const report = reportOf(r)
    expect(report.reviews?.calls).toHaveLength(1)
    expect(report.reviews?.calls[0]).toMatchObject({ status: 204, ok: true })
    expect(stored(h.fake, 'dismissal-requests/code-scanning', 3).status).toBe('approved')
  })
})

describe('the plan is checked before the first write', () => {
  test('an unknown target fails the step and nothing is reviewed, even the valid targets', async () => {
    const h = await harness([
      { kind: 'secret-scanning-bypass', repository: REPO, number: 5 },
      { kind: 'dependabot-dismissal', repository: REPO, number: 6, alertNumber: 60 }
    ])
    const r = await h.run({ review: 'approve', 'review-message': MESSAGE, 'review-targets': `${REPO}#5, ${REPO}#999, ${REPO}#60`, 'fail-on': 'never' })

    expect(r.code).toBe(1)
    expect(errorText(r)).toContain('octo-org/smile#999')
    expect(errorText(r)).toMatch(/not found/i)
    expect(errorText(r)).not.toMatch(/octo-org\/smile#5\b/)
    expect(writes(h.fake)).toEqual([])
    expect(h.fake.requests.map(x => x.status)).toEqual(['open', 'pending'])
    expect(r.outputs.reviewed).toBe('0')
  })

  test('a bare target that matches two types asks for the type; with the type it is reviewed', async () => {
    const specs: RequestSpec[] = [
      { kind: 'secret-scanning-bypass', repository: REPO, number: 5 },
      { kind: 'dependabot-dismissal', repository: REPO, number: 40, alertNumber: 5 }
    ]
    const h = await harness(specs)
    const r = await h.run({ review: 'approve', 'review-message': MESSAGE, 'review-targets': `${REPO}#5`, 'fail-on': 'never' })

    expect(r.code).toBe(1)
    expect(errorText(r)).toContain('octo-org/smile#5')
    expect(errorText(r)).toContain('secret-scanning-bypass')
    expect(errorText(r)).toContain('dependabot-dismissal')
    expect(errorText(r)).toContain('type:')
    expect(writes(h.fake)).toEqual([])

    const typed = await h.run({ review: 'approve', 'review-message': MESSAGE, 'review-targets': `dependabot-dismissal:${REPO}#5`, 'fail-on': 'never' })
    expect(typed.code).toBe(0)
    const calls = writes(h.fake)
    expect(calls).toHaveLength(1)
    expect(calls[0]).toMatchObject({ method: 'PATCH', path: '/repos/octo-org/smile/dismissal-requests/dependabot/5', body: { status: 'approve', message: MESSAGE } })
    expect(stored(h.fake, 'dismissal-requests/dependabot', 40).status).toBe('approved')
    expect(stored(h.fake, 'bypass-requests/secret-scanning', 5).status).toBe('open')
  })

  test('more planned calls than max-reviews: nothing is reviewed and the step fails', async () => {
    const h = await harness([
      { kind: 'secret-scanning-bypass', repository: REPO, number: 1 },
      { kind: 'secret-scanning-bypass', repository: REPO, number: 2 },
      { kind: 'dependabot-dismissal', repository: REPO, number: 3, alertNumber: 30 }
    ])
    const r = await h.run({ review: 'approve', 'review-message': MESSAGE, 'max-reviews': '2', 'review-targets': 'all', 'fail-on': 'never' })

    expect(r.code).toBe(1)
    expect(errorText(r)).toMatch(/3 calls, more than max-reviews \(2\)/)
    expect(writes(h.fake)).toEqual([])
    expect(r.outputs.reviewed).toBe('0')
    expect(r.outputs['review-failures']).toBe('0')
    expect(h.fake.requests.every(x => x.status === 'open' || x.status === 'pending')).toBe(true)
  })

  test('an explicit push ruleset bypass target fails: the REST API cannot review it', async () => {
    const h = await harness([
      { kind: 'push-ruleset-bypass', repository: REPO, number: 3 },
      { kind: 'secret-scanning-bypass', repository: REPO, number: 4 }
    ])
    const r = await h.run({
      review: 'approve',
      'review-message': MESSAGE,
      'review-targets': `push-ruleset-bypass:${REPO}#3\n${REPO}#4`,
      'fail-on': 'never'
    })

    expect(r.code).toBe(1)
    expect(errorText(r)).toContain('push-ruleset-bypass:octo-org/smile#3')
    expect(errorText(r)).toMatch(/REST API cannot review/)
    expect(writes(h.fake)).toEqual([])
    expect(stored(h.fake, 'bypass-requests/secret-scanning', 4).status).toBe('open')
  })

  test('implicit push ruleset bypass requests are skipped with a notice; the other types are reviewed', async () => {
    const h = await harness([
      { kind: 'push-ruleset-bypass', repository: REPO, number: 3, ageHours: 6 },
      { kind: 'secret-scanning-bypass', repository: REPO, number: 4 }
    ])
    const r = await h.run({ review: 'approve', 'review-message': MESSAGE, 'request-types': 'all', 'review-targets': 'all', 'fail-on': 'never' })

    expect(r.code).toBe(0)
    const calls = writes(h.fake)
    expect(calls).toHaveLength(1)
    expect(calls[0]).toMatchObject({ method: 'PATCH', path: '/repos/octo-org/smile/bypass-requests/secret-scanning/4', status: 200 })
    expect(stored(h.fake, 'bypass-requests/push-rules', 3).status).toBe('open')
    const section = reviewsSection(r.summary)
    expect(section).toMatch(/1 skipped/)
    expect(section).toMatch(/push-ruleset-bypass octo-org\/smile request #3: GitHub's REST API cannot review/)
    expect(reportOf(r).reviews?.skipped).toEqual([expect.objectContaining({ type: 'push-ruleset-bypass', number: 3 })])
    expect(r.outputs.reviewed).toBe('1')
  })
})

describe('dry run', () => {
  test('prints and reports the exact calls and makes none', async () => {
    const h = await harness([
      { kind: 'secret-scanning-bypass', repository: REPO, number: 8, ageHours: 3 },
      { kind: 'dependabot-dismissal', repository: REPO, number: 9, alertNumber: 90 }
    ])
    const r = await h.run({ review: 'approve', 'review-message': MESSAGE, 'dry-run': 'true', 'review-targets': 'all', 'fail-on': 'never' })

    expect(r.code).toBe(0)
    expect(writes(h.fake)).toEqual([])
    const body = JSON.stringify({ status: 'approve', message: MESSAGE })
    expect(r.stdout).toContain(`PATCH /repos/octo-org/smile/bypass-requests/secret-scanning/8 ${body}`)
    expect(r.stdout).toContain(`PATCH /repos/octo-org/smile/dismissal-requests/dependabot/90 ${body}`)
    expect(reviewsSection(r.summary)).toMatch(/### Reviews: approve \(dry run/)
    expect(reviewsSection(r.summary)).toContain('PATCH /repos/octo-org/smile/bypass-requests/secret-scanning/8')
    expect(r.outputs.reviewed).toBe('0')
    expect(r.outputs['review-failures']).toBe('0')
    const report = reportOf(r)
    expect(report.reviews?.dry_run).toBe(true)
    expect(report.reviews?.calls.map(c => ({ method: c.method, path: c.path, body: c.body, status: c.status }))).toEqual(
      expect.arrayContaining([
        { method: 'PATCH', path: '/repos/octo-org/smile/bypass-requests/secret-scanning/8', body: { status: 'approve', message: MESSAGE }, status: null },
        { method: 'PATCH', path: '/repos/octo-org/smile/dismissal-requests/dependabot/90', body: { status: 'approve', message: MESSAGE }, status: null }
      ])
    )
    expect(stored(h.fake, 'bypass-requests/secret-scanning', 8).status).toBe('open')
    expect(stored(h.fake, 'dismissal-requests/dependabot', 9).status).toBe('pending')
  })
})

describe('failed review calls', () => {
  test('a 422 (reviewed meanwhile) is recorded with GitHub’s message; the other target is reviewed; the step fails', async () => {
    const h = await harness([
      { kind: 'secret-scanning-bypass', repository: REPO, number: 7, ageHours: 5 },
      { kind: 'secret-scanning-bypass', repository: REPO, number: 8, ageHours: 1 }
    ])
    const failedPath = '/repos/octo-org/smile/bypass-requests/secret-scanning/7'
    const okPath = '/repos/octo-org/smile/bypass-requests/secret-scanning/8'
    reviewedMeanwhile(h.fake, stored(h.fake, 'bypass-requests/secret-scanning', 7), failedPath, 'approved')

    const r = await h.run({ review: 'approve', 'review-message': MESSAGE, 'review-targets': `${REPO}#7, ${REPO}#8`, 'fail-on': 'never' })

    expect(r.code).toBe(1)
    expect(r.outputs.reviewed).toBe('1')
    expect(r.outputs['review-failures']).toBe('1')
    expect(writes(h.fake).map(c => [c.path, c.status])).toEqual(
      expect.arrayContaining([
        [failedPath, 422],
        [okPath, 200]
      ])
    )
    const calls = reportOf(r).reviews!.calls
    expect(calls).toHaveLength(2)
    const failed = calls.find(c => c.path === failedPath)!
    const ok = calls.find(c => c.path === okPath)!
    expect(failed).toMatchObject({ method: 'PATCH', body: { status: 'approve', message: MESSAGE }, status: 422, ok: false })
    expect(failed.message).toContain('This request has already been reviewed')
    expect(ok).toMatchObject({ method: 'PATCH', body: { status: 'approve', message: MESSAGE }, status: 200, ok: true })
    const section = reviewsSection(r.summary)
    expect(section).toContain('1 succeeded, 1 failed')
    expect(section).toContain(failedPath)
    expect(section).toContain(okPath)
    expect(section).toMatch(/❌ 422[^\n]*already been reviewed/)
    expect(section).toMatch(/✅ 200/)
    expect(stored(h.fake, 'bypass-requests/secret-scanning', 8).status).toBe('approved')
  })

  test('a 404 on a review call is a failed review and the run goes on to the next call', async () => {
    const h = await harness([
      { kind: 'dependabot-dismissal', repository: REPO, number: 21, alertNumber: 70, ageHours: 9 },
      { kind: 'secret-scanning-bypass', repository: REPO, number: 22, ageHours: 1 }
    ])
    const goneRequest = h.fake.requests[0]!
    const gonePath = '/repos/octo-org/smile/dismissal-requests/dependabot/70'
    const okPath = '/repos/octo-org/smile/bypass-requests/secret-scanning/22'
    // The dismissal request is looked up by its alert number; it vanishes once its review call arrives.
    Object.defineProperty(goneRequest, 'data', {
      configurable: true,
      enumerable: true,
      get: () =>
        h.fake.calls.some(c => c.method === 'PATCH' && c.path === gonePath)
          ? [{ reason: 'tolerable_risk', alert_number: '7000' }]
          : [{ reason: 'tolerable_risk', alert_number: '70', alert_title: 'lodash - GHSA-1234-abcd-5678' }]
    })

    const r = await h.run({ review: 'approve', 'review-message': MESSAGE, 'review-targets': 'all', 'fail-on': 'never' })

    expect(r.code).toBe(1)
    const made = writes(h.fake)
    expect(made.map(c => [c.path, c.status])).toEqual([
      [gonePath, 404],
      [okPath, 200]
    ])
    expect(r.outputs.reviewed).toBe('1')
    expect(r.outputs['review-failures']).toBe('1')
    const failed = reportOf(r).reviews!.calls.find(c => c.path === gonePath)!
    expect(failed).toMatchObject({ status: 404, ok: false })
    expect(failed.message).toContain('Not Found')
    expect(stored(h.fake, 'bypass-requests/secret-scanning', 22).status).toBe('approved')
  })
})

describe('re-runs', () => {
  test('the same review run again makes no call, with or without explicit targets', async () => {
    const h = await harness([
      { kind: 'secret-scanning-bypass', repository: REPO, number: 31, ageHours: 3 },
      { kind: 'dependabot-dismissal', repository: REPO, number: 32, alertNumber: 320 }
    ])
    const inputs = { review: 'approve', 'review-message': MESSAGE, 'review-targets': 'all', 'fail-on': 'never' }

    const first = await h.run(inputs)
    expect(first.code).toBe(0)
    expect(first.outputs.reviewed).toBe('2')
    expect(
      writes(h.fake)
        .map(c => c.path)
        .sort()
    ).toEqual(['/repos/octo-org/smile/bypass-requests/secret-scanning/31', '/repos/octo-org/smile/dismissal-requests/dependabot/320'])
    expect(h.fake.requests.map(x => x.status)).toEqual(['approved', 'approved'])

    h.fake.resetCalls()
    const again = await h.run(inputs)
    expect(again.code).toBe(0)
    expect(writes(h.fake)).toEqual([])
    expect(h.fake.calls.length).toBeGreaterThan(0)
    expect(again.outputs.reviewed).toBe('0')
    expect(again.outputs['review-failures']).toBe('0')

    h.fake.resetCalls()
    const targeted = await h.run({ ...inputs, 'review-targets': `${REPO}#31, ${REPO}#320` })
    expect(targeted.code).toBe(0)
    expect(writes(h.fake)).toEqual([])
    expect(targeted.outputs.reviewed).toBe('0')
    expect(targeted.outputs['review-failures']).toBe('0')
    const skipped = reportOf(targeted).reviews!.skipped
    expect(skipped).toHaveLength(2)
    for (const s of skipped) expect(s.reason).toMatch(/not open \(status approved\)/)
    expect(reviewsSection(targeted.summary)).toMatch(/2 skipped/)
    expect(reviewsSection(targeted.summary)).toMatch(/not open \(status approved\)/)
    // The number a skipped request is reported by is the one a target names (alert number for dismissal requests).
    expect(skipped.map(s => [s.type, s.number])).toEqual(
      expect.arrayContaining([
        ['secret-scanning-bypass', 31],
        ['dependabot-dismissal', 320]
      ])
    )
  })
})

describe('dismiss-response', () => {
  test('deletes the approve/deny responses of a secret scanning bypass request, not the dismissed ones', async () => {
    const h = await harness([
      {
        kind: 'secret-scanning-bypass',
        repository: REPO,
        number: 12,
        status: 'approved',
        responses: [
          { id: 501, reviewer: 'octocat', status: 'approved', created_at: new Date(Date.now() - 3_600_000).toISOString() },
          { id: 502, reviewer: 'hubot', status: 'dismissed', created_at: new Date(Date.now() - 7_200_000).toISOString() }
        ]
      }
    ])
    const r = await h.run({ review: 'dismiss-response', 'review-message': MESSAGE, 'request-status': 'all', 'review-targets': 'all', 'fail-on': 'never' })

    expect(r.code).toBe(0)
    const made = writes(h.fake)
    expect(made).toHaveLength(1)
    expect(made[0]).toMatchObject({ method: 'DELETE', path: '/repos/octo-org/smile/bypass-responses/secret-scanning/501', status: 204 })
    const request = stored(h.fake, 'bypass-requests/secret-scanning', 12)
    expect(request.responses.find(x => x.id === 501)?.status).toBe('dismissed')
    expect(request.responses.find(x => x.id === 502)?.status).toBe('dismissed')
    expect(r.outputs.reviewed).toBe('1')
    expect(r.outputs['review-failures']).toBe('0')
    expect(reportOf(r).reviews!.calls).toEqual([
      expect.objectContaining({ method: 'DELETE', path: '/repos/octo-org/smile/bypass-responses/secret-scanning/501', status: 204, ok: true })
    ])
  })

  test('a dismiss-response target of another type fails and nothing is written', async () => {
    const h = await harness([
      {
        kind: 'secret-scanning-bypass',
        repository: REPO,
        number: 12,
        status: 'approved',
        responses: [{ id: 601, reviewer: 'octocat', status: 'approved', created_at: new Date(Date.now() - 3_600_000).toISOString() }]
      },
      { kind: 'dependabot-dismissal', repository: REPO, number: 13, alertNumber: 130 }
    ])
    const r = await h.run({
      review: 'dismiss-response',
      'review-message': MESSAGE,
      'request-status': 'all',
      'review-targets': `${REPO}#12, dependabot-dismissal:${REPO}#130`,
      'fail-on': 'never'
    })

    expect(r.code).toBe(1)
    expect(errorText(r)).toContain('dependabot-dismissal:octo-org/smile#130')
    expect(errorText(r)).toMatch(/only secret scanning bypass requests have responses/)
    expect(writes(h.fake)).toEqual([])
    expect(stored(h.fake, 'bypass-requests/secret-scanning', 12).responses[0]!.status).toBe('approved')
  })
})

describe('the review message', () => {
  test('is required: no call at all is made without it', async () => {
    const h = await harness([{ kind: 'secret-scanning-bypass', repository: REPO, number: 1 }])
    const r = await h.run({ review: 'deny', 'review-targets': 'all', 'fail-on': 'never' })

    expect(r.code).toBe(1)
    expect(errorText(r)).toMatch(/review-message/)
    expect(h.fake.calls).toEqual([])
    expect(stored(h.fake, 'bypass-requests/secret-scanning', 1).status).toBe('open')
  })

  test('longer than 2048 characters fails before any call', async () => {
    const h = await harness([{ kind: 'secret-scanning-bypass', repository: REPO, number: 1 }])
    const r = await h.run({ review: 'approve', 'review-message': 'x'.repeat(2049), 'review-targets': 'all', 'fail-on': 'never' })

    expect(r.code).toBe(1)
    expect(errorText(r)).toMatch(/review-message/)
    expect(errorText(r)).toMatch(/2048/)
    expect(h.fake.calls).toEqual([])
  })

  test('a token in the message is sent to GitHub but redacted from the log, summary and reports', async () => {
    const secret = `ghp_${'AbCdEfGhIjKlMnOpQrStUvWxYzAbCdEfGhIj'}`
    expect(secret).toHaveLength(40)
    const message = `Approved, the leaked value ${secret} was rotated`
    const h = await harness([{ kind: 'secret-scanning-bypass', repository: REPO, number: 2 }])
    const r = await h.run({ review: 'approve', 'review-message': message, 'review-targets': 'all', 'fail-on': 'never' })

    expect(r.code).toBe(0)
    const made = writes(h.fake)
    expect(made).toHaveLength(1)
    expect(made[0]!.body).toEqual({ status: 'approve', message })
    const reportText = r.reportJson!
    const markdownText = r.reportMarkdown!
    for (const text of [reportText, markdownText, r.summary, r.stdout, r.stderr, JSON.stringify(r.outputs)]) {
      expect(text).not.toContain(secret)
    }
    expect(reportText).toContain('[redacted]')
    expect(reviewsSection(r.summary)).toContain('[redacted]')
  })
})
