/**
 * The justification policy (report, or deny through the checked review
 * plan) and alert enrichment, run as the bundled action against the fake
 * GitHub.
 */
import { describe, expect, test } from '@jest/globals'
import { makeRequest, type RequestSpec } from '../fake-github/model.js'
import type { RunResult } from '../fake-github/runner.js'
import type { Call } from '../fake-github/server.js'
import { useHarness } from './helpers.js'

const h = useHarness()

const REPO = 'octo-org/smile'
const POLICY = { 'require-comment-pattern': 'SEC-\\d+', 'min-comment-length': '12' }
const DENY = { ...POLICY, 'policy-action': 'deny', 'deny-message': 'Denied: {reason}. {requester}, add a ticket to {type} {repository}#{number}.' }

interface RecordJson {
  type: string
  number: number | null
  alert_number: number | null
  open: boolean
  status: string
  comment: string
  policy_violations: string[]
  alert: Record<string, unknown> | null
  review: { action: string; outcome: string } | null
}

function records(r: RunResult): RecordJson[] {
  return (JSON.parse(r.reportJson ?? '{"requests":[]}') as { requests: RecordJson[] }).requests
}

function seed(...specs: RequestSpec[]): void {
  h.fake.requests = specs.map(spec => makeRequest(spec))
}

function writes(): Call[] {
  return h.fake.calls.filter(c => c.method !== 'GET')
}

function failureMessage(r: RunResult): string {
  return r.annotations.filter(a => a.level === 'error' && Object.keys(a.properties).length === 0).at(-1)?.message ?? ''
}

/** One open request of a type per comment, numbered from 1 (alert 100 + n for dismissal types). */
function commented(kind: string, comments: (string | null)[]): RequestSpec[] {
  return comments.map((comment, i) => ({ kind, repository: REPO, number: i + 1, alertNumber: 101 + i, ageHours: 2 + i, comment }))
}

describe('the justification policy, reported', () => {
  const comments = ['Fixture for the parser tests, SEC-1234', 'Needed for the release', null, '   \n\t  ', 'Geprüft 😀😀 sec-77 ✅', 'SEC-9']

  test('each open request whose comment fails is marked in the record, the summary and the annotations; the others are not', async () => {
    seed(...commented('dependabot-dismissal', comments))
    const r = await h.run({ ...POLICY, 'fail-on': 'never' })
    expect(r.code).toBe(0)
    const byNumber = new Map(records(r).map(x => [x.number, x.policy_violations]))
    expect([1, 2, 3, 4, 5, 6].map(n => byNumber.get(n))).toEqual([
      [],
      ['the comment does not match SEC-\\d+'],
      ['the comment is blank'],
      ['the comment is blank'],
      // Case-insensitive by default; 19 characters, emoji counted once each.
      [],
      ['the comment has 5 characters, fewer than the 12 the policy asks for']
    ])
    expect(r.summary).toContain('❗ **4 open requests fail the justification policy.**')
    expect(r.summary.match(/❗ \*\*fails the justification policy/g)).toHaveLength(4)
    const annotated = r.annotations.filter(a => a.message.includes('fails the justification policy'))
    expect(annotated).toHaveLength(4)
    expect(annotated.map(a => a.message)).toContainEqual(expect.stringContaining('— fails the justification policy: the comment is blank'))
    // Reporting writes nothing.
    expect(writes()).toEqual([])
  })

  test('a pattern with its own flags keeps them: case then matters', async () => {
    seed(...commented('code-scanning-dismissal', ['tracked in sec-1 for now', 'tracked in SEC-2 for now']))
    const r = await h.run({ 'require-comment-pattern': '/SEC-\\d+/', 'fail-on': 'never' })
    expect(records(r).find(x => x.comment.includes('sec-1'))?.policy_violations).toEqual(['the comment does not match /SEC-\\d+/'])
    expect(records(r).find(x => x.comment.includes('SEC-2'))?.policy_violations).toEqual([])
  })

  test('an invalid pattern is an input error naming it, and nothing is fetched', async () => {
    const r = await h.run({ 'require-comment-pattern': 'SEC-(\\d+' })
    expect(r.code).toBe(1)
    expect(failureMessage(r)).toContain('Input "require-comment-pattern" has the value "SEC-(\\d+": expected a regular expression')
    expect(h.fake.calls).toEqual([])
  })

  test('a request that is not open is not judged', async () => {
    seed({ kind: 'secret-scanning-bypass', repository: REPO, number: 1, status: 'denied', comment: '' })
    const r = await h.run({ ...POLICY, 'request-status': 'all', 'fail-on': 'never' })
    expect(records(r)[0]?.policy_violations).toEqual([])
  })
})

describe('the justification policy, with policy-action deny', () => {
  test('each open, reviewable request that fails gets a deny with its own message; those that pass are never approved', async () => {
    seed(
      ...commented('dependabot-dismissal', ['Fixture SEC-1234 for the parser tests', '']),
      { kind: 'secret-scanning-bypass', repository: REPO, number: 7, ageHours: 1, comment: 'pls' },
      { kind: 'push-ruleset-bypass', repository: REPO, number: 8, ageHours: 1, comment: 'no ticket' }
    )
    const r = await h.run({ ...DENY, 'fail-on': 'never' })
    expect(r.code).toBe(0)
    const made = writes()
    expect(made.map(c => [c.method, c.path, (c.body as { status: string }).status]).sort()).toEqual([
      ['PATCH', `/repos/${REPO}/bypass-requests/secret-scanning/7`, 'reject'],
      ['PATCH', `/repos/${REPO}/dismissal-requests/dependabot/102`, 'deny']
    ])
    const dependabot = made.find(c => c.path.endsWith('/dependabot/102'))
    expect((dependabot?.body as { message: string }).message).toBe('Denied: the comment is blank. monalisa, add a ticket to dependabot-dismissal octo-org/smile#102.')
    expect(made.some(c => (c.body as { status: string }).status === 'approve')).toBe(false)
    // The push ruleset request cannot be denied over REST: skipped, with the reason.
    expect(r.summary).toContain('### Reviews: deny (the justification policy)')
    expect(r.summary).toMatch(/push-ruleset-bypass octo-org\/smile request \\#8: GitHub.s REST API cannot review/)
    // The state after the run: denied.
    expect(
      records(r)
        .filter(x => x.review?.outcome === 'done')
        .map(x => x.status)
    ).toEqual(['denied', 'denied'])
    expect(r.outputs).toMatchObject({ reviewed: '2', 'review-failures': '0' })
  })

  test('a placeholder value is not re-interpreted, and the message is cut to 2048 characters', async () => {
    seed({ kind: 'secret-scanning-bypass', repository: REPO, number: 3, requester: 'x{type}', comment: 'short' })
    const r = await h.run({ ...DENY, 'deny-message': `{requester} ${'é'.repeat(3000)}`, 'fail-on': 'never' })
    expect(r.code).toBe(0)
    const message = (writes()[0]?.body as { message: string }).message
    expect(message.startsWith('x{type} é')).toBe(true)
    expect(Array.from(message)).toHaveLength(2048)
  })

  test('dry run: the denials are planned and reported, none is made', async () => {
    seed(...commented('code-scanning-dismissal', ['', 'nope']))
    const r = await h.run({ ...DENY, 'dry-run': 'true', 'fail-on': 'never' })
    expect(r.code).toBe(0)
    expect(writes()).toEqual([])
    expect(r.summary).toContain('### Reviews: deny (the justification policy) (dry run: no call was made)')
    expect(records(r).map(x => x.review?.outcome)).toEqual(['dry-run', 'dry-run'])
  })

  test('more denials than max-reviews: none is made and the step fails', async () => {
    seed(...commented('code-scanning-dismissal', ['', '', '']))
    const r = await h.run({ ...DENY, 'max-reviews': '2', 'fail-on': 'never' })
    expect(r.code).toBe(1)
    expect(writes()).toEqual([])
    expect(failureMessage(r)).toContain('The plan has 3 calls, more than max-reviews (2)')
  })

  test.each<[string, Record<string, string>, string]>([
    ['with review', { review: 'approve', 'review-message': 'ok', 'review-targets': 'all' }, 'Inputs "policy-action" (deny) and "review" (approve) are both set'],
    ['with review-targets', { 'review-targets': `${REPO}#1` }, 'Input "review-targets" is set but "review" is none'],
    ['without deny-message', { 'deny-message': '' }, 'Input "deny-message" is empty'],
    ['without a policy', { 'require-comment-pattern': '', 'min-comment-length': '0' }, 'no policy is set']
  ])('policy-action deny %s is an input error, and nothing is fetched', async (_name, inputs, problem) => {
    const r = await h.run({ ...DENY, ...inputs })
    expect(r.code).toBe(1)
    expect(failureMessage(r)).toContain(problem)
    expect(h.fake.calls).toEqual([])
  })
})

describe('alerts', () => {
  const dismissals = (): RequestSpec[] => [
    { kind: 'secret-scanning-dismissal', repository: REPO, number: 1, alertNumber: 11, ageHours: 2, secretType: 'github_personal_access_token' },
    { kind: 'secret-scanning-dismissal', repository: REPO, number: 2, alertNumber: 12, ageHours: 30 },
    { kind: 'code-scanning-dismissal', repository: REPO, number: 3, alertNumber: 13, ageHours: 40 },
    { kind: 'dependabot-dismissal', repository: REPO, number: 4, alertNumber: 14, ageHours: 50 },
    // A second, older request about the same alert, already denied: not open, so no call for it.
    { kind: 'dependabot-dismissal', repository: REPO, number: 5, alertNumber: 14, ageHours: 60, status: 'denied' },
    { kind: 'secret-scanning-bypass', repository: REPO, number: 6, ageHours: 70 }
  ]

  test('each open dismissal request gets its alert, one call per distinct alert; an active secret is marked and listed first', async () => {
    seed(...dismissals(), { kind: 'code-scanning-dismissal', repository: REPO, number: 7, alertNumber: 13, ageHours: 41 })
    h.fake.setAlert('secret-scanning', REPO, 11, { validity: 'active' })
    h.fake.setAlert('code-scanning', REPO, 13, { rule: { security_severity_level: 'critical', description: 'SQL injection' } })
    h.fake.setAlert('dependabot', REPO, 14, { security_advisory: { severity: 'critical', cve_id: 'CVE-2024-1234', summary: 'Prototype pollution' } })
    const r = await h.run({ 'include-alerts': 'true', 'request-status': 'all', 'fail-on': 'never' })
    expect(r.code).toBe(0)

    const alertCalls = h.fake.callsTo('GET', /\/alerts\/\d+$/)
    expect(alertCalls.map(c => c.path).sort()).toEqual([
      `/repos/${REPO}/code-scanning/alerts/13`,
      `/repos/${REPO}/dependabot/alerts/14`,
      `/repos/${REPO}/secret-scanning/alerts/11`,
      `/repos/${REPO}/secret-scanning/alerts/12`
    ])
    expect(alertCalls.filter(c => c.path.includes('secret-scanning')).map(c => c.query.hide_secret)).toEqual(['true', 'true'])

    const byNumber = new Map(records(r).map(x => [x.number, x]))
    expect(byNumber.get(1)?.alert).toEqual({
      available: true,
      state: 'open',
      validity: 'active',
      secret_type: 'GitHub Personal Access Token',
      severity: null,
      description: null,
      cve_id: null,
      error: null
    })
    expect(byNumber.get(3)?.alert).toMatchObject({ severity: 'critical', description: 'SQL injection' })
    expect(byNumber.get(7)?.alert).toMatchObject({ severity: 'critical' })
    expect(byNumber.get(4)?.alert).toMatchObject({ severity: 'critical', cve_id: 'CVE-2024-1234', description: 'Prototype pollution' })
    expect(byNumber.get(5)?.alert).toBeNull()
    expect(byNumber.get(6)?.alert).toBeNull()

    // The active secret first: in the records, Act first and the annotations, though it is the newest.
    expect(records(r)[0]?.number).toBe(1)
    expect(r.summary).toContain('🔑 **1 open request to dismiss a secret that is still active** (listed first).')
    const act = r.summary.slice(r.summary.indexOf('### Act first'))
    expect(act.split('\n').find(line => line.startsWith('| secret-scanning-dismissal'))).toContain('🔑 **secret still active**')
    const titles = r.annotations.map(a => a.properties.title).filter(Boolean)
    expect(titles[0]).toBe(`Active secret: Secret scanning alert dismissal request ${REPO} alert #11`)
    expect(r.summary).toContain('| Alert |')
  })

  test('a secret is never kept, even when GitHub sends one', async () => {
    seed(...dismissals())
    h.fake.sendSecretAnyway = true
    const r = await h.run({ 'include-alerts': 'true', 'fail-on': 'never' })
    expect(r.code).toBe(0)
    for (const text of [r.stdout, r.summary, r.reportJson ?? '', r.reportMarkdown ?? '', JSON.stringify(r.outputs)]) {
      expect(text).not.toContain('fake-secret-value')
    }
  })

  test('a failed alert fetch degrades to "alert unavailable" for that request, counted, and does not fail the run', async () => {
    seed(...dismissals())
    h.fake.fault({ kind: 'status', status: 404, path: /secret-scanning\/alerts\/12$/ })
    h.fake.fault({ kind: 'status', status: 403, path: /dependabot\/alerts\/14$/, message: 'Resource not accessible by integration' })
    const r = await h.run({ 'include-alerts': 'true', 'fail-on': 'never' })
    expect(r.code).toBe(0)
    const byNumber = new Map(records(r).map(x => [x.number, x]))
    expect(byNumber.get(2)?.alert).toMatchObject({ available: false, state: null })
    expect(String(byNumber.get(2)?.alert?.error)).toContain('GitHub answered 404 to GET /repos/octo-org/smile/secret-scanning/alerts/12')
    expect(String(byNumber.get(4)?.alert?.error)).toContain('GitHub answered 403')
    expect(byNumber.get(1)?.alert).toMatchObject({ available: true })
    expect(r.summary).toContain('2 alerts could not be fetched (alert unavailable)')
    expect(r.summary).toContain('alert unavailable')
  })

  test('without include-alerts no alert is fetched and no Alert column is shown', async () => {
    seed(...dismissals())
    const r = await h.run({ 'fail-on': 'never' })
    expect(h.fake.callsTo('GET', /\/alerts\/\d+$/)).toEqual([])
    expect(r.summary).not.toContain('| Alert |')
    expect(records(r).every(x => x.alert === null)).toBe(true)
  })
})
