/**
 * Every input, parsed and validated into one typed Settings object before
 * the first API call. A bad input is reported with its name, its value and
 * what is accepted; all bad inputs are reported together.
 */
import { DURATION_FORMS, parseDuration } from './duration.js'
import { isRepositoryGlob, repositoryFilter, type RepositoryFilter } from './repositories.js'
import {
  REQUEST_STATUSES,
  REQUEST_TYPES,
  SCOPES,
  TIME_PERIODS,
  typesListedAt,
  type RequestStatus,
  type RequestType,
  type Scope,
  type TimePeriod
} from './request-types.js'
import { forLog, redact, truncate } from './text.js'

export const FAIL_ON = ['open', 'stale', 'never'] as const
export type FailOn = (typeof FAIL_ON)[number]
export const REVIEWS = ['none', 'approve', 'deny', 'dismiss-response'] as const
export type Review = (typeof REVIEWS)[number]

export interface RepositoryRef {
  owner: string
  name: string
}

export interface SelectedType {
  type: RequestType
  /** Named in `request-types` (as opposed to reached through `all`). */
  explicit: boolean
}

export interface ReviewTarget {
  /** Type id when the target was written `type:owner/repo#number`. */
  typeId?: string
  repository: string
  number: number
  /** As written, for messages. */
  text: string
}

export interface Settings {
  token: string
  apiUrl: string
  scope: Scope
  /** `enterprises/{e}`, `orgs/{o}` or `repos/{o}/{r}`: the list paths' prefix. */
  listPrefix: string
  /** The scope's own name: `owner/name`, the organization, or the enterprise. */
  scopeName: string
  /** The repository under check (annotations with file and line point into it). */
  repository?: RepositoryRef
  types: SelectedType[]
  requestStatus: RequestStatus
  timePeriod: TimePeriod
  requester?: string
  reviewer?: string
  repositoryName?: string
  organizationName?: string
  repositories: RepositoryFilter
  /** Full ref, `refs/heads/<name>`. */
  branch?: string
  staleAfterMs: number
  staleAfter: string
  failOn: FailOn
  annotations: boolean
  jobSummary: boolean
  review: Review
  reviewMessage: string
  reviewTargets: ReviewTarget[]
  maxReviews: number
  dryRun: boolean
  maxConcurrency: number
}

export class InputError extends Error {
  constructor(readonly problems: string[]) {
    super(`${problems.length} invalid input${problems.length === 1 ? '' : 's'}: ${problems.join(' ')}`)
    this.name = 'InputError'
  }
}

const LOGIN = /^[A-Za-z0-9](?:[A-Za-z0-9-]{0,38})(?:\[bot\])?$/
const OWNER = /^[A-Za-z0-9](?:[A-Za-z0-9-]{0,38})$/
const REPO_NAME = /^(?!\.\.?$)[A-Za-z0-9._-]{1,100}$/
const ENTERPRISE = /^[A-Za-z0-9](?:[A-Za-z0-9-]{0,59})$/
const TARGET = /^(?:([a-z-]+):)?([^/\s#]+)\/([^/\s#]+)#([1-9][0-9]{0,9})$/
/** The REST path segment of each scope: `/enterprises/{e}`, `/orgs/{o}`, `/repos/{owner}/{repo}`. */
const SCOPE_PATHS: Record<Scope, string> = { enterprise: 'enterprises', organization: 'orgs', repository: 'repos' }
const TRUE = ['true', 'True', 'TRUE']
const FALSE = ['false', 'False', 'FALSE']

/** Reads an input by name; the default reads what the runner passed to the action. */
export type InputReader = (name: string) => string

/** Lists accept commas or newlines; empty items are dropped. */
export function splitList(text: string): string[] {
  return text
    .split(/[,\n]/)
    .map(s => s.trim())
    .filter(s => s.length > 0)
}

function parseRepository(text: string): RepositoryRef | undefined {
  const [owner, name, extra] = text.split('/')
  if (extra !== undefined || !owner || !name || !OWNER.test(owner) || !REPO_NAME.test(name)) return undefined
  return { owner, name }
}

/** `main` or `refs/heads/main` → `refs/heads/main`; undefined for what git would not accept as a branch name. */
export function parseBranch(text: string): string | undefined {
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

export function readSettings(read: InputReader, env: NodeJS.ProcessEnv = process.env): Settings {
  const problems: string[] = []
  const bad = (input: string, value: string, accepted: string): void => {
    problems.push(`Input "${input}" has the value "${forLog(value, 200)}": ${accepted}.`)
  }
  const oneOf = <T extends string>(input: string, accepted: readonly T[], fallback: T): T => {
    const value = read(input) || fallback
    if ((accepted as readonly string[]).includes(value)) return value as T
    bad(input, value, `expected one of ${accepted.join(', ')}`)
    return fallback
  }
  const boolean = (input: string, fallback: boolean): boolean => {
    const value = read(input)
    if (value === '') return fallback
    if (TRUE.includes(value)) return true
    if (FALSE.includes(value)) return false
    bad(input, value, 'expected true or false')
    return fallback
  }
  const integer = (input: string, fallback: number, min: number, max: number): number => {
    const value = read(input)
    if (value === '') return fallback
    const n = /^[0-9]+$/.test(value) ? Number(value) : NaN
    if (Number.isInteger(n) && n >= min && n <= max) return n
    bad(input, value, `expected a whole number from ${min} to ${max}`)
    return fallback
  }
  const login = (input: string): string | undefined => {
    const value = read(input)
    if (value === '') return undefined
    if (LOGIN.test(value)) return value
    bad(input, value, 'expected a GitHub login (letters, digits and hyphens, at most 39 characters)')
    return undefined
  }

  // The token is read first so that no later message can contain it.
  const token = read('token')
  if (token === '') problems.push('Input "token" is empty: pass a token, for example ${{ github.token }}.')

  const apiUrlText = read('api-url') || env.GITHUB_API_URL || 'https://api.github.com'
  let apiUrl = apiUrlText
  try {
    const url = new URL(apiUrlText)
    if (url.protocol !== 'https:' && url.protocol !== 'http:') throw new Error('protocol')
    apiUrl = apiUrlText.replace(/\/+$/, '')
  } catch {
    bad('api-url', apiUrlText, 'expected an http(s) URL such as https://api.github.com')
  }

  const scope = oneOf('scope', SCOPES, 'repository')

  const repositoryText = read('repository') || env.GITHUB_REPOSITORY || ''
  const repository = repositoryText === '' ? undefined : parseRepository(repositoryText)
  if (repositoryText !== '' && !repository) bad('repository', repositoryText, 'expected owner/name')
  if (scope === 'repository' && repositoryText === '') {
    problems.push('Input "repository" is empty: repository scope needs owner/name.')
  }

  const organizationText = read('organization') || repository?.owner || ''
  if (organizationText !== '' && !OWNER.test(organizationText)) {
    bad('organization', organizationText, 'expected an organization login')
  }
  if (scope === 'organization' && organizationText === '') {
    problems.push('Input "organization" is empty: organization scope needs an organization (or a repository to take its owner from).')
  }

  const enterprise = read('enterprise')
  if (enterprise !== '' && !ENTERPRISE.test(enterprise)) bad('enterprise', enterprise, 'expected an enterprise slug')
  if (scope === 'enterprise' && enterprise === '') {
    problems.push('Input "enterprise" is empty: enterprise scope needs the enterprise slug.')
  }

  const types = selectTypes(read('request-types') || 'all', scope, bad)
  const requestStatus = oneOf('request-status', REQUEST_STATUSES, 'open')
  const timePeriod = oneOf('time-period', TIME_PERIODS, 'month')
  const requester = login('requester')
  const reviewer = login('reviewer')

  const repositoryName = read('repository-name') || undefined
  if (repositoryName !== undefined) {
    if (scope !== 'organization') bad('repository-name', repositoryName, 'only used with scope: organization')
    else if (!REPO_NAME.test(repositoryName)) bad('repository-name', repositoryName, 'expected a repository name without its owner')
  }
  const organizationName = read('organization-name') || undefined
  if (organizationName !== undefined) {
    if (scope !== 'enterprise') bad('organization-name', organizationName, 'only used with scope: enterprise')
    else if (!OWNER.test(organizationName)) bad('organization-name', organizationName, 'expected an organization login')
  }

  const patterns = splitList(read('repositories'))
  for (const pattern of patterns.filter(p => !isRepositoryGlob(p))) {
    bad('repositories', pattern, 'expected owner/name globs such as octo-org/api-* or !octo-org/sandbox')
  }

  const branchText = read('branch')
  const branch = branchText === '' ? undefined : parseBranch(branchText)
  if (branchText !== '' && !branch) bad('branch', branchText, 'expected a branch name such as main or refs/heads/main')

  const staleAfter = read('stale-after') || '24h'
  const staleAfterMs = parseDuration(staleAfter)
  if (staleAfterMs === undefined) bad('stale-after', staleAfter, `expected ${DURATION_FORMS}`)

  const failOn = oneOf('fail-on', FAIL_ON, 'stale')
  const annotations = boolean('annotations', true)
  const jobSummary = boolean('job-summary', true)

  const review = oneOf('review', REVIEWS, 'none')
  const reviewMessage = read('review-message')
  if (review !== 'none' && reviewMessage === '') {
    problems.push(`Input "review-message" is empty: review "${review}" needs a message of 1 to 2048 characters.`)
  } else if (Array.from(reviewMessage).length > 2048) {
    // Redacted before it is cut, so that no part of a token in the message survives the cut.
    bad('review-message', truncate(redact(reviewMessage), 41), `expected at most 2048 characters, got ${Array.from(reviewMessage).length}`)
  }
  const reviewTargets = parseTargets(read('review-targets'), bad)
  if (review === 'none' && reviewTargets.length > 0) {
    problems.push('Input "review-targets" is set but "review" is none: say approve, deny or dismiss-response, or remove the targets.')
  }
  const maxReviews = integer('max-reviews', 20, 1, 1000)
  const dryRun = boolean('dry-run', false)
  const maxConcurrency = integer('max-concurrency', 4, 1, 10)

  if (problems.length > 0) throw new InputError(problems)

  const scopeName =
    scope === 'enterprise' ? enterprise : scope === 'organization' ? organizationText : `${repository!.owner}/${repository!.name}`
  const listPrefix = `${SCOPE_PATHS[scope]}/${scopeName}`

  return {
    token,
    apiUrl,
    scope,
    listPrefix,
    scopeName,
    repository,
    types,
    requestStatus,
    timePeriod,
    requester,
    reviewer,
    repositoryName,
    organizationName,
    repositories: repositoryFilter(patterns),
    branch,
    staleAfterMs: staleAfterMs!,
    staleAfter,
    failOn,
    annotations,
    jobSummary,
    review,
    reviewMessage,
    reviewTargets,
    maxReviews,
    dryRun,
    maxConcurrency
  }
}

type Complaint = (input: string, value: string, accepted: string) => void

/** `all` (the types with a list endpoint at the scope) or a list of type ids. */
function selectTypes(text: string, scope: Scope, bad: Complaint): SelectedType[] {
  const available = typesListedAt(scope)
  const ids = [...new Set(splitList(text))]
  if (ids.length === 1 && ids[0] === 'all') return available.map(type => ({ type, explicit: false }))
  if (ids.includes('all')) {
    bad('request-types', text, 'all stands alone: write all by itself, or name the types without it')
    return []
  }
  const selected: SelectedType[] = []
  for (const id of ids) {
    const type = REQUEST_TYPES.find(t => t.id === id)
    if (!type) {
      bad('request-types', id, `expected all or a list of ${REQUEST_TYPES.map(t => t.id).join(', ')}`)
    } else if (!available.includes(type)) {
      bad('request-types', id, `GitHub has no ${scope} list for this type; at ${scope} scope use ${available.map(t => t.id).join(', ')}`)
    } else {
      selected.push({ type, explicit: true })
    }
  }
  if (ids.length === 0) bad('request-types', text, 'expected all or at least one request type')
  return selected
}

function parseTargets(text: string, bad: Complaint): ReviewTarget[] {
  const targets: ReviewTarget[] = []
  for (const item of splitList(text)) {
    const match = TARGET.exec(item)
    const typeId = match?.[1]
    if (!match || (typeId !== undefined && !REQUEST_TYPES.some(t => t.id === typeId))) {
      bad('review-targets', item, `expected owner/repo#number or type:owner/repo#number with type one of ${REQUEST_TYPES.map(t => t.id).join(', ')}`)
      continue
    }
    if (!OWNER.test(match[2]!) || !REPO_NAME.test(match[3]!)) {
      bad('review-targets', item, 'expected a repository as owner/name')
      continue
    }
    targets.push({ typeId, repository: `${match[2]}/${match[3]}`, number: Number(match[4]), text: item })
  }
  return targets
}
