/**
 * Every filter the user set, applied again to what GitHub returned: a server
 * that ignored a query parameter (an older GitHub Enterprise Server, a
 * proxy) cannot widen the gate or the reviews. A request whose field the
 * action could not interpret is kept (it counts against the gate), never
 * dropped on a guess.
 */
import type { Settings } from './inputs.js'
import { parseFullName, repositoryMatches } from './repositories.js'
import { requestType, type RequestStatus } from './request-types.js'
import type { RequestRecord } from './requests.js'

export type FilterSettings = Pick<Settings, 'repositories' | 'branch' | 'requester' | 'reviewer' | 'repositoryName' | 'organizationName'>

const same = (a: string, b: string): boolean => a.toLowerCase() === b.toLowerCase()

/** The status filter, applied here too because some endpoints were asked for `all`. */
export function statusMatches(record: RequestRecord, wanted: RequestStatus): boolean {
  if (wanted === 'all' || record.problems.length > 0) return true
  return wanted === 'open' ? record.open : record.status === wanted
}

/** Requests that name a branch must name this one; types whose requests name none are not narrowed. */
export function branchMatches(record: RequestRecord, branch: string | undefined): boolean {
  if (!branch || !requestType(record.type).hasBranch) return true
  return record.branch === branch
}

/** Whether `repositories`, `repository-name` or `organization-name` is set. */
function hasPlaceFilter({ repositories, repositoryName, organizationName }: FilterSettings): boolean {
  return repositories.include.length + repositories.exclude.length > 0 || Boolean(repositoryName) || Boolean(organizationName)
}

/**
 * The repository the request is in, against `repositories`, `repository-name`
 * and `organization-name`; a request whose repository is unreadable is kept.
 */
function placeMatches(record: RequestRecord, settings: FilterSettings): boolean {
  // Nothing to match against: every place matches, without reading ten thousand repository names.
  if (!hasPlaceFilter(settings)) return true
  const repository = parseFullName(record.repository)
  if (!repository) return true
  const organization = record.organization || repository.owner
  return (
    repositoryMatches(settings.repositories, record.repository) &&
    (!settings.repositoryName || same(repository.name, settings.repositoryName)) &&
    (!settings.organizationName || same(organization, settings.organizationName))
  )
}

/** `requester` made the request; `reviewer` responded to it. */
function peopleMatch(record: RequestRecord, settings: FilterSettings): boolean {
  return (
    (!settings.requester || same(record.requester, settings.requester)) && (!settings.reviewer || record.responses.some(r => same(r.reviewer, settings.reviewer ?? '')))
  )
}

/** Every filter but the status. */
export function filtersMatch(record: RequestRecord, settings: FilterSettings): boolean {
  return placeMatches(record, settings) && branchMatches(record, settings.branch) && peopleMatch(record, settings)
}

/** The records every filter but the status matches: all of them, without a look at each, when no such filter is set. */
export function matchingFilters(records: RequestRecord[], settings: FilterSettings): RequestRecord[] {
  const any = hasPlaceFilter(settings) || Boolean(settings.branch) || Boolean(settings.requester) || Boolean(settings.reviewer)
  return any ? records.filter(record => filtersMatch(record, settings)) : records
}
