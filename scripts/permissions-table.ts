/**
 * `npm run docs:permissions`: writes the README's permissions tables — one
 * per request type, a row per call the action makes — from the request-type
 * table in src/request-types.ts, between the `permissions:start` and
 * `permissions:end` markers. With `--check` it writes nothing, and fails when
 * the README's tables are not the ones the table in code gives.
 */
import { readFileSync, writeFileSync } from 'node:fs'
import { resolve } from 'node:path'
import { fileURLToPath, pathToFileURL } from 'node:url'
import { CLASSIC_SCOPE, REQUEST_TYPES, SCOPES, type RequestType } from '../src/request-types.js'

export const START = '<!-- permissions:start -->'
export const END = '<!-- permissions:end -->'

const README = fileURLToPath(new URL('../README.md', import.meta.url))

const NOT_STATED = 'not stated by GitHub'
const HEADER = [
  '| call | fine-grained token permissions | personal access token (classic) | fine-grained token or GitHub App | who must hold the token |',
  '|---|---|---|---|---|'
]

/** One row of a type's table, before its cells are escaped. */
interface Row {
  call: string
  docs: string
  fineGrained: string | null
  classicScope: string | null
  holder: string | null
  /** Notes on the classic scope and on the holder, shown as numbered marks in their cells. */
  classicNotes: string[]
  holderNotes: string[]
}

function cell(text: string): string {
  return text.replace(/\|/g, '\\|').replace(/\s*\n\s*/g, ' ')
}

function rowsOf(type: RequestType): Row[] {
  const rows: Row[] = []
  for (const scope of SCOPES) {
    const list = type.lists[scope]
    if (!list) continue
    const classicNotes: string[] = []
    if (list.classicScopeFrom) {
      classicNotes.push(
        `GitHub's description of the list names no classic scope; \`${list.classicScope ?? CLASSIC_SCOPE}\` is the one it names for ${list.classicScopeFrom
          .split('; ')
          .map(name => `"${name}"`)
          .join(' and ')}.`
      )
    }
    rows.push({
      call: `list, ${scope} scope`,
      docs: list.docs,
      fineGrained: list.fineGrained,
      classicScope: list.classicScope === null ? null : (list.classicScope ?? CLASSIC_SCOPE),
      holder: list.holder,
      classicNotes,
      holderNotes: list.note ? [list.note] : []
    })
  }
  if (type.review) {
    const verbs = Object.keys(type.review.verbs).join(', ')
    rows.push({
      call: `review (${verbs})`,
      docs: type.review.docs,
      fineGrained: type.review.fineGrained,
      classicScope: CLASSIC_SCOPE,
      holder: type.review.holder,
      classicNotes: [],
      holderNotes: []
    })
    if (type.dismissResponse) {
      rows.push({
        call: 'dismiss a response',
        docs: type.dismissResponse.docs,
        fineGrained: type.dismissResponse.fineGrained,
        classicScope: CLASSIC_SCOPE,
        holder: type.review.holder,
        classicNotes: [],
        holderNotes: []
      })
    }
  }
  return rows
}

/** The Markdown between the markers: a heading and a table per request type, then the notes the tables point to. */
export function renderPermissions(types: readonly RequestType[] = REQUEST_TYPES): string {
  const out = ['<!-- Made by `npm run docs:permissions` from src/request-types.ts: change the table there, not here. -->']
  const notes: string[] = []
  /** The marks of `texts`, each note numbered once however many cells point to it. */
  const marks = (texts: readonly string[]): string =>
    texts
      .map(text => {
        if (!notes.includes(text)) notes.push(text)
        return `<sup>${notes.indexOf(text) + 1}</sup>`
      })
      .join('')
  for (const type of types) {
    out.push('', `#### \`${type.id}\`: ${type.title}s`, '', ...HEADER)
    for (const row of rowsOf(type)) {
      const cells = [
        `[${row.call}](${row.docs})`,
        row.fineGrained ?? '—',
        `${row.classicScope === null ? NOT_STATED : `\`${row.classicScope}\``}${marks(row.classicNotes)}`,
        row.fineGrained === null ? '**no**' : 'yes',
        `${row.holder ?? NOT_STATED}${marks(row.holderNotes)}`
      ]
      out.push(`| ${cells.map(cell).join(' | ')} |`)
    }
  }
  if (notes.length > 0) out.push('', ...notes.map((note, i) => `<sup>${i + 1}</sup> ${note}${i < notes.length - 1 ? '<br>' : ''}`))
  return out.join('\n')
}

/** What the README has between the markers, trimmed; undefined when a marker is missing or they are out of order. */
export function readmeBlock(readme: string): string | undefined {
  const start = readme.indexOf(START)
  const end = readme.indexOf(END)
  if (start < 0 || end < start) return undefined
  return readme.slice(start + START.length, end).trim()
}

/** The README with `block` between the markers. */
export function withBlock(readme: string, block: string): string {
  const start = readme.indexOf(START)
  const end = readme.indexOf(END)
  if (start < 0 || end < start) throw new Error(`README.md needs the markers ${START} and ${END}, in that order`)
  return `${readme.slice(0, start + START.length)}\n${block}\n${readme.slice(end)}`
}

function main(check: boolean): void {
  const readme = readFileSync(README, 'utf8')
  const updated = withBlock(readme, renderPermissions())
  if (check) {
    if (updated !== readme) {
      console.error('README.md: the permissions tables differ from src/request-types.ts. Run `npm run docs:permissions` and commit README.md.')
      process.exit(1)
    }
    console.log('README.md: the permissions tables are up to date.')
    return
  }
  if (updated !== readme) writeFileSync(README, updated)
  console.log(updated === readme ? 'README.md: the permissions tables were already up to date.' : 'README.md: permissions tables written.')
}

if (process.argv[1] && import.meta.url === pathToFileURL(resolve(process.argv[1])).href) main(process.argv.includes('--check'))
