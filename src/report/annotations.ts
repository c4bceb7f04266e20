/**
 * Annotations, most urgent first. GitHub shows at most 10 errors and 10
 * warnings per step, counting every annotation the step prints: the
 * warnings about the run itself and the step's failure message take their
 * slots first (run warnings past 10 are told in one notice), the requests
 * get what is left, and the rest are counted in one notice that points to
 * the job summary. A secret scanning bypass request whose file is in the
 * repository under check lands on the pull request diff.
 */
import type { ListFailure } from '../fetch.js'
import { dismissesActiveSecret } from '../classify.js'
import { failsGate } from '../gate.js'
import type { Settings } from '../inputs.js'
import { fullName, unmatchedPatterns, type RepositoryFilter } from '../repositories.js'
import type { RequestRecord } from '../requests.js'
import { ageText, alertText, expiryText, hasExpired, policyText, requestDetails, requestLabel, requestTitle, reviewText, stateText } from '../request-text.js'
import { forLog } from '../text.js'
import { plural } from '../words.js'
import { annotate, type Annotation, type AnnotationProperties } from '../workflow-commands.js'

export type { Annotation }

export const PER_LEVEL = 10

export type AnnotationSettings = Pick<Settings, 'failOn' | 'repository'>

/** What the step prints besides the requests' annotations. */
export interface RunAnnotations {
  /** The step fails: its failure message is one more error. */
  stepFails?: boolean
  /** Warnings about the run itself (a list skipped, an output trimmed), printed before the requests. */
  warnings?: Annotation[]
}

function whenText(record: RequestRecord): string {
  const expiry = expiryText(record)
  const expires = expiry === undefined ? '' : hasExpired(record) ? ', expired' : `, expires in ${expiry}`
  const review = reviewText(record)
  return `${forLog(stateText(record), 40)}, ${ageText(record)} old${expires}${review ? `, ${forLog(review)}` : ''}`
}

/** A relative path that stays inside the repository: no `..` segment, no drive letter, no backslash, no control character or line separator. */
export function isInsideRepository(path: string): boolean {
  return (
    path !== '' &&
    !path.startsWith('/') &&
    !/^[A-Za-z]:/.test(path) &&
    !path.includes('\\') &&
    // eslint-disable-next-line no-control-regex
    !/[\u0000-\u001f\u007f-\u009f\u2028\u2029]/.test(path) &&
    !path.split('/').includes('..')
  )
}

export function annotationFor(record: RequestRecord, level: 'error' | 'warning', settings: AnnotationSettings): Annotation {
  const details = requestDetails(record)
  const alert = alertText(record)
  const policy = policyText(record)
  const message =
    `Requested by ${forLog(record.requester || 'unknown')} (${whenText(record)})` +
    (details ? ` [${forLog(details, 200)}]` : '') +
    (alert ? ` [alert: ${forLog(alert, 200)}]` : '') +
    (record.comment ? `: ${forLog(record.comment, 500)}` : '') +
    (policy ? ` — ${forLog(policy, 300)}` : '') +
    (record.html_url ? ` ${forLog(record.html_url)}` : '')
  const title = dismissesActiveSecret(record) ? `Active secret: ${requestTitle(record)}` : requestTitle(record)
  const properties: AnnotationProperties = { title: forLog(title, 200) }
  const inRepository = settings.repository !== undefined && record.repository.toLowerCase() === fullName(settings.repository).toLowerCase()
  if (inRepository && record.path !== null && isInsideRepository(record.path)) {
    // As GitHub sent it: annotate escapes annotation properties itself.
    properties.file = record.path
    if (record.line !== null) properties.startLine = record.line
  }
  return { level, message, properties }
}

/** A warning for each list skipped because its feature is off (reached through `all`). */
export function listWarnings(failures: readonly ListFailure[]): Annotation[] {
  return failures
    .filter(f => f.warningOnly)
    .map(f => ({ level: 'warning', message: `Skipped ${f.type.id}: ${forLog(f.reason)}`, properties: { title: 'Request type not available' } }))
}

/** A warning for each request GitHub sent that the action cannot interpret: it counts as open and stale. */
export function problemWarnings(records: readonly RequestRecord[]): Annotation[] {
  return records
    .filter(r => r.problems.length > 0)
    .map(r => ({
      level: 'warning',
      message:
        `GitHub sent a ${r.type} item the action cannot interpret (${forLog(r.problems.join('; '), 500)}): ` +
        `${forLog(requestLabel(r))}${r.id !== null ? `, id ${r.id}` : ''} counts as open and stale and is never reviewed.` +
        (r.html_url ? ` ${forLog(r.html_url)}` : ''),
      properties: { title: 'Request not understood' }
    }))
}

/** A warning for each `repositories` pattern that matched none of the repositories GitHub sent requests for. */
export function patternWarnings(filter: RepositoryFilter, records: readonly RequestRecord[]): Annotation[] {
  if (filter.include.length + filter.exclude.length === 0) return []
  const seen = [...new Set(records.map(r => r.repository))]
  if (seen.length === 0) return []
  return unmatchedPatterns(filter, seen).map(pattern => ({
    level: 'warning',
    message: `The repositories pattern ${forLog(pattern)} matched none of the ${plural(seen.length, 'repository', 'repositories')} with requests: check it for a typo.`,
    properties: { title: 'Repository pattern matched nothing' }
  }))
}

/**
 * The run's warnings, then the open requests among `records` (most urgent
 * first) as errors when they fail the gate and warnings otherwise, within
 * what is left of each level once the run's own annotations are counted.
 * `records`: null when the requests are not annotated (`annotations: false`).
 */
export function planAnnotations(records: RequestRecord[] | null, settings: AnnotationSettings, { stepFails = false, warnings = [] }: RunAnnotations = {}): Annotation[] {
  // The run's own warnings come first, within the same limit; those past it are told in one notice, never dropped.
  const annotations: Annotation[] = warnings.slice(0, PER_LEVEL)
  const unannotated = warnings.slice(PER_LEVEL)
  const shown = { error: stepFails ? 1 : 0, warning: annotations.length }
  let more = 0
  for (const record of (records ?? []).filter(r => r.open)) {
    const level = failsGate(record, settings.failOn) ? 'error' : 'warning'
    if (shown[level] < PER_LEVEL) {
      shown[level]++
      annotations.push(annotationFor(record, level, settings))
    } else {
      more++
    }
  }
  if (unannotated.length > 0) {
    annotations.push({
      level: 'notice',
      message:
        `${plural(unannotated.length, 'more warning')} of this run (GitHub shows ${PER_LEVEL} per step): ` +
        `${unannotated
          .slice(0, 3)
          .map(w => w.message)
          .join(' ')}${unannotated.length > 3 ? ` … and ${unannotated.length - 3} more like them.` : ''} Every request's problems are in the report-json file.`,
      properties: { title: 'More warnings' }
    })
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
  annotate(annotations)
}
