/** The step's outputs. `requests` stays under 1 MB: the least urgent records are left out, with a warning. */
import type { Counts } from '../classify.js'
import type { ReviewReport } from '../github/review.js'
import type { ReviewMetrics } from '../metrics.js'
import type { RequestRecord } from '../requests.js'
import type { Annotation } from './annotations.js'
import type { ReportPaths } from './files.js'
import { setOutputs } from '../file-commands.js'

export const REQUESTS_LIMIT_BYTES = 1_000_000
const COMMA = Buffer.from(',')

export interface RequestsOutput {
  /** The JSON array, as UTF-8: it goes to the outputs file as it is, never made into a string. */
  json: Buffer
  count: number
  leftOut: number
}

/** JSON of as many records (most urgent first) as fit in `limit` bytes, and how many were left out; `bytes` gives a record's JSON as UTF-8. */
export function requestsJson(
  records: RequestRecord[],
  limit = REQUESTS_LIMIT_BYTES,
  bytes: (record: RequestRecord) => Uint8Array = record => Buffer.from(JSON.stringify(record))
): RequestsOutput {
  const parts: Uint8Array[] = []
  let size = 2 // the brackets
  for (const record of records) {
    const part = bytes(record)
    const added = part.length + (parts.length > 0 ? 1 : 0)
    if (size + added > limit) break
    parts.push(part)
    size += added
  }
  const json = Buffer.concat([Buffer.from('['), ...parts.flatMap((part, i) => (i > 0 ? [COMMA, part] : [part])), Buffer.from(']')], size)
  return { json, count: records.length, leftOut: records.length - parts.length }
}

/** The warning printed when `requests` had to leave records out. */
export function trimWarnings(open: RequestsOutput): Annotation[] {
  if (open.leftOut === 0) return []
  return [
    {
      level: 'warning',
      message: `The requests output would pass 1 MB: ${open.leftOut} of ${open.count} open requests (the least urgent) were left out of it. The report-json file has them all.`,
      properties: {}
    }
  ]
}

export function writeOutputs(counts: Counts, open: RequestsOutput, reviews: ReviewReport | undefined, paths: ReportPaths, metrics: ReviewMetrics | undefined): void {
  setOutputs({
    total: counts.total,
    open: counts.open,
    stale: counts.stale,
    expiring: counts.expiring,
    reviewed: reviews?.reviewed ?? 0,
    'review-failures': reviews?.failures ?? 0,
    requests: open.json,
    'report-json': paths.json,
    'report-markdown': paths.markdown,
    // Empty without metrics, or without a single response: no number is better than a made-up one.
    'expired-unanswered': metrics ? metrics.overall.expired_unanswered : '',
    'median-response-hours': metrics?.overall.median_first_response_hours ?? ''
  })
}
