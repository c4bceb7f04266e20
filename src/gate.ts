/**
 * The gate: whether the step fails, and the one message that says why.
 * It fails closed: a list that could not be read fails the step, because
 * "no open requests" cannot be claimed from missing data.
 */
import { ageText } from './classify.js'
import type { ListFailure } from './fetch.js'
import type { FailOn } from './inputs.js'
import { shownNumber, type RequestRecord } from './requests.js'
import { forLog } from './text.js'

export interface Counts {
  total: number
  open: number
  stale: number
}

export function countRecords(records: RequestRecord[]): Counts {
  return {
    total: records.length,
    open: records.filter(r => r.open).length,
    stale: records.filter(r => r.stale).length
  }
}

/** Whether this record alone makes the step fail under `fail-on`. */
export function failsGate(record: RequestRecord, failOn: FailOn): boolean {
  return failOn === 'open' ? record.open : failOn === 'stale' ? record.stale : false
}

export function describeRequest(record: RequestRecord): string {
  return `${record.type} ${forLog(record.repository)}#${shownNumber(record)}`
}

export interface Verdict {
  failed: boolean
  messages: string[]
}

/** `records` most urgent first. */
export function gate(records: RequestRecord[], failures: ListFailure[], failOn: FailOn): Verdict {
  const messages: string[] = []
  for (const failure of failures.filter(f => !f.warningOnly)) {
    messages.push(`Could not list ${failure.type.id}: ${failure.reason} The gate fails closed: open requests of this type may exist.`)
  }
  const failing = records.filter(r => failsGate(r, failOn))
  if (failing.length > 0) {
    const counts = countRecords(records)
    const oldest = failing.reduce((a, b) => (b.age_hours > a.age_hours ? b : a))
    messages.push(
      `${counts.open} open exemption request${counts.open === 1 ? '' : 's'} (${counts.stale} stale) matched, failing because fail-on is ${failOn}. ` +
        `The oldest is ${describeRequest(oldest)}, open for ${ageText(oldest)}.`
    )
  }
  return { failed: messages.length > 0, messages }
}
