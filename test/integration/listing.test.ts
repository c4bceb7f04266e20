/**
 * Listing, end to end: the bundled action run as a child process against the
 * fake GitHub, for every request type at every scope it has a list at.
 */
import { describe, expect, test } from '@jest/globals'
import { KINDS, makeRequest } from '../fake-github/model.js'
import type { RunResult } from '../fake-github/runner.js'
import { useHarness } from './helpers.js'

interface Rec {
  type: string
  number: number
  repository: string
  status: string
  open: boolean
  alert_numbers: number[]
  path: string | null
  line: number | null
  branch: string | null
  ruleset: string | null
  secret_types: string[]
  reasons: string[]
  requester: string
  comment: string
  responses: { id: number; reviewer: string; status: string }[]
}

const report = (result: RunResult) => JSON.parse(result.reportJson!) as { requests: Rec[] }

/** Where each type can be listed, as the API describes (13 endpoints). */
const CELLS: [string, 'repository' | 'organization' | 'enterprise', string][] = [
  ['secret-scanning-bypass', 'enterprise', '/enterprises/octo-enterprise/bypass-requests/secret-scanning'],
  ['secret-scanning-bypass', 'organization', '/orgs/octo-org/bypass-requests/secret-scanning'],
  ['secret-scanning-bypass', 'repository', '/repos/octo-org/smile/bypass-requests/secret-scanning'],
  ['push-ruleset-bypass', 'enterprise', '/enterprises/octo-enterprise/bypass-requests/push-rules'],
  ['push-ruleset-bypass', 'organization', '/orgs/octo-org/bypass-requests/push-rules'],
  ['push-ruleset-bypass', 'repository', '/repos/octo-org/smile/bypass-requests/push-rules'],
  ['secret-scanning-dismissal', 'enterprise', '/enterprises/octo-enterprise/dismissal-requests/secret-scanning'],
  ['secret-scanning-dismissal', 'organization', '/orgs/octo-org/dismissal-requests/secret-scanning'],
  ['secret-scanning-dismissal', 'repository', '/repos/octo-org/smile/dismissal-requests/secret-scanning'],
  ['code-scanning-dismissal', 'organization', '/orgs/octo-org/dismissal-requests/code-scanning'],
  ['code-scanning-dismissal', 'repository', '/repos/octo-org/smile/dismissal-requests/code-scanning'],
  ['dependabot-dismissal', 'organization', '/orgs/octo-org/dismissal-requests/dependabot'],
  ['dependabot-dismissal', 'repository', '/repos/octo-org/smile/dismissal-requests/dependabot']
]

const scopeInputs = (scope: string): Record<string, string> =>
  scope === 'enterprise' ? { scope, enterprise: 'octo-enterprise' } : scope === 'organization' ? { scope, organization: 'octo-org' } : {}

const h = useHarness({ enterprises: { 'octo-enterprise': ['octo-org', 'octo-labs'] } })

describe('each type at each scope', () => {
  test.each(CELLS)('%s at %s scope lists %s', async (type, scope, path) => {
    h.fake.requests = [
      makeRequest({ kind: type, repository: 'octo-org/smile', number: 7, alertNumber: 70, ageHours: 3 }),
      makeRequest({ kind: type, repository: 'octo-labs/lab', number: 8, alertNumber: 80, ageHours: 3 }),
      // Another type in the same repository: must not show up.
      makeRequest({ kind: type === 'dependabot-dismissal' ? 'code-scanning-dismissal' : 'dependabot-dismissal', repository: 'octo-org/smile', number: 9 })
    ]
    const result = await h.run({ ...scopeInputs(scope), 'request-types': type, 'fail-on': 'never' })
    expect(result.code).toBe(0)
    expect(h.fake.calls).toHaveLength(1)
    const [call] = h.fake.calls
    expect(call).toMatchObject({ method: 'GET', path, status: 200 })
    expect(call!.query).toEqual({ time_period: 'month', request_status: 'open', per_page: '100', page: '1' })
    expect(call!.headers.accept).toBe('application/vnd.github+json')
    expect(call!.headers['x-github-api-version']).toBe('2022-11-28')
    const expected = scope === 'enterprise' ? 2 : 1
    expect(result.outputs.total).toBe(String(expected))
    expect(result.outputs.open).toBe(String(expected))
    const records = JSON.parse(result.outputs.requests!) as Rec[]
    expect(records.map(r => r.type)).toEqual(Array(expected).fill(type))
    expect(records.map(r => r.repository).sort()).toEqual(scope === 'enterprise' ? ['octo-labs/lab', 'octo-org/smile'] : ['octo-org/smile'])
  })

  test('request-types all at enterprise scope lists exactly the three types with enterprise lists', async () => {
    const result = await h.run({ scope: 'enterprise', enterprise: 'octo-enterprise', 'fail-on': 'never' })
    expect(result.code).toBe(0)
    expect(h.fake.calls.map(c => c.path).sort()).toEqual([
      '/enterprises/octo-enterprise/bypass-requests/push-rules',
      '/enterprises/octo-enterprise/bypass-requests/secret-scanning',
      '/enterprises/octo-enterprise/dismissal-requests/secret-scanning'
    ])
  })

  test('request-types all at repository scope lists all five types', async () => {
    await h.run({ 'fail-on': 'never' })
    expect(h.fake.calls.map(c => c.path).sort()).toEqual(KINDS.map(k => `/repos/octo-org/smile/${k.segment}`).sort())
  })

  test('naming code-scanning-dismissal at enterprise scope is an input error and nothing is fetched', async () => {
    const result = await h.run({ scope: 'enterprise', enterprise: 'octo-enterprise', 'request-types': 'code-scanning-dismissal' })
    expect(result.code).toBe(1)
    expect(result.stdout).toMatch(/Input "request-types" has the value "code-scanning-dismissal".*no enterprise list/)
    expect(h.fake.calls).toHaveLength(0)
  })
})

describe('pagination', () => {
  test('250 requests over 3 pages take exactly 3 calls and keep GitHub order', async () => {
    h.fake.requests = Array.from({ length: 250 }, (_, i) =>
      makeRequest({ kind: 'secret-scanning-bypass', repository: 'octo-org/smile', number: i + 1, ageHours: 1 + i * 0.1 })
    )
    const result = await h.run({ 'request-types': 'secret-scanning-bypass', 'fail-on': 'never' })
    expect(result.code).toBe(0)
    const calls = h.fake.callsTo('GET', '/repos/octo-org/smile/bypass-requests/secret-scanning')
    expect(calls).toHaveLength(3)
    expect(calls.map(c => c.query.page).sort()).toEqual(['1', '2', '3'])
    expect(calls.every(c => c.query.per_page === '100')).toBe(true)
    expect(result.outputs.total).toBe('250')
    const numbers = report(result).requests.map(r => r.number)
    expect(new Set(numbers).size).toBe(250)
    // Most urgent (oldest) first.
    expect(numbers[0]).toBe(250)
    expect(numbers[249]).toBe(1)
  })

  test('without a last link, next links are followed', async () => {
    h.fake.omitLastLink = true
    h.fake.requests = Array.from({ length: 250 }, (_, i) => makeRequest({ kind: 'push-ruleset-bypass', repository: 'octo-org/smile', number: i + 1 }))
    const result = await h.run({ 'request-types': 'push-ruleset-bypass', 'fail-on': 'never' })
    expect(result.outputs.total).toBe('250')
    expect(h.fake.calls.map(c => c.query.page)).toEqual(['1', '2', '3'])
  })
})

describe('filters', () => {
  test('every filter input arrives as the right query parameter', async () => {
    await h.run({
      scope: 'organization',
      organization: 'octo-org',
      'request-types': 'secret-scanning-bypass',
      requester: 'monalisa',
      reviewer: 'octocat',
      'repository-name': 'smile',
      'time-period': 'week',
      'request-status': 'approved',
      'fail-on': 'never'
    })
    expect(h.fake.calls[0]!.query).toEqual({
      requester: 'monalisa',
      reviewer: 'octocat',
      repository_name: 'smile',
      time_period: 'week',
      request_status: 'approved',
      per_page: '100',
      page: '1'
    })
    h.fake.resetCalls()
    await h.run({
      scope: 'enterprise',
      enterprise: 'octo-enterprise',
      'request-types': 'secret-scanning-dismissal',
      'organization-name': 'octo-labs',
      'time-period': 'hour'
    })
    expect(h.fake.calls[0]!.query).toMatchObject({ organization_name: 'octo-labs', time_period: 'hour' })
  })

  test('a status an endpoint does not accept is sent as all and filtered locally', async () => {
    h.fake.requests = [
      makeRequest({ kind: 'code-scanning-dismissal', repository: 'octo-org/smile', number: 1, status: 'denied' }),
      makeRequest({ kind: 'secret-scanning-dismissal', repository: 'octo-org/smile', number: 2, status: 'cancelled' }),
      makeRequest({ kind: 'secret-scanning-dismissal', repository: 'octo-org/smile', number: 3, status: 'pending' })
    ]
    const result = await h.run({ 'request-types': 'code-scanning-dismissal, secret-scanning-dismissal', 'request-status': 'cancelled', 'fail-on': 'never' })
    expect(result.code).toBe(0)
    expect(h.fake.callsTo('GET', /code-scanning$/)[0]!.query.request_status).toBe('all')
    expect(h.fake.callsTo('GET', /dismissal-requests\/secret-scanning$/)[0]!.query.request_status).toBe('cancelled')
    expect(h.fake.calls.every(c => c.status === 200)).toBe(true)
    expect(report(result).requests.map(r => [r.type, r.status])).toEqual([['secret-scanning-dismissal', 'cancelled']])
  })

  test('open and pending both count as open', async () => {
    h.fake.requests = [
      makeRequest({ kind: 'secret-scanning-bypass', repository: 'octo-org/smile', number: 1, status: 'open' }),
      makeRequest({ kind: 'secret-scanning-bypass', repository: 'octo-org/smile', number: 2, status: 'pending' }),
      makeRequest({ kind: 'secret-scanning-bypass', repository: 'octo-org/smile', number: 3, status: 'approved' })
    ]
    const result = await h.run({ 'request-types': 'secret-scanning-bypass', 'request-status': 'all', 'fail-on': 'never' })
    expect(result.outputs.total).toBe('3')
    expect(result.outputs.open).toBe('2')
    expect((JSON.parse(result.outputs.requests!) as Rec[]).map(r => r.number).sort()).toEqual([1, 2])
  })

  test('time_period month is sent by default, so requests older than a day are found', async () => {
    h.fake.requests = [makeRequest({ kind: 'secret-scanning-bypass', repository: 'octo-org/smile', number: 1, ageHours: 24 * 10 })]
    const result = await h.run({ 'request-types': 'secret-scanning-bypass', 'fail-on': 'never' })
    expect(result.outputs.total).toBe('1')
  })

  test('repositories globs keep and ! excludes, case-insensitively', async () => {
    h.fake.requests = ['octo-org/api-one', 'octo-org/API-two', 'octo-org/api-sandbox', 'octo-org/web'].map((repository, i) =>
      makeRequest({ kind: 'dependabot-dismissal', repository, number: i + 1 })
    )
    const result = await h.run({
      scope: 'organization',
      organization: 'octo-org',
      'request-types': 'dependabot-dismissal',
      repositories: 'octo-org/api-*\n!octo-org/api-sandbox',
      'fail-on': 'never'
    })
    expect(
      report(result)
        .requests.map(r => r.repository)
        .sort()
    ).toEqual(['octo-org/API-two', 'octo-org/api-one'])
  })

  test('branch narrows secret scanning bypass requests and leaves types without a branch alone', async () => {
    h.fake.requests = [
      makeRequest({ kind: 'secret-scanning-bypass', repository: 'octo-org/smile', number: 1, branch: 'refs/heads/main' }),
      makeRequest({ kind: 'secret-scanning-bypass', repository: 'octo-org/smile', number: 2, branch: 'refs/heads/feature' }),
      makeRequest({ kind: 'dependabot-dismissal', repository: 'octo-org/smile', number: 3 })
    ]
    for (const branch of ['feature', 'refs/heads/feature']) {
      const result = await h.run({ branch, 'fail-on': 'never' })
      expect(
        report(result)
          .requests.map(r => `${r.type}#${r.number}`)
          .sort()
      ).toEqual(['dependabot-dismissal#3', 'secret-scanning-bypass#2'])
    }
  })
})

describe('records', () => {
  test('are normalized to the record shape, with alert numbers sent as strings or integers', async () => {
    h.fake.requests = [
      makeRequest({
        kind: 'secret-scanning-dismissal',
        repository: 'octo-org/smile',
        number: 21,
        alertNumber: 17,
        alertNumberAs: 'string',
        secretType: 'adafruit_io_key'
      }),
      makeRequest({ kind: 'code-scanning-dismissal', repository: 'octo-org/smile', number: 22, alertNumber: 19, alertNumberAs: 'integer' }),
      makeRequest({
        kind: 'secret-scanning-bypass',
        repository: 'octo-org/smile',
        number: 42,
        path: '/tests/README.md:16:0',
        branch: 'refs/heads/main',
        responses: [{ id: 5, reviewer: 'octocat', status: 'denied', created_at: '2026-11-20T00:00:00Z' }],
        status: 'open'
      }),
      makeRequest({ kind: 'push-ruleset-bypass', repository: 'octo-org/smile', number: 24, ruleset: 'Exclude image files' }),
      makeRequest({ kind: 'dependabot-dismissal', repository: 'octo-org/smile', number: 25, data: [{ reason: 'no_bandwidth' }] })
    ]
    const result = await h.run({ 'fail-on': 'never' })
    const byType = Object.fromEntries(report(result).requests.map(r => [r.type, r]))
    expect(byType['secret-scanning-dismissal']).toMatchObject({ number: 21, alert_numbers: [17], secret_types: ['adafruit_io_key'], path: null })
    expect(byType['code-scanning-dismissal']!.alert_numbers).toEqual([19])
    expect(byType['secret-scanning-bypass']).toMatchObject({
      path: 'tests/README.md',
      line: 16,
      branch: 'refs/heads/main',
      requester: 'monalisa',
      responses: [{ id: 5, reviewer: 'octocat', status: 'denied' }]
    })
    expect(byType['push-ruleset-bypass']).toMatchObject({ ruleset: 'Exclude image files', reasons: ['file_extension_restriction'], branch: null })
    expect(byType['dependabot-dismissal']).toMatchObject({ alert_numbers: [], reasons: ['no_bandwidth'] })
  })
})

describe('bad input', () => {
  test.each([
    [{ scope: 'galaxy' }, 'scope'],
    [{ 'request-status': 'opne' }, 'request-status'],
    [{ 'time-period': 'year' }, 'time-period'],
    [{ scope: 'enterprise' }, 'enterprise'],
    [{ 'repository-name': 'smile' }, 'repository-name'],
    [{ repositories: 'not a glob' }, 'repositories']
  ])('%j fails naming %s and the fake sees zero calls', async (inputs, name) => {
    const result = await h.run(inputs as Record<string, string>)
    expect(result.code).toBe(1)
    expect(result.stdout).toContain(`Input "${name}"`)
    expect(h.fake.calls).toHaveLength(0)
  })
})
