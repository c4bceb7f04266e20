/**
 * The reports of a run, from the bundled action against the fake GitHub:
 * annotations (order, levels, the per-level limit, file and line), the job
 * summary (headline, one table per type, rows, hostile comments parsed as
 * GitHub-flavoured Markdown), the report files and the `requests` output.
 */
import { describe, expect, test } from '@jest/globals'
import { marked, type Token, type Tokens } from 'marked'
import { makeRequest, render, type StoredRequest } from '../fake-github/model.js'
import type { Annotation, RunResult } from '../fake-github/runner.js'
import { REQUEST_TYPES } from '../../src/request-types.js'
import { columnsOf } from '../../src/report/summary.js'
import { RECORD_FIELDS } from '../fixtures/record-fields.js'
import { shownAs, useHarness } from './helpers.js'
import { rawCellCount } from './markdown.js'

const h = useHarness()

const REPO = 'octo-org/smile'
const KIND_IDS = ['secret-scanning-bypass', 'push-ruleset-bypass', 'secret-scanning-dismissal', 'code-scanning-dismissal', 'dependabot-dismissal']

function titleOf(typeId: string): string {
  const type = REQUEST_TYPES.find(t => t.id === typeId)
  if (!type) throw new Error(`no type ${typeId}`)
  return type.title
}

/** Annotations written for requests (they carry a title naming the request). */
function requestAnnotations(r: RunResult): Annotation[] {
  return r.annotations.filter(a => a.level !== 'notice' && / (?:alert|request) #\d+/.test(a.properties.title ?? ''))
}

/** The request number an annotation's title names in the repository. */
function numberIn(annotation: Annotation, repository = REPO): number {
  const match = new RegExp(`${repository.replace('/', '\\/')} (?:alert|request) #(\\d+)`).exec(annotation.properties.title ?? '')
  if (!match) throw new Error(`no ${repository} alert/request #N in title ${annotation.properties.title}`)
  return Number(match[1])
}

function failureMessage(r: RunResult): string | undefined {
  return r.annotations.filter(a => a.level === 'error' && Object.keys(a.properties).length === 0).at(-1)?.message
}

interface RecordJson {
  [field: string]: unknown
  id: number
  type: string
  open: boolean
}

function reportJson(r: RunResult): { requests: RecordJson[] } {
  return JSON.parse(r.reportJson!) as { requests: RecordJson[] }
}

// ---------------------------------------------------------------- Markdown helpers

function decodeEntities(text: string): string {
  return text
    .replace(/&#(\d+);/g, (_, n: string) => String.fromCodePoint(Number(n)))
    .replace(/&#x([0-9a-f]+);/gi, (_, n: string) => String.fromCodePoint(parseInt(n, 16)))
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&amp;/g, '&')
}

/** What a reader sees of a table cell: its inline Markdown rendered, tags removed, entities decoded. */
function plain(cell: Tokens.TableCell): string {
  const html = marked.parseInline(cell.text) as string
  return decodeEntities(html.replace(/<[^>]*>/g, '')).trim()
}

/** The first link inside a cell's inline tokens. */
function linkIn(tokens: Token[] | undefined): Tokens.Link | undefined {
  for (const token of tokens ?? []) {
    if (token.type === 'link') return token as Tokens.Link
    const inner = linkIn((token as { tokens?: Token[] }).tokens)
    if (inner) return inner
  }
  return undefined
}

interface TypeTable {
  heading: string
  table: Tokens.Table
}

/** Each level-3 heading followed by a table. */
/** The per-type tables: each under its heading `<Type title>s (N)`. */
function typeTables(markdown: string): TypeTable[] {
  const tokens = marked.lexer(markdown).filter(t => t.type !== 'space')
  const tables: TypeTable[] = []
  tokens.forEach((token, i) => {
    if (token.type !== 'table') return
    const before = tokens[i - 1]
    const heading = before?.type === 'heading' ? (before as Tokens.Heading).text : ''
    if (REQUEST_TYPES.some(t => heading.startsWith(`${t.title}s (`))) tables.push({ heading, table: token as Tokens.Table })
  })
  return tables
}

/** The Act first table. */
function actFirstTable(markdown: string): Tokens.Table | undefined {
  const tokens = marked.lexer(markdown)
  const at = tokens.findIndex(t => t.type === 'heading' && (t as Tokens.Heading).text === 'Act first')
  return at < 0 ? undefined : (tokens.slice(at).find(t => t.type === 'table') as Tokens.Table | undefined)
}

function tableOf(tables: TypeTable[], typeId: string): Tokens.Table {
  const found = tables.filter(t => t.heading.toLowerCase().includes(titleOf(typeId).toLowerCase()) || t.heading.includes(typeId))
  if (found.length !== 1) throw new Error(`expected one table for ${typeId}, found ${found.length}: ${tables.map(t => t.heading).join(' / ')}`)
  return found[0]!.table
}

// ---------------------------------------------------------------- annotations

describe('annotations', () => {
  test('25 open requests: errors for the oldest stale ones, warnings for the oldest open ones, 10 per level, then one notice', async () => {
    const stale = Array.from({ length: 13 }, (_, i) => ({ ageHours: 30 + 7 * i }))
    const young = Array.from({ length: 12 }, (_, i) => ({ ageHours: 1 + 1.5 * i }))
    // Interleaved, numbered out of age order, across all five types.
    const specs = [...stale, ...young].map((s, i) => ({ ...s, number: ((i * 7) % 25) + 1, kind: KIND_IDS[i % 5]! }))
    const shuffled = specs.filter((_, i) => i % 2 === 1).concat(specs.filter((_, i) => i % 2 === 0))
    h.fake.requests = shuffled.map(s => makeRequest({ kind: s.kind, repository: REPO, number: s.number, ageHours: s.ageHours }))
    const byNumber = new Map(specs.map(s => [s.number, s]))

    const r = await h.run({ 'fail-on': 'stale' })
    expect(r.code).toBe(1)
    expect(r.outputs.open).toBe('25')
    expect(r.outputs.stale).toBe('13')

    const annotated = requestAnnotations(r)
    const errors = annotated.filter(a => a.level === 'error')
    const warnings = annotated.filter(a => a.level === 'warning')

    // GitHub shows 10 errors and 10 warnings per step: the levels are full, and never over.
    const allErrors = r.annotations.filter(a => a.level === 'error')
    const allWarnings = r.annotations.filter(a => a.level === 'warning')
    expect(allErrors).toHaveLength(10)
    expect(allWarnings).toHaveLength(10)
    // The step's failure message is one of the 10 errors shown; the request errors take the others.
    const otherErrors = allErrors.filter(a => !errors.includes(a))
    expect(otherErrors).toHaveLength(1)
    expect(otherErrors[0]).toBe(r.annotations.filter(a => a.level === 'error' && Object.keys(a.properties).length === 0).at(-1))
    expect(otherErrors[0]!.message).toMatch(/\b13 stale\b/)

    const oldestFirst = (list: typeof specs) => [...list].sort((a, b) => b.ageHours - a.ageHours).map(s => s.number)
    const expectedErrors = oldestFirst(specs.filter(s => s.ageHours >= 24)).slice(0, 10 - otherErrors.length)
    const expectedWarnings = oldestFirst(specs.filter(s => s.ageHours < 24)).slice(0, 10)
    expect(errors.map(a => numberIn(a))).toEqual(expectedErrors)
    expect(warnings.map(a => numberIn(a))).toEqual(expectedWarnings)

    // Titles name the type and the request.
    for (const a of annotated) {
      const kind = byNumber.get(numberIn(a))!.kind
      expect(a.properties.title).toContain(shownAs(REPO, kind, numberIn(a)))
      expect(a.properties.title!.includes(titleOf(kind)) || a.properties.title!.includes(kind)).toBe(true)
    }

    // Print order: every request error before every warning, then the notice.
    const order = r.annotations.filter(a => annotated.includes(a) || a.level === 'notice')
    const lastError = order.map(a => a.level).lastIndexOf('error')
    const firstWarning = order.findIndex(a => a.level === 'warning')
    const notices = r.annotations.filter(a => a.level === 'notice')
    expect(lastError).toBeLessThan(firstWarning)
    expect(notices).toHaveLength(1)
    expect(order.indexOf(notices[0]!)).toBe(order.length - 1)
    // The requests not annotated are counted.
    const more = 25 - annotated.length
    expect(more).toBe(25 - expectedErrors.length - expectedWarnings.length)
    expect(notices[0]!.message).toMatch(new RegExp(`\\b${more} more\\b`))
    expect(notices[0]!.message).toMatch(/job summary/i)
  })

  function fewRequests(): StoredRequest[] {
    return [
      makeRequest({ kind: 'secret-scanning-bypass', repository: REPO, number: 1, ageHours: 40 }),
      makeRequest({ kind: 'dependabot-dismissal', repository: REPO, number: 2, ageHours: 30 }),
      makeRequest({ kind: 'push-ruleset-bypass', repository: REPO, number: 3, ageHours: 26 }),
      makeRequest({ kind: 'code-scanning-dismissal', repository: REPO, number: 4, ageHours: 10 }),
      makeRequest({ kind: 'secret-scanning-dismissal', repository: REPO, number: 5, ageHours: 3 }),
      makeRequest({ kind: 'secret-scanning-bypass', repository: REPO, number: 6, ageHours: 1 })
    ]
  }

  test('fail-on open: every open request is an error, oldest first', async () => {
    h.fake.requests = fewRequests()
    const r = await h.run({ 'fail-on': 'open' })
    expect(r.code).toBe(1)
    const annotated = requestAnnotations(r)
    expect(annotated.map(a => a.level)).toEqual(Array(6).fill('error'))
    expect(annotated.map(a => numberIn(a))).toEqual([1, 2, 3, 4, 5, 6])
    expect(r.annotations.filter(a => a.level === 'notice')).toEqual([])
  })

  test('fail-on never: every open request is a warning, stale ones first', async () => {
    h.fake.requests = fewRequests()
    const r = await h.run({ 'fail-on': 'never' })
    expect(r.code).toBe(0)
    const annotated = requestAnnotations(r)
    expect(annotated.map(a => a.level)).toEqual(Array(6).fill('warning'))
    expect(annotated.map(a => numberIn(a))).toEqual([1, 2, 3, 4, 5, 6])
    expect(r.annotations.filter(a => a.level === 'error')).toEqual([])
  })

  test('annotations: false writes none, but the gate message still appears', async () => {
    h.fake.requests = fewRequests()
    const r = await h.run({ annotations: 'false', 'fail-on': 'stale' })
    expect(r.code).toBe(1)
    expect(requestAnnotations(r)).toEqual([])
    expect(r.annotations.filter(a => a.level === 'notice' || a.level === 'warning')).toEqual([])
    const message = failureMessage(r)
    expect(message).toMatch(/\b3 stale\b/)
    expect(message).toContain(shownAs(REPO, 'secret-scanning-bypass', 1))
  })

  test('a dismissal request is named by the same alert number, labelled, in its annotation, the failure message, the log, the summary and its target', async () => {
    // review-targets address dismissal requests by alert number, so every report must name that one.
    h.fake.requests = [makeRequest({ kind: 'dependabot-dismissal', repository: REPO, number: 2, alertNumber: 41, ageHours: 30 })]
    const r = await h.run({ 'fail-on': 'stale' })
    expect(r.code).toBe(1)
    const [annotation] = requestAnnotations(r)
    expect(annotation).toBeDefined()
    const inSummary = /\[alert #(\d+)\]\(/.exec(r.summary)?.[1]
    const inLog = new RegExp(`dependabot-dismissal ${REPO} alert #(\\d+)`).exec(r.stdout.split('\n').find(l => l.startsWith('[stale]')) ?? '')?.[1]
    expect(inSummary).toBe('41')
    expect(inLog).toBe('41')
    expect(numberIn(annotation!)).toBe(41)
    expect(failureMessage(r)).toContain(shownAs(REPO, 'dependabot-dismissal', 41))
    const [record] = reportJson(r).requests
    expect([record?.number, record?.alert_number, record?.target]).toEqual([2, 41, `dependabot-dismissal:${REPO}#41`])
  })

  describe('file and line', () => {
    function located(): StoredRequest[] {
      return [
        makeRequest({ kind: 'secret-scanning-bypass', repository: REPO, number: 1, ageHours: 3, path: '/tests/README.md:16:0' }),
        makeRequest({ kind: 'secret-scanning-bypass', repository: REPO, number: 2, ageHours: 4, path: 'README.md:17:0' }),
        makeRequest({ kind: 'secret-scanning-bypass', repository: 'octo-org/other', number: 3, ageHours: 5, path: 'README.md:17:0' })
      ]
    }

    function byRequest(r: RunResult): Map<string, Annotation> {
      const map = new Map<string, Annotation>()
      for (const a of requestAnnotations(r)) map.set(/([\w.-]+\/[\w.-]+ (?:alert|request) #\d+)/.exec(a.properties.title!)![1]!, a)
      return map
    }

    test('requests in the repository under check point at their file and line; others do not', async () => {
      h.fake.requests = located()
      const r = await h.run({ scope: 'organization', 'fail-on': 'never' })
      expect(r.code).toBe(0)
      const a = byRequest(r)
      expect(a.size).toBe(3)
      expect(a.get('octo-org/smile request #1')!.properties).toMatchObject({ file: 'tests/README.md', line: '16' })
      expect(a.get('octo-org/smile request #2')!.properties).toMatchObject({ file: 'README.md', line: '17' })
      expect(a.get('octo-org/other request #3')!.properties.file).toBeUndefined()
      expect(a.get('octo-org/other request #3')!.properties.line).toBeUndefined()
    })

    test('the `repository` input chooses the repository under check', async () => {
      h.fake.requests = located()
      const r = await h.run({ scope: 'organization', repository: 'octo-org/other', 'fail-on': 'never' })
      expect(r.code).toBe(0)
      const a = byRequest(r)
      expect(a.size).toBe(3)
      expect(a.get('octo-org/other request #3')!.properties).toMatchObject({ file: 'README.md', line: '17' })
      expect(a.get('octo-org/smile request #1')!.properties.file).toBeUndefined()
      expect(a.get('octo-org/smile request #2')!.properties.file).toBeUndefined()
    })
  })
})

// ---------------------------------------------------------------- job summary

describe('job summary', () => {
  const LONG_COMMENT = Array.from({ length: 30 }, (_, i) => `word${i}`).join(' ') + ' rotating this key next sprint '.repeat(5)

  function summaryRequests(): StoredRequest[] {
    const expired = makeRequest({ kind: 'push-ruleset-bypass', repository: REPO, number: 15, ageHours: 10, ruleset: 'No binaries' })
    expired.expires_at = new Date(Date.now() - 3_600_000).toISOString().replace(/\.\d{3}Z$/, 'Z')
    return [
      makeRequest({
        kind: 'dependabot-dismissal',
        repository: REPO,
        number: 11,
        alertNumber: 41,
        ageHours: 50.3,
        requester: 'octocat',
        comment: 'Only used in dev tooling'
      }),
      makeRequest({
        kind: 'secret-scanning-bypass',
        repository: REPO,
        number: 12,
        ageHours: 30.5,
        reason: 'false_positive',
        secretType: 'slack_api_token',
        comment: LONG_COMMENT
      }),
      makeRequest({ kind: 'secret-scanning-bypass', repository: REPO, number: 13, ageHours: 3 }),
      makeRequest({ kind: 'code-scanning-dismissal', repository: REPO, number: 14, alertNumber: 7, ageHours: 2 }),
      expired,
      makeRequest({ kind: 'secret-scanning-dismissal', repository: REPO, number: 16, ageHours: 60, status: 'denied' })
    ]
  }

  test('headline, one table per type (most urgent first) and the rows', async () => {
    const stored = summaryRequests()
    h.fake.requests = stored
    const r = await h.run({ 'request-status': 'all', 'time-period': 'week', 'fail-on': 'never' })
    expect(r.code).toBe(0)
    expect(r.summary.length).toBeGreaterThan(0)

    // Headline: counts by state, scope, time window.
    const headline = r.summary.slice(0, r.summary.indexOf('|')).replace(/\*/g, '')
    expect(headline).toMatch(/\b2 stale\b/)
    expect(headline).toMatch(/\b5 open\b/)
    expect(headline).toMatch(/\b6 matched\b|\b6 (requests|total)\b/)
    expect(headline).toContain(REPO)
    expect(headline).toContain('repository')
    expect(headline).toContain('week')

    // One table per type, ordered by the most urgent request each holds.
    const tables = typeTables(r.summary)
    expect(tables).toHaveLength(5)
    // The push ruleset request is past its expiry while still open: expiring, so most urgent.
    const expectedOrder = ['push-ruleset-bypass', 'dependabot-dismissal', 'secret-scanning-bypass', 'code-scanning-dismissal', 'secret-scanning-dismissal']
    expect(tables.map(t => expectedOrder.find(id => t.heading.toLowerCase().includes(titleOf(id).toLowerCase())))).toEqual(expectedOrder)
    for (const { heading, table } of tables) {
      const type = REQUEST_TYPES.find(t => heading.startsWith(`${t.title}s (`))!
      expect(table.header.map(c => c.text)).toEqual(columnsOf(type))
      expect(table.header.length).toBeLessThanOrEqual(7)
    }

    // The stale Dependabot row, cell by cell: request, requester, status · age, time left, reason, comment.
    const dependabot = tableOf(tables, 'dependabot-dismissal')
    expect(dependabot.rows).toHaveLength(1)
    const d = dependabot.rows[0]!
    const dLink = linkIn(d[0]!.tokens)
    expect(dLink?.href).toBe((render(stored[0]!) as { html_url: string }).html_url)
    expect(dLink?.href).toBe('https://github.com/octo-org/smile/security/dependabot/41')
    expect(plain(d[0]!)).toBe(`${REPO} alert #41`)
    expect(plain(d[1]!)).toBe('octocat')
    expect(plain(d[2]!)).toBe('stale · 2d\u00a02h')
    expect(plain(d[3]!)).toBe('4d\u00a021h')
    expect(plain(d[4]!)).toBe('tolerable_risk')
    expect(plain(d[5]!)).toBe('Only used in dev tooling')

    // Secret scanning bypass: stale one first, secret type and reason, branch and file, comment cut.
    const bypass = tableOf(tables, 'secret-scanning-bypass')
    expect(bypass.rows.map(row => linkIn(row[0]!.tokens)?.href)).toEqual([
      'https://github.com/octo-org/smile/exemptions/12',
      'https://github.com/octo-org/smile/exemptions/13'
    ])
    const [b12, b13] = bypass.rows as [Tokens.TableCell[], Tokens.TableCell[]]
    expect(plain(b12[0]!)).toBe(`${REPO} request #12`)
    expect(plain(b12[2]!)).toBe('stale · 1d\u00a06h')
    expect(plain(b12[4]!)).toBe('slack_api_token · false_positive')
    expect(plain(b12[5]!)).toBe('main · README.md:17')
    const cut = plain(b12[6]!)
    expect(LONG_COMMENT.length).toBeGreaterThan(200)
    expect(cut.length).toBeGreaterThanOrEqual(100)
    expect(cut.length).toBeLessThanOrEqual(125)
    expect(LONG_COMMENT.startsWith(cut.replace(/(…|\.\.\.)$/, '').trimEnd())).toBe(true)
    expect(plain(b13[2]!)).toBe('open · 3h')
    expect(plain(b13[1]!)).toBe('monalisa')

    // Expired, and the ruleset.
    const ruleset = tableOf(tables, 'push-ruleset-bypass').rows[0]!
    expect(plain(ruleset[3]!)).toBe('⚠️\u00a0expired')
    expect(plain(ruleset[4]!)).toContain('No binaries')

    // Code scanning: linked with the alert's URL.
    const code = tableOf(tables, 'code-scanning-dismissal').rows[0]!
    expect(linkIn(code[0]!.tokens)?.href).toBe('https://github.com/octo-org/smile/code-scanning/alerts/7')
    expect(plain(code[2]!)).toBe('open · 2h')

    // A request that is no longer open shows its status.
    const denied = tableOf(tables, 'secret-scanning-dismissal').rows[0]!
    expect(plain(denied[2]!)).toBe('denied · 2d\u00a012h')

    // Act first: the open requests, soonest expiry first; the expired-but-open one leads, marked.
    const act = actFirstTable(r.summary)!
    expect(act.header.map(c => c.text)).toEqual(['Type', 'Request', 'Requester', 'Age', 'Time left'])
    expect(act.rows.length).toBe(5)
    expect(act.rows.map(row => plain(row[0]!))[0]).toBe('push-ruleset-bypass')
    expect(plain(act.rows[0]![4]!)).toBe('⚠️\u00a0expired')
    expect(act.rows.map(row => linkIn(row[1]!.tokens)?.href)).toContain('https://github.com/octo-org/smile/security/dependabot/41')
  })

  test('an empty result gives one clear line and no table', async () => {
    const r = await h.run({ 'fail-on': 'open' })
    expect(r.code).toBe(0)
    expect(r.outputs.total).toBe('0')
    expect(marked.lexer(r.summary).filter(t => t.type === 'table')).toEqual([])
    expect(r.summary).not.toContain('| ---')
    expect(r.summary).toMatch(/^No[^\n|]*requests?[^\n|]*\.?$/im)
  })

  test('job-summary: false writes nothing to the summary, the report-markdown file still exists', async () => {
    h.fake.requests = summaryRequests()
    const r = await h.run({ 'job-summary': 'false', 'fail-on': 'never' })
    expect(r.code).toBe(0)
    expect(r.summary).toBe('')
    expect(r.outputs['report-markdown']).toBeTruthy()
    // The file the output names was there to read.
    expect(r.reportMarkdown).toBeDefined()
    const markdown = r.reportMarkdown!
    expect(typeTables(markdown)).toHaveLength(4)
    expect(markdown).toContain('https://github.com/octo-org/smile/exemptions/12')
  })

  test('hostile comments parse as GitHub-flavoured Markdown without breaking a table or injecting HTML or links', async () => {
    const hostile: [string, string][] = [
      ['M1', 'M1 a | b | c'],
      ['M2', 'M2 first line\nsecond line'],
      ['M3', 'M3 first\r\nsecond'],
      ['M4', 'M4 use `code` and ``` fences'],
      ['M5', 'M5 <b>html</b> bold'],
      ['M6', 'M6 <img src=x onerror=alert(1)> image'],
      ['M7', 'M7 [link](javascript:alert(1)) click'],
      ['M8', 'M8 ' + 'z'.repeat(10_000)]
    ]
    h.fake.requests = hostile.map(([, comment], i) =>
      makeRequest({ kind: i % 2 === 0 ? 'secret-scanning-bypass' : 'dependabot-dismissal', repository: REPO, number: i + 1, ageHours: 2 + i, comment })
    )
    const r = await h.run({ 'fail-on': 'never' })
    expect(r.code).toBe(0)

    const tables = typeTables(r.summary)
    expect(tables).toHaveLength(2)
    const rows = tables.flatMap(t => t.table.rows)
    expect(rows).toHaveLength(hostile.length)
    for (const { heading, table } of tables) {
      const width = columnsOf(REQUEST_TYPES.find(t => heading.startsWith(`${t.title}s (`))!).length
      expect(table.header).toHaveLength(width)
      for (const row of table.rows) expect(row).toHaveLength(width)
      // The raw lines too: GFM splits on unescaped pipes, so each line must have exactly as many cells as the header.
      const lines = table.raw.split('\n').filter(l => l.trim() !== '')
      expect(lines).toHaveLength(table.rows.length + 2)
      for (const line of lines) {
        expect(line.trim().startsWith('|') && line.trim().endsWith('|')).toBe(true)
        expect({ line: line.slice(0, 200), cells: rawCellCount(line.trim()) }).toEqual({ line: line.slice(0, 200), cells: width })
      }
    }

    const commentOf = (marker: string): string => {
      const found = rows.filter(row => plain(row.at(-1)!).startsWith(`${marker} `))
      expect(found).toHaveLength(1)
      return plain(found[0]!.at(-1)!)
    }
    expect(commentOf('M1')).toBe('M1 a | b | c')
    expect(commentOf('M2')).toBe('M2 first line second line')
    expect(commentOf('M3')).toBe('M3 first second')
    expect(commentOf('M4')).toBe('M4 use `code` and ``` fences')
    expect(commentOf('M5')).toBe('M5 <b>html</b> bold')
    expect(commentOf('M6')).toBe('M6 <img src=x onerror=alert(1)> image')
    expect(commentOf('M7')).toBe('M7 [link](javascript:alert(1)) click')
    const long = commentOf('M8')
    expect(long.length).toBeLessThanOrEqual(125)
    expect(long).toMatch(/^M8 z{100,}/)
    // Every row keeps its own cells in place: the requester and status columns are intact.
    for (const row of rows) {
      expect(plain(row[1]!)).toBe('monalisa')
      expect(plain(row[2]!)).toMatch(/^open · \d+h$/)
    }

    const html = marked.parse(r.summary) as string
    expect(html).not.toMatch(/<img/i)
    expect(html).not.toMatch(/<b>/i)
    expect(html).not.toMatch(/<script/i)
    expect(html).not.toMatch(/href\s*=\s*["']?\s*javascript:/i)
  })
})

// ---------------------------------------------------------------- report files and the requests output

describe('report files', () => {
  function reportRequests(): StoredRequest[] {
    return [
      makeRequest({ kind: 'dependabot-dismissal', repository: REPO, number: 21, alertNumber: 42, ageHours: 30, requester: 'hubot' }),
      makeRequest({
        kind: 'secret-scanning-bypass',
        repository: REPO,
        number: 22,
        ageHours: 5,
        path: '/tests/README.md:16:0',
        branch: 'refs/heads/feature-x',
        secretType: 'slack_api_token',
        reason: 'false_positive',
        comment: 'Fixture for the parser tests'
      }),
      makeRequest({
        kind: 'secret-scanning-dismissal',
        repository: REPO,
        number: 23,
        alertNumber: 77,
        alertNumberAs: 'integer',
        ageHours: 40,
        status: 'denied',
        responses: [{ id: 501, reviewer: 'security-lead', status: 'denied', created_at: '2026-01-02T03:04:05Z' }]
      }),
      makeRequest({ kind: 'push-ruleset-bypass', repository: REPO, number: 24, ageHours: 8, ruleset: 'No binaries' }),
      makeRequest({ kind: 'code-scanning-dismissal', repository: REPO, number: 25, ageHours: 2 })
    ]
  }

  test('report-markdown equals the job summary; report-json holds every matched record with the values GitHub sent', async () => {
    const stored = reportRequests()
    h.fake.requests = stored
    const r = await h.run({ 'request-status': 'all', 'fail-on': 'never' })
    expect(r.code).toBe(0)

    expect(r.summary.length).toBeGreaterThan(0)
    expect(r.reportMarkdown).toBe(r.summary)

    const records = reportJson(r).requests
    expect(records).toHaveLength(5)
    for (const record of records) expect(Object.keys(record)).toEqual(expect.arrayContaining(RECORD_FIELDS))
    const byId = new Map(records.map(x => [x.id, x]))
    for (const s of stored) {
      const record = byId.get(s.id)
      expect(record).toBeDefined()
      const sent = render(s) as { html_url: string }
      expect(record).toMatchObject({
        number: s.number,
        repository: REPO,
        organization: 'octo-org',
        requester: s.requester,
        status: s.status,
        created_at: s.created_at,
        expires_at: s.expires_at,
        comment: s.comment,
        html_url: sent.html_url
      })
    }

    const dependabot = byId.get(stored[0]!.id)!
    expect(dependabot).toMatchObject({ type: 'dependabot-dismissal', requester: 'hubot', open: true, stale: true, alert_numbers: [42], path: null })
    expect(stored[0]!.data[0]!.alert_number).toBe('42') // sent as a string
    expect(Math.abs((dependabot.age_hours as number) - 30)).toBeLessThan(0.2)

    const bypass = byId.get(stored[1]!.id)!
    expect(bypass).toMatchObject({
      type: 'secret-scanning-bypass',
      open: true,
      stale: false,
      path: 'tests/README.md',
      line: 16,
      branch: 'refs/heads/feature-x',
      reasons: ['false_positive'],
      secret_types: ['slack_api_token'],
      alert_numbers: [],
      ruleset: null,
      comment: 'Fixture for the parser tests'
    })
    expect(Math.abs((bypass.age_hours as number) - 5)).toBeLessThan(0.2)

    const denied = byId.get(stored[2]!.id)!
    expect(denied).toMatchObject({ type: 'secret-scanning-dismissal', status: 'denied', open: false, stale: false, alert_numbers: [77] })
    expect(denied.responses).toEqual([{ id: 501, reviewer: 'security-lead', status: 'denied', created_at: '2026-01-02T03:04:05Z' }])

    expect(byId.get(stored[3]!.id)).toMatchObject({ type: 'push-ruleset-bypass', ruleset: 'No binaries', branch: null, path: null, line: null })
    expect(byId.get(stored[4]!.id)).toMatchObject({ type: 'code-scanning-dismissal', status: 'pending', open: true, alert_numbers: [25] })
  })

  test('the requests output is JSON of the open records only', async () => {
    const stored = reportRequests()
    h.fake.requests = stored
    const r = await h.run({ 'request-status': 'all', 'fail-on': 'never' })
    expect(r.code).toBe(0)
    const output = JSON.parse(r.outputs.requests!) as RecordJson[]
    const openIds = stored.filter(s => s.status === 'open' || s.status === 'pending').map(s => s.id)
    expect(output.map(x => x.id).sort()).toEqual([...openIds].sort())
    expect(output.every(x => x.open === true)).toBe(true)
    // The same records as in report-json.
    const all = new Map(reportJson(r).requests.map(x => [x.id, x]))
    for (const record of output) expect(record).toEqual(all.get(record.id))
  })

  test('the requests output is trimmed under 1 MB with a warning; report-json keeps them all', async () => {
    h.fake.requests = Array.from({ length: 400 }, (_, i) =>
      makeRequest({
        kind: i % 2 === 0 ? 'secret-scanning-bypass' : 'dependabot-dismissal',
        repository: REPO,
        number: i + 1,
        ageHours: 1 + i * 0.1,
        comment: 'x'.repeat(3000)
      })
    )
    const r = await h.run({ 'fail-on': 'never' })
    expect(r.code).toBe(0)
    expect(r.outputs.open).toBe('400')

    const raw = r.outputs.requests!
    expect(Buffer.byteLength(raw)).toBeLessThan(1_000_000)
    const kept = JSON.parse(raw) as RecordJson[]
    expect(kept.length).toBeGreaterThan(0)
    expect(kept.length).toBeLessThan(400)
    const leftOut = 400 - kept.length

    const warnings = r.annotations.filter(a => a.level === 'warning' && /1 MB|requests output/i.test(a.message))
    expect(warnings).toHaveLength(1)
    expect(warnings[0]!.message).toMatch(new RegExp(`\\b${leftOut}\\b`))

    const all = reportJson(r).requests
    expect(all).toHaveLength(400)
    // The most urgent (oldest) are the ones kept.
    expect(kept.map(x => x.id)).toEqual(all.slice(0, kept.length).map(x => x.id))
  })
})
