/**
 * Lists one request type at the run's scope: every page, 100 at a time.
 * The first page says (in its Link header) how many there are; the rest are
 * then fetched together, within the run's concurrency limit, and put back in
 * order. Without a `last` link the `next` links are followed one by one.
 */
import type { LimitFunction } from 'p-limit'
import type { Settings } from '../inputs.js'
import { statusToSend, type ListEndpoint, type RequestType } from '../request-types.js'
import type { GitHub } from './client.js'
import { MalformedResponseError } from './errors.js'

export const PER_PAGE = 100

export type ListFilters = Pick<
  Settings,
  'listPrefix' | 'requestStatus' | 'timePeriod' | 'requester' | 'reviewer' | 'repositoryName' | 'organizationName'
>

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
 * Items that came twice (a list that grew while it was read shifts items
 * onto the next page) are kept once, by GitHub's id; an item without a
 * readable id is always kept.
 */
function distinctItems(items: object[]): object[] {
  const seen = new Set<number>()
  return items.filter(item => {
    const id = (item as { id?: unknown }).id
    if (typeof id !== 'number') return true
    if (seen.has(id)) return false
    seen.add(id)
    return true
  })
}

/**
 * Every item of the list `call` names, in GitHub's order. The pages up to
 * `last` are fetched together; if the list grew meanwhile, the page that
 * was last links a next one, which is followed like any `next`.
 */
export async function listRequests(github: GitHub, limit: LimitFunction, { route, query }: ListCall): Promise<object[]> {
  const page = async (number: number) => {
    const response = await limit(() => github.request(route, { ...query, page: number }))
    if (!isListOfObjects(response.data)) throw new MalformedResponseError(`${route}?page=${number}`)
    return { number, items: response.data, links: parseLink(response.headers.link) }
  }

  const first = await page(1)
  const last = first.links.last ? pageNumber(first.links.last) : undefined
  const pages = [first]
  if (last !== undefined && last > 1) pages.push(...(await Promise.all(Array.from({ length: last - 1 }, (_, i) => page(i + 2)))))
  for (let current = pages.at(-1); current; ) {
    const next = current.links.next ? pageNumber(current.links.next) : undefined
    current = next !== undefined && next > current.number ? await page(next) : undefined
    if (current) pages.push(current)
  }
  return distinctItems(pages.flatMap(p => p.items))
}
