/**
 * The Octokit the action talks to GitHub with: the API version and media
 * type GitHub documents, retries with backoff for transient failures
 * (@octokit/plugin-retry), rate limits waited out within a bounded budget
 * (@octokit/plugin-throttling), and a time limit on every attempt.
 */
import { getOctokit } from '@actions/github'
import { defaults } from '@actions/github/lib/utils'
import { retry } from '@octokit/plugin-retry'
import { throttling } from '@octokit/plugin-throttling'

export type GitHub = ReturnType<typeof getOctokit>

export const API_VERSION = '2022-11-28'
export const MEDIA_TYPE = 'application/vnd.github+json'

export interface ClientOptions {
  token: string
  apiUrl: string
  /** Time limit of one attempt of one call. */
  timeoutMs: number
  /** Most time spent waiting for rate limits over the whole run. */
  rateLimitBudgetMs: number
  /** Attempts after the first for a failed read. */
  retries: number
  onWait: (message: string) => void
}

type Fetch = typeof globalThis.fetch

export function createClient(options: ClientOptions): GitHub {
  let waitedMs = 0
  /** Whether to wait `seconds` more for a rate limit, within the run's budget. */
  const waitFor = (kind: string, seconds: number, request: { method: string; url: string }): boolean => {
    const ms = seconds * 1000
    if (waitedMs + ms > options.rateLimitBudgetMs) return false
    waitedMs += ms
    options.onWait(`${kind} rate limit on ${request.method} ${request.url}: waiting ${seconds}s before retrying.`)
    return true
  }

  const proxyFetch = (defaults.request?.fetch ?? globalThis.fetch) as Fetch
  const timedFetch: Fetch = (input, init) => {
    const timeout = AbortSignal.timeout(options.timeoutMs)
    const signal = init?.signal ? AbortSignal.any([init.signal, timeout]) : timeout
    return proxyFetch(input, { ...init, signal })
  }

  const github = getOctokit(
    options.token,
    {
      baseUrl: options.apiUrl,
      userAgent: 'exemption-requests-action',
      request: { fetch: timedFetch },
      // 429 is a rate limit: the throttling plugin waits as GitHub asks, instead of retrying at once.
      retry: { retries: options.retries, doNotRetry: [400, 401, 403, 404, 410, 422, 429, 451] },
      throttle: {
        onRateLimit: (retryAfter: number, request: { method: string; url: string }) =>
          waitFor('Primary', retryAfter, request),
        onSecondaryRateLimit: (retryAfter: number, request: { method: string; url: string }) =>
          waitFor('Secondary', retryAfter, request)
      }
    },
    retry,
    throttling
  )
  github.hook.before('request', request => {
    request.headers['accept'] = MEDIA_TYPE
    request.headers['x-github-api-version'] = API_VERSION
  })
  return github
}
