import { describe, expect, test } from '@jest/globals'
import { InputReader } from '../../src/input-reader.js'
import { readScope, type ScopeSettings } from '../../src/scope.js'

const ENV = { GITHUB_REPOSITORY: 'octo-org/smile' }

/** readScope over a plain object of inputs, with the problems it recorded. */
function scopeOf(values: Record<string, string>, env: NodeJS.ProcessEnv = ENV): { scope: ScopeSettings; problems: string[] } {
  const inputs = new InputReader(name => values[name] ?? '')
  const scope = readScope(inputs, env)
  return { scope, problems: inputs.problems }
}

describe('readScope: each scope', () => {
  test('repository scope (the default): the workflow repository from GITHUB_REPOSITORY', () => {
    expect(scopeOf({})).toEqual({
      scope: {
        scope: 'repository',
        scopeName: 'octo-org/smile',
        listPrefix: 'repos/octo-org/smile',
        repository: { owner: 'octo-org', name: 'smile' },
        repositoryName: undefined,
        organizationName: undefined
      },
      problems: []
    })
  })

  test('the repository input wins over GITHUB_REPOSITORY', () => {
    const { scope, problems } = scopeOf({ scope: 'repository', repository: 'acme/web.v2' })
    expect([scope.scopeName, scope.listPrefix, scope.repository]).toEqual(['acme/web.v2', 'repos/acme/web.v2', { owner: 'acme', name: 'web.v2' }])
    expect(problems).toEqual([])
  })

  test('organization scope: the organization defaults to the repository owner', () => {
    const { scope, problems } = scopeOf({ scope: 'organization' })
    expect([scope.scope, scope.scopeName, scope.listPrefix]).toEqual(['organization', 'octo-org', 'orgs/octo-org'])
    expect(scope.repository).toEqual({ owner: 'octo-org', name: 'smile' })
    expect(problems).toEqual([])
    expect(scopeOf({ scope: 'organization', repository: 'acme/web' }).scope.listPrefix).toBe('orgs/acme')
  })

  test('organization scope: the organization input wins over the owner', () => {
    const { scope, problems } = scopeOf({ scope: 'organization', organization: 'other-org' })
    expect([scope.scopeName, scope.listPrefix]).toEqual(['other-org', 'orgs/other-org'])
    expect(problems).toEqual([])
  })

  test('organization scope without any repository: the organization input alone', () => {
    const { scope, problems } = scopeOf({ scope: 'organization', organization: 'other-org' }, {})
    expect([scope.scopeName, scope.listPrefix, scope.repository]).toEqual(['other-org', 'orgs/other-org', undefined])
    expect(problems).toEqual([])
  })

  test('enterprise scope: the enterprise slug, no repository needed', () => {
    const { scope, problems } = scopeOf({ scope: 'enterprise', enterprise: 'octo-ent' }, {})
    expect(scope).toEqual({
      scope: 'enterprise',
      scopeName: 'octo-ent',
      listPrefix: 'enterprises/octo-ent',
      repository: undefined,
      repositoryName: undefined,
      organizationName: undefined
    })
    expect(problems).toEqual([])
  })
})

describe('readScope: name filters', () => {
  test('repository-name at organization scope', () => {
    const { scope, problems } = scopeOf({ scope: 'organization', 'repository-name': 'smile' })
    expect([scope.repositoryName, scope.organizationName]).toEqual(['smile', undefined])
    expect(problems).toEqual([])
  })

  test.each(['repository', 'enterprise'])('repository-name at %s scope is a problem', scopeInput => {
    const { problems } = scopeOf({ scope: scopeInput, enterprise: 'octo-ent', 'repository-name': 'smile' })
    expect(problems).toEqual(['Input "repository-name" has the value "smile": only used with scope: organization.'])
  })

  test('repository-name with its owner', () => {
    const { problems } = scopeOf({ scope: 'organization', 'repository-name': 'octo-org/smile' })
    expect(problems).toEqual(['Input "repository-name" has the value "octo-org/smile": expected a repository name without its owner.'])
  })

  test('organization-name at enterprise scope', () => {
    const { scope, problems } = scopeOf({ scope: 'enterprise', enterprise: 'octo-ent', 'organization-name': 'octo-org' })
    expect([scope.organizationName, scope.repositoryName]).toEqual(['octo-org', undefined])
    expect(problems).toEqual([])
  })

  test.each(['repository', 'organization'])('organization-name at %s scope is a problem', scopeInput => {
    const { problems } = scopeOf({ scope: scopeInput, 'organization-name': 'octo-org' })
    expect(problems).toEqual(['Input "organization-name" has the value "octo-org": only used with scope: enterprise.'])
  })

  test('organization-name that is not a login', () => {
    const { problems } = scopeOf({ scope: 'enterprise', enterprise: 'octo-ent', 'organization-name': 'octo_org' })
    expect(problems).toEqual(['Input "organization-name" has the value "octo_org": expected an organization login.'])
  })
})

describe('readScope: problems', () => {
  test('repository scope without a repository input or GITHUB_REPOSITORY', () => {
    const { scope, problems } = scopeOf({}, {})
    expect(problems).toEqual(['Input "repository" is empty: repository scope needs owner/name.'])
    expect(scope.repository).toBeUndefined()
  })

  test('organization scope without an organization or a repository', () => {
    expect(scopeOf({ scope: 'organization' }, {}).problems).toEqual([
      'Input "organization" is empty: organization scope needs an organization (or a repository to take its owner from).'
    ])
  })

  test('enterprise scope without an enterprise', () => {
    expect(scopeOf({ scope: 'enterprise' }).problems).toEqual(['Input "enterprise" is empty: enterprise scope needs the enterprise slug.'])
  })

  test.each<[string, Record<string, string>, string]>([
    ['an unknown scope (read as repository)', { scope: 'galaxy' }, 'Input "scope" has the value "galaxy": expected one of repository, organization, enterprise.'],
    ['a repository that is not owner/name', { repository: 'smile' }, 'Input "repository" has the value "smile": expected owner/name.'],
    [
      'an organization that is not a login',
      { scope: 'organization', organization: 'octo_org' },
      'Input "organization" has the value "octo_org": expected an organization login.'
    ],
    ['an enterprise that is not a slug', { scope: 'enterprise', enterprise: 'octo ent' }, 'Input "enterprise" has the value "octo ent": expected an enterprise slug.']
  ])('%s', (_name, values, problem) => {
    expect(scopeOf(values).problems).toEqual([problem])
  })

  test('an unknown scope falls back to repository scope', () => {
    expect(scopeOf({ scope: 'galaxy' }).scope.listPrefix).toBe('repos/octo-org/smile')
  })
})
