/**
 * Reviews are decisions the action cannot undo, so the whole plan is built
 * and checked before the first write: every named target must be among the
 * fetched requests, nothing is planned that GitHub's REST API cannot do,
 * and more calls than `max-reviews` plans nothing at all.
 */
import type { ReviewTarget, Settings } from './inputs.js'
import { parseFullName, type RepositoryRef } from './repositories.js'
import { REQUEST_TYPES, requestType, reviewPath, type RequestType } from './request-types.js'
import { targetNumber, type RequestRecord } from './requests.js'
import { requestLabel, shownNumber } from './request-text.js'
import { denyMessage } from './policy.js'
import { forLog } from './text.js'
import { plural } from './words.js'

export interface PlannedCall {
  method: 'PATCH' | 'DELETE'
  path: string
  body?: { status: string; message: string }
  record: RequestRecord
  /** What the call does, for people: `approve`, `deny`, `dismiss response 42`. */
  action: string
}

export interface Skipped {
  record: RequestRecord
  reason: string
}

export interface ReviewPlan {
  calls: PlannedCall[]
  skipped: Skipped[]
  /** Reasons the plan cannot be carried out; when any, nothing is written. */
  errors: string[]
}

export type PlanSettings = Pick<Settings, 'review' | 'reviewMessage' | 'reviewTargets' | 'maxReviews' | 'policyAction' | 'denyMessage'>

/** The review a plan makes: the `review` input's, or (policy-action deny) the justification policy's denials. */
export function planAction(settings: Pick<Settings, 'review' | 'policyAction'>): 'none' | 'approve' | 'deny' | 'dismiss-response' {
  return settings.review === 'none' && settings.policyAction === 'deny' ? 'deny' : settings.review
}

/** The message of a review: the one given, or the policy's deny message filled in for this request. */
function messageFor(record: RequestRecord, settings: PlanSettings): string {
  if (settings.review !== 'none') return settings.reviewMessage
  return denyMessage(settings.denyMessage, {
    reason: record.policy_violations.join('; '),
    requester: record.requester,
    type: record.type,
    repository: record.repository,
    number: String(shownNumber(record).number ?? '')
  })
}

function describe(record: RequestRecord): string {
  return forLog(record.target ?? requestLabel(record))
}

function matchesTarget(record: RequestRecord, target: ReviewTarget): boolean {
  return (
    (target.typeId === undefined || record.type === target.typeId) &&
    record.repository.toLowerCase() === target.repository.toLowerCase() &&
    targetNumber(record) === target.number
  )
}

/** A dismissal request that names the target's alert among several: it has no single alert to be reviewed by. */
function namesAlertAmongOthers(record: RequestRecord, target: ReviewTarget): boolean {
  return (
    record.alert_number === null &&
    record.alert_numbers.length > 1 &&
    record.alert_numbers.includes(target.number) &&
    (target.typeId === undefined || record.type === target.typeId) &&
    record.repository.toLowerCase() === target.repository.toLowerCase()
  )
}

/** Candidates for the review: the named targets, or (`all`) every matched request. */
function selectRecords(settings: PlanSettings, candidates: RequestRecord[], matched: RequestRecord[], errors: string[]): { record: RequestRecord; explicit: boolean }[] {
  if (settings.reviewTargets === 'all') return matched.map(record => ({ record, explicit: false }))
  const selected: { record: RequestRecord; explicit: boolean }[] = []
  const unknown: string[] = []
  for (const target of settings.reviewTargets) {
    const found = candidates.filter(r => matchesTarget(r, target))
    // An alert can have an old, reviewed request and a new open one: the review acts on the open one.
    const open = found.filter(r => r.open)
    const current = open.length > 0 ? open : found
    const types = [...new Set(current.map(r => r.type))]
    const ambiguous = found.length === 0 ? candidates.find(r => namesAlertAmongOthers(r, target)) : undefined
    if (ambiguous) {
      errors.push(
        `Review target ${forLog(target.text)}: ${describe(ambiguous)} names ${ambiguous.alert_numbers.length} alerts ` +
          `(${ambiguous.alert_numbers.join(', ')}); the action never guesses which one a review is about. Review it on GitHub.`
      )
    } else if (found.length === 0) unknown.push(target.text)
    else if (types.length > 1) {
      errors.push(`Review target ${forLog(target.text)} matches requests of ${types.length} types (${types.join(', ')}): write it as type:${forLog(target.text)}.`)
    } else if (current[0] && !selected.some(s => s.record === current[0])) selected.push({ record: current[0], explicit: true })
  }
  if (unknown.length > 0) {
    errors.push(
      `${plural(unknown.length, 'Review target')} not found among the fetched requests: ${unknown.map(t => forLog(t)).join(', ')}. ` +
        'Check the number (the request number for bypass requests, the alert number for dismissal requests), the scope and the filters.'
    )
  }
  return selected
}

function reviewCalls(record: RequestRecord, type: RequestType, { owner, name }: RepositoryRef, settings: PlanSettings, explicit: boolean, plan: ReviewPlan): void {
  const verb = planAction(settings) === 'approve' ? 'approve' : 'deny'
  const refuse = (reason: string): void => refuseReview(plan, record, explicit, reason)
  if (!type.review) return refuse(`GitHub's REST API cannot review ${type.title.toLowerCase()}s; review it on GitHub.`)
  if (!record.open) return void plan.skipped.push({ record, reason: `not open (status ${forLog(record.status)}), nothing to review` })
  const key = targetNumber(record)
  if (key === undefined) {
    return refuse(
      record.alert_numbers.length > 1
        ? `the request names ${record.alert_numbers.length} alerts (${record.alert_numbers.join(', ')}); the action never guesses which one a review is about`
        : 'the request names no alert number, so it cannot be reviewed'
    )
  }
  // Only a positive integer key ever reaches a path.
  if (!Number.isSafeInteger(key) || key <= 0) return refuse(`its number ${key} is not a positive integer`)
  plan.calls.push({
    method: 'PATCH',
    path: `/repos/${owner}/${name}/${reviewPath(type, key)}`,
    body: { status: type.review.verbs[verb], message: messageFor(record, settings) },
    record,
    action: verb
  })
}

/** A request the plan will not review: an error when the user named it, else skipped with the reason. */
function refuseReview(plan: ReviewPlan, record: RequestRecord, explicit: boolean, reason: string): void {
  if (explicit) plan.errors.push(`${describe(record)}: ${reason}`)
  else plan.skipped.push({ record, reason })
}

/** The types whose responses can be dismissed, as the request-type table says. */
const DISMISSABLE = REQUEST_TYPES.filter(t => t.dismissResponse)
  .map(t => `${t.title.toLowerCase()}s`)
  .join(' and ')

function dismissCalls(record: RequestRecord, type: RequestType, { owner, name }: RepositoryRef, explicit: boolean, plan: ReviewPlan): void {
  if (!type.dismissResponse) return refuseReview(plan, record, explicit, `only ${DISMISSABLE} have responses that can be dismissed.`)
  const given = record.responses.filter(r => r.status === 'approved' || r.status === 'denied')
  if (given.length === 0) return void plan.skipped.push({ record, reason: 'no approve or deny response to dismiss' })
  const responses = given.filter((r): r is typeof r & { id: number } => r.id !== null)
  if (responses.length < given.length) {
    return void plan.errors.push(`${describe(record)}: GitHub sent a response without a positive integer id; nothing is dismissed on a guess.`)
  }
  for (const response of responses) {
    plan.calls.push({
      method: 'DELETE',
      path: `/repos/${owner}/${name}/${type.dismissResponse.path.replace('{id}', String(response.id))}`,
      record,
      action: `dismiss ${response.status} response ${response.id} by ${forLog(response.reviewer)}`
    })
  }
}

/**
 * `candidates`: every fetched request that passed the repository and branch
 * filters (named targets are looked up there, whatever their status);
 * `matched`: those that also passed the status filter (all of them are
 * reviewed when no target is named). Both most urgent first.
 */
export function planReviews(settings: PlanSettings, candidates: RequestRecord[], matched: RequestRecord[]): ReviewPlan {
  const plan: ReviewPlan = { calls: [], skipped: [], errors: [] }
  const action = planAction(settings)
  if (action === 'none') return plan
  // The policy's denials go to every open request that fails it; requests that pass are never approved.
  const selected =
    settings.review === 'none'
      ? matched.filter(r => r.open && r.policy_violations.length > 0).map(record => ({ record, explicit: false }))
      : selectRecords(settings, candidates, matched, plan.errors)
  for (const { record, explicit } of selected) {
    const type = requestType(record.type)
    const repository = parseFullName(record.repository)
    if (record.problems.length > 0) {
      // Never reviewed: the action does not act on what it cannot interpret.
      const reason = `GitHub's item cannot be interpreted (${forLog(record.problems.join('; '))}), so it is never reviewed`
      if (explicit) plan.errors.push(`${describe(record)}: ${reason}.`)
      else plan.skipped.push({ record, reason })
    } else if (!repository) {
      plan.errors.push(`${describe(record)}: GitHub sent a repository name that is not owner/name.`)
    } else if (action === 'dismiss-response') {
      dismissCalls(record, type, repository, explicit, plan)
    } else {
      reviewCalls(record, type, repository, settings, explicit, plan)
    }
  }
  if (plan.calls.length > settings.maxReviews) {
    plan.errors.push(
      `The plan has ${plan.calls.length} calls, more than max-reviews (${settings.maxReviews}): nothing was reviewed. ` +
        'Narrow the filters or name review-targets, or raise max-reviews.'
    )
  }
  if (plan.errors.length > 0) plan.calls = []
  return plan
}
