/**
 * Reading inputs: each reader returns the parsed value (or its fallback) and
 * records a problem for a bad one, so that every bad input is reported
 * together, by name, value and what is accepted, before any API call.
 */
import { DURATION_FORMS, parseDuration } from './duration.js'
import { forLog } from './text.js'
import { plural } from './words.js'

/** Reads an input by name, as the runner passed it to the action. */
export type ReadInput = (name: string) => string

export class InputError extends Error {
  constructor(readonly problems: string[]) {
    super(`${plural(problems.length, 'invalid input')}: ${problems.join(' ')}`)
    this.name = 'InputError'
  }
}

const TRUE = ['true', 'True', 'TRUE']
const FALSE = ['false', 'False', 'FALSE']
const LOGIN = /^[A-Za-z0-9](?:[A-Za-z0-9-]{0,38})(?:\[bot\])?$/

/** Lists accept commas or newlines; empty items are dropped. */
export function splitList(text: string): string[] {
  return text
    .split(/[,\n]/)
    .map(s => s.trim())
    .filter(s => s.length > 0)
}

export class InputReader {
  readonly problems: string[] = []

  constructor(readonly text: ReadInput) {}

  /** A problem with a value: `Input "x" has the value "y": <accepted>.` */
  bad(input: string, value: string, accepted: string): void {
    // `accepted` may quote text made from the value (a regular expression's error repeats the pattern): it is escaped too.
    this.problems.push(`Input "${input}" has the value "${forLog(value, 200)}": ${forLog(accepted, 500)}.`)
  }

  /** A problem said in full (an input that is missing, or two that do not go together). */
  problem(message: string): void {
    this.problems.push(message)
  }

  /** Throws every problem found, together. */
  finish(): void {
    if (this.problems.length > 0) throw new InputError(this.problems)
  }

  oneOf<T extends string>(input: string, accepted: readonly T[], fallback: T): T {
    const value = this.text(input) || fallback
    if ((accepted as readonly string[]).includes(value)) return value as T
    this.bad(input, value, `expected one of ${accepted.join(', ')}`)
    return fallback
  }

  boolean(input: string, fallback: boolean): boolean {
    const value = this.text(input)
    if (value === '') return fallback
    if (TRUE.includes(value)) return true
    if (FALSE.includes(value)) return false
    this.bad(input, value, 'expected true or false')
    return fallback
  }

  integer(input: string, fallback: number, min: number, max: number): number {
    const value = this.text(input)
    if (value === '') return fallback
    const n = /^[0-9]+$/.test(value) ? Number(value) : NaN
    if (Number.isInteger(n) && n >= min && n <= max) return n
    this.bad(input, value, `expected a whole number from ${min} to ${max}`)
    return fallback
  }

  /** A GitHub login, or undefined when the input is empty. */
  login(input: string): string | undefined {
    const value = this.text(input)
    if (value === '') return undefined
    if (LOGIN.test(value)) return value
    this.bad(input, value, 'expected a GitHub login (letters, digits and hyphens, at most 39 characters)')
    return undefined
  }

  list(input: string): string[] {
    return splitList(this.text(input))
  }

  /** A duration as written (`36h`) and in milliseconds. */
  duration(input: string, fallback: string): { text: string; ms: number } {
    const text = this.text(input) || fallback
    const ms = parseDuration(text)
    if (ms !== undefined) return { text, ms }
    this.bad(input, text, `expected ${DURATION_FORMS}`)
    return { text, ms: parseDuration(fallback) ?? 0 }
  }
}
