/**
 * The job summary's Review metrics section: how requests ended, how many
 * expired unanswered, how fast the first response came, per type and
 * overall; who reviews and how fast; where the requests come from.
 */
import { humanDuration } from '../duration.js'
import { HOUR } from '../classify.js'
import { TOP, type Metrics, type Ranked, type ReviewMetrics } from '../metrics.js'
import { requestType, type TypeId } from '../request-types.js'
import { forMarkdown } from '../text.js'
import { linesWithin, table, tableWithin } from './markdown.js'

/** The most bytes the section takes (the reviewers' table is cut to fit; report-json has everything). */
export const METRICS_BUDGET_BYTES = 100_000

function hours(value: number | null): string {
  return value === null ? '—' : humanDuration(value * HOUR)
}

/** Statuses shown per row; the others are counted together (GitHub knows eight). */
const STATUSES_SHOWN = 8
/** Characters of a name (repository, requester, reviewer, status) shown. */
const NAME_LENGTH = 100

/** `open 2 · approved 5 · expired 1`, most common first. */
function statusText(byStatus: Record<string, number>): string {
  const sorted = Object.entries(byStatus).sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))
  const others = sorted.slice(STATUSES_SHOWN).reduce((sum, [, count]) => sum + count, 0)
  const shown = sorted.slice(0, STATUSES_SHOWN).map(([status, count]) => `${forMarkdown(status, 40)} ${count}`)
  return [...shown, ...(others > 0 ? [`others ${others}`] : [])].join(' · ')
}

function metricsRow(name: string, m: Metrics): string[] {
  const firstResponse = m.answered === 0 ? 'none answered' : `${hours(m.median_first_response_hours)} / ${hours(m.p90_first_response_hours)} (${m.answered} answered)`
  return [name, String(m.requests), statusText(m.by_status) || '—', String(m.expired_unanswered), firstResponse]
}

function rankedTable(heading: string, column: string, ranked: Ranked[]): string[] {
  if (ranked.length === 0) return []
  return [
    heading,
    '',
    ...table(
      [column, 'Requests'],
      ranked.map(r => [forMarkdown(r.name || '(none)', NAME_LENGTH), String(r.requests)])
    ),
    ''
  ]
}

export function metricsSection(metrics: ReviewMetrics, timePeriod: string): string[] {
  const { overall } = metrics
  const types = Object.entries(metrics.by_type) as [TypeId, Metrics][]
  const lines = [
    `### Review metrics (requests from the last ${timePeriod})`,
    '',
    `${overall.requests} requests; **${overall.expired_unanswered} expired with no response**; ` +
      `first response after ${hours(overall.median_first_response_hours)} (median), ${hours(overall.p90_first_response_hours)} (90th percentile).`,
    '',
    ...table(
      ['Type', 'Requests', 'By final status', 'Expired unanswered', 'First response: median / 90th percentile'],
      [...types.map(([id, m]) => metricsRow(forMarkdown(requestType(id).title), m)), metricsRow('**All types**', overall)]
    ),
    ''
  ]
  if (overall.reviewers.length > 0) {
    const reviewers = tableWithin(
      ['Reviewer', 'Responses', 'Median time to respond'],
      overall.reviewers,
      r => [forMarkdown(r.reviewer || '(unknown)', NAME_LENGTH), String(r.responses), hours(r.median_response_hours)],
      METRICS_BUDGET_BYTES / 2
    )
    lines.push('**Who responds, and how fast**', '', ...reviewers.lines, '')
    if (reviewers.leftOut > 0) lines.push(`${reviewers.leftOut} more reviewers in the report-json file.`, '')
  }
  lines.push(
    ...rankedTable(`**Repositories with the most requests** (at most ${TOP})`, 'Repository', overall.top_repositories),
    ...rankedTable(`**Requesters with the most requests** (at most ${TOP})`, 'Requester', overall.top_requesters)
  )
  // Whatever GitHub sent, the section stays within its budget (report-json has every figure).
  return linesWithin(lines, METRICS_BUDGET_BYTES)
}
