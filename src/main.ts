/**
 * The pipeline: inputs → fetch → classify and filter → review → gate → report.
 */
import { writeFile } from 'node:fs/promises'
import pLimit from 'p-limit'
import { classify, countRecords, inOrderOfUrgency } from './classify.js'
import { fetchRequests } from './fetch.js'
import { matchingFilters, statusMatches } from './filters.js'
import { gate } from './gate.js'
import { applyReviews } from './github/review.js'
import { readInputs, type Settings } from './inputs.js'
import { listWarnings, patternWarnings, planAnnotations, problemWarnings, writeAnnotations } from './report/annotations.js'
import { reportFolder, reportJson, reportJsonBytes, startWriting } from './report/files.js'
import { createRecordJson } from './report/record-json.js'
import { logCall, logFailures, logRequests } from './report/log.js'
import { REQUESTS_LIMIT_BYTES, requestsJson, trimWarnings, writeOutputs } from './report/outputs.js'
import { summaryMarkdown } from './report/summary.js'
import { afterReviews } from './review-outcome.js'
import { planAction, planReviews } from './review-plan.js'
import { judge } from './policy.js'
import type { RequestRecord } from './requests.js'
import { withAlerts } from './github/alerts.js'
import { reviewMetrics } from './metrics.js'
import { createMask, createRedactor, unexpectedFailure, type Redactor } from './text.js'
import { appendSummary } from './file-commands.js'
import { failStep, info, maskValue, runnerInput } from './workflow-commands.js'

export interface RunOptions {
  /** The inputs, already read (and the token masked) by the entry point; read here when not given. */
  settings?: Settings
  /** Time limit of one API call attempt; default EXEMPTION_REQUESTS_TIMEOUT_MS, else 30 s. */
  timeoutMs?: number
  /** Most time spent waiting out rate limits; default EXEMPTION_REQUESTS_RATE_LIMIT_BUDGET_MS, else 5 minutes. */
  rateLimitBudgetMs?: number
}

/** Optional tuning from the environment: a whole number of milliseconds, or undefined. */
function milliseconds(name: string): number | undefined {
  const value = Number(process.env[name])
  return Number.isInteger(value) && value > 0 ? value : undefined
}

export async function run(options: RunOptions = {}): Promise<void> {
  // Until the token is known, unexpectedFailure's forLog redacts token-shaped strings; the token itself is masked by the runner.
  let redact: Redactor = text => text
  try {
    const settings = options.settings ?? readInputs(runnerInput, { mask: maskValue, fail: failStep })
    if (!settings) return
    redact = createRedactor([settings.token])
    await pipeline(
      settings,
      {
        timeoutMs: options.timeoutMs ?? milliseconds('EXEMPTION_REQUESTS_TIMEOUT_MS') ?? 30_000,
        rateLimitBudgetMs: options.rateLimitBudgetMs ?? milliseconds('EXEMPTION_REQUESTS_RATE_LIMIT_BUDGET_MS') ?? 300_000
      },
      redact
    )
  } catch (error) {
    failStep(unexpectedFailure(error, redact))
  }
}

async function pipeline(settings: Settings, limits: { timeoutMs: number; rateLimitBudgetMs: number }, redact: Redactor): Promise<void> {
  // The clock, read once: every age, staleness and expiry is measured against it.
  const now = Date.now()
  // The report's folder is made while the lists are read; a failure to make it is told when the report is written.
  const folder = reportFolder()
  folder.catch(() => undefined)
  // Octokit is loaded only for a run whose inputs are valid: one that stops at an input error starts fast.
  const { createClient } = await import('./github/client.js')
  const github = createClient({
    token: settings.token,
    apiUrl: settings.apiUrl,
    ...limits,
    retries: 3,
    onWait: info
  })
  const limit = pLimit(settings.maxConcurrency)

  // Named review targets are looked up whatever their status, so a re-run finds them reviewed and plans nothing;
  // metrics need every status. Either way the status filter is applied locally, so the number of lists does not grow.
  const named = Array.isArray(settings.reviewTargets) && settings.reviewTargets.length > 0
  const fetchStatus = named || settings.metrics ? 'all' : settings.requestStatus
  // Every text from GitHub is redacted as it comes in; the whole outputs only need the run's own token masked.
  const mask = createMask([settings.token])
  const json = createRecordJson(mask)
  // Each record is classified, judged and written as JSON as soon as its page arrives, while later pages are on their way.
  const prepare = (record: RequestRecord) => {
    const prepared = judge(classify(record, now, settings.staleAfterMs, settings.expiringWithinMs), settings.policy)
    json.keep(prepared)
    return prepared
  }
  const fetched = await fetchRequests(github, limit, { ...settings, requestStatus: fetchStatus }, redact, prepare)
  logFailures(fetched.failures)

  const judged = matchingFilters(fetched.records, settings)
  const enriched = settings.includeAlerts ? await withAlerts(github, limit, judged, r => statusMatches(r, settings.requestStatus), redact) : judged
  const candidates = inOrderOfUrgency(enriched)
  const matched = candidates.filter(r => statusMatches(r, settings.requestStatus))
  logRequests(matched, `Exemption requests for ${settings.scopeName}`)

  const plan = planReviews(settings, candidates, matched)
  const action = planAction(settings)
  const reviews =
    action === 'none'
      ? undefined
      : await applyReviews(github, plan, {
          review: action,
          policy: settings.review === 'none',
          dryRun: settings.dryRun,
          redact,
          onCall: call => logCall(call, settings.dryRun)
        })

  // From here on, everything speaks of the state after the run.
  const after = reviews ? afterReviews(matched, plan, reviews) : matched
  const metrics = settings.metrics ? reviewMetrics(reviews ? afterReviews(candidates, plan, reviews) : candidates) : undefined
  // The JSON report goes to its file while the rest of the report is made.
  const paths = await folder
  const counts = countRecords(after)
  const jsonFile = await startWriting(paths.json, reportJsonBytes(reportJson(settings, now, after, fetched.failures, reviews, metrics, counts), json, mask))
  const verdict = gate({ records: after, failures: fetched.failures, failOn: settings.failOn, planErrors: plan.errors, reviews })
  const open = requestsJson(
    after.filter(r => r.open),
    REQUESTS_LIMIT_BYTES,
    json.bytes
  )
  const warnings = [...listWarnings(fetched.failures), ...problemWarnings(after), ...patternWarnings(settings.repositories, fetched.records), ...trimWarnings(open)]
  writeAnnotations(planAnnotations(settings.annotations ? after : null, settings, { stepFails: verdict.failed, warnings }))

  const markdown = mask(summaryMarkdown({ settings, now, records: after, failures: fetched.failures, reviews, metrics, counts }))
  // Every file is finished (the report JSON closed) before a failure of one is told: the step ends when this returns.
  const written = await Promise.allSettled([jsonFile.done, writeFile(paths.markdown, markdown), settings.jobSummary && appendSummary(markdown)])
  for (const result of written) if (result.status === 'rejected') throw result.reason
  writeOutputs(counts, open, reviews, paths, metrics)

  if (verdict.failed) failStep(mask(verdict.messages.join('\n')))
}
