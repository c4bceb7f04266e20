/**
 * Annotations, most urgent first. GitHub shows at most 10 errors and 10
 * warnings per step, counting every annotation the step prints: the
 * warnings about the run itself and the step's failure message take their
 * slots first, the requests get what is left, and the rest are counted in
 * one notice that points to the job summary. A secret scanning bypass
 * request whose file is in the repository under check lands on the pull
 * request diff.
 */
import * as core from '@actions/core'
import type { ListFailure } from '../fetch.js'
import { failsGate } from '../gate.js'
import type { Settings } from '../inputs.js'
import { fullName } from '../repositories.js'
import type { RequestRecord } from '../requests.js'
import { ageText, expiryText, requestDetails, requestTitle, stateText } from '../request-text.js'
import { forLog } from '../text.js'
import { plural } from '../words.js'

export const PER_LEVEL = 10

export interface Annotation {
  level: 'error' | 'warning' | 'notice'
  message: string
  properties: core.AnnotationProperties
}

export type AnnotationSettings = Pick<Settings, 'failOn' | 'repository'>

/** What the step prints besides the requests' annotations. */
export interface RunAnnotations {
  /** The step fails: its failure message is one more error. */
  stepFails?: boolean
  /** Warnings about the run itself (a list skipped, an output trimmed), printed before the requests. */
  warnings?: Annotation[]
}

function whenText(record: RequestRecord, now: number): string {
  const expiry = expiryText(record, now)
  const expires = expiry === undefined ? '' : expiry === 'expired' ? ', expired' : `, expires in ${expiry}`
  return `${forLog(stateText(record), 40)}, ${ageText(record)} old${expires}`
}

export function annotationFor(record: RequestRecord, level: 'error' | 'warning', settings: AnnotationSettings, now: number): Annotation {
  const details = requestDetails(record)
  const message =
    `Requested by ${forLog(record.requester || 'unknown')} (${whenText(record, now)})` +
    (details ? ` [${forLog(details, 200)}]` : '') +
    (record.comment ? `: ${forLog(record.comment, 500)}` : '') +
    (record.html_url ? ` ${forLog(record.html_url)}` : '')
  const properties: core.AnnotationProperties = { title: forLog(requestTitle(record), 200) }
  const inRepository = settings.repository !== undefined && record.repository.toLowerCase() === fullName(settings.repository).toLowerCase()
  if (inRepository && record.path) {
    properties.file = forLog(record.path, 500)
    if (record.line !== null) properties.startLine = record.line
  }
  return { level, message, properties }
}

/** A warning for each list skipped because its feature is off (reached through `all`). */
export function listWarnings(failures: readonly ListFailure[]): Annotation[] {
  return failures
    .filter(f => f.warningOnly)
    .map(f => ({ level: 'warning', message: `Skipped ${f.type.id}: ${f.reason}`, properties: { title: 'Request type not available' } }))
}

/**
 * The run's warnings, then the open requests among `records` (most urgent
 * first) as errors when they fail the gate and warnings otherwise, within
 * what is left of each level once the run's own annotations are counted.
 * `records`: null when the requests are not annotated (`annotations: false`).
 */
export function planAnnotations(
  records: RequestRecord[] | null,
  settings: AnnotationSettings,
  now: number,
  { stepFails = false, warnings = [] }: RunAnnotations = {}
): Annotation[] {
  const annotations: Annotation[] = [...warnings]
  const shown = { error: stepFails ? 1 : 0, warning: warnings.length }
  let more = 0
  for (const record of (records ?? []).filter(r => r.open)) {
    const level = failsGate(record, settings.failOn) ? 'error' : 'warning'
    if (shown[level] < PER_LEVEL) {
      shown[level]++
      annotations.push(annotationFor(record, level, settings, now))
    } else {
      more++
    }
  }
  if (more > 0) {
    annotations.push({
      level: 'notice',
      message: `${plural(more, 'more open request is', 'more open requests are')} listed in the job summary and the report-json file.`,
      properties: { title: 'More exemption requests' }
    })
  }
  return annotations
}

export function writeAnnotations(annotations: Annotation[]): void {
  for (const { level, message, properties } of annotations) core[level](message, properties)
}
