/**
 * Fetches every selected request type at the run's scope, all lists at once.
 * A list that fails is recorded with its reason, never silently dropped.
 */
import type { LimitFunction } from 'p-limit'
import type { GitHub } from './github/client.js'
import { describeListFailure, httpStatus } from './github/errors.js'
import { listCall, listRequests, type ListFilters } from './github/list.js'
import type { SelectedType, Settings } from './inputs.js'
import { normalize, sharedStrings, type RawRequest, type RequestRecord } from './requests.js'
import type { RequestType } from './request-types.js'
import type { Redactor } from './text.js'

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

export type FetchSettings = ListFilters & Pick<Settings, 'scope' | 'types'>

/** What becomes of each record as soon as its page arrives (classification, the policy): done while other pages are on their way. */
export type Prepare = (record: RequestRecord) => RequestRecord

async function fetchType(
  github: GitHub,
  limit: LimitFunction,
  settings: FetchSettings,
  selected: SelectedType,
  redact: Redactor,
  prepare: Prepare,
  share: (text: string) => string
) {
  const { type, list, explicit } = selected
  const call = listCall(type, list, settings)
  try {
    return { records: await listRequests(github, limit, call, item => prepare(normalize(item as RawRequest, type, redact, share))) }
  } catch (error) {
    const status = httpStatus(error)
    const failure: ListFailure = {
      type,
      status,
      reason: describeListFailure(error, type, list, settings.scope, call.route),
      warningOnly: status === 404 && !explicit
    }
    return { records: [], failure }
  }
}

export async function fetchRequests(
  github: GitHub,
  limit: LimitFunction,
  settings: FetchSettings,
  redact: Redactor,
  prepare: Prepare = record => record
): Promise<Fetched> {
  const share = sharedStrings()
  const results = await Promise.all(settings.types.map(selected => fetchType(github, limit, settings, selected, redact, prepare, share)))
  return {
    records: results.flatMap(r => r.records),
    failures: results.flatMap(r => (r.failure ? [r.failure] : []))
  }
}
