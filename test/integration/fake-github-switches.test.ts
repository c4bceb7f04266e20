/**
 * The fake's switches that make it odd the ways real servers and proxies
 * can be, checked over HTTP: odd items, list bodies that are not lists,
 * redirects (to itself and to another origin), lists that grow while they
 * are read, and filters that are ignored; reset() turns them all off. And
 * the port it listens on.
 */
import { afterAll, beforeAll, beforeEach, describe, expect, test } from '@jest/globals'
import { makeRequest, type RequestSpec } from '../fake-github/model.js'
import { startOtherOrigin } from '../fake-github/other-origin.js'
import { FakeGitHub } from '../fake-github/server.js'

const fake = new FakeGitHub({ enterprises: { 'octo-enterprise': ['octo-org', 'octo-labs'] } })
beforeAll(() => fake.start())
afterAll(() => fake.stop())
beforeEach(() => fake.reset())

/** The secret scanning bypass lists at the three scopes. */
const BYPASS = '/repos/octo-org/smile/bypass-requests/secret-scanning'
const ORG_BYPASS = '/orgs/octo-org/bypass-requests/secret-scanning'
const ENTERPRISE_BYPASS = '/enterprises/octo-enterprise/bypass-requests/secret-scanning'

const get = (path: string, init: RequestInit = {}) => fetch(`${fake.url}${path}`, { headers: { authorization: `token ${fake.token}` }, ...init })

/** A list's answer: status, Link header and items. */
async function list(path: string): Promise<{ status: number; link: string; items: Record<string, unknown>[] }> {
  const response = await get(path)
  return { status: response.status, link: response.headers.get('link') ?? '', items: (await response.json()) as Record<string, unknown>[] }
}

/** The numbers of a list's items, in the order served. */
const numbers = async (path: string) => (await list(path)).items.map(i => i.number)

const bypass = (spec: Partial<RequestSpec> & { number: number }) => makeRequest({ kind: 'secret-scanning-bypass', repository: 'octo-org/smile', ...spec })

describe('odd items (StoredRequest.override)', () => {
  test('replaces or removes top-level fields of the rendered item, in lists and single gets', async () => {
    fake.requests = [
      bypass({ number: 1, ageHours: 1, override: { status: 'weird' } }),
      bypass({ number: 2, ageHours: 2, override: { created_at: undefined } }),
      bypass({ number: 3, ageHours: 3, override: { created_at: 'yesterday' } }),
      bypass({ number: 4, ageHours: 4, override: { repository: null } }),
      bypass({ number: 5, ageHours: 5, override: { number: -3 } }),
      bypass({ number: 6, ageHours: 6, override: { number: '7' } }),
      bypass({ number: 7, ageHours: 7, override: { id: 1.5 } })
    ]
    const { items } = await list(`${BYPASS}?per_page=100&time_period=month`)
    expect(items).toHaveLength(7)
    expect(items[0]!.status).toBe('weird')
    expect(items[1]).not.toHaveProperty('created_at')
    expect(items[1]).toHaveProperty('expires_at')
    expect(items[2]!.created_at).toBe('yesterday')
    expect(items[3]!.repository).toBeNull()
    expect(items[4]!.number).toBe(-3)
    expect(items[5]!.number).toBe('7')
    expect(items[6]!.id).toBe(1.5)
    // Single gets find the request by its stored number and render it the same way.
    const one = (await (await get(`${BYPASS}/5`)).json()) as Record<string, unknown>
    expect(one.number).toBe(-3)
  })

  test('filters and sorting still read the stored fields', async () => {
    fake.requests = [
      bypass({ number: 1, ageHours: 30, override: { created_at: '2099-01-01T00:00:00Z', status: 'denied' } }),
      bypass({ number: 2, ageHours: 1, requester: 'hubot', override: { created_at: '2000-01-01T00:00:00Z', requester: null } }),
      bypass({ number: 3, ageHours: 5, status: 'denied', override: { status: 'open' } }),
      makeRequest({ kind: 'secret-scanning-bypass', repository: 'octo-org/web', number: 4, ageHours: 2, override: { repository: null } })
    ]
    const month = `${BYPASS}?time_period=month`
    expect(await numbers(month)).toEqual([2, 3, 1])
    expect(await numbers(`${month}&request_status=open`)).toEqual([2, 1])
    expect(await numbers(`${month}&request_status=denied`)).toEqual([3])
    expect(await numbers(`${month}&requester=hubot`)).toEqual([2])
    expect(await numbers(`${ORG_BYPASS}?time_period=month&repository_name=web`)).toEqual([4])
  })
})

describe('a list answer that is not an array of objects (fault kind body)', () => {
  test.each([[[1, 2]], [{ message: 'hi' }], [[null]], ['a string']])('answers 200 with %j as JSON', async body => {
    fake.requests = [makeRequest({ kind: 'dependabot-dismissal', repository: 'octo-org/smile', number: 1 })]
    fake.fault({ kind: 'body', path: /dismissal-requests\/dependabot$/, body, times: 1 })
    const response = await get('/repos/octo-org/smile/dismissal-requests/dependabot?time_period=month')
    expect(response.status).toBe(200)
    expect(response.headers.get('content-type')).toMatch(/^application\/json/)
    expect(await response.json()).toEqual(body)
    // Once spent, the list answers as usual.
    expect((await list('/repos/octo-org/smile/dismissal-requests/dependabot?time_period=month')).items).toHaveLength(1)
  })
})

describe('a growing list (growAfterFirstPage)', () => {
  test('requests added after page 1 shift later pages, and a page that was last then links a next one', async () => {
    fake.requests = Array.from({ length: 300 }, (_, i) => bypass({ number: i + 1, ageHours: 10 + i }))
    fake.growAfterFirstPage(Array.from({ length: 10 }, (_, i) => bypass({ number: 1001 + i, ageHours: 1 + i / 10 })))
    const page = (n: number) => list(`${BYPASS}?per_page=100&time_period=month&page=${n}`)

    const first = await page(1)
    expect(first.items.map(i => i.number)).toEqual(Array.from({ length: 100 }, (_, i) => i + 1))
    expect(first.link).toMatch(/[?&]page=3>; rel="last"/)
    expect(fake.requests).toHaveLength(310)

    // Newest first: the ten newer requests push the last ten of page 1 onto page 2.
    const second = await page(2)
    expect(second.items[0]!.number).toBe(91)
    const third = await page(3)
    expect(third.items).toHaveLength(100)
    expect(third.link).toMatch(/[?&]page=4>; rel="next"/)
    expect(third.link).toMatch(/[?&]page=4>; rel="last"/)
    expect((await page(4)).items.map(i => i.number)).toEqual(Array.from({ length: 10 }, (_, i) => 291 + i))

    // It grows once: a later page 1 adds nothing.
    await page(1)
    expect(fake.requests).toHaveLength(310)
  })
})

describe('redirects (fault kind redirect)', () => {
  test('a same-origin path is resolved against the fake: the status and Location, no body', async () => {
    fake.fault({ kind: 'redirect', path: /secret-scanning$/, status: 301, location: '/repos/octo-org/smile/bypass-requests/push-rules?time_period=month', times: 1 })
    const response = await get(BYPASS, { redirect: 'manual' })
    expect(response.status).toBe(301)
    expect(response.headers.get('location')).toBe(`${fake.url}/repos/octo-org/smile/bypass-requests/push-rules?time_period=month`)
    expect(response.headers.get('content-type')).toBeNull()
    expect(await response.text()).toBe('')
  })

  test('307 by default; a client that follows it gets the other list, with its token', async () => {
    fake.requests = [makeRequest({ kind: 'push-ruleset-bypass', repository: 'octo-org/smile', number: 9 })]
    fake.fault({ kind: 'redirect', path: /secret-scanning$/, location: '/repos/octo-org/smile/bypass-requests/push-rules', times: 1 })
    const response = await get(BYPASS)
    expect(response.status).toBe(200)
    expect(((await response.json()) as { number: number }[]).map(i => i.number)).toEqual([9])
    expect(fake.calls.map(c => [c.path, c.status, c.headers.authorization])).toEqual([
      [BYPASS, 307, '(present)'],
      ['/repos/octo-org/smile/bypass-requests/push-rules', 200, '(present)']
    ])
  })

  test('an absolute URL to another origin: the fetch there carries no token', async () => {
    const other = await startOtherOrigin()
    try {
      fake.fault({ kind: 'redirect', status: 308, location: `${other.url}/elsewhere?page=2` })
      const manual = await get(BYPASS, { redirect: 'manual' })
      expect(manual.status).toBe(308)
      expect(manual.headers.get('location')).toBe(`${other.url}/elsewhere?page=2`)

      const followed = await get(BYPASS)
      expect(followed.status).toBe(200)
      expect(await followed.json()).toEqual([])
      expect(other.requests).toEqual([{ method: 'GET', path: '/elsewhere?page=2', authorized: false, authorization: undefined }])
    } finally {
      await other.stop()
    }
  })

  test('the other origin records a token that is sent to it', async () => {
    const other = await startOtherOrigin()
    try {
      await fetch(`${other.url}/leak`, { headers: { authorization: 'token leaked' } })
      expect(other.requests).toEqual([{ method: 'GET', path: '/leak', authorized: true, authorization: 'token leaked' }])
    } finally {
      await other.stop()
    }
  })
})

describe('a server that ignores filters (ignoreFilters)', () => {
  beforeEach(() => {
    fake.requests = [
      bypass({ number: 1, ageHours: 1, requester: 'monalisa' }),
      bypass({
        number: 2,
        ageHours: 2,
        requester: 'hubot',
        status: 'denied',
        responses: [{ id: 1, reviewer: 'octocat', status: 'denied', created_at: '2026-01-01T00:00:00Z' }]
      }),
      makeRequest({ kind: 'secret-scanning-bypass', repository: 'octo-org/web', number: 3, ageHours: 3 }),
      makeRequest({ kind: 'secret-scanning-bypass', repository: 'octo-labs/lab', number: 4, ageHours: 4 }),
      // Out of every list below: too old for the time period, another organization outside the enterprise, another type.
      bypass({ number: 5, ageHours: 48 }),
      makeRequest({ kind: 'secret-scanning-bypass', repository: 'other-org/smile', number: 6 }),
      makeRequest({ kind: 'push-ruleset-bypass', repository: 'octo-org/smile', number: 7 })
    ]
  })
  test('returns the requests the filters would have excluded, within scope and time period', async () => {
    const filtered = `${BYPASS}?time_period=day&request_status=open&requester=monalisa`
    expect(await numbers(filtered)).toEqual([1])
    expect(await numbers(`${ORG_BYPASS}?repository_name=web&reviewer=octocat`)).toEqual([])
    expect(await numbers(`${ENTERPRISE_BYPASS}?organization_name=octo-labs`)).toEqual([4])

    fake.ignoreFilters = true
    expect(await numbers(filtered)).toEqual([1, 2])
    expect(await numbers(`${ORG_BYPASS}?repository_name=web&reviewer=octocat`)).toEqual([1, 2, 3])
    expect(await numbers(`${ENTERPRISE_BYPASS}?organization_name=octo-labs`)).toEqual([1, 2, 3, 4])
  })

  test('still validates and paginates', async () => {
    fake.ignoreFilters = true
    expect((await get(`${BYPASS}?request_status=sleeping`)).status).toBe(422)
    const page = await list(`${BYPASS}?requester=nobody&per_page=1`)
    expect(page.items).toHaveLength(1)
    expect(page.link).toMatch(/[?&]page=2>; rel="next"/)
  })
})

test('reset() turns every switch off', async () => {
  const other = await startOtherOrigin()
  try {
    fake.requests = [bypass({ number: 1 }), bypass({ number: 2, status: 'denied' })]
    fake.ignoreFilters = true
    fake.growAfterFirstPage([bypass({ number: 3 })])
    fake.fault({ kind: 'redirect', location: other.url })
    fake.fault({ kind: 'body', body: [1] })
    fake.reset()
    expect(fake.ignoreFilters).toBe(false)

    fake.requests = [bypass({ number: 1 }), bypass({ number: 2, status: 'denied' })]
    const first = await list(`${BYPASS}?request_status=open`)
    expect(first.status).toBe(200)
    expect(first.items.map(i => i.number)).toEqual([1])
    expect(fake.requests).toHaveLength(2)
    expect(other.requests).toEqual([])
  } finally {
    await other.stop()
  }
})

describe('the port (start)', () => {
  test('a port in use: start rejects with EADDRINUSE, and the same fake can then start on a port the system picks', async () => {
    const first = new FakeGitHub()
    const second = new FakeGitHub()
    try {
      const port = Number(new URL(await first.start(0)).port)
      expect(port).toBeGreaterThan(0)
      await expect(second.start(port)).rejects.toMatchObject({ code: 'EADDRINUSE' })
      const url = await second.start(0)
      expect(second.url).toBe(url)
      expect(Number(new URL(url).port)).not.toBe(port)
      // Both answer, each with its own store.
      second.requests = [bypass({ number: 7 })]
      const answer = await fetch(`${url}${BYPASS}`, { headers: { authorization: `token ${second.token}` } })
      expect(answer.status).toBe(200)
      expect(((await answer.json()) as { number: number }[]).map(i => i.number)).toEqual([7])
      const firstAnswer = await fetch(`${first.url}${BYPASS}`, { headers: { authorization: `token ${first.token}` } })
      expect(((await firstAnswer.json()) as unknown[]).length).toBe(0)
    } finally {
      await second.stop()
      await first.stop()
    }
  })

  test('a free port given is the port it listens on', async () => {
    const probe = new FakeGitHub()
    const port = Number(new URL(await probe.start(0)).port)
    await probe.stop()
    const fake = new FakeGitHub()
    try {
      expect(await fake.start(port)).toBe(`http://127.0.0.1:${port}`)
    } finally {
      await fake.stop()
    }
  })
})
