/**
 * How a request is shown to people, in every log line, annotation, table and
 * message: its label (`type owner/repo#N`), age, state, expiry and details.
 * The values come from other people: escape them (forLog, forMarkdown)
 * before writing.
 */
import { HOUR } from './classify.js'
import { humanDuration } from './duration.js'
import { numberNoun, requestType, type DetailField, type TypeId } from './request-types.js'
import { targetNumber, type RequestRecord } from './requests.js'

/** The number shown for a request and what it counts. */
export interface ShownNumber {
  noun: 'alert' | 'request'
  /** null when GitHub sent no number the action can read. */
  number: number | null
}

/** The number its target names (the alert number of a dismissal request), else its request number. */
export function shownNumber(record: RequestRecord): ShownNumber {
  const key = targetNumber(record)
  return key !== undefined ? { noun: numberNoun(requestType(record.type)), number: key } : { noun: 'request', number: record.number }
}

/** `alert #230`, `request #12`, `request #?`. */
export function numberText({ noun, number }: ShownNumber): string {
  return `${noun} #${number ?? '?'}`
}

/** `code-scanning-dismissal octo-org/web alert #230` from its parts. */
export function labelOf(type: TypeId, repository: string, number: ShownNumber): string {
  return `${type} ${placeText(repository, number)}`
}

/** `octo-org/web alert #230`: where the request is, and its labelled number. */
function placeText(repository: string, number: ShownNumber): string {
  return `${repository || '(no repository)'} ${numberText(number)}`
}

/** `code-scanning-dismissal octo-org/web alert #230`: the type id, the repository and the labelled number. */
export function requestLabel(record: RequestRecord): string {
  return labelOf(record.type, record.repository, shownNumber(record))
}

/** `Code scanning alert dismissal request octo-org/web alert #230`: the label in words, for titles. */
export function requestTitle(record: RequestRecord): string {
  return `${requestType(record.type).title} ${placeText(record.repository, shownNumber(record))}`
}

/** `3d 4h`: the request's age. */
export function ageText(record: RequestRecord): string {
  return humanDuration(record.age_hours * HOUR)
}

/** `expiring, stale`, `stale`, `open`, or GitHub's status: the states that call for action first. */
export function stateText(record: RequestRecord): string {
  const urgent = [record.expiring ? 'expiring' : '', record.stale ? 'stale' : ''].filter(Boolean)
  return urgent.length > 0 ? urgent.join(', ') : record.open ? 'open' : record.status
}

/** What this run did to the request: `denied by this run`, `would deny (dry run)`, `deny failed`; undefined when it did nothing. */
export function reviewText(record: RequestRecord): string | undefined {
  const review = record.review
  if (!review || review.outcome === 'skipped') return undefined
  const verb = review.action === 'dismiss-response' ? 'dismiss responses' : review.action
  if (review.outcome === 'dry-run') return `would ${verb} (dry run)`
  if (review.outcome === 'failed') return `${verb} failed`
  return review.action === 'dismiss-response' ? 'responses dismissed by this run' : `${record.status} by this run`
}

/** Whether the request is past its expiry (GitHub may still call it open). */
export function hasExpired(record: RequestRecord): boolean {
  return record.expires_in_hours !== null && record.expires_in_hours <= 0
}

/** `expired`, the time left (`2d 3h`), or undefined when GitHub sent no expiry. */
export function expiryText(record: RequestRecord): string | undefined {
  const hours = record.expires_in_hours
  return hours === null ? undefined : hasExpired(record) ? 'expired' : humanDuration(hours * HOUR)
}

/** The alert in a few words: `secret still active · open`, `critical · CVE-2024-1234 · open`, `alert unavailable`; undefined when not fetched. */
export function alertText(record: RequestRecord): string | undefined {
  const alert = record.alert
  if (!alert) return undefined
  if (!alert.available) return 'alert unavailable'
  const validity = alert.validity === 'active' ? 'secret still active' : alert.validity ? `secret ${alert.validity}` : undefined
  return [validity, alert.severity, alert.cve_id, alert.secret_type, alert.state].filter(Boolean).join(' · ') || 'no details'
}

/** `fails the justification policy: the comment is blank`; undefined when it passes. */
export function policyText(record: RequestRecord): string | undefined {
  return record.policy_violations.length > 0 ? `fails the justification policy: ${record.policy_violations.join('; ')}` : undefined
}

/** One detail of a request as its type's table shows it: `refs/heads/` left off a branch, a file with its line. */
export function detailText(record: RequestRecord, field: DetailField): string {
  switch (field) {
    case 'secret_types':
    case 'reasons':
      return record[field].join(', ')
    case 'branch':
      return record.branch?.replace(/^refs\/heads\//, '') ?? ''
    case 'file':
      return record.path === null ? '' : `${record.path}${record.line === null ? '' : `:${record.line}`}`
    case 'ruleset':
      return record.ruleset ?? ''
  }
}

/** Reasons, secret types and ruleset, as one list. */
export function requestDetails(record: RequestRecord): string {
  return [...record.reasons, ...record.secret_types, ...(record.ruleset ? [record.ruleset] : [])].join(', ')
}
