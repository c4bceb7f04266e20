/** The file commands (outputs, job summary) against @actions/core, byte for byte. */
import { afterAll, afterEach, beforeAll, describe, expect, test } from '@jest/globals'
import * as core from '@actions/core'
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { EOL, tmpdir } from 'node:os'
import { join } from 'node:path'
import { appendSummary, setOutputs } from '../../src/file-commands.js'
import { stdoutOf } from './stdout.js'

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
    dir = mkdtempSync(join(tmpdir(), 'file-commands-'))
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
