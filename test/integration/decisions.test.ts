/**
 * Decisions a security team can trust, run as the bundled action against
 * the fake GitHub: the gate and the reports speak of the state after the
 * run; reviewing everything must be said; one identity per request; what
 * cannot be interpreted fails closed; lists are read whole; writes stay in
 * the scope the user set; inputs that cannot mean what the user thinks are
 * refused.
 */
import { describe, expect, test } from '@jest/globals'
import { readFileSync } from 'node:fs'
import { Ajv } from 'ajv'
import { makeRequest, type RequestSpec, type StoredRequest } from '../fake-github/model.js'
import { startOtherOrigin } from '../fake-github/other-origin.js'
import { ROOT, type RunResult } from '../fake-github/runner.js'
import type { Call } from '../fake-github/server.js'
import { shownAs, useHarness } from './helpers.js'

const h = useHarness({ enterprises: { 'octo-ent': ['octo-org', 'other-org'] } })

const REPO = 'octo-org/smile'
const MESSAGE = 'Denied in the weekly review'

interface ReviewJson {
  action: string
  outcome: string
  http_status: number | null
  message: string | null
}

interface RecordJson {
  type: string
  id: number | null
  number: number | null
  alert_number: number | null
  target: string | null
  repository: string
  requester: string
  status: string
  open: boolean
  stale: boolean
  problems: string[]
  review: ReviewJson | null
}

interface ReportJson {
  counts: { total: number; open: number; stale: number; expiring: number }
  list_failures: { type: string; reason: string }[]
  requests: RecordJson[]
  reviews: { calls: { method: string; path: string; ok: boolean; status: number | null; target: string | null }[] } | null
}

function report(r: RunResult): ReportJson {
  return JSON.parse(r.reportJson ?? 'null') as ReportJson
}

function seed(...specs: RequestSpec[]): StoredRequest[] {
  h.fake.requests = specs.map(spec => makeRequest(spec))
  return h.fake.requests
}

function writes(): Call[] {
  return h.fake.calls.filter(c => c.method !== 'GET')
}

/** The step's failure message: the last error annotation without properties. */
function failureMessage(r: RunResult): string {
  return r.annotations.filter(a => a.level === 'error' && Object.keys(a.properties).length === 0).at(-1)?.message ?? ''
}

function warnings(r: RunResult): string[] {
  return r.annotations.filter(a => a.level === 'warning').map(a => a.message)
}

const fourOpen = (): RequestSpec[] => [
  { kind: 'secret-scanning-bypass', repository: REPO, number: 1, ageHours: 30 },
  { kind: 'secret-scanning-dismissal', repository: REPO, number: 2, alertNumber: 20, ageHours: 3 },
  { kind: 'code-scanning-dismissal', repository: REPO, number: 3, alertNumber: 30, ageHours: 4 },
  { kind: 'dependabot-dismissal', repository: REPO, number: 4, alertNumber: 40, ageHours: 5 }
]

describe('the report and the gate show the state after the run', () => {
  const deny = { review: 'deny', 'review-message': MESSAGE, 'review-targets': 'all', 'fail-on': 'open' }

  test('fail-on open, every open request denied: the step passes and every output says they are denied', async () => {
    seed(...fourOpen())
    const r = await h.run(deny)
    expect(r.code).toBe(0)
    expect(writes()).toHaveLength(4)
    expect(r.outputs).toMatchObject({ total: '4', open: '0', stale: '0', reviewed: '4', 'review-failures': '0', requests: '[]' })
    const records = report(r).requests
    expect(records.map(x => [x.type, x.status, x.open, x.stale, x.review?.outcome]).sort()).toEqual(
      [
        ['secret-scanning-bypass', 'denied', false, false, 'done'],
        ['secret-scanning-dismissal', 'denied', false, false, 'done'],
        ['code-scanning-dismissal', 'denied', false, false, 'done'],
        ['dependabot-dismissal', 'denied', false, false, 'done']
      ].sort()
    )
    expect(report(r).counts).toEqual({ total: 4, open: 0, stale: 0, expiring: 0 })
    // No request annotation: nothing is open any more.
    expect(r.annotations.filter(a => a.properties.title?.includes(REPO))).toEqual([])
    expect(r.summary).toContain('**0 expiring** · **0 stale** · **0 open** · 4 matched')
    expect(r.summary.match(/denied by this run/g)).toHaveLength(4)
    expect(r.reportMarkdown).toBe(r.summary)
  })

  test('one failed review: the step fails naming it, and that request is still open', async () => {
    seed(...fourOpen())
    h.fake.fault({ kind: 'status', status: 422, method: 'PATCH', path: /dismissal-requests\/code-scanning\/30$/, message: 'Already reviewed' })
    const r = await h.run(deny)
    expect(r.code).toBe(1)
    const message = failureMessage(r)
    expect(message).toContain(`1 of 4 review calls failed: code-scanning-dismissal:${REPO}#30.`)
    expect(message).toContain('1 open exemption request (0 stale, 0 expiring) matched, failing because fail-on is open.')
    expect(message).toContain(shownAs(REPO, 'code-scanning-dismissal', 30))
    expect(r.outputs).toMatchObject({ open: '1', reviewed: '3', 'review-failures': '1' })
    const failed = report(r).requests.find(x => x.type === 'code-scanning-dismissal')
    expect(failed).toMatchObject({ status: 'pending', open: true, review: { action: 'deny', outcome: 'failed', http_status: 422 } })
    expect(JSON.parse(r.outputs.requests ?? '[]')).toEqual([expect.objectContaining({ target: `code-scanning-dismissal:${REPO}#30` })])
  })

  test('a dry run changes nothing but marks what would happen', async () => {
    seed(...fourOpen())
    const r = await h.run({ ...deny, 'dry-run': 'true' })
    expect(r.code).toBe(1)
    expect(writes()).toEqual([])
    expect(r.outputs).toMatchObject({ open: '4', reviewed: '0' })
    for (const record of report(r).requests) {
      expect(record).toMatchObject({ open: true, review: { action: 'deny', outcome: 'dry-run', http_status: null } })
    }
    // Parentheses are escaped in the summary's Markdown.
    expect(r.summary.match(/would deny \\\(dry run\\\)/g)).toHaveLength(4)
  })
})

describe('reviewing everything must be said', () => {
  test('review without review-targets is an input error, and nothing is fetched or written', async () => {
    seed(...fourOpen())
    const r = await h.run({ review: 'approve', 'review-message': MESSAGE })
    expect(r.code).toBe(1)
    expect(failureMessage(r)).toContain('Input "review-targets" is empty but "review" is approve')
    expect(failureMessage(r)).toContain('write all')
    expect(h.fake.calls).toEqual([])
  })

  test('review-targets: all reviews every open request that matched, and only those', async () => {
    seed(
      ...fourOpen(),
      { kind: 'secret-scanning-bypass', repository: 'octo-org/web', number: 9 },
      {
        kind: 'dependabot-dismissal',
        repository: REPO,
        number: 5,
        alertNumber: 50,
        status: 'denied'
      }
    )
    const r = await h.run({ review: 'approve', 'review-message': MESSAGE, 'review-targets': 'all', 'fail-on': 'never' })
    expect(r.code).toBe(0)
    expect(
      writes()
        .map(c => c.path)
        .sort()
    ).toEqual(
      [
        `/repos/${REPO}/bypass-requests/secret-scanning/1`,
        `/repos/${REPO}/dismissal-requests/secret-scanning/20`,
        `/repos/${REPO}/dismissal-requests/code-scanning/30`,
        `/repos/${REPO}/dismissal-requests/dependabot/40`
      ].sort()
    )
  })

  test('all mixed with named targets is an input error', async () => {
    const r = await h.run({ review: 'approve', 'review-message': MESSAGE, 'review-targets': `all, ${REPO}#1` })
    expect(r.code).toBe(1)
    expect(failureMessage(r)).toContain('all stands alone')
    expect(h.fake.calls).toEqual([])
  })
})

describe('one identity per request', () => {
  const schema = JSON.parse(readFileSync(`${ROOT}/schema/request-record.schema.json`, 'utf8')) as object

  test('every record of a real run validates against the committed schema, and its target reviews it', async () => {
    seed(
      ...fourOpen(),
      { kind: 'push-ruleset-bypass', repository: REPO, number: 6 },
      { kind: 'code-scanning-dismissal', repository: REPO, number: 7, data: [{ reason: 'no alert number' }] },
      { kind: 'dependabot-dismissal', repository: REPO, number: 8, data: [{ alert_number: '81' }, { alert_number: 82 }] },
      { kind: 'secret-scanning-bypass', repository: REPO, number: 10, override: { status: 'weird' } },
      {
        kind: 'secret-scanning-dismissal',
        repository: REPO,
        number: 11,
        alertNumber: 110,
        status: 'denied',
        responses: [{ id: 5, reviewer: 'lead', status: 'denied', created_at: new Date().toISOString() }]
      }
    )
    const r = await h.run({ 'request-status': 'all', review: 'deny', 'review-message': MESSAGE, 'review-targets': `${REPO}#1`, 'fail-on': 'never' })
    const records = report(r).requests
    expect(records).toHaveLength(9)
    const validate = new Ajv({ allErrors: true }).compile(schema)
    for (const record of records) {
      const valid = validate(record)
      expect({ target: record.target, errors: validate.errors ?? [] }).toEqual({ target: record.target, errors: [] })
      expect(valid).toBe(true)
    }
    const byNumber = new Map(records.map(x => [x.number, x]))
    expect([1, 2, 3, 4, 6, 7, 8, 10, 11].map(n => [n, byNumber.get(n)?.alert_number, byNumber.get(n)?.target])).toEqual([
      [1, null, `secret-scanning-bypass:${REPO}#1`],
      [2, 20, `secret-scanning-dismissal:${REPO}#20`],
      [3, 30, `code-scanning-dismissal:${REPO}#30`],
      [4, 40, `dependabot-dismissal:${REPO}#40`],
      [6, null, `push-ruleset-bypass:${REPO}#6`],
      [7, null, null],
      [8, null, null],
      [10, null, null],
      [11, 110, `secret-scanning-dismissal:${REPO}#110`]
    ])
    // The reviewed one carries what the run did.
    expect(byNumber.get(1)?.review).toEqual({ action: 'deny', outcome: 'done', http_status: 200, message: null })
  })

  test('the README’s example record validates against the schema and has every field', () => {
    const readme = readFileSync(`${ROOT}/README.md`, 'utf8')
    const example = /Example record:\n\n```json\n([\s\S]*?)\n```/.exec(readme)?.[1]
    expect(example).toBeDefined()
    const record = JSON.parse(example!) as Record<string, unknown>
    const validate = new Ajv({ allErrors: true }).compile(schema)
    expect(validate(record) ? [] : validate.errors).toEqual([])
    expect(Object.keys(record)).toEqual((schema as { required: string[] }).required)
  })

  test('a record’s target, passed back verbatim as review-targets, reviews exactly that request', async () => {
    seed(...fourOpen())
    const listed = report(await h.run({ 'fail-on': 'never' })).requests
    const target = listed.find(x => x.type === 'dependabot-dismissal')?.target
    expect(target).toBe(`dependabot-dismissal:${REPO}#40`)
    h.fake.resetCalls()
    const r = await h.run({ review: 'approve', 'review-message': MESSAGE, 'review-targets': target!, 'fail-on': 'never' })
    expect(r.code).toBe(0)
    expect(writes().map(c => c.path)).toEqual([`/repos/${REPO}/dismissal-requests/dependabot/40`])
  })

  test('tables, annotations, the log and the failure message label the number as an alert or a request', async () => {
    seed(
      { kind: 'dependabot-dismissal', repository: REPO, number: 4, alertNumber: 40, ageHours: 30 },
      { kind: 'secret-scanning-bypass', repository: REPO, number: 1, ageHours: 2 }
    )
    const r = await h.run({ 'fail-on': 'open' })
    expect(r.summary).toContain('[alert #40](')
    expect(r.summary).toContain('[request #1](')
    expect(r.stdout).toContain(`dependabot-dismissal ${REPO} alert #40 by`)
    expect(r.stdout).toContain(`secret-scanning-bypass ${REPO} request #1 by`)
    expect(r.annotations.map(a => a.properties.title).filter(Boolean)).toEqual([
      `Dependabot alert dismissal request ${REPO} alert #40`,
      `Secret scanning bypass request ${REPO} request #1`
    ])
    expect(failureMessage(r)).toContain(`The oldest is dependabot-dismissal ${REPO} alert #40`)
  })
})

describe('fail closed on anything uninterpretable', () => {
  test.each([
    ['an array of numbers', [1, 2]],
    ['an object', { message: 'hi' }],
    ['an array holding null', [null]],
    ['an array of arrays', [[{ id: 1 }]]],
    ['a string', 'not a list']
  ])('a list answer that is %s fails its type closed, naming the endpoint', async (_name, body) => {
    seed(...fourOpen())
    h.fake.fault({ kind: 'body', path: /dismissal-requests\/dependabot$/, body })
    const r = await h.run({ 'fail-on': 'never' })
    expect(r.code).toBe(1)
    expect(failureMessage(r)).toContain(
      `Could not list dependabot-dismissal: GitHub's answer to GET /repos/${REPO}/dismissal-requests/dependabot?page=1 was not the JSON list the API describes`
    )
    expect(report(r).list_failures.map(f => f.type)).toEqual(['dependabot-dismissal'])
  })

  const odd: [string, Record<string, unknown>, string][] = [
    ['an unknown status', { status: 'on_hold' }, 'status "on_hold" is not one the action knows'],
    ['no status', { status: undefined }, 'status "" is not one the action knows'],
    ['no created_at', { created_at: undefined }, 'created_at is missing'],
    ['a created_at that is not a date', { created_at: 'yesterday' }, 'created_at "yesterday" is not a date'],
    ['no repository', { repository: null }, 'repository is missing'],
    ['a repository that is not owner/name', { repository: { id: 1, name: 'x', full_name: 'not-a-name' } }, 'repository "not-a-name" is not owner/name'],
    ['a negative number', { number: -3 }, 'number "-3" is not a positive integer'],
    ['a number sent as a string', { number: '7' }, 'number "7" is not a positive integer'],
    ['no number', { number: undefined }, 'number null is not a positive integer'],
    ['a fractional id', { id: 1.5 }, 'id "1.5" is not a positive integer'],
    ['a zero id', { id: 0 }, 'id "0" is not a positive integer']
  ]

  test.each(odd)('an item with %s counts as open and stale, is warned about and never reviewed', async (_name, override, problem) => {
    seed(
      { kind: 'secret-scanning-bypass', repository: REPO, number: 1, ageHours: 1, override },
      { kind: 'secret-scanning-bypass', repository: REPO, number: 2, ageHours: 1 }
    )
    const r = await h.run({ 'request-types': 'secret-scanning-bypass', review: 'approve', 'review-message': MESSAGE, 'review-targets': 'all', 'fail-on': 'stale' })
    // The readable request is approved; the odd one is not touched, and it fails the gate as a stale request.
    expect(writes().map(c => c.path)).toEqual([`/repos/${REPO}/bypass-requests/secret-scanning/2`])
    expect(r.code).toBe(1)
    expect(r.outputs).toMatchObject({ total: '2', open: '1', stale: '1' })
    const oddRecord = report(r).requests.find(x => x.problems.length > 0)
    expect(oddRecord).toMatchObject({ open: true, stale: true, expiring: true, target: null, problems: [problem] })
    expect(oddRecord?.review).toMatchObject({ outcome: 'skipped' })
    const warning = warnings(r).find(w => w.startsWith('GitHub sent a secret-scanning-bypass item the action cannot interpret'))
    expect(warning).toContain(problem)
    expect(warning).toContain('counts as open and stale and is never reviewed')
    expect(failureMessage(r)).toContain('1 open exemption request (1 stale, 1 expiring) matched, failing because fail-on is stale.')
  })

  test('an odd item named as a review target is refused, and nothing is reviewed', async () => {
    seed({ kind: 'secret-scanning-bypass', repository: REPO, number: 1, override: { created_at: 'soon' } })
    const r = await h.run({ review: 'approve', 'review-message': MESSAGE, 'review-targets': `${REPO}#1`, 'fail-on': 'never' })
    expect(r.code).toBe(1)
    expect(writes()).toEqual([])
    expect(failureMessage(r)).toContain('GitHub\'s item cannot be interpreted (created_at "soon" is not a date), so it is never reviewed')
  })

  test('an odd item is kept whatever the status filter, and a filter on an unreadable repository keeps it', async () => {
    // Stored as denied (so GitHub's own filter returns it), sent with a status the action does not know.
    seed({ kind: 'secret-scanning-bypass', repository: REPO, number: 1, status: 'denied', override: { status: 'frozen', repository: null } })
    const r = await h.run({ 'request-status': 'denied', repositories: 'octo-org/web', 'fail-on': 'open' })
    expect(r.code).toBe(1)
    expect(r.outputs).toMatchObject({ total: '1', open: '1', stale: '1' })
  })
})

describe('complete lists', () => {
  const many = (count: number, first = 1): RequestSpec[] =>
    Array.from({ length: count }, (_, i) => ({ kind: 'secret-scanning-bypass', repository: REPO, number: first + i, ageHours: 10 + i / 100 }))

  test('a list that grows while it is read: the page that was last links a next one, which is read too', async () => {
    seed(...many(300))
    h.fake.growAfterFirstPage(many(10, 1000).map(spec => makeRequest({ ...spec, ageHours: 0.5 })))
    const r = await h.run({ 'request-types': 'secret-scanning-bypass', 'fail-on': 'never' })
    expect(r.code).toBe(0)
    const pages = h.fake.calls.filter(c => c.method === 'GET').map(c => c.query.page)
    expect(pages.sort()).toEqual(['1', '2', '3', '4'])
    // Every request that was there when the read began is reported once; items shifted across pages are not doubled.
    const numbers = report(r).requests.map(x => x.number)
    expect(new Set(numbers).size).toBe(numbers.length)
    for (let n = 1; n <= 300; n++) expect(numbers).toContain(n)
  })

  test('a list that did not grow costs the lower bound of calls', async () => {
    seed(...many(300))
    const r = await h.run({ 'request-types': 'secret-scanning-bypass', 'fail-on': 'never' })
    expect(r.outputs.total).toBe('300')
    expect(h.fake.calls).toHaveLength(3)
  })
})

describe('writes stay in scope', () => {
  const people = (): RequestSpec[] => [
    { kind: 'secret-scanning-bypass', repository: 'octo-org/smile', number: 1, requester: 'monalisa', branch: 'refs/heads/main' },
    {
      kind: 'secret-scanning-bypass',
      repository: 'octo-org/web',
      number: 2,
      requester: 'hubot',
      branch: 'refs/heads/dev',
      status: 'denied',
      responses: [{ id: 7, reviewer: 'octocat', status: 'denied', created_at: new Date().toISOString() }]
    },
    { kind: 'secret-scanning-bypass', repository: 'other-org/api', number: 3, requester: 'hubot', branch: 'refs/heads/main' }
  ]

  test.each<[string, Record<string, string>, number[]]>([
    ['requester', { scope: 'enterprise', enterprise: 'octo-ent', requester: 'MonaLisa' }, [1]],
    ['reviewer', { scope: 'enterprise', enterprise: 'octo-ent', reviewer: 'octocat', 'request-status': 'all' }, [2]],
    ['repository-name', { scope: 'organization', organization: 'octo-org', 'repository-name': 'web', 'request-status': 'all' }, [2]],
    ['organization-name', { scope: 'enterprise', enterprise: 'octo-ent', 'organization-name': 'other-org' }, [3]],
    ['repositories', { scope: 'enterprise', enterprise: 'octo-ent', repositories: 'octo-org/*' }, [1]],
    ['branch', { scope: 'enterprise', enterprise: 'octo-ent', branch: 'dev', 'request-status': 'all' }, [2]],
    ['request-status', { scope: 'enterprise', enterprise: 'octo-ent', 'request-status': 'denied' }, [2]]
  ])('a server that ignores %s cannot widen the gate or the reviews', async (_filter, inputs, expected) => {
    seed(...people())
    h.fake.ignoreFilters = true
    const r = await h.run({ ...inputs, 'request-types': 'secret-scanning-bypass', 'fail-on': 'never' })
    expect(r.code).toBe(0)
    expect(report(r).requests.map(x => x.number)).toEqual(expected)
    // The server did send more than matched: the filter is applied by the action, not trusted to GitHub.
    expect(h.fake.requests.length).toBeGreaterThan(expected.length)
  })

  test('reviews of all that matched write only to what the local filters kept', async () => {
    seed(...people())
    h.fake.ignoreFilters = true
    const r = await h.run({
      scope: 'enterprise',
      enterprise: 'octo-ent',
      'request-types': 'secret-scanning-bypass',
      requester: 'hubot',
      review: 'deny',
      'review-message': MESSAGE,
      'review-targets': 'all',
      'fail-on': 'never'
    })
    expect(r.code).toBe(0)
    expect(writes().map(c => c.path)).toEqual(['/repos/other-org/api/bypass-requests/secret-scanning/3'])
  })

  test('a review answered with a redirect is a failed review, not a success, and is not followed', async () => {
    seed({ kind: 'dependabot-dismissal', repository: REPO, number: 4, alertNumber: 40 })
    h.fake.fault({ kind: 'redirect', method: 'PATCH', status: 307, location: '/repos/octo-org/elsewhere/dismissal-requests/dependabot/40' })
    const r = await h.run({ review: 'deny', 'review-message': MESSAGE, 'review-targets': 'all', 'fail-on': 'never' })
    expect(r.code).toBe(1)
    expect(writes().map(c => c.path)).toEqual([`/repos/${REPO}/dismissal-requests/dependabot/40`])
    expect(r.outputs).toMatchObject({ reviewed: '0', 'review-failures': '1', open: '1' })
    const [call] = report(r).reviews?.calls ?? []
    expect(call).toMatchObject({ ok: false, status: 307 })
    expect(failureMessage(r)).toContain(`1 of 1 review call failed: dependabot-dismissal:${REPO}#40.`)
    expect(JSON.stringify(report(r))).toContain('not followed, so the review was not made')
  })

  test('a read redirected within the API is followed', async () => {
    seed(...fourOpen())
    h.fake.fault({
      kind: 'redirect',
      method: 'GET',
      status: 301,
      times: 1,
      path: /dismissal-requests\/dependabot$/,
      location: `/repos/${REPO}/dismissal-requests/dependabot?per_page=100&time_period=month&request_status=open&page=1`
    })
    const r = await h.run({ 'fail-on': 'never' })
    expect(r.code).toBe(0)
    expect(r.outputs.total).toBe('4')
  })

  test('a read redirected to another origin is not followed: the token never goes there, and the type fails closed', async () => {
    const other = await startOtherOrigin()
    try {
      seed(...fourOpen())
      h.fake.fault({ kind: 'redirect', method: 'GET', status: 302, path: /dismissal-requests\/dependabot$/, location: `${other.url}/steal` })
      const r = await h.run({ 'fail-on': 'never' })
      expect(r.code).toBe(1)
      expect(other.requests).toEqual([])
      expect(failureMessage(r)).toContain('Could not list dependabot-dismissal')
      expect(failureMessage(r)).toContain(`it leads to another origin (${other.url})`)
      // Not retried: one call to the list, the redirect.
      expect(h.fake.callsTo('GET', `/repos/${REPO}/dismissal-requests/dependabot`)).toHaveLength(1)
    } finally {
      await other.stop()
    }
  })
})

describe('a redirect whose location is not a URL', () => {
  test('fails the type closed at once, naming it, without retrying', async () => {
    seed(...fourOpen())
    h.fake.fault({ kind: 'redirect', method: 'GET', status: 302, path: /dismissal-requests\/dependabot$/, location: 'http://[bad' })
    const r = await h.run({ 'fail-on': 'never' })
    expect(r.code).toBe(1)
    expect(failureMessage(r)).toContain('Could not list dependabot-dismissal')
    expect(failureMessage(r)).toContain('with a redirect that was not followed: its location is not a URL')
    expect(h.fake.callsTo('GET', `/repos/${REPO}/dismissal-requests/dependabot`)).toHaveLength(1)
  })
})

describe('inputs that cannot mean what the user thinks', () => {
  test.each(['refs/pull/12/merge', 'refs/tags/v1.0.0', 'refs/remotes/origin/main'])('branch %s is an input error pointing to github.head_ref', async branch => {
    const r = await h.run({ branch })
    expect(r.code).toBe(1)
    expect(failureMessage(r)).toContain(`Input "branch" has the value "${branch}"`)
    expect(failureMessage(r)).toContain('github.head_ref')
    expect(h.fake.calls).toEqual([])
  })

  test('refs/heads/<name> and a plain name are both accepted', async () => {
    seed({ kind: 'secret-scanning-bypass', repository: REPO, number: 1, branch: 'refs/heads/feature/x' })
    for (const branch of ['refs/heads/feature/x', 'feature/x']) {
      const r = await h.run({ branch, 'fail-on': 'never' })
      expect([branch, r.code, r.outputs.total]).toEqual([branch, 0, '1'])
    }
  })

  test('a repositories pattern that matched none of the repositories seen is a warning naming it', async () => {
    seed({ kind: 'secret-scanning-bypass', repository: 'octo-org/api-gateway', number: 1 }, { kind: 'secret-scanning-bypass', repository: 'octo-org/web', number: 2 })
    const r = await h.run({ scope: 'organization', organization: 'octo-org', repositories: 'octo-org/api-*, octo-org/wbe, !octo-org/sandbox', 'fail-on': 'never' })
    expect(r.code).toBe(0)
    expect(r.outputs.total).toBe('1')
    const found = warnings(r).filter(w => w.startsWith('The repositories pattern'))
    expect(found).toEqual([
      'The repositories pattern octo-org/wbe matched none of the 2 repositories with requests: check it for a typo.',
      'The repositories pattern !octo-org/sandbox matched none of the 2 repositories with requests: check it for a typo.'
    ])
  })
})
