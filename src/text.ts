/**
 * Untrusted text: comments, logins, paths, branch names, secret types and
 * ruleset names are written by other people. Every writer (log, annotation,
 * job summary, outputs, report files) passes them through here first.
 */

export const REDACTED = '[redacted]'

/** Private key blocks; an unterminated block is redacted to the end. */
const PRIVATE_KEY = /-----BEGIN[A-Z0-9 ]*PRIVATE KEY(?: BLOCK)?-----[\s\S]*?(?:-----END[A-Z0-9 ]*PRIVATE KEY(?: BLOCK)?-----|$)/g

interface TokenShape {
  /** Where a token starts. Prefixes are distinctive, so tokens are found even glued to the word before them. */
  prefix: RegExp
  /** The characters of its body. */
  body: RegExp
  /** A body this long, unbroken, is a token. */
  min: number
  /** The length of a whole body: pieces separated by white space that add up to it are one broken token. */
  full: number
  /**
   * Broken pieces must hold a digit to count: random mixed-case bodies all
   * but always do, and words of ordinary prose after a prefix do not.
   */
  digitWhenBroken: boolean
}

const TOKEN_SHAPES: readonly TokenShape[] = [
  // GitHub tokens: personal, OAuth, user-to-server, server-to-server, refresh; then fine-grained.
  { prefix: /gh[pousr]_/g, body: /[A-Za-z0-9_]/, min: 16, full: 36, digitWhenBroken: true },
  { prefix: /github_pat_/g, body: /[A-Za-z0-9_]/, min: 16, full: 82, digitWhenBroken: true },
  // AWS access key ids: upper case only, so a broken one is redacted even without a digit (shouted prose may be too).
  { prefix: /(?<![A-Z0-9])(?:AKIA|ASIA)/g, body: /[A-Z0-9]/, min: 12, full: 16, digitWhenBroken: false },
  // Slack tokens.
  { prefix: /xox[a-z]-/g, body: /[A-Za-z0-9-]/, min: 6, full: 40, digitWhenBroken: true }
]

/** What a copy, a paste or a wrapped line puts inside a token: white space, line breaks of every kind, zero-width characters. */
// eslint-disable-next-line no-control-regex
const BREAK = /[\s\u0000-\u001f\u007f-\u009f\u180e\u200b-\u200d\u2060\ufeff]/
const MAX_BREAK = 8

/**
 * Where the token starting at `from` (just after its prefix) ends, or -1
 * when it is not one: an unbroken body of at least `min` characters, or
 * pieces broken by short runs of white space that add up to a whole body.
 */
function tokenEnd(text: string, from: number, shape: TokenShape): number {
  const run = (at: number, chars: RegExp, max = Infinity): number => {
    let end = at
    while (end < text.length && end - at < max && chars.test(text.charAt(end))) end++
    return end
  }
  const firstEnd = run(from, shape.body)
  let length = firstEnd - from
  let end = firstEnd
  while (length < shape.full) {
    const breakEnd = run(end, BREAK, MAX_BREAK + 1)
    if (breakEnd === end || breakEnd - end > MAX_BREAK) break
    // A piece is read whole: a token longer than `full` leaves no tail behind.
    const pieceEnd = run(breakEnd, shape.body)
    if (pieceEnd === breakEnd) break
    length += pieceEnd - breakEnd
    end = pieceEnd
  }
  const broken = end > firstEnd && length >= shape.full && (!shape.digitWhenBroken || /[0-9]/.test(text.slice(from, end)))
  if (broken) return end
  return firstEnd - from >= shape.min ? firstEnd : -1
}

/** Every token prefix and the start of a key block, to skip text that holds none. */
const ANY_PREFIX = new RegExp([...TOKEN_SHAPES.map(shape => shape.prefix.source), '-----BEGIN'].join('|'))

/** Where each token of `shape` starts and ends. */
function tokenSpans(text: string, shape: TokenShape): [number, number][] {
  const spans: [number, number][] = []
  for (const match of text.matchAll(shape.prefix)) {
    const end = tokenEnd(text, match.index + match[0].length, shape)
    if (end >= 0) spans.push([match.index, end])
  }
  return spans
}

/**
 * Replaces every token-shaped string, also when white space or a line break
 * was put inside it. Tokens of every shape are found in the same text and
 * overlapping ones redacted together, so one token cannot hide another.
 */
export function redact(text: string): string {
  // Most text holds no prefix at all: one scan tells.
  if (!ANY_PREFIX.test(text)) return text
  const keyless = text.replace(PRIVATE_KEY, REDACTED)
  const spans = TOKEN_SHAPES.flatMap(shape => tokenSpans(keyless, shape)).sort((a, b) => a[0] - b[0])
  if (spans.length === 0) return keyless
  let out = ''
  let copied = 0
  for (const [start, end] of spans) {
    if (end <= copied) continue
    if (start >= copied) out += keyless.slice(copied, start) + REDACTED
    copied = end
  }
  return out + keyless.slice(copied)
}

/** Redacts token-shaped strings and the run's own secrets. */
export type Redactor = (text: string) => string

/** Replaces the run's own secrets only: for whole outputs built from text that was redacted as it came in. */
export function createMask(secrets: readonly string[]): Redactor {
  // Longest first, so that a secret containing another is replaced whole; very short values would redact ordinary words.
  const known = [...new Set(secrets)].filter(s => s.length >= 4).sort((a, b) => b.length - a.length)
  return text => known.reduce((out, secret) => (out.includes(secret) ? out.split(secret).join(REDACTED) : out), text)
}

/**
 * A redactor that also knows `secrets` (the run's token): made once by the
 * pipeline and handed to whatever takes in or writes out text.
 */
export function createRedactor(secrets: readonly string[]): Redactor {
  const mask = createMask(secrets)
  return text => redact(mask(text))
}

/** The step's message for an error nobody planned for: its text made safe for the log with `redact` (the run's secrets). */
export function unexpectedFailure(error: unknown, redact: Redactor = text => text): string {
  return `Unexpected failure: ${forLog(redact(error instanceof Error ? error.message : String(error)))}`
}

/** Line breaks of every kind (CR, LF, NEL, VT, FF, LS, PS) and other control characters. */
// eslint-disable-next-line no-control-regex
const BREAKS_AND_CONTROLS = /[\u0000-\u001f\u007f-\u009f\u2028\u2029]+/g

/** Collapses the text onto one line: no control character or line separator survives. */
export function oneLine(text: string): string {
  return text.replace(BREAKS_AND_CONTROLS, ' ').trim()
}

/** Cuts to at most `max` characters, marking the cut. */
export function truncate(text: string, max: number): string {
  // Never more characters than UTF-16 units: short text needs no counting.
  if (text.length <= max) return text
  const chars = Array.from(text)
  return chars.length <= max ? text : `${chars.slice(0, Math.max(0, max - 1)).join('')}…`
}

/**
 * Text safe for one line of the log: redacted, on one line, and unable to
 * form a workflow command (`::name::` at the start, `##[` anywhere).
 */
export function forLog(text: string, max = 2000): string {
  const neutralized = oneLine(redact(text))
    .replace(/:(?=:)/g, ':\u200b')
    .replace(/##\[/g, '#\u200b#[')
  return truncate(neutralized, max)
}

/**
 * Text safe inside Markdown and HTML, including a table cell: redacted, on
 * one line, cut to `max` characters; HTML's `& < >` and the mention sign as
 * entities, and every other character that could open markup, a link, a
 * code span or a table column backslash-escaped (CommonMark lets any ASCII
 * punctuation be escaped so). Escaping `:` and the dot of `www.` keeps GFM
 * from turning a bare URL into a link.
 */
export function forMarkdown(text: string, max = 2000): string {
  return truncate(oneLine(redact(text)), max).replace(MARKUP, c => MARKUP_ESCAPES[c] ?? `\\${c}`)
}

/** What forMarkdown escapes, in one pass: `www.` (its dot), HTML's `& < >`, the mention sign, and markup punctuation. */
const MARKUP = /(?<=\bwww)\.|[\\`*_[\]()~#!|$:&<>@]/gi
const MARKUP_ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '@': '&#64;' }
