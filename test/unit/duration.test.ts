import { describe, expect, test } from '@jest/globals'
import { DURATION_FORMS, humanDuration, parseDuration } from '../../src/duration.js'

const MINUTE = 60_000
const HOUR = 60 * MINUTE
const DAY = 24 * HOUR

describe('parseDuration', () => {
  test.each([
    ['90m', 90 * MINUTE],
    ['36h', 36 * HOUR],
    ['3d', 3 * DAY],
    ['1w', 7 * DAY],
    ['1m', MINUTE],
    ['24h', DAY],
    ['2w', 14 * DAY],
    [' 3d ', 3 * DAY],
    ['999999m', 999_999 * MINUTE]
  ])('%j is %d ms', (text, ms) => {
    expect(parseDuration(text)).toBe(ms)
  })

  test.each(['', '3', 'h', '0h', '0m', '00h', '-1h', '+1h', '1.5d', '3x', '3s', '1y', '3D', '1H', '3 d', '1d12h', 'd3', '1e3m', '1000000m', 'NaN', 'Infinityh', '３d'])(
    '%j is rejected',
    text => {
      expect(parseDuration(text)).toBeUndefined()
    }
  )

  test('the accepted forms are spelled out for messages', () => {
    for (const example of ['90m', '36h', '3d', '1w']) {
      expect(DURATION_FORMS).toContain(example)
      expect(parseDuration(example)).toBeGreaterThan(0)
    }
  })
})

describe('humanDuration', () => {
  test.each([
    [0, '<1m'],
    [59_999, '<1m'],
    [MINUTE, '1m'],
    [7 * MINUTE, '7m'],
    [7 * MINUTE + 59_000, '7m'],
    [HOUR, '1h'],
    [5 * HOUR + 12 * MINUTE, '5h 12m'],
    [23 * HOUR + 59 * MINUTE, '23h 59m'],
    [DAY, '1d'],
    [DAY + 5 * MINUTE, '1d'],
    [DAY + HOUR, '1d 1h'],
    [3 * DAY + 4 * HOUR, '3d 4h'],
    [3 * DAY + 4 * HOUR + 30 * MINUTE, '3d 4h'],
    [10 * DAY, '10d'],
    [400 * DAY + 23 * HOUR, '400d 23h']
  ])('%d ms reads %j', (ms, text) => {
    expect(humanDuration(ms)).toBe(text)
  })

  test.each([
    [-30_000, '<1m'],
    [-7 * MINUTE, '7m'],
    [-(5 * HOUR + 12 * MINUTE), '5h 12m'],
    [-(3 * DAY + 4 * HOUR), '3d 4h']
  ])('negative %d ms reads as its size, %j', (ms, text) => {
    expect(humanDuration(ms)).toBe(text)
  })

  test('parsed durations read back as written', () => {
    for (const [text, read] of [
      ['90m', '1h 30m'],
      ['36h', '1d 12h'],
      ['3d', '3d'],
      ['1w', '7d']
    ] as const) {
      expect(humanDuration(parseDuration(text)!)).toBe(read)
    }
  })
})
