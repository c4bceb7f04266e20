import { describe, expect, test } from '@jest/globals'
import { branchMatches, filtersMatch, matchingFilters, statusMatches, type FilterSettings } from '../../src/filters.js'
import { repositoryFilter } from '../../src/repositories.js'
import type { RequestStatus } from '../../src/request-types.js'
import type { RequestRecord } from '../../src/requests.js'
import { bypass, dismissal, plainRecord, pushRule } from './record-builders.js'

describe('statusMatches', () => {
  const open = plainRecord({ status: 'open', open: true })
  const pending = plainRecord({ status: 'pending', open: true })
  const denied = plainRecord({ status: 'denied', open: false })
  const expired = plainRecord({ status: 'expired', open: false })

  test.each<[string, RequestStatus, boolean[]]>([
    ['all: everything', 'all', [true, true, true, true]],
    ['open: open and pending', 'open', [true, true, false, false]],
    ['denied: only denied', 'denied', [false, false, true, false]],
    ['expired: only expired', 'expired', [false, false, false, true]],
    ['approved: none of these', 'approved', [false, false, false, false]]
  ])('%s', (_name, wanted, expected) => {
    expect([open, pending, denied, expired].map(r => statusMatches(r, wanted))).toEqual(expected)
  })
})

describe('statusMatches: a record with problems', () => {
  const problem = (status: string) => plainRecord({ status, open: true, problems: [`status "${status}" is not one the action knows`] })

  test.each<RequestStatus>(['open', 'approved', 'denied', 'expired', 'cancelled', 'completed', 'all'])('is kept by request-status %s', wanted => {
    expect(statusMatches(problem('weird'), wanted)).toBe(true)
  })

  test('a record without problems of the same status is not', () => {
    expect(statusMatches(plainRecord({ status: 'weird', open: false }), 'denied')).toBe(false)
    expect(statusMatches(plainRecord({ status: 'weird', open: false }), 'open')).toBe(false)
  })
})

describe('branchMatches', () => {
  test('no branch asked for: every request', () => {
    expect(branchMatches(bypass(1, { branch: 'refs/heads/dev' }), undefined)).toBe(true)
    expect(branchMatches(bypass(1, { branch: 'refs/heads/dev' }), '')).toBe(true)
  })

  test('a request made on a branch must be on that one', () => {
    expect(branchMatches(bypass(1, { branch: 'refs/heads/main' }), 'refs/heads/main')).toBe(true)
    expect(branchMatches(bypass(1, { branch: 'refs/heads/dev' }), 'refs/heads/main')).toBe(false)
    expect(branchMatches(bypass(1, { branch: 'refs/heads/Main' }), 'refs/heads/main')).toBe(false)
  })

  test('a secret scanning bypass request that names no branch does not match a branch', () => {
    expect(branchMatches(plainRecord({ type: 'secret-scanning-bypass', branch: null }), 'refs/heads/main')).toBe(false)
  })

  test('types whose requests name no branch are not narrowed', () => {
    expect(branchMatches(pushRule(1), 'refs/heads/main')).toBe(true)
    expect(branchMatches(dismissal('secret-scanning-dismissal', 2, 3), 'refs/heads/main')).toBe(true)
    expect(branchMatches(dismissal('dependabot-dismissal', 4, 5), 'refs/heads/main')).toBe(true)
  })
})

describe('filtersMatch', () => {
  const settings = (patterns: string[], branch?: string) => ({ repositories: repositoryFilter(patterns), branch })
  const inApi = bypass(1, { repository: 'octo-org/api-gateway', branch: 'refs/heads/main' })

  test('no filter: every request', () => {
    expect(filtersMatch(inApi, settings([]))).toBe(true)
  })

  test('repository and branch must both match', () => {
    expect(filtersMatch(inApi, settings(['octo-org/api-*'], 'refs/heads/main'))).toBe(true)
    expect(filtersMatch(inApi, settings(['octo-org/web'], 'refs/heads/main'))).toBe(false)
    expect(filtersMatch(inApi, settings(['octo-org/api-*'], 'refs/heads/dev'))).toBe(false)
  })

  test('an excluded repository does not match, whatever the branch', () => {
    expect(filtersMatch(inApi, settings(['!octo-org/api-gateway']))).toBe(false)
    expect(filtersMatch(inApi, settings(['!octo-org/web'], 'refs/heads/main'))).toBe(true)
  })
})

describe('filtersMatch: requester, reviewer, repository-name and organization-name', () => {
  const responses = [
    { id: 11, reviewer: 'octocat', status: 'approved' as const, created_at: '2025-03-09T10:00:00Z' },
    { id: 12, reviewer: 'Hubot', status: 'dismissed' as const, created_at: '2025-03-09T11:00:00Z' }
  ]
  const reviewed = bypass(1, { requester: 'MonaLisa', responses })
  const inApi = plainRecord({ repository: 'octo-org/api', organization: 'octo-org' })
  /** GitHub names an organization other than the repository's owner. */
  const moved = plainRecord({ repository: 'acme/api', organization: 'octo-org' })
  const ownerOnly = plainRecord({ repository: 'acme/web', organization: '' })

  test.each<[string, RequestRecord, Partial<FilterSettings>, boolean]>([
    ['requester: the one who made the request', reviewed, { requester: 'monalisa' }, true],
    ['requester: case-insensitively', reviewed, { requester: 'MONALISA' }, true],
    ['requester: someone else', reviewed, { requester: 'octocat' }, false],
    ['requester: a prefix is not the login', reviewed, { requester: 'mona' }, false],
    ['reviewer: one of the responses', reviewed, { reviewer: 'octocat' }, true],
    ['reviewer: any response, case-insensitively, whatever it said', reviewed, { reviewer: 'hubot' }, true],
    ['reviewer: someone who did not respond', reviewed, { reviewer: 'monalisa' }, false],
    ['reviewer: a request nobody responded to', bypass(2), { reviewer: 'octocat' }, false],
    ['requester and reviewer both match', reviewed, { requester: 'monalisa', reviewer: 'octocat' }, true],
    ['requester and reviewer: one does not', reviewed, { requester: 'octocat', reviewer: 'octocat' }, false],
    ['repository-name: the name part', inApi, { repositoryName: 'api' }, true],
    ['repository-name: case-insensitively', inApi, { repositoryName: 'API' }, true],
    ['repository-name: the owner is not the name', inApi, { repositoryName: 'octo-org' }, false],
    ['repository-name: a prefix is not the name', inApi, { repositoryName: 'ap' }, false],
    ['repository-name: the full name is not the name', inApi, { repositoryName: 'octo-org/api' }, false],
    ['organization-name: the organization GitHub names, case-insensitively', inApi, { organizationName: 'Octo-Org' }, true],
    ['organization-name: another organization', inApi, { organizationName: 'acme' }, false],
    ['organization-name: the organization wins over the owner', moved, { organizationName: 'octo-org' }, true],
    ['organization-name: the owner is not asked when GitHub names the organization', moved, { organizationName: 'acme' }, false],
    ['organization-name: without an organization, the owner', ownerOnly, { organizationName: 'ACME' }, true],
    ['organization-name: without an organization, another owner', ownerOnly, { organizationName: 'octo-org' }, false]
  ])('%s', (_name, r, filters, expected) => {
    expect(filtersMatch(r, { repositories: repositoryFilter([]), ...filters })).toBe(expected)
  })
})

describe('filtersMatch: a request whose repository is unreadable', () => {
  const place = {
    repositories: repositoryFilter(['octo-org/api-*']),
    repositoryName: 'api-gateway',
    organizationName: 'octo-org'
  }

  test.each(['', 'not-a-name', 'a/b/c', '../x'])('repository %j is kept by repositories, repository-name and organization-name', repository => {
    const unreadable = plainRecord({ repository, organization: 'acme', problems: ['repository is not owner/name'] })
    expect(filtersMatch(unreadable, place)).toBe(true)
  })

  test('the same filters drop a readable repository that does not match them', () => {
    expect(filtersMatch(plainRecord({ repository: 'acme/web', organization: 'acme' }), place)).toBe(false)
  })

  test('the people filters still apply to it', () => {
    const unreadable = plainRecord({ repository: '', requester: 'monalisa' })
    expect(filtersMatch(unreadable, { ...place, requester: 'monalisa' })).toBe(true)
    expect(filtersMatch(unreadable, { ...place, requester: 'octocat' })).toBe(false)
  })
})

describe('matchingFilters', () => {
  const records = [
    bypass(1, { repository: 'octo-org/api-gateway', branch: 'refs/heads/main', requester: 'monalisa' }),
    bypass(2, { repository: 'octo-org/web', branch: 'refs/heads/dev', requester: 'hubot' }),
    plainRecord({
      repository: 'octo-labs/web',
      organization: 'octo-labs',
      requester: 'octocat',
      responses: [{ id: 1, reviewer: 'alice', status: 'approved', created_at: '' }]
    })
  ]
  const none: FilterSettings = { repositories: repositoryFilter([]) }

  test('no filter set: the same list, every record', () => {
    expect(matchingFilters(records, none)).toBe(records)
  })

  test.each<[string, Partial<FilterSettings>]>([
    ['repositories', { repositories: repositoryFilter(['octo-org/*']) }],
    ['an excluding pattern', { repositories: repositoryFilter(['!octo-org/web']) }],
    ['repository-name', { repositoryName: 'web' }],
    ['organization-name', { organizationName: 'octo-labs' }],
    ['branch', { branch: 'refs/heads/main' }],
    ['requester', { requester: 'hubot' }],
    ['reviewer', { reviewer: 'alice' }]
  ])('%s set: the records filtersMatch keeps, and only those', (_name, filter) => {
    const settings = { ...none, ...filter }
    const kept = matchingFilters(records, settings)
    expect(kept).toEqual(records.filter(r => filtersMatch(r, settings)))
    expect(kept.length).toBeLessThan(records.length)
  })
})
