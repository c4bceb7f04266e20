/**
 * What the 9 am reader acts on, run as the bundled action against the fake
 * GitHub: the Act first table, expiring requests in every report and in the
 * gate, and the review metrics.
 */
import { describe, expect, test } from '@jest/globals'
import { marked, type Tokens } from 'marked'
import { makeRequest, type RequestSpec, type StoredResponse } from '../fake-github/model.js'
import type { RunResult } from '../fake-github/runner.js'
import { shownAs, useHarness } from './helpers.js'

const h = useHarness()

const REPO = 'octo-org/smile'
const HOUR = 3_600_000
/** The fake's requests expire 7 days (168 hours) after they are made. */
const LIFETIME_HOURS = 168

function seed(...specs: RequestSpec[]): void {
  h.fake.requests = specs.map(spec => makeRequest(spec))
}

function failureMessage(r: RunResult): string {
  return r.annotations.filter(a => a.level === 'error' && Object.keys(a.properties).length === 0).at(-1)?.message ?? ''
}

function actFirst(summary: string): Tokens.Table {
  const tokens = marked.lexer(summary)
  const at = tokens.findIndex(t => t.type === 'heading' && (t as Tokens.Heading).text === 'Act first')
  expect(at).toBeGreaterThanOrEqual(0)
  const table = tokens.slice(at).find(t => t.type === 'table') as Tokens.Table | undefined
  expect(table).toBeDefined()
  return table!
}

const text = (cell: Tokens.TableCell): string => cell.text.replace(/\\(.)/g, '$1')

const KINDS = ['secret-scanning-bypass', 'secret-scanning-dismissal', 'code-scanning-dismissal', 'dependabot-dismissal', 'push-ruleset-bypass']

/** Requests of every type in turn, numbered from 1, each with its `hoursLeft` before it expires; alert N+100 for request N. */
function leaving(hoursLeft: number[]): RequestSpec[] {
  return hoursLeft.map((left, i) => ({ kind: KINDS[i % KINDS.length]!, repository: REPO, number: i + 1, alertNumber: 101 + i, ageHours: LIFETIME_HOURS - left }))
}

/** How request N of `leaving` is shown: its alert number for dismissal types. */
function shownLeaving(n: number): string {
  const kind = KINDS[(n - 1) % KINDS.length]!
  return shownAs(REPO, kind, kind.endsWith('-dismissal') ? 100 + n : n)
}

describe('Act first', () => {
  test('up to 10 open requests across all types, what runs out first first, expiring ones marked', async () => {
    // 12 open requests with 150, 140, … 40 and 2 hours left; and a closed one that would expire first.
    const left = [150, 140, 130, 120, 110, 100, 90, 80, 70, 60, 50, 2]
    seed(...leaving(left), { kind: 'secret-scanning-bypass', repository: REPO, number: 99, ageHours: LIFETIME_HOURS - 1, status: 'denied' })
    const r = await h.run({ 'request-status': 'all', 'expiring-within': '3d', 'fail-on': 'never' })
    expect(r.code).toBe(0)

    // It comes right after the headline, before the per-type tables.
    const headline = r.summary.indexOf('**')
    expect(headline).toBeLessThan(r.summary.indexOf('### Act first'))
    expect(r.summary.indexOf('### Act first')).toBeLessThan(r.summary.indexOf(' requests ('))
    expect(r.summary).toContain('The 10 of 12 open requests that run out first.')

    const table = actFirst(r.summary)
    expect(table.header.map(c => c.text)).toEqual(['Type', 'Request', 'Requester', 'Age', 'Time left'])
    const rows = table.rows.map(row => row.map(text))
    expect(rows).toHaveLength(10)
    // Soonest expiry first: 2h, then 50h, 60h, … 130h.
    expect(rows.map(row => row[1]!.replace(/\[|\]\([^)]*\)/g, ''))).toEqual([12, 11, 10, 9, 8, 7, 6, 5, 4, 3].map(shownLeaving))
    // Within 3 days (72h): 2h, 50h, 60h and 70h are marked; 80h is not.
    expect(rows.map(row => row[4]!.startsWith('⚠️'))).toEqual([true, true, true, true, false, false, false, false, false, false])
    expect(rows[0]![4]).toBe('⚠️\u00a0**2h**')
    expect(r.outputs.expiring).toBe('4')
  })

  test('no open request: no Act first table', async () => {
    seed({ kind: 'secret-scanning-bypass', repository: REPO, number: 1, status: 'approved' })
    const r = await h.run({ 'request-status': 'all', 'fail-on': 'never' })
    expect(r.summary).not.toContain('### Act first')
  })
})

describe('expiring requests', () => {
  test('are marked in the annotations and the log, and counted in the outputs and the records', async () => {
    seed(...leaving([5, 100]))
    const r = await h.run({ 'fail-on': 'never' })
    expect(r.code).toBe(0)
    expect(r.outputs.expiring).toBe('1')
    const [first, second] = r.annotations.filter(a => a.properties.title?.includes(REPO))
    expect(first?.message).toContain('(expiring, stale, 6d 19h old, expires in 5h)')
    expect(second?.message).toContain('(stale, 2d 20h old, expires in 4d 4h)')
    expect(r.stdout).toContain(`[expiring, stale] secret-scanning-bypass ${REPO} request #1 by`)
    const records = (JSON.parse(r.reportJson!) as { requests: { number: number; expiring: boolean; expires_in_hours: number | null }[] }).requests
    expect(records.map(x => [x.number, x.expiring, x.expires_in_hours])).toEqual([
      [1, true, 5],
      [2, false, 100]
    ])
    const requests = JSON.parse(r.outputs.requests!) as { expiring: boolean }[]
    expect(requests.map(x => x.expiring)).toEqual([true, false])
  })

  test('fail-on expiring fails when one expires within expiring-within, naming the soonest', async () => {
    seed(...leaving([30, 20, 132]))
    const r = await h.run({ 'fail-on': 'expiring', 'expiring-within': '36h' })
    expect(r.code).toBe(1)
    expect(failureMessage(r)).toContain('3 open exemption requests (3 stale, 2 expiring) matched, failing because fail-on is expiring.')
    expect(failureMessage(r)).toContain(`The soonest to expire is secret-scanning-dismissal ${shownLeaving(2)}: 20h.`)
    // Only the expiring ones are errors.
    const levels = r.annotations.filter(a => a.properties.title?.includes(REPO)).map(a => a.level)
    expect(levels).toEqual(['error', 'error', 'warning'])
  })

  test('fail-on expiring passes when none expires within expiring-within', async () => {
    seed(...leaving([30, 40]))
    const r = await h.run({ 'fail-on': 'expiring', 'expiring-within': '1d' })
    expect(r.code).toBe(0)
    expect(r.outputs.expiring).toBe('0')
  })

  test.each(['soon', '0h', '24', '1y'])('expiring-within %s is an input error', async value => {
    const r = await h.run({ 'expiring-within': value })
    expect(r.code).toBe(1)
    expect(failureMessage(r)).toContain(`Input "expiring-within" has the value "${value}"`)
    expect(h.fake.calls).toEqual([])
  })
})

describe('review metrics', () => {
  const at = (ageHours: number, afterHours: number): string => new Date(Date.now() - (ageHours - afterHours) * HOUR).toISOString()
  const answered = (id: number, ageHours: number, afterHours: number, reviewer: string, status: 'approved' | 'denied'): StoredResponse => ({
    id,
    reviewer,
    status,
    created_at: at(ageHours, afterHours)
  })

  /** First responses after 1h, 3h, 4h and 10h: median 3.5h, 90th percentile (nearest rank) 10h. */
  const history = (): RequestSpec[] => [
    {
      kind: 'secret-scanning-bypass',
      repository: REPO,
      number: 1,
      ageHours: 100,
      status: 'approved',
      requester: 'monalisa',
      responses: [answered(11, 100, 1, 'lead', 'approved')]
    },
    {
      kind: 'secret-scanning-bypass',
      repository: REPO,
      number: 2,
      ageHours: 90,
      status: 'denied',
      requester: 'hubot',
      responses: [answered(12, 90, 3, 'oncall', 'denied')]
    },
    {
      kind: 'dependabot-dismissal',
      repository: 'octo-org/web',
      number: 3,
      alertNumber: 30,
      ageHours: 80,
      status: 'approved',
      requester: 'monalisa',
      responses: [answered(13, 80, 6, 'lead', 'denied'), answered(14, 80, 4, 'oncall', 'approved')]
    },
    {
      kind: 'code-scanning-dismissal',
      repository: 'octo-org/web',
      number: 4,
      alertNumber: 40,
      ageHours: 70,
      status: 'denied',
      requester: 'monalisa',
      responses: [answered(15, 70, 10, 'lead', 'denied')]
    },
    { kind: 'dependabot-dismissal', repository: REPO, number: 5, alertNumber: 50, ageHours: 200, status: 'expired', requester: 'hubot' },
    { kind: 'secret-scanning-dismissal', repository: REPO, number: 6, alertNumber: 60, ageHours: 190, status: 'expired', requester: 'octocat' },
    { kind: 'secret-scanning-bypass', repository: REPO, number: 7, ageHours: 2, requester: 'octocat' }
  ]

  test('fetch every status with no more list calls, and report the metrics in the summary, report-json and outputs', async () => {
    seed(...history())
    const without = await h.run({ scope: 'organization', 'fail-on': 'never' })
    const callsWithout = h.fake.calls.length
    h.fake.resetCalls()
    const r = await h.run({ scope: 'organization', metrics: 'true', 'fail-on': 'never' })
    expect(r.code).toBe(0)
    expect(h.fake.calls).toHaveLength(callsWithout)
    expect(h.fake.calls.every(c => c.query.request_status === 'all')).toBe(true)

    // The tables still show what request-status asked for: the one open request.
    expect(r.outputs.total).toBe('1')
    expect(without.outputs.total).toBe('1')

    const metrics = (JSON.parse(r.reportJson!) as { metrics: Record<string, unknown> & { overall: Record<string, unknown> } }).metrics
    expect(metrics.overall).toEqual({
      requests: 7,
      by_status: { approved: 2, denied: 2, expired: 2, open: 1 },
      expired_unanswered: 2,
      answered: 4,
      median_first_response_hours: 3.5,
      p90_first_response_hours: 10,
      reviewers: [
        { reviewer: 'lead', responses: 3, median_response_hours: 6 },
        { reviewer: 'oncall', responses: 2, median_response_hours: 3.5 }
      ],
      top_repositories: [
        { name: REPO, requests: 5 },
        { name: 'octo-org/web', requests: 2 }
      ],
      top_requesters: [
        { name: 'monalisa', requests: 3 },
        { name: 'hubot', requests: 2 },
        { name: 'octocat', requests: 2 }
      ]
    })
    expect(Object.keys(metrics.by_type as object).sort()).toEqual([
      'code-scanning-dismissal',
      'dependabot-dismissal',
      'secret-scanning-bypass',
      'secret-scanning-dismissal'
    ])
    expect((metrics.by_type as Record<string, { expired_unanswered: number }>)['dependabot-dismissal']?.expired_unanswered).toBe(1)

    expect(r.outputs['expired-unanswered']).toBe('2')
    expect(r.outputs['median-response-hours']).toBe('3.5')
    expect(r.summary).toContain('### Review metrics (requests from the last month)')
    expect(r.summary).toContain('7 requests; **2 expired with no response**; first response after 3h 30m (median), 10h (90th percentile).')
  })

  test('without metrics: no section, metrics null, and the metric outputs empty', async () => {
    seed(...history())
    const r = await h.run({ scope: 'organization', 'fail-on': 'never' })
    expect(r.summary).not.toContain('Review metrics')
    expect((JSON.parse(r.reportJson!) as { metrics: unknown }).metrics).toBeNull()
    expect([r.outputs['expired-unanswered'], r.outputs['median-response-hours']]).toEqual(['', ''])
    expect(h.fake.calls.every(c => c.query.request_status === 'open')).toBe(true)
  })

  test('no response at all: the median output stays empty rather than made up', async () => {
    seed({ kind: 'secret-scanning-bypass', repository: REPO, number: 1, ageHours: 200, status: 'expired' })
    const r = await h.run({ metrics: 'true', 'fail-on': 'never' })
    expect([r.outputs['expired-unanswered'], r.outputs['median-response-hours']]).toEqual(['1', ''])
  })
})
