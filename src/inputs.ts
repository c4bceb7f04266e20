/**
 * Every input, parsed and validated into one typed Settings object before
 * the first API call. A bad input is reported with its name, its value and
 * what is accepted; all bad inputs are reported together.
 */
import { InputError, InputReader, splitList, type ReadInput } from './input-reader.js'
import { isRepositoryGlob, parseFullName, repositoryFilter, type RepositoryFilter } from './repositories.js'
import {
  REQUEST_STATUSES,
  TIME_PERIODS,
  TYPE_IDS,
  isTypeId,
  requestType,
  typesListedAt,
  type ListEndpoint,
  type RequestStatus,
  type RequestType,
  type Scope,
  type TimePeriod,
  type TypeId
} from './request-types.js'
import { hasPolicy, parsePattern, type Policy } from './policy.js'
import { readScope, type ScopeSettings } from './scope.js'
import { redact, truncate } from './text.js'
import { plural } from './words.js'

export { InputError } from './input-reader.js'

export const FAIL_ON = ['open', 'stale', 'expiring', 'never'] as const
export type FailOn = (typeof FAIL_ON)[number]
export const REVIEWS = ['none', 'approve', 'deny', 'dismiss-response'] as const
export type Review = (typeof REVIEWS)[number]
export const POLICY_ACTIONS = ['report', 'deny'] as const
export type PolicyAction = (typeof POLICY_ACTIONS)[number]

export interface SelectedType {
  type: RequestType
  /** The type's list at the run's scope. */
  list: ListEndpoint
  /** Named in `request-types` (as opposed to reached through `all`). */
  explicit: boolean
}

export interface ReviewTarget {
  /** Set when the target was written `type:owner/repo#number`. */
  typeId?: TypeId
  repository: string
  number: number
  /** As written, for messages. */
  text: string
}

export interface Settings extends ScopeSettings {
  token: string
  apiUrl: string
  types: SelectedType[]
  requestStatus: RequestStatus
  timePeriod: TimePeriod
  requester?: string
  reviewer?: string
  repositories: RepositoryFilter
  /** Full ref, `refs/heads/<name>`. */
  branch?: string
  staleAfterMs: number
  staleAfter: string
  /** An open request that expires within this is expiring. */
  expiringWithinMs: number
  expiringWithin: string
  failOn: FailOn
  annotations: boolean
  jobSummary: boolean
  review: Review
  reviewMessage: string
  /** The requests to review: named ones, or `all` that matched (and are open). Empty when `review` is none. */
  reviewTargets: ReviewTarget[] | 'all'
  maxReviews: number
  dryRun: boolean
  maxConcurrency: number
  /** Fetch every status and report review metrics. */
  metrics: boolean
  /** The justification policy every open request's comment must meet. */
  policy: Policy
  policyAction: PolicyAction
  /** Template of the policy's denials, with {reason}, {requester}, {type}, {repository}, {number}. */
  denyMessage: string
  /** Fetch each open dismissal request's alert. */
  includeAlerts: boolean
}

const TARGET = /^(?:([a-z-]+):)?([^/\s#]+)\/([^/\s#]+)#([1-9][0-9]{0,9})$/
const MESSAGE_LIMIT = 2048

export interface InputCommands {
  mask: (secret: string) => void
  fail: (message: string) => void
}

/**
 * The run's settings, the token masked before anything else is read; or
 * undefined, once the step has been failed with every invalid input named.
 */
export function readInputs(read: ReadInput, { mask, fail }: InputCommands): Settings | undefined {
  const token = read('token')
  if (token) mask(token)
  try {
    return readSettings(read)
  } catch (error) {
    if (!(error instanceof InputError)) throw error
    fail(`${plural(error.problems.length, 'invalid input')}; nothing was fetched or reviewed.\n${error.problems.join('\n')}`)
    return undefined
  }
}

export function readSettings(read: ReadInput, env: NodeJS.ProcessEnv = process.env): Settings {
  const inputs = new InputReader(read)
  // The token is read first so that no later message can contain it.
  const token = readToken(inputs)
  const apiUrl = readApiUrl(inputs, env)
  const where = readScope(inputs, env)
  const types = readTypes(inputs, where.scope)
  const requestStatus = inputs.oneOf('request-status', REQUEST_STATUSES, 'open')
  const timePeriod = inputs.oneOf('time-period', TIME_PERIODS, 'month')
  const requester = inputs.login('requester')
  const reviewer = inputs.login('reviewer')
  const repositories = readRepositories(inputs)
  const branch = readBranch(inputs)
  const staleAfter = inputs.duration('stale-after', '24h')
  const expiringWithin = inputs.duration('expiring-within', '24h')
  const failOn = inputs.oneOf('fail-on', FAIL_ON, 'stale')
  const annotations = inputs.boolean('annotations', true)
  const jobSummary = inputs.boolean('job-summary', true)
  const review = inputs.oneOf('review', REVIEWS, 'none')
  const reviewMessage = readReviewMessage(inputs, review)
  const reviewTargets = readTargets(inputs, review)
  const maxReviews = inputs.integer('max-reviews', 20, 1, 1000)
  const dryRun = inputs.boolean('dry-run', false)
  const maxConcurrency = inputs.integer('max-concurrency', 4, 1, 10)
  const metrics = inputs.boolean('metrics', false)
  const policy = readPolicy(inputs)
  const policyAction = inputs.oneOf('policy-action', POLICY_ACTIONS, 'report')
  const denyMessage = readDenyMessage(inputs, policyAction, policy, review)
  const includeAlerts = inputs.boolean('include-alerts', false)
  inputs.finish()

  return {
    token,
    apiUrl,
    ...where,
    types,
    requestStatus,
    timePeriod,
    requester,
    reviewer,
    repositories,
    branch,
    staleAfterMs: staleAfter.ms,
    staleAfter: staleAfter.text,
    expiringWithinMs: expiringWithin.ms,
    expiringWithin: expiringWithin.text,
    failOn,
    annotations,
    jobSummary,
    review,
    reviewMessage,
    reviewTargets,
    maxReviews,
    dryRun,
    maxConcurrency,
    metrics,
    policy,
    policyAction,
    denyMessage,
    includeAlerts
  }
}

/** `require-comment-pattern` and `min-comment-length`. */
function readPolicy(inputs: InputReader): Policy {
  const patternText = inputs.text('require-comment-pattern')
  const minLength = inputs.integer('min-comment-length', 0, 0, 65_535)
  if (patternText === '') return { minLength }
  const parsed = parsePattern(patternText)
  if ('error' in parsed) {
    inputs.bad('require-comment-pattern', patternText, `expected a regular expression (${parsed.error})`)
    return { minLength }
  }
  return { patternText, pattern: parsed.pattern, minLength }
}

/** `deny-message`, which `policy-action: deny` needs; and the rules that keep the policy's denials apart from `review`. */
function readDenyMessage(inputs: InputReader, action: PolicyAction, policy: Policy, review: Review): string {
  const template = inputs.text('deny-message')
  if (action !== 'deny') return template
  if (review !== 'none') {
    inputs.problem(`Inputs "policy-action" (deny) and "review" (${review}) are both set: use one or the other in a run.`)
  }
  if (!hasPolicy(policy) && inputs.text('require-comment-pattern') === '') {
    inputs.problem('Input "policy-action" is deny but no policy is set: give require-comment-pattern or min-comment-length.')
  }
  if (template.trim() === '') inputs.problem('Input "deny-message" is empty: policy-action deny needs the message its denials are sent with.')
  return template
}

function readToken(inputs: InputReader): string {
  const token = inputs.text('token')
  if (token === '') inputs.problem('Input "token" is empty: pass a token, for example ${{ github.token }}.')
  return token
}

/** `api-url`, defaulting to the runner's API; no trailing slash. */
function readApiUrl(inputs: InputReader, env: NodeJS.ProcessEnv): string {
  const text = inputs.text('api-url') || env.GITHUB_API_URL || 'https://api.github.com'
  try {
    const url = new URL(text)
    if (url.protocol === 'https:' || url.protocol === 'http:') return text.replace(/\/+$/, '')
  } catch {
    // Reported below.
  }
  inputs.bad('api-url', text, 'expected an http(s) URL such as https://api.github.com')
  return text
}

/** `request-types`: `all` (the types with a list endpoint at the scope) or a list of type ids. */
function readTypes(inputs: InputReader, scope: Scope): SelectedType[] {
  const text = inputs.text('request-types') || 'all'
  const available = typesListedAt(scope)
  const select = (type: RequestType, explicit: boolean): SelectedType[] => {
    const list = type.lists[scope]
    return list ? [{ type, list, explicit }] : []
  }
  const ids = [...new Set(splitList(text))]
  if (ids.length === 1 && ids[0] === 'all') return available.flatMap(type => select(type, false))
  if (ids.includes('all')) {
    inputs.bad('request-types', text, 'all stands alone: write all by itself, or name the types without it')
    return []
  }
  if (ids.length === 0) inputs.bad('request-types', text, 'expected all or at least one request type')
  return ids.flatMap(id => {
    if (!isTypeId(id)) {
      inputs.bad('request-types', id, `expected all or a list of ${TYPE_IDS.join(', ')}`)
      return []
    }
    const selected = select(requestType(id), true)
    if (selected.length === 0) {
      inputs.bad('request-types', id, `GitHub has no ${scope} list for this type; at ${scope} scope use ${available.map(t => t.id).join(', ')}`)
    }
    return selected
  })
}

function readRepositories(inputs: InputReader): RepositoryFilter {
  const patterns = inputs.list('repositories')
  for (const pattern of patterns.filter(p => !isRepositoryGlob(p))) {
    inputs.bad('repositories', pattern, 'expected owner/name globs such as octo-org/api-* or !octo-org/sandbox')
  }
  return repositoryFilter(patterns)
}

/** `main` or `refs/heads/main` → `refs/heads/main`; undefined for what git would not accept as a branch name. */
function parseBranch(text: string): string | undefined {
  const name = text.startsWith('refs/heads/') ? text.slice('refs/heads/'.length) : text
  const invalid =
    name.length === 0 ||
    name.length > 255 ||
    // eslint-disable-next-line no-control-regex
    /[\u0000-\u0020\u007f~^:?*[\\]/.test(name) ||
    name.includes('..') ||
    name.includes('@{') ||
    name.includes('//') ||
    /^[/.]|[/.]$/.test(name) ||
    name.endsWith('.lock') ||
    name === '@'
  return invalid ? undefined : `refs/heads/${name}`
}

function readBranch(inputs: InputReader): string | undefined {
  const text = inputs.text('branch')
  if (text === '') return undefined
  if (text.startsWith('refs/') && !text.startsWith('refs/heads/')) {
    // refs/pull/N/merge is what github.ref holds on pull_request: the branch is github.head_ref.
    inputs.bad('branch', text, 'expected a branch, not a pull request or tag ref: on pull_request use ${{ github.head_ref }}, elsewhere the branch name')
    return undefined
  }
  const branch = parseBranch(text)
  if (!branch) inputs.bad('branch', text, 'expected a branch name such as main or refs/heads/main')
  return branch
}

function readReviewMessage(inputs: InputReader, review: Review): string {
  const message = inputs.text('review-message')
  const length = Array.from(message).length
  if (review !== 'none' && message === '') {
    inputs.problem(`Input "review-message" is empty: review "${review}" needs a message of 1 to ${MESSAGE_LIMIT} characters.`)
  } else if (length > MESSAGE_LIMIT) {
    // Redacted before it is cut, so that no part of a token in the message survives the cut.
    inputs.bad('review-message', truncate(redact(message), 41), `expected at most ${MESSAGE_LIMIT} characters, got ${length}`)
  }
  return message
}

function readTargets(inputs: InputReader, review: Review): ReviewTarget[] | 'all' {
  const items = inputs.list('review-targets')
  if (items.length === 1 && items[0] === 'all') {
    if (review === 'none') inputs.problem('Input "review-targets" is all but "review" is none: say approve, deny or dismiss-response, or remove the targets.')
    return 'all'
  }
  if (items.includes('all')) {
    inputs.bad('review-targets', items.join(', '), 'all stands alone: write all by itself, or name the targets without it')
    return []
  }
  if (items.length === 0 && review !== 'none') {
    inputs.problem(
      `Input "review-targets" is empty but "review" is ${review}: name the requests to review (owner/repo#number or type:owner/repo#number), ` +
        'or write all to review every open request that matched.'
    )
  }
  const targets: ReviewTarget[] = []
  for (const item of items) {
    const match = TARGET.exec(item)
    const [, typeId, owner = '', name = '', number = ''] = match ?? []
    if (!match || (typeId !== undefined && !isTypeId(typeId))) {
      inputs.bad('review-targets', item, `expected all, owner/repo#number or type:owner/repo#number with type one of ${TYPE_IDS.join(', ')}`)
    } else if (!parseFullName(`${owner}/${name}`)) {
      inputs.bad('review-targets', item, 'expected a repository as owner/name')
    } else {
      targets.push({ typeId: typeId as TypeId | undefined, repository: `${owner}/${name}`, number: Number(number), text: item })
    }
  }
  if (review === 'none' && targets.length > 0) {
    inputs.problem('Input "review-targets" is set but "review" is none: say approve, deny or dismiss-response, or remove the targets.')
  }
  return targets
}
