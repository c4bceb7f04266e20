/**
 * The fake GitHub serves the alerts its dismissal requests are about the
 * way GitHub does, checked over HTTP: answers that validate against the
 * OpenAPI response schemas, the secret only when not hidden (or when
 * sendSecretAnyway), per-alert overrides (setAlert), 404 for alerts no
 * request names, faults and denials per endpoint, 401 without a token.
 */
import { afterAll, beforeAll, beforeEach, describe, expect, test } from '@jest/globals'
import type { AlertKind } from '../fake-github/alerts.js'
import { makeRequest, type RequestSpec } from '../fake-github/model.js'
import { responseValidator } from '../fake-github/openapi.js'
import { FakeGitHub } from '../fake-github/server.js'

const fake = new FakeGitHub()
beforeAll(() => fake.start())
afterAll(() => fake.stop())

const KIND_OF: Record<AlertKind, string> = {
  'secret-scanning': 'secret-scanning-dismissal',
  'code-scanning': 'code-scanning-dismissal',
  dependabot: 'dependabot-dismissal'
}
const ALERT_KINDS = Object.keys(KIND_OF) as AlertKind[]

/** Dismissal requests in octo-org/smile naming alert 17 (as a string) and 19 (as an integer) of each kind. */
function requests(extra: Partial<RequestSpec> = {}) {
  return ALERT_KINDS.flatMap((alertKind, i) => [
    makeRequest({ kind: KIND_OF[alertKind], repository: 'octo-org/smile', number: 100 + i, alertNumber: 17, ...extra }),
    makeRequest({ kind: KIND_OF[alertKind], repository: 'octo-org/smile', number: 200 + i, alertNumber: 19, alertNumberAs: 'integer', ...extra })
  ])
}

beforeEach(() => {
  fake.reset()
  fake.requests = requests()
})

const alertPath = (alertKind: AlertKind, number: number | string, repository = 'octo-org/smile') => `/repos/${repository}/${alertKind}/alerts/${number}`
const TEMPLATE = (alertKind: AlertKind) => `/repos/{owner}/{repo}/${alertKind}/alerts/{alert_number}`

const get = (path: string, token: string | null = fake.token) => fetch(`${fake.url}${path}`, { headers: token ? { authorization: `token ${token}` } : {} })

/** A 200 answer's alert. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
async function alert(path: string): Promise<Record<string, any>> {
  const response = await get(path)
  expect(response.status).toBe(200)
  return (await response.json()) as Record<string, any> // eslint-disable-line @typescript-eslint/no-explicit-any
}

function expectValid(alertKind: AlertKind, body: unknown): void {
  const validate = responseValidator(TEMPLATE(alertKind))
  const valid = validate(body)
  expect(validate.errors ?? []).toEqual([])
  expect(valid).toBe(true)
}

describe('alerts like GitHub', () => {
  test.each(
    ALERT_KINDS.flatMap((k): [AlertKind, number, string][] => [
      [k, 17, 'string'],
      [k, 19, 'integer']
    ])
  )('%s alert %i (alert_number sent as %s) validates against its OpenAPI response schema', async (alertKind, number) => {
    const body = await alert(alertPath(alertKind, number))
    expectValid(alertKind, body)
    expect(body).toMatchObject({ number, state: 'open' })
    expect(body.url).toBe(`https://api.github.com/repos/octo-org/smile/${alertKind}/alerts/${number}`)
    expect(body.html_url).toMatch(new RegExp(`^https://github\\.com/octo-org/smile/.+/${number}$`))
    expect(Date.parse(body.created_at)).toBeLessThan(Date.now())
  })

  test('the schema check can fail: an alert without a required field is rejected', async () => {
    fake.setAlert('code-scanning', 'octo-org/smile', 17, { rule: undefined })
    const validate = responseValidator(TEMPLATE('code-scanning'))
    expect(validate(await alert(alertPath('code-scanning', 17)))).toBe(false)
    expect(validate.errors?.[0]).toMatchObject({ keyword: 'required', params: { missingProperty: 'rule' } })
  })

  test('secret scanning: the type, a display name, unknown validity, not publicly leaked', async () => {
    fake.requests = [
      makeRequest({ kind: 'secret-scanning-dismissal', repository: 'octo-org/smile', number: 1, alertNumber: 5, secretType: 'github_personal_access_token' }),
      ...requests()
    ]
    expect(await alert(alertPath('secret-scanning', 17))).toMatchObject({
      secret_type: 'adafruit_io_key',
      secret_type_display_name: 'Adafruit IO Key',
      validity: 'unknown',
      publicly_leaked: false
    })
    expect((await alert(alertPath('secret-scanning', 5))).secret_type_display_name).toBe('GitHub Personal Access Token')
  })

  test('code scanning: a CodeQL rule of medium security severity, not dismissed', async () => {
    const body = await alert(alertPath('code-scanning', 17))
    expect(body.rule).toMatchObject({ severity: 'warning', security_severity_level: 'medium' })
    for (const field of ['id', 'name', 'description', 'full_description']) expect(typeof body.rule[field]).toBe('string')
    expect(body.tool.name).toBe('CodeQL')
    expect(body).toMatchObject({ dismissed_by: null, dismissed_at: null, dismissed_reason: null })
  })

  test('dependabot: the package of the request alert title, a high advisory, not dismissed', async () => {
    const body = await alert(alertPath('dependabot', 19))
    expect(body.dependency.package).toEqual({ ecosystem: 'npm', name: 'lodash' })
    expect(body.security_advisory).toMatchObject({ ghsa_id: 'GHSA-1234-abcd-5678', severity: 'high', withdrawn_at: null })
    expect(body.security_advisory.cve_id).toMatch(/^CVE-\d{4}-\d+$/)
    expect(body).toMatchObject({ dismissed_by: null, dismissed_at: null, dismissed_reason: null })
  })
})

describe('the secret (hide_secret)', () => {
  test('present unless hide_secret=true, like GitHub', async () => {
    expect((await alert(alertPath('secret-scanning', 17))).secret).toBe('fake-secret-value-17')
    expect((await alert(`${alertPath('secret-scanning', 17)}?hide_secret=false`)).secret).toBe('fake-secret-value-17')
    const hidden = await alert(`${alertPath('secret-scanning', 17)}?hide_secret=true`)
    expect(hidden).not.toHaveProperty('secret')
    expectValid('secret-scanning', hidden)
  })

  test('sendSecretAnyway sends it even when hidden; reset() turns it off', async () => {
    fake.sendSecretAnyway = true
    expect((await alert(`${alertPath('secret-scanning', 19)}?hide_secret=true`)).secret).toBe('fake-secret-value-19')
    fake.reset()
    fake.requests = requests()
    expect(fake.sendSecretAnyway).toBe(false)
    expect(await alert(`${alertPath('secret-scanning', 19)}?hide_secret=true`)).not.toHaveProperty('secret')
  })
})

describe('overrides (setAlert)', () => {
  test('merge over one alert, nested objects shallowly, and still validate', async () => {
    fake.setAlert('secret-scanning', 'octo-org/smile', 17, { validity: 'active' })
    fake.setAlert('code-scanning', 'Octo-Org/Smile', 17, { rule: { security_severity_level: 'critical' } })
    fake.setAlert('dependabot', 'octo-org/smile', 17, { security_advisory: { severity: 'critical', cve_id: 'CVE-2024-1234' } })

    const secret = await alert(alertPath('secret-scanning', 17))
    expect(secret).toMatchObject({ validity: 'active', secret_type: 'adafruit_io_key' })
    const code = await alert(alertPath('code-scanning', 17))
    expect(code.rule).toMatchObject({ security_severity_level: 'critical', severity: 'warning', id: 'js/missing-origin-check' })
    const dependabot = await alert(alertPath('dependabot', 17))
    expect(dependabot.security_advisory).toMatchObject({ severity: 'critical', cve_id: 'CVE-2024-1234', ghsa_id: 'GHSA-1234-abcd-5678' })
    expectValid('secret-scanning', secret)
    expectValid('code-scanning', code)
    expectValid('dependabot', dependabot)

    // Other alerts, of the same number or the same kind, are untouched.
    expect((await alert(alertPath('secret-scanning', 19))).validity).toBe('unknown')
    expect((await alert(alertPath('code-scanning', 19))).rule.security_severity_level).toBe('medium')
  })

  test('calls add up; undefined removes a field; reset() clears them', async () => {
    fake.setAlert('secret-scanning', 'octo-org/smile', 17, { validity: 'inactive' })
    fake.setAlert('secret-scanning', 'octo-org/smile', 17, { publicly_leaked: true, secret_type_display_name: undefined })
    expect(await alert(alertPath('secret-scanning', 17))).toMatchObject({ validity: 'inactive', publicly_leaked: true })
    expect(await alert(alertPath('secret-scanning', 17))).not.toHaveProperty('secret_type_display_name')
    fake.reset()
    fake.requests = requests()
    expect(await alert(alertPath('secret-scanning', 17))).toMatchObject({ validity: 'unknown', publicly_leaked: false, secret_type_display_name: 'Adafruit IO Key' })
  })

  test('do not make an alert exist that no request names', async () => {
    fake.setAlert('dependabot', 'octo-org/smile', 99, { state: 'open' })
    expect((await get(alertPath('dependabot', 99))).status).toBe(404)
  })
})

describe('errors like GitHub', () => {
  test.each(ALERT_KINDS)('%s: 404 Not Found for an alert no request names, in another repository or of another kind', async alertKind => {
    fake.requests = [...requests(), makeRequest({ kind: KIND_OF[alertKind], repository: 'octo-org/web', number: 1, alertNumber: 23 })]
    for (const path of [alertPath(alertKind, 18), alertPath(alertKind, 17, 'octo-org/web'), alertPath(alertKind, 23), alertPath(alertKind, 'abc')]) {
      const response = await get(path)
      expect(response.status).toBe(404)
      expect(await response.json()).toMatchObject({ message: 'Not Found', status: '404' })
    }
    // Another kind's alert numbers are not this kind's.
    fake.requests = requests().filter(r => r.segment !== `dismissal-requests/${alertKind}`)
    expect((await get(alertPath(alertKind, 17))).status).toBe(404)
    expect((await get(alertPath(alertKind, 23, 'octo-org/web'))).status).toBe(404)
  })

  test.each(ALERT_KINDS)('a status fault scoped to the %s alert endpoint leaves the others answering', async faulted => {
    fake.fault({ kind: 'status', status: 500, path: new RegExp(`${faulted}/alerts/\\d+$`) })
    for (const alertKind of ALERT_KINDS) {
      const response = await get(alertPath(alertKind, 17))
      expect(response.status).toBe(alertKind === faulted ? 500 : 200)
    }
    // Every call to it, until cleared.
    expect((await get(alertPath(faulted, 19))).status).toBe(500)
    fake.clearFaults()
    expect((await get(alertPath(faulted, 19))).status).toBe(200)
  })

  test('deny() answers 403 or 404 for one alert kind', async () => {
    fake.deny('dependabot/alerts', 403)
    fake.deny('secret-scanning/alerts', 404)
    expect((await get(alertPath('dependabot', 17))).status).toBe(403)
    expect((await get(alertPath('secret-scanning', 17))).status).toBe(404)
    expect((await get(alertPath('code-scanning', 17))).status).toBe(200)
  })

  test.each(ALERT_KINDS)('%s: no token or a wrong token answers 401 Bad credentials', async alertKind => {
    for (const token of [null, 'wrong']) {
      const response = await get(alertPath(alertKind, 17), token)
      expect(response.status).toBe(401)
      expect(((await response.json()) as { message: string }).message).toBe('Bad credentials')
    }
  })
})

test('alert calls are recorded like any other', async () => {
  await get(alertPath('secret-scanning', 17) + '?hide_secret=true')
  await get(alertPath('dependabot', 404))
  await get('/repos/octo-org/smile/dismissal-requests/dependabot')
  expect(fake.callsTo('GET', /\/alerts\/\d+$/).map(c => [c.path, c.query, c.status])).toEqual([
    [alertPath('secret-scanning', 17), { hide_secret: 'true' }, 200],
    [alertPath('dependabot', 404), {}, 404]
  ])
})
