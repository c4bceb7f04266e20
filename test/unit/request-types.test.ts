import { describe, expect, test } from '@jest/globals'
import { REQUEST_TYPES, reviewPath } from '../../src/request-types.js'
import { LISTS, LIST_CASES, SCOPE_TEMPLATE, fixtureList, openapi, operation, queryParameters, resolve } from './openapi-fixture.js'

describe('the request-type table agrees with the OpenAPI description', () => {
  test('the table lists every type at every scope GitHub has a list for, and no other', () => {
    const fromFixture = Object.keys(openapi.paths)
      .filter(p => operation('GET', p) && /^\/(repos\/\{owner\}\/\{repo\}|orgs\/\{org\}|enterprises\/\{enterprise\})\/(bypass|dismissal)-requests\/[a-z-]+$/.test(p))
      .sort()
    const fromTable = LISTS.map(c => `${SCOPE_TEMPLATE[c.scope]}/${c.type.segment}`).sort()
    expect(fromTable).toEqual(fromFixture)
    expect(fromTable).toHaveLength(13)
  })

  test.each(LIST_CASES)('%s: statuses are the request_status enum', (_name, { type, scope, list }) => {
    const schema = resolve(queryParameters(fixtureList(type, scope)).get('request_status')?.schema)
    expect([...list.statuses].sort()).toEqual([...(schema?.enum as string[])].sort())
  })


  test.each(LIST_CASES)('%s: nameFilter is the operation’s name parameter', (_name, { type, scope, list }) => {
    const params = queryParameters(fixtureList(type, scope))
    const names = ['repository_name', 'organization_name'].filter(n => params.has(n))
    expect(names.length).toBeLessThanOrEqual(1)
    expect(list.nameFilter).toBe(names[0])
  })

  const REVIEWED = REQUEST_TYPES.filter(t => t.review).map(t => [t.id, t] as const)

  test.each(REVIEWED)('%s: the review path is a PATCH of the description, its verbs the body status enum', (_id, type) => {
    const review = type.review!
    const candidates = Object.keys(openapi.paths).filter(p =>
      new RegExp(`^/repos/\\{owner\\}/\\{repo\\}/${reviewPath(type, '\\{([a-z_]+)\\}')}$`).test(p)
    )
    expect(candidates).toHaveLength(1)
    const op = operation('PATCH', candidates[0]!)
    expect(op).toBeDefined()
    const status = resolve(op!.requestBody?.content?.['application/json']?.schema)?.properties?.status
    expect([...Object.values(review.verbs)].sort()).toEqual([...(status?.enum as string[])].sort())
    expect(review.verbs.approve).toBe('approve')
    // The key the table names is the path parameter GitHub names.
    const param = /\{([a-z_]+)\}$/.exec(candidates[0]!)![1]
    expect(param).toBe(review.key === 'number' ? 'bypass_request_number' : 'alert_number')
  })

  test('deny is reject for secret scanning bypass requests and deny for dismissal requests', () => {
    const verbs = Object.fromEntries(REQUEST_TYPES.filter(t => t.review).map(t => [t.id, t.review!.verbs.deny]))
    expect(verbs).toEqual({
      'secret-scanning-bypass': 'reject',
      'secret-scanning-dismissal': 'deny',
      'code-scanning-dismissal': 'deny',
      'dependabot-dismissal': 'deny'
    })
  })

  test('a type without a review has no PATCH in the description', () => {
    for (const type of REQUEST_TYPES.filter(t => !t.review)) {
      const patches = Object.keys(openapi.paths).filter(p => p.startsWith(`/repos/{owner}/{repo}/${type.segment}/`) && operation('PATCH', p))
      expect([type.id, patches]).toEqual([type.id, []])
    }
  })

  test('every dismiss-response path is a DELETE of the description', () => {
    const withDismiss = REQUEST_TYPES.filter(t => t.dismissResponse)
    expect(withDismiss.map(t => t.id)).toEqual(['secret-scanning-bypass'])
    for (const type of withDismiss) {
      const template = `/repos/{owner}/{repo}/${type.dismissResponse!.replace('{id}', '{bypass_response_id}')}`
      expect(operation('DELETE', template)).toBeDefined()
    }
  })
})
