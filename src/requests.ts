/**
 * A raw list item, as any of the five endpoints sends it, becomes one
 * normalized record (the shape of DESIGN's record, used by every report).
 * Every string that other people wrote is redacted here, once.
 */
import type { components } from './github/openapi.js'
import { requestType, type RequestType } from './request-types.js'
import { redact } from './text.js'

type Schemas = components['schemas']
/** What the five list endpoints send, per GitHub's OpenAPI description. */
export type RawRequest =
  | Schemas['secret-scanning-bypass-request']
  | Schemas['push-rule-bypass-request']
  | Schemas['secret-scanning-dismissal-request']
  | Schemas['code-scanning-alert-dismissal-request']
  | Schemas['dependabot-alert-dismissal-request']

/** The union of the `data[]` entries of every type; GitHub sends numbers where it documents strings. */
interface RawData {
  secret_type?: string
  bypass_reason?: string
  reason?: string
  path?: string
  branch?: string
  alert_number?: string | number
  alert_title?: string
  ruleset_name?: string
  rule_type?: string
}

export interface RequestResponse {
  id: number
  reviewer: string
  status: string
  created_at: string
}

export interface RequestRecord {
  type: string
  id: number
  number: number
  repository: string
  organization: string
  requester: string
  status: string
  open: boolean
  stale: boolean
  age_hours: number
  created_at: string
  expires_at: string | null
  reasons: string[]
  secret_types: string[]
  alert_numbers: number[]
  path: string | null
  line: number | null
  branch: string | null
  ruleset: string | null
  comment: string
  html_url: string
  responses: RequestResponse[]
}

/** A request awaiting review says `open` or `pending`, depending on the endpoint. */
export function isOpenStatus(status: string): boolean {
  return status === 'open' || status === 'pending'
}

function text(value: unknown): string {
  return typeof value === 'string' ? redact(value) : typeof value === 'number' ? String(value) : ''
}

function distinct(values: (string | undefined)[]): string[] {
  return [...new Set(values.filter((v): v is string => typeof v === 'string' && v !== '').map(redact))]
}

/** `README.md:17:0` or `/tests/README.md:16:0` → file relative to the repository root, and line. */
export function splitPath(raw: string): { path: string; line: number | null } {
  const match = /^(.*):(\d+):(\d+)$/.exec(raw)
  const file = (match ? match[1]! : raw).replace(/^\/+/, '')
  const line = match ? Number(match[2]) : null
  return { path: file, line: line !== null && line > 0 ? line : null }
}

/** Alert numbers from `data[].alert_number`, sent as strings or integers; anything else is dropped. */
export function alertNumbers(data: RawData[]): number[] {
  const numbers = data
    .map(d => d.alert_number)
    .map(n => (typeof n === 'number' ? n : typeof n === 'string' && /^\s*\d+\s*$/.test(n) ? Number(n) : NaN))
    .filter(n => Number.isSafeInteger(n) && n > 0)
  return [...new Set(numbers)]
}

/** The record before classification (`open`, `stale`, `age_hours` are set by classify). */
export function normalize(raw: RawRequest, type: RequestType): RequestRecord {
  const data = (Array.isArray(raw.data) ? raw.data : []) as RawData[]
  const located = data.find(d => typeof d.path === 'string' && d.path !== '')
  const where = located?.path ? splitPath(located.path) : undefined
  const status = text(raw.status)
  return {
    type: type.id,
    id: Number(raw.id),
    number: Number(raw.number),
    repository: text(raw.repository?.full_name),
    organization: text(raw.organization?.name),
    requester: text(raw.requester?.actor_name),
    status,
    open: isOpenStatus(status),
    stale: false,
    age_hours: 0,
    created_at: text(raw.created_at),
    expires_at: raw.expires_at ? text(raw.expires_at) : null,
    reasons: distinct(data.flatMap(d => [d.bypass_reason, d.reason, d.rule_type])),
    secret_types: distinct(data.map(d => d.secret_type)),
    alert_numbers: alertNumbers(data),
    path: where ? redact(where.path) : null,
    line: where?.line ?? null,
    branch: distinct(data.map(d => d.branch))[0] ?? null,
    ruleset: distinct(data.map(d => d.ruleset_name)).join(', ') || null,
    comment: text(raw.requester_comment),
    html_url: text(raw.html_url),
    responses: (raw.responses ?? []).map(r => ({
      id: Number(r.id),
      reviewer: text(r.reviewer?.actor_name),
      status: text(r.status),
      created_at: text(r.created_at)
    }))
  }
}

/**
 * The number a person uses for a request: the one the review call is keyed
 * by (the request number of a bypass request, the alert number of a dismissal
 * request). Undefined when a dismissal request names no alert number.
 */
export function targetNumber(record: RequestRecord): number | undefined {
  const key = requestType(record.type)?.review?.key ?? 'number'
  return key === 'number' ? record.number : record.alert_numbers[0]
}

/** The number shown for a request: its review key, or its own number when it has none. */
export function shownNumber(record: RequestRecord): number {
  return targetNumber(record) ?? record.number
}

/** Reasons, secret types and ruleset, as one list for people to read (untrusted: escape before writing). */
export function requestDetails(record: RequestRecord): string {
  return [...record.reasons, ...record.secret_types, ...(record.ruleset ? [record.ruleset] : [])].join(', ')
}
