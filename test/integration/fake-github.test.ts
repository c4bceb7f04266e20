/**
 * The fake GitHub itself behaves like GitHub: its list answers validate
 * against the OpenAPI response schemas, it rejects what the description
 * rejects (422 with GitHub's error shape), checks the token and paginates.
 */
import { afterAll, beforeAll, describe, expect, test } from '@jest/globals'
import { Ajv } from 'ajv'
import addFormatsModule from 'ajv-formats'
import { KINDS, makeRequest } from '../fake-github/model.js'
import { openapi, ROUTES } from '../fake-github/openapi.js'
import { FakeGitHub } from '../fake-github/server.js'

// ajv-formats is CommonJS: its default export arrives wrapped under ESM.
const addFormats = ((addFormatsModule as unknown as { default?: unknown }).default ?? addFormatsModule) as (ajv: Ajv) => void

const ajv = new Ajv({ strict: false, allErrors: true })
addFormats(ajv)
ajv.addFormat('int64', true)
ajv.addSchema({ ...openapi, $id: 'openapi.json' })

function responseValidator(template: string, status = '200') {
  const pointer = ['paths', template, 'get', 'responses', status, 'content', 'application/json', 'schema']
    .map(part => encodeURIComponent(part.replace(/~/g, '~0').replace(/\//g, '~1')))
    .join('/')
  const validate = ajv.getSchema(`openapi.json#/${pointer}`)
  if (!validate) throw new Error(`no schema for ${template}`)
  return validate
}

const fake = new FakeGitHub({
  enterprises: { 'octo-enterprise': ['octo-org'] },
  requests: [
    ...KINDS.flatMap((k, i) => [
      makeRequest({ kind: k.id, repository: 'octo-org/smile', number: 10 + i, ageHours: 5 }),
      makeRequest({ kind: k.id, repository: 'octo-org/web', number: 20 + i, ageHours: 50, requester: 'hubot', comment: null }),
      makeRequest({
        kind: k.id,
        repository: 'octo-org/smile',
        number: 30 + i,
        ageHours: 80,
        status: 'denied',
        responses: [{ id: 700 + i, reviewer: 'octocat', status: 'denied', created_at: '2026-01-01T00:00:00Z' }]
      })
    ])
  ]
})

const get = (path: string, token: string | null = fake.token) => fetch(`${fake.url}${path}`, { headers: token ? { authorization: `token ${token}` } : {} })

beforeAll(() => fake.start())
afterAll(() => fake.stop())

const LIST_ROUTES = ROUTES.filter(r => r.method === 'GET' && /(bypass|dismissal)-requests\/[a-z-]+$/.test(r.template))
const concrete = (template: string) =>
  template.replace('{enterprise}', 'octo-enterprise').replace('{org}', 'octo-org').replace('{owner}', 'octo-org').replace('{repo}', 'smile')

describe('list answers', () => {
  test('the fixture describes 13 list endpoints (5 types at their scopes)', () => {
    expect(LIST_ROUTES).toHaveLength(13)
  })

  test.each(LIST_ROUTES.map(r => [r.template]))('%s validates against its OpenAPI response schema', async template => {
    const response = await get(`${concrete(template)}?time_period=month&per_page=100`)
    expect(response.status).toBe(200)
    const body = (await response.json()) as unknown[]
    expect(body.length).toBeGreaterThanOrEqual(2)
    const validate = responseValidator(template)
    const valid = validate(body)
    expect(validate.errors ?? []).toEqual([])
    expect(valid).toBe(true)
  })

  test('the schema check can fail: a wrong shape is rejected', async () => {
    const validate = responseValidator('/repos/{owner}/{repo}/bypass-requests/secret-scanning')
    expect(validate([{ id: 'not a number', status: 'sleeping' }])).toBe(false)
  })

  test('each endpoint applies the time_period default of the description when none is sent', async () => {
    // 50 and 80 hours old: outside `day` (bypass lists' default), inside `month` (code scanning's default).
    const bypass = (await (await get('/repos/octo-org/smile/bypass-requests/secret-scanning')).json()) as unknown[]
    const code = (await (await get('/repos/octo-org/smile/dismissal-requests/code-scanning')).json()) as unknown[]
    expect(bypass).toHaveLength(1)
    expect(code).toHaveLength(2)
  })
})

describe('validation like GitHub', () => {
  test('a request_status the endpoint does not accept answers 422 with the validation error shape', async () => {
    const response = await get('/repos/octo-org/smile/dismissal-requests/code-scanning?request_status=cancelled')
    expect(response.status).toBe(422)
    const body = (await response.json()) as { message: string; errors: { field: string; code: string }[]; documentation_url: string }
    expect(body.message).toBe('Validation Failed')
    expect(body.errors[0]).toMatchObject({ field: 'request_status', code: 'invalid' })
    expect(typeof body.documentation_url).toBe('string')
    const accepted = await get('/repos/octo-org/smile/bypass-requests/secret-scanning?request_status=cancelled')
    expect(accepted.status).toBe(200)
  })

  test('a time_period outside the enum answers 422', async () => {
    expect((await get('/orgs/octo-org/bypass-requests/push-rules?time_period=year')).status).toBe(422)
  })

  test('no token or a wrong token answers 401 Bad credentials', async () => {
    for (const token of [null, 'wrong']) {
      const response = await get('/repos/octo-org/smile/bypass-requests/secret-scanning', token)
      expect(response.status).toBe(401)
      expect(((await response.json()) as { message: string }).message).toBe('Bad credentials')
    }
  })

  test('deny() answers 403 or 404 for one type, at one scope or all', async () => {
    const f = new FakeGitHub({ requests: [] })
    await f.start()
    try {
      f.deny('dismissal-requests/dependabot', 403, 'organization')
      f.deny('bypass-requests/push-rules', 404)
      const at = (path: string) => fetch(`${f.url}${path}`, { headers: { authorization: `token ${f.token}` } }).then(r => r.status)
      expect(await at('/orgs/octo-org/dismissal-requests/dependabot')).toBe(403)
      expect(await at('/repos/octo-org/smile/dismissal-requests/dependabot')).toBe(200)
      expect(await at('/orgs/octo-org/bypass-requests/push-rules')).toBe(404)
      expect(await at('/repos/octo-org/smile/bypass-requests/push-rules')).toBe(404)
    } finally {
      await f.stop()
    }
  })

  test('pagination: per_page is capped at 100 and Link names next and last', async () => {
    const many = new FakeGitHub({
      requests: Array.from({ length: 250 }, (_, i) => makeRequest({ kind: 'secret-scanning-bypass', repository: 'octo-org/smile', number: i + 1 }))
    })
    await many.start()
    try {
      const response = await fetch(`${many.url}/repos/octo-org/smile/bypass-requests/secret-scanning?per_page=500`, {
        headers: { authorization: `token ${many.token}` }
      })
      expect(((await response.json()) as unknown[]).length).toBe(100)
      const link = response.headers.get('link') ?? ''
      expect(link).toMatch(/page=2>; rel="next"/)
      expect(link).toMatch(/page=3>; rel="last"/)
    } finally {
      await many.stop()
    }
  })

  test('every call is recorded with its query and headers', async () => {
    fake.resetCalls()
    await get('/orgs/octo-org/dismissal-requests/dependabot?requester=hubot')
    expect(fake.calls).toHaveLength(1)
    expect(fake.calls[0]).toMatchObject({ method: 'GET', path: '/orgs/octo-org/dismissal-requests/dependabot', query: { requester: 'hubot' }, status: 200 })
  })
})

describe('reviews like GitHub', () => {
  const write = (f: FakeGitHub, method: string, path: string, body?: object) =>
    fetch(`${f.url}${path}`, {
      method,
      headers: { authorization: `token ${f.token}`, 'content-type': 'application/json' },
      body: body ? JSON.stringify(body) : undefined
    })

  test('a bypass request takes approve/reject: deny answers 422, and a reviewed request cannot be reviewed again', async () => {
    const f = new FakeGitHub({ requests: [makeRequest({ kind: 'secret-scanning-bypass', repository: 'octo-org/smile', number: 4 })] })
    await f.start()
    try {
      const path = '/repos/octo-org/smile/bypass-requests/secret-scanning/4'
      expect((await write(f, 'PATCH', path, { status: 'deny', message: 'no' })).status).toBe(422)
      expect((await write(f, 'PATCH', path, { status: 'reject' })).status).toBe(422)
      expect((await write(f, 'PATCH', path, { status: 'reject', message: 'x'.repeat(2049) })).status).toBe(422)
      expect(f.requests[0]!.status).toBe('open')
      const ok = await write(f, 'PATCH', path, { status: 'reject', message: 'Rotate it first.' })
      expect(ok.status).toBe(200)
      const { bypass_review_id: id } = (await ok.json()) as { bypass_review_id: number }
      expect(f.requests[0]).toMatchObject({ status: 'denied', responses: [{ id, status: 'denied', reviewer: f.login }] })
      expect((await write(f, 'PATCH', path, { status: 'approve', message: 'again' })).status).toBe(422)
      // Its response can be dismissed once, and the request is open again.
      expect((await write(f, 'DELETE', `/repos/octo-org/smile/bypass-responses/secret-scanning/${id}`)).status).toBe(204)
      expect(f.requests[0]!.status).toBe('open')
      expect((await write(f, 'DELETE', `/repos/octo-org/smile/bypass-responses/secret-scanning/${id}`)).status).toBe(422)
    } finally {
      await f.stop()
    }
  })

  test('dismissal requests are keyed by alert number and take approve/deny; code scanning answers 204', async () => {
    const f = new FakeGitHub({
      requests: [
        makeRequest({ kind: 'code-scanning-dismissal', repository: 'octo-org/smile', number: 1, alertNumber: 31 }),
        makeRequest({ kind: 'dependabot-dismissal', repository: 'octo-org/smile', number: 2, alertNumber: 32 })
      ]
    })
    await f.start()
    try {
      expect((await write(f, 'PATCH', '/repos/octo-org/smile/dismissal-requests/code-scanning/1', { status: 'deny', message: 'm' })).status).toBe(404)
      expect((await write(f, 'PATCH', '/repos/octo-org/smile/dismissal-requests/code-scanning/31', { status: 'reject', message: 'm' })).status).toBe(422)
      const code = await write(f, 'PATCH', '/repos/octo-org/smile/dismissal-requests/code-scanning/31', { status: 'deny', message: 'm' })
      expect(code.status).toBe(204)
      expect(await code.text()).toBe('')
      const dependabot = await write(f, 'PATCH', '/repos/octo-org/smile/dismissal-requests/dependabot/32', { status: 'approve', message: 'm' })
      expect(dependabot.status).toBe(200)
      expect(Object.keys((await dependabot.json()) as object)).toEqual(['dismissal_review_id'])
      expect(f.requests.map(r => r.status)).toEqual(['denied', 'approved'])
    } finally {
      await f.stop()
    }
  })
})
