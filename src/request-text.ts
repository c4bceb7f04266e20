/**
 * How a request is shown to people, in every log line, annotation, table and
 * message: its label (`type owner/repo#N`), age, state, expiry and details.
 * The values come from other people: escape them (forLog, forMarkdown)
 * before writing.
 */
import { HOUR, expiresInMs } from './classify.js'
import { humanDuration } from './duration.js'
import { requestType, type TypeId } from './request-types.js'
import { targetNumber, type RequestRecord } from './requests.js'

/** The number shown for a request: its review key, or its own number when it has none. */
export function shownNumber(record: RequestRecord): number {
  return targetNumber(record) ?? record.number
}

/** `code-scanning-dismissal octo-org/web#230` from its parts. */
export function labelOf(type: TypeId, repository: string, number: number): string {
  return `${type} ${repository}#${number}`
}

/** `code-scanning-dismissal octo-org/web#230`: the type id, the repository and the shown number. */
export function requestLabel(record: RequestRecord): string {
  return labelOf(record.type, record.repository, shownNumber(record))
}

/** `code-scanning-dismissal:octo-org/web#230`, as review-targets names it; `#request-N` when it names no alert. */
export function targetText(record: RequestRecord): string {
  return `${record.type}:${record.repository}#${targetNumber(record) ?? `request-${record.number}`}`
}

/** `Code scanning alert dismissal request octo-org/web#230`: the label in words, for titles. */
export function requestTitle(record: RequestRecord): string {
  return `${requestType(record.type).title} ${record.repository}#${shownNumber(record)}`
}

/** `3d 4h`: the request's age. */
export function ageText(record: RequestRecord): string {
  return humanDuration(record.age_hours * HOUR)
}

/** `stale`, `open`, or GitHub's status. */
export function stateText(record: RequestRecord): string {
  return record.stale ? 'stale' : record.open ? 'open' : record.status
}

/** `expired`, the time left (`2d 3h`), or undefined when GitHub sent no expiry. */
export function expiryText(record: RequestRecord, now: number): string | undefined {
  const ms = expiresInMs(record, now)
  return ms === undefined ? undefined : ms <= 0 ? 'expired' : humanDuration(ms)
}

/** Reasons, secret types and ruleset, as one list. */
export function requestDetails(record: RequestRecord): string {
  return [...record.reasons, ...record.secret_types, ...(record.ruleset ? [record.ruleset] : [])].join(', ')
}
