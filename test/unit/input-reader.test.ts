import { describe, expect, test } from '@jest/globals'
import { InputError, InputReader, splitList } from '../../src/input-reader.js'

/** A reader over a plain object: a missing input reads as '' (as the runner gives it). */
function readerOf(values: Record<string, string>): InputReader {
  return new InputReader(name => values[name] ?? '')
}

describe('InputReader.oneOf', () => {
  const FAIL_ON = ['open', 'stale', 'never'] as const

  test('an accepted value', () => {
    const inputs = readerOf({ 'fail-on': 'never' })
    expect(inputs.oneOf('fail-on', FAIL_ON, 'stale')).toBe('never')
    expect(inputs.problems).toEqual([])
  })

  test('empty: the fallback, no problem', () => {
    const inputs = readerOf({})
    expect(inputs.oneOf('fail-on', FAIL_ON, 'stale')).toBe('stale')
    expect(inputs.problems).toEqual([])
  })

  test.each(['always', 'Open'])('%j: the fallback and a problem naming what is accepted', value => {
    const inputs = readerOf({ 'fail-on': value })
    expect(inputs.oneOf('fail-on', FAIL_ON, 'stale')).toBe('stale')
    expect(inputs.problems).toEqual([`Input "fail-on" has the value "${value}": expected one of open, stale, never.`])
  })

  test('values are not trimmed here (the runner trims inputs): surrounding spaces are refused', () => {
    const inputs = readerOf({ 'fail-on': ' open', 'max-concurrency': ' 5' })
    expect(inputs.oneOf('fail-on', FAIL_ON, 'stale')).toBe('stale')
    expect(inputs.integer('max-concurrency', 4, 1, 10)).toBe(4)
    expect(inputs.problems.map(p => p.slice(0, p.indexOf(' has the value')))).toEqual(['Input "fail-on"', 'Input "max-concurrency"'])
  })
})

describe('InputReader.boolean', () => {
  test.each([
    ['true', true],
    ['True', true],
    ['TRUE', true],
    ['false', false],
    ['False', false],
    ['FALSE', false]
  ])('%s → %s', (value, expected) => {
    const inputs = readerOf({ 'dry-run': value })
    expect(inputs.boolean('dry-run', !expected)).toBe(expected)
    expect(inputs.problems).toEqual([])
  })

  test('empty: the fallback', () => {
    expect(readerOf({}).boolean('dry-run', true)).toBe(true)
    expect(readerOf({}).boolean('dry-run', false)).toBe(false)
  })

  test.each(['yes', '1', 'tRUE', 'on'])('%j: the fallback and a problem', value => {
    const inputs = readerOf({ annotations: value })
    expect(inputs.boolean('annotations', true)).toBe(true)
    expect(inputs.problems).toEqual([`Input "annotations" has the value "${value}": expected true or false.`])
  })
})

describe('InputReader.integer', () => {
  test.each([
    ['1', 1],
    ['4', 4],
    ['10', 10]
  ])('%s → %d (bounds included)', (value, expected) => {
    const inputs = readerOf({ 'max-concurrency': value })
    expect(inputs.integer('max-concurrency', 4, 1, 10)).toBe(expected)
    expect(inputs.problems).toEqual([])
  })

  test('empty: the fallback', () => {
    expect(readerOf({}).integer('max-concurrency', 4, 1, 10)).toBe(4)
  })

  test.each(['0', '11', '-1', '1.5', 'four', '1e1'])('%j: the fallback and a problem naming the range', value => {
    const inputs = readerOf({ 'max-concurrency': value })
    expect(inputs.integer('max-concurrency', 4, 1, 10)).toBe(4)
    expect(inputs.problems).toEqual([`Input "max-concurrency" has the value "${value}": expected a whole number from 1 to 10.`])
  })
})

describe('InputReader.login', () => {
  test.each(['octocat', 'octo-cat', 'dependabot[bot]', 'a', 'a'.repeat(39)])('%s is a login', value => {
    const inputs = readerOf({ requester: value })
    expect(inputs.login('requester')).toBe(value)
    expect(inputs.problems).toEqual([])
  })

  test('empty: undefined, no problem', () => {
    const inputs = readerOf({})
    expect(inputs.login('requester')).toBeUndefined()
    expect(inputs.problems).toEqual([])
  })

  test.each(['octo cat', 'octo_cat', '-octocat', 'a'.repeat(40), 'octocat[app]'])('%j: undefined and a problem', value => {
    const inputs = readerOf({ reviewer: value })
    expect(inputs.login('reviewer')).toBeUndefined()
    expect(inputs.problems).toEqual([`Input "reviewer" has the value "${value}": expected a GitHub login (letters, digits and hyphens, at most 39 characters).`])
  })
})

describe('InputReader.list', () => {
  test('items split on commas and newlines, trimmed, blanks dropped', () => {
    expect(readerOf({ repositories: 'octo-org/a, octo-org/b\n\n !octo-org/c ,' }).list('repositories')).toEqual(['octo-org/a', 'octo-org/b', '!octo-org/c'])
  })

  test('empty: no items', () => {
    expect(readerOf({}).list('repositories')).toEqual([])
  })
})

describe('InputReader.duration', () => {
  test('a duration: as written and in milliseconds', () => {
    expect(readerOf({ 'stale-after': '36h' }).duration('stale-after', '24h')).toEqual({ text: '36h', ms: 36 * 3_600_000 })
    expect(readerOf({ 'stale-after': '90m' }).duration('stale-after', '24h')).toEqual({ text: '90m', ms: 90 * 60_000 })
  })

  test('empty: the fallback', () => {
    const inputs = readerOf({})
    expect(inputs.duration('stale-after', '24h')).toEqual({ text: '24h', ms: 24 * 3_600_000 })
    expect(inputs.problems).toEqual([])
  })

  test.each(['3x', '0h', '1.5d', '-1h'])('%j: the value kept as text, the fallback in milliseconds, and a problem', value => {
    const inputs = readerOf({ 'stale-after': value })
    expect(inputs.duration('stale-after', '24h')).toEqual({ text: value, ms: 24 * 3_600_000 })
    expect(inputs.problems).toEqual([`Input "stale-after" has the value "${value}": expected a whole number followed by m, h, d or w (90m, 36h, 3d, 1w).`])
  })
})

describe('InputReader problems', () => {
  test('bad(): the value on one line, redacted and cut to 200 characters', () => {
    const inputs = readerOf({})
    inputs.bad('branch', 'a\nb', 'expected a branch')
    inputs.bad('requester', `x ${['gh', 'p_'].join('')}${'A'.repeat(36)}`, 'expected a login')
    inputs.bad('review-message', 'm'.repeat(300), 'expected less')
    expect(inputs.problems).toEqual([
      'Input "branch" has the value "a b": expected a branch.',
      'Input "requester" has the value "x [redacted]": expected a login.',
      `Input "review-message" has the value "${'m'.repeat(199)}…": expected less.`
    ])
  })

  test('problem(): the message as given', () => {
    const inputs = readerOf({})
    inputs.problem('Input "token" is empty.')
    expect(inputs.problems).toEqual(['Input "token" is empty.'])
  })

  test('finish() without problems returns', () => {
    const inputs = readerOf({ 'fail-on': 'open' })
    inputs.oneOf('fail-on', ['open'], 'open')
    expect(() => inputs.finish()).not.toThrow()
  })

  test('finish() throws an InputError with every problem, in the order found', () => {
    const inputs = readerOf({ 'fail-on': 'always', 'dry-run': 'yes', 'max-reviews': '0' })
    inputs.oneOf('fail-on', ['open', 'stale', 'never'], 'stale')
    inputs.problem('Input "token" is empty.')
    inputs.boolean('dry-run', false)
    inputs.integer('max-reviews', 20, 1, 1000)
    let thrown: unknown
    try {
      inputs.finish()
    } catch (error) {
      thrown = error
    }
    expect(thrown).toBeInstanceOf(InputError)
    const error = thrown as InputError
    expect(error.name).toBe('InputError')
    expect(error.problems).toEqual([
      'Input "fail-on" has the value "always": expected one of open, stale, never.',
      'Input "token" is empty.',
      'Input "dry-run" has the value "yes": expected true or false.',
      'Input "max-reviews" has the value "0": expected a whole number from 1 to 1000.'
    ])
    expect(error.message).toBe(`4 invalid inputs: ${error.problems.join(' ')}`)
  })

  test('one problem: "1 invalid input"', () => {
    const inputs = readerOf({})
    inputs.problem('Input "token" is empty.')
    expect(() => inputs.finish()).toThrow(new InputError(['Input "token" is empty.']))
    expect(new InputError(['Input "token" is empty.']).message).toBe('1 invalid input: Input "token" is empty.')
  })
})

describe('splitList', () => {
  test.each<[string, string, string[]]>([
    ['commas', 'a,b,c', ['a', 'b', 'c']],
    ['newlines', 'a\nb\nc', ['a', 'b', 'c']],
    ['both, with spaces', ' a , b\n c ', ['a', 'b', 'c']],
    ['Windows line ends', 'a\r\nb', ['a', 'b']],
    ['blank items dropped', 'a,,\n\n, ,b,', ['a', 'b']],
    ['spaces inside an item kept', 'a b, c', ['a b', 'c']],
    ['empty', '', []],
    ['only separators and blanks', ' ,\n, ', []]
  ])('%s', (_name, text, items) => {
    expect(splitList(text)).toEqual(items)
  })
})
