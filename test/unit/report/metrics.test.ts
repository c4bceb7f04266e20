import { describe, expect, test } from '@jest/globals'
import { type Tokens } from 'marked'
import { reviewMetrics } from '../../../src/metrics.js'
import { METRICS_BUDGET_BYTES, metricsSection } from '../../../src/report/metrics.js'
import type { RequestRecord, RequestResponse } from '../../../src/requests.js'
import { HOUR, plainRecord } from '../record-builders.js'
import { gfmCells, plain, tables } from './markdown-reading.js'

const T0 = Date.parse('2025-03-01T00:00:00Z')

/** A request made at T0 with responses `hours` after it, by the reviewers named. */
function made(fields: Partial<RequestRecord>, responses: [string, number][] = []): RequestRecord {
  const answered = responses.map(([reviewer, hours]): RequestResponse => ({
    id: 1,
    reviewer,
    status: 'approved',
    created_at: new Date(T0 + hours * HOUR).toISOString()
  }))
  return plainRecord({ created_at: new Date(T0).toISOString(), responses: answered, ...fields })
}

function cells(t: Tokens.Table): string[][] {
  return [t.header.map(h => plain(h.tokens)), ...t.rows.map(r => r.map(c => plain(c.tokens)))]
}

describe('metricsSection', () => {
  /*
   * Bypass: approved (alice after 2h) and expired unanswered; Dependabot: pending, bob after 1h then alice after 30h.
   * First responses 2 and 1: median 1.5, 90th percentile 2. alice 2 and 30 → 16; bob 1.
   */
  const records = [
    made({ type: 'secret-scanning-bypass', status: 'approved', open: false, requester: 'monalisa' }, [['alice', 2]]),
    made({ type: 'secret-scanning-bypass', status: 'expired', open: false, requester: 'hubot' }),
    made({ type: 'dependabot-dismissal', repository: 'octo-org/api', status: 'pending', requester: 'monalisa' }, [
      ['bob', 1],
      ['alice', 30]
    ])
  ]

  test('a small input: every line', () => {
    expect(metricsSection(reviewMetrics(records), 'month')).toEqual([
      '### Review metrics (requests from the last month)',
      '',
      '3 requests; **1 expired with no response**; first response after 1h 30m (median), 2h (90th percentile).',
      '',
      '| Type | Requests | By final status | Expired unanswered | First response: median / 90th percentile |',
      '| --- | --- | --- | --- | --- |',
      '| Secret scanning bypass request | 2 | approved 1 · expired 1 | 1 | 2h / 2h (1 answered) |',
      '| Dependabot alert dismissal request | 1 | open 1 | 0 | 1h / 1h (1 answered) |',
      '| **All types** | 3 | approved 1 · expired 1 · open 1 | 1 | 1h 30m / 2h (2 answered) |',
      '',
      '**Who responds, and how fast**',
      '',
      '| Reviewer | Responses | Median time to respond |',
      '| --- | --- | --- |',
      '| alice | 2 | 16h |',
      '| bob | 1 | 1h |',
      '',
      '**Repositories with the most requests** (at most 10)',
      '',
      '| Repository | Requests |',
      '| --- | --- |',
      '| octo-org/smile | 2 |',
      '| octo-org/api | 1 |',
      '',
      '**Requesters with the most requests** (at most 10)',
      '',
      '| Requester | Requests |',
      '| --- | --- |',
      '| monalisa | 2 |',
      '| hubot | 1 |',
      ''
    ])
  })

  test('the same, read back as tables', () => {
    const ts = tables(metricsSection(reviewMetrics(records), 'week').join('\n'))
    expect(ts.map(cells)).toEqual([
      [
        ['Type', 'Requests', 'By final status', 'Expired unanswered', 'First response: median / 90th percentile'],
        ['Secret scanning bypass request', '2', 'approved 1 · expired 1', '1', '2h / 2h (1 answered)'],
        ['Dependabot alert dismissal request', '1', 'open 1', '0', '1h / 1h (1 answered)'],
        ['All types', '3', 'approved 1 · expired 1 · open 1', '1', '1h 30m / 2h (2 answered)']
      ],
      [
        ['Reviewer', 'Responses', 'Median time to respond'],
        ['alice', '2', '16h'],
        ['bob', '1', '1h']
      ],
      [
        ['Repository', 'Requests'],
        ['octo-org/smile', '2'],
        ['octo-org/api', '1']
      ],
      [
        ['Requester', 'Requests'],
        ['monalisa', '2'],
        ['hubot', '1']
      ]
    ])
  })

  test('no request: dashes for the times, none answered, no reviewer or ranking table', () => {
    expect(metricsSection(reviewMetrics([]), 'day')).toEqual([
      '### Review metrics (requests from the last day)',
      '',
      '0 requests; **0 expired with no response**; first response after — (median), — (90th percentile).',
      '',
      '| Type | Requests | By final status | Expired unanswered | First response: median / 90th percentile |',
      '| --- | --- | --- | --- | --- |',
      '| **All types** | 0 | — | 0 | none answered |',
      ''
    ])
  })

  test('hostile reviewer, repository and requester names are escaped: no column, link, mention or HTML', () => {
    const hostile = '| x | [l](https://evil.test) @team <img src=x> `c` **b**'
    const md = metricsSection(reviewMetrics([made({ repository: `octo-org/${hostile}`, requester: hostile }, [[hostile, 1]])]), 'month').join('\n')
    expect(md).not.toMatch(/<img|\]\(https:\/\/evil|@team/)
    const ts = tables(md)
    expect(ts.map(t => t.header.length)).toEqual([5, 3, 2, 2])
    for (const t of ts) for (const line of t.raw.trim().split('\n')) expect(gfmCells(line)).toHaveLength(t.header.length)
    // The names' tables: text only.
    for (const t of ts.slice(1)) {
      for (const row of t.rows) for (const cell of row) expect(cell.tokens.map(x => x.type).filter(x => x !== 'text' && x !== 'escape')).toEqual([])
    }
    const visible = (t: Tokens.Table) => plain(t.rows[0]![0]!.tokens).replace(/&lt;/g, '<').replace(/&gt;/g, '>')
    expect(ts.slice(1).map(visible)).toEqual([hostile, `octo-org/${hostile}`, hostile])
  })

  test('a reviewer, repository or requester GitHub sent empty is named so', () => {
    const ts = tables(metricsSection(reviewMetrics([made({ repository: '', requester: '' }, [['', 1]])]), 'month').join('\n'))
    expect(ts.slice(1).map(t => cells(t)[1])).toEqual([
      ['(unknown)', '1', '1h'],
      ['(none)', '1'],
      ['(none)', '1']
    ])
  })

  test('the reviewers table is cut to its budget, and says how many more there are', () => {
    // 500 reviewers of one response each, 100-character names: each row `| <name> | 1 | 1h |` is 113 bytes and a newline.
    const names = Array.from({ length: 500 }, (_, i) => `reviewer-${String(i).padStart(3, '0')}-`.padEnd(100, 'x'))
    const lines = metricsSection(
      reviewMetrics([
        made(
          {},
          names.map(name => [name, 1])
        )
      ]),
      'month'
    )
    // The budget is half the section's: 50,000 bytes, less the header (49 bytes) and the separator (19), each with its newline:
    // 49,930 bytes hold ⌊49,930 / 114⌋ = 437 rows.
    expect(METRICS_BUDGET_BYTES / 2).toBe(50_000)
    const reviewers = tables(lines.join('\n')).find(t => t.header[0]!.text === 'Reviewer')!
    expect(reviewers.rows).toHaveLength(437)
    expect(reviewers.rows.map(r => plain(r[0]!.tokens))).toEqual(names.slice(0, 437))
    expect(lines).toContain('63 more reviewers in the report-json file.')
    expect(Buffer.byteLength(lines.join('\n'))).toBeLessThan(METRICS_BUDGET_BYTES)
  })

  test('a type with requests but none answered: none answered, not dashes', () => {
    const [, , , , , , bypassRow] = metricsSection(reviewMetrics([made({ status: 'open' })]), 'month')
    expect(bypassRow).toBe('| Secret scanning bypass request | 1 | open 1 | 0 | none answered |')
  })

  test('every reviewer fits: no "more reviewers" line', () => {
    expect(metricsSection(reviewMetrics(records), 'month').join('\n')).not.toContain('more reviewers')
  })
})
