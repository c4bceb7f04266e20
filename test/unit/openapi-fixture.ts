/**
 * GitHub's OpenAPI description of the endpoints (the fixture), read for the
 * unit tests that hold the request-type table and the list calls against it:
 * operations by method and path template, their query parameters, and every
 * (type, scope) the table has a list for.
 */
import { REQUEST_TYPES, SCOPES, type ListEndpoint, type RequestType, type Scope } from '../../src/request-types.js'
import { openapi, resolve } from '../fake-github/openapi.js'

export { openapi, resolve }

type Json = Record<string, any> // eslint-disable-line @typescript-eslint/no-explicit-any

export function operation(method: string, template: string): Json | undefined {
  return openapi.paths[template]?.[method.toLowerCase()]
}

export function queryParameters(op: Json): Map<string, Json> {
  const out = new Map<string, Json>()
  for (const p of (op.parameters ?? []).map(resolve) as Json[]) if (p.in === 'query') out.set(p.name, p)
  return out
}

export const SCOPE_TEMPLATE: Record<Scope, string> = {
  repository: '/repos/{owner}/{repo}',
  organization: '/orgs/{org}',
  enterprise: '/enterprises/{enterprise}'
}

/** Every (type, scope) that has a list endpoint in the table. */
export const LISTS: { type: RequestType; scope: Scope; list: ListEndpoint }[] = REQUEST_TYPES.flatMap(type =>
  SCOPES.flatMap(scope => (type.lists[scope] ? [{ type, scope, list: type.lists[scope]! }] : []))
)
export const LIST_CASES = LISTS.map(c => [`${c.type.id} at ${c.scope} scope`, c] as const)

/** The fixture's list operation for a (type, scope). */
export function fixtureList(type: RequestType, scope: Scope): Json {
  const op = operation('GET', `${SCOPE_TEMPLATE[scope]}/${type.segment}`)
  if (!op) throw new Error(`the OpenAPI description has no GET ${SCOPE_TEMPLATE[scope]}/${type.segment}`)
  return op
}
