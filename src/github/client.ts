/**
 * The Octokit the action talks to GitHub with: the API version and media
 * type GitHub documents, retries with backoff for transient failures and
 * rate limits waited out within a bounded budget (./resilience.ts), and a
 * time limit on every attempt.
 * Redirects are followed only within the API's origin, so the token never
 * goes elsewhere; an API that cannot be reached at all fails at once.
 */
import { getProxyUrl } from '@actions/http-client/lib/proxy'
import { Octokit } from '@octokit/core'
import { RedirectRefusedError, UNREACHABLE, UnreachableError } from './errors.js'
import { httpFetch } from './http-fetch.js'
import { resilience } from './resilience.js'

export type GitHub = Octokit

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

const REDIRECTS = new Set([301, 302, 303, 307, 308])
const MAX_REDIRECTS = 5

function errorCode(error: unknown): string | undefined {
  const cause = (error as { cause?: { code?: unknown; errors?: { code?: unknown }[] } }).cause
  const code = cause?.code ?? cause?.errors?.[0]?.code
  return typeof code === 'string' ? code : undefined
}

/** An Octokit plugin, inside the retries: errors no retry can mend come out as themselves, with no status to retry on. */
function failFast(octokit: { hook: { error: (name: 'request', hook: (error: Error) => never) => void } }): void {
  octokit.hook.error('request', error => {
    const cause = (error as { cause?: unknown }).cause
    if (cause instanceof UnreachableError || cause instanceof RedirectRefusedError) throw cause
    throw error
  })
}

/**
 * The fetch calls go through: node:http and node:https (./http-fetch.ts),
 * or, when the runner's proxy variables name a proxy for the API (and
 * `no_proxy` does not exempt it), the proxy-aware one @actions/github would
 * use, loaded only then.
 */
export async function baseFetch(apiUrl: string): Promise<Fetch> {
  if (!getProxyUrl(new URL(apiUrl))) return httpFetch as unknown as Fetch
  const { proxyFetch } = await import('./proxy.js')
  return proxyFetch(apiUrl)
}

/** `actions_orchestration_id/<id>` when the runner names the run's orchestration, as @actions/github adds to its user agent. */
export function userAgent(name: string, orchestrationId = process.env.ACTIONS_ORCHESTRATION_ID?.trim()): string {
  return orchestrationId ? `${name} actions_orchestration_id/${orchestrationId.replace(/[^a-z0-9_.-]/gi, '_')}` : name
}

export function createClient(options: ClientOptions): GitHub {
  const fetchFor = baseFetch(options.apiUrl)
  const origin = new URL(options.apiUrl).origin
  /** One attempt at one URL, within the time limit; redirects are returned, not followed. */
  const attempt = async (url: string, init: RequestInit | undefined): Promise<Response> => {
    const timeout = AbortSignal.timeout(options.timeoutMs)
    const signal = init?.signal ? AbortSignal.any([init.signal, timeout]) : timeout
    try {
      const fetch = await fetchFor
      return await fetch(url, { ...init, signal, redirect: 'manual' })
    } catch (error) {
      const code = errorCode(error)
      if (code && code in UNREACHABLE) throw new UnreachableError(options.apiUrl, code)
      throw error
    }
  }
  /** Reads follow redirects within the API's origin only; a write's redirect is returned to the caller, which fails it. */
  const guardedFetch: Fetch = async (input, init) => {
    let url = typeof input === 'string' ? input : input instanceof URL ? input.href : input.url
    const read = (init?.method ?? 'GET').toUpperCase() === 'GET'
    for (let hops = 0; ; hops++) {
      const response = await attempt(url, init)
      if (!read || !REDIRECTS.has(response.status)) return response
      // A redirect's body is never read: release its connection.
      await response.body?.cancel()
      const location = response.headers.get('location')
      const path = new URL(url).pathname
      if (!location) throw new RedirectRefusedError(response.status, path, 'it named no location')
      const target = URL.parse(location, url)
      if (!target) throw new RedirectRefusedError(response.status, path, 'its location is not a URL')
      if (target.origin !== origin) {
        throw new RedirectRefusedError(response.status, path, `it leads to another origin (${target.origin}), where the token is not sent`)
      }
      if (hops >= MAX_REDIRECTS) throw new RedirectRefusedError(response.status, path, `more than ${MAX_REDIRECTS} redirects`)
      url = target.href
    }
  }

  const Client = Octokit.plugin(
    failFast,
    resilience({ retries: options.retries, rateLimitBudgetMs: options.rateLimitBudgetMs, writeSpacingMs: 1000, onWait: options.onWait })
  )
  const github = new Client({
    auth: options.token,
    baseUrl: options.apiUrl,
    userAgent: userAgent('exemption-requests-action'),
    request: { fetch: guardedFetch }
  })
  github.hook.before('request', request => {
    request.headers['accept'] = MEDIA_TYPE
    request.headers['x-github-api-version'] = API_VERSION
  })
  return github
}
