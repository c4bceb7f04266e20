import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, test } from '@jest/globals'
import * as core from '@actions/core'
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { EOL, tmpdir } from 'node:os'
import { join } from 'node:path'
import { annotate, appendSummary, failStep, group, info, maskValue, runnerInput, setOutputs, type Annotation } from '../../src/workflow-commands.js'
import { stdoutOf } from './stdout.js'

/** Texts a workflow command must carry on one line: `%`, CR and LF in every combination, and what looks encoded already. */
const TRICKY = [
  'plain text',
  '100% sure',
  'first line\nsecond line',
  'carriage\rreturn',
  'windows\r\nline end',
  'already %0A encoded and %25 too',
  '%%\n\n\r\r%',
  'ends with a newline\n',
  '::error::not a command',
  'ünïcödé 🔑 ok'
]

/** What `action` prints, and in how many writes to stdout. */
function writesOf(action: () => void): { out: string; writes: number } {
  let writes = 0
  const out = stdoutOf(() => {
    const write = process.stdout.write
    process.stdout.write = ((chunk: string) => {
      writes++
      return write.call(process.stdout, chunk)
    }) as typeof process.stdout.write
    try {
      action()
    } finally {
      process.stdout.write = write
    }
  })
  return { out, writes }
}

describe('runnerInput', () => {
  const saved = { ...process.env }

  afterEach(() => {
    for (const name of Object.keys(process.env)) if (!(name in saved)) delete process.env[name]
    Object.assign(process.env, saved)
  })

  test('reads INPUT_<NAME>: upper case, hyphens kept, the value trimmed', () => {
    process.env['INPUT_REQUEST-TYPES'] = '  secret-scanning-bypass, push-ruleset-bypass \n'
    expect(runnerInput('request-types')).toBe('secret-scanning-bypass, push-ruleset-bypass')
    expect(runnerInput('Request-Types')).toBe('secret-scanning-bypass, push-ruleset-bypass')
    // Not INPUT_REQUEST_TYPES: a hyphen stays a hyphen.
    process.env['INPUT_REQUEST_TYPES'] = 'wrong'
    expect(runnerInput('request-types')).toBe('secret-scanning-bypass, push-ruleset-bypass')
  })

  test('a space in the name is an underscore in the variable', () => {
    process.env['INPUT_MY_INPUT'] = 'value'
    expect(runnerInput('my input')).toBe('value')
    expect(runnerInput('my  input')).toBe('')
    process.env['INPUT_MY__INPUT'] = 'two'
    expect(runnerInput('my  input')).toBe('two')
  })

  test('an input that is not set, or only blank, reads as empty', () => {
    delete process.env['INPUT_NOT-SET']
    expect(runnerInput('not-set')).toBe('')
    process.env['INPUT_BLANK'] = ' \t\n '
    expect(runnerInput('blank')).toBe('')
  })

  test('inner whitespace and line breaks are kept', () => {
    process.env['INPUT_REVIEW-TARGETS'] = '\n  octo-org/smile#1\n  octo-org/smile#2  \n'
    expect(runnerInput('review-targets')).toBe('octo-org/smile#1\n  octo-org/smile#2')
  })

  test('reads what @actions/core getInput reads', () => {
    const inputs: Record<string, string> = {
      INPUT_TOKEN: ' ghp_example ',
      'INPUT_MAX-CONCURRENCY': '4',
      'INPUT_A_B-C': '\tx\n',
      INPUT_EMPTY: ''
    }
    Object.assign(process.env, inputs)
    for (const name of ['token', 'max-concurrency', 'a b-c', 'A B-C', 'empty', 'missing-input']) {
      expect([name, runnerInput(name)]).toEqual([name, core.getInput(name)])
    }
  })
})

describe('maskValue and failStep', () => {
  let exitCode: typeof process.exitCode

  beforeEach(() => {
    exitCode = process.exitCode
    process.exitCode = undefined
  })

  afterEach(() => {
    process.exitCode = exitCode
  })

  test('maskValue writes one add-mask command, the value on one line', () => {
    expect(stdoutOf(() => maskValue('ghp_exampletoken'))).toBe(`::add-mask::ghp_exampletoken${EOL}`)
    expect(stdoutOf(() => maskValue('a%b\r\nc\nd'))).toBe(`::add-mask::a%25b%0D%0Ac%0Ad${EOL}`)
    // `%` first, so that what looks encoded already is not decoded by the runner.
    expect(stdoutOf(() => maskValue('%0A'))).toBe(`::add-mask::%250A${EOL}`)
    expect(process.exitCode).toBeUndefined()
  })

  test('failStep writes one error command and fails the step', () => {
    expect(stdoutOf(() => failStep('2 invalid inputs; nothing was fetched or reviewed.\nInput "scope" has the value "x".\nMore: 100%'))).toBe(
      `::error::2 invalid inputs; nothing was fetched or reviewed.%0AInput "scope" has the value "x".%0AMore: 100%25${EOL}`
    )
    expect(process.exitCode).toBe(1)
  })

  test.each(TRICKY)('maskValue(%j) prints what @actions/core setSecret prints', text => {
    const ours = stdoutOf(() => maskValue(text))
    expect(ours).toBe(stdoutOf(() => core.setSecret(text)))
    expect(ours.endsWith(EOL)).toBe(true)
    expect(ours.slice(0, -EOL.length)).not.toMatch(/[\r\n]/)
  })

  test.each(TRICKY)('failStep(%j) prints what @actions/core setFailed prints, and sets exitCode 1 as it does', text => {
    const ours = stdoutOf(() => failStep(text))
    expect(process.exitCode).toBe(1)
    process.exitCode = undefined
    const theirs = stdoutOf(() => core.setFailed(text))
    expect(process.exitCode).toBe(1)
    expect(ours).toBe(theirs)
    expect(ours.slice(0, -EOL.length)).not.toMatch(/[\r\n]/)
  })
})

/** Restores process.env after each test of the describe block it is called in: variables added are removed, changed ones put back. */
function restoreEnvAfterEach(): void {
  const saved = { ...process.env }
  afterEach(() => {
    for (const name of Object.keys(process.env)) if (!(name in saved)) delete process.env[name]
    Object.assign(process.env, saved)
  })
}

/** A temporary directory for the describe block it is called in, removed after it. */
function tempDirectory(): () => string {
  let dir = ''
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'workflow-commands-'))
  })
  afterAll(() => {
    rmSync(dir, { recursive: true, force: true })
  })
  return () => dir
}

/** The message `action` throws or rejects with. */
async function failureOf(action: () => unknown): Promise<string> {
  try {
    await action()
  } catch (error) {
    return (error as Error).message
  }
  throw new Error('expected a failure')
}

describe('info and group', () => {
  test.each([...TRICKY, '', '\n', '::group::x'])('info(%j) prints what @actions/core info prints', text => {
    expect(stdoutOf(() => info(text))).toBe(stdoutOf(() => core.info(text)))
  })

  test.each(TRICKY)('group(%j, text) prints what startGroup, info and endGroup print', title => {
    for (const text of [...TRICKY, 'line 1\nline 2\n\nline 4']) {
      const ours = stdoutOf(() => group(title, text))
      const theirs = stdoutOf(() => {
        core.startGroup(title)
        core.info(text)
        core.endGroup()
      })
      expect([title, text, ours]).toEqual([title, text, theirs])
    }
  })

  test.each(['plain', '', '100%\r\n'])('group(%j, "") prints what startGroup and endGroup print, no empty line between', title => {
    const ours = stdoutOf(() => group(title, ''))
    expect(ours).toBe(
      stdoutOf(() => {
        core.startGroup(title)
        core.endGroup()
      })
    )
    expect(ours).toBe(`::group::${title.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A')}${EOL}::endgroup::${EOL}`)
  })

  test('group writes once', () => {
    expect(writesOf(() => group('title', 'one\ntwo')).writes).toBe(1)
  })
})

describe('annotate', () => {
  const LEVELS = ['error', 'warning', 'notice'] as const
  /** Where annotations point: core leaves out every property whose value is falsy (an empty title, line 0). */
  const PROPERTIES: Annotation['properties'][] = [
    {},
    { title: 'A title' },
    { file: 'src/main.ts', startLine: 12 },
    { title: 'Both', file: 'src/main.ts', startLine: 1 },
    { file: 'src/main.ts' },
    { file: 'src/main.ts', startLine: 0 },
    { title: 'Line 0', startLine: 0 },
    { title: '', file: 'README.md' },
    { title: 'only a line', startLine: 7 },
    { file: 'docs/a::b%2C,c.md', startLine: 3 },
    { title: 'a: b, c 100%\r\nnext', file: 'dir with space/ünï,cödé:%0A.md', startLine: 99999 },
    { title: '::error::x', file: '%25%3A%2C' }
  ]

  /** What core.error, core.warning and core.notice print for the same annotations, one call each, in order. */
  function coreOutput(annotations: readonly Annotation[]): string {
    return stdoutOf(() => {
      for (const { level, message, properties } of annotations) core[level](message, properties)
    })
  }

  test.each(LEVELS)('%s: every message and set of properties as @actions/core prints them', level => {
    for (const properties of PROPERTIES) {
      for (const message of TRICKY) {
        const annotation: Annotation = { level, message, properties }
        expect([annotation, stdoutOf(() => annotate([annotation]))]).toEqual([annotation, coreOutput([annotation])])
      }
    }
  })

  test('many annotations of every level, in order, in one write equal to core calls one after another', () => {
    const annotations: Annotation[] = LEVELS.flatMap((level, l) => PROPERTIES.map((properties, p) => ({ level, message: TRICKY[(l + p) % TRICKY.length]!, properties })))
    const { out: ours, writes } = writesOf(() => annotate(annotations))
    expect(writes).toBe(1)
    expect(ours).toBe(coreOutput(annotations))
    expect(ours.split(EOL)).toHaveLength(annotations.length + 1)
  })

  test('property values are escaped as core escapes them: % CR LF : and ,', () => {
    expect(stdoutOf(() => annotate([{ level: 'warning', message: 'm: 1, 2', properties: { file: 'docs/a::b%2C,c.md', startLine: 3 } }]))).toBe(
      `::warning file=docs/a%3A%3Ab%252C%2Cc.md,line=3::m: 1, 2${EOL}`
    )
  })

  test('an empty list prints nothing', () => {
    expect(writesOf(() => annotate([]))).toEqual({ out: '', writes: 0 })
  })

  // When properties are given but every value is falsy, core still writes a space after the command name (`::warning ::m`).
  test.each([{ startLine: 0 }, { title: '' }, { title: undefined }, { title: '', file: '', startLine: 0 }])(
    'properties %p, all falsy, print as core prints them',
    properties => {
      const annotation: Annotation = { level: 'warning', message: 'm', properties }
      expect(stdoutOf(() => annotate([annotation]))).toBe(coreOutput([annotation]))
    }
  )

  // core leaves out a falsy line, NaN among them.
  test('startLine NaN prints as core prints it', () => {
    const annotation: Annotation = { level: 'error', message: 'm', properties: { file: 'a.ts', startLine: NaN } }
    expect(stdoutOf(() => annotate([annotation]))).toBe(coreOutput([annotation]))
  })
})

describe('setOutputs', () => {
  restoreEnvAfterEach()
  const dir = tempDirectory()
  const DELIMITER = /ghadelimiter_[0-9a-f-]{36}/g

  /** The outputs the runner's GITHUB_OUTPUT file holds, by its format: `name<<delimiter`, the value, `delimiter`, each line ended by EOL. */
  function parseOutputs(text: string): { name: string; value: string; delimiter: string }[] {
    const outputs: { name: string; value: string; delimiter: string }[] = []
    let at = 0
    while (at < text.length) {
      const heading = text.indexOf(EOL, at)
      expect(heading).toBeGreaterThan(at)
      const [name, delimiter] = text.slice(at, heading).split('<<') as [string, string]
      const start = heading + EOL.length
      const end = text.indexOf(`${EOL}${delimiter}${EOL}`, start)
      expect(end).toBeGreaterThanOrEqual(start)
      outputs.push({ name, value: text.slice(start, end), delimiter })
      at = end + EOL.length + delimiter.length + EOL.length
    }
    return outputs
  }

  const OUTPUTS: Record<string, string | number> = {
    count: 3,
    zero: 0,
    negative: -1.5,
    empty: '',
    percent: '100% and %0A and %25',
    'multi-line': 'first\nsecond\r\nthird\n',
    'ends-with-newline': 'text\n',
    'starts-with-newline': '\nafter',
    json: JSON.stringify({ a: [1, 2], b: 'c:d,e' }),
    unicode: 'ünïcödé 🔑',
    lookalike: 'name<<ghadelimiter_not-a-uuid\nghadelimiter_'
  }

  function outputFile(name: string, content = ''): string {
    const file = join(dir(), name)
    writeFileSync(file, content)
    return file
  }

  test('a value given as UTF-8 bytes is written as the same text would be, multi-byte characters whole', () => {
    const value = `[{"comment":"ünïcödé 🔑 ${'é'.repeat(3000)}"}]`
    const bytes = Buffer.from(value)
    // A view inside a larger buffer, as the requests output is.
    const inside = Buffer.concat([Buffer.from('xx'), bytes, Buffer.from('yy')]).subarray(2, 2 + bytes.length)
    process.env.GITHUB_OUTPUT = outputFile('bytes')
    setOutputs({ requests: inside, total: 1 })
    const ours = readFileSync(process.env.GITHUB_OUTPUT, 'utf8')
    expect(parseOutputs(ours).map(({ name, value }) => [name, value])).toEqual([
      ['requests', value],
      ['total', '1']
    ])
    process.env.GITHUB_OUTPUT = outputFile('core')
    core.setOutput('requests', value)
    core.setOutput('total', 1)
    const theirs = readFileSync(process.env.GITHUB_OUTPUT, 'utf8')
    expect(ours.replace(DELIMITER, 'D')).toBe(theirs.replace(DELIMITER, 'D'))
    // Without the file: the command, with the bytes as text.
    delete process.env.GITHUB_OUTPUT
    expect(stdoutOf(() => setOutputs({ requests: inside }))).toBe(stdoutOf(() => core.setOutput('requests', value)))
  })

  test('every name and value round-trips through the GITHUB_OUTPUT file, each with its own delimiter', () => {
    const file = outputFile('round-trip', 'EARLIER=kept\n')
    process.env.GITHUB_OUTPUT = file
    expect(stdoutOf(() => setOutputs(OUTPUTS))).toBe('')
    const text = readFileSync(file, 'utf8')
    expect(text.startsWith('EARLIER=kept\n')).toBe(true)
    const outputs = parseOutputs(text.slice('EARLIER=kept\n'.length))
    expect(outputs.map(({ name, value }) => [name, value])).toEqual(Object.entries(OUTPUTS).map(([name, value]) => [name, String(value)]))
    for (const { delimiter } of outputs) expect(delimiter).toMatch(/^ghadelimiter_[0-9a-f-]{36}$/)
    expect(new Set(outputs.map(o => o.delimiter)).size).toBe(outputs.length)
  })

  test('the file holds what @actions/core setOutput writes, but for the random delimiters', () => {
    const ours = outputFile('ours')
    const theirs = outputFile('theirs')
    process.env.GITHUB_OUTPUT = ours
    setOutputs(OUTPUTS)
    process.env.GITHUB_OUTPUT = theirs
    for (const [name, value] of Object.entries(OUTPUTS)) core.setOutput(name, value)
    const oursText = readFileSync(ours, 'utf8')
    const theirsText = readFileSync(theirs, 'utf8')
    expect(oursText.match(DELIMITER)).toHaveLength(2 * Object.keys(OUTPUTS).length)
    expect(oursText.replace(DELIMITER, 'DELIMITER')).toBe(theirsText.replace(DELIMITER, 'DELIMITER'))
  })

  test('appends: a second call keeps the first', () => {
    const file = outputFile('append')
    process.env.GITHUB_OUTPUT = file
    setOutputs({ first: 'one' })
    setOutputs({ second: 'two' })
    expect(parseOutputs(readFileSync(file, 'utf8')).map(({ name, value }) => [name, value])).toEqual([
      ['first', 'one'],
      ['second', 'two']
    ])
  })

  test('no outputs: the file is unchanged', () => {
    const file = outputFile('none', 'before\n')
    process.env.GITHUB_OUTPUT = file
    setOutputs({})
    expect(readFileSync(file, 'utf8')).toBe('before\n')
  })

  test('a GITHUB_OUTPUT file that does not exist throws what core throws, and nothing is created', () => {
    const missing = join(dir(), 'no such file')
    process.env.GITHUB_OUTPUT = missing
    const theirs = (() => {
      try {
        core.setOutput('name', 'value')
      } catch (error) {
        return (error as Error).message
      }
      return 'no error'
    })()
    expect(theirs).toBe(`Missing file at path: ${missing}`)
    expect(() => setOutputs({ name: 'value' })).toThrow(theirs)
    expect(() => readFileSync(missing)).toThrow()
  })

  test('without GITHUB_OUTPUT: the set-output commands core prints, each after an empty line', () => {
    delete process.env.GITHUB_OUTPUT
    const outputs: Record<string, string | number> = { ...OUTPUTS, 'odd:name,with%': 'v', 'two\nlines': 'x' }
    const ours = stdoutOf(() => setOutputs(outputs))
    expect(ours).toBe(
      stdoutOf(() => {
        for (const [name, value] of Object.entries(outputs)) core.setOutput(name, value)
      })
    )
    expect(ours.startsWith(`${EOL}::set-output name=count::3${EOL}`)).toBe(true)
  })

  test('an empty GITHUB_OUTPUT is as if unset, as in core', () => {
    process.env.GITHUB_OUTPUT = ''
    expect(stdoutOf(() => setOutputs({ a: 'b' }))).toBe(stdoutOf(() => core.setOutput('a', 'b')))
  })

  // core writes a number as JSON.stringify does, so NaN and Infinity become `null`.
  test.each([NaN, Infinity])('the value %p prints as core prints it', value => {
    delete process.env.GITHUB_OUTPUT
    expect(stdoutOf(() => setOutputs({ n: value }))).toBe(stdoutOf(() => core.setOutput('n', value)))
  })
})

describe('appendSummary', () => {
  restoreEnvAfterEach()
  const dir = tempDirectory()

  /** What core.summary does with `markdown`, as a fresh summary would: it keeps the path of its first good write, which would hide the later checks. */
  async function coreAppend(markdown: string): Promise<void> {
    Object.assign(core.summary, { _filePath: undefined })
    await core.summary.emptyBuffer().addRaw(markdown).write()
  }

  test('appends to the GITHUB_STEP_SUMMARY file, as core does', async () => {
    const ours = join(dir(), 'ours.md')
    const theirs = join(dir(), 'theirs.md')
    const parts = ['# Title\n', '', 'a | b\n--|--\n1 | 2\n', 'ünïcödé 🔑 100%\r\n', 'no newline at the end']
    for (const file of [ours, theirs]) writeFileSync(file, 'already there\n')
    process.env.GITHUB_STEP_SUMMARY = ours
    for (const part of parts) await appendSummary(part)
    process.env.GITHUB_STEP_SUMMARY = theirs
    for (const part of parts) await coreAppend(part)
    expect(readFileSync(ours, 'utf8')).toBe(`already there\n${parts.join('')}`)
    expect(readFileSync(ours, 'utf8')).toBe(readFileSync(theirs, 'utf8'))
  })

  test('prints nothing', async () => {
    const file = join(dir(), 'quiet.md')
    writeFileSync(file, '')
    process.env.GITHUB_STEP_SUMMARY = file
    expect(await stdoutOf(() => appendSummary('text'))).toBe('')
  })

  test.each([undefined, ''])('GITHUB_STEP_SUMMARY %p: rejects with what core rejects with', async value => {
    if (value === undefined) delete process.env.GITHUB_STEP_SUMMARY
    else process.env.GITHUB_STEP_SUMMARY = value
    const theirs = await failureOf(() => coreAppend('x'))
    expect(theirs).toBe('Unable to find environment variable for $GITHUB_STEP_SUMMARY. Check if your runtime environment supports job summaries.')
    expect(await failureOf(() => appendSummary('x'))).toBe(theirs)
  })

  test.each(['missing.md', 'missing directory/summary.md'])(
    'a summary file that does not exist (%s): rejects with what core rejects with, and creates nothing',
    async name => {
      const file = join(dir(), name)
      process.env.GITHUB_STEP_SUMMARY = file
      const theirs = await failureOf(() => coreAppend('x'))
      expect(theirs).toBe(`Unable to access summary file: '${file}'. Check if the file has correct read/write permissions.`)
      expect(await failureOf(() => appendSummary('x'))).toBe(theirs)
      expect(() => readFileSync(file)).toThrow()
    }
  )

  test('a directory in place of the file: rejects as core does', async () => {
    const directory = join(dir(), 'a-directory')
    mkdirSync(directory)
    process.env.GITHUB_STEP_SUMMARY = directory
    const theirs = await failureOf(() => coreAppend('x'))
    expect(await failureOf(() => appendSummary('x'))).toBe(theirs)
  })
})
