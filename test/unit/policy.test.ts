import { describe, expect, test } from '@jest/globals'
import { denyMessage, hasPolicy, judge, parsePattern, policyViolations, type Policy } from '../../src/policy.js'
import { bypass, plainRecord } from './record-builders.js'

/** The policy `require-comment-pattern: text` and `min-comment-length: minLength` give. */
function policyOf(text: string, minLength = 0): Policy {
  const parsed = parsePattern(text)
  if ('error' in parsed) throw new Error(parsed.error)
  return { patternText: text, pattern: parsed.pattern, minLength }
}

const TICKET = policyOf('SEC-\\d+')
const NO_MATCH = 'the comment does not match SEC-\\d+'
const BLANK = 'the comment is blank'

describe('parsePattern', () => {
  test('a plain pattern is matched case-insensitively', () => {
    const parsed = parsePattern('SEC-\\d+')
    expect(parsed).toEqual({ pattern: /SEC-\d+/i })
    if (!('pattern' in parsed)) throw new Error('not parsed')
    expect([parsed.pattern.flags, parsed.pattern.test('see sec-12')]).toEqual(['i', true])
  })

  test('/pattern/ keeps its own flags, none: case matters', () => {
    const parsed = parsePattern('/SEC-\\d+/')
    if (!('pattern' in parsed)) throw new Error('not parsed')
    expect([parsed.pattern.source, parsed.pattern.flags]).toEqual(['SEC-\\d+', ''])
    expect([parsed.pattern.test('SEC-12'), parsed.pattern.test('sec-12')]).toEqual([true, false])
  })

  test('/x/im: its source and both flags', () => {
    const parsed = parsePattern('/x/im')
    if (!('pattern' in parsed)) throw new Error('not parsed')
    expect([parsed.pattern.source, parsed.pattern.flags]).toEqual(['x', 'im'])
  })

  test.each([
    ['(', 'Invalid regular expression: /(/i: Unterminated group'],
    ['/(/', 'Invalid regular expression: /(/: Unterminated group'],
    ['/x/q', "Invalid flags supplied to RegExp constructor 'q'"]
  ])('%j is not a regular expression: the engine’s reason', (text, error) => {
    expect(parsePattern(text)).toEqual({ error })
  })
})

describe('hasPolicy', () => {
  test('a pattern, a minimum, both, or neither', () => {
    expect([hasPolicy(TICKET), hasPolicy({ minLength: 1 }), hasPolicy(policyOf('x', 3)), hasPolicy({ minLength: 0 })]).toEqual([true, true, true, false])
  })
})

describe('policyViolations', () => {
  test('a comment that passes: none', () => {
    expect(policyViolations('Tracked in SEC-1234, rotated already', policyOf('SEC-\\d+', 10))).toEqual([])
  })

  test('a comment that does not match: the pattern as the user wrote it', () => {
    expect(policyViolations('no ticket here', TICKET)).toEqual([NO_MATCH])
    expect(policyViolations('SEC-12', policyOf('/sec-\\d+/'))).toEqual(['the comment does not match /sec-\\d+/'])
  })

  test('without the text as written, the pattern’s source', () => {
    expect(policyViolations('nothing', { pattern: /SEC-\d+/i, minLength: 0 })).toEqual([NO_MATCH])
  })

  test.each(['', '   \n\t'])('%j is blank, and only that is said', comment => {
    expect(policyViolations(comment, policyOf('SEC-\\d+', 20))).toEqual([BLANK])
    expect(policyViolations(comment, { minLength: 1 })).toEqual([BLANK])
  })

  test('too short, in characters (code points): three emoji are 3, not 6', () => {
    expect(policyViolations('😀😀😀', { minLength: 4 })).toEqual(['the comment has 3 characters, fewer than the 4 the policy asks for'])
    expect(policyViolations('😀😀😀', { minLength: 3 })).toEqual([])
  })

  test('the length is of the trimmed comment', () => {
    expect(policyViolations('  ab  ', { minLength: 3 })).toEqual(['the comment has 2 characters, fewer than the 3 the policy asks for'])
  })

  test('unicode text: matched case-insensitively and counted in characters', () => {
    const comment = 'Geprüft: SEC-12 ✅'
    expect(policyViolations(comment, policyOf('geprüft: sec-\\d+', 17))).toEqual([])
    expect(policyViolations(comment, policyOf('GEPRÜFT', 18))).toEqual(['the comment has 17 characters, fewer than the 18 the policy asks for'])
  })

  test('both at once: the length, then the pattern', () => {
    expect(policyViolations('later', policyOf('SEC-\\d+', 10))).toEqual(['the comment has 5 characters, fewer than the 10 the policy asks for', NO_MATCH])
  })

  test('no policy: nothing, even for a blank comment', () => {
    expect(policyViolations('', { minLength: 0 })).toEqual([])
  })

  test('a global pattern gives the same answer every time', () => {
    const global = policyOf('/SEC-\\d+/g')
    const answers = [1, 2, 3].map(() => policyViolations('SEC-12', global))
    expect(answers).toEqual([[], [], []])
    expect(global.pattern!.lastIndex).toBe(0)
  })
})

describe('judge', () => {
  test('only open requests are judged', () => {
    const open = bypass(1, { comment: 'later' })
    const closed = bypass(2, { comment: 'later', status: 'denied' })
    const passing = bypass(3, { comment: 'SEC-9' })
    const judged = [open, closed, passing].map(r => judge(r, TICKET))
    expect(judged.map(r => [r.number, r.policy_violations])).toEqual([
      [1, [NO_MATCH]],
      [2, []],
      [3, []]
    ])
    expect(judged[1]).toBe(closed)
    // The records given are left alone.
    expect(open.policy_violations).toEqual([])
  })

  test('a record with problems counts as open and is judged', () => {
    const unreadable = bypass(1, { status: 'weird', comment: null })
    expect(judge(unreadable, TICKET).policy_violations).toEqual([BLANK])
  })

  test('no policy: the record as it is', () => {
    const record = plainRecord({ comment: '' })
    expect(judge(record, { minLength: 0 })).toBe(record)
  })
})

describe('denyMessage', () => {
  const VALUES = { reason: 'the comment is blank', requester: 'monalisa', type: 'secret-scanning-bypass', repository: 'octo-org/smile', number: '5' }

  test('every placeholder, each as often as it is written', () => {
    expect(denyMessage('{type} {repository}#{number} by {requester}: {reason}. Ask again, {requester}.', VALUES)).toBe(
      'secret-scanning-bypass octo-org/smile#5 by monalisa: the comment is blank. Ask again, monalisa.'
    )
  })

  test('a value holding a placeholder or a replacement pattern stays as it is', () => {
    const values = { ...VALUES, requester: '{type}', reason: "the comment does not match $& $1 $' {number}" }
    expect(denyMessage('{requester}: {reason} ({type})', values)).toBe("{type}: the comment does not match $& $1 $' {number} (secret-scanning-bypass)")
  })

  test('unknown placeholders and other braces are left as they are', () => {
    expect(denyMessage('{Reason} {reasons} {} {{type}} {number', VALUES)).toBe('{Reason} {reasons} {} {secret-scanning-bypass} {number')
  })

  test('cut to 2048 characters, an emoji counting as one', () => {
    const message = denyMessage(`${'😀'.repeat(2047)}{number}{reason}`, VALUES)
    expect(Array.from(message)).toHaveLength(2048)
    expect(message).toBe(`${'😀'.repeat(2047)}5`)
    expect(message).toHaveLength(2 * 2047 + 1)
  })

  test('exactly 2048 characters: not cut', () => {
    const template = `${'😀'.repeat(2000)}${'x'.repeat(47)}{number}`
    expect(denyMessage(template, VALUES)).toBe(`${'😀'.repeat(2000)}${'x'.repeat(47)}5`)
  })
})
