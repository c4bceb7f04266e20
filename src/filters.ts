/** The filters applied to fetched records: where they are (repositories, branch), and their status. */
import type { Settings } from './inputs.js'
import { repositoryMatches } from './repositories.js'
import { requestType, type RequestStatus } from './request-types.js'
import type { RequestRecord } from './requests.js'

/** The status filter, applied here too because some endpoints were asked for `all`. */
export function statusMatches(record: RequestRecord, wanted: RequestStatus): boolean {
  return wanted === 'all' || (wanted === 'open' ? record.open : record.status === wanted)
}

/** Requests that name a branch must name this one; types whose requests name none are not narrowed. */
export function branchMatches(record: RequestRecord, branch: string | undefined): boolean {
  if (!branch || !requestType(record.type).hasBranch) return true
  return record.branch === branch
}

/** The `repositories` and `branch` filters. */
export function placeMatches(record: RequestRecord, settings: Pick<Settings, 'repositories' | 'branch'>): boolean {
  return repositoryMatches(settings.repositories, record.repository) && branchMatches(record, settings.branch)
}
