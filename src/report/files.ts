/** The report files: every matched request and every review call (JSON), and the job summary's text (Markdown). */
import { mkdtemp, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { countRecords } from '../classify.js'
import type { ListFailure } from '../fetch.js'
import type { ReviewReport } from '../github/review.js'
import type { Settings } from '../inputs.js'
import type { ReviewMetrics } from '../metrics.js'
import type { RequestRecord } from '../requests.js'
import { shownNumber } from '../request-text.js'
import { redact } from '../text.js'

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
  metrics?: ReviewMetrics
): object {
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
    counts: countRecords(records),
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

/**
 * Writes the report files' text (the JSON as `reportJson` made it, the
 * job summary's Markdown) in a fresh folder under the runner's temporary
 * directory, so two steps never overwrite each other's reports.
 */
export async function writeReportFiles(json: string, markdown: string): Promise<ReportPaths> {
  const dir = await mkdtemp(join(process.env.RUNNER_TEMP || tmpdir(), 'exemption-requests-'))
  const paths = { json: join(dir, 'report.json'), markdown: join(dir, 'report.md') }
  await writeFile(paths.json, json)
  await writeFile(paths.markdown, markdown)
  return paths
}
