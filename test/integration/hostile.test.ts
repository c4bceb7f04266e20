/**
 * Hostile text in every field other people write (comment, requester, path,
 * branch, ruleset name, secret type, reason), through the bundled action at
 * organization and repository scope with every report on. Nothing may become
 * a workflow command, break or inject into the job summary, or leak a
 * token-shaped string.
 */
import { beforeAll, describe, expect, test } from '@jest/globals'
import { marked, type Tokens } from 'marked'
import { KINDS, makeRequest, type StoredRequest } from '../fake-github/model.js'
import { parseAnnotations, type RunResult } from '../fake-github/runner.js'
import { HOSTILE, SECRET_NEEDLES, SECRETS, type HostileText } from '../fixtures/hostile.js'
import { isInsideRepository } from '../../src/report/annotations.js'
import { splitPath } from '../../src/requests.js'
import { redact } from '../../src/text.js'
import { startHarness } from './helpers.js'

const REPOSITORY = 'octo-org/smile'
/** Requests per run: at most 10 error annotations are shown, so each run keeps every item annotated. */
const CHUNK = 8
const FIRST_NUMBER = 100

interface Run {
  scope: string
  items: HostileText[]
  result: RunResult
  /** The GITHUB_OUTPUT file as written. */
  outputFile: string
  reportJson: string
  reportMarkdown: string
  token: string
}

/** One open request per hostile text, with the text in every field a person writes. */
function hostileRequests(items: HostileText[]): StoredRequest[] {
  return items.map((item, i) =>
    makeRequest({
      kind: KINDS[i % KINDS.length]!.id,
      repository: REPOSITORY,
      number: FIRST_NUMBER + i,
      ageHours: 1 + i,
      comment: item.text,
      requester: item.text,
      path: item.text,
      branch: item.text,
      ruleset: item.text,
      secretType: item.text,
      reason: item.text
    })
  )
}

const chunks: HostileText[][] = []
for (let i = 0; i < HOSTILE.length; i += CHUNK) chunks.push(HOSTILE.slice(i, i + CHUNK))

const SCOPES: Record<string, Record<string, string>> = {
  repository: { scope: 'repository' },
  organization: { scope: 'organization' }
}

const runs: Run[] = []

beforeAll(async () => {
  for (const [scope, inputs] of Object.entries(SCOPES)) {
    for (const items of chunks) {
      const { fake, run } = await startHarness({ requests: hostileRequests(items) })
      try {
        const result = await run({
          ...inputs,
          'request-status': 'all',
          annotations: 'true',
          'job-summary': 'true',
          'fail-on': 'open'
        })
        runs.push({
          scope,
          items,
          result,
          outputFile: result.outputFile,
          reportJson: result.reportJson ?? '',
          reportMarkdown: result.reportMarkdown ?? '',
          token: fake.token
        })
      } finally {
        await fake.stop()
      }
    }
  }
}, 60_000)

const label = (run: Run): string => `${run.scope} scope, items ${run.items.map(i => i.name).join(' / ')}`

/** Line breaks as a runner or a viewer may see them. */
const LINE_BREAKS = /\r\n|[\r\n\u0085\u2028\u2029]/
/** Leading whitespace as the runner trims it before looking for `::`. */
const LEADING_SPACE = /^[\s\u0085\u00a0\ufeff]+/

test('every run read every hostile request and failed on them (fail-on open)', () => {
  expect(runs).toHaveLength(chunks.length * Object.keys(SCOPES).length)
  for (const run of runs) {
    expect({ run: label(run), code: run.result.code, total: run.result.outputs.total, open: run.result.outputs.open }).toEqual({
      run: label(run),
      code: 1,
      total: String(run.items.length),
      open: String(run.items.length)
    })
  }
})

describe('the log', () => {
  /** The commands the action itself writes. */
  const OWN_COMMAND = /^::(add-mask|group|endgroup|error|warning|notice)(?: [^:]*)?::/

  test('every line that starts with :: is a command the action meant to write, carrying no second command', () => {
    for (const run of runs) {
      const problems: string[] = []
      for (const raw of run.result.stdout.split(LINE_BREAKS)) {
        const line = raw.replace(LEADING_SPACE, '')
        if (!line.startsWith('::')) continue
        const command = OWN_COMMAND.exec(line)
        if (!command) {
          problems.push(`not the action's command: ${JSON.stringify(raw)}`)
          continue
        }
        const rest = line.slice(command[0].length)
        if (command[1] === 'add-mask' && rest !== run.token) problems.push(`mask of something other than the token: ${JSON.stringify(raw)}`)
        if (command[1] === 'endgroup' && rest !== '') problems.push(`text after endgroup: ${JSON.stringify(raw)}`)
        if (rest.includes('::')) problems.push(`a second command in: ${JSON.stringify(raw)}`)
        if (raw !== line) problems.push(`indented command: ${JSON.stringify(raw)}`)
      }
      expect({ run: label(run), problems }).toEqual({ run: label(run), problems: [] })
    }
  })

  test('no line contains a legacy ##[ command', () => {
    for (const run of runs) {
      const found = run.result.stdout.split(LINE_BREAKS).filter(line => line.includes('##['))
      expect({ run: label(run), found }).toEqual({ run: label(run), found: [] })
    }
  })

  test('annotations, once the runner unescapes them, hold no line break and no command', () => {
    for (const run of runs) {
      const annotations = parseAnnotations(run.result.stdout.split(LINE_BREAKS).join('\n'))
      expect(annotations.length).toBeGreaterThan(0)
      const problems: string[] = []
      for (const { level, message, properties } of annotations) {
        // The step's failure message is the one annotation that may span lines (one reason per line).
        const lines = message.split('\n')
        // `file` is the path exactly as GitHub sent it (inside the repository), escaped by @actions/core: checked below.
        const { file, ...shown } = properties
        const sent = run.items.map(item => redact(splitPath(item.text).path))
        if (file !== undefined && !(sent.includes(file) && isInsideRepository(file))) {
          problems.push(`${level}: file ${JSON.stringify(file)} is not a path GitHub sent inside the repository`)
        }
        for (const text of [...lines, ...Object.values(shown)]) {
          if (LINE_BREAKS.test(text)) problems.push(`${level}: line break in ${JSON.stringify(text)}`)
          const start = text.replace(LEADING_SPACE, '')
          if (start.startsWith('::')) problems.push(`${level}: a line that starts a command: ${JSON.stringify(text)}`)
          if (text.includes('##[')) problems.push(`${level}: legacy command in ${JSON.stringify(text)}`)
          for (const attack of ['::error::', '::warning::', '::notice::', '::add-mask::', '::stop-commands::', '::set-output']) {
            if (text.includes(attack)) problems.push(`${level}: ${attack} in ${JSON.stringify(text)}`)
          }
        }
      }
      expect({ run: label(run), problems }).toEqual({ run: label(run), problems: [] })
    }
  })

  test('each open request has its annotation, with its text neutralized but still readable', () => {
    for (const run of runs) {
      const requestAnnotations = run.result.annotations.filter(a => /#1\d\d\b/.test(a.properties.title ?? ''))
      expect({ run: label(run), count: requestAnnotations.length }).toEqual({ run: label(run), count: run.items.length })
    }
    // The text is kept, not dropped: an attack shows up as harmless text.
    const all = runs.flatMap(run => run.result.annotations.map(a => a.message)).join('\n')
    expect(all).toMatch(/pwned/)
    expect(all).toMatch(/after-LF/)
    expect(all).toMatch(/\[redacted\]/)
  })
})

describe('secrets', () => {
  test('the fixture holds the token shapes the action must redact', () => {
    const names = SECRETS.map(s => s.name).join('\n')
    for (const prefix of ['ghp_', 'gho_', 'ghu_', 'ghs_', 'ghr_', 'github_pat_', 'AKIA', 'ASIA', 'private key', 'xoxb-']) expect(names).toContain(prefix)
  })

  test('no token-shaped string appears in stdout, stderr, the summary, the outputs file or the report files', () => {
    for (const run of runs) {
      const places: Record<string, string> = {
        stdout: run.result.stdout,
        stderr: run.result.stderr,
        summary: run.result.summary,
        'GITHUB_OUTPUT file': run.outputFile,
        'report-json': run.reportJson,
        'report-markdown': run.reportMarkdown
      }
      expect(run.reportJson).not.toBe('')
      expect(run.reportMarkdown).not.toBe('')
      const leaks: string[] = []
      for (const [place, text] of Object.entries(places)) {
        for (const secret of SECRETS) {
          for (const needle of secret.needles) if (text.includes(needle)) leaks.push(`${secret.name} in ${place}`)
        }
      }
      expect({ run: label(run), leaks }).toEqual({ run: label(run), leaks: [] })
    }
    expect(SECRET_NEEDLES.length).toBeGreaterThanOrEqual(SECRETS.length)
  })
})

describe('the job summary', () => {
  /** Cells of one table row as GFM splits them: on pipes that no backslash escapes. */
  function cellCount(row: string): number {
    const line = row.trim()
    let pipes = 0
    for (let i = 0; i < line.length; i++) {
      if (line[i] === '\\') i++
      else if (line[i] === '|') pipes++
    }
    const leading = line.startsWith('|') ? 1 : 0
    const trailing = line.endsWith('|') && !line.endsWith('\\|') ? 1 : 0
    return pipes + 1 - leading - trailing
  }

  test('the summary and report-markdown are the same text', () => {
    for (const run of runs) expect(run.reportMarkdown).toBe(run.result.summary)
  })

  test('its tables keep their shape: one row per request, as many cells as the header', () => {
    for (const run of runs) {
      const all = marked.lexer(run.result.summary).filter((t): t is Tokens.Table => t.type === 'table')
      expect(all.length).toBeGreaterThan(0)
      // Act first repeats the most urgent requests; every request has its one row in its type's table.
      const tables = all.filter(t => t.header[0]?.text === 'Request')
      expect(all.length - tables.length).toBe(1)
      let rows = 0
      const problems: string[] = []
      for (const table of tables) {
        const width = table.header.length
        for (const row of table.rows) if (row.length !== width) problems.push(`row of ${row.length} cells under ${width} headers`)
        const lines = table.raw.split('\n').filter(line => line.trim() !== '')
        for (const line of lines) if (cellCount(line) !== width) problems.push(`${cellCount(line)} cells, not ${width}: ${line.slice(0, 200)}`)
        rows += table.rows.length
        expect(lines).toHaveLength(table.rows.length + 2)
      }
      expect({ run: label(run), problems, rows }).toEqual({ run: label(run), problems: [], rows: run.items.length })
    }
  })

  test('the rendered HTML has no image, no script, no event handler, no javascript: link', () => {
    for (const run of runs) {
      const html = marked.parse(run.result.summary, { async: false })
      const found = [
        ...(html.match(/<img\b[^>]*>/gi) ?? []),
        ...(html.match(/<script\b[^>]*>/gi) ?? []),
        ...(html.match(/<[a-z][^>]*\son[a-z]+\s*=[^>]*>/gi) ?? []),
        ...(html.match(/\b(?:href|src)\s*=\s*["']?\s*javascript:[^>]*/gi) ?? [])
      ]
      expect({ run: label(run), found }).toEqual({ run: label(run), found: [] })
      // Every link is one the action made: to the request on GitHub.
      const hrefs = [...html.matchAll(/\bhref\s*=\s*"([^"]*)"/gi)].map(m => m[1]!)
      expect({ run: label(run), foreign: hrefs.filter(h => !h.startsWith(`https://github.com/${REPOSITORY}/`)) }).toEqual({
        run: label(run),
        foreign: []
      })
    }
  })

  test('mentions stay inert', () => {
    for (const run of runs) {
      expect(run.result.summary).not.toMatch(/@someone|@org\/team/)
    }
  })
})

describe('report-json', () => {
  interface Report {
    requests: { number: number; comment: string; requester: string; path: string | null; branch: string | null }[]
  }

  test('parses, holds every request, and its comments are redacted', () => {
    for (const run of runs) {
      const report = JSON.parse(run.reportJson) as Report
      expect(report.requests).toHaveLength(run.items.length)
      for (const request of report.requests) {
        const item = run.items[request.number - FIRST_NUMBER]!
        const secret = SECRETS.find(s => s.text === item.text)
        if (secret) {
          expect({ item: item.name, redacted: request.comment.includes('[redacted]') }).toEqual({ item: item.name, redacted: true })
          for (const needle of secret.needles) expect(request.comment).not.toContain(needle)
          for (const needle of secret.needles) expect(request.requester).not.toContain(needle)
        } else {
          // Text that is not a secret is kept as written.
          expect({ item: item.name, comment: request.comment }).toEqual({ item: item.name, comment: item.text })
        }
      }
    }
  })
})
