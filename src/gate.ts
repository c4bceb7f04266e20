/**
 * The gate: whether the step fails, and the one message that says why.
 * Everything that can fail the step comes here: lists that could not be
 * read (it fails closed: "no open requests" cannot be claimed from missing
 * data), the matched requests under `fail-on`, a refused review plan and
 * failed review calls.
 */
import { countRecords, firstToRunOut } from './classify.js'
import type { ListFailure } from './fetch.js'
import type { ReviewReport } from './github/review.js'
import type { FailOn } from './inputs.js'
import type { RequestRecord } from './requests.js'
import { ageText, expiryText, requestLabel } from './request-text.js'
import { forLog } from './text.js'
import { plural } from './words.js'

/** How many failed reviews the message names (report-json has them all). */
const NAMED_FAILURES = 10

/** Whether this record alone makes the step fail under `fail-on`. */
export function failsGate(record: RequestRecord, failOn: FailOn): boolean {
  switch (failOn) {
    case 'open':
      return record.open
    case 'stale':
      return record.stale
    case 'expiring':
      return record.expiring
    case 'never':
      return false
  }
}

/** The failing request the message names: the one that expires soonest under `expiring`, else the oldest. */
function named(failing: RequestRecord[], failOn: FailOn): string {
  if (failOn === 'expiring') {
    const [soonest] = firstToRunOut(failing, 1)
    return soonest ? `The soonest to expire is ${forLog(requestLabel(soonest))}: ${expiryText(soonest) ?? 'no expiry given'}.` : ''
  }
  const oldest = failing.reduce((a, b) => (b.age_hours > a.age_hours ? b : a))
  return `The oldest is ${forLog(requestLabel(oldest))}, open for ${ageText(oldest)}.`
}

export interface GateInput {
  /** Matched records, most urgent first. */
  records: RequestRecord[]
  failures: ListFailure[]
  failOn: FailOn
  /** Why the review plan was refused (nothing was reviewed); empty when it was not. */
  planErrors: string[]
  reviews?: ReviewReport
}

export interface Verdict {
  failed: boolean
  /** Why the step fails, one reason each; empty when it passes. */
  messages: string[]
}

export function gate({ records, failures, failOn, planErrors, reviews }: GateInput): Verdict {
  const reasons: string[] = []
  for (const failure of failures.filter(f => !f.warningOnly)) {
    reasons.push(`Could not list ${failure.type.id}: ${failure.reason} The gate fails closed: open requests of this type may exist.`)
  }
  const failing = records.filter(r => failsGate(r, failOn))
  if (failing.length > 0) {
    const counts = countRecords(records)
    reasons.push(
      `${plural(counts.open, 'open exemption request')} (${counts.stale} stale, ${counts.expiring} expiring) matched, failing because fail-on is ${failOn}. ` +
        named(failing, failOn)
    )
  }
  if (planErrors.length > 0) reasons.push('The review plan was refused; nothing was reviewed:', ...planErrors)
  if (reviews && reviews.failures > 0) {
    const failed = reviews.calls.filter(c => !c.ok)
    const named = failed.slice(0, NAMED_FAILURES).map(c => forLog(c.target ?? `${c.method} ${c.path}`))
    const more = failed.length > NAMED_FAILURES ? ` and ${failed.length - NAMED_FAILURES} more` : ''
    reasons.push(`${reviews.failures} of ${plural(reviews.calls.length, 'review call')} failed: ${named.join(', ')}${more}.`)
  }
  return { failed: reasons.length > 0, messages: reasons }
}
