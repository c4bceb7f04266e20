/**
 * Lists one request type at the run's scope: every page, 100 at a time.
 * The first page says (in its Link header) how many there are; the rest are
 * then fetched together, within the run's concurrency limit, and put back in
 * order. Without a `last` link the `next` links are followed one by one.
 */
import { text as bodyText } from 'node:stream/consumers'
import type { LimitFunction } from 'p-limit'
import type { Settings } from '../inputs.js'
import { statusToSend, type ListEndpoint, type RequestType } from '../request-types.js'
import type { GitHub } from './client.js'
import { MalformedResponseError } from './errors.js'

export const PER_PAGE = 100

export type ListFilters = Pick<Settings, 'listPrefix' | 'requestStatus' | 'timePeriod' | 'requester' | 'reviewer' | 'repositoryName' | 'organizationName'>

export interface ListCall {
  route: string
  query: Record<string, string | number>
}

/** The path and query of the first page, with every filter the endpoint takes. */
export function listCall(type: RequestType, list: ListEndpoint, filters: ListFilters): ListCall {
  const query: Record<string, string | number> = {
    time_period: filters.timePeriod,
    request_status: statusToSend(list, filters.requestStatus),
    per_page: PER_PAGE
  }
  if (filters.requester) query.requester = filters.requester
  if (filters.reviewer) query.reviewer = filters.reviewer
  const name = list.nameFilter === 'repository_name' ? filters.repositoryName : filters.organizationName
  if (list.nameFilter && name) query[list.nameFilter] = name
  return { route: `GET /${filters.listPrefix}/${type.segment}`, query }
}

/** Page links of a `Link` header: `{ next: 'https://…&page=2', last: '…' }`. */
export function parseLink(header: string | undefined): Record<string, string> {
  const links: Record<string, string> = {}
  for (const [, url, rel] of (header ?? '').matchAll(/<([^>]+)>\s*;\s*rel="([^"]+)"/g)) {
    if (url && rel) links[rel] = url
  }
  return links
}

function pageNumber(url: string): number | undefined {
  const page = Number(new URL(url).searchParams.get('page'))
  return Number.isInteger(page) && page > 0 ? page : undefined
}

/** A page must be a JSON array of objects; anything else fails the list closed. */
function isListOfObjects(data: unknown): data is object[] {
  return Array.isArray(data) && data.every(item => typeof item === 'object' && item !== null && !Array.isArray(item))
}

/**
 * The page's items, parsed with JSON.parse from the body Octokit left
 * unparsed (`parseSuccessResponseBody: false`): several times faster than
 * Octokit's own parser on a page of 100 requests.
 */
async function readPage(body: unknown, endpoint: string): Promise<object[]> {
  // A body that breaks off is a failed call, told as one; only text that is not JSON is GitHub's malformed answer.
  const text = typeof body === 'object' && body !== null && Symbol.asyncIterator in body ? await bodyText(body as AsyncIterable<Uint8Array>) : body
  let data: unknown = text
  if (typeof text === 'string') {
    try {
      data = JSON.parse(text)
    } catch {
      throw new MalformedResponseError(endpoint)
    }
  }
  if (!isListOfObjects(data)) throw new MalformedResponseError(endpoint)
  return data
}

/**
 * Every item of the list `call` names, in GitHub's order, each passed
 * through `read` as soon as its page arrives, so that the raw items of a
 * page are released at once. The pages up to `last` are fetched together;
 * if the list grew meanwhile, the page that was last links a next one,
 * which is followed like any `next`. Items that came twice (a list that
 * grew shifts items onto the next page) are kept once, by GitHub's id; an
 * item without a readable id is always kept.
 */
export async function listRequests<T>(github: GitHub, limit: LimitFunction, { route, query }: ListCall, read: (item: object) => T): Promise<T[]> {
  const page = async (number: number) => {
    const response = await limit(() => github.request(route, { ...query, page: number, request: { parseSuccessResponseBody: false } }))
    const items = await readPage(response.data, `${route}?page=${number}`)
    // Each item's id (to drop an item that came twice) and what `read` made of it; the raw item itself is not kept.
    const ids = items.map(item => (item as { id?: unknown }).id)
    const values = items.map(read)
    return { number, ids, values, links: parseLink(response.headers.link) }
  }

  const first = await page(1)
  const last = first.links.last ? pageNumber(first.links.last) : undefined
  const pages = [first]
  if (last !== undefined && last > 1) pages.push(...(await Promise.all(Array.from({ length: last - 1 }, (_, i) => page(i + 2)))))
  for (let current = pages.at(-1); current;) {
    const next = current.links.next ? pageNumber(current.links.next) : undefined
    current = next !== undefined && next > current.number ? await page(next) : undefined
    if (current) pages.push(current)
  }
  const seen = new Set<number>()
  const values: T[] = []
  for (const { ids, values: made } of pages) {
    for (let i = 0; i < ids.length; i++) {
      const id = ids[i]
      const value = made[i]!
      if (typeof id === 'number') {
        if (seen.has(id)) continue
        seen.add(id)
      }
      values.push(value)
    }
  }
  return values
}
