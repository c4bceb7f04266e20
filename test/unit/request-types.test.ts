import { describe, expect, test } from '@jest/globals'
import { REQUEST_TYPES, reviewPath, type RequestType } from '../../src/request-types.js'
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
    const candidates = Object.keys(openapi.paths).filter(p => new RegExp(`^/repos/\\{owner\\}/\\{repo\\}/${reviewPath(type, '\\{([a-z_]+)\\}')}$`).test(p))
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
      const template = `/repos/{owner}/{repo}/${type.dismissResponse!.path.replace('{id}', '{bypass_response_id}')}`
      expect(operation('DELETE', template)).toBeDefined()
    }
  })
})

type Json = Record<string, any> // eslint-disable-line @typescript-eslint/no-explicit-any

/** An operation's description with its line breaks as spaces. */
function description(op: Json): string {
  return String(op.description ?? '').replace(/\s+/g, ' ')
}

/** GitHub's sentence, also as "OAuth app tokens and personal access tokens (classic) need …". */
const CLASSIC_SENTENCE = /personal access tokens \(classic\) need the `security_events` scope/i

/** The fixture's review operation for a type (there is exactly one, the test above holds). */
function reviewOperation(type: RequestType): Json {
  const template = Object.keys(openapi.paths).find(p => new RegExp(`^/repos/\\{owner\\}/\\{repo\\}/${reviewPath(type, '\\{([a-z_]+)\\}')}$`).test(p))
  const op = template ? operation('PATCH', template) : undefined
  if (!op) throw new Error(`no review operation for ${type.id}`)
  return op
}

/**
 * The words of the table's holders and the words GitHub's descriptions use for the same people: a holder names
 * a role exactly when the endpoint's description does (GitHub's "org admin" is an organization owner).
 */
const ROLE_WORDS: readonly (readonly [string, string])[] = [
  ['bypass reviewer', 'bypass reviewer'],
  ['dismissal reviewer', 'dismissal reviewer'],
  ['organization owner', 'org admin'],
  ['enterprise owner', 'enterprise owner'],
  ['security manager', 'security manager'],
  ['authorized to review dismissal requests for the organization', 'authorized to review dismissal requests for the organization'],
  ['"Review and manage secret scanning alert dismissal requests"', '"Review and manage secret scanning alert dismissal requests"'],
  ['permission to review Dependabot alert dismissal requests', 'have the appropriate permission']
]

function rolesOf(holder: string | null, text: string): { holder: string[]; description: string[] } {
  return {
    holder: ROLE_WORDS.filter(([word]) => holder?.includes(word)).map(([word]) => word),
    description: ROLE_WORDS.filter(([, word]) => text.includes(word)).map(([word]) => word)
  }
}

const REVIEW_CASES = REQUEST_TYPES.filter(t => t.review).map(t => [t.id, t] as const)

describe('the table’s token facts agree with the OpenAPI description', () => {
  test.each(LIST_CASES)('%s: fine-grained and GitHub App tokens work exactly where x-github says GitHub Apps are enabled', (_name, c) => {
    const op = fixtureList(c.type, c.scope)
    expect(c.list.fineGrained === null).toBe(op['x-github']?.enabledForGitHubApps === false)
  })

  test('fine-grained and GitHub App tokens work on no enterprise list and on every other list', () => {
    for (const c of LISTS) expect([c.type.id, c.scope, c.list.fineGrained === null]).toEqual([c.type.id, c.scope, c.scope === 'enterprise'])
  })

  test.each(LIST_CASES)('%s: the classic scope is security_events where the description says so, else said to be taken or unknown', (_name, c) => {
    const text = description(fixtureList(c.type, c.scope))
    if (CLASSIC_SENTENCE.test(text)) {
      expect([c.list.classicScope, c.list.classicScopeFrom]).toEqual([undefined, undefined])
    } else if (c.list.classicScopeFrom) {
      expect(c.list.classicScope).toBeUndefined()
      // Every endpoint it is taken from is one of the type's, and its description names security_events.
      const named = c.list.classicScopeFrom.split('; ')
      const sources = Object.values(openapi.paths as Json)
        .flatMap((ops: Json) => Object.values(ops) as Json[])
        .filter(op => named.includes(op.summary))
      expect(sources.map(op => op.summary).sort()).toEqual([...named].sort())
      for (const op of sources) expect(description(op)).toMatch(CLASSIC_SENTENCE)
    } else {
      expect(text).not.toMatch(/personal access tokens \(classic\)/i)
      expect(c.list.classicScope).toBeNull()
    }
  })

  test.each(LIST_CASES)('%s: the holder names the people the description names, and is null where it names no one', (_name, c) => {
    const text = description(fixtureList(c.type, c.scope))
    expect(c.list.holder === null).toBe(!/\buser must\b/i.test(text))
    const roles = rolesOf(c.list.holder, text)
    expect(roles.holder).toEqual(roles.description)
  })

  test.each(REVIEW_CASES)('%s: the review’s holder names the people the description names; GitHub Apps are enabled; security_events', (_id, type) => {
    const op = reviewOperation(type)
    const text = description(op)
    const roles = rolesOf(type.review!.holder, text)
    expect(roles.holder.length).toBeGreaterThan(0)
    expect(roles.holder).toEqual(roles.description)
    expect(op['x-github']?.enabledForGitHubApps).toBe(true)
    expect(text).toMatch(CLASSIC_SENTENCE)
    expect(type.review!.fineGrained).toMatch(/\(write\)/)
  })

  test('every docs address is the operation’s externalDocs address', () => {
    for (const c of LISTS) expect(c.list.docs).toBe(fixtureList(c.type, c.scope).externalDocs?.url)
    for (const [, type] of REVIEW_CASES) expect(type.review!.docs).toBe(reviewOperation(type).externalDocs?.url)
  })

  test('a dismiss-response call has its token facts', () => {
    for (const type of REQUEST_TYPES.filter(t => t.dismissResponse)) {
      const op = operation('DELETE', `/repos/{owner}/{repo}/${type.dismissResponse!.path.replace('{id}', '{bypass_response_id}')}`)!
      expect(type.dismissResponse!.fineGrained).not.toBe('')
      expect(type.dismissResponse!.docs).toBe(op.externalDocs?.url)
      expect(op['x-github']?.enabledForGitHubApps).toBe(true)
      expect(description(op)).toMatch(CLASSIC_SENTENCE)
      expect(rolesOf(type.review!.holder, description(op)).description).toEqual(['bypass reviewer'])
    }
  })
})
