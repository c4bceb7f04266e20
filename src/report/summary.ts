/**
 * The job summary (and the report-markdown file, same text): a headline,
 * then one table per request type, most urgent first. Every value that
 * came from GitHub goes through forMarkdown, so no comment can add a
 * column, a link, a mention or HTML.
 */
import { countRecords } from '../classify.js'
import type { ListFailure } from '../fetch.js'
import type { ReviewReport } from '../github/review.js'
import type { Settings } from '../inputs.js'
import type { RequestRecord } from '../requests.js'
import { requestType, type TypeId } from '../request-types.js'
import { ageText, expiryText, requestDetails, shownNumber, stateText } from '../request-text.js'
import { forMarkdown } from '../text.js'
import { plural } from '../words.js'
import { link, table, tableRow } from './markdown.js'
import { reviewSection } from './reviews.js'

export const COMMENT_LENGTH = 120
/**
 * GitHub refuses a job summary over 1 MiB and then shows none of it: the
 * request tables stop at this many bytes, leaving room for the rest, and
 * say how many rows they leave out (report-json has them all).
 */
export const TABLE_BUDGET_BYTES = 800_000
export const COLUMNS = ['Repository', 'Number', 'Requester', 'Age', 'Expires in', 'Status', 'Reasons / secret types / ruleset', 'Comment']

function statusCell(record: RequestRecord): string {
  return record.stale ? '**stale**' : forMarkdown(stateText(record))
}

function requestRow(record: RequestRecord, now: number): string[] {
  return [
    forMarkdown(record.repository),
    link(`#${shownNumber(record)}`, record.html_url),
    forMarkdown(record.requester),
    ageText(record),
    expiryText(record, now) ?? '—',
    statusCell(record),
    forMarkdown(requestDetails(record), 200) || '—',
    forMarkdown(record.comment, COMMENT_LENGTH) || '—'
  ]
}

/** One group per type, in the order of the most urgent request each holds (`records` are most urgent first). */
function byType(records: readonly RequestRecord[]): Map<TypeId, RequestRecord[]> {
  const groups = new Map<TypeId, RequestRecord[]>()
  for (const record of records) {
    const rows = groups.get(record.type)
    if (rows) rows.push(record)
    else groups.set(record.type, [record])
  }
  return groups
}

export interface SummaryInput {
  settings: Pick<Settings, 'scope' | 'scopeName' | 'timePeriod' | 'requestStatus' | 'staleAfter'>
  now: number
  /** Matched records, most urgent first. */
  records: RequestRecord[]
  failures: ListFailure[]
  reviews?: ReviewReport
}

export function summaryMarkdown({ settings, now, records, failures, reviews }: SummaryInput): string {
  const counts = countRecords(records)
  const lines: string[] = [
    `## Exemption requests for ${forMarkdown(settings.scopeName)} (${settings.scope})`,
    '',
    `**${counts.stale} stale** · **${counts.open} open** · ${counts.total} matched — ` +
      `requests from the last ${settings.timePeriod}, status ${settings.requestStatus}, stale after ${forMarkdown(settings.staleAfter)}.`,
    ''
  ]
  for (const failure of failures) {
    lines.push(`> ${failure.warningOnly ? '⚠️ Skipped' : '❌ Could not list'} ${failure.type.id}: ${forMarkdown(failure.reason, 1000)}`, '')
  }
  if (records.length === 0) {
    lines.push(failures.some(f => !f.warningOnly) ? 'No requests matched in the lists that could be read.' : 'No exemption requests matched.', '')
  }
  let budget = TABLE_BUDGET_BYTES
  for (const [typeId, rows] of byType(records)) {
    const shown: string[][] = []
    for (const record of rows) {
      const row = requestRow(record, now)
      budget -= Buffer.byteLength(tableRow(row)) + 1
      if (budget < 0) break
      shown.push(row)
    }
    lines.push(`### ${requestType(typeId).title}s (${rows.length})`, '')
    if (shown.length > 0) lines.push(...table(COLUMNS, shown), '')
    if (shown.length < rows.length) {
      lines.push(`${plural(rows.length - shown.length, 'more request')} not shown: a job summary holds at most 1 MiB. The report-json file lists them all.`, '')
    }
  }
  if (reviews) lines.push(...reviewSection(reviews), '')
  lines.push(`<sub>${plural(counts.total, 'request')} · generated ${new Date(now).toISOString()}</sub>`, '')
  return lines.join('\n')
}
