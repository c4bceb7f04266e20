/**
 * Turns a failed call into a message a person can act on: which permission
 * is missing, whether the feature is off, when a rate limit resets.
 */
import { CLASSIC_SCOPE, type ListEndpoint, type RequestType, type Scope } from '../request-types.js'
import { forLog } from '../text.js'
import { rateLimitWait } from './resilience.js'

export class MalformedResponseError extends Error {
  constructor(readonly endpoint: string) {
    super(`GitHub's answer to ${endpoint} was not the JSON list the API describes`)
    this.name = 'MalformedResponseError'
  }
}

/** Network errors that no retry can mend: the name does not resolve, nothing listens, or TLS refuses the server. */
export const UNREACHABLE: Record<string, string> = {
  ENOTFOUND: 'the host name does not resolve',
  EAI_AGAIN: 'the host name does not resolve',
  ECONNREFUSED: 'the connection was refused',
  EHOSTUNREACH: 'the host cannot be reached',
  ENETUNREACH: 'the network cannot be reached',
  CERT_HAS_EXPIRED: 'its TLS certificate has expired',
  DEPTH_ZERO_SELF_SIGNED_CERT: 'its TLS certificate is self-signed',
  SELF_SIGNED_CERT_IN_CHAIN: 'its TLS certificate chain is self-signed',
  UNABLE_TO_VERIFY_LEAF_SIGNATURE: 'its TLS certificate cannot be verified',
  ERR_TLS_CERT_ALTNAME_INVALID: 'its TLS certificate is for another name'
}

/** The API named by `api-url` cannot be reached: retrying would only delay the failure. */
export class UnreachableError extends Error {
  constructor(apiUrl: string, code: string) {
    super(`Could not reach api-url ${apiUrl}: ${UNREACHABLE[code] ?? 'the connection failed'} (${code}). Check the api-url input.`)
    this.name = 'UnreachableError'
  }
}

/** A read was redirected somewhere the action does not follow (another origin, or too many hops). */
export class RedirectRefusedError extends Error {
  constructor(status: number, from: string, reason: string) {
    super(`GitHub answered ${status} to GET ${from} with a redirect that was not followed: ${reason}.`)
    this.name = 'RedirectRefusedError'
  }
}

/** What Octokit's errors carry, as far as the action reads them. */
export interface HttpFailure {
  status?: number
  message?: string
  name?: string
  response?: { headers?: Record<string, string | number | undefined>; data?: unknown }
}

export function httpStatus(error: unknown): number | undefined {
  const status = (error as HttpFailure | undefined)?.status
  return typeof status === 'number' ? status : undefined
}

/** GitHub's own words (`message` of its error body, or the body itself), made safe for a log line. */
export function githubMessage(error: unknown): string {
  const failure = error as HttpFailure
  const data = failure?.response?.data
  const message = (data as { message?: unknown } | undefined)?.message
  if (typeof message === 'string' && message.trim() !== '') return forLog(message, 300)
  if (typeof data === 'string' && data.trim() !== '') return forLog(data, 300)
  if (failure?.response) return 'it sent no message'
  return forLog(failure?.message ?? String(error), 300)
}

function rateLimitReset(error: HttpFailure): string {
  const reset = Number(error.response?.headers?.['x-ratelimit-reset'])
  if (Number.isFinite(reset) && reset > 0) return `it resets at ${new Date(reset * 1000).toISOString()}`
  if (error.response?.headers?.['retry-after'] !== undefined) return `GitHub asked to wait ${rateLimitWait(error)?.seconds ?? '?'}s more`
  return 'GitHub did not say when it resets'
}

/**
 * What went wrong with a call that is not specific to the endpoint, or
 * undefined. `retried`: whether the call was retried before giving up.
 */
export function describeCommonFailure(error: unknown, endpoint: string, retried = true): string | undefined {
  const failure = error as HttpFailure
  const status = httpStatus(error)
  if (error instanceof MalformedResponseError || error instanceof UnreachableError || error instanceof RedirectRefusedError) {
    return forLog(error.message, 500)
  }
  if (status === 401) return 'GitHub answered 401: the token is invalid or missing.'
  // The same test the request hook waits on: one idea of what a rate limit is.
  if (rateLimitWait(error) !== undefined) {
    return `GitHub's rate limit was still in force after the action waited as long as it may (${rateLimitReset(failure)}).`
  }
  if (status === 422) return `GitHub rejected ${endpoint} (422): ${githubMessage(error)}`
  if (status !== undefined && status >= 500) {
    const cause = /timeout|aborted/i.test(githubMessage(error)) ? 'timed out' : `failed (${githubMessage(error)})`
    const again = retried ? ', also on every retry' : ' (not retried: it may have been applied)'
    return status === 500 && !failure.response
      ? `The call to ${endpoint} ${cause}${again}.`
      : `GitHub answered ${status} to ${endpoint}${again}: ${githubMessage(error)}.`
  }
  return undefined
}

/** Why a list could not be read, with the permission or setting that would fix it. */
export function describeListFailure(error: unknown, type: RequestType, list: ListEndpoint, scope: Scope, endpoint: string): string {
  const common = describeCommonFailure(error, endpoint)
  if (common) return common
  const status = httpStatus(error)
  const classicToken =
    list.classicScope === null
      ? 'a personal access token (classic) (GitHub documents no scope for it here)'
      : `a personal access token (classic) with the ${list.classicScope ?? CLASSIC_SCOPE} scope`
  const tokenKinds =
    list.fineGrained === null
      ? `This ${scope} endpoint does not work with fine-grained personal access tokens or GitHub App tokens (GITHUB_TOKEN included): use ${classicToken}.`
      : `Use ${classicToken}, or a fine-grained token or GitHub App with ${list.fineGrained}.`
  if (status === 403) {
    return `GitHub answered 403 to ${endpoint}: the token may not list ${type.title.toLowerCase()}s. ${tokenKinds} See ${list.docs}`
  }
  if (status === 404) {
    return `GitHub answered 404 to ${endpoint}: the feature is not enabled or not visible to this token (${type.feature} off, or a name that does not exist).${list.fineGrained === null ? ` ${tokenKinds}` : ''}`
  }
  return describeUnexpected(error, endpoint)
}

/** What went wrong with a read of no particular kind (an alert): the common reasons, else its status and GitHub's message. */
export function describeFailure(error: unknown, endpoint: string): string {
  return describeCommonFailure(error, endpoint) ?? describeUnexpected(error, endpoint)
}

/** A failure no rule above explains: its status and GitHub's message, or what went wrong on the way. */
function describeUnexpected(error: unknown, endpoint: string): string {
  const status = httpStatus(error)
  return (error as HttpFailure).response && status !== undefined
    ? `GitHub answered ${status} to ${endpoint}: ${githubMessage(error)}`
    : `The call to ${endpoint} failed: ${githubMessage(error)}`
}

/** Why a review call failed; a write is never retried, so the message says so. */
export function describeReviewFailure(error: unknown, type: RequestType, endpoint: string): string {
  const common = describeCommonFailure(error, endpoint, false)
  if (common) return common
  if (httpStatus(error) === 403 && type.review) {
    return (
      `GitHub answered 403 to ${endpoint}: the token may not review ${type.title.toLowerCase()}s (${githubMessage(error)}). ` +
      `Use a personal access token (classic) with the ${CLASSIC_SCOPE} scope of a reviewer, or a fine-grained token or GitHub App with ${type.review.fineGrained}.`
    )
  }
  return describeUnexpected(error, endpoint)
}
