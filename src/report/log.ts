/** What the step prints about the requests it found, one safe line each. */
import * as core from '@actions/core'
import { ageText, stateText } from '../classify.js'
import type { ListFailure } from '../fetch.js'
import type { CallRecord } from '../github/review.js'
import { shownNumber, type RequestRecord } from '../requests.js'
import { forLog } from '../text.js'

export function logFailures(failures: ListFailure[]): void {
  for (const failure of failures) {
    const text = `${failure.type.id}: ${failure.reason}`
    // A hard failure is told once, in the step's failure message (it fails closed).
    if (failure.warningOnly) core.warning(`Skipped ${text}`, { title: 'Request type not available' })
    else core.info(`Could not list ${text}`)
  }
}

export function requestLine(record: RequestRecord): string {
  const comment = record.comment ? `: ${forLog(record.comment, 200)}` : ''
  return `[${forLog(stateText(record), 40)}] ${record.type} ${forLog(record.repository)}#${shownNumber(record)} by ${forLog(record.requester || 'unknown')}, ${ageText(record)} old${comment}`
}

export function logRequests(records: RequestRecord[], title: string): void {
  core.startGroup(`${title} (${records.length})`)
  for (const record of records) core.info(requestLine(record))
  core.endGroup()
}

export function logCall(call: CallRecord, dryRun: boolean): void {
  const body = call.body ? ` ${forLog(JSON.stringify(call.body), 400)}` : ''
  const result = dryRun ? 'dry run, not made' : call.ok ? `${call.status}` : `failed ${call.status ?? ''} ${forLog(call.message ?? '')}`
  core.info(`${call.method} ${forLog(call.path)}${body} → ${result}`)
}
