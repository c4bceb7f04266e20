/** Reading the job summary's Markdown as a person and as GFM do, for the integration tests. */

/** Backslash escapes and character entities undone: the text a reader sees. */
export function rendered(markdown: string): string {
  return markdown
    .replace(/\\([!-/:-@[-`{-~])/g, '$1')
    .replace(/&#(\d+);/g, (_, code: string) => String.fromCodePoint(Number(code)))
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&amp;/g, '&')
}

/** Cells of a raw table line counted the way GFM splits them: unescaped pipes, a backslash escaping the next character. */
export function rawCellCount(line: string): number {
  let pipes = 0
  for (let i = 0; i < line.length; i++) {
    if (line[i] === '\\') i++
    else if (line[i] === '|') pipes++
  }
  return pipes - 1
}
