/**
 * The fetch for a runner behind a proxy: the one @actions/github gives its
 * Octokit (undici with @actions/http-client's proxy dispatcher, which reads
 * `https_proxy`, `http_proxy` and their credentials). Loaded only when a
 * proxy applies to the API: undici is a megabyte of code that a run without
 * a proxy does not need (./http-fetch.ts serves it).
 */
import { HttpClient } from '@actions/http-client'
import { fetch } from 'undici'

export function proxyFetch(apiUrl: string): typeof globalThis.fetch {
  const dispatcher = new HttpClient().getAgentDispatcher(apiUrl)
  return ((url: string, init?: RequestInit) => fetch(url, { ...(init as object), dispatcher })) as unknown as typeof globalThis.fetch
}
