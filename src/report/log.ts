/** What the step prints about the lists, the requests and the review calls: one safe line each. */
import type { ListFailure } from '../fetch.js'
import type { CallRecord } from '../github/review.js'
import type { RequestRecord } from '../requests.js'
import { ageText, requestLabel, stateText } from '../request-text.js'
import { forLog } from '../text.js'
import { group, info } from '../workflow-commands.js'

/** A list that could not be read (a skipped one is a warning annotation; a failed one is told again in the failure message). */
export function logFailures(failures: ListFailure[]): void {
  for (const failure of failures.filter(f => !f.warningOnly)) info(`Could not list ${failure.type.id}: ${forLog(failure.reason)}`)
}

export function requestLine(record: RequestRecord): string {
  const comment = record.comment ? `: ${forLog(record.comment, 200)}` : ''
  return `[${forLog(stateText(record), 40)}] ${forLog(requestLabel(record))} by ${forLog(record.requester || 'unknown')}, ${ageText(record)} old${comment}`
}

/** Request lines the log holds at most: the most urgent; the report files have them all. */
export const LOGGED_REQUESTS = 200

/** The most urgent requests, a line each, written at once. */
export function logRequests(records: RequestRecord[], title: string): void {
  const lines = records.slice(0, LOGGED_REQUESTS).map(requestLine)
  const more = records.length - lines.length
  if (more > 0) lines.push(`… and ${more} more, less urgent: the job summary and the report-json file list them.`)
  group(`${title} (${records.length})`, lines.join('\n'))
}

export function logCall(call: CallRecord, dryRun: boolean): void {
  const body = call.body ? ` ${forLog(JSON.stringify(call.body), 400)}` : ''
  const result = dryRun ? 'dry run, not made' : call.ok ? `${call.status}` : `failed${call.status === null ? '' : ` ${call.status}`} ${forLog(call.message ?? '')}`
  info(`${call.method} ${forLog(call.path)}${body} → ${result}`)
}
