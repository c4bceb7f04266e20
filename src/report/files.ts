/** The report files: every matched request and every review call (JSON), and the job summary's text (Markdown). */
import { mkdtemp, open, type FileHandle } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { countRecords, type Counts } from '../classify.js'
import type { ListFailure } from '../fetch.js'
import type { ReviewReport } from '../github/review.js'
import type { Settings } from '../inputs.js'
import type { ReviewMetrics } from '../metrics.js'
import type { RequestRecord } from '../requests.js'
import { shownNumber } from '../request-text.js'
import { redact, type Redactor } from '../text.js'
import type { RecordJson } from './record-json.js'

export interface ReportPaths {
  json: string
  markdown: string
}

export function reportJson(
  settings: Settings,
  now: number,
  records: RequestRecord[],
  failures: ListFailure[],
  reviews: ReviewReport | undefined,
  metrics?: ReviewMetrics,
  counts: Counts = countRecords(records)
) {
  return {
    generated_at: new Date(now).toISOString(),
    scope: settings.scope,
    scope_name: settings.scopeName,
    filters: {
      request_types: settings.types.map(t => t.type.id),
      request_status: settings.requestStatus,
      time_period: settings.timePeriod,
      stale_after: settings.staleAfter,
      ...(settings.policy.patternText ? { require_comment_pattern: settings.policy.patternText } : {}),
      ...(settings.policy.minLength > 0 ? { min_comment_length: settings.policy.minLength } : {}),
      policy_action: settings.policyAction,
      include_alerts: settings.includeAlerts,
      expiring_within: settings.expiringWithin,
      ...(settings.requester ? { requester: settings.requester } : {}),
      ...(settings.reviewer ? { reviewer: settings.reviewer } : {}),
      ...(settings.repositoryName ? { repository_name: settings.repositoryName } : {}),
      ...(settings.organizationName ? { organization_name: settings.organizationName } : {}),
      ...(settings.branch ? { branch: settings.branch } : {})
    },
    counts,
    list_failures: failures.map(f => ({ type: f.type.id, status: f.status ?? null, reason: redact(f.reason), warning_only: f.warningOnly })),
    requests: records,
    metrics: metrics ?? null,
    reviews: reviews
      ? {
          review: reviews.review,
          policy: reviews.policy,
          dry_run: reviews.dryRun,
          reviewed: reviews.reviewed,
          failures: reviews.failures,
          errors: reviews.errors.map(redact),
          calls: reviews.calls,
          skipped: reviews.skipped.map(s => ({
            type: s.record.type,
            repository: s.record.repository,
            number: shownNumber(s.record).number,
            target: s.record.target,
            reason: redact(s.reason)
          }))
        }
      : null
  }
}

export type ReportJson = ReturnType<typeof reportJson>

/** Records whose JSON is handed to the file system in one write. */
const RECORDS_PER_WRITE = 500

/**
 * The report as JSON (what JSON.stringify would write, and a newline), as
 * groups of UTF-8 pieces to write one after the other: each request's JSON
 * is `json.bytes(record)` (after a comma, `json.listed`), kept since its page arrived, so the whole text is
 * never made. The text around the requests is masked with `mask`.
 */
export function* reportJsonBytes(report: ReportJson, json: RecordJson, mask: Redactor): Generator<Uint8Array[]> {
  const { requests, metrics, reviews, ...head } = report
  // The fields in the report's order: its head, the requests, then metrics and reviews.
  yield [Buffer.from(mask(`${JSON.stringify(head).slice(0, -1)},"requests":[`))]
  for (let start = 0; start < requests.length; start += RECORDS_PER_WRITE) {
    yield json.list(requests.slice(start, start + RECORDS_PER_WRITE), start === 0)
  }
  yield [Buffer.from(mask(`],"metrics":${JSON.stringify(metrics)},"reviews":${JSON.stringify(reviews)}}\n`))]
}

/**
 * Paths for the report files in a fresh folder under the runner's temporary
 * directory, so two steps never overwrite each other's reports.
 */
export async function reportFolder(): Promise<ReportPaths> {
  const dir = await mkdtemp(join(process.env.RUNNER_TEMP || tmpdir(), 'exemption-requests-'))
  return { json: join(dir, 'report.json'), markdown: join(dir, 'report.md') }
}

/** `pieces` without their first `bytes` bytes. */
function after(pieces: Uint8Array[], bytes: number): Uint8Array[] {
  let skip = bytes
  let first = 0
  while (first < pieces.length && skip >= pieces[first]!.length) skip -= pieces[first++]!.length
  const rest = pieces.slice(first)
  if (skip > 0) rest[0] = rest[0]!.subarray(skip)
  return rest
}

/** Writes every byte of `pieces` (`size` in all), one after the other, at `position`: in one call when the file system takes them all, as it does for a file. */
async function writeAt(handle: FileHandle, pieces: Uint8Array[], size: number, position: number): Promise<void> {
  for (let rest = pieces, at = position, left = size; left > 0;) {
    const { bytesWritten } = await handle.writev(rest, at)
    if (bytesWritten <= 0) throw new Error('The file system wrote nothing of the report.')
    left -= bytesWritten
    at += bytesWritten
    if (left > 0) rest = after(rest, bytesWritten)
  }
}

/** A file being written in the background. */
export interface Writing {
  /** Resolves when every byte is written and the file closed; rejects if writing failed. Await it before the step ends. */
  done: Promise<void>
}

/**
 * Creates the file at `path` and starts writing `groups` to it: each group
 * of pieces is handed to the file system, at its place in the file, as soon
 * as it is made, as it is (the pieces are not copied into one buffer), so
 * the writing goes on in the background while the step goes on. Resolves
 * once every group is on its way.
 */
export async function startWriting(path: string, groups: Iterable<Uint8Array[]>): Promise<Writing> {
  const handle = await open(path, 'w')
  const writes: Promise<void>[] = []
  let position = 0
  try {
    for (const pieces of groups) {
      let size = 0
      for (let i = 0; i < pieces.length; i++) size += pieces[i]!.length
      writes.push(writeAt(handle, pieces, size, position))
      position += size
    }
  } catch (error) {
    await Promise.allSettled(writes)
    await handle.close()
    throw error
  }
  const done = Promise.all(writes)
    .finally(() => handle.close())
    .then(() => undefined)
  // Awaited later by the caller; a failure before then is not an unhandled rejection (awaiting `done` still throws it).
  done.catch(() => undefined)
  return { done }
}
