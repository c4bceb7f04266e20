/**
 * The job summary's Reviews section: every call made (or, in a dry run,
 * that would be made) and every request skipped, within a byte budget;
 * what does not fit is counted (report-json has it all).
 */
import type { ReviewReport } from '../github/review.js'
import { numberNoun, requestType } from '../request-types.js'
import { labelOf, requestLabel } from '../request-text.js'
import { forMarkdown } from '../text.js'
import { plural } from '../words.js'
import { byteLength, linesWithin, tableWithin } from './markdown.js'

/** The most bytes the section takes, out of the summary's 1 MiB. */
export const REVIEWS_BUDGET_BYTES = 300_000

function notShown(count: number, what: string): string[] {
  return count > 0 ? [`${plural(count, what)} not shown here: a job summary holds at most 1 MiB. The report-json file lists them all.`, ''] : []
}

export function reviewSection(report: ReviewReport, budget = REVIEWS_BUDGET_BYTES): string[] {
  const why = report.policy ? ' (the justification policy)' : ''
  const lines = [`### Reviews: ${report.review}${why}${report.dryRun ? ' (dry run: no call was made)' : ''}`, '']
  if (report.errors.length > 0) {
    const errors = linesWithin(
      report.errors.map(e => `- ${forMarkdown(e, 1000)}`),
      budget / 4
    )
    lines.push('Nothing was reviewed:', '', ...errors, '', ...notShown(report.errors.length - errors.length, 'more reason'))
  }
  if (report.calls.length > 0) {
    if (!report.dryRun) lines.push(`${report.reviewed} succeeded, ${report.failures} failed.`, '')
    const calls = tableWithin(
      ['Request', 'Action', 'Call', 'Body', 'Result'],
      report.calls,
      c => [
        forMarkdown(labelOf(c.type, c.repository, { noun: numberNoun(requestType(c.type)), number: c.number })),
        forMarkdown(c.action),
        forMarkdown(`${c.method} ${c.path}`),
        c.body ? forMarkdown(JSON.stringify(c.body), 200) : '—',
        report.dryRun ? 'not made (dry run)' : c.ok ? `✅ ${c.status}` : `❌ ${c.status ?? 'no answer'}: ${forMarkdown(c.message ?? '', 300)}`
      ],
      // The calls may take half of what is left; the skipped requests the rest.
      (budget - byteLength(lines)) / 2
    )
    lines.push(...calls.lines, '', ...notShown(calls.leftOut, 'more call'))
  } else if (report.errors.length === 0) {
    lines.push('No review call was needed.', '')
  }
  if (report.skipped.length > 0) {
    const items = report.skipped.map(s => `- ${forMarkdown(requestLabel(s.record))}: ${forMarkdown(s.reason, 300)}`)
    const shown = linesWithin(items, budget - byteLength(lines) - 1000)
    lines.push(
      `<details><summary>${report.skipped.length} skipped</summary>`,
      '',
      ...shown,
      '',
      ...notShown(items.length - shown.length, 'more skipped request'),
      '</details>',
      ''
    )
  }
  return lines
}
