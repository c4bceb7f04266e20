/**
 * The pipeline: inputs → fetch → classify and filter → review → report → gate.
 */
import * as core from '@actions/core'
import pLimit from 'p-limit'
import { byUrgency, classify } from './classify.js'
import { fetchRequests } from './fetch.js'
import { applyFilters, branchMatches } from './filters.js'
import { gate, countRecords } from './gate.js'
import { createClient } from './github/client.js'
import { applyReviews } from './github/review.js'
import { InputError, readSettings } from './inputs.js'
import { repositoryMatches } from './repositories.js'
import { planAnnotations, writeAnnotations } from './report/annotations.js'
import { reportJson, writeReportFiles } from './report/files.js'
import { logCall, logFailures, logRequests } from './report/log.js'
import { writeOutputs } from './report/outputs.js'
import { summaryMarkdown } from './report/summary.js'
import { planReviews } from './review-plan.js'
import { addSecret, forLog } from './text.js'

export interface RunOptions {
  /** The clock, read once per run. */
  now?: number
  timeoutMs?: number
  rateLimitBudgetMs?: number
}

export async function run(options: RunOptions = {}): Promise<void> {
  // Masked before anything else can print it.
  const token = core.getInput('token')
  if (token) {
    core.setSecret(token)
    addSecret(token)
  }
  try {
    await pipeline(options)
  } catch (error) {
    if (error instanceof InputError) {
      for (const problem of error.problems) core.error(problem, { title: 'Invalid input' })
      core.setFailed(`${error.problems.length} invalid input${error.problems.length === 1 ? '' : 's'}; nothing was fetched or reviewed.`)
    } else {
      core.setFailed(`Unexpected failure: ${forLog(error instanceof Error ? error.message : String(error))}`)
    }
  }
}

async function pipeline(options: RunOptions): Promise<void> {
  const settings = readSettings(name => core.getInput(name))
  const now = options.now ?? Date.now()
  const github = createClient({
    token: settings.token,
    apiUrl: settings.apiUrl,
    timeoutMs: options.timeoutMs ?? 30_000,
    rateLimitBudgetMs: options.rateLimitBudgetMs ?? 300_000,
    retries: 3,
    onWait: message => core.warning(message)
  })
  const limit = pLimit(settings.maxConcurrency)

  // Named review targets are looked up whatever their status, so a re-run finds them reviewed and plans nothing.
  const fetchStatus = settings.reviewTargets.length > 0 ? 'all' : settings.requestStatus
  const fetched = await fetchRequests(github, limit, { ...settings, requestStatus: fetchStatus })
  logFailures(fetched.failures)

  const candidates = fetched.records
    .map(record => classify(record, now, settings.staleAfterMs))
    .filter(r => repositoryMatches(settings.repositories, r.repository) && branchMatches(r, settings.branch))
    .sort(byUrgency)
  const matched = applyFilters(candidates, settings)
  logRequests(matched, `Exemption requests for ${settings.scopeName}`)

  const plan = planReviews(settings, candidates, matched)
  for (const error of plan.errors) core.error(error, { title: 'Review not possible' })
  const reviews =
    settings.review === 'none'
      ? undefined
      : await applyReviews(github, plan, settings.review, settings.dryRun, call => logCall(call, settings.dryRun))

  if (settings.annotations) writeAnnotations(planAnnotations(matched, settings, now))
  const markdown = summaryMarkdown({ settings, now, records: matched, failures: fetched.failures, reviews })
  if (settings.jobSummary) await core.summary.addRaw(markdown).write()
  const paths = await writeReportFiles(reportJson(settings, now, matched, fetched.failures, reviews), markdown)
  writeOutputs(countRecords(matched), matched.filter(r => r.open), reviews, paths)

  const verdict = gate(matched, fetched.failures, settings.failOn)
  if (plan.errors.length > 0) verdict.messages.push(`The review plan was refused (${plan.errors.length} problem${plan.errors.length === 1 ? '' : 's'}); nothing was reviewed.`)
  if (reviews && reviews.failures > 0) verdict.messages.push(`${reviews.failures} of ${reviews.calls.length} review calls failed.`)
  if (verdict.messages.length > 0) core.setFailed(verdict.messages.join('\n'))
}
