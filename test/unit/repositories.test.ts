import { describe, expect, test } from '@jest/globals'
import { isRepositoryGlob, repositoryFilter, repositoryMatches } from '../../src/repositories.js'

function matches(patterns: string[], fullName: string): boolean {
  return repositoryMatches(repositoryFilter(patterns), fullName)
}

describe('isRepositoryGlob', () => {
  test.each([
    'octo-org/smile',
    'octo-org/api-*',
    '!octo-org/sandbox',
    '*/*',
    'octo-*/web',
    'octo-org/a.b',
    'octo-org/repo_name',
    'octo-org/.github',
    'octo-org/sm?le',
    'Octo-Org/Smile'
  ])('%j is a glob', pattern => {
    expect(isRepositoryGlob(pattern)).toBe(true)
  })

  test.each([
    '',
    'octo-org',
    'api-*',
    'octo-org/',
    '/smile',
    'octo-org/a/b',
    'octo org/smile',
    'octo-org/smi le',
    'octo-org/a;b',
    'octo-org/api$',
    'octo-org/(a|b)',
    'octo-org/[ab]',
    'octo_org/smile',
    '-octo/smile',
    '!',
    '!!octo-org/smile',
    'octo-org/!smile',
    'https://github.com/octo-org/smile'
  ])('%j is not a glob', pattern => {
    expect(isRepositoryGlob(pattern)).toBe(false)
  })
})

describe('repositoryFilter', () => {
  test('splits includes from excludes', () => {
    const filter = repositoryFilter(['octo-org/api-*', '!octo-org/api-legacy', 'octo-org/web', '!octo-org/sandbox'])
    expect(filter.include).toHaveLength(2)
    expect(filter.exclude).toHaveLength(2)
  })

  test('no patterns: empty filter', () => {
    expect(repositoryFilter([])).toEqual({ include: [], exclude: [] })
  })
})

describe('repositoryMatches', () => {
  test('no patterns: everything matches', () => {
    expect(matches([], 'octo-org/smile')).toBe(true)
    expect(matches([], 'anyone/anything')).toBe(true)
  })

  test('includes: only matching repositories', () => {
    const patterns = ['octo-org/api-*', 'octo-org/web']
    expect(matches(patterns, 'octo-org/api-gateway')).toBe(true)
    expect(matches(patterns, 'octo-org/api-')).toBe(true)
    expect(matches(patterns, 'octo-org/web')).toBe(true)
    expect(matches(patterns, 'octo-org/web2')).toBe(false)
    expect(matches(patterns, 'octo-org/smile')).toBe(false)
    expect(matches(patterns, 'other-org/api-gateway')).toBe(false)
    expect(matches(patterns, 'octo-org/my-api-gateway')).toBe(false)
  })

  test('excludes win over includes', () => {
    const patterns = ['octo-org/api-*', '!octo-org/api-legacy']
    expect(matches(patterns, 'octo-org/api-gateway')).toBe(true)
    expect(matches(patterns, 'octo-org/api-legacy')).toBe(false)
    expect(matches(['!octo-org/api-legacy', 'octo-org/api-*'], 'octo-org/api-legacy')).toBe(false)
  })

  test('only excludes: everything else matches', () => {
    const patterns = ['!octo-org/sandbox', '!octo-org/tmp-*']
    expect(matches(patterns, 'octo-org/smile')).toBe(true)
    expect(matches(patterns, 'other-org/sandbox')).toBe(true)
    expect(matches(patterns, 'octo-org/sandbox')).toBe(false)
    expect(matches(patterns, 'octo-org/tmp-1')).toBe(false)
  })

  test('names compare case-insensitively', () => {
    expect(matches(['Octo-Org/API-*'], 'octo-org/api-gateway')).toBe(true)
    expect(matches(['octo-org/api-*'], 'OCTO-ORG/Api-Gateway')).toBe(true)
    expect(matches(['!OCTO-ORG/SANDBOX'], 'octo-org/sandbox')).toBe(false)
  })

  test('? stands for exactly one character', () => {
    const patterns = ['octo-org/sm?le']
    expect(matches(patterns, 'octo-org/smile')).toBe(true)
    expect(matches(patterns, 'octo-org/smale')).toBe(true)
    expect(matches(patterns, 'octo-org/smle')).toBe(false)
    expect(matches(patterns, 'octo-org/smiile')).toBe(false)
  })

  test('. in a pattern is a literal dot', () => {
    expect(matches(['octo-org/a.b'], 'octo-org/a.b')).toBe(true)
    expect(matches(['octo-org/a.b'], 'octo-org/axb')).toBe(false)
    expect(matches(['octo-org/*.js'], 'octo-org/lib.js')).toBe(true)
    expect(matches(['octo-org/*.js'], 'octo-org/libxjs')).toBe(false)
  })

  test('* and ? do not cross /', () => {
    expect(matches(['octo-org/*'], 'octo-org/smile')).toBe(true)
    expect(matches(['octo-org/*'], 'octo-org/smile/extra')).toBe(false)
    expect(matches(['*/smile'], 'octo-org/smile')).toBe(true)
    expect(matches(['*/smile'], 'a/b/smile')).toBe(false)
    expect(matches(['octo-*/smile'], 'octo-org/x/smile')).toBe(false)
    expect(matches(['octo-org/a?b'], 'octo-org/a/b')).toBe(false)
    expect(matches(['octo-org/a?b'], 'octo-org/a-b')).toBe(true)
    expect(matches(['*/*'], 'octo-org/smile')).toBe(true)
    expect(matches(['*/*'], 'octo-org')).toBe(false)
  })

  test('a pattern matches the whole name, not a part of it', () => {
    expect(matches(['octo-org/smile'], 'octo-org/smile-2')).toBe(false)
    expect(matches(['octo-org/smile'], 'xocto-org/smile')).toBe(false)
  })
})
