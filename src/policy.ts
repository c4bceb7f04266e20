/**
 * The justification policy: what a requester's comment must say. An open
 * request whose comment fails it is marked with the reasons; with
 * `policy-action: deny` it gets a planned deny (never an approval: the
 * action never approves on its own).
 */
import type { RequestRecord } from './requests.js'

export interface Policy {
  /** The pattern as the user wrote it, for messages. */
  patternText?: string
  pattern?: RegExp
  /** Characters the trimmed comment must have at least; 0: no minimum. */
  minLength: number
}

/** Whether the policy asks anything at all. */
export function hasPolicy(policy: Policy): boolean {
  return policy.pattern !== undefined || policy.minLength > 0
}

/**
 * `/pattern/flags` keeps its own flags; anything else is a pattern matched
 * case-insensitively. Undefined (with the reason) when it is not a valid
 * regular expression.
 */
export function parsePattern(text: string): { pattern: RegExp } | { error: string } {
  const own = /^\/(.+)\/([a-z]*)$/s.exec(text)
  try {
    return { pattern: own ? new RegExp(own[1] ?? '', own[2]) : new RegExp(text, 'i') }
  } catch (error) {
    return { error: error instanceof Error ? error.message : String(error) }
  }
}

/** Why the comment fails the policy; empty when it passes. Lengths count characters, not UTF-16 units. */
export function policyViolations(comment: string, policy: Policy): string[] {
  if (!hasPolicy(policy)) return []
  const trimmed = comment.trim()
  if (trimmed === '') return ['the comment is blank']
  const violations: string[] = []
  const length = Array.from(trimmed).length
  if (length < policy.minLength) violations.push(`the comment has ${length} characters, fewer than the ${policy.minLength} the policy asks for`)
  // A fresh copy: a global or sticky pattern keeps state between tests.
  if (policy.pattern && !new RegExp(policy.pattern.source, policy.pattern.flags).test(trimmed)) {
    violations.push(`the comment does not match ${policy.patternText ?? policy.pattern.source}`)
  }
  return violations
}

/** An open request gets its policy violations; the others are not judged. */
export function judge(record: RequestRecord, policy: Policy): RequestRecord {
  return record.open && hasPolicy(policy) ? { ...record, policy_violations: policyViolations(record.comment, policy) } : record
}

const PLACEHOLDER = /\{(reason|requester|type|repository|number)\}/g
const MESSAGE_LIMIT = 2048

/**
 * The deny message for one request: each placeholder replaced once, in a
 * single pass, so that a value holding `{type}` stays as it is; cut to
 * GitHub's 2048 characters.
 */
export function denyMessage(template: string, values: Record<'reason' | 'requester' | 'type' | 'repository' | 'number', string>): string {
  const message = template.replace(PLACEHOLDER, (_, name: keyof typeof values) => values[name])
  const chars = Array.from(message)
  return chars.length <= MESSAGE_LIMIT ? message : chars.slice(0, MESSAGE_LIMIT).join('')
}
