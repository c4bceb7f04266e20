import { afterEach, beforeEach, describe, expect, test } from '@jest/globals'
import * as core from '@actions/core'
import { EOL } from 'node:os'
import { annotate, failStep, group, info, maskValue, runnerInput, type Annotation } from '../../src/workflow-commands.js'
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
