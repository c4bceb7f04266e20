/**
 * Fetches every selected request type at the run's scope, all lists at once.
 * A list that fails is recorded with its reason, never silently dropped.
 */
import type { LimitFunction } from 'p-limit'
import type { GitHub } from './github/client.js'
import { describeListFailure, httpStatus } from './github/errors.js'
import { listCall, listRequests } from './github/list.js'
import type { SelectedType, Settings } from './inputs.js'
import { normalize, type RawRequest, type RequestRecord } from './requests.js'
import type { RequestType } from './request-types.js'

export interface ListFailure {
  type: RequestType
  status?: number
  reason: string
  /** A type that `all` expanded to answered 404 (feature not enabled): reported, not failed on. */
  warningOnly: boolean
}

export interface Fetched {
  records: RequestRecord[]
  failures: ListFailure[]
}

export async function fetchRequests(github: GitHub, limit: LimitFunction, settings: Settings): Promise<Fetched> {
  const results = await Promise.all(
    settings.types.map(async (selected: SelectedType) => {
      const { type } = selected
      try {
        const items = await listRequests(github, limit, type, settings)
        return { records: items.map(item => normalize(item as RawRequest, type)) }
      } catch (error) {
        const status = httpStatus(error)
        const endpoint = listCall(type, type.lists[settings.scope]!, settings).route
        const failure: ListFailure = {
          type,
          status,
          reason: describeListFailure(error, type, settings.scope, endpoint),
          warningOnly: status === 404 && !selected.explicit
        }
        return { records: [], failure }
      }
    })
  )
  return {
    records: results.flatMap(r => r.records),
    failures: results.flatMap(r => (r.failure ? [r.failure] : []))
  }
}
