/**
 * Untrusted text: comments, logins, paths, branch names, secret types and
 * ruleset names are written by other people. Every writer (log, annotation,
 * job summary, outputs, report files) passes them through here first.
 */

export const REDACTED = '[redacted]'

/** Token-shaped strings, replaced wherever they appear. */
const SECRET_PATTERNS: readonly RegExp[] = [
  // Private key blocks; an unterminated block is redacted to the end.
  /-----BEGIN[A-Z0-9 ]*PRIVATE KEY(?: BLOCK)?-----[\s\S]*?(?:-----END[A-Z0-9 ]*PRIVATE KEY(?: BLOCK)?-----|$)/g,
  // GitHub tokens: personal, OAuth, user-to-server, server-to-server, refresh, fine-grained.
  // Their prefixes are distinctive, so they are found even glued to the word before them.
  /gh[pousr]_[A-Za-z0-9_]{16,}/g,
  /github_pat_[A-Za-z0-9_]{16,}/g,
  // AWS access key ids.
  /(?<![A-Z0-9])(?:AKIA|ASIA)[A-Z0-9]{12,}/g,
  // Slack tokens.
  /xox[a-z]-[A-Za-z0-9-]{6,}/g
]

/** Replaces every token-shaped string. */
export function redact(text: string): string {
  let out = text
  for (const pattern of SECRET_PATTERNS) out = out.replace(pattern, REDACTED)
  return out
}

/** Redacts token-shaped strings and the run's own secrets. */
export type Redactor = (text: string) => string

/**
 * A redactor that also knows `secrets` (the run's token): made once by the
 * pipeline and handed to whatever takes in or writes out text.
 */
export function createRedactor(secrets: readonly string[]): Redactor {
  // Longest first, so that a secret containing another is replaced whole; very short values would redact ordinary words.
  const known = [...new Set(secrets)].filter(s => s.length >= 4).sort((a, b) => b.length - a.length)
  return text => {
    let out = text
    for (const secret of known) out = out.split(secret).join(REDACTED)
    return redact(out)
  }
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
  const chars = Array.from(text)
  return chars.length <= max ? text : `${chars.slice(0, Math.max(0, max - 1)).join('')}…`
}

/**
 * Text safe for one line of the log: redacted, on one line, and unable to
 * form a workflow command (`::name::` at the start, `##[` anywhere).
 */
export function forLog(text: string, max = 2000): string {
  const neutralized = oneLine(redact(text))
    .replace(/::/g, ':\u200b:')
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
  return truncate(oneLine(redact(text)), max)
    .replace(/[\\`*_[\]()~#!|$:]/g, c => `\\${c}`)
    .replace(/\b(www)\./gi, '$1\\.')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/@/g, '&#64;')
}
