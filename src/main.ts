/**
 * The pipeline: inputs → fetch → classify and filter → review → report → gate.
 */
import * as core from '@actions/core'
import pLimit from 'p-limit'
import { byUrgency, classify } from './classify.js'
import { fetchRequests } from './fetch.js'
import { placeMatches, statusMatches } from './filters.js'
import { gate, countRecords } from './gate.js'
import { createClient } from './github/client.js'
import { applyReviews } from './github/review.js'
import { InputError, readSettings } from './inputs.js'
import { planAnnotations, writeAnnotations } from './report/annotations.js'
import { reportJson, writeReportFiles } from './report/files.js'
import { logCall, logFailures, logRequests } from './report/log.js'
import { requestsJson, writeOutputs } from './report/outputs.js'
import { summaryMarkdown } from './report/summary.js'
import { planReviews } from './review-plan.js'
import { addSecret, forLog } from './text.js'

export interface RunOptions {
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
      const count = `${error.problems.length} invalid input${error.problems.length === 1 ? '' : 's'}`
      core.setFailed(`${count}; nothing was fetched or reviewed.\n${error.problems.join('\n')}`)
    } else {
      core.setFailed(`Unexpected failure: ${forLog(error instanceof Error ? error.message : String(error))}`)
    }
  }
}

async function pipeline(options: RunOptions): Promise<void> {
  const settings = readSettings(name => core.getInput(name))
  // The clock, read once: every age, staleness and expiry is measured against it.
  const now = Date.now()
  const github = createClient({
    token: settings.token,
    apiUrl: settings.apiUrl,
    timeoutMs: options.timeoutMs ?? 30_000,
    rateLimitBudgetMs: options.rateLimitBudgetMs ?? 300_000,
    retries: 3,
    onWait: message => core.info(message)
  })
  const limit = pLimit(settings.maxConcurrency)

  // Named review targets are looked up whatever their status, so a re-run finds them reviewed and plans nothing.
  const fetchStatus = settings.reviewTargets.length > 0 ? 'all' : settings.requestStatus
  const fetched = await fetchRequests(github, limit, { ...settings, requestStatus: fetchStatus })
  logFailures(fetched.failures)

  const candidates = fetched.records
    .map(record => classify(record, now, settings.staleAfterMs))
    .filter(r => placeMatches(r, settings))
    .sort(byUrgency)
  const matched = candidates.filter(r => statusMatches(r, settings.requestStatus))
  logRequests(matched, `Exemption requests for ${settings.scopeName}`)

  const plan = planReviews(settings, candidates, matched)
  const reviews =
    settings.review === 'none'
      ? undefined
      : await applyReviews(github, plan, settings.review, settings.dryRun, call => logCall(call, settings.dryRun))

  const verdict = gate(matched, fetched.failures, settings.failOn)
  if (plan.errors.length > 0) verdict.messages.push('The review plan was refused; nothing was reviewed:', ...plan.errors)
  if (reviews && reviews.failures > 0) verdict.messages.push(`${reviews.failures} of ${reviews.calls.length} review calls failed.`)
  const failing = verdict.messages.length > 0
  const open = requestsJson(matched.filter(r => r.open))

  if (settings.annotations) {
    // GitHub shows 10 annotations per level: keep room for the failure and for the warnings printed besides.
    const reserved = {
      error: failing ? 1 : 0,
      warning: fetched.failures.filter(f => f.warningOnly).length + (open.leftOut > 0 ? 1 : 0)
    }
    writeAnnotations(planAnnotations(matched, settings, now, reserved))
  }
  const markdown = summaryMarkdown({ settings, now, records: matched, failures: fetched.failures, reviews })
  if (settings.jobSummary) await core.summary.addRaw(markdown).write()
  const paths = await writeReportFiles(reportJson(settings, now, matched, fetched.failures, reviews), markdown)
  writeOutputs(countRecords(matched), open, reviews, paths)

  if (failing) core.setFailed(verdict.messages.join('\n'))
}
