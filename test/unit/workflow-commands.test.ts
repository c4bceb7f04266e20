import { afterEach, beforeEach, describe, expect, test } from '@jest/globals'
import * as core from '@actions/core'
import { EOL } from 'node:os'
import { failStep, maskValue, runnerInput } from '../../src/workflow-commands.js'
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
