import { describe, expect, test } from '@jest/globals'
import { type Tokens } from 'marked'
import { byUrgency, countRecords } from '../../../src/classify.js'
import type { ReviewReport } from '../../../src/github/review.js'
import { reviewMetrics } from '../../../src/metrics.js'
import { metricsSection } from '../../../src/report/metrics.js'
import { ACT_FIRST_ROWS, SUMMARY_LIMIT_BYTES, TYPE_TABLE_ROWS, columnsOf, summaryMarkdown } from '../../../src/report/summary.js'
import { REQUEST_TYPES, TYPE_IDS, requestType, type TypeId } from '../../../src/request-types.js'
import type { RecordAlert, RecordReview, RequestRecord } from '../../../src/requests.js'
import {
  HOUR,
  NOW,
  REPO,
  bypass,
  dismissal,
  failure,
  fetchedAlert,
  plainRecord,
  pushRule,
  record,
  reviewCall,
  secretAlert,
  settingsWith,
  unavailableAlert
} from '../record-builders.js'
import { gfmCells, plain, sections, tables } from './markdown-reading.js'

const COMMENT = 'Test token used in the readme as an example'
const HOSTILE_COMMENT = 'a | b\n| c | d `x|y` **bold** [l](https://evil.test) end-of-comment'

/** The columns of each type's table, written out. */
const COLUMNS: Record<TypeId, string[]> = {
  'secret-scanning-bypass': ['Request', 'Requester', 'Status · age', 'Time left', 'Secret type · reason', 'Branch · file', 'Comment'],
  'push-ruleset-bypass': ['Request', 'Requester', 'Status · age', 'Time left', 'Ruleset', 'Rule', 'Comment'],
  'secret-scanning-dismissal': ['Request', 'Requester', 'Status · age', 'Time left', 'Secret type · reason', 'Comment'],
  'code-scanning-dismissal': ['Request', 'Requester', 'Status · age', 'Time left', 'Reason', 'Comment'],
  'dependabot-dismissal': ['Request', 'Requester', 'Status · age', 'Time left', 'Reason', 'Comment']
}
const ACT_FIRST_COLUMNS = ['Type', 'Request', 'Requester', 'Age', 'Time left']
const BYPASS_COMMENT = COLUMNS['secret-scanning-bypass'].indexOf('Comment')

/** Every cell of a table as GitHub shows it. */
function cells(t: Tokens.Table): string[][] {
  return t.rows.map(r => r.map(c => plain(c.tokens)))
}

/** The one table under the heading that starts with `heading`. */
function tableUnder(md: string, heading: string): Tokens.Table {
  const found = sections(md).filter(s => s.heading.startsWith(heading))
  expect([heading, found.length, found[0]?.tables.length]).toEqual([heading, 1, 1])
  return found[0]!.tables[0]!
}

/** The request type whose table a heading (`Secret scanning bypass requests (2)`) opens. */
function typeOfHeading(heading: string): TypeId {
  const type = REQUEST_TYPES.find(t => heading.startsWith(`${t.title}s (`))
  if (!type) throw new Error(`no type for heading ${heading}`)
  return type.id
}

/** The first table's (Act first) and the type tables' request numbers, in order. */
const numbersIn = (t: Tokens.Table, column: number): string[] => t.rows.map(r => /#(\d+)/.exec(plain(r[column]!.tokens))?.[1] ?? '?')

// Durations in the tables are written with no-break spaces (`6d\u00a021h`, `⚠️\u00a0**3h**`), so that a narrow column does not break them.
describe('summaryMarkdown', () => {
  const settings = settingsWith()

  /** One request of each type: one expiring (and stale), two stale, two open, one denied. */
  function sample(): RequestRecord[] {
    return [
      bypass(1, { ageHours: 30 }),
      bypass(2, { ageHours: 2, comment: HOSTILE_COMMENT }),
      record({ kind: 'secret-scanning-dismissal', repository: REPO, number: 42, alertNumber: 17, ageHours: 60 }),
      record({ kind: 'dependabot-dismissal', repository: 'octo-org/api', number: 3, alertNumber: 8, ageHours: 5 }),
      record({ kind: 'code-scanning-dismissal', repository: REPO, number: 9, alertNumber: 4, ageHours: 20, status: 'denied' }),
      pushRule(5, { ageHours: 7 * 24 - 3 })
    ].sort(byUrgency)
  }

  test('headline: scope, counts by state, window, status and both thresholds', () => {
    const md = summaryMarkdown({ settings, now: NOW, records: sample(), failures: [] })
    const lines = md.split('\n')
    expect(lines[0]).toBe(`## Exemption requests for ${REPO} (repository)`)
    expect(lines[2]).toBe('**1 expiring** · **3 stale** · **5 open** · 6 matched — requests from the last month, status open, stale after 24h, expiring within 24h.')
  })

  test('the counts in the headline are the counts of the records; the settings are the ones given', () => {
    const records = sample()
    expect(countRecords(records)).toEqual({ total: 6, open: 5, stale: 3, expiring: 1 })
    const md = summaryMarkdown({
      settings: settingsWith({ 'stale-after': '3d', 'time-period': 'week', 'request-status': 'all', 'expiring-within': '36h' }),
      now: NOW,
      records: records.slice(0, 1),
      failures: []
    })
    expect(md.split('\n')[2]).toBe(
      '**1 expiring** · **1 stale** · **1 open** · 1 matched — requests from the last week, status all, stale after 3d, expiring within 36h.'
    )
  })

  test('nothing matched: one line, no table, no Act first', () => {
    const md = summaryMarkdown({ settings, now: NOW, records: [], failures: [] })
    expect(md).toContain('\nNo exemption requests matched.\n')
    expect(md).toContain('**0 expiring** · **0 stale** · **0 open** · 0 matched')
    expect(tables(md)).toEqual([])
    expect(md).not.toContain('Act first')
  })

  test('nothing matched and a list failed: says so, with the failure', () => {
    const md = summaryMarkdown({ settings, now: NOW, records: [], failures: [failure('code-scanning-dismissal', 'GitHub answered 403.')] })
    expect(md).toContain('> ❌ Could not list code-scanning-dismissal: GitHub answered 403.')
    expect(md).toContain('\nNo requests matched in the lists that could be read.\n')
    expect(md).not.toContain('No exemption requests matched.')
  })

  test('a skipped list (feature off) is a warning line', () => {
    const md = summaryMarkdown({ settings, now: NOW, records: [], failures: [failure('dependabot-dismissal', 'Not enabled.', true)] })
    expect(md).toContain('> ⚠️ Skipped dependabot-dismissal: Not enabled.')
    expect(md).toContain('\nNo exemption requests matched.\n')
  })

  test('Act first, then one table per type ordered by the most urgent request of each', () => {
    const md = summaryMarkdown({ settings, now: NOW, records: sample(), failures: [] })
    expect(sections(md).map(s => [s.heading, s.tables.length])).toEqual([
      ['Act first', 1],
      ['Push ruleset bypass requests (1)', 1],
      ['Secret scanning alert dismissal requests (1)', 1],
      ['Secret scanning bypass requests (2)', 1],
      ['Dependabot alert dismissal requests (1)', 1],
      ['Code scanning alert dismissal requests (1)', 1]
    ])
    // Rows most urgent first: the stale bypass request before the open one.
    expect(numbersIn(tableUnder(md, 'Secret scanning bypass requests'), 0)).toEqual(['1', '2'])
  })

  describe('Act first', () => {
    test('the open requests by soonest expiry, the expiring one marked; the denied one left out', () => {
      const md = summaryMarkdown({ settings, now: NOW, records: sample(), failures: [] })
      expect(md).toContain(
        '\n### Act first\n\nWhat runs out first: requests to dismiss a secret that is still active, then soonest expiry, then oldest. ⚠️ marks a request that expires within 24h.\n\n'
      )
      const t = tableUnder(md, 'Act first')
      expect(t.header.map(h => h.text)).toEqual(ACT_FIRST_COLUMNS)
      expect(cells(t)).toEqual([
        ['push-ruleset-bypass', `${REPO} request #5`, 'monalisa', '6d\u00a021h', '⚠️\u00a03h'],
        ['secret-scanning-dismissal', `${REPO} alert #17`, 'monalisa', '2d\u00a012h', '4d\u00a012h'],
        ['secret-scanning-bypass', `${REPO} request #1`, 'monalisa', '1d\u00a06h', '5d\u00a018h'],
        ['dependabot-dismissal', 'octo-org/api alert #8', 'monalisa', '5h', '6d\u00a019h'],
        ['secret-scanning-bypass', `${REPO} request #2`, 'monalisa', '2h', '6d\u00a022h']
      ])
      expect(t.rows.map(r => r[4]!.text)).toEqual(['⚠️\u00a0**3h**', '4d\u00a012h', '5d\u00a018h', '6d\u00a019h', '6d\u00a022h'])
      const link = t.rows[1]![1]!.tokens.find((x): x is Tokens.Link => x.type === 'link')
      expect(link?.href).toBe(`https://github.com/${REPO}/security/secret-scanning/17`)
    })

    test('soonest expiry first whatever the urgency, without expiry last, the same time left oldest first', () => {
      const records = [
        plainRecord({ number: 1, stale: true, age_hours: 500 }),
        plainRecord({ number: 2, expires_in_hours: 72, age_hours: 5 }),
        plainRecord({ number: 3, age_hours: 20 }),
        plainRecord({ number: 4, expires_in_hours: 72, age_hours: 3 }),
        plainRecord({ number: 5, status: 'approved', open: false, expires_in_hours: 1, age_hours: 2 })
      ].sort(byUrgency)
      const md = summaryMarkdown({ settings, now: NOW, records, failures: [] })
      const actFirst = tableUnder(md, 'Act first')
      expect(cells(actFirst).map(r => [r[1], r[3], r[4]])).toEqual([
        [`${REPO} request #2`, '5h', '3d'],
        [`${REPO} request #4`, '3h', '3d'],
        [`${REPO} request #1`, '20d\u00a020h', '—'],
        [`${REPO} request #3`, '20h', '—']
      ])
      // The type's table keeps the order of urgency, and the closed request.
      expect(numbersIn(tableUnder(md, 'Secret scanning bypass requests'), 0)).toEqual(['1', '2', '4', '3', '5'])
    })

    test(`at most ${ACT_FIRST_ROWS} rows, the ones that run out first, and says of how many`, () => {
      expect(ACT_FIRST_ROWS).toBe(10)
      const records = Array.from({ length: 12 }, (_, i) => plainRecord({ number: i + 1, expires_in_hours: 100 - 5 * i, age_hours: 2 })).sort(byUrgency)
      const md = summaryMarkdown({ settings: settingsWith({ 'expiring-within': '3d' }), now: NOW, records, failures: [] })
      expect(md).toContain(
        '\nWhat runs out first: requests to dismiss a secret that is still active, then soonest expiry, then oldest. ⚠️ marks a request that expires within 3d. The 10 of 12 open requests that run out first.\n'
      )
      expect(numbersIn(tableUnder(md, 'Act first'), 1)).toEqual(['12', '11', '10', '9', '8', '7', '6', '5', '4', '3'])
      expect(tableUnder(md, 'Secret scanning bypass requests').rows).toHaveLength(12)
    })

    test(`exactly ${ACT_FIRST_ROWS} open requests: all of them, no count`, () => {
      const records = Array.from({ length: 10 }, (_, i) => plainRecord({ number: i + 1, expires_in_hours: 100 - 5 * i, age_hours: 2 }))
      const md = summaryMarkdown({ settings, now: NOW, records, failures: [] })
      expect(tableUnder(md, 'Act first').rows).toHaveLength(10)
      expect(md).toContain(
        '\nWhat runs out first: requests to dismiss a secret that is still active, then soonest expiry, then oldest. ⚠️ marks a request that expires within 24h.\n'
      )
      expect(md).not.toContain('open requests that run out first')
    })

    test('no open request: no Act first, the type tables still there', () => {
      const records = [bypass(1, { status: 'denied' }), bypass(2, { status: 'approved', ageHours: 40 })]
      const md = summaryMarkdown({ settings, now: NOW, records, failures: [] })
      expect(sections(md).map(s => s.heading)).toEqual(['Secret scanning bypass requests (2)'])
    })
  })

  describe('the type tables', () => {
    test.each(TYPE_IDS)('columnsOf(%s): the common columns around the type’s own, at most 7', id => {
      expect(columnsOf(requestType(id))).toEqual(COLUMNS[id])
      expect(columnsOf(requestType(id)).length).toBeLessThanOrEqual(7)
    })

    test('every table has its type’s columns in its header and in every line, at most 7, whatever the comment', () => {
      const md = summaryMarkdown({ settings, now: NOW, records: sample(), failures: [] })
      const typeSections = sections(md).filter(s => s.heading !== 'Act first')
      expect(typeSections).toHaveLength(5)
      for (const {
        heading,
        tables: [t]
      } of typeSections) {
        const columns = COLUMNS[typeOfHeading(heading)]
        expect([heading, t!.header.map(h => h.text)]).toEqual([heading, columns])
        expect(t!.header.length).toBeLessThanOrEqual(7)
        for (const line of t!.raw.trim().split('\n')) expect([line, gfmCells(line).length]).toEqual([line, columns.length])
        for (const row of t!.rows) expect(row).toHaveLength(columns.length)
      }
      for (const t of tables(md)) expect(t.header.length).toBeLessThanOrEqual(7)
    })

    test('a hostile comment stays text in its own cell', () => {
      const md = summaryMarkdown({ settings, now: NOW, records: sample(), failures: [] })
      const hostileRow = tableUnder(md, 'Secret scanning bypass requests').rows[1]!
      expect(hostileRow).toHaveLength(COLUMNS['secret-scanning-bypass'].length)
      const comment = plain(hostileRow[BYPASS_COMMENT]!.tokens)
      expect(comment).toContain('end-of-comment')
      expect(comment).toContain('a | b | c | d')
      expect(comment).toBe('a | b | c | d `x|y` **bold** [l](https://evil.test) end-of-comment')
      // The comment's markup stays text: no link, no code span, no bold.
      expect(hostileRow[BYPASS_COMMENT]!.tokens.map(t => t.type).filter(t => t !== 'text' && t !== 'escape')).toEqual([])
    })

    test('cells: repository and linked number, requester, state and age, time left, the type’s details, comment', () => {
      const md = summaryMarkdown({ settings, now: NOW, records: sample(), failures: [] })
      expect(cells(tableUnder(md, 'Push ruleset bypass requests'))).toEqual([
        [`${REPO} request #5`, 'monalisa', 'expiring, stale · 6d\u00a021h', '⚠️\u00a03h', 'Exclude image files', 'file_extension_restriction', COMMENT]
      ])
      expect(cells(tableUnder(md, 'Secret scanning alert dismissal requests'))).toEqual([
        [`${REPO} alert #17`, 'monalisa', 'stale · 2d\u00a012h', '4d\u00a012h', 'adafruit_io_key · false_positive', COMMENT]
      ])
      expect(cells(tableUnder(md, 'Secret scanning bypass requests')).map(r => r.slice(0, BYPASS_COMMENT))).toEqual([
        [`${REPO} request #1`, 'monalisa', 'stale · 1d\u00a06h', '5d\u00a018h', 'adafruit_io_key · used_in_tests', 'main · README.md:17'],
        [`${REPO} request #2`, 'monalisa', 'open · 2h', '6d\u00a022h', 'adafruit_io_key · used_in_tests', 'main · README.md:17']
      ])
      expect(cells(tableUnder(md, 'Dependabot alert dismissal requests'))).toEqual([
        ['octo-org/api alert #8', 'monalisa', 'open · 5h', '6d\u00a019h', 'tolerable_risk', COMMENT]
      ])
      expect(cells(tableUnder(md, 'Code scanning alert dismissal requests'))).toEqual([
        [`${REPO} alert #4`, 'monalisa', 'denied · 20h', '6d\u00a04h', "won't fix", COMMENT]
      ])
      // Expiring and stale are bold; the time left of an expiring request is marked.
      const push = tableUnder(md, 'Push ruleset bypass requests').rows[0]!
      expect([push[2]!.text, push[3]!.text]).toEqual(['**expiring, stale** · 6d\u00a021h', '⚠️\u00a0**3h**'])
      const dismissalRow = tableUnder(md, 'Secret scanning alert dismissal requests').rows[0]!
      expect(dismissalRow[2]!.text).toBe('**stale** · 2d\u00a012h')
      const request = dismissalRow[0]!.tokens
      expect(request.map(t => t.type)).toEqual(['text', 'link'])
      expect((request[1] as Tokens.Link).href).toBe(`https://github.com/${REPO}/security/secret-scanning/17`)
    })

    test('the Request cell: a repository or number GitHub did not send says so; a link only to an http(s) URL', () => {
      const r = plainRecord({ repository: '', number: null, html_url: 'javascript:alert(1)' })
      const md = summaryMarkdown({ settings, now: NOW, records: [r], failures: [] })
      const row = tableUnder(md, 'Secret scanning bypass requests').rows[0]!
      expect(plain(row[0]!.tokens)).toBe('(no repository) request #?')
      expect(row[0]!.tokens.some(t => t.type === 'link')).toBe(false)
      expect(md).not.toContain('javascript')
    })

    test('a hostile repository and requester stay text in their cells, in Act first and in the type table', () => {
      const r = plainRecord({
        repository: 'octo-org/x | y [l](https://evil.test)',
        requester: '@team <img src=x> | z',
        html_url: 'https://github.com/octo-org/x/exemptions/1'
      })
      const md = summaryMarkdown({ settings, now: NOW, records: [r], failures: [] })
      expect(md).not.toMatch(/<img|\]\(https:\/\/evil|@team/)
      const actFirst = tableUnder(md, 'Act first')
      const typeTable = tableUnder(md, 'Secret scanning bypass requests')
      for (const t of [actFirst, typeTable]) {
        for (const line of t.raw.trim().split('\n')) expect(gfmCells(line)).toHaveLength(t.header.length)
      }
      // As GitHub shows them (the helper leaves the entities of < and > as they are).
      const shown = (row: string[]) => row.map(cell => cell.replace(/&lt;/g, '<').replace(/&gt;/g, '>'))
      expect(shown(cells(actFirst)[0]!.slice(1, 3))).toEqual(['octo-org/x | y [l](https://evil.test) request #1', '@team <img src=x> | z'])
      expect(shown(cells(typeTable)[0]!.slice(0, 2))).toEqual(['octo-org/x | y [l](https://evil.test) request #1', '@team <img src=x> | z'])
      // The one link is the request's own.
      expect(typeTable.rows[0]![0]!.tokens.filter(t => t.type === 'link').map(t => (t as Tokens.Link).href)).toEqual([r.html_url])
    })

    test('Time left: expired (marked while still open), a duration, or a dash without expiry', () => {
      const records = [
        bypass(1, { ageHours: 8 * 24 }),
        bypass(2, { ageHours: 30 }),
        plainRecord({ number: 3, expires_at: null, created_at: new Date(NOW - 3 * HOUR).toISOString(), age_hours: 3 }),
        bypass(4, { ageHours: 8 * 24, status: 'expired' })
      ].sort(byUrgency)
      const [, t] = tables(summaryMarkdown({ settings, now: NOW, records, failures: [] }))
      expect(t!.rows.map(r => [plain(r[0]!.tokens), r[3]!.text])).toEqual([
        [`${REPO} request #1`, '⚠️\u00a0**expired**'],
        [`${REPO} request #2`, '5d\u00a018h'],
        [`${REPO} request #3`, '—'],
        [`${REPO} request #4`, 'expired']
      ])
    })

    test('a long comment is cut to about 120 characters', () => {
      const comment = 'abcdefghij'.repeat(30)
      const t = tableUnder(summaryMarkdown({ settings, now: NOW, records: [bypass(1, { comment })], failures: [] }), 'Secret scanning bypass requests')
      const cell = plain(t.rows[0]![BYPASS_COMMENT]!.tokens)
      expect(Array.from(cell)).toHaveLength(120)
      expect(cell).toBe(`${comment.slice(0, 119)}…`)
    })

    test('a long comment with markup is cut to the same visible length', () => {
      const comment = 'a|b*c_d '.repeat(40)
      const t = tableUnder(summaryMarkdown({ settings, now: NOW, records: [bypass(1, { comment })], failures: [] }), 'Secret scanning bypass requests')
      const cell = plain(t.rows[0]![BYPASS_COMMENT]!.tokens)
      expect(Array.from(cell).length).toBeLessThanOrEqual(120)
      expect(Array.from(cell).length).toBeGreaterThanOrEqual(110)
      expect(cell.startsWith('a|b*c_d a|b*c_d')).toBe(true)
    })

    test('a dismissal request that names no single alert: its request number, linked', () => {
      const r = dismissal('code-scanning-dismissal', 42, 17, { data: [{ alert_number: '17' }, { alert_number: '18' }] })
      const t = tableUnder(summaryMarkdown({ settings, now: NOW, records: [r], failures: [] }), 'Code scanning alert dismissal requests')
      expect(plain(t.rows[0]![0]!.tokens)).toBe(`${REPO} request #42`)
      expect(t.rows[0]![0]!.tokens.some(x => x.type === 'link')).toBe(true)
    })

    test('the status cell adds what this run did to the request', () => {
      const done = (action: string, outcome: RecordReview['outcome']): RecordReview => ({ action, outcome, http_status: null, message: null })
      const records = [
        plainRecord({ number: 1, stale: true, age_hours: 30, review: done('deny', 'failed') }),
        plainRecord({ number: 2, age_hours: 3, review: done('approve', 'dry-run') }),
        plainRecord({ number: 3, age_hours: 2, review: done('approve', 'skipped') }),
        plainRecord({ number: 4, status: 'approved', open: false, age_hours: 5, review: done('approve', 'done') }),
        plainRecord({ number: 5, status: 'approved', open: false, age_hours: 4, review: done('dismiss-response', 'done') }),
        plainRecord({ number: 6, status: 'denied', open: false, age_hours: 1 })
      ]
      const t = tableUnder(summaryMarkdown({ settings, now: NOW, records, failures: [] }), 'Secret scanning bypass requests')
      expect(t.rows[0]![2]!.text).toBe('**stale** · 1d\u00a06h · deny failed')
      expect(t.rows.map(r => [plain(r[0]!.tokens), plain(r[2]!.tokens)])).toEqual([
        [`${REPO} request #1`, 'stale · 1d\u00a06h · deny failed'],
        [`${REPO} request #2`, 'open · 3h · would approve (dry run)'],
        [`${REPO} request #3`, 'open · 2h'],
        [`${REPO} request #4`, 'approved · 5h · approved by this run'],
        [`${REPO} request #5`, 'approved · 4h · responses dismissed by this run'],
        [`${REPO} request #6`, 'denied · 1h']
      ])
    })

    test('an empty comment and no details read as a dash', () => {
      const r = plainRecord({ number: 3, comment: '', reasons: [], secret_types: [], ruleset: null, branch: null, path: null })
      const t = tableUnder(summaryMarkdown({ settings, now: NOW, records: [r], failures: [] }), 'Secret scanning bypass requests')
      expect(cells(t)[0]!.slice(4)).toEqual(['—', '—', '—'])
    })
  })

  describe('Review metrics', () => {
    const reviews: ReviewReport = { review: 'approve', policy: false, dryRun: false, calls: [reviewCall(1)], skipped: [], errors: [], reviewed: 1, failures: 0 }

    test('after the type tables, before the Reviews and the footer, as metricsSection writes it', () => {
      const metrics = reviewMetrics(sample())
      const md = summaryMarkdown({ settings: settingsWith({ 'time-period': 'week' }), now: NOW, records: sample(), failures: [], reviews, metrics })
      expect(
        sections(md)
          .map(s => s.heading)
          .slice(-2)
      ).toEqual(['Review metrics (requests from the last week)', 'Reviews: approve'])
      expect(md).toContain(`\n${metricsSection(metrics, 'week').join('\n')}\n### Reviews: approve\n`)
      expect(md.trimEnd().split('\n').at(-1)).toBe('<sub>6 requests · generated 2025-03-10T12:00:00.000Z</sub>')
    })

    test('no metrics given: no section', () => {
      const md = summaryMarkdown({ settings, now: NOW, records: sample(), failures: [], reviews })
      expect(md).not.toContain('Review metrics')
      expect(sections(md).at(-1)!.heading).toBe('Reviews: approve')
    })
  })

  test('the footer counts the requests and gives the clock reading', () => {
    const md = summaryMarkdown({ settings, now: NOW, records: sample(), failures: [] })
    expect(md.trimEnd().split('\n').at(-1)).toBe('<sub>6 requests · generated 2025-03-10T12:00:00.000Z</sub>')
  })
})

describe('summaryMarkdown: alerts and the justification policy', () => {
  const settings = settingsWith()
  const withAlerts = settingsWith({ 'include-alerts': 'true' })
  const ALERT_COLUMNS: Record<TypeId, string[]> = {
    ...COLUMNS,
    'secret-scanning-dismissal': ['Request', 'Requester', 'Status · age', 'Time left', 'Secret type · reason', 'Alert', 'Comment'],
    'code-scanning-dismissal': ['Request', 'Requester', 'Status · age', 'Time left', 'Reason', 'Alert', 'Comment'],
    'dependabot-dismissal': ['Request', 'Requester', 'Status · age', 'Time left', 'Reason', 'Alert', 'Comment']
  }
  const ALERT = ALERT_COLUMNS['secret-scanning-dismissal'].indexOf('Alert')

  /** An open alert with `fields`. */
  const alertOf = (fields: Partial<RecordAlert>): RecordAlert => fetchedAlert({ state: 'open', ...fields })
  const ACTIVE = secretAlert('active')
  const INACTIVE = secretAlert('inactive')
  const UNAVAILABLE = unavailableAlert()

  /** A secret scanning dismissal request about alert `alertNumber`, `ageHours` old, with `alert`. */
  const secretDismissal = (alertNumber: number, ageHours: number, alert: RecordAlert | null, more: Partial<RequestRecord> = {}): RequestRecord => ({
    ...dismissal('secret-scanning-dismissal', 100 + alertNumber, alertNumber, { ageHours }),
    alert,
    ...more
  })

  /** One request of each type, each dismissal request with its alert. */
  function sample(): RequestRecord[] {
    return [
      bypass(1, { ageHours: 30 }),
      pushRule(5, { ageHours: 3 }),
      secretDismissal(17, 60, INACTIVE),
      {
        ...record({ kind: 'dependabot-dismissal', repository: REPO, number: 3, alertNumber: 8, ageHours: 5 }),
        alert: alertOf({ severity: 'critical', cve_id: 'CVE-2024-1234' })
      },
      { ...record({ kind: 'code-scanning-dismissal', repository: REPO, number: 9, alertNumber: 4, ageHours: 20 }), alert: alertOf({ severity: 'high' }) }
    ].sort(byUrgency)
  }

  test.each(TYPE_IDS)('columnsOf(%s) with alerts: Alert before the comment of dismissal requests only, at most 7', id => {
    expect(columnsOf(requestType(id), true)).toEqual(ALERT_COLUMNS[id])
    expect(columnsOf(requestType(id), true).length).toBeLessThanOrEqual(7)
    expect(columnsOf(requestType(id), false)).toEqual(COLUMNS[id])
  })

  test('include-alerts: every table has its columns, Alert among them for dismissal requests, in its header and every line', () => {
    const md = summaryMarkdown({ settings: withAlerts, now: NOW, records: sample(), failures: [] })
    const typeSections = sections(md).filter(s => s.heading !== 'Act first')
    expect(typeSections).toHaveLength(5)
    for (const {
      heading,
      tables: [t]
    } of typeSections) {
      const columns = ALERT_COLUMNS[typeOfHeading(heading)]
      expect([heading, t!.header.map(h => h.text)]).toEqual([heading, columns])
      for (const line of t!.raw.trim().split('\n')) expect([line, gfmCells(line).length]).toEqual([line, columns.length])
    }
    for (const t of tables(md)) expect(t.header.length).toBeLessThanOrEqual(7)
    expect(cells(tableUnder(md, 'Dependabot alert dismissal requests'))[0]![ALERT]).toBe('critical · CVE-2024-1234 · open')
    expect(cells(tableUnder(md, 'Code scanning alert dismissal requests'))[0]![ALERT]).toBe('high · open')
  })

  test('without include-alerts: no Alert column, even for records that hold an alert', () => {
    const md = summaryMarkdown({ settings, now: NOW, records: sample(), failures: [] })
    expect(tables(md).flatMap(t => t.header.map(h => h.text))).not.toContain('Alert')
    expect(tableUnder(md, 'Secret scanning alert dismissal requests').header.map(h => h.text)).toEqual(COLUMNS['secret-scanning-dismissal'])
    expect(md).not.toContain('secret inactive')
  })

  test('the Alert cell: an active secret marked and bold; not fetched a dash; unavailable said', () => {
    const records = [secretDismissal(18, 5, INACTIVE), secretDismissal(19, 4, null), secretDismissal(20, 3, UNAVAILABLE), secretDismissal(17, 2, ACTIVE)].sort(byUrgency)
    const t = tableUnder(summaryMarkdown({ settings: withAlerts, now: NOW, records, failures: [] }), 'Secret scanning alert dismissal requests')
    expect(t.rows.map(r => [plain(r[0]!.tokens), r[ALERT]!.text])).toEqual([
      [`${REPO} alert #17`, '🔑 **secret still active · Adafruit IO Key · open**'],
      [`${REPO} alert #18`, 'secret inactive · Adafruit IO Key · open'],
      [`${REPO} alert #19`, '—'],
      [`${REPO} alert #20`, 'alert unavailable']
    ])
  })

  test('a closed request about an active secret is not marked', () => {
    const closed = secretDismissal(17, 2, ACTIVE, { status: 'approved', open: false })
    const md = summaryMarkdown({ settings: withAlerts, now: NOW, records: [closed], failures: [] })
    expect(tableUnder(md, 'Secret scanning alert dismissal requests').rows[0]![ALERT]!.text).toBe('secret still active · Adafruit IO Key · open')
    expect(md).not.toContain('🔑')
  })

  test('an alert’s text stays text in its cell', () => {
    const hostile = secretDismissal(17, 2, alertOf({ validity: 'active', secret_type: 'a | b [l](https://evil.test) @team' }))
    const t = tableUnder(summaryMarkdown({ settings: withAlerts, now: NOW, records: [hostile], failures: [] }), 'Secret scanning alert dismissal requests')
    for (const line of t.raw.trim().split('\n')) expect(gfmCells(line)).toHaveLength(ALERT_COLUMNS['secret-scanning-dismissal'].length)
    expect(plain(t.rows[0]![ALERT]!.tokens)).toBe('🔑 secret still active · a | b [l](https://evil.test) @team · open')
    expect(t.rows[0]![ALERT]!.tokens.some(x => x.type === 'link')).toBe(false)
  })

  test('Act first: a request to dismiss an active secret comes first and is marked, ahead of one that expires sooner', () => {
    const records = [pushRule(5, { ageHours: 7 * 24 - 3 }), secretDismissal(18, 50, INACTIVE), secretDismissal(17, 2, ACTIVE)].sort(byUrgency)
    const t = tableUnder(summaryMarkdown({ settings: withAlerts, now: NOW, records, failures: [] }), 'Act first')
    expect(t.rows.map(r => [r[0]!.text, plain(r[1]!.tokens)])).toEqual([
      ['secret-scanning-dismissal · 🔑 **secret still active**', `${REPO} alert #17`],
      ['push-ruleset-bypass', `${REPO} request #5`],
      ['secret-scanning-dismissal', `${REPO} alert #18`]
    ])
  })

  test('the comment cell of a request that fails the policy: marked, with why, before the comment', () => {
    const records = [
      { ...bypass(1, { ageHours: 3, comment: 'later' }), policy_violations: ['the comment does not match SEC-\\d+'] },
      { ...bypass(2, { ageHours: 2, comment: null }), policy_violations: ['the comment is blank'] },
      bypass(3, { ageHours: 1, comment: 'SEC-12' })
    ]
    const t = tableUnder(summaryMarkdown({ settings, now: NOW, records, failures: [] }), 'Secret scanning bypass requests')
    expect(t.rows.map(r => r[BYPASS_COMMENT]!.text)).toEqual([
      '❗ **fails the justification policy\\: the comment does not match SEC-\\\\d+** · later',
      '❗ **fails the justification policy\\: the comment is blank** · —',
      'SEC-12'
    ])
    expect(plain(t.rows[0]![BYPASS_COMMENT]!.tokens)).toBe('❗ fails the justification policy: the comment does not match SEC-\\d+ · later')
  })

  test('what the alerts and the policy found: a line each, after the headline and before Act first', () => {
    const records = [
      secretDismissal(17, 2, ACTIVE),
      secretDismissal(18, 3, ACTIVE, { policy_violations: ['the comment is blank'] }),
      secretDismissal(19, 4, ACTIVE, { status: 'approved', open: false }),
      secretDismissal(20, 5, UNAVAILABLE),
      secretDismissal(21, 6, UNAVAILABLE),
      secretDismissal(22, 7, UNAVAILABLE)
    ].sort(byUrgency)
    const md = summaryMarkdown({ settings: withAlerts, now: NOW, records, failures: [] })
    const lines = md.split('\n')
    expect(lines.slice(4, 11)).toEqual([
      '🔑 **2 open requests to dismiss a secret that is still active** (listed first).',
      '',
      '❗ **1 open request fails the justification policy.**',
      '',
      `3 alerts could not be fetched (alert unavailable): see report-json for why.`,
      '',
      '### Act first'
    ])
  })

  test('one of each, and two failing the policy', () => {
    const records = [
      secretDismissal(17, 2, ACTIVE),
      secretDismissal(20, 5, UNAVAILABLE, { policy_violations: ['the comment is blank'] }),
      { ...bypass(1), policy_violations: ['the comment is blank'] }
    ].sort(byUrgency)
    const md = summaryMarkdown({ settings: withAlerts, now: NOW, records, failures: [] })
    expect(md).toContain(
      '\n🔑 **1 open request to dismiss a secret that is still active** (listed first).\n\n' +
        '❗ **2 open requests fail the justification policy.**\n\n' +
        '1 alert could not be fetched (alert unavailable): see report-json for why.\n\n### Act first\n'
    )
  })

  test('nothing found: no such line', () => {
    const md = summaryMarkdown({ settings: withAlerts, now: NOW, records: [secretDismissal(18, 3, INACTIVE), bypass(1)], failures: [] })
    expect(md).not.toMatch(/🔑|❗/)
    expect(md).not.toContain('could not be fetched')
    expect(md.split('\n').slice(3, 5)).toEqual(['', '### Act first'])
  })
})

/** Text that takes five bytes a character once escaped (`&amp;`), longer than any cell keeps of it. */
const WIDE = '&'.repeat(400)
/** As much as a row's detail and policy cells hold: many detail values, long ones, and a long reason the comment fails the policy. */
const WIDE_FIELDS: Partial<RequestRecord> = {
  secret_types: Array.from({ length: 50 }, () => '&&&&&&&&'),
  reasons: Array.from({ length: 50 }, () => '&&&&&&&&'),
  branch: `refs/heads/${WIDE}`,
  path: WIDE,
  ruleset: WIDE,
  policy_violations: [`the comment does not match ${WIDE}`]
}
const CAP_NOTE = `more requests not shown: each table shows the ${TYPE_TABLE_ROWS} most urgent. The report-json file lists them all.`
const BUDGET_NOTE = 'more requests not shown: a job summary holds at most 1 MiB. The report-json file lists them all.'

/** The type tables' headings, the rows each shows (0 for a heading without a table) and their request numbers. */
function typeTables(md: string): { heading: string; rows: number; numbers: string[] }[] {
  return sections(md)
    .filter(s => REQUEST_TYPES.some(type => s.heading.startsWith(`${type.title}s (`)))
    .map(({ heading, tables: [t] }) => ({ heading, rows: t?.rows.length ?? 0, numbers: t ? numbersIn(t, 0) : [] }))
}

/** The numbers of the first `n` records of `type`, in the order given. */
const firstOfType = (records: readonly RequestRecord[], type: TypeId, n: number): string[] =>
  records
    .filter(r => r.type === type)
    .slice(0, n)
    .map(r => String(r.number))

describe('summaryMarkdown size', () => {
  const settings = settingsWith()

  test(`each type's table shows its ${TYPE_TABLE_ROWS} most urgent requests and says how many more there are, for each type`, () => {
    expect(TYPE_TABLE_ROWS).toBe(100)
    // 260 secret scanning bypass requests and 130 push ruleset bypass requests, mixed, most urgent first.
    const records = Array.from({ length: 390 }, (_, i) =>
      plainRecord({
        type: i % 3 === 1 ? 'push-ruleset-bypass' : 'secret-scanning-bypass',
        number: i + 1,
        id: i + 1,
        age_hours: 1000 - i,
        html_url: `https://github.com/${REPO}/exemptions/${i + 1}`
      })
    )
    const bypassCount = records.filter(r => r.type === 'secret-scanning-bypass').length
    expect([bypassCount, records.length - bypassCount]).toEqual([260, 130])
    const md = summaryMarkdown({ settings, now: NOW, records, failures: [] })
    // Far below the 1 MiB: the row cap, not the budget, is what leaves rows out.
    expect(Buffer.byteLength(md)).toBeLessThan(SUMMARY_LIMIT_BYTES / 5)
    expect(typeTables(md)).toEqual([
      { heading: 'Secret scanning bypass requests (260)', rows: 100, numbers: firstOfType(records, 'secret-scanning-bypass', 100) },
      { heading: 'Push ruleset bypass requests (130)', rows: 100, numbers: firstOfType(records, 'push-ruleset-bypass', 100) }
    ])
    expect(md.split('\n').filter(line => line.includes('not shown'))).toEqual([`160 ${CAP_NOTE}`, `30 ${CAP_NOTE}`])
    // The line follows its type's table.
    expect(md).toContain(`|\n\n160 ${CAP_NOTE}\n\n### Push ruleset bypass requests (130)\n`)
  })

  test(`exactly ${TYPE_TABLE_ROWS} requests of a type: all of them, no line; one more: one not shown`, () => {
    const records = [
      ...Array.from({ length: 100 }, (_, i) => plainRecord({ number: i + 1, id: i + 1, age_hours: 500 - i })),
      ...Array.from({ length: 101 }, (_, i) => plainRecord({ type: 'push-ruleset-bypass', number: 201 + i, id: 201 + i, age_hours: 300 - i }))
    ]
    const exactly = summaryMarkdown({ settings, now: NOW, records: records.slice(0, 100), failures: [] })
    expect(typeTables(exactly).map(t => [t.heading, t.rows])).toEqual([['Secret scanning bypass requests (100)', 100]])
    expect(exactly).not.toContain('not shown')
    const md = summaryMarkdown({ settings, now: NOW, records, failures: [] })
    expect(typeTables(md).map(t => [t.heading, t.rows])).toEqual([
      ['Secret scanning bypass requests (100)', 100],
      ['Push ruleset bypass requests (101)', 100]
    ])
    expect(md.split('\n').filter(line => line.includes('not shown'))).toEqual([
      `1 more request not shown: each table shows the ${TYPE_TABLE_ROWS} most urgent. The report-json file lists them all.`
    ])
    expect(typeTables(md)[1]!.numbers.at(-1)).toBe('300')
  })

  test('stays under the 1 MiB GitHub accepts for a job summary, saying how many rows it leaves out', () => {
    // 1200 requests of each type, rows as big as the cells allow (3 to 4 kB): 100 rows of each would not fit in 1 MiB.
    const perType = 1200
    const records = Array.from({ length: perType * TYPE_IDS.length }, (_, i) =>
      plainRecord({
        type: TYPE_IDS[i % TYPE_IDS.length]!,
        number: i + 1,
        id: i + 1,
        age_hours: 6000 - i,
        comment: `A long comment that fills the column ${WIDE}`,
        html_url: `https://github.com/octo-org/smile/exemptions/${i + 1}`,
        ...WIDE_FIELDS
      })
    )
    const md = summaryMarkdown({ settings: settingsWith(), now: NOW, records, failures: [] })
    expect(Buffer.byteLength(md)).toBeLessThan(1024 * 1024)
    expect(Buffer.byteLength(md)).toBeLessThanOrEqual(SUMMARY_LIMIT_BYTES)
    // The budget is what stops the tables: they fill the summary to within a few rows of its limit.
    expect(Buffer.byteLength(md)).toBeGreaterThan(SUMMARY_LIMIT_BYTES - 20_000)
    const shown = typeTables(md)
    expect(shown.map(t => t.heading)).toEqual(TYPE_IDS.map(id => `${requestType(id).title}s (${perType})`))
    // The first tables reach the cap; the budget cuts the next one part way, and leaves no room for the last ones.
    const rows = shown.map(t => t.rows)
    expect(rows).toEqual([100, 100, expect.any(Number), 0, 0])
    expect(rows[2]).toBeGreaterThan(0)
    expect(rows[2]).toBeLessThan(TYPE_TABLE_ROWS)
    // A table the budget cut says so, and counts the rows past the cap with the ones the budget left out.
    expect(md.split('\n').filter(line => line.includes('not shown'))).toEqual([
      `${perType - 100} ${CAP_NOTE}`,
      `${perType - 100} ${CAP_NOTE}`,
      `${perType - 100 + (100 - rows[2]!)} ${BUDGET_NOTE}`,
      `${perType} ${BUDGET_NOTE}`,
      `${perType} ${BUDGET_NOTE}`
    ])
    // The rows kept are the first (most urgent) of each type, in order.
    for (const [i, t] of shown.entries()) expect([t.heading, t.numbers]).toEqual([t.heading, firstOfType(records, TYPE_IDS[i]!, t.rows)])
    // Act first is whole: the ten oldest (none has an expiry).
    expect(numbersIn(tableUnder(md, 'Act first'), 1)).toEqual(['1', '2', '3', '4', '5', '6', '7', '8', '9', '10'])
    expect(md).toContain('The 10 of 6000 open requests that run out first.')
  })

  test('a summary that fits is not cut', () => {
    const records = Array.from({ length: 50 }, (_, i) => plainRecord({ number: i + 1, id: i + 1 }))
    const md = summaryMarkdown({ settings: settingsWith(), now: NOW, records, failures: [] })
    expect(md).not.toContain('not shown')
    expect(md.split('\n').filter(line => line.startsWith(`| ${REPO} request #`))).toHaveLength(50)
  })
})

describe('summaryMarkdown size, with Review metrics and a Reviews section', () => {
  /** Text full of Markdown and HTML that, unescaped, would end the details block, add columns, links, mentions and images. */
  const HEAVY = '| a | b |\n</details><summary>x</summary> `code` **bold** [l](https://evil.test) @team <img src=x> _u_ ~s~ & '.repeat(4)
  // Secret scanning and push ruleset bypass requests in turn, rows as big as the cells allow, so that the budget the Reviews
  // and metrics leave cuts the second type's table before its 100 rows. Each request answered once, by a reviewer of its
  // own with a heavy name: 6000 reviewers.
  const types: TypeId[] = ['secret-scanning-bypass', 'push-ruleset-bypass']
  const records = Array.from({ length: 6000 }, (_, i) =>
    plainRecord({
      type: types[i % 2]!,
      number: i + 1,
      id: i + 1,
      age_hours: 6000 - i,
      comment: HEAVY,
      html_url: `https://github.com/${REPO}/exemptions/${i + 1}`,
      ...WIDE_FIELDS,
      responses: [{ id: i + 1, reviewer: `${String(i).padStart(4, '0')}${HEAVY}`, status: 'approved', created_at: new Date(NOW).toISOString() }]
    })
  )
  const calls = Array.from({ length: 1000 }, (_, i) =>
    reviewCall(i + 1, { action: 'deny', body: { status: 'reject', message: HEAVY }, status: 422, ok: false, message: HEAVY })
  )
  const reviews: ReviewReport = {
    review: 'deny',
    policy: false,
    dryRun: false,
    calls,
    skipped: records.slice(0, 4000).map(record => ({ record, reason: HEAVY })),
    errors: [],
    reviewed: 0,
    failures: 1000
  }
  const metrics = reviewMetrics(records)
  const md = summaryMarkdown({ settings: settingsWith(), now: NOW, records, failures: [], reviews, metrics })
  const lines = md.split('\n')
  const tableWith = (header: string) => tables(md).find(t => t.header.map(h => h.text).join() === header)
  const callTable = tableWith('Request,Action,Call,Body,Result')
  const reviewerTable = tableWith('Reviewer,Responses,Median time to respond')
  const skippedLines = lines.filter(line => /^- (secret-scanning-bypass|push-ruleset-bypass) octo-org\/smile request \\#/.test(line))
  const requestRows = lines.filter(line => line.startsWith(`| ${REPO} [request`))
  const typeRows = typeTables(md)

  test('the whole summary stays under the 1 MiB GitHub accepts, and under its own limit', () => {
    expect(metrics.overall.reviewers).toHaveLength(6000)
    expect(Buffer.byteLength(md)).toBeLessThan(1024 * 1024)
    expect(Buffer.byteLength(md)).toBeLessThanOrEqual(SUMMARY_LIMIT_BYTES)
  })

  test('every section shows some rows and leaves some out', () => {
    // The first type's table reaches the cap; the budget cuts the second's.
    expect(typeRows.map(t => [t.heading, t.rows])).toEqual([
      ['Secret scanning bypass requests (3000)', 100],
      ['Push ruleset bypass requests (3000)', expect.any(Number)]
    ])
    expect(typeRows[1]!.rows).toBeGreaterThan(0)
    expect(typeRows[1]!.rows).toBeLessThan(TYPE_TABLE_ROWS)
    expect(typeRows[0]!.rows + typeRows[1]!.rows).toBe(requestRows.length)
    expect(callTable).toBeDefined()
    expect(reviewerTable).toBeDefined()
    const shown = [callTable!.rows.length, skippedLines.length, requestRows.length, reviewerTable!.rows.length]
    expect(shown.map(n => n > 0)).toEqual([true, true, true, true])
    expect([shown[0]! < 1000, shown[1]! < 4000, shown[2]! < 6000, shown[3]! < 6000]).toEqual([true, true, true, true])
  })

  test('it says how many calls, skipped requests, requests and reviewers it does not show', () => {
    const notShown = lines.filter(line => line.includes('not shown'))
    expect(notShown).toEqual([
      `2900 ${CAP_NOTE}`,
      `${3000 - typeRows[1]!.rows} ${BUDGET_NOTE}`,
      `${1000 - callTable!.rows.length} more calls not shown here: a job summary holds at most 1 MiB. The report-json file lists them all.`,
      `${4000 - skippedLines.length} more skipped requests not shown here: a job summary holds at most 1 MiB. The report-json file lists them all.`
    ])
    expect(lines.filter(line => line.includes('more reviewers'))).toEqual([`${6000 - reviewerTable!.rows.length} more reviewers in the report-json file.`])
    expect(md).toContain('\n### Reviews: deny\n\n0 succeeded, 1000 failed.\n')
    expect(md).toContain('\n<details><summary>4000 skipped</summary>\n')
  })

  test('what it shows are the first requests of each type, calls, skipped requests and reviewers, in order', () => {
    for (const [i, t] of typeRows.entries()) expect([t.heading, t.numbers]).toEqual([t.heading, firstOfType(records, types[i]!, t.rows)])
    expect(callTable!.rows.map(r => plain(r[0]!.tokens))).toEqual(calls.slice(0, callTable!.rows.length).map(c => `secret-scanning-bypass ${REPO} request #${c.number}`))
    expect(skippedLines.map(line => /\\#(\d+): /.exec(line)?.[1])).toEqual(skippedLines.map((_, i) => String(i + 1)))
    expect(reviewerTable!.rows.map(r => plain(r[0]!.tokens).slice(0, 4))).toEqual(reviewerTable!.rows.map((_, i) => String(i).padStart(4, '0')))
  })

  test('the tables keep their shape: every line has as many cells as the header, and no row is split or swallowed', () => {
    const ts = tables(md)
    // Act first, the two type tables, the metrics by type, reviewers, repositories, requesters, the review calls.
    expect(ts.map(t => t.header.length)).toEqual([5, 7, 7, 5, 3, 2, 2, 5])
    for (const t of ts) {
      const raw = t.raw.trim().split('\n')
      expect(raw).toHaveLength(t.rows.length + 2)
      for (const line of raw) expect([line.slice(0, 80), gfmCells(line).length]).toEqual([line.slice(0, 80), t.header.length])
      for (const row of t.rows) expect(row).toHaveLength(t.header.length)
    }
    expect(ts[1]!.rows.length + ts[2]!.rows.length).toBe(requestRows.length)
  })

  test('no text from a comment, a reviewer, a call or a skipped request closes the details block or adds markup', () => {
    expect(md.split('</details>')).toHaveLength(2)
    expect(md.split('<summary>')).toHaveLength(2)
    expect(md).not.toMatch(/<img|\]\(https:\/\/evil|@team/)
  })
})
