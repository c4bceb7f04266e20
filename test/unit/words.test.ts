import { describe, expect, test } from '@jest/globals'
import { plural } from '../../src/words.js'

describe('plural', () => {
  test.each([
    [0, '0 requests'],
    [1, '1 request'],
    [2, '2 requests'],
    [1000, '1000 requests']
  ])('%d → %s', (count, text) => {
    expect(plural(count, 'request')).toBe(text)
  })

  test('a plural form given: used for every count but 1', () => {
    expect(plural(0, 'more open request is', 'more open requests are')).toBe('0 more open requests are')
    expect(plural(1, 'more open request is', 'more open requests are')).toBe('1 more open request is')
    expect(plural(2, 'more open request is', 'more open requests are')).toBe('2 more open requests are')
  })
})
