import { describe, expect, test } from '@jest/globals'
import { marked, type Token, type Tokens } from 'marked'
import { byUrgency, countRecords } from '../../src/classify.js'
import type { ListFailure } from '../../src/fetch.js'
import { gate } from '../../src/gate.js'
import type { RequestRecord } from '../../src/requests.js'
import { PER_LEVEL, planAnnotations, type Annotation } from '../../src/report/annotations.js'
import { REQUESTS_LIMIT_BYTES, requestsJson } from '../../src/report/outputs.js'
import { link, table } from '../../src/report/markdown.js'
import { COLUMNS, summaryMarkdown } from '../../src/report/summary.js'
import { DAY, HOUR, NOW, plainRecord, record, settingsWith, typeOf } from './record-builders.js'
import type { RequestSpec } from '../fake-github/model.js'

const REPO = 'octo-org/smile'

const bypass = (number: number, more: Partial<RequestSpec> = {}) =>
  record({ kind: 'secret-scanning-bypass', repository: REPO, number, ...more })

/** `n` open requests, stale (30 hours and older) or not (1 to 20 hours), most urgent first. */
function many(n: number, stale: boolean, firstNumber = 1): RequestRecord[] {
  return Array.from({ length: n }, (_, i) => bypass(firstNumber + i, { ageHours: stale ? 30 + i : 1 + (i % 20) })).sort(byUrgency)
}

function levels(annotations: Annotation[]): string[] {
  return annotations.map(a => a.level)
}

function count(annotations: Annotation[], level: string): number {
  return annotations.filter(a => a.level === level).length
}

function failure(typeId: string, reason: string, warningOnly = false): ListFailure {
  return { type: typeOf(typeId), status: warningOnly ? 404 : 403, reason, warningOnly }
}

describe('planAnnotations: levels', () => {
  const records = [
    bypass(1, { ageHours: 50 }),
    bypass(2, { ageHours: 30 }),
    bypass(3, { ageHours: 5 }),
    bypass(4, { ageHours: 2 }),
    bypass(5, { ageHours: 100, status: 'denied' })
  ].sort(byUrgency)

  test('the records are two stale, two open and one denied', () => {
    expect(records.map(r => [r.number, r.stale, r.open])).toEqual([
      [1, true, true],
      [2, true, true],
      [3, false, true],
      [4, false, true],
      [5, false, false]
    ])
  })

  test('fail-on stale: stale ones are errors, other open ones warnings, the denied one nothing', () => {
    const a = planAnnotations(records, settingsWith({ 'fail-on': 'stale' }), NOW)
    expect(levels(a)).toEqual(['error', 'error', 'warning', 'warning'])
    expect(a.map(x => x.properties.title)).toEqual([1, 2, 3, 4].map(n => `Secret scanning bypass request ${REPO}#${n}`))
  })

  test('fail-on open: every open request is an error', () => {
    expect(levels(planAnnotations(records, settingsWith({ 'fail-on': 'open' }), NOW))).toEqual(['error', 'error', 'error', 'error'])
  })

  test('fail-on never: every open request is a warning', () => {
    expect(levels(planAnnotations(records, settingsWith({ 'fail-on': 'never' }), NOW))).toEqual(['warning', 'warning', 'warning', 'warning'])
  })

  test('no open request: no annotation at all', () => {
    const closed = [bypass(1, { status: 'denied' }), bypass(2, { status: 'approved' }), bypass(3, { status: 'expired' })]
    expect(planAnnotations(closed, settingsWith({ 'fail-on': 'open' }), NOW)).toEqual([])
  })
})

describe('planAnnotations: at most 10 per level', () => {
  test('25 stale requests: the 10 most urgent as errors, then one notice for 15', () => {
    const records = many(25, true)
    const a = planAnnotations(records, settingsWith(), NOW)
    expect(PER_LEVEL).toBe(10)
    expect(count(a, 'error')).toBe(10)
    expect(a.slice(0, 10).map(x => x.properties.title)).toEqual(records.slice(0, 10).map(r => `Secret scanning bypass request ${REPO}#${r.number}`))
    expect(a).toHaveLength(11)
    expect(a[10]!.level).toBe('notice')
    expect(a[10]!.message).toMatch(/^15 more open requests are listed/)
    expect(a[10]!.properties.title).toBe('More exemption requests')
  })

  test('12 stale and 13 open: 10 errors, 10 warnings, a notice for 5', () => {
    const records = [...many(12, true), ...many(13, false, 100)]
    const a = planAnnotations(records, settingsWith(), NOW)
    expect([count(a, 'error'), count(a, 'warning'), count(a, 'notice')]).toEqual([10, 10, 1])
    expect(a.at(-1)!.message).toMatch(/^5 more open requests are listed/)
  })

  const runWarning = (n: number): Annotation => ({ level: 'warning', message: `run warning ${n}`, properties: {} })

  test("the step's failure message and the run's warnings take their slots first", () => {
    const records = [...many(12, true), ...many(13, false, 100)]
    const a = planAnnotations(records, settingsWith(), NOW, { stepFails: true, warnings: [runWarning(1), runWarning(2)] })
    // 1 error slot for the failure message; the 2 run warnings are printed first, then 8 request warnings.
    expect([count(a, 'error'), count(a, 'warning')]).toEqual([9, 10])
    expect(a.slice(0, 2).map(x => x.message)).toEqual(['run warning 1', 'run warning 2'])
    expect(a.at(-1)!.message).toMatch(/^8 more open requests are listed/)
  })

  test('a level already full: none of that level, all counted in the notice', () => {
    const warnings = Array.from({ length: 10 }, (_, i) => runWarning(i))
    const a = planAnnotations(many(4, false), settingsWith(), NOW, { warnings })
    expect(levels(a)).toEqual([...warnings.map(() => 'warning'), 'notice'])
    expect(a.at(-1)!.message).toMatch(/^4 more open requests are listed/)
    const b = planAnnotations(many(4, false), settingsWith(), NOW, { warnings: [...warnings, runWarning(10), runWarning(11)] })
    expect(levels(b)).toEqual([...warnings.map(() => 'warning'), 'warning', 'warning', 'notice'])
  })

  test("requests not annotated (annotations: false): only the run's warnings", () => {
    expect(planAnnotations(null, settingsWith(), NOW, { stepFails: true, warnings: [runWarning(1)] })).toEqual([runWarning(1)])
  })

  test('one more: singular', () => {
    const a = planAnnotations(many(11, true), settingsWith(), NOW)
    expect(a.at(-1)!.message).toMatch(/^1 more open request is listed/)
  })

  test('requests that are not open are not counted in the notice', () => {
    const records = [...many(12, true), bypass(200, { status: 'denied' }), bypass(201, { status: 'expired' })]
    const a = planAnnotations(records, settingsWith(), NOW)
    expect(a.at(-1)!.message).toMatch(/^2 more open requests are listed/)
  })

  test('everything fits: no notice', () => {
    const a = planAnnotations([...many(10, true), ...many(10, false, 100)], settingsWith(), NOW)
    expect(count(a, 'notice')).toBe(0)
    expect(a).toHaveLength(20)
  })
})

describe('planAnnotations: file and line', () => {
  const located = (repository: string, path: string) => record({ kind: 'secret-scanning-bypass', repository, number: 7, path, ageHours: 30 })

  test('a request in the repository under check gets file and line', () => {
    const [a] = planAnnotations([located(REPO, 'README.md:17:0')], settingsWith(), NOW)
    expect(a!.properties).toEqual({ title: `Secret scanning bypass request ${REPO}#7`, file: 'README.md', startLine: 17 })
  })

  test('a path with a leading slash is relative to the repository root', () => {
    const [a] = planAnnotations([located(REPO, '/tests/README.md:16:0')], settingsWith(), NOW)
    expect([a!.properties.file, a!.properties.startLine]).toEqual(['tests/README.md', 16])
  })

  test('the repository is compared case-insensitively', () => {
    const [a] = planAnnotations([located(REPO, 'README.md:17:0')], settingsWith({ repository: 'Octo-Org/Smile' }), NOW)
    expect([a!.properties.file, a!.properties.startLine]).toEqual(['README.md', 17])
  })

  test('a path without a line: file only', () => {
    const [a] = planAnnotations([located(REPO, 'src/app.ts')], settingsWith(), NOW)
    expect(a!.properties.file).toBe('src/app.ts')
    expect(a!.properties.startLine).toBeUndefined()
  })

  test('a request in another repository: no file, no line', () => {
    const [a] = planAnnotations([located('octo-org/other', 'README.md:17:0')], settingsWith(), NOW)
    expect(a!.properties).toEqual({ title: 'Secret scanning bypass request octo-org/other#7' })
  })

  test('a repository whose name only starts like the one under check: no file', () => {
    const [a] = planAnnotations([located('octo-org/smile-fork', 'README.md:17:0')], settingsWith(), NOW)
    expect(a!.properties.file).toBeUndefined()
  })

  test('no repository under check (organization scope): no file', () => {
    const s = settingsWith({ scope: 'organization', organization: 'octo-org', repository: '' })
    expect(s.repository).toBeUndefined()
    const [a] = planAnnotations([located(REPO, 'README.md:17:0')], s, NOW)
    expect(a!.properties.file).toBeUndefined()
    expect(a!.properties.startLine).toBeUndefined()
  })
})

describe('planAnnotations: titles and messages', () => {
  test.each<[RequestSpec, string]>([
    [{ kind: 'secret-scanning-bypass', repository: REPO, number: 5 }, `Secret scanning bypass request ${REPO}#5`],
    [{ kind: 'push-ruleset-bypass', repository: REPO, number: 3 }, `Push ruleset bypass request ${REPO}#3`],
    [{ kind: 'secret-scanning-dismissal', repository: REPO, number: 42, alertNumber: 17 }, `Secret scanning alert dismissal request ${REPO}#17`],
    [{ kind: 'code-scanning-dismissal', repository: REPO, number: 43, alertNumber: 4 }, `Code scanning alert dismissal request ${REPO}#4`],
    [{ kind: 'dependabot-dismissal', repository: REPO, number: 44, alertNumber: 9 }, `Dependabot alert dismissal request ${REPO}#9`]
  ])('%j → %s', (spec, title) => {
    const [a] = planAnnotations([record(spec)], settingsWith(), NOW)
    expect(a!.properties.title).toBe(title)
  })

  test('the message names requester, state, age, expiry, reasons, comment and link', () => {
    const r = bypass(5, { ageHours: 30, requester: 'hubot', comment: 'Needed for the demo' })
    const [a] = planAnnotations([r], settingsWith(), NOW)
    expect(a!.message).toBe(
      'Requested by hubot (stale, 1d 6h old, expires in 5d 18h) [used_in_tests, adafruit_io_key]: Needed for the demo ' +
        `https://github.com/${REPO}/exemptions/5`
    )
  })

  test('an expired open request says expired', () => {
    const [a] = planAnnotations([bypass(5, { ageHours: 8 * 24 })], settingsWith(), NOW)
    expect(a!.message).toContain('(stale, 8d old, expired)')
  })
})

describe('requestsJson', () => {
  const multiByte = (n: number, ageHours: number, comment: string) => bypass(n, { ageHours, comment })

  test('under the limit: every record, untouched', () => {
    const records = many(5, true)
    const out = requestsJson(records)
    expect(out.json).toBe(JSON.stringify(records))
    expect([out.count, out.leftOut]).toEqual([5, 0])
    expect(REQUESTS_LIMIT_BYTES).toBe(1_000_000)
  })

  test('no records: an empty array', () => {
    expect(requestsJson([])).toEqual({ json: '[]', count: 0, leftOut: 0 })
  })

  test('over the limit: the most urgent first, at most limit bytes with multi-byte characters, leftOut exact', () => {
    const records = [
      multiByte(1, 90, 'é'.repeat(300)),
      multiByte(2, 80, '😀'.repeat(200)),
      multiByte(3, 70, '日本語'.repeat(100)),
      multiByte(4, 60, 'ü'.repeat(250)),
      multiByte(5, 50, '🔑'.repeat(150)),
      multiByte(6, 5, 'ß'.repeat(100))
    ].sort(byUrgency)
    const full = Buffer.byteLength(JSON.stringify(records))
    expect(full).toBeGreaterThan(JSON.stringify(records).length) // multi-byte characters are in play
    for (const limit of [full - 1, Math.floor(full * 0.75), Math.floor(full / 2), 2500, 1200]) {
      const out = requestsJson(records, limit)
      const kept = records.length - out.leftOut
      expect(Buffer.byteLength(out.json)).toBeLessThanOrEqual(limit)
      expect(JSON.parse(out.json)).toEqual(JSON.parse(JSON.stringify(records.slice(0, kept))))
      expect(out.json).toBe(JSON.stringify(records.slice(0, kept)))
      // The next record would not have fit.
      expect(Buffer.byteLength(JSON.stringify(records.slice(0, kept + 1)))).toBeGreaterThan(limit)
      expect(out.leftOut).toBeGreaterThan(0)
      expect(out.count).toBe(6)
    }
  })

  test('exactly at the limit: all kept; one byte under: the last left out', () => {
    const records = many(4, true)
    const full = Buffer.byteLength(JSON.stringify(records))
    expect(requestsJson(records, full).leftOut).toBe(0)
    const under = requestsJson(records, full - 1)
    expect(under.leftOut).toBe(1)
    expect(under.json).toBe(JSON.stringify(records.slice(0, 3)))
  })

  test('nothing fits: an empty array, all left out', () => {
    expect(requestsJson(many(3, true), 50)).toEqual({ json: '[]', count: 3, leftOut: 3 })
  })

  test('the default limit holds with about 2 MB of records', () => {
    const records = Array.from({ length: 200 }, (_, i) => multiByte(i + 1, 30 + i, `€ ${i} `.repeat(1400))).sort(byUrgency)
    expect(Buffer.byteLength(JSON.stringify(records))).toBeGreaterThan(2 * REQUESTS_LIMIT_BYTES)
    const out = requestsJson(records)
    expect(Buffer.byteLength(out.json)).toBeLessThanOrEqual(REQUESTS_LIMIT_BYTES)
    const kept = records.length - out.leftOut
    expect(kept).toBeGreaterThan(0)
    expect((JSON.parse(out.json) as RequestRecord[]).map(r => r.number)).toEqual(records.slice(0, kept).map(r => r.number))
    expect(Buffer.byteLength(JSON.stringify(records.slice(0, kept + 1)))).toBeGreaterThan(REQUESTS_LIMIT_BYTES)
  })
})

/** The visible text of inline tokens (escapes resolved, link text kept). */
function plain(tokens: Token[] | undefined): string {
  return (tokens ?? [])
    .map(t => ('tokens' in t && Array.isArray(t.tokens) ? plain(t.tokens) : 'text' in t ? String(t.text) : ''))
    .join('')
}

/** Cells of a GFM table line: split on pipes not escaped by a backslash, outer pipes dropped. */
function gfmCells(line: string): string[] {
  const cells: string[] = []
  let current = ''
  for (let i = 0; i < line.length; i++) {
    const c = line[i]!
    if (c === '\\' && i + 1 < line.length) {
      current += c + line[i + 1]
      i++
    } else if (c === '|') {
      cells.push(current)
      current = ''
    } else current += c
  }
  cells.push(current)
  if (cells[0]!.trim() === '') cells.shift()
  if (cells.length > 0 && cells.at(-1)!.trim() === '') cells.pop()
  return cells
}

function tables(markdown: string): Tokens.Table[] {
  return marked.lexer(markdown).filter((t): t is Tokens.Table => t.type === 'table')
}

describe('link', () => {
  function onlyLink(markdown: string): Tokens.Link {
    const tokens = marked.lexer(markdown)
    expect(tokens).toHaveLength(1)
    const paragraph = tokens[0] as Tokens.Paragraph
    expect(paragraph.type).toBe('paragraph')
    expect(paragraph.tokens).toHaveLength(1)
    const l = paragraph.tokens[0] as Tokens.Link
    expect(l.type).toBe('link')
    return l
  }

  test('an https URL becomes a link', () => {
    expect(link('#17', 'https://github.com/octo-org/smile/security/secret-scanning/17')).toBe(
      '[#17](https://github.com/octo-org/smile/security/secret-scanning/17)'
    )
  })

  test('an http URL becomes a link', () => {
    expect(onlyLink(link('#1', 'http://ghe.example.test/o/r/exemptions/1')).href).toBe('http://ghe.example.test/o/r/exemptions/1')
  })

  test.each(['javascript:alert(1)', 'JAVASCRIPT:alert(1)', 'data:text/html,<b>x</b>', 'ftp://example.test/x', 'vbscript:x', 'not a url', '', '/relative/path'])(
    '%j is not linked: the text alone',
    url => {
      expect(link('#1', url)).toBe('#1')
    }
  )

  test.each([
    ['parentheses', 'https://x.test/a)b(c)d'],
    ['a closing parenthesis and bracket', 'https://x.test/a)](https://evil.test/'],
    ['spaces', 'https://x.test/a b/c d?q=e f#g h'],
    ['angle brackets and quotes', 'https://x.test/a<b>"c\'d'],
    ['backticks and brackets', 'https://x.test/a`b[c]d'],
    ['a title-like tail', 'https://x.test/a "title"'],
    ['pipes', 'https://x.test/a|b?c=d|e']
  ])('%s cannot close the link', (_name, url) => {
    const l = onlyLink(link('#9', url))
    expect(l.text).toBe('#9')
    expect(l.title ?? null).toBeNull()
    // The link points at the same place the URL does.
    expect(new URL(l.href).host).toBe('x.test')
    expect(decodeURIComponent(new URL(l.href).pathname)).toBe(decodeURIComponent(new URL(url).pathname))
  })

  test('a URL with pipes and parentheses in a table cell splits nothing', () => {
    const md = table(['Number', 'Next'], [[link('#1', 'https://x.test/a|b)c|d'), 'after']]).join('\n')
    const [t] = tables(md)
    expect(t!.rows).toHaveLength(1)
    expect(gfmCells(md.split('\n')[2]!)).toHaveLength(2)
    expect(plain(t!.rows[0]![1]!.tokens)).toBe('after')
    expect((t!.rows[0]![0]!.tokens[0] as Tokens.Link).type).toBe('link')
  })

  test('percent-encoded reserved characters keep their meaning', () => {
    expect(onlyLink(link('#1', 'https://x.test/a%23b?q=1%262')).href).toBe('https://x.test/a%23b?q=1%262')
  })
})

describe('table', () => {
  test('a header, a separator and one line per row', () => {
    expect(table(['A', 'B'], [['1', '2'], ['3', '4']])).toEqual(['| A | B |', '| --- | --- |', '| 1 | 2 |', '| 3 | 4 |'])
  })

  test('marked reads the columns and rows back', () => {
    const [t] = tables(table(COLUMNS, [COLUMNS.map((_, i) => `c${i}`)]).join('\n'))
    expect(t!.header.map(h => h.text)).toEqual(COLUMNS)
    expect(t!.rows.map(r => r.map(c => c.text))).toEqual([COLUMNS.map((_, i) => `c${i}`)])
  })

  test('no rows: header and separator only', () => {
    expect(table(['A'], [])).toEqual(['| A |', '| --- |'])
  })
})

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
    expect(ts[1]!.rows.map(r => plain(r[1]!.tokens))).toEqual(['#1', '#2'])
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
    expect(plain(row[1]!.tokens)).toBe('#17')
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
      ['#1', 'expired'],
      ['#2', '5d 18h'],
      ['#3', '—']
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

describe('gate', () => {
  const openOnly = () => [bypass(1, { ageHours: 2 }), bypass(2, { ageHours: 5 })].sort(byUrgency)
  const withStale = () => [bypass(1, { ageHours: 2 }), bypass(2, { ageHours: 30 })].sort(byUrgency)
  const closedOnly = () => [bypass(1, { ageHours: 90, status: 'denied' }), bypass(2, { ageHours: 50, status: 'approved' })]

  test.each<[string, () => RequestRecord[], Record<string, boolean>]>([
    ['no records', () => [], { open: false, stale: false, never: false }],
    ['open, none stale', openOnly, { open: true, stale: false, never: false }],
    ['one stale', withStale, { open: true, stale: true, never: false }],
    ['none open', closedOnly, { open: false, stale: false, never: false }]
  ])('%s', (_name, make, expected) => {
    for (const failOn of ['open', 'stale', 'never'] as const) {
      const verdict = gate({ records: make(), failures: [], failOn, planErrors: [] })
      expect([failOn, verdict.failed]).toEqual([failOn, expected[failOn]])
      expect(verdict.messages.length > 0).toBe(verdict.failed)
    }
  })

  test('the message names the counts, fail-on, the oldest failing request and its age', () => {
    const records = [
      bypass(1, { ageHours: 30 }),
      record({ kind: 'secret-scanning-dismissal', repository: REPO, number: 42, alertNumber: 17, ageHours: 75.5 }),
      bypass(3, { ageHours: 40 }),
      bypass(4, { ageHours: 3 })
    ]
    const verdict = gate({ records, failures: [], failOn: 'stale', planErrors: [] })
    expect(verdict.messages).toEqual([
      '4 open exemption requests (3 stale) matched, failing because fail-on is stale. ' +
        `The oldest is secret-scanning-dismissal ${REPO}#17, open for 3d 3h.`
    ])
  })

  test('fail-on open: the oldest open request, stale or not', () => {
    const records = [bypass(1, { ageHours: 3 }), bypass(2, { ageHours: 20 }), bypass(3, { ageHours: 500, status: 'denied' })]
    const verdict = gate({ records, failures: [], failOn: 'open', planErrors: [] })
    expect(verdict.messages).toEqual([
      `2 open exemption requests (0 stale) matched, failing because fail-on is open. The oldest is secret-scanning-bypass ${REPO}#2, open for 20h.`
    ])
  })

  test('one request: singular', () => {
    const verdict = gate({ records: [bypass(1, { ageHours: 26 })], failures: [], failOn: 'stale', planErrors: [] })
    expect(verdict.messages[0]).toMatch(/^1 open exemption request \(1 stale\) matched/)
    expect(verdict.messages[0]).toContain('open for 1d 2h')
  })

  test('a list that could not be read fails closed', () => {
    for (const failOn of ['open', 'stale'] as const) {
      const verdict = gate({
        records: [],
        failures: [failure('code-scanning-dismissal', 'GitHub answered 403 to GET /repos/octo-org/smile/dismissal-requests/code-scanning.')],
        failOn,
        planErrors: []
      })
      expect(verdict.failed).toBe(true)
      expect(verdict.messages).toHaveLength(1)
      expect(verdict.messages[0]).toContain('Could not list code-scanning-dismissal: GitHub answered 403')
      expect(verdict.messages[0]).toContain('fails closed')
    }
  })

  test('a skipped list (feature off, reached through all) does not fail', () => {
    const verdict = gate({ records: openOnly(), failures: [failure('dependabot-dismissal', 'Not enabled.', true)], failOn: 'stale', planErrors: [] })
    expect(verdict).toEqual({ failed: false, messages: [] })
  })

  test('failures and failing requests are all reported, failures first', () => {
    const verdict = gate({
      records: withStale(),
      failures: [failure('code-scanning-dismissal', 'A.'), failure('dependabot-dismissal', 'B.', true), failure('secret-scanning-dismissal', 'C.')],
      failOn: 'stale',
      planErrors: []
    })
    expect(verdict.failed).toBe(true)
    expect(verdict.messages).toHaveLength(3)
    expect(verdict.messages[0]).toContain('code-scanning-dismissal: A.')
    expect(verdict.messages[1]).toContain('secret-scanning-dismissal: C.')
    expect(verdict.messages[2]).toMatch(/^2 open exemption requests \(1 stale\)/)
  })

  test('a refused review plan and failed review calls fail the step, after the other reasons', () => {
    const reviews = { review: 'deny', dryRun: false, calls: [], skipped: [], errors: [], reviewed: 1, failures: 2 }
    const threeCalls = { ...reviews, calls: [1, 2, 3].map(n => ({ type: 'secret-scanning-bypass' as const, repository: REPO, number: n, action: 'deny', method: 'PATCH', path: '/x', status: 422, ok: n === 1 })) }
    const verdict = gate({ records: withStale(), failures: [], failOn: 'never', planErrors: ['Unknown target x.'], reviews: threeCalls })
    expect(verdict).toEqual({
      failed: true,
      messages: ['The review plan was refused; nothing was reviewed:', 'Unknown target x.', '2 of 3 review calls failed.']
    })
    expect(gate({ records: [], failures: [], failOn: 'stale', planErrors: [], reviews: { ...threeCalls, failures: 0 } }).failed).toBe(false)
  })

  test('countRecords', () => {
    expect(countRecords([...withStale(), ...closedOnly()])).toEqual({ total: 4, open: 2, stale: 1 })
    expect(countRecords([])).toEqual({ total: 0, open: 0, stale: 0 })
  })

  test('ages past a day read in days and hours', () => {
    const verdict = gate({ records: [bypass(1, { ageHours: 24 * 9 + 5 })], failures: [], failOn: 'open', planErrors: [] })
    expect(verdict.messages[0]).toContain('open for 9d 5h.')
    expect(DAY).toBe(24 * HOUR)
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
    expect(rows[0]).toContain('[#1](')
    expect(rows[rows.length - 1]).toContain(`[#${rows.length}](`)
  })

  test('a summary that fits is not cut', () => {
    const records = Array.from({ length: 50 }, (_, i) => plainRecord({ number: i + 1, id: i + 1 }))
    const md = summaryMarkdown({ settings: settingsWith(), now: NOW, records, failures: [] })
    expect(md).not.toContain('not shown')
    expect(md.split('\n').filter(line => line.startsWith('| octo-org/smile |'))).toHaveLength(50)
  })
})
