import { describe, expect, test } from '@jest/globals'
import { marked, type Tokens } from 'marked'
import { byteLength, link, linesWithin, table, tableWithin } from '../../../src/report/markdown.js'
import { columnsOf } from '../../../src/report/summary.js'
import { requestType } from '../../../src/request-types.js'
import { gfmCells, plain, tables } from './markdown-reading.js'

const COLUMNS = columnsOf(requestType('secret-scanning-bypass'))

describe('link', () => {
  function onlyLink(markdown: string): Tokens.Link {
    const tokens = marked.lexer(markdown)
    expect(tokens).toHaveLength(1)
    const paragraph = tokens[0] as Tokens.Paragraph
    expect(paragraph.type).toBe('paragraph')
    expect(paragraph.tokens).toHaveLength(1)
    const l = paragraph.tokens[0] as Tokens.Link
    expect(l.type).toBe('link')
    return l
  }

  test('an https URL becomes a link', () => {
    expect(link('#17', 'https://github.com/octo-org/smile/security/secret-scanning/17')).toBe('[#17](https://github.com/octo-org/smile/security/secret-scanning/17)')
  })

  test('an http URL becomes a link', () => {
    expect(onlyLink(link('#1', 'http://ghe.example.test/o/r/exemptions/1')).href).toBe('http://ghe.example.test/o/r/exemptions/1')
  })

  test.each(['javascript:alert(1)', 'JAVASCRIPT:alert(1)', 'data:text/html,<b>x</b>', 'ftp://example.test/x', 'vbscript:x', 'not a url', '', '/relative/path'])(
    '%j is not linked: the text alone',
    url => {
      expect(link('#1', url)).toBe('#1')
    }
  )

  test.each([
    ['parentheses', 'https://x.test/a)b(c)d'],
    ['a closing parenthesis and bracket', 'https://x.test/a)](https://evil.test/'],
    ['spaces', 'https://x.test/a b/c d?q=e f#g h'],
    ['angle brackets and quotes', 'https://x.test/a<b>"c\'d'],
    ['backticks and brackets', 'https://x.test/a`b[c]d'],
    ['a title-like tail', 'https://x.test/a "title"'],
    ['pipes', 'https://x.test/a|b?c=d|e']
  ])('%s cannot close the link', (_name, url) => {
    const l = onlyLink(link('#9', url))
    expect(l.text).toBe('#9')
    expect(l.title ?? null).toBeNull()
    // The link points at the same place the URL does.
    expect(new URL(l.href).host).toBe('x.test')
    expect(decodeURIComponent(new URL(l.href).pathname)).toBe(decodeURIComponent(new URL(url).pathname))
  })

  test('a URL with pipes and parentheses in a table cell splits nothing', () => {
    const md = table(['Number', 'Next'], [[link('#1', 'https://x.test/a|b)c|d'), 'after']]).join('\n')
    const [t] = tables(md)
    expect(t!.rows).toHaveLength(1)
    expect(gfmCells(md.split('\n')[2]!)).toHaveLength(2)
    expect(plain(t!.rows[0]![1]!.tokens)).toBe('after')
    expect((t!.rows[0]![0]!.tokens[0] as Tokens.Link).type).toBe('link')
  })

  test('percent-encoded reserved characters keep their meaning', () => {
    expect(onlyLink(link('#1', 'https://x.test/a%23b?q=1%262')).href).toBe('https://x.test/a%23b?q=1%262')
  })
})

describe('table', () => {
  test('a header, a separator and one line per row', () => {
    expect(
      table(
        ['A', 'B'],
        [
          ['1', '2'],
          ['3', '4']
        ]
      )
    ).toEqual(['| A | B |', '| --- | --- |', '| 1 | 2 |', '| 3 | 4 |'])
  })

  test('marked reads the columns and rows back', () => {
    const [t] = tables(table(COLUMNS, [COLUMNS.map((_, i) => `c${i}`)]).join('\n'))
    expect(t!.header.map(h => h.text)).toEqual(COLUMNS)
    expect(t!.rows.map(r => r.map(c => c.text))).toEqual([COLUMNS.map((_, i) => `c${i}`)])
  })

  test('no rows: header and separator only', () => {
    expect(table(['A'], [])).toEqual(['| A |', '| --- |'])
  })
})

describe('byteLength', () => {
  test('each line in UTF-8 bytes, with its newline', () => {
    expect(byteLength([])).toBe(0)
    expect(byteLength([''])).toBe(1)
    expect(byteLength(['ab', 'é', '😀'])).toBe(3 + 3 + 5)
  })
})

describe('linesWithin', () => {
  // 3, 3, 3 and 5 bytes with their newlines.
  const LINES = ['ab', 'cd', 'é', '😀']

  test.each([
    [14, 4],
    [13, 3],
    [9, 3],
    [8, 2],
    [6, 2],
    [5, 1],
    [3, 1],
    [2, 0],
    [0, 0],
    [-1, 0]
  ])('a budget of %d bytes holds the first %d lines', (budget, count) => {
    expect(linesWithin(LINES, budget)).toEqual(LINES.slice(0, count))
  })

  test('lines after one that does not fit are left out, even when they would fit', () => {
    expect(linesWithin(['a', 'x'.repeat(10), 'b'], 6)).toEqual(['a'])
  })
})

describe('tableWithin', () => {
  // Header `| A | B |` and separator `| --- | --- |`: 10 + 14 bytes. Each row `| n | n |`: 10 bytes.
  const HEAD = ['| A | B |', '| --- | --- |']
  const items = [1, 2, 3]
  const row = (n: number) => [String(n), String(n)]

  test.each([
    [54, 3, 0],
    [53, 2, 1],
    [44, 2, 1],
    [43, 1, 2],
    [34, 1, 2],
    [33, 0, 3],
    [0, 0, 3]
  ])('a budget of %d bytes: %d rows shown, %d left out', (budget, shown, leftOut) => {
    const out = tableWithin(['A', 'B'], items, row, budget)
    const lines = shown > 0 ? [...HEAD, ...items.slice(0, shown).map(n => `| ${n} | ${n} |`)] : []
    // `bytes`: what the lines take, each with its newline.
    expect(out).toEqual({ lines, leftOut, bytes: byteLength(lines) })
    expect(out.bytes).toBeLessThanOrEqual(budget)
  })

  test('rows are counted in bytes, not characters', () => {
    // `| é | é |` is 9 characters but 11 bytes: 12 with its newline. Counted in characters, two rows would fit in 47.
    expect(tableWithin(['A', 'B'], ['é', 'é'], c => [c, c], 47)).toEqual({ lines: [...HEAD, '| é | é |'], leftOut: 1, bytes: 36 })
    expect(tableWithin(['A', 'B'], ['é', 'é'], c => [c, c], 48)).toEqual({ lines: [...HEAD, '| é | é |', '| é | é |'], leftOut: 0, bytes: 48 })
  })

  test('the rows stop at the first that does not fit, and no row after it is rendered', () => {
    const rendered: number[] = []
    const sizes = [1, 100, 1, 1, 1]
    const out = tableWithin(
      ['A'],
      sizes.map((size, i) => ({ size, i })),
      ({ size, i }) => {
        rendered.push(i)
        return ['x'.repeat(size)]
      },
      100
    )
    expect(out.lines).toEqual(['| A |', '| --- |', '| x |'])
    expect(out.leftOut).toBe(4)
    expect(rendered).toEqual([0, 1])
  })

  test('no items: no table', () => {
    expect(tableWithin(['A'], [], () => ['x'], 1000)).toEqual({ lines: [], leftOut: 0, bytes: 0 })
  })
})
