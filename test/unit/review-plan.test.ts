import { describe, expect, test } from '@jest/globals'
import { byUrgency } from '../../src/classify.js'
import type { Settings } from '../../src/inputs.js'
import type { RequestRecord } from '../../src/requests.js'
import { judge } from '../../src/policy.js'
import { planAction, planReviews, type ReviewPlan } from '../../src/review-plan.js'
import { bypass, dismissal, plainRecord, pushRule, settingsWith } from './record-builders.js'

const MESSAGE = 'Reviewed by the security team.'

function reviewSettings(review: string, targets = 'all', more: Record<string, string> = {}): Settings {
  return settingsWith({ review, 'review-message': MESSAGE, 'review-targets': targets, ...more })
}

/** Matched records are also candidates, most urgent first, as the pipeline passes them. */
function plan(settings: Settings, matched: RequestRecord[], others: RequestRecord[] = []): ReviewPlan {
  const sorted = [...matched].sort(byUrgency)
  return planReviews(settings, [...sorted, ...others].sort(byUrgency), sorted)
}

function summary(p: ReviewPlan) {
  return p.calls.map(c => `${c.method} ${c.path}${c.body ? ` ${c.body.status}` : ''}`)
}

/** The plan in short: its errors, its calls and the requests it skips, with why. */
function outline(p: ReviewPlan) {
  return { errors: p.errors, calls: summary(p), skipped: p.skipped.map(s => [s.record.number, s.reason]) }
}

describe('planReviews: review-targets all', () => {
  test('review none plans nothing', () => {
    const p = plan(settingsWith(), [bypass(1)])
    expect(p).toEqual({ calls: [], skipped: [], errors: [] })
  })

  test('every matched request is reviewed; a candidate that did not match the status filter is not', () => {
    const s = reviewSettings('approve', 'all')
    expect(s.reviewTargets).toBe('all')
    const p = planReviews(s, [bypass(5), bypass(6), bypass(7)], [bypass(5), bypass(7)])
    expect(p.errors).toEqual([])
    expect(p.calls.map(c => c.record.number)).toEqual([5, 7])
  })

  test('approve: one PATCH per open request, keyed by number or alert number', () => {
    const p = plan(reviewSettings('approve'), [
      bypass(5, { ageHours: 1 }),
      dismissal('secret-scanning-dismissal', 42, 17, { ageHours: 2 }),
      dismissal('code-scanning-dismissal', 43, 3, { ageHours: 3, alertNumberAs: 'integer' }),
      dismissal('dependabot-dismissal', 44, 8, { ageHours: 4 })
    ])
    expect(p.errors).toEqual([])
    expect(p.skipped).toEqual([])
    expect(summary(p).sort()).toEqual(
      [
        'PATCH /repos/octo-org/smile/bypass-requests/secret-scanning/5 approve',
        'PATCH /repos/octo-org/smile/dismissal-requests/secret-scanning/17 approve',
        'PATCH /repos/octo-org/smile/dismissal-requests/code-scanning/3 approve',
        'PATCH /repos/octo-org/smile/dismissal-requests/dependabot/8 approve'
      ].sort()
    )
    for (const call of p.calls) {
      expect(call.body).toEqual({ status: 'approve', message: MESSAGE })
      expect(call.action).toBe('approve')
    }
  })

  test('deny: reject for secret scanning bypass requests, deny for dismissal requests', () => {
    const p = plan(reviewSettings('deny'), [
      bypass(5),
      dismissal('secret-scanning-dismissal', 42, 17),
      dismissal('code-scanning-dismissal', 43, 3),
      dismissal('dependabot-dismissal', 44, 8)
    ])
    expect(p.errors).toEqual([])
    const byPath = Object.fromEntries(p.calls.map(c => [c.path, c.body?.status]))
    expect(byPath).toEqual({
      '/repos/octo-org/smile/bypass-requests/secret-scanning/5': 'reject',
      '/repos/octo-org/smile/dismissal-requests/secret-scanning/17': 'deny',
      '/repos/octo-org/smile/dismissal-requests/code-scanning/3': 'deny',
      '/repos/octo-org/smile/dismissal-requests/dependabot/8': 'deny'
    })
    for (const call of p.calls) expect(call.action).toBe('deny')
  })

  test('calls follow the order of the matched records (most urgent first)', () => {
    const p = plan(reviewSettings('approve'), [bypass(1, { ageHours: 2 }), bypass(2, { ageHours: 40 }), bypass(3, { ageHours: 10 })])
    expect(p.calls.map(c => c.record.number)).toEqual([2, 3, 1])
  })

  test('requests that are not open are skipped with their status', () => {
    const p = plan(reviewSettings('approve'), [bypass(5), bypass(6, { status: 'denied' }), dismissal('dependabot-dismissal', 7, 9, { status: 'approved' })])
    expect(summary(p)).toEqual(['PATCH /repos/octo-org/smile/bypass-requests/secret-scanning/5 approve'])
    expect(p.errors).toEqual([])
    expect(p.skipped.map(s => [s.record.number, s.reason])).toEqual([
      [6, expect.stringContaining('not open (status denied)')],
      [7, expect.stringContaining('not open (status approved)')]
    ])
  })

  test('push ruleset bypass requests are skipped, the others still planned', () => {
    const p = plan(reviewSettings('approve'), [pushRule(3), bypass(5)])
    expect(p.errors).toEqual([])
    expect(summary(p)).toEqual(['PATCH /repos/octo-org/smile/bypass-requests/secret-scanning/5 approve'])
    expect(p.skipped).toHaveLength(1)
    expect(p.skipped[0]!.record.number).toBe(3)
    expect(p.skipped[0]!.reason).toMatch(/REST API cannot review/)
  })

  test('a dismissal request without an alert number is skipped, the others still planned', () => {
    const p = plan(reviewSettings('approve'), [dismissal('code-scanning-dismissal', 42, 17, { data: [{ reason: "won't fix" }] }), bypass(5)])
    expect(p.errors).toEqual([])
    expect(summary(p)).toEqual(['PATCH /repos/octo-org/smile/bypass-requests/secret-scanning/5 approve'])
    expect(p.skipped.map(s => [s.record.number, s.reason])).toEqual([[42, expect.stringContaining('no alert number')]])
  })

  test('the review message is sent as given', () => {
    const s = reviewSettings('deny', 'all', { 'review-message': 'Revoke the key first, then ask again.' })
    expect(plan(s, [bypass(5)]).calls[0]!.body).toEqual({ status: 'reject', message: 'Revoke the key first, then ask again.' })
  })
})

describe('planReviews: named targets', () => {
  test('a target is found by repository and number, case-insensitively', () => {
    const p = plan(reviewSettings('approve', 'Octo-Org/Smile#5'), [bypass(5), bypass(6)])
    expect(p.errors).toEqual([])
    expect(summary(p)).toEqual(['PATCH /repos/octo-org/smile/bypass-requests/secret-scanning/5 approve'])
  })

  test('a dismissal target is its alert number, not the request number', () => {
    const p = plan(reviewSettings('deny', 'octo-org/smile#17'), [dismissal('secret-scanning-dismissal', 42, 17)])
    expect(p.errors).toEqual([])
    expect(summary(p)).toEqual(['PATCH /repos/octo-org/smile/dismissal-requests/secret-scanning/17 deny'])
    const byRequestNumber = plan(reviewSettings('deny', 'octo-org/smile#42'), [dismissal('secret-scanning-dismissal', 42, 17)])
    expect(byRequestNumber.calls).toEqual([])
    expect(byRequestNumber.errors.join(' ')).toContain('octo-org/smile#42')
  })

  test('an unknown target fails the plan, naming it, and plans no call', () => {
    const p = plan(reviewSettings('approve', 'octo-org/smile#5, octo-org/smile#99, octo-org/other#5'), [bypass(5)])
    expect(p.calls).toEqual([])
    expect(p.errors).toHaveLength(1)
    expect(p.errors[0]).toContain('octo-org/smile#99')
    expect(p.errors[0]).toContain('octo-org/other#5')
    expect(p.errors[0]).not.toContain('octo-org/smile#5,')
    expect(p.errors[0]).toMatch(/not found among the fetched requests/)
  })

  test('a target is looked up among the candidates, not only the matched records', () => {
    const s = reviewSettings('approve', 'octo-org/smile#5')
    const p = planReviews(s, [bypass(5)], [])
    expect(p.errors).toEqual([])
    expect(summary(p)).toEqual(['PATCH /repos/octo-org/smile/bypass-requests/secret-scanning/5 approve'])
  })

  test('a bare target matching requests of two types is ambiguous: error, no call', () => {
    const p = plan(reviewSettings('approve', 'octo-org/smile#7'), [bypass(7), dismissal('code-scanning-dismissal', 50, 7)])
    expect(p.calls).toEqual([])
    expect(p.errors).toHaveLength(1)
    expect(p.errors[0]).toContain('secret-scanning-bypass')
    expect(p.errors[0]).toContain('code-scanning-dismissal')
    expect(p.errors[0]).toContain('type:octo-org/smile#7')
  })

  test('a typed target picks its type', () => {
    const records = [bypass(7), dismissal('code-scanning-dismissal', 50, 7)]
    const p = plan(reviewSettings('approve', 'code-scanning-dismissal:octo-org/smile#7'), records)
    expect(p.errors).toEqual([])
    expect(summary(p)).toEqual(['PATCH /repos/octo-org/smile/dismissal-requests/code-scanning/7 approve'])
    const q = plan(reviewSettings('deny', 'secret-scanning-bypass:octo-org/smile#7'), records)
    expect(summary(q)).toEqual(['PATCH /repos/octo-org/smile/bypass-requests/secret-scanning/7 reject'])
  })

  test('a typed target of a type that has no such request is unknown', () => {
    const p = plan(reviewSettings('approve', 'dependabot-dismissal:octo-org/smile#7'), [bypass(7)])
    expect(p.calls).toEqual([])
    expect(p.errors.join(' ')).toContain('dependabot-dismissal:octo-org/smile#7')
  })

  test('the same request named twice is reviewed once', () => {
    const p = plan(reviewSettings('approve', 'octo-org/smile#5\nsecret-scanning-bypass:octo-org/smile#5'), [bypass(5)])
    expect(p.errors).toEqual([])
    expect(p.calls).toHaveLength(1)
  })

  test('an explicit push ruleset bypass target is an error (implicit ones are skipped)', () => {
    const p = plan(reviewSettings('approve', 'octo-org/smile#3, octo-org/smile#5'), [pushRule(3), bypass(5)])
    expect(p.calls).toEqual([])
    expect(p.errors).toHaveLength(1)
    expect(p.errors[0]).toContain('push-ruleset-bypass:octo-org/smile#3')
    expect(p.errors[0]).toMatch(/REST API cannot review/)
  })

  test('an explicit target that is not open is skipped, not an error', () => {
    const p = plan(reviewSettings('approve', 'octo-org/smile#6'), [], [bypass(6, { status: 'approved' })])
    expect(p.errors).toEqual([])
    expect(p.calls).toEqual([])
    expect(p.skipped.map(s => [s.record.number, s.reason])).toEqual([[6, expect.stringContaining('not open (status approved)')]])
  })

  test('an explicit target naming a dismissal request without alert number cannot be found: error, no call', () => {
    const noAlert = dismissal('dependabot-dismissal', 42, 17, { data: [{ reason: 'tolerable_risk' }] })
    const p = plan(reviewSettings('approve', 'octo-org/smile#42, octo-org/smile#5'), [noAlert, bypass(5)])
    expect(p.calls).toEqual([])
    expect(p.errors.join(' ')).toContain('octo-org/smile#42')
  })

  test('an alert with an earlier, denied request and a new open one: the target reviews the open one', () => {
    // GitHub keys the review by the alert number, so the call acts on the alert's current request.
    const older = dismissal('secret-scanning-dismissal', 41, 17, { status: 'denied', ageHours: 100 })
    const current = dismissal('secret-scanning-dismissal', 42, 17, { ageHours: 2 })
    for (const target of ['octo-org/smile#17', 'secret-scanning-dismissal:octo-org/smile#17']) {
      const p = plan(reviewSettings('approve', target, { 'request-status': 'all' }), [older, current])
      expect([target, p.errors]).toEqual([target, []])
      expect(summary(p)).toEqual(['PATCH /repos/octo-org/smile/dismissal-requests/secret-scanning/17 approve'])
      expect(p.calls[0]!.record.number).toBe(42)
    }
  })
})

describe('planReviews: max-reviews', () => {
  test('more calls than max-reviews: error, no call', () => {
    const p = plan(reviewSettings('approve', 'all', { 'max-reviews': '2' }), [bypass(1), bypass(2), bypass(3)])
    expect(p.calls).toEqual([])
    expect(p.errors).toHaveLength(1)
    expect(p.errors[0]).toContain('3 calls')
    expect(p.errors[0]).toContain('max-reviews (2)')
  })

  test('exactly max-reviews calls are planned', () => {
    const p = plan(reviewSettings('approve', 'all', { 'max-reviews': '3' }), [bypass(1), bypass(2), bypass(3)])
    expect(p.errors).toEqual([])
    expect(p.calls).toHaveLength(3)
  })

  test('skipped requests do not count against max-reviews', () => {
    const p = plan(reviewSettings('approve', 'all', { 'max-reviews': '1' }), [bypass(1), bypass(2, { status: 'denied' }), pushRule(3)])
    expect(p.errors).toEqual([])
    expect(p.calls).toHaveLength(1)
  })
})

describe('planReviews: dismiss-response', () => {
  const responses = [
    { id: 11, reviewer: 'octocat', status: 'approved' as const, created_at: '2025-03-09T10:00:00Z' },
    { id: 12, reviewer: 'hubot', status: 'denied' as const, created_at: '2025-03-09T11:00:00Z' },
    { id: 13, reviewer: 'octocat', status: 'dismissed' as const, created_at: '2025-03-09T12:00:00Z' }
  ]

  test('one DELETE per approve or deny response, none for a dismissed one', () => {
    const p = plan(reviewSettings('dismiss-response'), [bypass(5, { status: 'approved', responses })])
    expect(p.errors).toEqual([])
    expect(p.calls.map(c => [c.method, c.path, c.body])).toEqual([
      ['DELETE', '/repos/octo-org/smile/bypass-responses/secret-scanning/11', undefined],
      ['DELETE', '/repos/octo-org/smile/bypass-responses/secret-scanning/12', undefined]
    ])
    expect(p.calls[0]!.action).toBe('dismiss approved response 11 by octocat')
    expect(p.calls[1]!.action).toBe('dismiss denied response 12 by hubot')
  })

  test('a request without such responses is skipped', () => {
    const p = plan(reviewSettings('dismiss-response'), [bypass(5), bypass(6, { responses: [responses[2]!] })])
    expect(p.errors).toEqual([])
    expect(p.calls).toEqual([])
    expect(p.skipped.map(s => s.record.number).sort()).toEqual([5, 6])
  })

  test('an explicit target of another type is an error', () => {
    const p = plan(reviewSettings('dismiss-response', 'octo-org/smile#5, octo-org/smile#17'), [
      bypass(5, { status: 'approved', responses }),
      dismissal('secret-scanning-dismissal', 42, 17, { responses: [{ ...responses[0]! }] })
    ])
    expect(p.calls).toEqual([])
    expect(p.errors).toHaveLength(1)
    expect(p.errors[0]).toContain('secret-scanning-dismissal:octo-org/smile#17')
  })

  test('implicitly, requests of other types are left alone', () => {
    const p = plan(reviewSettings('dismiss-response'), [
      bypass(5, { status: 'denied', responses: [responses[1]!] }),
      dismissal('dependabot-dismissal', 42, 17, { responses: [{ ...responses[0]! }] }),
      pushRule(3)
    ])
    expect(p.errors).toEqual([])
    expect(summary(p)).toEqual(['DELETE /repos/octo-org/smile/bypass-responses/secret-scanning/12'])
  })

  test('responses count against max-reviews', () => {
    const p = plan(reviewSettings('dismiss-response', 'all', { 'max-reviews': '1' }), [bypass(5, { status: 'approved', responses })])
    expect(p.calls).toEqual([])
    expect(p.errors[0]).toContain('max-reviews (1)')
  })
})

describe('planReviews: repository names GitHub sends', () => {
  test.each(['../x', 'octo-org', '', 'octo-org/smile/extra', 'octo org/smile', 'octo-org/sm?le', 'octo-org/smile#1', '-x/y'])(
    '%j is refused: error, no call',
    repository => {
      const bad = plainRecord({ repository, number: 9 })
      const p = planReviews(reviewSettings('approve'), [bad, bypass(5)], [bad, bypass(5)])
      expect(p.calls).toEqual([])
      expect(p.errors.join(' ')).toMatch(/not owner\/name/)
    }
  )

  test.each(['octo-org/..', 'octo-org/.'])('%j (a dot path segment) is refused: error, no call', repository => {
    const bad = plainRecord({ repository, number: 9 })
    const p = planReviews(reviewSettings('approve'), [bad], [bad])
    expect(p.calls.map(c => c.path)).toEqual([])
    expect(p.errors.join(' ')).toMatch(/not owner\/name/)
  })

  test('a name with dots, underscores and hyphens is accepted', () => {
    const ok = plainRecord({ repository: 'octo-org/my_repo.js-2', number: 9 })
    const p = planReviews(reviewSettings('approve'), [ok], [ok])
    expect(p.errors).toEqual([])
    expect(summary(p)).toEqual(['PATCH /repos/octo-org/my_repo.js-2/bypass-requests/secret-scanning/9 approve'])
  })
})

describe('planReviews: any error plans nothing', () => {
  test('one unknown target among valid ones', () => {
    const p = plan(reviewSettings('approve', 'octo-org/smile#1, octo-org/smile#2, octo-org/smile#404'), [bypass(1), bypass(2)])
    expect(p.calls).toEqual([])
    expect(p.errors).toHaveLength(1)
  })

  test('one ambiguous target among valid ones', () => {
    const p = plan(reviewSettings('approve', 'octo-org/smile#1, octo-org/smile#7'), [bypass(1), bypass(7), dismissal('dependabot-dismissal', 9, 7)])
    expect(p.calls).toEqual([])
    expect(p.errors).toHaveLength(1)
  })

  test('one bad repository name among valid requests', () => {
    const bad = plainRecord({ repository: '../x', number: 9 })
    const p = planReviews(reviewSettings('deny'), [bypass(1), bad], [bypass(1), bad])
    expect(p.calls).toEqual([])
  })

  test('several errors are all reported', () => {
    const p = plan(reviewSettings('approve', 'octo-org/smile#3, octo-org/smile#404', { 'max-reviews': '1' }), [pushRule(3)])
    expect(p.calls).toEqual([])
    expect(p.errors).toHaveLength(2)
  })
})

describe('planReviews: a request the action cannot interpret is never reviewed', () => {
  const weird = () => bypass(5, { status: 'weird' })
  const reason = 'GitHub\'s item cannot be interpreted (status "weird" is not one the action knows), so it is never reviewed'

  test('the record is what the test means it to be', () => {
    expect([weird().problems, weird().open, weird().target]).toEqual([['status "weird" is not one the action knows'], true, null])
  })

  test('named as a target: a plan error, and no call at all', () => {
    const p = plan(reviewSettings('approve', 'octo-org/smile#5, octo-org/smile#6'), [weird(), bypass(6)])
    expect(p.calls).toEqual([])
    expect(p.skipped).toEqual([])
    expect(p.errors).toEqual([`secret-scanning-bypass octo-org/smile request #5: ${reason}.`])
  })

  test('with all: skipped with the reason, the others still planned', () => {
    expect(outline(plan(reviewSettings('deny', 'all'), [weird(), bypass(6)]))).toEqual({
      errors: [],
      calls: ['PATCH /repos/octo-org/smile/bypass-requests/secret-scanning/6 reject'],
      skipped: [[5, reason]]
    })
  })

  test('with dismiss-response too', () => {
    const responses = [{ id: 11, reviewer: 'octocat', status: 'approved' as const, created_at: '2025-03-09T10:00:00Z' }]
    const p = plan(reviewSettings('dismiss-response', 'all'), [bypass(5, { status: 'weird', responses })])
    expect(outline(p)).toEqual({ errors: [], calls: [], skipped: [[5, reason]] })
  })
})

describe('planReviews: a dismissal request naming several alerts', () => {
  const twoAlerts = () => dismissal('code-scanning-dismissal', 42, 17, { data: [{ alert_number: '17' }, { alert_number: 18 }] })

  test('is refused, listing the alerts; the others are still planned', () => {
    expect(outline(plan(reviewSettings('approve', 'all'), [twoAlerts(), bypass(5)]))).toEqual({
      errors: [],
      calls: ['PATCH /repos/octo-org/smile/bypass-requests/secret-scanning/5 approve'],
      skipped: [[42, 'the request names 2 alerts (17, 18); the action never guesses which one a review is about']]
    })
  })

  test('named as a target by either alert: refused, saying it names several alerts', () => {
    for (const target of ['octo-org/smile#17', 'code-scanning-dismissal:octo-org/smile#18']) {
      const p = plan(reviewSettings('approve', target), [twoAlerts()])
      expect([target, p.calls, p.errors.length]).toEqual([target, [], 1])
      expect(p.errors[0]).toBe(
        `Review target ${target}: code-scanning-dismissal octo-org/smile request #42 names 2 alerts (17, 18); ` +
          'the action never guesses which one a review is about. Review it on GitHub.'
      )
    }
  })
})

describe('planReviews: dismiss-response and a response without an id', () => {
  const responses = [
    { id: 0, reviewer: 'octocat', status: 'approved' as const, created_at: '2025-03-09T10:00:00Z' },
    { id: 12, reviewer: 'hubot', status: 'denied' as const, created_at: '2025-03-09T11:00:00Z' }
  ]

  test('the record is what the test means it to be', () => {
    expect(bypass(5, { status: 'approved', responses }).responses.map(r => r.id)).toEqual([null, 12])
  })

  test.each(['all', 'octo-org/smile#5, octo-org/smile#6'])('targets %j: a plan error naming the request, and no call at all', targets => {
    const p = plan(reviewSettings('dismiss-response', targets), [
      bypass(5, { status: 'approved', responses }),
      bypass(6, { status: 'denied', responses: [responses[1]!] })
    ])
    expect(p.calls).toEqual([])
    expect(p.errors).toEqual(['secret-scanning-bypass:octo-org/smile#5: GitHub sent a response without a positive integer id; nothing is dismissed on a guess.'])
  })

  test('a dismissed response without an id is not dismissed again, so it does not refuse the request', () => {
    const dismissed = { id: 0, reviewer: 'octocat', status: 'dismissed' as const, created_at: '2025-03-09T12:00:00Z' }
    const p = plan(reviewSettings('dismiss-response', 'all'), [bypass(5, { status: 'denied', responses: [dismissed, responses[1]!] })])
    expect(p.errors).toEqual([])
    expect(summary(p)).toEqual(['DELETE /repos/octo-org/smile/bypass-responses/secret-scanning/12'])
  })
})

describe('planAction', () => {
  test.each([
    ['none', 'report', 'none'],
    ['none', 'deny', 'deny'],
    ['approve', 'report', 'approve'],
    ['dismiss-response', 'report', 'dismiss-response']
  ] as const)('review %s, policy-action %s → %s', (review, policyAction, action) => {
    expect(planAction({ review, policyAction })).toBe(action)
  })
})

describe('planReviews: policy-action deny', () => {
  const TEMPLATE = 'Denied {type} {repository}#{number} for {requester}: {reason}'
  const NO_TICKET = 'the comment does not match SEC-\\d+'

  function policySettings(more: Record<string, string> = {}): Settings {
    return settingsWith({ 'policy-action': 'deny', 'require-comment-pattern': 'SEC-\\d+', 'deny-message': TEMPLATE, ...more })
  }

  /** The records judged by the settings' policy, as the pipeline does before it plans. */
  function policyPlan(settings: Settings, records: RequestRecord[], others: RequestRecord[] = []): ReviewPlan {
    return plan(
      settings,
      records.map(r => judge(r, settings.policy)),
      others.map(r => judge(r, settings.policy))
    )
  }

  const deny = (path: string, status: string, message: string) => ({ method: 'PATCH', path: `/repos/octo-org/smile/${path}`, body: { status, message }, action: 'deny' })

  test('one deny per open request that fails the policy, with its own message; keyed by alert number; reject for bypass requests', () => {
    const p = policyPlan(policySettings(), [
      bypass(5, { comment: 'later', ageHours: 1 }),
      bypass(6, { comment: 'SEC-1 rotated', ageHours: 2 }),
      dismissal('secret-scanning-dismissal', 42, 17, { comment: 'false alarm', ageHours: 3, requester: 'hubot' }),
      dismissal('code-scanning-dismissal', 43, 3, { comment: null, ageHours: 4 }),
      dismissal('dependabot-dismissal', 44, 8, { comment: 'sec-9 accepted', ageHours: 5 })
    ])
    expect([p.errors, p.skipped]).toEqual([[], []])
    expect(p.calls.map(({ method, path, body, action }) => ({ method, path, body, action }))).toEqual([
      deny('dismissal-requests/code-scanning/3', 'deny', 'Denied code-scanning-dismissal octo-org/smile#3 for monalisa: the comment is blank'),
      deny('dismissal-requests/secret-scanning/17', 'deny', `Denied secret-scanning-dismissal octo-org/smile#17 for hubot: ${NO_TICKET}`),
      deny('bypass-requests/secret-scanning/5', 'reject', `Denied secret-scanning-bypass octo-org/smile#5 for monalisa: ${NO_TICKET}`)
    ])
    expect(p.calls.map(c => c.record.number)).toEqual([43, 42, 5])
  })

  test('several violations make one reason, joined by semicolons', () => {
    const p = policyPlan(policySettings({ 'min-comment-length': '10', 'deny-message': '{reason}' }), [bypass(5, { comment: 'later' })])
    expect(p.calls.map(c => c.body)).toEqual([{ status: 'reject', message: `the comment has 5 characters, fewer than the 10 the policy asks for; ${NO_TICKET}` }])
  })

  test('the message is cut to 2048 characters', () => {
    const p = policyPlan(policySettings({ 'deny-message': `${'x'.repeat(2040)} {reason}` }), [bypass(5, { comment: 'later' })])
    expect(p.calls[0]!.body!.message).toBe(`${'x'.repeat(2040)} the com`)
  })

  test('requests that pass never get a call: no approve, nothing skipped', () => {
    const p = policyPlan(policySettings(), [bypass(5, { comment: 'SEC-1' }), dismissal('dependabot-dismissal', 44, 8, { comment: 'see sec-2' })])
    expect(p).toEqual({ calls: [], skipped: [], errors: [] })
  })

  test('closed requests are not denied, even with violations; nor candidates that did not match the status filter', () => {
    const closed = { ...bypass(9, { status: 'denied', comment: 'later' }), policy_violations: [NO_TICKET] }
    const p = policyPlan(policySettings(), [closed], [bypass(10, { comment: 'later' })])
    expect(p).toEqual({ calls: [], skipped: [], errors: [] })
  })

  test('push ruleset bypass requests that fail are skipped with why; the others still planned', () => {
    const p = policyPlan(policySettings(), [pushRule(7, { comment: 'urgent', ageHours: 3 }), bypass(5, { comment: 'later' })])
    expect(outline(p)).toEqual({
      errors: [],
      calls: ['PATCH /repos/octo-org/smile/bypass-requests/secret-scanning/5 reject'],
      skipped: [[7, "GitHub's REST API cannot review push ruleset bypass requests; review it on GitHub."]]
    })
  })

  test('a record with problems is skipped, never denied', () => {
    const weird = dismissal('code-scanning-dismissal', 47, 4, { status: 'weird', comment: null })
    const p = policyPlan(policySettings(), [weird, bypass(5, { comment: 'later' })])
    expect(outline(p)).toEqual({
      errors: [],
      calls: ['PATCH /repos/octo-org/smile/bypass-requests/secret-scanning/5 reject'],
      skipped: [[47, 'GitHub\'s item cannot be interpreted (status "weird" is not one the action knows), so it is never reviewed']]
    })
  })

  test('more denials than max-reviews: the plan error, no call', () => {
    const p = policyPlan(policySettings({ 'max-reviews': '2' }), [bypass(1, { comment: 'a' }), bypass(2, { comment: 'b' }), bypass(3, { comment: 'c' })])
    expect(outline(p)).toEqual({
      errors: ['The plan has 3 calls, more than max-reviews (2): nothing was reviewed. Narrow the filters or name review-targets, or raise max-reviews.'],
      calls: [],
      skipped: []
    })
  })

  test('exactly max-reviews denials are planned', () => {
    const p = policyPlan(policySettings({ 'max-reviews': '2' }), [bypass(1, { comment: 'a' }), bypass(2, { comment: 'b' }), bypass(3, { comment: 'SEC-3' })])
    expect(summary(p)).toHaveLength(2)
    expect(p.errors).toEqual([])
  })

  test('policy-action report: no call, whatever fails', () => {
    const s = settingsWith({ 'require-comment-pattern': 'SEC-\\d+' })
    expect(policyPlan(s, [bypass(5, { comment: 'later' })])).toEqual({ calls: [], skipped: [], errors: [] })
  })
})

describe('planReviews: dismiss-response over requests of other types', () => {
  test('reached through all, they are skipped with the reason, never dropped', () => {
    const p = plan(reviewSettings('dismiss-response', 'all'), [dismissal('dependabot-dismissal', 42, 17), pushRule(3)])
    expect(p.errors).toEqual([])
    expect(p.calls).toEqual([])
    expect(p.skipped.map(s => [s.record.type, s.reason])).toEqual([
      ['dependabot-dismissal', 'only secret scanning bypass requests have responses that can be dismissed.'],
      ['push-ruleset-bypass', 'only secret scanning bypass requests have responses that can be dismissed.']
    ])
  })
})
