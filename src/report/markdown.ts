/** Markdown building blocks for the job summary: table rows and safe links. Cells must already be escaped. */

function tableRow(cells: string[]): string {
  return `| ${cells.join(' | ')} |`
}

export function table(columns: string[], rows: string[][]): string[] {
  return [tableRow(columns), tableRow(columns.map(() => '---')), ...rows.map(tableRow)]
}

/**
 * A table of `items`, one row each, with as many rows (from the first) as
 * fit in `budget` bytes, and how many it leaves out; rows past the budget
 * are never rendered.
 */
export function tableWithin<T>(columns: string[], items: readonly T[], row: (item: T) => string[], budget: number): { lines: string[]; leftOut: number; bytes: number } {
  const lines = table(columns, [])
  let bytes = byteLength(lines)
  for (const item of items) {
    const line = tableRow(row(item))
    const size = Buffer.byteLength(line) + 1
    if (bytes + size > budget) break
    lines.push(line)
    bytes += size
  }
  const shown = lines.length - 2
  return shown > 0 ? { lines, leftOut: items.length - shown, bytes } : { lines: [], leftOut: items.length, bytes: 0 }
}

/** A link only for http(s) URLs; the URL is percent-encoded so it cannot close the link. */
export function link(text: string, url: string): string {
  try {
    const parsed = new URL(url)
    if (parsed.protocol !== 'https:' && parsed.protocol !== 'http:') return text
    return `[${text}](${parsed.href.replace(/[()<>"'|`\\[\]]/g, c => `%${c.charCodeAt(0).toString(16).toUpperCase()}`)})`
  } catch {
    return text
  }
}

/** Bytes the lines take in the summary, each with its newline. */
export function byteLength(lines: readonly string[]): number {
  return lines.reduce((sum, line) => sum + Buffer.byteLength(line) + 1, 0)
}

/** As many of the lines, from the first, as fit in `budget` bytes. */
export function linesWithin(lines: readonly string[], budget: number): string[] {
  let left = budget
  const shown: string[] = []
  for (const line of lines) {
    left -= Buffer.byteLength(line) + 1
    if (left < 0) break
    shown.push(line)
  }
  return shown
}
