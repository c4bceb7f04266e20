import { describe, expect, test } from '@jest/globals'
import { InputError, readInputs, readSettings, type Settings } from '../../src/inputs.js'
import { repositoryMatches } from '../../src/repositories.js'

const ENV = { GITHUB_REPOSITORY: 'o/r' }
const ALL_REPOSITORY_TYPES = ['secret-scanning-bypass', 'push-ruleset-bypass', 'secret-scanning-dismissal', 'code-scanning-dismissal', 'dependabot-dismissal']
const ENTERPRISE_TYPES = ['secret-scanning-bypass', 'push-ruleset-bypass', 'secret-scanning-dismissal']

/** An input reader over a plain object: a missing input reads as '' (as the runner gives it). */
function reader(values: Record<string, string>): (name: string) => string {
  return name => values[name] ?? ''
}

function settings(values: Record<string, string> = {}, env: NodeJS.ProcessEnv = ENV): Settings {
  return readSettings(reader({ token: 'test-token-value', ...values }), env)
}

function inputError(values: Record<string, string>, env: NodeJS.ProcessEnv = ENV): InputError {
  let thrown: unknown
  try {
    readSettings(reader({ token: 'test-token-value', ...values }), env)
  } catch (error) {
    thrown = error
  }
  if (thrown === undefined) throw new Error(`readSettings accepted ${JSON.stringify(values)}`)
  expect(thrown).toBeInstanceOf(InputError)
  return thrown as InputError
}

describe('defaults', () => {
  test('an empty configuration at repository scope', () => {
    const s = settings()
    expect(s.scope).toBe('repository')
    expect(s.listPrefix).toBe('repos/o/r')
    expect(s.scopeName).toBe('o/r')
    expect(s.repository).toEqual({ owner: 'o', name: 'r' })
    expect(s.types.map(t => t.type.id)).toEqual(ALL_REPOSITORY_TYPES)
    expect(s.types.every(t => !t.explicit)).toBe(true)
    expect(s.requestStatus).toBe('open')
    expect(s.timePeriod).toBe('month')
    expect(s.staleAfter).toBe('24h')
    expect(s.staleAfterMs).toBe(24 * 3_600_000)
    expect(s.expiringWithin).toBe('24h')
    expect(s.expiringWithinMs).toBe(24 * 3_600_000)
    expect(s.metrics).toBe(false)
    expect(s.failOn).toBe('stale')
    expect(s.maxConcurrency).toBe(4)
    expect(s.maxReviews).toBe(20)
    expect(s.apiUrl).toBe('https://api.github.com')
    expect(s.annotations).toBe(true)
    expect(s.jobSummary).toBe(true)
    expect(s.review).toBe('none')
    expect(s.reviewMessage).toBe('')
    expect(s.reviewTargets).toEqual([])
    expect(s.dryRun).toBe(false)
    expect(s.branch).toBeUndefined()
    expect(s.requester).toBeUndefined()
    expect(s.reviewer).toBeUndefined()
    expect(s.repositoryName).toBeUndefined()
    expect(s.organizationName).toBeUndefined()
    expect(s.repositories).toEqual({ include: [], exclude: [] })
    expect(s.token).toBe('test-token-value')
  })

  test('request-types "all" names no type explicitly and lists the five types at repository scope', () => {
    const s = settings({ 'request-types': 'all' })
    expect(s.types.map(t => t.type.id)).toEqual(ALL_REPOSITORY_TYPES)
    expect(s.types.map(t => t.explicit)).toEqual([false, false, false, false, false])
  })

  test('repository falls back to GITHUB_REPOSITORY, and the input wins over it', () => {
    expect(settings({}, { GITHUB_REPOSITORY: 'octo-org/smile' }).listPrefix).toBe('repos/octo-org/smile')
    const s = settings({ repository: 'octo-org/api.v2' }, { GITHUB_REPOSITORY: 'octo-org/smile' })
    expect(s.repository).toEqual({ owner: 'octo-org', name: 'api.v2' })
    expect(s.listPrefix).toBe('repos/octo-org/api.v2')
  })

  test('repository scope without any repository is an error', () => {
    const error = inputError({}, {})
    expect(error.problems).toHaveLength(1)
    expect(error.message).toContain('"repository"')
  })

  test('api-url falls back to GITHUB_API_URL and loses its trailing slash', () => {
    expect(settings({}, { ...ENV, GITHUB_API_URL: 'https://ghe.example.com/api/v3/' }).apiUrl).toBe('https://ghe.example.com/api/v3')
    expect(settings({}, { ...ENV, GITHUB_API_URL: 'https://api.example.ghe.com' }).apiUrl).toBe('https://api.example.ghe.com')
    expect(settings({ 'api-url': 'https://ghe.internal/api/v3//' }, { ...ENV, GITHUB_API_URL: 'https://other.example' }).apiUrl).toBe('https://ghe.internal/api/v3')
  })

  test('organization scope defaults the organization to the repository owner', () => {
    const s = settings({ scope: 'organization' }, { GITHUB_REPOSITORY: 'octo-org/smile' })
    expect(s.listPrefix).toBe('orgs/octo-org')
    expect(s.scopeName).toBe('octo-org')
    expect(settings({ scope: 'organization', repository: 'acme/web' }).listPrefix).toBe('orgs/acme')
    expect(settings({ scope: 'organization', organization: 'other-org' }).listPrefix).toBe('orgs/other-org')
  })

  test('organization scope accepts repository-name', () => {
    expect(settings({ scope: 'organization', 'repository-name': 'smile' }).repositoryName).toBe('smile')
  })

  test('enterprise scope: all expands to the three types GitHub lists for an enterprise', () => {
    const s = settings({ scope: 'enterprise', enterprise: 'octo-ent' })
    expect(s.listPrefix).toBe('enterprises/octo-ent')
    expect(s.scopeName).toBe('octo-ent')
    expect(s.types.map(t => t.type.id)).toEqual(ENTERPRISE_TYPES)
    expect(s.types.map(t => t.explicit)).toEqual([false, false, false])
    expect(settings({ scope: 'enterprise', enterprise: 'octo-ent', 'organization-name': 'octo-org' }).organizationName).toBe('octo-org')
  })

  test('enterprise scope: named types are explicit, in the order written', () => {
    const s = settings({ scope: 'enterprise', enterprise: 'octo-ent', 'request-types': 'secret-scanning-dismissal, push-ruleset-bypass' })
    expect(s.types.map(t => [t.type.id, t.explicit])).toEqual([
      ['secret-scanning-dismissal', true],
      ['push-ruleset-bypass', true]
    ])
  })

  test('lists accept commas and newlines and drop empty items', () => {
    const s = settings({
      'request-types': 'secret-scanning-bypass,\ncode-scanning-dismissal\n\n, dependabot-dismissal,',
      repositories: 'octo-org/api-*, !octo-org/api-legacy\nocto-org/web\n'
    })
    expect(s.types.map(t => t.type.id)).toEqual(['secret-scanning-bypass', 'code-scanning-dismissal', 'dependabot-dismissal'])
    expect(s.types.every(t => t.explicit)).toBe(true)
    expect(s.repositories.include).toHaveLength(2)
    expect(s.repositories.exclude).toHaveLength(1)
    expect(repositoryMatches(s.repositories, 'octo-org/api-gateway')).toBe(true)
    expect(repositoryMatches(s.repositories, 'octo-org/web')).toBe(true)
    expect(repositoryMatches(s.repositories, 'octo-org/api-legacy')).toBe(false)
    expect(repositoryMatches(s.repositories, 'octo-org/smile')).toBe(false)
  })

  test('a type named twice is selected once', () => {
    expect(settings({ 'request-types': 'push-ruleset-bypass,push-ruleset-bypass' }).types).toHaveLength(1)
  })

  test.each([
    ['main', 'refs/heads/main'],
    ['refs/heads/main', 'refs/heads/main'],
    ['feature/login-form', 'refs/heads/feature/login-form'],
    ['refs/heads/release/1.0', 'refs/heads/release/1.0']
  ])('branch %s is normalized to %s', (input, expected) => {
    expect(settings({ branch: input }).branch).toBe(expected)
  })

  test('review targets in both forms', () => {
    const s = settings({
      review: 'approve',
      'review-message': 'Reviewed by the security team',
      'review-targets': 'octo-org/smile#4\nsecret-scanning-bypass:octo-org/api.v2#12, dependabot-dismissal:acme/web#9999999999'
    })
    expect(s.review).toBe('approve')
    expect(s.reviewMessage).toBe('Reviewed by the security team')
    expect(s.reviewTargets).toEqual([
      { typeId: undefined, repository: 'octo-org/smile', number: 4, text: 'octo-org/smile#4' },
      { typeId: 'secret-scanning-bypass', repository: 'octo-org/api.v2', number: 12, text: 'secret-scanning-bypass:octo-org/api.v2#12' },
      { typeId: 'dependabot-dismissal', repository: 'acme/web', number: 9999999999, text: 'dependabot-dismissal:acme/web#9999999999' }
    ])
  })

  test('a review message of exactly 2048 characters is accepted (counted in characters, not UTF-16 units)', () => {
    expect(settings({ review: 'deny', 'review-message': 'm'.repeat(2048), 'review-targets': 'all' }).reviewMessage).toHaveLength(2048)
    const astral = '😀'.repeat(2048)
    expect(settings({ review: 'deny', 'review-message': astral, 'review-targets': 'all' }).reviewMessage).toBe(astral)
  })

  test('other values are parsed', () => {
    const s = settings({
      'request-status': 'all',
      'time-period': 'week',
      requester: 'octocat',
      reviewer: 'dependabot[bot]',
      'stale-after': '90m',
      'expiring-within': '3d',
      'fail-on': 'never',
      metrics: 'TRUE',
      annotations: 'false',
      'job-summary': 'FALSE',
      'dry-run': 'True',
      'max-concurrency': '10',
      'max-reviews': '1000'
    })
    expect(s.requestStatus).toBe('all')
    expect(s.timePeriod).toBe('week')
    expect(s.requester).toBe('octocat')
    expect(s.reviewer).toBe('dependabot[bot]')
    expect(s.staleAfterMs).toBe(90 * 60_000)
    expect(s.staleAfter).toBe('90m')
    expect(s.expiringWithinMs).toBe(3 * 24 * 3_600_000)
    expect(s.expiringWithin).toBe('3d')
    expect(s.failOn).toBe('never')
    expect(s.metrics).toBe(true)
    expect(s.annotations).toBe(false)
    expect(s.jobSummary).toBe(false)
    expect(s.dryRun).toBe(true)
    expect(s.maxConcurrency).toBe(10)
    expect(s.maxReviews).toBe(1000)
  })
})

const LONG_MESSAGE = 'Approved after triage by the AppSec team. '.repeat(60).slice(0, 2049)

interface BadCase {
  name: string
  inputs: Record<string, string>
  /** The input the message must name. */
  input: string
  /** The bad value as the message shows it. */
  value: string
  /** A fragment of what the message says is accepted. */
  accepted: string
}

const BAD: BadCase[] = [
  { name: 'unknown scope', inputs: { scope: 'galaxy' }, input: 'scope', value: '"galaxy"', accepted: 'repository, organization, enterprise' },
  { name: 'enterprise scope without enterprise', inputs: { scope: 'enterprise' }, input: 'enterprise', value: 'is empty', accepted: 'enterprise slug' },
  {
    name: 'code-scanning-dismissal at enterprise scope',
    inputs: { scope: 'enterprise', enterprise: 'octo-ent', 'request-types': 'code-scanning-dismissal' },
    input: 'request-types',
    value: '"code-scanning-dismissal"',
    accepted: 'secret-scanning-bypass, push-ruleset-bypass, secret-scanning-dismissal'
  },
  {
    name: 'dependabot-dismissal at enterprise scope',
    inputs: { scope: 'enterprise', enterprise: 'octo-ent', 'request-types': 'secret-scanning-bypass, dependabot-dismissal' },
    input: 'request-types',
    value: '"dependabot-dismissal"',
    accepted: 'secret-scanning-bypass, push-ruleset-bypass, secret-scanning-dismissal'
  },
  {
    name: 'unknown request type',
    inputs: { 'request-types': 'secret-scanning-bypas' },
    input: 'request-types',
    value: '"secret-scanning-bypas"',
    accepted: 'secret-scanning-bypass, push-ruleset-bypass, secret-scanning-dismissal, code-scanning-dismissal, dependabot-dismissal'
  },
  {
    name: 'all mixed with a type',
    inputs: { 'request-types': 'all, push-ruleset-bypass' },
    input: 'request-types',
    value: '"all, push-ruleset-bypass"',
    accepted: 'all stands alone'
  },
  {
    name: 'request-types with no type',
    inputs: { 'request-types': ' , ' },
    input: 'request-types',
    value: '","',
    accepted: 'at least one request type'
  },
  {
    name: 'unknown request-status',
    inputs: { 'request-status': 'pending' },
    input: 'request-status',
    value: '"pending"',
    accepted: 'open, approved, denied, expired, cancelled, completed, all'
  },
  { name: 'unknown time-period', inputs: { 'time-period': 'year' }, input: 'time-period', value: '"year"', accepted: 'hour, day, week, month' },
  { name: 'requester with a space', inputs: { requester: 'octo cat' }, input: 'requester', value: '"octo cat"', accepted: 'GitHub login' },
  { name: 'requester of 40 characters', inputs: { requester: 'a'.repeat(40) }, input: 'requester', value: `"${'a'.repeat(40)}"`, accepted: 'at most 39' },
  { name: 'reviewer with a bad character', inputs: { reviewer: 'octo_cat' }, input: 'reviewer', value: '"octo_cat"', accepted: 'GitHub login' },
  {
    name: 'repository-name at repository scope',
    inputs: { 'repository-name': 'smile' },
    input: 'repository-name',
    value: '"smile"',
    accepted: 'scope: organization'
  },
  {
    name: 'repository-name with an owner at organization scope',
    inputs: { scope: 'organization', 'repository-name': 'octo-org/smile' },
    input: 'repository-name',
    value: '"octo-org/smile"',
    accepted: 'without its owner'
  },
  {
    name: 'organization-name at organization scope',
    inputs: { scope: 'organization', 'organization-name': 'octo-org' },
    input: 'organization-name',
    value: '"octo-org"',
    accepted: 'scope: enterprise'
  },
  { name: 'repository without a slash', inputs: { repository: 'smile' }, input: 'repository', value: '"smile"', accepted: 'owner/name' },
  { name: 'repository with two slashes', inputs: { repository: 'octo-org/smile/x' }, input: 'repository', value: '"octo-org/smile/x"', accepted: 'owner/name' },
  {
    name: 'organization with an underscore',
    inputs: { scope: 'organization', organization: 'octo_org' },
    input: 'organization',
    value: '"octo_org"',
    accepted: 'organization login'
  },
  {
    name: 'enterprise with a space',
    inputs: { scope: 'enterprise', enterprise: 'octo ent' },
    input: 'enterprise',
    value: '"octo ent"',
    accepted: 'enterprise slug'
  },
  {
    name: 'repositories glob without a slash',
    inputs: { repositories: 'octo-org/web, api-*' },
    input: 'repositories',
    value: '"api-*"',
    accepted: 'octo-org/api-*'
  },
  {
    name: 'repositories glob with bad characters',
    inputs: { repositories: 'octo-org/api$(id)' },
    input: 'repositories',
    value: '"octo-org/api$(id)"',
    accepted: 'owner/name globs'
  },
  { name: 'branch a..b', inputs: { branch: 'a..b' }, input: 'branch', value: '"a..b"', accepted: 'branch name such as main' },
  { name: 'branch with a space', inputs: { branch: 'with space' }, input: 'branch', value: '"with space"', accepted: 'branch name such as main' },
  { name: 'branch refs/heads/ alone', inputs: { branch: 'refs/heads/' }, input: 'branch', value: '"refs/heads/"', accepted: 'branch name such as main' },
  { name: 'branch ending in .lock', inputs: { branch: 'x.lock' }, input: 'branch', value: '"x.lock"', accepted: 'branch name such as main' },
  { name: 'stale-after 3x', inputs: { 'stale-after': '3x' }, input: 'stale-after', value: '"3x"', accepted: '90m, 36h, 3d, 1w' },
  { name: 'stale-after 0h', inputs: { 'stale-after': '0h' }, input: 'stale-after', value: '"0h"', accepted: '90m, 36h, 3d, 1w' },
  { name: 'stale-after 1.5d', inputs: { 'stale-after': '1.5d' }, input: 'stale-after', value: '"1.5d"', accepted: '90m, 36h, 3d, 1w' },
  { name: 'stale-after -1h', inputs: { 'stale-after': '-1h' }, input: 'stale-after', value: '"-1h"', accepted: '90m, 36h, 3d, 1w' },
  { name: 'expiring-within 2x', inputs: { 'expiring-within': '2x' }, input: 'expiring-within', value: '"2x"', accepted: '90m, 36h, 3d, 1w' },
  { name: 'expiring-within 0m', inputs: { 'expiring-within': '0m' }, input: 'expiring-within', value: '"0m"', accepted: '90m, 36h, 3d, 1w' },
  { name: 'expiring-within 12', inputs: { 'expiring-within': '12' }, input: 'expiring-within', value: '"12"', accepted: '90m, 36h, 3d, 1w' },
  { name: 'expiring-within 1d 12h', inputs: { 'expiring-within': '1d 12h' }, input: 'expiring-within', value: '"1d 12h"', accepted: '90m, 36h, 3d, 1w' },
  { name: 'metrics yes', inputs: { metrics: 'yes' }, input: 'metrics', value: '"yes"', accepted: 'true or false' },
  { name: 'unknown fail-on', inputs: { 'fail-on': 'always' }, input: 'fail-on', value: '"always"', accepted: 'open, stale, expiring, never' },
  { name: 'annotations yes', inputs: { annotations: 'yes' }, input: 'annotations', value: '"yes"', accepted: 'true or false' },
  { name: 'dry-run 1', inputs: { 'dry-run': '1' }, input: 'dry-run', value: '"1"', accepted: 'true or false' },
  { name: 'max-concurrency 0', inputs: { 'max-concurrency': '0' }, input: 'max-concurrency', value: '"0"', accepted: 'from 1 to 10' },
  { name: 'max-concurrency 11', inputs: { 'max-concurrency': '11' }, input: 'max-concurrency', value: '"11"', accepted: 'from 1 to 10' },
  { name: 'max-concurrency four', inputs: { 'max-concurrency': 'four' }, input: 'max-concurrency', value: '"four"', accepted: 'from 1 to 10' },
  { name: 'max-reviews 0', inputs: { 'max-reviews': '0' }, input: 'max-reviews', value: '"0"', accepted: 'from 1 to 1000' },
  { name: 'unknown review', inputs: { review: 'reject' }, input: 'review', value: '"reject"', accepted: 'none, approve, deny, dismiss-response' },
  {
    name: 'review approve without review-message',
    inputs: { review: 'approve', 'review-targets': 'all' },
    input: 'review-message',
    value: 'is empty',
    accepted: '1 to 2048 characters'
  },
  {
    name: 'review-message of 2049 characters',
    inputs: { review: 'approve', 'review-message': LONG_MESSAGE, 'review-targets': 'all' },
    input: 'review-message',
    value: LONG_MESSAGE.slice(0, 40),
    accepted: 'at most 2048 characters, got 2049'
  },
  {
    name: 'review-targets without a number',
    inputs: { review: 'approve', 'review-message': 'ok', 'review-targets': 'octo-org/smile' },
    input: 'review-targets',
    value: '"octo-org/smile"',
    accepted: 'owner/repo#number'
  },
  {
    name: 'review-targets without an owner',
    inputs: { review: 'approve', 'review-message': 'ok', 'review-targets': 'octo-org/api#1, smile#4' },
    input: 'review-targets',
    value: '"smile#4"',
    accepted: 'owner/repo#number'
  },
  {
    name: 'review-targets with an unknown type',
    inputs: { review: 'deny', 'review-message': 'no', 'review-targets': 'foo:octo-org/smile#4' },
    input: 'review-targets',
    value: '"foo:octo-org/smile#4"',
    accepted: 'type:owner/repo#number'
  },
  {
    name: 'review-targets with review none',
    inputs: { 'review-targets': 'octo-org/smile#4' },
    input: 'review-targets',
    value: 'none',
    accepted: 'approve, deny or dismiss-response'
  },
  {
    name: 'require-comment-pattern that is no regular expression',
    inputs: { 'require-comment-pattern': 'SEC-(\\d+' },
    input: 'require-comment-pattern',
    value: '"SEC-(\\d+"',
    accepted: 'expected a regular expression (Invalid regular expression: /SEC-(\\d+/i: Unterminated group)'
  },
  { name: 'min-comment-length -1', inputs: { 'min-comment-length': '-1' }, input: 'min-comment-length', value: '"-1"', accepted: 'from 0 to 65535' },
  { name: 'min-comment-length 65536', inputs: { 'min-comment-length': '65536' }, input: 'min-comment-length', value: '"65536"', accepted: 'from 0 to 65535' },
  { name: 'min-comment-length 2.5', inputs: { 'min-comment-length': '2.5' }, input: 'min-comment-length', value: '"2.5"', accepted: 'from 0 to 65535' },
  { name: 'unknown policy-action', inputs: { 'policy-action': 'reject' }, input: 'policy-action', value: '"reject"', accepted: 'expected one of report, deny' },
  { name: 'include-alerts yes', inputs: { 'include-alerts': 'yes' }, input: 'include-alerts', value: '"yes"', accepted: 'true or false' },
  { name: 'empty token', inputs: { token: '' }, input: 'token', value: 'is empty', accepted: 'pass a token' },
  { name: 'api-url ftp://x', inputs: { 'api-url': 'ftp://x' }, input: 'api-url', value: '"ftp://x"', accepted: 'http(s) URL' },
  { name: 'api-url that is no URL', inputs: { 'api-url': 'api.github.com' }, input: 'api-url', value: '"api.github.com"', accepted: 'http(s) URL' }
]

describe('expiring-within and fail-on expiring', () => {
  test.each([
    ['90m', 90 * 60_000],
    ['36h', 36 * 3_600_000],
    ['1w', 7 * 24 * 3_600_000],
    ['2d', 2 * 24 * 3_600_000]
  ])('expiring-within %j → %d ms', (text, ms) => {
    const s = settings({ 'expiring-within': text })
    expect(s.expiringWithinMs).toBe(ms)
    expect(s.expiringWithin).toBe(text)
  })

  test('independent of stale-after', () => {
    const s = settings({ 'stale-after': '3d', 'expiring-within': '6h' })
    expect([s.staleAfterMs, s.expiringWithinMs]).toEqual([3 * 24 * 3_600_000, 6 * 3_600_000])
  })

  test('fail-on expiring is accepted', () => {
    expect(settings({ 'fail-on': 'expiring' }).failOn).toBe('expiring')
  })

  test.each([
    ['true', true],
    ['false', false],
    ['True', true]
  ])('metrics %j → %s', (text, value) => {
    expect(settings({ metrics: text }).metrics).toBe(value)
  })
})

describe('bad inputs', () => {
  test('the table has at least 20 cases', () => {
    expect(BAD.length).toBeGreaterThanOrEqual(20)
  })

  test.each(BAD)('$name', ({ inputs, input, value, accepted }) => {
    const error = inputError(inputs)
    expect(error.problems).toHaveLength(1)
    const problem = error.problems[0]!
    expect(problem).toContain(`"${input}"`)
    expect(problem).toContain(value)
    expect(problem).toContain(accepted)
    expect(error.message).toContain(problem)
  })

  test('"all" mixed with a type: the message says all must stand alone instead of contradicting itself', () => {
    const problem = inputError({ 'request-types': 'all, push-ruleset-bypass' }).problems[0]!
    // "has the value "all": expected all or a list of …" rejects the value it names as accepted.
    expect(problem).toMatch(/alone|on its own|by itself|cannot be combined|not with other/i)
  })

  test('several bad inputs are reported together', () => {
    const error = inputError({
      scope: 'galaxy',
      'time-period': 'year',
      branch: 'a..b',
      'stale-after': '3x',
      'fail-on': 'always',
      'max-reviews': '0',
      review: 'approve',
      'review-targets': 'all'
    })
    expect(error.problems).toHaveLength(7)
    expect(error.message).toMatch(/^7 invalid inputs: /)
    for (const input of ['scope', 'time-period', 'branch', 'stale-after', 'fail-on', 'max-reviews', 'review-message']) {
      expect(error.problems.filter(p => p.includes(`"${input}"`))).toHaveLength(1)
    }
  })

  test('one bad input: the message says "1 invalid input"', () => {
    expect(inputError({ 'fail-on': 'sometimes' }).message).toMatch(/^1 invalid input: Input "fail-on"/)
  })

  const TOKENS: [string, string, string][] = [
    ['scope', 'ghp_', 'ghp_' + 'a1B2c3D4e5F6g7H8i9J0'.repeat(2).slice(0, 36)],
    ['requester', 'github_pat_', 'github_pat_11ABCDEFG0123456789_abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789abcd'],
    ['branch', 'AKIA', 'feature/AKIAIOSFODNN7EXAMPLE x'],
    ['time-period', 'xoxb-', 'xoxb-123456789012-1234567890123-AbCdEfGhIjKlMnOpQrStUvWx']
  ]
  test.each(TOKENS)('a %s input holding a %s token does not show it in the message', (input, _shape, value) => {
    const error = inputError({ [input]: value })
    expect(error.problems).toHaveLength(1)
    expect(error.message).toContain(`"${input}"`)
    expect(error.message).toContain('[redacted]')
    const secret = value.replace(/^feature\/| x$/g, '')
    for (const shown of [error.message, ...error.problems]) {
      expect(shown).not.toContain(secret)
      expect(shown).not.toContain(secret.slice(-12))
    }
  })

  test('a token cut by the excerpt of a too-long review-message does not leak its first characters', () => {
    const token = 'ghp_' + 'Zq8Xw7Vu6Ts5Rp4On3Ml2Kj1Ih0Gf9Ed8Cb7A'.slice(0, 36)
    // 21 characters of text, then the token: the 40-character excerpt ends 15 characters into the token.
    const message = `${'Rotated already, see '}${token} ${'x'.repeat(2100)}`
    const error = inputError({ review: 'approve', 'review-message': message, 'review-targets': 'all' })
    expect(error.problems).toHaveLength(1)
    expect(error.message).toContain('"review-message"')
    expect(error.message).not.toContain(token.slice(0, 12))
    expect(error.message).not.toContain(token.slice(4, 16))
  })
})

describe('the justification policy and include-alerts', () => {
  const NO_POLICY = 'Input "policy-action" is deny but no policy is set: give require-comment-pattern or min-comment-length.'
  const NO_MESSAGE = 'Input "deny-message" is empty: policy-action deny needs the message its denials are sent with.'
  const DENY = { 'policy-action': 'deny', 'min-comment-length': '10', 'deny-message': 'Denied: {reason}' }

  test('by default: no policy, report, no deny message, no alerts', () => {
    const s = settings()
    expect([s.policy, s.policyAction, s.denyMessage, s.includeAlerts]).toEqual([{ minLength: 0 }, 'report', '', false])
  })

  test('a plain pattern is kept as written and matched case-insensitively', () => {
    const { policy } = settings({ 'require-comment-pattern': 'SEC-\\d+' })
    expect(policy).toEqual({ patternText: 'SEC-\\d+', pattern: /SEC-\d+/i, minLength: 0 })
  })

  test('/pattern/flags keeps its own flags', () => {
    expect(settings({ 'require-comment-pattern': '/^SEC-\\d+$/m' }).policy.pattern).toEqual(/^SEC-\d+$/m)
  })

  test.each([
    ['0', 0],
    ['1', 1],
    ['65535', 65_535]
  ])('min-comment-length %j → %d', (text, minLength) => {
    expect(settings({ 'min-comment-length': text }).policy).toEqual({ minLength })
  })

  test('an invalid pattern: one problem naming the input, its value and the engine’s reason', () => {
    expect(inputError({ 'require-comment-pattern': '[z-a]' }).problems).toEqual([
      'Input "require-comment-pattern" has the value "[z-a]": expected a regular expression ' +
        '(Invalid regular expression: /[z-a]/i: Range out of order in character class).'
    ])
  })

  test.each(['report', 'deny'])('policy-action %s is accepted', action => {
    expect(settings({ ...DENY, 'policy-action': action }).policyAction).toBe(action)
  })

  test('policy-action deny with a policy and a message: the message as written', () => {
    const s = settings({ ...DENY, 'require-comment-pattern': 'SEC-\\d+' })
    expect([s.policyAction, s.denyMessage, s.policy.minLength, s.policy.patternText, s.review]).toEqual(['deny', 'Denied: {reason}', 10, 'SEC-\\d+', 'none'])
  })

  test('policy-action deny without a policy', () => {
    expect(inputError({ ...DENY, 'min-comment-length': '' }).problems).toEqual([NO_POLICY])
  })

  test.each(['', '  \n '])('policy-action deny with deny-message %j', message => {
    expect(inputError({ ...DENY, 'deny-message': message }).problems).toEqual([NO_MESSAGE])
  })

  test.each(['approve', 'deny', 'dismiss-response'])('policy-action deny with review %s', review => {
    expect(inputError({ ...DENY, review, 'review-message': 'ok', 'review-targets': 'all' }).problems).toEqual([
      `Inputs "policy-action" (deny) and "review" (${review}) are both set: use one or the other in a run.`
    ])
  })

  test('policy-action deny with nothing else: every problem, together', () => {
    expect(inputError({ 'policy-action': 'deny', review: 'approve', 'review-message': 'ok', 'review-targets': 'all' }).problems).toEqual([
      'Inputs "policy-action" (deny) and "review" (approve) are both set: use one or the other in a run.',
      NO_POLICY,
      NO_MESSAGE
    ])
  })

  test('policy-action report needs no deny message and goes with any review', () => {
    const s = settings({ 'min-comment-length': '10', review: 'approve', 'review-message': 'ok', 'review-targets': 'all' })
    expect([s.policyAction, s.denyMessage, s.review]).toEqual(['report', '', 'approve'])
  })

  test.each([
    ['true', true],
    ['TRUE', true],
    ['false', false],
    ['', false]
  ])('include-alerts %j → %s', (text, value) => {
    expect(settings({ 'include-alerts': text }).includeAlerts).toBe(value)
  })
})

describe('review-targets', () => {
  const review = (more: Record<string, string>) => ({ review: 'approve', 'review-message': 'ok', ...more })

  test.each(['all', ' all ', 'all\n', '\nall,'])('%j: every matched request', targets => {
    expect(settings(review({ 'review-targets': targets })).reviewTargets).toBe('all')
  })

  test.each(['approve', 'deny', 'dismiss-response'])('review %s without targets is an input error that says how to name them', verb => {
    const error = inputError({ review: verb, 'review-message': 'ok' })
    expect(error.problems).toEqual([
      `Input "review-targets" is empty but "review" is ${verb}: name the requests to review (owner/repo#number or type:owner/repo#number), ` +
        'or write all to review every open request that matched.'
    ])
  })

  test('all mixed with targets is an input error', () => {
    const error = inputError(review({ 'review-targets': 'all, octo-org/smile#4' }))
    expect(error.problems).toEqual([
      'Input "review-targets" has the value "all, octo-org/smile#4": all stands alone: write all by itself, or name the targets without it.'
    ])
  })

  test('all with review none is an input error', () => {
    const error = inputError({ 'review-targets': 'all' })
    expect(error.problems).toEqual(['Input "review-targets" is all but "review" is none: say approve, deny or dismiss-response, or remove the targets.'])
  })

  test('review none without targets: no targets, no error', () => {
    expect(settings({ review: 'none' }).reviewTargets).toEqual([])
  })

  test('a target that is not all or owner/repo#number says all is accepted too', () => {
    expect(inputError(review({ 'review-targets': 'everything' })).problems).toEqual([
      'Input "review-targets" has the value "everything": expected all, owner/repo#number or type:owner/repo#number with type one of ' +
        'secret-scanning-bypass, push-ruleset-bypass, secret-scanning-dismissal, code-scanning-dismissal, dependabot-dismissal.'
    ])
  })
})

describe('branch: a ref that is not a branch', () => {
  test.each(['refs/pull/12/merge', 'refs/pull/12/head', 'refs/tags/v1.0', 'refs/remotes/origin/main', 'refs/notes/commits'])(
    '%s is refused, pointing to github.head_ref',
    ref => {
      const error = inputError({ branch: ref })
      expect(error.problems).toEqual([
        `Input "branch" has the value "${ref}": expected a branch, not a pull request or tag ref: on pull_request use \${{ github.head_ref }}, elsewhere the branch name.`
      ])
    }
  )

  test('a branch whose name merely contains pull or tags is a branch', () => {
    expect(settings({ branch: 'refs/heads/refs/pull/1' }).branch).toBe('refs/heads/refs/pull/1')
    expect(settings({ branch: 'tags/v1' }).branch).toBe('refs/heads/tags/v1')
  })
})

describe('readInputs: the token masked first, the step failed on bad inputs', () => {
  /** Inputs that need nothing from the environment. */
  const VALID = { token: 'test-token-value', repository: 'o/r', 'api-url': 'https://api.github.com' }

  /** readInputs over `values`, with every read, mask and fail in the order made. */
  function run(values: Record<string, string>) {
    const read = reader(values)
    const events: string[] = []
    const masked: string[] = []
    const failed: string[] = []
    const result = readInputs(
      name => {
        events.push(`read ${name}`)
        return read(name)
      },
      {
        mask: secret => {
          events.push('mask')
          masked.push(secret)
        },
        fail: message => {
          events.push('fail')
          failed.push(message)
        }
      }
    )
    return { result, events, masked, failed }
  }

  test('valid inputs: the token is masked before any other input is read, and the settings come back', () => {
    const { result, events, masked, failed } = run(VALID)
    expect(events.slice(0, 2)).toEqual(['read token', 'mask'])
    expect(events.filter(e => e === 'mask')).toHaveLength(1)
    expect(events.length).toBeGreaterThan(10)
    expect(masked).toEqual(['test-token-value'])
    expect(failed).toEqual([])
    expect(result).toBeDefined()
    expect(result!.token).toBe('test-token-value')
    expect(result!.scopeName).toBe('o/r')
    expect(result!.types.map(t => t.type.id)).toEqual(ALL_REPOSITORY_TYPES)
    expect(result).toEqual(readSettings(reader(VALID), {}))
  })

  test('bad inputs: the step failed once with every problem, a line each, and no settings', () => {
    const values = { ...VALID, scope: 'galaxy', 'fail-on': 'always' }
    const { result, events, masked, failed } = run(values)
    expect(result).toBeUndefined()
    expect(masked).toEqual(['test-token-value'])
    expect(events.slice(0, 2)).toEqual(['read token', 'mask'])
    expect(events.at(-1)).toBe('fail')
    expect(failed).toEqual([
      '2 invalid inputs; nothing was fetched or reviewed.\n' +
        'Input "scope" has the value "galaxy": expected one of repository, organization, enterprise.\n' +
        'Input "fail-on" has the value "always": expected one of open, stale, expiring, never.'
    ])
    expect(failed[0]!.split('\n').slice(1)).toEqual(inputError(values).problems)
  })

  test('one bad input: "1 invalid input"', () => {
    const { result, failed } = run({ ...VALID, 'max-reviews': '0' })
    expect(result).toBeUndefined()
    expect(failed).toEqual(['1 invalid input; nothing was fetched or reviewed.\nInput "max-reviews" has the value "0": expected a whole number from 1 to 1000.'])
  })

  test('an empty token is not masked, and is one of the problems', () => {
    const { result, events, masked, failed } = run({ ...VALID, token: '' })
    expect(result).toBeUndefined()
    expect(masked).toEqual([])
    expect(events).not.toContain('mask')
    expect(failed).toEqual(['1 invalid input; nothing was fetched or reviewed.\nInput "token" is empty: pass a token, for example ${{ github.token }}.'])
  })

  test('an error that is not about the inputs is thrown as it is, the step not failed', () => {
    const thrown = new TypeError('the runner went away')
    const events: string[] = []
    const read = (name: string): string => {
      events.push(`read ${name}`)
      if (name === 'time-period') throw thrown
      return reader(VALID)(name)
    }
    let caught: unknown
    try {
      readInputs(read, { mask: () => void events.push('mask'), fail: message => void events.push(`fail ${message}`) })
    } catch (error) {
      caught = error
    }
    expect(caught).toBe(thrown)
    expect(events.slice(0, 2)).toEqual(['read token', 'mask'])
    expect(events.at(-1)).toBe('read time-period')
    expect(events.filter(e => e.startsWith('fail'))).toEqual([])
  })
})

describe('an invalid require-comment-pattern: the engine’s message repeats the pattern, and is escaped like the value', () => {
  test('a token, a line separator and a command marker in the pattern reach the problem redacted and on one line', () => {
    const token = ['gh', 'p_', 'Wc4Rn8Tq1Vx6Mb3Lz9Kd2Hf7Gj5Ps0Ay4EuN'].join('')
    const problem = inputError({ 'require-comment-pattern': `(${token}\u2028##[error]x::warning::y` }).problems.join('\n')
    expect(problem).not.toContain(token)
    expect(problem).toContain('[redacted]')
    expect(problem).not.toContain('\u2028')
    expect(problem).not.toContain('##[')
    expect(problem).not.toContain('::')
    expect(problem).toContain('Unterminated group')
  })
})
