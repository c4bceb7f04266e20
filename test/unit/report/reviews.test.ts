import { describe, expect, test } from '@jest/globals'
import type { ReviewReport } from '../../../src/github/review.js'
import { byteLength } from '../../../src/report/markdown.js'
import { REVIEWS_BUDGET_BYTES, reviewSection } from '../../../src/report/reviews.js'
import { REPO, bypass, reviewCall as call } from '../record-builders.js'
import { gfmCells, plain, tables } from './markdown-reading.js'

function report(more: Partial<ReviewReport> = {}): ReviewReport {
  return { review: 'approve', policy: false, dryRun: false, calls: [], skipped: [], errors: [], reviewed: 0, failures: 0, ...more }
}

const NOTE = 'not shown here: a job summary holds at most 1 MiB. The report-json file lists them all.'

describe('reviewSection', () => {
  test('the calls made, with their results', () => {
    const lines = reviewSection(report({ calls: [call(1), call(2, { status: 422, ok: false, message: 'Not open.' })], reviewed: 1, failures: 1 }))
    expect(lines.slice(0, 4)).toEqual(['### Reviews: approve', '', '1 succeeded, 1 failed.', ''])
    const [t] = tables(lines.join('\n'))
    expect(t!.rows.map(r => r.map(c => plain(c.tokens)))).toEqual([
      [
        `secret-scanning-bypass ${REPO} request #1`,
        'approve',
        `PATCH /repos/${REPO}/bypass-requests/secret-scanning/1`,
        '{"status":"approve","message":"Reviewed."}',
        '✅ 200'
      ],
      [
        `secret-scanning-bypass ${REPO} request #2`,
        'approve',
        `PATCH /repos/${REPO}/bypass-requests/secret-scanning/2`,
        '{"status":"approve","message":"Reviewed."}',
        '❌ 422: Not open.'
      ]
    ])
  })

  test('a dry run says so, and no call has a result', () => {
    const lines = reviewSection(report({ dryRun: true, calls: [call(1, { status: null, ok: false })] }))
    expect(lines[0]).toBe('### Reviews: approve (dry run: no call was made)')
    expect(lines).not.toContain('0 succeeded, 0 failed.')
    expect(plain(tables(lines.join('\n'))[0]!.rows[0]![4]!.tokens)).toBe('not made (dry run)')
  })

  test('the justification policy’s denials say why in the heading, before a dry run', () => {
    expect(reviewSection(report({ review: 'deny', policy: true }))[0]).toBe('### Reviews: deny (the justification policy)')
    expect(reviewSection(report({ review: 'deny', policy: true, dryRun: true }))[0]).toBe('### Reviews: deny (the justification policy) (dry run: no call was made)')
  })

  test('no call and no error: no call was needed', () => {
    expect(reviewSection(report())).toEqual(['### Reviews: approve', '', 'No review call was needed.', ''])
  })

  test('plan errors take at most a quarter of the budget; the rest are counted', () => {
    const errors = Array.from({ length: 50 }, (_, i) => `Error ${i + 1} ${'x'.repeat(900)}`)
    const lines = reviewSection(report({ errors }), 20_000)
    const shown = lines.filter(line => line.startsWith('- Error '))
    expect(shown.length).toBeGreaterThan(0)
    expect(byteLength(shown)).toBeLessThanOrEqual(5_000)
    expect(shown).toEqual(errors.slice(0, shown.length).map(e => `- ${e}`))
    expect(lines).toContain(`${50 - shown.length} more reasons ${NOTE}`)
    expect(lines.slice(0, 4)).toEqual(['### Reviews: approve', '', 'Nothing was reviewed:', ''])
  })

  test('the calls take half of the budget left after the heading: exact cut points', () => {
    const oneCallTable = reviewSection(report({ calls: [call(1)], reviewed: 1 })).filter(line => line.startsWith('|'))
    const head = byteLength(['### Reviews: approve', '', '2 succeeded, 0 failed.', ''])
    const two = report({ calls: [call(1), call(2)], reviewed: 2 })
    // Half of what is left holds exactly the table with its first row: one call shown, one counted.
    const fits = reviewSection(two, head + 2 * byteLength(oneCallTable))
    expect(fits.filter(line => line.startsWith('|'))).toEqual(oneCallTable)
    expect(fits).toContain(`1 more call ${NOTE}`)
    // A byte less: no table at all, both counted.
    const short = reviewSection(two, head + 2 * byteLength(oneCallTable) - 1)
    expect(short.filter(line => line.startsWith('|'))).toEqual([])
    expect(short).toContain(`2 more calls ${NOTE}`)
  })

  test.each([5_000, 20_000, 100_000, REVIEWS_BUDGET_BYTES])('the section stays within a budget of %d bytes, its tables whole', budget => {
    const heavy = '| x | `y` <b>z</b> @a **b** '.repeat(20)
    const lines = reviewSection(
      report({
        calls: Array.from({ length: 1000 }, (_, i) => call(i + 1, { status: 422, ok: false, message: heavy })),
        skipped: Array.from({ length: 1000 }, (_, i) => ({ record: bypass(i + 1), reason: heavy })),
        errors: [],
        failures: 1000
      }),
      budget
    )
    expect(byteLength(lines)).toBeLessThanOrEqual(budget)
    for (const t of tables(lines.join('\n'))) {
      for (const line of t.raw.trim().split('\n')) expect(gfmCells(line)).toHaveLength(5)
    }
    expect(lines.filter(line => line.includes(NOTE))).toHaveLength(2)
  })
})
