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
import { ageText, expiryText, numberText, requestDetails, reviewText, shownNumber, stateText } from '../request-text.js'
import { forMarkdown } from '../text.js'
import { plural } from '../words.js'
import { byteLength, link, tableWithin } from './markdown.js'
import { reviewSection } from './reviews.js'

export const COMMENT_LENGTH = 120
/**
 * GitHub refuses a job summary over 1 MiB (1,048,576 bytes) and then shows
 * none of it: the whole summary stays under this many bytes. The Reviews
 * section takes what it needs within its own budget; the request tables
 * take the rest, and say how many rows they leave out (report-json has
 * them all).
 */
export const SUMMARY_LIMIT_BYTES = 1_000_000
/** Room kept for each type's heading and "not shown" line. */
const SECTION_BYTES = 300
export const COLUMNS = ['Repository', 'Number', 'Requester', 'Age', 'Expires in', 'Status', 'Reasons / secret types / ruleset', 'Comment']

function statusCell(record: RequestRecord): string {
  const state = record.stale ? '**stale**' : forMarkdown(stateText(record))
  const review = reviewText(record)
  return review ? `${state} · ${forMarkdown(review)}` : state
}

function requestRow(record: RequestRecord, now: number): string[] {
  return [
    forMarkdown(record.repository),
    link(numberText(shownNumber(record)), record.html_url),
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
  const reviewLines = reviews ? [...reviewSection(reviews), ''] : []
  const footer = [`<sub>${plural(counts.total, 'request')} · generated ${new Date(now).toISOString()}</sub>`, '']
  const groups = byType(records)
  // Every type's heading and "not shown" line are kept room for first, so that the tables alone spend the rest.
  let budget = SUMMARY_LIMIT_BYTES - byteLength(lines) - byteLength(reviewLines) - byteLength(footer) - groups.size * SECTION_BYTES
  for (const [typeId, rows] of groups) {
    const heading = [`### ${requestType(typeId).title}s (${rows.length})`, '']
    const shown = tableWithin(COLUMNS, rows, record => requestRow(record, now), budget)
    const note = shown.leftOut > 0 ? [`${plural(shown.leftOut, 'more request')} not shown: a job summary holds at most 1 MiB. The report-json file lists them all.`, ''] : []
    budget -= byteLength(shown.lines) + 1
    lines.push(...heading, ...(shown.lines.length > 0 ? [...shown.lines, ''] : []), ...note)
  }
  lines.push(...reviewLines, ...footer)
  return lines.join('\n')
}
