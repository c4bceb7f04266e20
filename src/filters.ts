/** The filters applied to fetched records: status (where the endpoint could not), repositories, branch. */
import type { Settings } from './inputs.js'
import { repositoryMatches } from './repositories.js'
import { requestType, type RequestStatus } from './request-types.js'
import type { RequestRecord } from './requests.js'

export function statusMatches(record: RequestRecord, wanted: RequestStatus): boolean {
  return wanted === 'all' || (wanted === 'open' ? record.open : record.status === wanted)
}

/** Requests that name a branch must name this one; types whose requests name none are not narrowed. */
export function branchMatches(record: RequestRecord, branch: string | undefined): boolean {
  if (!branch || !requestType(record.type)?.hasBranch) return true
  return record.branch === branch
}

export function applyFilters(records: RequestRecord[], settings: Settings): RequestRecord[] {
  return records.filter(
    r =>
      statusMatches(r, settings.requestStatus) &&
      repositoryMatches(settings.repositories, r.repository) &&
      branchMatches(r, settings.branch)
  )
}
