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

/** Every item of the list `call` names, in GitHub's order. */
export async function listRequests(github: GitHub, limit: LimitFunction, { route, query }: ListCall): Promise<unknown[]> {
  const page = async (number: number) => {
    const response = await limit(() => github.request(route, { ...query, page: number }))
    if (!Array.isArray(response.data)) throw new MalformedResponseError(`${route}?page=${number}`)
    return { items: response.data as unknown[], links: parseLink(response.headers.link) }
  }

  const first = await page(1)
  const last = first.links.last ? pageNumber(first.links.last) : undefined
  if (last !== undefined) {
    const rest = await Promise.all(Array.from({ length: last - 1 }, (_, i) => page(i + 2)))
    return [first, ...rest].flatMap(p => p.items)
  }
  const items = [...first.items]
  let next = first.links.next ? pageNumber(first.links.next) : undefined
  while (next !== undefined) {
    const current = await page(next)
    items.push(...current.items)
    const following = current.links.next ? pageNumber(current.links.next) : undefined
    next = following !== undefined && following > next ? following : undefined
  }
  return items
}
