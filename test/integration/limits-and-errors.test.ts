/**
 * Limits and errors, from the bundled action against the fake GitHub: the
 * job summary stays under GitHub's 1 MiB whatever the data (and says how
 * much it leaves out), annotations point only into the repository under
 * check, and failures say what happened (the status, GitHub's message, the
 * endpoint, or why api-url could not be reached); a run that stops at an
 * input error masks the token, fails the step and calls nothing.
 */
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs'
import { createServer } from 'node:net'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, test } from '@jest/globals'
import { marked, type Token, type Tokens } from 'marked'
import { makeRequest, type StoredRequest } from '../fake-github/model.js'
import { runAction, type Annotation, type RunResult } from '../fake-github/runner.js'
import { shownAs, useHarness } from './helpers.js'
import { rendered, rawCellCount } from './markdown.js'
import { REQUEST_TYPES } from '../../src/request-types.js'
import { columnsOf } from '../../src/report/summary.js'

const h = useHarness()

const REPO = 'octo-org/smile'
/** GitHub refuses a job summary over this many bytes. */
const MIB = 1_048_576
/** The types the REST API can review. */
const REVIEWABLE = ['secret-scanning-bypass', 'secret-scanning-dismissal', 'code-scanning-dismissal', 'dependabot-dismissal'] as const
const CLOSED_STATUSES = ['denied', 'approved', 'expired'] as const
const CALL_COLUMNS = 5
const REVIEW_MESSAGE = 'Denied in bulk | see `SEC-1234` **now** <b>@security</b>'

// ---------------------------------------------------------------- seeding

/** About 1.5 kB of Markdown and HTML that would break a table, a list or the page if written as is. */
function hostileComment(i: number): string {
  const parts = [
    `**Request ${i}** | a | b | \`code | with pipe\` and \`\`\` fence`,
    `<details><summary>open me ${i}</summary>hidden</details> </details> <details>`,
    `[click](https://evil.example/${i}) ![img](https://evil.example/i.png) <https://evil.example> www.evil.example`,
    `<b>bold</b> <img src=x onerror=alert(${i})> <script>alert(${i})</script> <!-- comment`,
    `@octocat @octo-org/security please look at #${i} ~~strike~~ _em_ \\| escaped pipe`,
    '| x | y |\n|---|---|\n| c | d |',
    '### not a heading\r\n- not a list item\n> not a quote\n\n---',
    'emoji ✅ and ünïcödé — “quotes” & ampersand &amp; entity &#124;'
  ]
  let text = ''
  for (let k = i; Buffer.byteLength(text) < 1500; k++) text += `${parts[k % parts.length]}\n`
  return text
}

/** Numbers are unique within each type, so every request (and every alert) is one of its kind. */
function seed(open: number, closed: number): StoredRequest[] {
  const requests: StoredRequest[] = []
  let next = 1
  for (let i = 0; i < open; i++) {
    requests.push(makeRequest({ kind: REVIEWABLE[i % REVIEWABLE.length]!, repository: REPO, number: next++, ageHours: 1 + (i % 600), comment: hostileComment(i) }))
  }
  for (let i = 0; i < closed; i++) {
    requests.push(
      makeRequest({
        kind: REVIEWABLE[i % REVIEWABLE.length]!,
        repository: REPO,
        number: next++,
        ageHours: 1 + (i % 700),
        status: CLOSED_STATUSES[i % CLOSED_STATUSES.length]!,
        comment: hostileComment(open + i)
      })
    )
  }
  return requests
}

// ---------------------------------------------------------------- reading the summary

/** The summary cut at its level-3 headings. */
function sections(markdown: string): { heading: string; body: string }[] {
  const found: { heading: string; lines: string[] }[] = []
  for (const line of markdown.split('\n')) {
    if (line.startsWith('### ')) found.push({ heading: line.slice(4), lines: [] })
    else found.at(-1)?.lines.push(line)
  }
  return found.map(s => ({ heading: s.heading, body: s.lines.join('\n') }))
}

function tablesIn(markdown: string): Tokens.Table[] {
  return marked.lexer(markdown).filter((t: Token): t is Tokens.Table => t.type === 'table')
}

/** The number in a "N more … not shown" line, or 0 when there is none (and never two). */
function notShown(body: string, what: RegExp): number {
  const matches = [...body.matchAll(new RegExp(`^(\\d+) more ${what.source} not shown`, 'gm'))]
  expect(matches.length).toBeLessThanOrEqual(1)
  return matches.length === 1 ? Number(matches[0]![1]) : 0
}

/** Every table keeps its shape: each raw line a row with exactly as many cells as the header. */
function expectWellFormed(table: Tokens.Table, columns: number): void {
  expect(table.header).toHaveLength(columns)
  for (const row of table.rows) expect(row).toHaveLength(columns)
  const lines = table.raw.split('\n').filter(l => l.trim() !== '')
  expect(lines).toHaveLength(table.rows.length + 2)
  for (const line of lines) {
    expect({ line: line.slice(0, 300), cells: rawCellCount(line.trim()) }).toEqual({ line: line.slice(0, 300), cells: columns })
  }
}

interface ReportJson {
  requests: { id: number; type: string; number: number; open: boolean }[]
  reviews: {
    dry_run: boolean
    reviewed: number
    failures: number
    calls: { method: string; path: string; ok: boolean; status: number | null }[]
    skipped: unknown[]
  } | null
}

/** `type repository kind #N` of a rendered label, or undefined. */
function labelKey(text: string): string | undefined {
  const match = /^(secret-scanning-bypass|secret-scanning-dismissal|code-scanning-dismissal|dependabot-dismissal) octo-org\/smile (?:request|alert) #(\d+)/.exec(text)
  return match ? `${match[1]}#${match[2]}` : undefined
}

/**
 * The bounds every summary keeps, whatever the data: under 1 MiB, the same
 * text in the report-markdown file, every table well formed, and every
 * request, call and skipped request either shown or counted as not shown.
 */
function expectBoundedSummary(r: RunResult, keys: SeededKeys, expected: { calls: number; skipped: number; dryRun: boolean }): void {
  const summary = r.summary
  expect(summary.length).toBeGreaterThan(0)
  expect(Buffer.byteLength(summary)).toBeLessThan(MIB)
  expect(r.reportMarkdown).toBeDefined()
  expect(r.reportMarkdown === summary).toBe(true)

  const all = sections(summary)
  // Request tables: "### <type title>s (N)", then rows, then "N more requests not shown" when some did not fit.
  const requestSections = all.filter(s => /\(\d+\)$/.test(s.heading) && !s.heading.startsWith('Review metrics'))
  expect(requestSections.length).toBe(REVIEWABLE.length)
  let headingTotal = 0
  let accounted = 0
  let requestTables = 0
  for (const section of requestSections) {
    const count = Number(/\((\d+)\)$/.exec(section.heading)![1])
    const tables = tablesIn(section.body)
    expect(tables.length).toBeLessThanOrEqual(1)
    const type = REQUEST_TYPES.find(t => section.heading.startsWith(`${t.title}s (`))!
    expect(type).toBeDefined()
    for (const table of tables) {
      expect(table.header.map(h => h.text)).toEqual(columnsOf(type))
      expectWellFormed(table, columnsOf(type).length)
    }
    const rows = tables[0]?.rows.length ?? 0
    requestTables += tables.length
    const left = notShown(section.body, /requests?/)
    expect({ heading: section.heading, shownPlusNotShown: rows + left }).toEqual({ heading: section.heading, shownPlusNotShown: count })
    headingTotal += count
    accounted += rows + left
  }
  expect(headingTotal).toBe(keys.total)
  expect(accounted).toBe(keys.total)

  // The Reviews section.
  const reviews = all.filter(s => s.heading.startsWith('Reviews: deny'))
  expect(reviews).toHaveLength(1)
  expect(summary).toContain(expected.dryRun ? '### Reviews: deny (dry run' : '### Reviews: deny\n')
  const body = reviews[0]!.body
  if (!expected.dryRun) expect(body).toContain(`${expected.calls} succeeded, 0 failed.`)

  const [details, ...afterDetails] = body.split('<details>')
  expect(afterDetails).toHaveLength(1)
  const callTables = tablesIn(details!)
  expect(callTables).toHaveLength(1)
  const callTable = callTables[0]!
  expectWellFormed(callTable, CALL_COLUMNS)
  const callsLeft = notShown(details!, /calls?/)
  expect(callTable.rows.length + callsLeft).toBe(expected.calls)
  expect(callTable.rows.length).toBeGreaterThan(0)

  const { openKeys, closedKeys } = keys
  const callKeys = callTable.rows.map(row => labelKey(rendered(row[0]!.text)))
  for (const key of callKeys) expect(openKeys.has(key!)).toBe(true)
  expect(new Set(callKeys).size).toBe(callKeys.length)
  for (const row of callTable.rows) {
    expect(rendered(row[2]!.text)).toMatch(/^PATCH \/repos\/octo-org\/smile\/(bypass|dismissal)-requests\//)
    expect(rendered(row[4]!.text)).toMatch(expected.dryRun ? /^not made \(dry run\)$/ : /^✅ 20[04]$/)
  }

  // The skipped requests: a list inside <details>, then "N more skipped requests not shown".
  const skippedPart = afterDetails[0]!
  expect(skippedPart.startsWith(`<summary>${expected.skipped} skipped</summary>`)).toBe(true)
  const inside = skippedPart.slice(0, skippedPart.indexOf('</details>'))
  expect(inside.length).toBeGreaterThan(0)
  const items = inside.split('\n').filter(line => line.startsWith('- '))
  const skippedLeft = notShown(inside, /skipped requests?/)
  expect(items.length + skippedLeft).toBe(expected.skipped)
  expect(items.length).toBeGreaterThan(0)
  // Each item is one request that is not open, named once.
  const skippedKeys = items.map(item => labelKey(rendered(item.slice(2))))
  for (const key of skippedKeys) expect(closedKeys.has(key!)).toBe(true)
  expect(new Set(skippedKeys).size).toBe(skippedKeys.length)
  for (const item of items) expect(rendered(item)).toMatch(/: not open \(status (denied|approved|expired)\), nothing to review$/)
  // As Markdown reads it, too: one list, as many items as lines.
  const lists = marked.lexer(inside).filter((t: Token): t is Tokens.List => t.type === 'list')
  expect(lists.map(l => l.items.length)).toEqual([items.length])

  // Every table of the whole summary, as GFM reads the whole text, is well formed and at most 7 columns wide:
  // the request tables, the calls, and Act first.
  const everyTable = tablesIn(summary)
  // Act first only while some request is still open after the run.
  const actFirst = summary.includes('\n### Act first\n') ? 1 : 0
  expect(actFirst).toBe(expected.dryRun ? 1 : 0)
  expect(everyTable).toHaveLength(requestTables + 1 + actFirst)
  for (const table of everyTable) {
    expect(table.header.length).toBeLessThanOrEqual(7)
    expectWellFormed(table, table.header.length)
  }
  expect(everyTable.filter(t => t.header.map(h => h.text).join('|') === 'Type|Request|Requester|Age|Time left')).toHaveLength(actFirst)
}

/** Which requests were open and which not, read before the run (reviews change the fake's state). */
interface SeededKeys {
  total: number
  openKeys: Set<string>
  closedKeys: Set<string>
}

function keysOf(seeded: StoredRequest[]): SeededKeys {
  const isOpen = (s: StoredRequest) => s.status === 'open' || s.status === 'pending'
  return {
    total: seeded.length,
    openKeys: new Set(seeded.filter(isOpen).map(keyOf)),
    closedKeys: new Set(seeded.filter(s => !isOpen(s)).map(keyOf))
  }
}

function keyOf(s: StoredRequest): string {
  const alert = s.data[0]?.alert_number
  const type = {
    'bypass-requests/secret-scanning': 'secret-scanning-bypass',
    'dismissal-requests/secret-scanning': 'secret-scanning-dismissal',
    'dismissal-requests/code-scanning': 'code-scanning-dismissal',
    'dismissal-requests/dependabot': 'dependabot-dismissal'
  }[s.segment]
  return `${type}#${alert === undefined ? s.number : String(alert)}`
}

// ---------------------------------------------------------------- A. the job summary's size

describe('the whole job summary stays under 1 MiB, whatever the data', () => {
  /** `open` open requests and `closed` closed ones, all denied (or, in a dry run, planned to be). */
  async function denyAll(open: number, closed: number, dryRun: boolean): Promise<{ r: RunResult; keys: SeededKeys }> {
    const seeded = seed(open, closed)
    const keys = keysOf(seeded)
    expect([keys.openKeys.size, keys.closedKeys.size]).toEqual([open, closed])
    h.fake.requests = seeded
    const r = await h.run(
      {
        'request-status': 'all',
        review: 'deny',
        'review-targets': 'all',
        'review-message': REVIEW_MESSAGE,
        'max-reviews': String(open),
        ...(dryRun ? { 'dry-run': 'true' } : {}),
        'fail-on': 'never'
      },
      { timeoutMs: 150_000 }
    )
    expect({ code: r.code, stderr: r.stderr.slice(0, 2000) }).toEqual({ code: 0, stderr: r.stderr.slice(0, 2000) })
    return { r, keys }
  }

  test('5,000 requests with 1.5 kB Markdown comments and a dry run of 1,000 deny calls: under 1 MiB, every row shown or counted', async () => {
    const { r, keys } = await denyAll(1000, 4000, true)
    expect(r.outputs).toMatchObject({ total: '5000', open: '1000', reviewed: '0', 'review-failures': '0' })
    // A dry run writes nothing.
    expect(h.fake.calls.filter(c => c.method !== 'GET')).toEqual([])

    expectBoundedSummary(r, keys, { calls: 1000, skipped: 4000, dryRun: true })

    const report = JSON.parse(r.reportJson!) as ReportJson
    expect(report.requests).toHaveLength(5000)
    expect(new Set(report.requests.map(x => x.id)).size).toBe(5000)
    expect(report.reviews).toMatchObject({ dry_run: true, reviewed: 0, failures: 0 })
    expect(report.reviews!.calls).toHaveLength(1000)
    expect(report.reviews!.skipped).toHaveLength(4000)
  }, 200_000)

  test('4,005 requests and 5 real deny calls (writes go one a second): under 1 MiB, every row shown or counted', async () => {
    const { r, keys } = await denyAll(5, 4000, false)
    expect(r.outputs).toMatchObject({ total: '4005', open: '0', reviewed: '5', 'review-failures': '0' })
    expect(h.fake.calls.filter(c => c.method === 'PATCH')).toHaveLength(5)
    expect(h.fake.calls.filter(c => c.method !== 'GET' && c.method !== 'PATCH')).toEqual([])

    expectBoundedSummary(r, keys, { calls: 5, skipped: 4000, dryRun: false })

    const report = JSON.parse(r.reportJson!) as ReportJson
    expect(report.requests).toHaveLength(4005)
    expect(report.reviews).toMatchObject({ dry_run: false, reviewed: 5, failures: 0 })
    expect(report.reviews!.calls).toHaveLength(5)
    expect(report.reviews!.calls.every(c => c.ok && c.method === 'PATCH')).toBe(true)
    expect(report.reviews!.skipped).toHaveLength(4000)
  }, 200_000)
})

// ---------------------------------------------------------------- B. annotations' files

describe('annotations point only into the repository', () => {
  const TITLE = 'Secret scanning bypass request'
  const PATHS: [number, string][] = [
    [1, '../../etc/passwd:3:0'],
    [2, 'docs/../../x.md:1:0'],
    [3, 'C:/Windows/win.ini:1:0'],
    // One backslash: `a\b.txt`.
    [4, 'a\\b.txt:1:0'],
    [5, 'docs/a::b%2C,c.md:4:0'],
    [6, '/tests/README.md:16:0']
  ]

  function annotationOf(r: RunResult, number: number): Annotation {
    const title = `${TITLE} ${shownAs(REPO, 'secret-scanning-bypass', number)}`
    const found = r.annotations.filter(a => a.properties.title === title)
    expect({ title, count: found.length }).toEqual({ title, count: 1 })
    return found[0]!
  }

  test('paths outside the repository get no file; odd characters are written as sent, escaped as @actions/core does', async () => {
    h.fake.requests = PATHS.map(([number, path]) => makeRequest({ kind: 'secret-scanning-bypass', repository: REPO, number, ageHours: number, path }))
    const r = await h.run({ 'fail-on': 'never' })
    expect(r.code).toBe(0)
    expect(r.outputs.open).toBe('6')

    for (const number of [1, 2, 3, 4]) {
      const annotation = annotationOf(r, number)
      expect({ number, file: annotation.properties.file, line: annotation.properties.line }).toEqual({ number, file: undefined, line: undefined })
      expect(Object.keys(annotation.properties)).toEqual(['title'])
    }

    // The raw line escapes the path as @actions/core does: `:` as %3A, `,` as %2C, and the `%` of the path's own `%2C` as %25.
    const rawLines = r.stdout.split('\n').filter(line => line.includes(`title=${TITLE} octo-org/smile request #5,`))
    expect(rawLines).toHaveLength(1)
    expect(rawLines[0]).toContain(',file=docs/a%3A%3Ab%252C%2Cc.md,line=4::')
    // Read back as GitHub's runner does (%25 last), the file is the path exactly as sent.
    const odd = annotationOf(r, 5)
    expect(odd.properties.file).toBe('docs/a::b%2C,c.md')
    expect(odd.properties.line).toBe('4')

    const rooted = annotationOf(r, 6)
    expect(rooted.properties.file).toBe('tests/README.md')
    expect(rooted.properties.line).toBe('16')
  })
})

// ---------------------------------------------------------------- C. errors

/** The step's failure message (the error annotation without properties that setFailed prints). */
function failureMessage(r: RunResult): string {
  const found = r.annotations.filter(a => a.level === 'error' && Object.keys(a.properties).length === 0)
  expect(found.length).toBeGreaterThan(0)
  return found.at(-1)!.message
}

describe('errors say what happened', () => {
  const BYPASS_LIST = /^\/repos\/octo-org\/smile\/bypass-requests\/secret-scanning$/
  const ENDPOINT = 'GET /repos/octo-org/smile/bypass-requests/secret-scanning'

  test.each([
    [418, "I'm a teapot", "I'm a teapot"],
    // The fault's body always carries a message: without one given, GitHub's usual `Conflict`.
    [409, undefined, 'Conflict']
  ])(
    "a list answered %i fails the step naming the status, GitHub's message and the endpoint",
    async (status, message, shown) => {
      h.fake.requests = [
        makeRequest({ kind: 'secret-scanning-bypass', repository: REPO, number: 1 }),
        makeRequest({ kind: 'dependabot-dismissal', repository: REPO, number: 2 })
      ]
      h.fake.fault({ kind: 'status', status, ...(message === undefined ? {} : { message }), method: 'GET', path: BYPASS_LIST })
      const r = await h.run({ 'fail-on': 'never' })
      expect(r.code).toBe(1)
      const listCalls = h.fake.callsTo('GET', BYPASS_LIST)
      // A 4xx answer is not retried: no retry can change it.
      expect(listCalls.map(c => c.status)).toEqual([status])
      const failure = failureMessage(r)
      expect(failure).toContain('secret-scanning-bypass')
      expect(failure).toContain(String(status))
      expect(failure).toContain(shown)
      expect(failure).toContain(ENDPOINT)
      expect(failure).toContain(`GitHub answered ${status} to ${ENDPOINT}: ${shown}`)
      for (const text of [failure, r.stdout, r.summary, r.reportJson ?? '']) expect(text).not.toMatch(/unknown error/i)
      // The other lists were read.
      expect(r.outputs.total).toBe('1')
    },
    60_000
  )

  async function unusedPort(): Promise<number> {
    const server = createServer()
    await new Promise<void>(resolve => server.listen(0, '127.0.0.1', resolve))
    const port = (server.address() as { port: number }).port
    await new Promise<void>(resolve => server.close(() => resolve()))
    return port
  }

  function expectUnreachable(r: RunResult, url: string, codes: RegExp): void {
    expect({ code: r.code, stderr: r.stderr.slice(0, 2000) }).toEqual({ code: 1, stderr: r.stderr.slice(0, 2000) })
    const failure = failureMessage(r)
    expect(failure).toContain('api-url')
    expect(failure).toContain(url)
    expect(failure).toMatch(codes)
    expect(failure).not.toMatch(/unknown error/i)
    // It failed at once: the log never says it retried or waited.
    expect(r.stdout).not.toMatch(/retr(y|ied|ies|ying)/i)
    expect(r.stdout).not.toMatch(/waiting \d+/i)
  }

  test('api-url where nothing listens: the step fails naming api-url, the URL and ECONNREFUSED, without retrying', async () => {
    const port = await unusedPort()
    const url = `http://127.0.0.1:${port}`
    const r = await runAction({ apiUrl: url, token: 'fake-token-for-tests', inputs: { 'fail-on': 'never' }, timeoutMs: 20_000 })
    expectUnreachable(r, url, /ECONNREFUSED/)
  }, 40_000)

  test('api-url whose host name does not resolve: the step fails naming api-url, the URL and ENOTFOUND or EAI_AGAIN, without retrying', async () => {
    const url = 'http://exemption-requests.invalid'
    const r = await runAction({ apiUrl: url, token: 'fake-token-for-tests', inputs: { 'fail-on': 'never' }, timeoutMs: 20_000 })
    expectUnreachable(r, url, /ENOTFOUND|EAI_AGAIN/)
  }, 40_000)
})

// ---------------------------------------------------------------- D. input errors

describe('a run that stops at an input error', () => {
  const SCOPE = 'Input "scope" has the value "galaxy": expected one of repository, organization, enterprise.'
  const FAIL_ON = 'Input "fail-on" has the value "always": expected one of open, stale, expiring, never.'
  /** The step's failure, as @actions/core's setFailed wrote it before the entry point read the inputs itself. */
  const MESSAGE = `2 invalid inputs; nothing was fetched or reviewed.\n${SCOPE}\n${FAIL_ON}`

  /** stdout's lines, without the empty one after the last newline. */
  const linesOf = (r: RunResult) => r.stdout.replace(/\n$/, '').split('\n')

  test('masks the token first, then fails the step with one error naming every invalid input, and calls nothing', async () => {
    const r = await h.run({ scope: 'galaxy', 'fail-on': 'always' })
    expect({ code: r.code, stderr: r.stderr }).toEqual({ code: 1, stderr: '' })
    expect(linesOf(r)).toEqual([`::add-mask::${h.fake.token}`, `::error::${MESSAGE.replace(/\n/g, '%0A')}`])
    expect(r.annotations).toEqual([{ level: 'error', properties: {}, message: MESSAGE }])
    expect(h.fake.calls).toHaveLength(0)
    // Nothing reported: no outputs, no summary, no report files.
    expect(r.outputs).toEqual({})
    expect(r.summary).toBe('')
    expect([r.reportJson, r.reportMarkdown]).toEqual([undefined, undefined])
  })

  test('a token with % and line breaks is masked whole, encoded as @actions/core encodes it', async () => {
    const token = 'tok%25en\nline-two-Zq9\r\nline-three-Xw7%'
    const r = await h.run({ token, scope: 'galaxy', 'fail-on': 'always' })
    expect(r.code).toBe(1)
    expect(linesOf(r)).toEqual(['::add-mask::tok%2525en%0Aline-two-Zq9%0D%0Aline-three-Xw7%25', `::error::${MESSAGE.replace(/\n/g, '%0A')}`])
    expect(r.annotations.map(a => a.message)).toEqual([MESSAGE])
    expect(h.fake.calls).toHaveLength(0)
  })

  test('an empty token: nothing to mask, and the message says so', async () => {
    const r = await h.run({ token: '' })
    expect(r.code).toBe(1)
    expect(linesOf(r)).toEqual(['::error::1 invalid input; nothing was fetched or reviewed.%0AInput "token" is empty: pass a token, for example ${{ github.token }}.'])
    expect(h.fake.calls).toHaveLength(0)
  })
})

describe('a job summary the step cannot write', () => {
  test('fails the step with the reason, once the report JSON is written whole and closed', async () => {
    const temp = mkdtempSync(join(tmpdir(), 'summary-unwritable-'))
    try {
      h.fake.requests = seed(1200, 0)
      const missing = join(temp, 'no-such-folder', 'summary.md')
      const r = await h.run({ 'fail-on': 'never' }, { env: { GITHUB_STEP_SUMMARY: missing, RUNNER_TEMP: temp } })
      expect(r.code).toBe(1)
      expect(r.annotations.filter(a => a.level === 'error').map(a => a.message)).toEqual([
        `Unexpected failure: Unable to access summary file: '${missing}'. Check if the file has correct read/write permissions.`
      ])
      // The report's folder under RUNNER_TEMP holds the whole report, every matched request in it.
      const [folder] = readdirSync(temp).filter(name => name.startsWith('exemption-requests-'))
      const report = JSON.parse(readFileSync(join(temp, folder!, 'report.json'), 'utf8')) as { requests: unknown[]; counts: { total: number } }
      expect([report.counts.total, report.requests.length]).toEqual([1200, 1200])
    } finally {
      rmSync(temp, { recursive: true, force: true })
    }
  })
})
