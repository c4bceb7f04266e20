/**
 * The pipeline: inputs → fetch → classify and filter → review → gate → report.
 */
import * as core from '@actions/core'
import pLimit from 'p-limit'
import { byUrgency, classify, countRecords } from './classify.js'
import { fetchRequests } from './fetch.js'
import { filtersMatch, statusMatches } from './filters.js'
import { gate } from './gate.js'
import { applyReviews } from './github/review.js'
import { InputError, readSettings } from './inputs.js'
import { listWarnings, patternWarnings, planAnnotations, problemWarnings, writeAnnotations } from './report/annotations.js'
import { reportJson, writeReportFiles } from './report/files.js'
import { logCall, logFailures, logRequests } from './report/log.js'
import { requestsJson, trimWarnings, writeOutputs } from './report/outputs.js'
import { summaryMarkdown } from './report/summary.js'
import { afterReviews } from './review-outcome.js'
import { planAction, planReviews } from './review-plan.js'
import { judge } from './policy.js'
import type { RequestRecord } from './requests.js'
import { withAlerts } from './github/alerts.js'
import { reviewMetrics } from './metrics.js'
import { createMask, createRedactor, forLog, type Redactor } from './text.js'
import { plural } from './words.js'

export interface RunOptions {
  timeoutMs?: number
  rateLimitBudgetMs?: number
}

export async function run(options: RunOptions = {}): Promise<void> {
  // Masked before anything else can print it.
  const token = core.getInput('token')
  if (token) core.setSecret(token)
  const redact = createRedactor([token])
  try {
    await pipeline(options, redact)
  } catch (error) {
    if (error instanceof InputError) {
      core.setFailed(`${plural(error.problems.length, 'invalid input')}; nothing was fetched or reviewed.\n${error.problems.join('\n')}`)
    } else {
      core.setFailed(`Unexpected failure: ${forLog(redact(error instanceof Error ? error.message : String(error)))}`)
    }
  }
}

async function pipeline(options: RunOptions, redact: Redactor): Promise<void> {
  const settings = readSettings(name => core.getInput(name))
  // The clock, read once: every age, staleness and expiry is measured against it.
  const now = Date.now()
  // Octokit is loaded only for a run whose inputs are valid: one that stops at an input error starts fast.
  const { createClient } = await import('./github/client.js')
  const github = createClient({
    token: settings.token,
    apiUrl: settings.apiUrl,
    timeoutMs: options.timeoutMs ?? 30_000,
    rateLimitBudgetMs: options.rateLimitBudgetMs ?? 300_000,
    retries: 3,
    onWait: message => core.info(message)
  })
  const limit = pLimit(settings.maxConcurrency)

  // Named review targets are looked up whatever their status, so a re-run finds them reviewed and plans nothing;
  // metrics need every status. Either way the status filter is applied locally, so the number of lists does not grow.
  const named = Array.isArray(settings.reviewTargets) && settings.reviewTargets.length > 0
  const fetchStatus = named || settings.metrics ? 'all' : settings.requestStatus
  // Each record is classified and judged as soon as its page arrives.
  const prepare = (record: RequestRecord) => judge(classify(record, now, settings.staleAfterMs, settings.expiringWithinMs), settings.policy)
  const fetched = await fetchRequests(github, limit, { ...settings, requestStatus: fetchStatus }, redact, prepare)
  logFailures(fetched.failures)

  const judged = fetched.records.filter(r => filtersMatch(r, settings))
  const enriched = settings.includeAlerts ? await withAlerts(github, limit, judged, r => statusMatches(r, settings.requestStatus), redact) : judged
  const candidates = enriched.sort(byUrgency)
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
  const verdict = gate({ records: after, failures: fetched.failures, failOn: settings.failOn, planErrors: plan.errors, reviews })
  const open = requestsJson(after.filter(r => r.open))
  const warnings = [
    ...listWarnings(fetched.failures),
    ...problemWarnings(after),
    ...patternWarnings(settings.repositories, fetched.records),
    ...trimWarnings(open)
  ]
  writeAnnotations(planAnnotations(settings.annotations ? after : null, settings, { stepFails: verdict.failed, warnings }))

  // Every text from GitHub was redacted as it came in; the whole outputs only need the run's own token masked.
  const mask = createMask([settings.token])
  const markdown = mask(summaryMarkdown({ settings, now, records: after, failures: fetched.failures, reviews, metrics }))
  if (settings.jobSummary) await core.summary.addRaw(markdown).write()
  const json = mask(`${JSON.stringify(reportJson(settings, now, after, fetched.failures, reviews, metrics))}\n`)
  const paths = await writeReportFiles(json, markdown)
  writeOutputs(countRecords(after), open, reviews, paths, metrics)

  if (verdict.failed) core.setFailed(mask(verdict.messages.join('\n')))
}
