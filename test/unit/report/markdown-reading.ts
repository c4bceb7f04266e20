/** Reading the job summary's Markdown back as GitHub would: marked's tokens, tables and GFM table cells. */
import { marked, type Token, type Tokens } from 'marked'

/** The visible text of inline tokens (escapes resolved, link text kept). */
export function plain(tokens: Token[] | undefined): string {
  return (tokens ?? []).map(t => ('tokens' in t && Array.isArray(t.tokens) ? plain(t.tokens) : 'text' in t ? String(t.text) : '')).join('')
}

/** Cells of a GFM table line: split on pipes not escaped by a backslash, outer pipes dropped. */
export function gfmCells(line: string): string[] {
  const cells: string[] = []
  let current = ''
  for (let i = 0; i < line.length; i++) {
    const c = line[i]!
    if (c === '\\' && i + 1 < line.length) {
      current += c + line[i + 1]
      i++
    } else if (c === '|') {
      cells.push(current)
      current = ''
    } else current += c
  }
  cells.push(current)
  if (cells[0]!.trim() === '') cells.shift()
  if (cells.length > 0 && cells.at(-1)!.trim() === '') cells.pop()
  return cells
}

export function tables(markdown: string): Tokens.Table[] {
  return marked.lexer(markdown).filter((t): t is Tokens.Table => t.type === 'table')
}

/** Each level-3 heading of the summary, with the tables that follow it up to the next one. */
export function sections(markdown: string): { heading: string; tables: Tokens.Table[] }[] {
  const out: { heading: string; tables: Tokens.Table[] }[] = []
  for (const token of marked.lexer(markdown)) {
    if (token.type === 'heading' && (token as Tokens.Heading).depth === 3) out.push({ heading: (token as Tokens.Heading).text, tables: [] })
    else if (token.type === 'table') out.at(-1)?.tables.push(token as Tokens.Table)
  }
  return out
}
