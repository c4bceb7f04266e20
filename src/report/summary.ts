/**
 * The job summary (and the report-markdown file, same text): the headline
 * counts, an "Act first" table of what runs out first, one table per request
 * type with the columns that type has, the review metrics and the reviews.
 * Every value that came from GitHub goes through forMarkdown, so no comment
 * can add a column, a link, a mention or HTML.
 */
import { countRecords, dismissesActiveSecret, firstToRunOut, type Counts } from '../classify.js'
import type { ListFailure } from '../fetch.js'
import type { ReviewReport } from '../github/review.js'
import type { Settings } from '../inputs.js'
import type { ReviewMetrics } from '../metrics.js'
import type { RequestRecord } from '../requests.js'
import { requestType, type RequestType, type TypeId } from '../request-types.js'
import { ageText, alertText, detailText, expiryText, numberText, policyText, reviewText, shownNumber, stateText } from '../request-text.js'
import { forMarkdown } from '../text.js'
import { plural } from '../words.js'
import { byteLength, link, tableWithin } from './markdown.js'
import { metricsSection } from './metrics.js'
import { reviewSection } from './reviews.js'

const COMMENT_LENGTH = 120
/**
 * GitHub refuses a job summary over 1 MiB (1,048,576 bytes) and then shows
 * none of it: the whole summary stays under this many bytes. The Reviews
 * and metrics sections take what they need within their own budgets; the
 * request tables take the rest, and say how many rows they leave out
 * (report-json has them all).
 */
export const SUMMARY_LIMIT_BYTES = 1_000_000
/** Room kept for each type's heading and "not shown" line. */
const SECTION_BYTES = 300
/** Rows of the Act first table. */
export const ACT_FIRST_ROWS = 10
/** Rows of each type's table at most: its most urgent requests (report-json has them all). */
export const TYPE_TABLE_ROWS = 100

/** The columns every type's table has, around the type's own; `Alert` for dismissal requests whose alerts were fetched. */
export function columnsOf(type: RequestType, withAlerts = false): string[] {
  const alert = withAlerts && type.alert ? ['Alert'] : []
  return ['Request', 'Requester', 'Status · age', 'Time left', ...type.details.map(d => d.title), ...alert, 'Comment']
}

/** The alert cell: an active secret stands out. */
function alertCell(record: RequestRecord): string {
  const text = alertText(record)
  if (text === undefined) return '—'
  return dismissesActiveSecret(record) ? `🔑 **${forMarkdown(text)}**` : forMarkdown(text)
}

/** The comment, after a mark when it fails the justification policy. */
function commentCell(record: RequestRecord): string {
  const policy = policyText(record)
  const comment = forMarkdown(record.comment, COMMENT_LENGTH) || '—'
  return policy ? `❗ **${forMarkdown(policy, 300)}** · ${comment}` : comment
}

/** `octo-org/smile [request #12](…)`: the repository and the linked, labelled number. */
function requestCell(record: RequestRecord): string {
  return `${forMarkdown(record.repository || '(no repository)')} ${link(numberText(shownNumber(record)), record.html_url)}`
}

/** A duration that a narrow column does not break in two (`3d 20h`). */
const unbroken = (duration: string): string => duration.replace(/ /g, '\u00a0')

function statusCell(record: RequestRecord): string {
  const state = record.stale || record.expiring ? `**${stateText(record)}**` : forMarkdown(stateText(record))
  const review = reviewText(record)
  return `${state} · ${unbroken(ageText(record))}${review ? ` · ${forMarkdown(review)}` : ''}`
}

/** Time left; an expiring request is marked. */
function timeLeftCell(record: RequestRecord): string {
  const left = unbroken(expiryText(record) ?? '—')
  return record.expiring ? `⚠️\u00a0**${left}**` : left
}

function typeRow(record: RequestRecord, type: RequestType, withAlerts: boolean): string[] {
  return [
    requestCell(record),
    forMarkdown(record.requester),
    statusCell(record),
    timeLeftCell(record),
    ...type.details.map(
      column =>
        forMarkdown(
          column.fields
            .map(field => detailText(record, field))
            .filter(Boolean)
            .join(' · '),
          200
        ) || '—'
    ),
    ...(withAlerts && type.alert ? [alertCell(record)] : []),
    commentCell(record)
  ]
}

function actFirstRow(record: RequestRecord): string[] {
  const type = dismissesActiveSecret(record) ? `${forMarkdown(record.type)} · 🔑 **secret still active**` : forMarkdown(record.type)
  return [type, requestCell(record), forMarkdown(record.requester), unbroken(ageText(record)), timeLeftCell(record)]
}

/** One group per type, in the order of the most urgent request each holds (`records` are most urgent first): its first TYPE_TABLE_ROWS records, and how many it has. */
function byType(records: readonly RequestRecord[]): Map<TypeId, { first: RequestRecord[]; total: number }> {
  const groups = new Map<TypeId, { first: RequestRecord[]; total: number }>()
  for (let i = 0; i < records.length; i++) {
    const record = records[i]!
    const group = groups.get(record.type)
    if (!group) groups.set(record.type, { first: [record], total: 1 })
    else if (group.total++ < TYPE_TABLE_ROWS) group.first.push(record)
  }
  return groups
}

export interface SummaryInput {
  now: number
  settings: Pick<Settings, 'scope' | 'scopeName' | 'timePeriod' | 'requestStatus' | 'staleAfter' | 'expiringWithin' | 'includeAlerts'>
  /** Matched records, most urgent first. */
  records: RequestRecord[]
  failures: ListFailure[]
  reviews?: ReviewReport
  metrics?: ReviewMetrics
  /** countRecords(records), when the caller has them already. */
  counts?: Counts
}

/** What the justification policy and the alerts found, in a line each. */
function judgements(records: readonly RequestRecord[]): string[] {
  let failing = 0
  let active = 0
  let unavailable = 0
  for (let i = 0; i < records.length; i++) {
    const record = records[i]!
    if (record.open && record.policy_violations.length > 0) failing++
    if (dismissesActiveSecret(record)) active++
    if (record.alert?.available === false) unavailable++
  }
  return [
    ...(active > 0 ? [`🔑 **${plural(active, 'open request')} to dismiss a secret that is still active** (listed first).`, ''] : []),
    ...(failing > 0 ? [`❗ **${plural(failing, 'open request')} ${failing === 1 ? 'fails' : 'fail'} the justification policy.**`, ''] : []),
    ...(unavailable > 0 ? [`${plural(unavailable, 'alert')} could not be fetched (alert unavailable): see report-json for why.`, ''] : [])
  ]
}

function actFirst(records: readonly RequestRecord[], open: number, expiringWithin: string): string[] {
  if (open === 0) return []
  const table = tableWithin(
    ['Type', 'Request', 'Requester', 'Age', 'Time left'],
    firstToRunOut(records, ACT_FIRST_ROWS, r => r.open),
    actFirstRow,
    20_000
  )
  const more = open > ACT_FIRST_ROWS ? ` The ${ACT_FIRST_ROWS} of ${open} open requests that run out first.` : ''
  return [
    '### Act first',
    '',
    `What runs out first: requests to dismiss a secret that is still active, then soonest expiry, then oldest. ⚠️ marks a request that expires within ${forMarkdown(expiringWithin)}.${more}`,
    '',
    ...table.lines,
    ''
  ]
}

export function summaryMarkdown({ now, settings, records, failures, reviews, metrics, counts = countRecords(records) }: SummaryInput): string {
  const lines: string[] = [
    `## Exemption requests for ${forMarkdown(settings.scopeName)} (${settings.scope})`,
    '',
    `**${counts.expiring} expiring** · **${counts.stale} stale** · **${counts.open} open** · ${counts.total} matched — ` +
      `requests from the last ${settings.timePeriod}, status ${settings.requestStatus}, stale after ${forMarkdown(settings.staleAfter)}, ` +
      `expiring within ${forMarkdown(settings.expiringWithin)}.`,
    ''
  ]
  for (const failure of failures) {
    lines.push(`> ${failure.warningOnly ? '⚠️ Skipped' : '❌ Could not list'} ${failure.type.id}: ${forMarkdown(failure.reason, 1000)}`, '')
  }
  if (records.length === 0) {
    lines.push(failures.some(f => !f.warningOnly) ? 'No requests matched in the lists that could be read.' : 'No exemption requests matched.', '')
  }
  lines.push(...judgements(records))
  lines.push(...actFirst(records, counts.open, settings.expiringWithin))
  const metricLines = metrics ? metricsSection(metrics, settings.timePeriod) : []
  const reviewLines = reviews ? [...reviewSection(reviews), ''] : []
  const footer = [`<sub>${plural(counts.total, 'request')} · generated ${new Date(now).toISOString()}</sub>`, '']
  const groups = byType(records)
  // Every type's heading and "not shown" line are kept room for first, so that the tables alone spend the rest.
  let budget = SUMMARY_LIMIT_BYTES - byteLength(lines) - byteLength(metricLines) - byteLength(reviewLines) - byteLength(footer) - groups.size * SECTION_BYTES
  for (const [typeId, { first, total }] of groups) {
    const type = requestType(typeId)
    const heading = [`### ${type.title}s (${total})`, '']
    const shown = tableWithin(columnsOf(type, settings.includeAlerts), first, record => typeRow(record, type, settings.includeAlerts), budget)
    const leftOut = total - first.length + shown.leftOut
    const why = shown.leftOut > 0 ? 'a job summary holds at most 1 MiB' : `each table shows the ${TYPE_TABLE_ROWS} most urgent`
    const note = leftOut > 0 ? [`${plural(leftOut, 'more request')} not shown: ${why}. The report-json file lists them all.`, ''] : []
    budget -= shown.bytes + 1
    lines.push(...heading, ...(shown.lines.length > 0 ? [...shown.lines, ''] : []), ...note)
  }
  lines.push(...metricLines, ...reviewLines, ...footer)
  return lines.join('\n')
}
