import { describe, expect, test } from '@jest/globals'
import { marked } from 'marked'
import { REDACTED, createRedactor, forLog, forMarkdown, oneLine, redact, truncate } from '../../src/text.js'
import { SECRETS } from '../fixtures/hostile.js'

const GHP = 'ghp_' + 'R4nd0mT0k3nV4lu3F0rT3st1ngPurp0s3sXY'.slice(0, 36)
const TOKENS: [string, string][] = [
  ['ghp_ (personal access token)', GHP],
  ['gho_ (OAuth token)', 'gho_16C7e42F292c6912E7710c838347Ae178B4a'],
  ['ghu_ (user-to-server token)', 'ghu_aBcDeFgHiJkLmNoPqRsTuVwXyZ0123456789'],
  ['ghs_ (server-to-server token)', 'ghs_0123456789abcdefghijABCDEFGHIJ012345'],
  ['ghr_ (refresh token)', 'ghr_1B4a2e77838347a7E420ce178F2E7c6912E169246c34E1ccbF66C46812d16D5B1A9Dc86A1498'],
  ['github_pat_ (fine-grained token)', 'github_pat_11ABCDEFG0abcdefghijkl_mnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789abcdefghi'],
  ['AKIA (AWS access key id)', 'AKIAIOSFODNN7EXAMPLE'],
  ['ASIA (AWS temporary key id)', 'ASIAY34FZKBOKMUTVV7A'],
  ['xoxb- (Slack bot token)', 'xoxb-123456789012-1234567890123-AbCdEfGhIjKlMnOpQrStUvWx'],
  ['xoxp- (Slack user token)', 'xoxp-123456789012-123456789012-123456789012-0123456789abcdef0123456789abcdef']
]

const KEY_BODY = 'MIIEowIBAAKCAQEAx4UbaDzY4m2y7\nq1u6f2Xz3Ld9s0Tq3lXc5rU0b1Nk7aPq\n4mT6d+9/abcDEF=='

describe('redact', () => {
  test.each(TOKENS)('%s', (_name, token) => {
    expect(redact(`before ${token} after`)).toBe(`before ${REDACTED} after`)
    expect(redact(token)).toBe(REDACTED)
    expect(redact(`token=${token}`)).toBe(`token=${REDACTED}`)
  })

  test('every token in a text is redacted', () => {
    const out = redact(`a ${GHP} b ${TOKENS[6]![1]} c ${TOKENS[8]![1]}`)
    expect(out).toBe(`a ${REDACTED} b ${REDACTED} c ${REDACTED}`)
  })

  test.each(['RSA PRIVATE KEY', 'OPENSSH PRIVATE KEY', 'PRIVATE KEY', 'EC PRIVATE KEY', 'ENCRYPTED PRIVATE KEY', 'PGP PRIVATE KEY BLOCK'])(
    'a complete %s block',
    label => {
      const text = `my key:\n-----BEGIN ${label}-----\n${KEY_BODY}\n-----END ${label}-----\nthanks`
      expect(redact(text)).toBe(`my key:\n${REDACTED}\nthanks`)
    }
  )

  test('an unterminated private key block is redacted to the end', () => {
    const text = `oops -----BEGIN OPENSSH PRIVATE KEY-----\n${KEY_BODY}\nand then some more lines\nend`
    expect(redact(text)).toBe(`oops ${REDACTED}`)
  })

  test('two private key blocks: the text between them survives', () => {
    const block = `-----BEGIN RSA PRIVATE KEY-----\n${KEY_BODY}\n-----END RSA PRIVATE KEY-----`
    expect(redact(`${block}\nmiddle\n${block}`)).toBe(`${REDACTED}\nmiddle\n${REDACTED}`)
  })

  test('a registered secret is redacted wherever it appears', () => {
    const secret = 'v1.registered-Secret-7f3a9c'
    expect(redact(`use ${secret} here`)).toBe(`use ${secret} here`)
    const redactRun = createRedactor([secret])
    expect(redactRun(`use ${secret} here and${secret}there`)).toBe(`use ${REDACTED} here and${REDACTED}there`)
    // The redactor is the run's own: the module-level redact still knows only token shapes.
    expect(redact(`use ${secret} here`)).toBe(`use ${secret} here`)
  })

  test('a registered secret shorter than 4 characters is ignored', () => {
    expect(createRedactor(['qz'])('the quiz qz')).toBe('the quiz qz')
  })

  test('a registered secret is redacted whole even when it contains another', () => {
    expect(createRedactor(['abcd', 'xxabcdyy'])('see xxabcdyy and abcd')).toBe(`see ${REDACTED} and ${REDACTED}`)
  })

  test.each([
    'Fixed in the next release, see https://github.com/octo-org/smile/pull/4',
    'ghp_short is not a token; gh_token and ghx_0123456789abcdefghij neither',
    'ghp_short is not a token',
    'ghp_ and gho_ are prefixes.',
    'github_pat_ tokens are fine-grained',
    'Use AKIA keys rarely, ASIA ones expire',
    'xoxb- tokens are for bots',
    'the ghp_ prefix, then a comma',
    'AKIA alone, akiaiosfodnn7example in lower case',
    'xoxo and hugs',
    '-----BEGIN PUBLIC KEY----- is public',
    'ünïcödé 😀 \u00a0 text'
  ])('normal text is untouched: %s', text => {
    expect(redact(text)).toBe(text)
  })
})

/** Token prefixes and bodies, assembled so that this file holds no token literally. */
const PREFIX = {
  ghp: ['gh', 'p_'].join(''),
  gho: ['gh', 'o_'].join(''),
  pat: ['github', '_pat_'].join(''),
  akia: ['AK', 'IA'].join(''),
  asia: ['AS', 'IA'].join(''),
  xoxb: ['xo', 'xb-'].join('')
}
const MIXED = 'Tq4Wn8Rb2Lz6Hc0Jv3Xk7Pm1Fs5Gd9Ny2Qa6Ue4Io8Zr3Bw7Mt1Ch5Vx0Kp9Ej2Sl6Yf4Dg8Ah3Nu7Ov1Xz5Wq'
const UPPER = 'Q7TX3M9KW2ZR5PLB8YHD'
/** The first `n` characters of a body of the shape's characters. */
const mixed = (n: number): string => MIXED.slice(0, n)
const upper = (n: number): string => UPPER.slice(0, n)

interface Shape {
  name: string
  prefix: string
  body: (n: number) => string
  /** Characters of a whole body. */
  full: number
  /** Characters of the shortest unbroken body that is redacted. */
  min: number
}

const SHAPES: Shape[] = [
  { name: 'ghp_', prefix: PREFIX.ghp, body: mixed, full: 36, min: 16 },
  { name: 'gho_', prefix: PREFIX.gho, body: mixed, full: 36, min: 16 },
  { name: 'github_pat_', prefix: PREFIX.pat, body: mixed, full: 82, min: 16 },
  { name: 'AKIA', prefix: PREFIX.akia, body: upper, full: 16, min: 12 },
  { name: 'ASIA', prefix: PREFIX.asia, body: upper, full: 16, min: 12 },
  { name: 'xoxb-', prefix: PREFIX.xoxb, body: mixed, full: 40, min: 6 }
]

/** `prefix` and `body` with `brk` put in after `at` characters of the body. */
function brokenAt(prefix: string, body: string, at: number, brk: string): string {
  return `${prefix}${body.slice(0, at)}${brk}${body.slice(at)}`
}

describe('redact: tokens broken by white space or a line break', () => {
  test('the test bodies are long enough for every shape', () => {
    expect([MIXED.length >= 82, UPPER.length >= 16]).toEqual([true, true])
  })

  test.each(SHAPES)('$name: pieces that add up to a whole body ($full) are one token', ({ prefix, body, full, min }) => {
    // The first piece is shorter than an unbroken token needs: only the pieces together make it one.
    const at = min - 1
    expect(redact(`(${brokenAt(prefix, body(full), at, '\n')})`)).toBe(`(${REDACTED})`)
    expect(redact(`see ${brokenAt(prefix, body(full), at, ' ')}, thanks`)).toBe(`see ${REDACTED}, thanks`)
  })

  test.each(SHAPES)('$name: pieces one character short of a whole body are not a token', ({ prefix, body, full, min }) => {
    const text = `(${brokenAt(prefix, body(full - 1), min - 1, '\n')})`
    expect(redact(text)).toBe(text)
  })

  test.each(SHAPES)('$name: an unbroken body of $min characters is a token, one less is not', ({ prefix, body, min }) => {
    expect(redact(`(${prefix}${body(min)})`)).toBe(`(${REDACTED})`)
    expect(redact(`(${prefix}${body(min - 1)})`)).toBe(`(${prefix}${body(min - 1)})`)
  })

  test.each<[string, string]>([
    ['LF', '\n'],
    ['CRLF', '\r\n'],
    ['CR', '\r'],
    ['space', ' '],
    ['tab', '\t'],
    ['VT', '\v'],
    ['FF', '\f'],
    ['no-break space U+00A0', '\u00a0'],
    ['NEL U+0085', '\u0085'],
    ['LINE SEPARATOR U+2028', '\u2028'],
    ['PARAGRAPH SEPARATOR U+2029', '\u2029'],
    ['zero-width space U+200B', '\u200b'],
    ['zero-width non-joiner U+200C', '\u200c'],
    ['zero-width joiner U+200D', '\u200d'],
    ['word joiner U+2060', '\u2060'],
    ['byte order mark U+FEFF', '\ufeff'],
    ['Mongolian vowel separator U+180E', '\u180e'],
    ['a line wrapped and indented (7 characters of break)', '\n      ']
  ])('a ghp_ token broken by %s is redacted whole', (_name, brk) => {
    expect(redact(`token ${brokenAt(PREFIX.ghp, mixed(36), 18, brk)} end`)).toBe(`token ${REDACTED} end`)
  })

  test.each<[string, string]>([
    ['NUL', '\u0000'],
    ['BEL', '\u0007'],
    ['ESC', '\u001b'],
    ['DEL', '\u007f'],
    ['a C1 control U+0090', '\u0090']
  ])('a token broken by the control character %s is redacted whole, in the log and the summary too', (_name, brk) => {
    const text = `token ${brokenAt(PREFIX.ghp, mixed(36), 10, brk)} end`
    expect(redact(text)).toBe(`token ${REDACTED} end`)
    for (const out of [forLog(text), forMarkdown(text)]) expect(out).not.toContain(mixed(36).slice(10, 20))
  })

  test('a broken token longer than a whole body leaves no tail behind', () => {
    const long = mixed(76)
    expect(redact(`a ${PREFIX.ghp}${long.slice(0, 10)}\n${long.slice(10)} b`)).toBe(`a ${REDACTED} b`)
    const slack = `1234567890-1234567890123-${mixed(24)}`
    expect(redact(`a ${PREFIX.xoxb}${slack.slice(0, 20)}\n${slack.slice(20)} b`)).toBe(`a ${REDACTED} b`)
  })

  test('prose after a bare prefix is not taken for a broken token (its pieces hold no digit)', () => {
    const prose = `The ${PREFIX.ghp} prefix marks a personal access token in GitHub docs`
    expect(redact(prose)).toBe(prose)
    const pat = `Tokens that start with ${PREFIX.pat} are fine-grained personal access tokens issued by GitHub for organizations and enterprises everywhere`
    expect(redact(pat)).toBe(pat)
  })

  test('a break of 8 characters joins the pieces; one of 9 does not', () => {
    expect(redact(`(${brokenAt(PREFIX.ghp, mixed(36), 10, ' '.repeat(8))})`)).toBe(`(${REDACTED})`)
    const nine = `(${brokenAt(PREFIX.ghp, mixed(36), 10, ' '.repeat(9))})`
    expect(redact(nine)).toBe(nine)
  })

  test('a token broken twice, and one broken right after its prefix', () => {
    const body = mixed(36)
    expect(redact(`a ${PREFIX.ghp}${body.slice(0, 12)}\n${body.slice(12, 24)} ${body.slice(24)} b`)).toBe(`a ${REDACTED} b`)
    expect(redact(`a ${PREFIX.ghp}\n${body} b`)).toBe(`a ${REDACTED} b`)
    expect(redact(`a ${PREFIX.ghp}\r\n  ${body.slice(0, 30)}\n${body.slice(30)} b`)).toBe(`a ${REDACTED} b`)
  })

  test('the text after a broken token is kept', () => {
    expect(redact(`${brokenAt(PREFIX.ghp, mixed(36), 18, '\n')} and the rest of the comment`)).toBe(`${REDACTED} and the rest of the comment`)
    expect(redact(`${brokenAt(PREFIX.akia, upper(16), 8, '\n')}\nnext line`)).toBe(`${REDACTED}\nnext line`)
  })

  test('a broken token of one shape overlapping a token of another is redacted together, leaving no piece of either', () => {
    // The ghp_ token's second piece starts an AWS key id that runs two characters past the ghp_ token's end.
    const aws = `${PREFIX.akia}${upper(16)}`
    const text = `x ${PREFIX.ghp}${mixed(18)}\n${aws} tail`
    expect(redact(text)).toBe(`x ${REDACTED} tail`)
  })

  test('a token inside another token is redacted once, with it', () => {
    expect(redact(`x ${PREFIX.ghp}${PREFIX.akia}${upper(16)}${mixed(12)} y`)).toBe(`x ${REDACTED} y`)
  })
})

describe('the hostile fixture: every secret is redacted by redact, forLog and forMarkdown', () => {
  test('it holds at least 10 broken tokens', () => {
    expect(SECRETS.filter(s => /broken|wrapped/.test(s.name)).length).toBeGreaterThanOrEqual(10)
  })

  test.each(SECRETS)('$name', ({ text, needles }) => {
    expect(needles.length).toBeGreaterThan(0)
    for (const needle of needles) {
      // A needle is a run of the secret as written: finding it would mean a leak.
      expect([needle, /^[A-Za-z0-9]{6,}$/.test(needle), text.includes(needle)]).toEqual([needle, true, true])
    }
    const outputs = { redact: redact(text), forLog: forLog(text, 20_000), forMarkdown: forMarkdown(text, 20_000) }
    expect(outputs.redact).toContain(REDACTED)
    for (const [writer, out] of Object.entries(outputs)) {
      expect({ writer, leaked: needles.filter(n => out.includes(n)) }).toEqual({ writer, leaked: [] })
    }
  })
})

describe('oneLine', () => {
  const BREAKS: [string, string][] = [
    ['CR', '\r'],
    ['LF', '\n'],
    ['CRLF', '\r\n'],
    ['NEL U+0085', '\u0085'],
    ['VT', '\u000b'],
    ['FF', '\u000c'],
    ['LINE SEPARATOR U+2028', '\u2028'],
    ['PARAGRAPH SEPARATOR U+2029', '\u2029'],
    ['NUL', '\u0000'],
    ['TAB', '\t'],
    ['BEL', '\u0007'],
    ['BS', '\b'],
    ['ESC', '\u001b'],
    ['US', '\u001f'],
    ['DEL', '\u007f'],
    ['PAD U+0080', '\u0080'],
    ['CSI U+009B', '\u009b'],
    ['APC U+009F', '\u009f']
  ]
  test.each(BREAKS)('%s becomes a space', (_name, c) => {
    expect(oneLine(`first${c}second`)).toBe('first second')
  })

  test('every C0 and C1 control character is removed', () => {
    const controls: string[] = []
    for (let code = 0; code <= 0x1f; code++) controls.push(String.fromCharCode(code))
    for (let code = 0x7f; code <= 0x9f; code++) controls.push(String.fromCharCode(code))
    for (const c of controls) {
      const out = oneLine(`a${c}b${c}${c}c`)
      expect({ code: c.charCodeAt(0), out }).toEqual({ code: c.charCodeAt(0), out: 'a b c' })
    }
  })

  test('runs of breaks collapse to one space and the ends are trimmed', () => {
    expect(oneLine('\r\n  line one\r\n\r\n\u2028line two \n')).toBe('line one line two')
    expect(oneLine('\n\n')).toBe('')
  })

  test('printable text is kept as it is', () => {
    const text = 'café — naïve 😀 "quoted" <tag> | pipe'
    expect(oneLine(text)).toBe(text)
  })
})

describe('truncate', () => {
  test('text up to the limit is unchanged, longer text is cut with a mark', () => {
    expect(truncate('abcdef', 6)).toBe('abcdef')
    expect(truncate('abcdef', 10)).toBe('abcdef')
    expect(truncate('abcdefg', 6)).toBe('abcde…')
    expect(truncate('', 3)).toBe('')
  })

  test('the result is at most max characters', () => {
    for (const max of [1, 2, 5, 20]) {
      expect(Array.from(truncate('x'.repeat(50), max))).toHaveLength(max)
    }
  })

  test('astral-plane characters count as one and are never split', () => {
    const faces = '😀😁😂🤣'
    expect(truncate(faces, 4)).toBe(faces)
    expect(truncate(faces, 3)).toBe('😀😁…')
    expect(truncate('a😀bcd', 3)).toBe('a😀…')
    expect(truncate('ab😀cd', 3)).toBe('ab…')
    const loneSurrogate = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/
    for (let max = 1; max <= 8; max++) expect(truncate('𝕒𝕓𝕔𝕕𝕖𝕗𝕘𝕙𝕚', max)).not.toMatch(loneSurrogate)
  })
})

describe('forLog', () => {
  const COMMANDS = [
    '::error::owned',
    '::add-mask::not-a-secret',
    '::stop-commands::resume-token',
    '::set-output name=x::y',
    '  ::warning file=a.ts,line=1::hi',
    '\t::debug::x',
    '\n::error::after a line break',
    'text\n::error::on the second line',
    'text\r::error::after CR',
    'text\u0085::error::after NEL',
    'text\u2028::error::after LS',
    '\u00a0::notice::after no-break space',
    ':::error::three colons',
    '::::',
    '::'
  ]
  test.each(COMMANDS)('%j cannot form a workflow command', text => {
    const out = forLog(text)
    expect(out).not.toMatch(/[\r\n\u0085\u2028\u2029]/)
    expect(out.trim().startsWith('::')).toBe(false)
    expect(out).not.toMatch(/::[a-z-]+(?: [^:]*)?::/)
  })

  test.each(['##[error]x', 'text ##[warning]y', '###[group]z', '  ##[set-output name=a;]b'])('%j has no ##[', text => {
    expect(forLog(text)).not.toContain('##[')
  })

  test('the visible text survives neutralizing', () => {
    expect(forLog('::error::x').replace(/\u200b/g, '')).toBe('::error::x')
    expect(forLog('see ##[x]').replace(/\u200b/g, '')).toBe('see ##[x]')
  })

  test('secrets are redacted', () => {
    const out = forLog(`token ${GHP} leaked`)
    expect(out).toBe(`token ${REDACTED} leaked`)
  })

  test('a private key block spread over lines is redacted, then put on one line', () => {
    expect(forLog(`key\n-----BEGIN RSA PRIVATE KEY-----\n${KEY_BODY}\n-----END RSA PRIVATE KEY-----\nbye`)).toBe(`key ${REDACTED} bye`)
  })

  test('output is one line', () => {
    expect(forLog('a\nb\r\nc\u2029d')).toBe('a b c d')
  })

  test('output is cut to the limit', () => {
    const out = forLog('x'.repeat(5000))
    expect(Array.from(out)).toHaveLength(2000)
    expect(out.endsWith('…')).toBe(true)
    expect(Array.from(forLog('y'.repeat(50), 10))).toHaveLength(10)
    expect(forLog('short', 10)).toBe('short')
  })

  test('a token is redacted before the cut, so no part of it is shown', () => {
    const out = forLog(`${'a'.repeat(10)} ${GHP}`, 20)
    expect(out).not.toContain(GHP.slice(0, 8))
  })
})

/** Renders `cell` as the second cell of a one-row GFM table. */
function renderRow(cell: string): string {
  return marked.parse(`| Repository | Comment |\n| --- | --- |\n| octo-org/smile | ${cell} |\n`, { gfm: true, async: false }) as string
}

function tags(html: string): string[] {
  return [...html.matchAll(/<\/?([a-zA-Z][a-zA-Z0-9-]*)/g)].map(m => m[1]!.toLowerCase())
}

function decode(html: string): string {
  return html
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&#64;/g, '@')
    .replace(/&amp;/g, '&')
}

function cells(html: string): { head: string[]; body: string[] } {
  const grab = (tag: string): string[] => [...html.matchAll(new RegExp(`<${tag}(?:\\s[^>]*)?>([\\s\\S]*?)</${tag}>`, 'g'))].map(m => m[1]!)
  return { head: grab('th'), body: grab('td') }
}

describe('forMarkdown', () => {
  const HOSTILE = [
    '| x | y |',
    'a \\| b \\\\| c',
    'trailing pipe |',
    '<img src=x onerror=alert(1)>',
    '<script>alert(1)</script>',
    '<a href="javascript:alert(1)">click</a>',
    '[x](javascript:alert(1))',
    '[x](/evil "title")',
    '![x](/p.png)',
    '[x][1]\n\n[1]: javascript:alert(1)',
    '<mailto:someone>',
    '`code` and ``double ` tick``',
    '**bold** __strong__ *em* _em_ ~~strike~~',
    '@org/team and @octocat please look',
    'line one\nline two\r\n| injected | row |\n| --- | --- |',
    '&lt;img src=x onerror=alert(1)&gt; &#124; &#64;',
    '<!-- open comment',
    '# heading > quote - item 1. item',
    '$x^2$ and $$y$$',
    'ends with a backslash \\',
    '<details open><summary>s</summary>x</details>',
    '<iframe src="javascript:alert(1)"></iframe><svg onload=alert(1)>'
  ]

  test.each(HOSTILE)('%j stays one cell of plain text', hostile => {
    const html = renderRow(forMarkdown(hostile))
    const { head, body } = cells(html)
    expect(head).toEqual(['Repository', 'Comment'])
    expect(body).toHaveLength(2)
    expect(body[0]).toBe('octo-org/smile')
    expect(new Set(tags(html))).toEqual(new Set(['table', 'thead', 'tbody', 'tr', 'th', 'td']))
    expect(html).not.toMatch(/<img|<script|<a |<iframe|<svg/i)
    expect(html).not.toMatch(/href\s*=\s*["']?\s*javascript:/i)
    // What the reader sees is what was written, on one line.
    expect(decode(body[1]!)).toBe(oneLine(hostile))
  })

  test('a pipe is always escaped', () => {
    const out = forMarkdown('a|b||c\\|d')
    const unescaped = [...out.matchAll(/(\\*)\|/g)].filter(m => m[1]!.length % 2 === 0)
    expect(unescaped).toHaveLength(0)
  })

  test('backticks are escaped and make no code span', () => {
    const out = forMarkdown('run `rm -rf /` now')
    expect(out).not.toMatch(/(^|[^\\])`/)
    expect(renderRow(out)).not.toContain('<code')
  })

  test('an HTML tag comes out as text', () => {
    const out = forMarkdown('<img src=x onerror=alert(1)>')
    expect(out).not.toContain('<')
    expect(out).not.toContain('>')
    expect(marked.parse(out, { async: false }) as string).not.toContain('<img')
  })

  test('a javascript: link is no link', () => {
    const html = marked.parse(forMarkdown('[x](javascript:alert(1))'), { async: false }) as string
    expect(html).not.toContain('<a')
    expect(html).toContain('javascript:alert(1)')
  })

  test('a mention has no literal @', () => {
    const out = forMarkdown('@org/team')
    expect(out).not.toContain('@')
    expect(decode(out.replace(/\\(.)/g, '$1'))).toBe('@org/team')
  })

  test('bold markers are escaped', () => {
    const out = forMarkdown('**bold**')
    expect(out).toBe('\\*\\*bold\\*\\*')
    expect(marked.parse(out, { async: false }) as string).not.toContain('<strong')
  })

  test('line breaks are gone', () => {
    const out = forMarkdown('a\nb\r\n\r\nc\u2028d')
    expect(out).toBe('a b c d')
  })

  test('block syntax at the start makes no block', () => {
    for (const text of ['# title', '> quote', '```js']) {
      const html = marked.parse(forMarkdown(text), { async: false }) as string
      expect(tags(html)).toEqual(['p', 'p'])
    }
  })

  test('secrets are redacted', () => {
    const out = forMarkdown(`leaked ${GHP} and ${TOKENS[6]![1]}`)
    expect(out).not.toContain(GHP)
    expect(out).not.toContain('AKIAIOSFODNN7EXAMPLE')
    expect(out).toBe('leaked \\[redacted\\] and \\[redacted\\]')
  })

  test('text is cut to the limit before escaping', () => {
    const out = forMarkdown('word '.repeat(100), 20)
    expect(Array.from(out)).toHaveLength(20)
    expect(out.endsWith('…')).toBe(true)
  })

  test.each([
    'log in at https://evil.example/login',
    'or www.evil.example',
    '<https://evil.example>',
    '[Approve here](https://evil.example)',
    '![x](https://evil.example/p.png)'
  ])('a URL in %j stays text, not a link (GFM autolinks bare URLs)', hostile => {
    const html = renderRow(forMarkdown(hostile))
    expect(cells(html).body).toHaveLength(2)
    expect(html).not.toMatch(/<a |<img/)
  })
})

describe('forLog: runs of colons', () => {
  test.each([':::', '::::', 'a:::b', ':::error:::x'])('%j keeps no two colons side by side', text => {
    const out = forLog(text)
    expect(out).not.toContain('::')
    expect(out.replace(/\u200b/g, '')).toBe(text)
  })
})
