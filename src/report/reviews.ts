/** The job summary's Reviews section: every call made (or, in a dry run, that would be made). */
import type { ReviewReport } from '../github/review.js'
import { labelOf, requestLabel } from '../request-text.js'
import { forMarkdown } from '../text.js'
import { table } from './markdown.js'

export function reviewSection(report: ReviewReport): string[] {
  const lines = [`### Reviews: ${report.review}${report.dryRun ? ' (dry run: no call was made)' : ''}`, '']
  if (report.errors.length > 0) {
    lines.push('Nothing was reviewed:', '', ...report.errors.map(e => `- ${forMarkdown(e, 1000)}`), '')
  }
  if (report.calls.length > 0) {
    if (!report.dryRun) lines.push(`${report.reviewed} succeeded, ${report.failures} failed.`, '')
    lines.push(
      ...table(
        ['Request', 'Action', 'Call', 'Body', 'Result'],
        report.calls.map(c => [
          forMarkdown(labelOf(c.type, c.repository, c.number)),
          forMarkdown(c.action),
          forMarkdown(`${c.method} ${c.path}`),
          c.body ? forMarkdown(JSON.stringify(c.body), 200) : '—',
          report.dryRun ? 'not made (dry run)' : c.ok ? `✅ ${c.status}` : `❌ ${c.status ?? 'no answer'}: ${forMarkdown(c.message ?? '', 300)}`
        ])
      ),
      ''
    )
  } else if (report.errors.length === 0) {
    lines.push('No review call was needed.', '')
  }
  if (report.skipped.length > 0) {
    lines.push(
      `<details><summary>${report.skipped.length} skipped</summary>`,
      '',
      ...report.skipped.map(s => `- ${forMarkdown(requestLabel(s.record))}: ${forMarkdown(s.reason)}`),
      '',
      '</details>',
      ''
    )
  }
  return lines
}
