import { readFileSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import { describe, expect, test } from '@jest/globals'
import { END, START, readmeBlock, renderPermissions, withBlock } from '../../scripts/permissions-table.js'
import { REQUEST_TYPES, SCOPES, type RequestType, type TypeId } from '../../src/request-types.js'

const README = readFileSync(fileURLToPath(new URL('../../README.md', import.meta.url)), 'utf8')

/** One table row of the rendered Markdown, by column. */
interface TableRow {
  call: string
  fineGrained: string
  classic: string
  tokens: string
  holder: string
}

/** The rendered tables, read back: the rows under each type's heading. */
function tables(markdown: string): Map<string, TableRow[]> {
  const out = new Map<string, TableRow[]>()
  let rows: TableRow[] | undefined
  for (const line of markdown.split('\n')) {
    const heading = /^#### `([a-z-]+)`/.exec(line)
    if (heading) out.set(heading[1]!, (rows = []))
    const cells = /^\| \[/.test(line) ? line.slice(2, -2).split(' | ') : undefined
    if (rows && cells) {
      const [call = '', fineGrained = '', classic = '', tokens = '', holder = ''] = cells
      rows.push({ call: call.replace(/^\[([^\]]+)\]\(.*\)$/, '$1'), fineGrained, classic, tokens, holder })
    }
  }
  return out
}

const RENDERED = tables(renderPermissions())

function rowsOf(id: TypeId): TableRow[] {
  const rows = RENDERED.get(id)
  if (!rows) throw new Error(`no table for ${id}`)
  return rows
}

describe('the README’s permissions tables', () => {
  test('are the ones the request-type table gives (run `npm run docs:permissions` when this fails)', () => {
    const block = readmeBlock(README)
    expect(block).toBeDefined()
    expect(block === renderPermissions() ? 'in step' : 'README.md differs from src/request-types.ts: run npm run docs:permissions').toBe('in step')
    expect(block).toBe(renderPermissions())
  })

  test('sit once, inside the Tokens section', () => {
    expect(README.split(START)).toHaveLength(2)
    expect(README.split(END)).toHaveLength(2)
    const tokens = README.indexOf('\n## Tokens\n')
    const next = README.indexOf('\n## ', tokens + 1)
    expect(tokens).toBeGreaterThan(0)
    expect(README.indexOf(START)).toBeGreaterThan(tokens)
    expect(README.indexOf(END)).toBeLessThan(next)
  })

  test('a change in the request-type table changes them', () => {
    const changed: RequestType[] = REQUEST_TYPES.map(t =>
      t.id === 'code-scanning-dismissal' && t.review ? { ...t, review: { ...t.review, holder: 'anyone at all' } } : t
    )
    expect(renderPermissions(changed)).not.toBe(readmeBlock(README))
    expect(tables(renderPermissions(changed)).get('code-scanning-dismissal')?.at(-1)?.holder).toBe('anyone at all')
  })
})

describe('what the tables say', () => {
  test('a table per type, a row per list, review and dismiss-response call', () => {
    expect([...RENDERED.keys()]).toEqual(REQUEST_TYPES.map(t => t.id))
    for (const type of REQUEST_TYPES) {
      const lists = SCOPES.filter(scope => type.lists[scope])
      const calls = [...lists.map(scope => `list, ${scope} scope`), ...(type.review ? ['review (approve, deny)'] : [])]
      if (type.dismissResponse) calls.push('dismiss a response')
      expect([type.id, rowsOf(type.id).map(r => r.call)]).toEqual([type.id, calls])
    }
  })

  test('enterprise lists take no fine-grained or GitHub App token; every other call does', () => {
    for (const [id, rows] of RENDERED) {
      for (const row of rows) {
        const enterprise = row.call === 'list, enterprise scope'
        expect([id, row.call, row.tokens, row.fineGrained === '—']).toEqual([id, row.call, enterprise ? '**no**' : 'yes', enterprise])
      }
    }
    expect(rowsOf('secret-scanning-dismissal').find(r => r.call === 'list, enterprise scope')?.holder).toBe('enterprise owner or enterprise security manager')
  })

  test('reviews take write permissions, lists read ones (push ruleset bypass lists write)', () => {
    for (const [id, rows] of RENDERED) {
      for (const row of rows.filter(r => r.call.startsWith('review'))) expect([id, row.fineGrained]).toEqual([id, expect.stringContaining('(write)')])
      for (const row of rows.filter(r => r.call.startsWith('list') && r.fineGrained !== '—')) {
        const needs = id === 'push-ruleset-bypass' ? '(write)' : '(read)'
        expect([id, row.call, row.fineGrained.includes(needs)]).toEqual([id, row.call, true])
        if (id !== 'push-ruleset-bypass') expect([id, row.call, row.fineGrained]).toEqual([id, row.call, expect.not.stringContaining('(write)')])
      }
    }
    expect(RENDERED.get('push-ruleset-bypass')?.some(r => r.call.startsWith('review'))).toBe(false)
  })

  test('a classic scope is `security_events` or said to be unstated, and the secret scanning dismissal lists say where it comes from', () => {
    for (const rows of RENDERED.values()) for (const row of rows) expect(row.classic).toMatch(/^(`security_events`|not stated by GitHub)(<sup>\d+<\/sup>)*$/)
    expect(rowsOf('push-ruleset-bypass').map(r => r.classic)).toEqual(['not stated by GitHub', 'not stated by GitHub', 'not stated by GitHub'])
    const marked = rowsOf('secret-scanning-dismissal').filter(r => r.classic.includes('<sup>'))
    expect(marked.map(r => r.call)).toEqual(['list, repository scope', 'list, organization scope'])
    expect(renderPermissions()).toMatch(/<sup>\d+<\/sup> GitHub's description of the list names no classic scope/)
  })

  test('every secret scanning bypass call is for a bypass reviewer', () => {
    expect(new Set(rowsOf('secret-scanning-bypass').map(r => r.holder))).toEqual(new Set(['bypass reviewer']))
  })

  test('a pipe in a cell is escaped, so a row keeps its columns', () => {
    const [first] = REQUEST_TYPES
    const piped = { ...first!, review: first!.review && { ...first!.review, holder: 'a | b' } } as RequestType
    expect(renderPermissions([piped])).toContain('| a \\| b |')
  })
})

describe('withBlock and readmeBlock', () => {
  const text = `# Title\n\nbefore\n${START}\nold\n${END}\nafter\n`

  test('replace only what is between the markers', () => {
    expect(withBlock(text, 'new')).toBe(`# Title\n\nbefore\n${START}\nnew\n${END}\nafter\n`)
    expect(readmeBlock(withBlock(text, 'new'))).toBe('new')
  })

  test('a missing or misplaced marker is said, not guessed', () => {
    expect(readmeBlock('no markers')).toBeUndefined()
    expect(readmeBlock(`${END}\n${START}`)).toBeUndefined()
    expect(() => withBlock('no markers', 'x')).toThrow(/markers/)
  })
})
