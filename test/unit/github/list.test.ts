import { describe, expect, jest, test } from '@jest/globals'
import pLimit from 'p-limit'
import { MalformedResponseError } from '../../../src/github/errors.js'
import { PER_PAGE, listCall, listRequests, parseLink, type ListFilters } from '../../../src/github/list.js'
import { REQUEST_STATUSES, TIME_PERIODS, type RequestStatus, type Scope } from '../../../src/request-types.js'
import { LIST_CASES, SCOPE_TEMPLATE, fixtureList, operation, queryParameters, resolve } from '../openapi-fixture.js'
import { REPO, fakeGitHub, rawItem, settingsWith } from '../record-builders.js'

const SCOPE_INPUTS: Record<Scope, Record<string, string>> = {
  repository: {},
  organization: { scope: 'organization' },
  enterprise: { scope: 'enterprise', enterprise: 'octo-ent' }
}

const SCOPE_PREFIX: Record<Scope, string> = {
  repository: '/repos/octo-org/smile',
  organization: '/orgs/octo-org',
  enterprise: '/enterprises/octo-ent'
}

function filters(scope: Scope, overrides: Partial<ListFilters> = {}): ListFilters {
  return { ...settingsWith(SCOPE_INPUTS[scope]), ...overrides }
}

function routePath(route: string): string {
  const [method, path] = route.split(' ')
  expect(method).toBe('GET')
  return path!
}

describe('parseLink', () => {
  const base = 'https://api.github.com/repositories/1296269/bypass-requests/secret-scanning'

  test('GitHub’s Link header with next, last, prev and first', () => {
    const header =
      `<${base}?per_page=100&page=3>; rel="next", <${base}?per_page=100&page=5>; rel="last", ` +
      `<${base}?per_page=100&page=1>; rel="first", <${base}?per_page=100&page=1>; rel="prev"`
    expect(parseLink(header)).toEqual({
      next: `${base}?per_page=100&page=3`,
      last: `${base}?per_page=100&page=5`,
      first: `${base}?per_page=100&page=1`,
      prev: `${base}?per_page=100&page=1`
    })
  })

  test('the first page: next and last only', () => {
    expect(parseLink(`<${base}?page=2>; rel="next", <${base}?page=9>; rel="last"`)).toEqual({
      next: `${base}?page=2`,
      last: `${base}?page=9`
    })
  })

  test.each<[string, string | undefined]>([
    ['empty', ''],
    ['undefined', undefined],
    ['only spaces', '   '],
    ['no angle brackets', `${base}?page=2; rel="next"`],
    ['no rel', `<${base}?page=2>`]
  ])('%s → no links', (_name, header) => {
    expect(parseLink(header)).toEqual({})
  })

  test.each([
    ['no space after the semicolon or the comma', `<${base}?page=2>;rel="next",<${base}?page=4>;rel="last"`],
    ['spaces around the semicolon', `<${base}?page=2>  ;  rel="next" ,   <${base}?page=4> ; rel="last"`],
    ['tabs and a line break', `<${base}?page=2>;\trel="next",\n\t<${base}?page=4>;\trel="last"`],
    ['leading and trailing spaces', `   <${base}?page=2>; rel="next", <${base}?page=4>; rel="last"   `]
  ])('odd spacing: %s', (_name, header) => {
    expect(parseLink(header)).toEqual({ next: `${base}?page=2`, last: `${base}?page=4` })
  })

  test('a comma inside a URL does not split the link', () => {
    expect(parseLink(`<${base}?state=open,closed&page=2>; rel="next"`)).toEqual({ next: `${base}?state=open,closed&page=2` })
  })
})

describe('listCall: route and query for every type at every scope', () => {
  test.each(LIST_CASES)('%s: the route is a GET path of the OpenAPI description', (_name, { type, scope, list }) => {
    const { route } = listCall(type, list, filters(scope))
    const path = routePath(route)
    expect(path).toBe(`${SCOPE_PREFIX[scope]}/${type.segment}`)
    expect(operation('GET', `${SCOPE_TEMPLATE[scope]}/${type.segment}`)).toBeDefined()
  })

  test.each(LIST_CASES)('%s: time_period always sent, per_page 100', (_name, { type, scope, list }) => {
    expect(PER_PAGE).toBe(100)
    for (const timePeriod of TIME_PERIODS) {
      const { query } = listCall(type, list, filters(scope, { timePeriod }))
      expect(query.time_period).toBe(timePeriod)
      expect(query.per_page).toBe(100)
    }
  })

  test.each(LIST_CASES)('%s: the default time-period input (month) is sent', (_name, { type, scope, list }) => {
    const s = settingsWith(SCOPE_INPUTS[scope])
    expect(s.timePeriod).toBe('month')
    expect(listCall(type, list, s).query.time_period).toBe('month')
  })

  test.each(LIST_CASES)('%s: every request_status sent is in the operation’s enum', (_name, { type, scope, list }) => {
    const accepted = resolve(queryParameters(fixtureList(type, scope)).get('request_status')?.schema)?.enum as string[] | undefined
    expect(accepted).toBeDefined()
    for (const requestStatus of REQUEST_STATUSES) {
      const sent = listCall(type, list, filters(scope, { requestStatus })).query.request_status
      expect(accepted).toContain(sent)
      // The user's value when the endpoint takes it, else all (filtered locally).
      expect(sent).toBe(accepted!.includes(requestStatus) ? requestStatus : 'all')
    }
  })

  test.each(LIST_CASES)('%s: every query parameter sent is one the operation takes', (_name, { type, scope, list }) => {
    const params = queryParameters(fixtureList(type, scope))
    const { query } = listCall(type, list, filters(scope, { requester: 'monalisa', reviewer: 'octocat', repositoryName: 'smile', organizationName: 'octo-org' }))
    for (const name of Object.keys(query)) expect([name, params.has(name)]).toEqual([name, true])
    expect(query.requester).toBe('monalisa')
    expect(query.reviewer).toBe('octocat')
  })

  test.each(LIST_CASES)('%s: repository_name / organization_name only where the operation has it', (_name, { type, scope, list }) => {
    const params = queryParameters(fixtureList(type, scope))
    const { query } = listCall(type, list, filters(scope, { repositoryName: 'smile', organizationName: 'octo-org' }))
    expect('repository_name' in query).toBe(params.has('repository_name'))
    expect('organization_name' in query).toBe(params.has('organization_name'))
    if (params.has('repository_name')) expect(query.repository_name).toBe('smile')
    if (params.has('organization_name')) expect(query.organization_name).toBe('octo-org')
  })

  test.each(LIST_CASES)('%s: without filters, no requester, reviewer or name filter is sent', (_name, { type, scope, list }) => {
    const { query } = listCall(type, list, settingsWith(SCOPE_INPUTS[scope]))
    expect(Object.keys(query).sort()).toEqual(['per_page', 'request_status', 'time_period'])
  })

  test('repository-name at organization scope reaches every organization list', () => {
    const s = settingsWith({ scope: 'organization', 'repository-name': 'smile' })
    for (const { type } of s.types) {
      const { route, query } = listCall(type, type.lists.organization!, s)
      expect([route, query.repository_name]).toEqual([`GET /orgs/octo-org/${type.segment}`, 'smile'])
    }
    expect(s.types).toHaveLength(5)
  })

  test('organization-name at enterprise scope reaches every enterprise list', () => {
    const s = settingsWith({ scope: 'enterprise', enterprise: 'octo-ent', 'organization-name': 'octo-org' })
    for (const { type } of s.types) {
      const { route, query } = listCall(type, type.lists.enterprise!, s)
      expect([route, query.organization_name]).toEqual([`GET /enterprises/octo-ent/${type.segment}`, 'octo-org'])
    }
    expect(s.types).toHaveLength(3)
  })
})

describe('listCall: request_status cancelled and completed', () => {
  const NARROW = new Set(['code-scanning-dismissal at organization', 'code-scanning-dismissal at repository', 'dependabot-dismissal at repository'])

  test.each(LIST_CASES.flatMap(([name, c]) => (['cancelled', 'completed'] as RequestStatus[]).map(s => [`${name}, ${s}`, c, s] as const)))(
    '%s',
    (_name, { type, scope, list }, requestStatus) => {
      const sent = listCall(type, list, filters(scope, { requestStatus })).query.request_status
      expect(sent).toBe(NARROW.has(`${type.id} at ${scope}`) ? 'all' : requestStatus)
    }
  )

  test.each(LIST_CASES)('%s: open, approved, expired, denied and all are sent as they are', (_name, { type, scope, list }) => {
    for (const requestStatus of ['open', 'approved', 'expired', 'denied', 'all'] as RequestStatus[]) {
      expect(listCall(type, list, filters(scope, { requestStatus })).query.request_status).toBe(requestStatus)
    }
  })
})

describe('listRequests: a page whose body arrives as a stream', () => {
  const ROUTE = `GET /repos/${REPO}/bypass-requests/secret-scanning`
  const API = `https://api.github.com/repos/${REPO}/bypass-requests/secret-scanning`

  interface Answer {
    status: number
    headers: Record<string, string>
    data: unknown
  }

  /** A body sent in `chunks`, one turn of the event loop apart, as a network delivers it. */
  function streamOf(chunks: Uint8Array[]): ReadableStream<Uint8Array> {
    let next = 0
    return new ReadableStream<Uint8Array>({
      async pull(controller) {
        await new Promise(resolve => setImmediate(resolve))
        const chunk = chunks[next++]
        if (chunk) controller.enqueue(chunk)
        else controller.close()
      }
    })
  }

  /** `bytes` cut at each offset of `at`. */
  function cut(bytes: Buffer, at: number[]): Buffer[] {
    const ends = [...at, bytes.length]
    return ends.map((end, i) => bytes.subarray(i === 0 ? 0 : ends[i - 1], end))
  }

  /** Every page of the list, in order, answered as the test says; page 1 links the last when there are more. */
  function list(bodies: unknown[]) {
    const request = jest.fn(async (_route: string, params: { page: number }): Promise<Answer> => {
      const data = bodies[params.page - 1]
      const headers: Record<string, string> = {}
      if (params.page === 1 && bodies.length > 1) headers.link = `<${API}?page=2>; rel="next", <${API}?page=${bodies.length}>; rel="last"`
      return { status: 200, headers, data }
    })
    return { request, read: () => listRequests(fakeGitHub(request), pLimit(2), { route: ROUTE, query: { per_page: PER_PAGE } }, item => item) }
  }

  const ITEMS = [
    rawItem({ kind: 'secret-scanning-bypass', repository: REPO, number: 1, comment: 'é 😀 日本語 — needed for the demo' }),
    rawItem({ kind: 'secret-scanning-bypass', repository: REPO, number: 2, requester: 'mona-é', comment: '😀😀 ü' })
  ]
  const TEXT = JSON.stringify(ITEMS)
  const BYTES = Buffer.from(TEXT)

  test('several chunks, a 4-byte and a 2-byte character each cut in two across chunks: the items as sent', async () => {
    const emoji = BYTES.indexOf(Buffer.from('😀'))
    const accent = BYTES.indexOf(Buffer.from('é'))
    const chunks = cut(
      BYTES,
      [accent + 1, Math.floor(BYTES.length / 3), emoji + 2, Math.floor((2 * BYTES.length) / 3)].sort((a, b) => a - b)
    )
    expect(chunks.length).toBeGreaterThanOrEqual(4)
    // The cuts do split characters: read alone, a chunk would not be the text it carries.
    expect(chunks.map(c => c.toString('utf8')).join('')).not.toBe(TEXT)
    expect(chunks.map(c => c.toString('utf8')).join('')).toContain('\ufffd')
    const { read } = list([streamOf(chunks)])
    expect(await read()).toEqual(JSON.parse(TEXT))
  })

  test('one byte at a time: the items as sent', async () => {
    const { read } = list([streamOf(Array.from(BYTES, byte => Uint8Array.of(byte)))])
    const items = (await read()) as { requester_comment?: string }[]
    expect(items).toEqual(JSON.parse(TEXT))
    expect(items.map(item => item.requester_comment)).toEqual(['é 😀 日本語 — needed for the demo', '😀😀 ü'])
  })

  test('two pages, each a stream cut inside a character: the items of both, in order', async () => {
    const second = [rawItem({ kind: 'secret-scanning-bypass', repository: REPO, number: 3, comment: '日本 😀' })]
    const secondBytes = Buffer.from(JSON.stringify(second))
    const { read, request } = list([
      streamOf(cut(BYTES, [BYTES.indexOf(Buffer.from('😀')) + 1])),
      streamOf(cut(secondBytes, [secondBytes.indexOf(Buffer.from('😀')) + 3]))
    ])
    expect(await read()).toEqual([...(JSON.parse(TEXT) as unknown[]), ...second])
    expect(request.mock.calls.map(([, params]) => params.page)).toEqual([1, 2])
  })

  test.each([
    ['cut short', Buffer.from(TEXT.slice(0, 60))],
    ['not JSON', Buffer.from('<html>é 😀 Bad gateway</html>')],
    ['an object, not a list', Buffer.from('{"message":"é 😀 Not Found"}')],
    ['a list of numbers', Buffer.from('[1,2,3]')],
    ['empty', Buffer.alloc(0)]
  ])('a body %s, sent in chunks: MalformedResponseError naming the endpoint and page', async (_name, body) => {
    const { read } = list([streamOf(cut(body, [Math.floor(body.length / 2)]))])
    const failure = read()
    await expect(failure).rejects.toBeInstanceOf(MalformedResponseError)
    await expect(failure).rejects.toMatchObject({
      endpoint: `${ROUTE}?page=1`,
      message: `GitHub's answer to ${ROUTE}?page=1 was not the JSON list the API describes`
    })
  })

  test('a body that breaks off is a failed call, not a malformed answer', async () => {
    const broken = new ReadableStream<Uint8Array>({
      start(controller) {
        controller.enqueue(BYTES.subarray(0, 20))
        controller.error(Object.assign(new Error('other side closed'), { code: 'UND_ERR_SOCKET' }))
      }
    })
    const { read } = list([broken])
    const failure = read()
    await expect(failure).rejects.not.toBeInstanceOf(MalformedResponseError)
    await expect(failure).rejects.toThrow('other side closed')
  })

  test('a malformed second page names page 2', async () => {
    const { read } = list([streamOf([BYTES]), streamOf(cut(Buffer.from('[{"id": 9, "x": "😀'), [5, 17]))])
    await expect(read()).rejects.toMatchObject({ name: 'MalformedResponseError', endpoint: `${ROUTE}?page=2` })
  })
})
