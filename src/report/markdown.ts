/** Markdown building blocks for the job summary: table rows and safe links. Cells must already be escaped. */

export function tableRow(cells: string[]): string {
  return `| ${cells.join(' | ')} |`
}

export function table(columns: string[], rows: string[][]): string[] {
  return [tableRow(columns), tableRow(columns.map(() => '---')), ...rows.map(tableRow)]
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
