/**
 * Annotations, most urgent first: GitHub shows at most 10 errors and 10
 * warnings per step, so the rest are counted in one notice that points to
 * the job summary. A secret scanning bypass request whose file is in the
 * repository under check lands on the pull request diff.
 */
import * as core from '@actions/core'
import { ageText, expiresInMs, stateText } from '../classify.js'
import { humanDuration } from '../duration.js'
import { failsGate } from '../gate.js'
import type { Settings } from '../inputs.js'
import { requestDetails, shownNumber, type RequestRecord } from '../requests.js'
import { requestType } from '../request-types.js'
import { forLog } from '../text.js'

export const PER_LEVEL = 10

export interface Annotation {
  level: 'error' | 'warning' | 'notice'
  message: string
  properties: core.AnnotationProperties
}

function whenText(record: RequestRecord, now: number): string {
  const expires = expiresInMs(record, now)
  const expiry = expires === undefined ? '' : expires <= 0 ? ', expired' : `, expires in ${humanDuration(expires)}`
  return `${forLog(stateText(record), 40)}, ${ageText(record)} old${expiry}`
}

export function annotationFor(record: RequestRecord, level: 'error' | 'warning', settings: Settings, now: number): Annotation {
  const title = `${requestType(record.type)?.title ?? record.type} ${record.repository}#${shownNumber(record)}`
  const details = requestDetails(record)
  const message =
    `Requested by ${forLog(record.requester || 'unknown')} (${whenText(record, now)})` +
    (details ? ` [${forLog(details, 200)}]` : '') +
    (record.comment ? `: ${forLog(record.comment, 500)}` : '') +
    (record.html_url ? ` ${forLog(record.html_url)}` : '')
  const properties: core.AnnotationProperties = { title: forLog(title, 200) }
  const inRepository =
    settings.repository !== undefined &&
    record.repository.toLowerCase() === `${settings.repository.owner}/${settings.repository.name}`.toLowerCase()
  if (inRepository && record.path) {
    properties.file = forLog(record.path, 500)
    if (record.line !== null) properties.startLine = record.line
  }
  return { level, message, properties }
}

/**
 * `records` most urgent first; only open requests are annotated. `reserved`:
 * annotations of each level the step prints besides these (its failure
 * message, warnings), so that no level passes 10 in all.
 */
export function planAnnotations(
  records: RequestRecord[],
  settings: Settings,
  now: number,
  reserved: { error: number; warning: number } = { error: 0, warning: 0 }
): Annotation[] {
  const annotations: Annotation[] = []
  const shown = { ...reserved }
  let more = 0
  for (const record of records.filter(r => r.open)) {
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
      message: `${more} more open request${more === 1 ? ' is' : 's are'} listed in the job summary and the report-json file.`,
      properties: { title: 'More exemption requests' }
    })
  }
  return annotations
}

export function writeAnnotations(annotations: Annotation[]): void {
  for (const { level, message, properties } of annotations) core[level](message, properties)
}
