/**
 * Where the run looks: a repository, an organization or an enterprise; the
 * name of that scope, the prefix of its list paths, and the name filters
 * GitHub offers there (`repository-name` in an organization,
 * `organization-name` in an enterprise).
 */
import type { InputReader } from './input-reader.js'
import { OWNER, REPO_NAME, fullName, parseFullName, type RepositoryRef } from './repositories.js'
import { SCOPES, type Scope } from './request-types.js'

/** The REST path segment of each scope: `/enterprises/{e}`, `/orgs/{o}`, `/repos/{owner}/{repo}`. */
const SCOPE_PATHS: Record<Scope, string> = { enterprise: 'enterprises', organization: 'orgs', repository: 'repos' }
const ENTERPRISE = /^[A-Za-z0-9](?:[A-Za-z0-9-]{0,59})$/

export interface ScopeSettings {
  scope: Scope
  /** The scope's own name: `owner/name`, the organization, or the enterprise. */
  scopeName: string
  /** `enterprises/{e}`, `orgs/{o}` or `repos/{o}/{r}`: the list paths' prefix. */
  listPrefix: string
  /** The repository under check (annotations with file and line point into it). */
  repository?: RepositoryRef
  repositoryName?: string
  organizationName?: string
}

/** `repository`, defaulting to the workflow's repository. */
function readRepository(inputs: InputReader, env: NodeJS.ProcessEnv): RepositoryRef | undefined {
  const text = inputs.text('repository') || env.GITHUB_REPOSITORY || ''
  if (text === '') return undefined
  const repository = parseFullName(text)
  if (!repository) inputs.bad('repository', text, 'expected owner/name')
  return repository
}

/** A name filter that only one scope has. */
function readNameFilter(inputs: InputReader, input: string, scope: Scope, only: Scope, pattern: RegExp, accepted: string): string | undefined {
  const value = inputs.text(input) || undefined
  if (value === undefined) return undefined
  if (scope !== only) inputs.bad(input, value, `only used with scope: ${only}`)
  else if (!pattern.test(value)) inputs.bad(input, value, accepted)
  return value
}

export function readScope(inputs: InputReader, env: NodeJS.ProcessEnv): ScopeSettings {
  const scope = inputs.oneOf('scope', SCOPES, 'repository')

  const repository = readRepository(inputs, env)
  if (scope === 'repository' && inputs.text('repository') === '' && !env.GITHUB_REPOSITORY) {
    inputs.problem('Input "repository" is empty: repository scope needs owner/name.')
  }

  const organization = inputs.text('organization') || repository?.owner || ''
  if (organization !== '' && !OWNER.test(organization)) inputs.bad('organization', organization, 'expected an organization login')
  if (scope === 'organization' && organization === '') {
    inputs.problem('Input "organization" is empty: organization scope needs an organization (or a repository to take its owner from).')
  }

  const enterprise = inputs.text('enterprise')
  if (enterprise !== '' && !ENTERPRISE.test(enterprise)) inputs.bad('enterprise', enterprise, 'expected an enterprise slug')
  if (scope === 'enterprise' && enterprise === '') inputs.problem('Input "enterprise" is empty: enterprise scope needs the enterprise slug.')

  const repositoryName = readNameFilter(inputs, 'repository-name', scope, 'organization', REPO_NAME, 'expected a repository name without its owner')
  const organizationName = readNameFilter(inputs, 'organization-name', scope, 'enterprise', OWNER, 'expected an organization login')

  const names: Record<Scope, string> = { enterprise, organization, repository: repository ? fullName(repository) : '' }
  const scopeName = names[scope]
  return { scope, scopeName, listPrefix: `${SCOPE_PATHS[scope]}/${scopeName}`, repository, repositoryName, organizationName }
}
