import { describe, expect, test } from '@jest/globals'
import { marked, type Tokens } from 'marked'
import { byUrgency, countRecords } from '../../../src/classify.js'
import type { ReviewReport } from '../../../src/github/review.js'
import type { RecordReview, RequestRecord } from '../../../src/requests.js'
import { COLUMNS, SUMMARY_LIMIT_BYTES, summaryMarkdown } from '../../../src/report/summary.js'
import { HOUR, NOW, REPO, bypass, dismissal, failure, plainRecord, record, reviewCall, settingsWith } from '../record-builders.js'
import { gfmCells, plain, tables } from './markdown-reading.js'

describe('summaryMarkdown', () => {
  const settings = settingsWith()

  function sample(): RequestRecord[] {
    return [
      bypass(1, { ageHours: 30 }),
      bypass(2, { ageHours: 2, comment: 'a | b\n| c | d `x|y` **bold** [l](https://evil.test) end-of-comment' }),
      record({ kind: 'secret-scanning-dismissal', repository: REPO, number: 42, alertNumber: 17, ageHours: 60 }),
      record({ kind: 'dependabot-dismissal', repository: 'octo-org/api', number: 3, alertNumber: 8, ageHours: 5 }),
      record({ kind: 'code-scanning-dismissal', repository: REPO, number: 9, alertNumber: 4, ageHours: 20, status: 'denied' })
    ].sort(byUrgency)
  }

  test('headline: scope, counts by state, window, status and threshold', () => {
    const md = summaryMarkdown({ settings, now: NOW, records: sample(), failures: [] })
    const lines = md.split('\n')
    expect(lines[0]).toBe(`## Exemption requests for ${REPO} (repository)`)
    expect(lines[2]).toBe('**2 stale** · **4 open** · 5 matched — requests from the last month, status open, stale after 24h.')
  })

  test('the counts in the headline are the counts of the records', () => {
    const records = sample()
    const counts = countRecords(records)
    expect(counts).toEqual({ total: 5, open: 4, stale: 2 })
    const md = summaryMarkdown({ settings: settingsWith({ 'stale-after': '3d', 'time-period': 'week', 'request-status': 'all' }), now: NOW, records: records.slice(0, 1), failures: [] })
    expect(md.split('\n')[2]).toBe('**1 stale** · **1 open** · 1 matched — requests from the last week, status all, stale after 3d.')
  })

  test('nothing matched: one line, no table', () => {
    const md = summaryMarkdown({ settings, now: NOW, records: [], failures: [] })
    expect(md).toContain('\nNo exemption requests matched.\n')
    expect(md).toContain('**0 stale** · **0 open** · 0 matched')
    expect(tables(md)).toEqual([])
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

  test('one table per type, ordered by the most urgent request of each', () => {
    const md = summaryMarkdown({ settings, now: NOW, records: sample(), failures: [] })
    const headings = marked
      .lexer(md)
      .filter((t): t is Tokens.Heading => t.type === 'heading' && t.depth === 3)
      .map(h => h.text)
    expect(headings).toEqual([
      'Secret scanning alert dismissal requests (1)',
      'Secret scanning bypass requests (2)',
      'Dependabot alert dismissal requests (1)',
      'Code scanning alert dismissal requests (1)'
    ])
    const ts = tables(md)
    expect(ts.map(t => t.rows.length)).toEqual([1, 2, 1, 1])
    // Rows most urgent first: the stale bypass request before the open one.
    expect(ts[1]!.rows.map(r => plain(r[1]!.tokens))).toEqual(['request #1', 'request #2'])
  })

  test('every table has the 8 columns in its header and in every line, whatever the comment', () => {
    const md = summaryMarkdown({ settings, now: NOW, records: sample(), failures: [] })
    const ts = tables(md)
    expect(ts).toHaveLength(4)
    for (const t of ts) {
      expect(t.header.map(h => h.text)).toEqual(COLUMNS)
      for (const line of t.raw.trim().split('\n')) expect([line, gfmCells(line).length]).toEqual([line, 8])
      for (const row of t.rows) expect(row).toHaveLength(8)
    }
    const hostileRow = ts[1]!.rows[1]!
    const comment = plain(hostileRow[7]!.tokens)
    expect(comment).toContain('end-of-comment')
    expect(comment).toContain('a | b | c | d')
    // The comment's markup stays text: no link, no code span, no bold.
    expect(hostileRow[7]!.tokens.map(t => t.type).filter(t => t !== 'text' && t !== 'escape')).toEqual([])
  })

  test('cells: repository, linked number (alert number for dismissal requests), requester, age, expiry, status, details', () => {
    const md = summaryMarkdown({ settings, now: NOW, records: sample(), failures: [] })
    const [dismissals] = tables(md)
    const row = dismissals!.rows[0]!
    const link0 = row[1]!.tokens[0] as Tokens.Link
    expect(link0.type).toBe('link')
    expect(link0.href).toBe(`https://github.com/${REPO}/security/secret-scanning/17`)
    expect(plain(row[1]!.tokens)).toBe('alert #17')
    expect(plain(row[0]!.tokens)).toBe(REPO)
    expect(plain(row[2]!.tokens)).toBe('monalisa')
    expect(plain(row[3]!.tokens)).toBe('2d 12h')
    expect(plain(row[4]!.tokens)).toBe('4d 12h')
    expect(row[5]!.text).toBe('**stale**')
    expect(plain(row[6]!.tokens)).toBe('false_positive, adafruit_io_key')
    expect(plain(row[7]!.tokens)).toBe('Test token used in the readme as an example')
    const denied = tables(md)[3]!.rows[0]!
    expect(plain(denied[5]!.tokens)).toBe('denied')
    const open = tables(md)[1]!.rows[1]!
    expect(plain(open[5]!.tokens)).toBe('open')
  })

  test('expires column: expired, a duration, or a dash without expiry', () => {
    const records = [
      bypass(1, { ageHours: 8 * 24 }),
      bypass(2, { ageHours: 30 }),
      plainRecord({ number: 3, expires_at: null, created_at: new Date(NOW - 3 * HOUR).toISOString(), age_hours: 3 })
    ].sort(byUrgency)
    const [t] = tables(summaryMarkdown({ settings, now: NOW, records, failures: [] }))
    expect(t!.rows.map(r => [plain(r[1]!.tokens), plain(r[4]!.tokens)])).toEqual([
      ['request #1', 'expired'],
      ['request #2', '5d 18h'],
      ['request #3', '—']
    ])
  })

  test('a long comment is cut to about 120 characters', () => {
    const comment = 'abcdefghij'.repeat(30)
    const [t] = tables(summaryMarkdown({ settings, now: NOW, records: [bypass(1, { comment })], failures: [] }))
    const cell = plain(t!.rows[0]![7]!.tokens)
    expect(Array.from(cell)).toHaveLength(120)
    expect(cell).toBe(`${comment.slice(0, 119)}…`)
  })

  test('a long comment with markup is cut to the same visible length', () => {
    const comment = 'a|b*c_d '.repeat(40)
    const [t] = tables(summaryMarkdown({ settings, now: NOW, records: [bypass(1, { comment })], failures: [] }))
    const cell = plain(t!.rows[0]![7]!.tokens)
    expect(Array.from(cell).length).toBeLessThanOrEqual(120)
    expect(Array.from(cell).length).toBeGreaterThanOrEqual(110)
    expect(cell.startsWith('a|b*c_d a|b*c_d')).toBe(true)
  })

  test('a dismissal request that names no single alert: its request number, linked', () => {
    const r = dismissal('code-scanning-dismissal', 42, 17, { data: [{ alert_number: '17' }, { alert_number: '18' }] })
    const [t] = tables(summaryMarkdown({ settings, now: NOW, records: [r], failures: [] }))
    expect(plain(t!.rows[0]![1]!.tokens)).toBe('request #42')
    expect((t!.rows[0]![1]!.tokens[0] as Tokens.Link).type).toBe('link')
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
    const [t] = tables(summaryMarkdown({ settings, now: NOW, records, failures: [] }))
    expect(t!.rows[0]![5]!.text).toBe('**stale** · deny failed')
    expect(t!.rows.map(r => [plain(r[1]!.tokens), plain(r[5]!.tokens)])).toEqual([
      ['request #1', 'stale · deny failed'],
      ['request #2', 'open · would approve (dry run)'],
      ['request #3', 'open'],
      ['request #4', 'approved · approved by this run'],
      ['request #5', 'approved · responses dismissed by this run'],
      ['request #6', 'denied']
    ])
  })

  test('an empty comment and no details read as a dash', () => {
    const r = plainRecord({ number: 3, comment: '', reasons: [], secret_types: [], ruleset: null })
    const [t] = tables(summaryMarkdown({ settings, now: NOW, records: [r], failures: [] }))
    expect([plain(t!.rows[0]![6]!.tokens), plain(t!.rows[0]![7]!.tokens)]).toEqual(['—', '—'])
  })

  test('the footer counts the requests and gives the clock reading', () => {
    const md = summaryMarkdown({ settings, now: NOW, records: sample(), failures: [] })
    expect(md.trimEnd().split('\n').at(-1)).toBe('<sub>5 requests · generated 2025-03-10T12:00:00.000Z</sub>')
  })
})

describe('summaryMarkdown size', () => {
  test('stays under the 1 MiB GitHub accepts for a job summary, saying how many rows it leaves out', () => {
    const records = Array.from({ length: 6000 }, (_, i) =>
      plainRecord({
        number: i + 1,
        id: i + 1,
        age_hours: 6000 - i,
        comment: `A long comment that fills the column ${'x'.repeat(200)}`,
        secret_types: ['github_personal_access_token', 'aws_access_key_id'],
        html_url: `https://github.com/octo-org/smile/exemptions/${i + 1}`
      })
    )
    const md = summaryMarkdown({ settings: settingsWith(), now: NOW, records, failures: [] })
    expect(Buffer.byteLength(md)).toBeLessThan(1024 * 1024)
    const rows = md.split('\n').filter(line => /^\| octo-org\/smile \|/.test(line))
    expect(rows.length).toBeGreaterThan(1000)
    expect(rows.length).toBeLessThan(6000)
    expect(md).toContain(`${6000 - rows.length} more requests not shown`)
    // The rows kept are the first (most urgent) ones, in order.
    expect(rows[0]).toContain('[request #1](')
    expect(rows[rows.length - 1]).toContain(`[request #${rows.length}](`)
  })

  test('a summary that fits is not cut', () => {
    const records = Array.from({ length: 50 }, (_, i) => plainRecord({ number: i + 1, id: i + 1 }))
    const md = summaryMarkdown({ settings: settingsWith(), now: NOW, records, failures: [] })
    expect(md).not.toContain('not shown')
    expect(md.split('\n').filter(line => line.startsWith('| octo-org/smile |'))).toHaveLength(50)
  })
})

describe('summaryMarkdown size, with a Reviews section', () => {
  /** Text full of Markdown and HTML that, unescaped, would end the details block, add columns, links, mentions and images. */
  const HEAVY = '| a | b |\n</details><summary>x</summary> `code` **bold** [l](https://evil.test) @team <img src=x> _u_ ~s~ & '.repeat(4)
  const records = Array.from({ length: 6000 }, (_, i) =>
    plainRecord({ number: i + 1, id: i + 1, age_hours: 6000 - i, comment: HEAVY, html_url: `https://github.com/${REPO}/exemptions/${i + 1}` })
  )
  const calls = Array.from({ length: 1000 }, (_, i) =>
    reviewCall(i + 1, { action: 'deny', body: { status: 'reject', message: HEAVY }, status: 422, ok: false, message: HEAVY })
  )
  const reviews: ReviewReport = {
    review: 'deny',
    dryRun: false,
    calls,
    skipped: records.slice(0, 4000).map(record => ({ record, reason: HEAVY })),
    errors: [],
    reviewed: 0,
    failures: 1000
  }
  const md = summaryMarkdown({ settings: settingsWith(), now: NOW, records, failures: [], reviews })
  const lines = md.split('\n')
  const callTable = tables(md).find(t => t.header.map(h => h.text).join() === 'Request,Action,Call,Body,Result')
  const skippedLines = lines.filter(line => line.startsWith(`- secret-scanning-bypass ${REPO} request \\#`))
  const requestRows = lines.filter(line => line.startsWith(`| ${REPO} |`))

  test('the whole summary stays under the 1 MiB GitHub accepts, and under its own limit', () => {
    expect(Buffer.byteLength(md)).toBeLessThan(1024 * 1024)
    expect(Buffer.byteLength(md)).toBeLessThanOrEqual(SUMMARY_LIMIT_BYTES)
  })

  test('every section shows some rows and leaves some out', () => {
    expect(callTable).toBeDefined()
    const shown = [callTable!.rows.length, skippedLines.length, requestRows.length]
    expect(shown.map(n => n > 0)).toEqual([true, true, true])
    expect([shown[0]! < 1000, shown[1]! < 4000, shown[2]! < 6000]).toEqual([true, true, true])
  })

  test('it says how many calls, skipped requests and requests it does not show', () => {
    const notShown = lines.filter(line => line.includes('not shown'))
    expect(notShown).toEqual([
      `${6000 - requestRows.length} more requests not shown: a job summary holds at most 1 MiB. The report-json file lists them all.`,
      `${1000 - callTable!.rows.length} more calls not shown here: a job summary holds at most 1 MiB. The report-json file lists them all.`,
      `${4000 - skippedLines.length} more skipped requests not shown here: a job summary holds at most 1 MiB. The report-json file lists them all.`
    ])
    expect(md).toContain('\n### Reviews: deny\n\n0 succeeded, 1000 failed.\n')
    expect(md).toContain('\n<details><summary>4000 skipped</summary>\n')
  })

  test('what it shows are the first calls and skipped requests, in order', () => {
    expect(callTable!.rows.map(r => plain(r[0]!.tokens))).toEqual(calls.slice(0, callTable!.rows.length).map(c => `secret-scanning-bypass ${REPO} request #${c.number}`))
    expect(skippedLines.map(line => /\\#(\d+): /.exec(line)?.[1])).toEqual(skippedLines.map((_, i) => String(i + 1)))
  })

  test('the tables keep their shape: every line has as many cells as the header, and no row is split or swallowed', () => {
    const ts = tables(md)
    expect(ts.map(t => t.header.length)).toEqual([8, 5])
    for (const t of ts) {
      const raw = t.raw.trim().split('\n')
      expect(raw).toHaveLength(t.rows.length + 2)
      for (const line of raw) expect([line.slice(0, 80), gfmCells(line).length]).toEqual([line.slice(0, 80), t.header.length])
      for (const row of t.rows) expect(row).toHaveLength(t.header.length)
    }
    expect(ts[0]!.rows).toHaveLength(requestRows.length)
  })

  test('no text from a call or a skipped request closes the details block or adds markup', () => {
    expect(md.split('</details>')).toHaveLength(2)
    expect(md.split('<summary>')).toHaveLength(2)
    expect(md).not.toMatch(/<img|\]\(https:\/\/evil|@team/)
  })
})
