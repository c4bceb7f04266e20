import { describe, expect, jest, test } from '@jest/globals'
import { classify } from '../../src/classify.js'
import { REDACTED, redact } from '../../src/text.js'
import { alertNumbers, isOpenStatus, normalize, sharedStrings, splitPath, targetNumber, type RawRequest, type RequestRecord } from '../../src/requests.js'
import { openapi } from '../fake-github/openapi.js'
import { bypass, dismissal, plainRecord, pushRule, rawItem, typeOf } from './record-builders.js'
import { RECORD_FIELDS } from '../fixtures/record-fields.js'

/** An example from GitHub's OpenAPI description, deep-copied so a test may change it. */
function example(name: string): RawRequest {
  const value = openapi.components.examples[name]?.value
  if (value === undefined) throw new Error(`no example ${name}`)
  return JSON.parse(JSON.stringify(value)) as RawRequest
}

function exampleItems(name: string): RawRequest[] {
  return example(name) as unknown as RawRequest[]
}

/** Token-shaped text, assembled from pieces. */
const TOKEN_BODY = 'Qx7mK2pL9vR4tN8wZ3cF6hJ1'
const TOKEN = ['gh', 'p_', TOKEN_BODY].join('')
const AWS_BODY = 'Z7QK3M9TW2XR5PLB'
const AWS = ['AK', 'IA', AWS_BODY].join('')

describe('normalize: the OpenAPI examples of each type', () => {
  test('secret scanning bypass request: path with a leading slash, branch, responses', () => {
    const r = normalize(example('secret-scanning-bypass-request-item'), typeOf('secret-scanning-bypass'), redact)
    expect(r).toEqual({
      type: 'secret-scanning-bypass',
      id: 21,
      number: 42,
      alert_number: null,
      target: 'secret-scanning-bypass:octo-org/smile#42',
      repository: 'octo-org/smile',
      organization: 'octo-org',
      requester: 'monalisa',
      status: 'denied',
      open: false,
      stale: false,
      expiring: false,
      age_hours: 0,
      expires_in_hours: null,
      created_at: '2024-07-01T08:43:03Z',
      expires_at: '2024-07-08T08:43:03Z',
      reasons: ['used_in_tests'],
      secret_types: ['adafruit_io_key'],
      alert_numbers: [],
      path: 'tests/README.md',
      line: 16,
      branch: 'refs/heads/main',
      ruleset: null,
      comment: 'Test token used in the readme as an example',
      html_url: 'https://github.com/octo-org/smile/exemptions/1',
      responses: [{ id: 42, reviewer: 'octocat', status: 'denied', created_at: '2024-07-02T08:43:04Z' }],
      problems: [],
      policy_violations: [],
      alert: null,
      review: null
    })
  })

  test('secret scanning bypass request: a path without a leading slash', () => {
    const [, second] = exampleItems('secret-scanning-bypass-request-items')
    const r = normalize(second!, typeOf('secret-scanning-bypass'), redact)
    expect([r.path, r.line, r.branch, r.reasons]).toEqual(['README.md', 17, 'refs/heads/my-branch', ['fix_later']])
  })

  test('push ruleset bypass request: ruleset and rule type, no path or branch', () => {
    const r = normalize(example('push-rule-bypass-request-item'), typeOf('push-ruleset-bypass'), redact)
    expect(r.type).toBe('push-ruleset-bypass')
    expect([r.id, r.number]).toEqual([12, 24])
    expect(r.ruleset).toBe('Exclude image files')
    expect(r.reasons).toEqual(['file_extension_restriction'])
    expect([r.path, r.line, r.branch]).toEqual([null, null, null])
    expect(r.secret_types).toEqual([])
    expect(r.alert_numbers).toEqual([])
    expect(r.comment).toBe('Updating site images to follow changes in marketing. Part 2')
  })

  test('secret scanning dismissal request: alert number and resource identifier as integers', () => {
    const raw = example('secret-scanning-dismissal-request-item')
    expect(typeof (raw.data as { alert_number: unknown }[])[0]!.alert_number).toBe('number')
    expect(typeof raw.resource_identifier).toBe('number')
    const r = normalize(raw, typeOf('secret-scanning-dismissal'), redact)
    expect(r.alert_numbers).toEqual([17])
    expect(r.secret_types).toEqual(['adafruit_io_key'])
    expect(r.reasons).toEqual(['false_positive'])
    expect(r.number).toBe(42)
    expect(r.html_url).toBe('https://github.com/octo-org/smile/security/secret-scanning/17')
  })

  test('secret scanning dismissal request without a reason', () => {
    const [, second] = exampleItems('secret-scanning-dismissal-request-items')
    const r = normalize(second!, typeOf('secret-scanning-dismissal'), redact)
    expect(r.alert_numbers).toEqual([19])
    expect(r.reasons).toEqual([])
    expect(r.responses).toEqual([{ id: 46, reviewer: 'octocat', status: 'approved', created_at: '2024-07-02T08:43:04Z' }])
  })

  test('code scanning dismissal request: integer alert number, string resource identifier', () => {
    const r = normalize(example('code-scanning-alert-dismissal-request-item'), typeOf('code-scanning-dismissal'), redact)
    expect(r.type).toBe('code-scanning-dismissal')
    expect(r.alert_numbers).toEqual([2])
    expect(r.reasons).toEqual(["won't fix"])
    expect(r.status).toBe('denied')
    expect(r.open).toBe(false)
  })

  test('Dependabot dismissal request: string alert number, pending means open', () => {
    const r = normalize(example('dependabot-alert-dismissal-request-item'), typeOf('dependabot-dismissal'), redact)
    expect(r.alert_numbers).toEqual([1])
    expect(r.status).toBe('pending')
    expect(r.open).toBe(true)
    expect(r.reasons).toEqual(['no_bandwidth'])
    expect(r.responses).toEqual([])
  })

  test('every item of every list example gives a record with exactly the fields DESIGN lists', () => {
    const lists: [string, string][] = [
      ['secret-scanning-bypass-request-items', 'secret-scanning-bypass'],
      ['push-rule-bypass-request-items', 'push-ruleset-bypass'],
      ['secret-scanning-dismissal-request-items', 'secret-scanning-dismissal'],
      ['code-scanning-alert-dismissal-request-items', 'code-scanning-dismissal'],
      ['dependabot-alert-dismissal-request-items', 'dependabot-dismissal']
    ]
    for (const [name, typeId] of lists) {
      const items = exampleItems(name)
      expect(items.length).toBeGreaterThan(0)
      for (const item of items) {
        const r = normalize(item, typeOf(typeId), redact)
        expect(Object.keys(r).sort()).toEqual([...RECORD_FIELDS].sort())
        expect(r.type).toBe(typeId)
        expect(r.repository).toBe('octo-org/smile')
        expect(r.id).toBe(item.id)
        expect(r.number).toBe(item.number)
      }
    }
  })

  test('the items the fake sends normalize like GitHub’s (string and integer alert numbers)', () => {
    const asString = normalize(rawItem({ kind: 'dependabot-dismissal', repository: 'octo-org/api', number: 3, alertNumber: 31 }), typeOf('dependabot-dismissal'), redact)
    const asInteger = normalize(
      rawItem({ kind: 'dependabot-dismissal', repository: 'octo-org/api', number: 3, alertNumber: 31, alertNumberAs: 'integer' }),
      typeOf('dependabot-dismissal'),
      redact
    )
    expect(asString.alert_numbers).toEqual([31])
    expect(asInteger.alert_numbers).toEqual([31])
    expect(asString.repository).toBe('octo-org/api')
  })
})

describe('normalize: missing and null fields', () => {
  test('data: null gives empty lists and no location', () => {
    const raw = example('secret-scanning-bypass-request-item')
    ;(raw as { data: unknown }).data = null
    const r = normalize(raw, typeOf('secret-scanning-bypass'), redact)
    expect(r.reasons).toEqual([])
    expect(r.secret_types).toEqual([])
    expect(r.alert_numbers).toEqual([])
    expect([r.path, r.line, r.branch, r.ruleset]).toEqual([null, null, null, null])
  })

  test('records share one frozen empty list: nothing can be added to one record’s list through another', () => {
    const raw = example('secret-scanning-bypass-request-item')
    ;(raw as { data: unknown }).data = null
    ;(raw as { responses: unknown }).responses = []
    const [a, b] = [normalize(raw, typeOf('secret-scanning-bypass'), redact), normalize(raw, typeOf('secret-scanning-bypass'), redact)]
    const lists = [a.reasons, a.secret_types, a.alert_numbers, a.responses, a.problems, a.policy_violations, b.reasons, b.policy_violations]
    expect(new Set(lists).size).toBe(1)
    expect(Object.isFrozen(a.reasons)).toBe(true)
    expect(() => (a.reasons as string[]).push('x')).toThrow(TypeError)
    expect(b.reasons).toEqual([])
  })

  test('a missing requester reads as an empty login', () => {
    const raw = example('push-rule-bypass-request-item') as Record<string, unknown>
    delete raw.requester
    const r = normalize(raw as RawRequest, typeOf('push-ruleset-bypass'), redact)
    expect(r.requester).toBe('')
  })

  test('a requester without actor_name reads as an empty login', () => {
    const raw = example('push-rule-bypass-request-item') as Record<string, unknown>
    raw.requester = { actor_id: 12 }
    expect(normalize(raw as RawRequest, typeOf('push-ruleset-bypass'), redact).requester).toBe('')
  })

  test('responses: null gives no responses; a response without reviewer has an empty reviewer', () => {
    const raw = example('code-scanning-alert-dismissal-request-item') as Record<string, unknown>
    raw.responses = null
    expect(normalize(raw as RawRequest, typeOf('code-scanning-dismissal'), redact).responses).toEqual([])
    raw.responses = [{ id: 7, status: 'approved', created_at: '2024-07-02T08:43:04Z' }]
    expect(normalize(raw as RawRequest, typeOf('code-scanning-dismissal'), redact).responses).toEqual([
      { id: 7, reviewer: '', status: 'approved', created_at: '2024-07-02T08:43:04Z' }
    ])
  })

  test('a null comment, no expiry, no repository and no organization', () => {
    const raw = example('dependabot-alert-dismissal-request-item') as Record<string, unknown>
    raw.requester_comment = null
    delete raw.expires_at
    delete raw.repository
    delete raw.organization
    const r = normalize(raw as RawRequest, typeOf('dependabot-dismissal'), redact)
    expect(r.comment).toBe('')
    expect(r.expires_at).toBeNull()
    expect(r.repository).toBe('')
    expect(r.organization).toBe('')
  })

  test('a data entry with a secret value keeps no secret field in the record', () => {
    const raw = example('secret-scanning-bypass-request-item') as Record<string, unknown>
    raw.data = [{ secret_type: 'adafruit_io_key', path: 'a.txt:1:1', secret: 'aio_Zq8PcVtL3mXw9RyN4bKf7HdG2sJa' }]
    const json = JSON.stringify(normalize(raw as RawRequest, typeOf('secret-scanning-bypass'), redact))
    expect(json).not.toContain('aio_Zq8PcVtL3mXw9RyN4bKf7HdG2sJa')
    expect(json).not.toContain('"secret"')
  })

  test('several data entries: reasons and secret types are distinct; the first located entry gives path and line', () => {
    const raw = example('secret-scanning-bypass-request-item') as Record<string, unknown>
    raw.data = [
      { secret_type: 'adafruit_io_key', bypass_reason: 'used_in_tests', branch: 'refs/heads/main' },
      { secret_type: 'aws_access_key_id', bypass_reason: 'used_in_tests', path: 'config/keys.yml:4:2', branch: 'refs/heads/main' },
      { secret_type: 'adafruit_io_key', bypass_reason: 'false_positive', path: 'b.txt:9:0' }
    ]
    const r = normalize(raw as RawRequest, typeOf('secret-scanning-bypass'), redact)
    expect(r.secret_types).toEqual(['adafruit_io_key', 'aws_access_key_id'])
    expect(r.reasons).toEqual(['used_in_tests', 'false_positive'])
    expect([r.path, r.line, r.branch]).toEqual(['config/keys.yml', 4, 'refs/heads/main'])
  })
})

describe('normalize: alert number and target', () => {
  test('a dismissal request: the one alert it names, and its target by that alert', () => {
    const r = normalize(example('secret-scanning-dismissal-request-item'), typeOf('secret-scanning-dismissal'), redact)
    expect([r.number, r.alert_number, r.target, r.problems]).toEqual([42, 17, 'secret-scanning-dismissal:octo-org/smile#17', []])
  })

  test('a dismissal request naming several alerts: no alert number, no target, and no problem', () => {
    const raw = example('code-scanning-alert-dismissal-request-item') as Record<string, unknown>
    raw.data = [{ alert_number: 2 }, { alert_number: '3' }]
    const r = normalize(raw as RawRequest, typeOf('code-scanning-dismissal'), redact)
    expect([r.alert_numbers, r.alert_number, r.target, r.problems]).toEqual([[2, 3], null, null, []])
  })

  test('a dismissal request naming no alert: no alert number, no target', () => {
    const raw = example('dependabot-alert-dismissal-request-item') as Record<string, unknown>
    raw.data = [{ reason: 'no_bandwidth' }]
    const r = normalize(raw as RawRequest, typeOf('dependabot-dismissal'), redact)
    expect([r.alert_numbers, r.alert_number, r.target]).toEqual([[], null, null])
  })

  test('a bypass request has no alert number even when its data names one; its target is its request number', () => {
    const raw = example('secret-scanning-bypass-request-item') as Record<string, unknown>
    raw.data = [{ secret_type: 'adafruit_io_key', alert_number: '5' }]
    const r = normalize(raw as RawRequest, typeOf('secret-scanning-bypass'), redact)
    expect([r.alert_numbers, r.alert_number, r.target]).toEqual([[5], null, 'secret-scanning-bypass:octo-org/smile#42'])
    const push = normalize(example('push-rule-bypass-request-item'), typeOf('push-ruleset-bypass'), redact)
    expect([push.alert_number, push.target]).toEqual([null, 'push-ruleset-bypass:octo-org/smile#24'])
  })

  test.each<[string, unknown]>([
    ['zero', 0],
    ['negative', -1],
    ['a fraction', 2.5],
    ['a string', '46'],
    ['null', null]
  ])('a response id that is %s reads as null', (_name, id) => {
    const raw = example('secret-scanning-dismissal-request-item') as Record<string, unknown>
    raw.responses = [
      { id, reviewer: { actor_id: 9, actor_name: 'octocat' }, status: 'approved', created_at: '2024-07-02T08:43:04Z' },
      { id: 47, reviewer: { actor_id: 9, actor_name: 'hubot' }, status: 'denied', created_at: '2024-07-03T08:43:04Z' }
    ]
    const r = normalize(raw as RawRequest, typeOf('secret-scanning-dismissal'), redact)
    expect(r.responses.map(x => x.id)).toEqual([null, 47])
    expect(r.problems).toEqual([])
  })
})

describe('normalize: what cannot be interpreted is named in problems', () => {
  /** The bypass example (status denied, so not open by itself) with one field replaced, or removed with `undefined`. */
  function withField(field: string, value: unknown) {
    const raw = example('secret-scanning-bypass-request-item') as Record<string, unknown>
    if (value === undefined) delete raw[field]
    else raw[field] = value
    return normalize(raw as RawRequest, typeOf('secret-scanning-bypass'), redact)
  }

  test('the example itself has no problem and is not open', () => {
    const r = withField('status', 'denied')
    expect([r.problems, r.open, r.target]).toEqual([[], false, 'secret-scanning-bypass:octo-org/smile#42'])
  })

  test.each<[string, string, unknown, string]>([
    ['a status the action does not know', 'status', 'weird', 'status "weird" is not one the action knows'],
    ['no created_at', 'created_at', undefined, 'created_at is missing'],
    ['a created_at that is not a date', 'created_at', 'yesterday', 'created_at "yesterday" is not a date'],
    ['no repository', 'repository', undefined, 'repository is missing'],
    ['a repository that is not owner/name', 'repository', { id: 1, name: 'not-a-name', full_name: 'not-a-name' }, 'repository "not-a-name" is not owner/name'],
    ['a negative number', 'number', -3, 'number "-3" is not a positive integer'],
    ['a number sent as a string', 'number', '7', 'number "7" is not a positive integer'],
    ['a fractional id', 'id', 1.5, 'id "1.5" is not a positive integer']
  ])('%s', (_name, field, value, problem) => {
    const r = withField(field, value)
    expect(r.problems).toEqual([problem])
    expect(r.open).toBe(true)
    expect(r.target).toBeNull()
  })

  test('an unreadable number or id is null in the record', () => {
    expect(withField('number', '7').number).toBeNull()
    expect(withField('number', -3).number).toBeNull()
    expect(withField('id', 1.5).id).toBeNull()
    expect(withField('id', undefined).problems).toEqual(['id null is not a positive integer'])
  })

  test('every problem at once, in order', () => {
    const raw = example('dependabot-alert-dismissal-request-item') as Record<string, unknown>
    raw.status = 'on hold'
    raw.created_at = ''
    raw.repository = { full_name: 'a/b/c' }
    delete raw.number
    raw.id = 0
    const r = normalize(raw as RawRequest, typeOf('dependabot-dismissal'), redact)
    expect(r.problems).toEqual([
      'status "on hold" is not one the action knows',
      'created_at is missing',
      'repository "a/b/c" is not owner/name',
      'number null is not a positive integer',
      'id "0" is not a positive integer'
    ])
    expect([r.id, r.number, r.open, r.target]).toEqual([null, null, true, null])
  })

  test('a dismissal request with a problem has its alert number but no target', () => {
    const raw = example('secret-scanning-dismissal-request-item') as Record<string, unknown>
    raw.status = 'weird'
    const r = normalize(raw as RawRequest, typeOf('secret-scanning-dismissal'), redact)
    expect([r.alert_number, r.target, r.open]).toEqual([17, null, true])
  })

  test('the problems are redacted', () => {
    const r = withField('status', `was ${TOKEN}`)
    expect(r.problems).toEqual([`status "was ${REDACTED}" is not one the action knows`])
    expect(JSON.stringify(r)).not.toContain(TOKEN_BODY)
  })

  test('classified, a record with a problem is stale as well as open, however young', () => {
    const r = classify(withField('status', 'weird'), Date.parse('2024-07-01T09:00:00Z'), 24 * 3_600_000)
    expect([r.open, r.stale, r.age_hours]).toEqual([true, true, 0.3])
  })
})

describe('splitPath', () => {
  test.each([
    ['README.md:17:0', 'README.md', 17],
    ['/tests/README.md:16:0', 'tests/README.md', 16],
    ['a:b.txt:3:1', 'a:b.txt', 3],
    ['src/app.ts', 'src/app.ts', null],
    ['/src/app.ts', 'src/app.ts', null],
    ['README.md:0:0', 'README.md', null],
    ['docs/x.md:120:45', 'docs/x.md', 120]
  ])('%j → %j line %j', (raw, path, line) => {
    expect(splitPath(raw)).toEqual({ path, line })
  })
})

describe('alertNumbers', () => {
  test.each<[string, unknown[], number[]]>([
    ['strings', ['1', '22'], [1, 22]],
    ['integers', [3, 44], [3, 44]],
    ['strings and integers mixed', ['5', 6], [5, 6]],
    ['a string with spaces around', [' 12 '], [12]],
    ['not a number', ['abc', '12abc', '1.5', ''], []],
    ['zero', [0, '0'], []],
    ['negative', [-3, '-3'], []],
    ['a fraction', [2.5], []],
    ['duplicates, first occurrence kept in order', ['7', 7, ' 7', 3, '3', 9], [7, 3, 9]],
    ['beyond safe integers', ['99999999999999999999'], []],
    ['null', [null], []]
  ])('%s', (_name, values, expected) => {
    expect(alertNumbers(values.map(alert_number => ({ alert_number }) as { alert_number?: string | number }))).toEqual(expected)
  })

  test('entries without alert_number are skipped', () => {
    expect(alertNumbers([{ reason: 'x' }, { alert_number: '4' }, {}])).toEqual([4])
  })
})

describe('isOpenStatus', () => {
  test.each(['open', 'pending'])('%s is open', status => {
    expect(isOpenStatus(status)).toBe(true)
  })
  test.each(['approved', 'denied', 'expired', 'cancelled', 'completed', 'deleted', 'dismissed', ''])('%j is not open', status => {
    expect(isOpenStatus(status)).toBe(false)
  })
})

describe('normalize redacts token-shaped text', () => {
  function hostileBypass(): RawRequest {
    const raw = example('secret-scanning-bypass-request-item') as Record<string, unknown>
    raw.requester_comment = `my token is ${TOKEN}, sorry`
    raw.requester = { actor_id: 12, actor_name: TOKEN }
    raw.data = [{ secret_type: `custom-${AWS}`, bypass_reason: 'used_in_tests', path: `keys/${TOKEN}.txt:3:1`, branch: `refs/heads/${TOKEN}` }]
    raw.responses = [{ id: 5, reviewer: { actor_id: 4, actor_name: TOKEN }, status: 'denied', created_at: '2024-07-02T08:43:04Z' }]
    return raw as RawRequest
  }

  test('comment, requester, path, branch, secret type and reviewer', () => {
    const r = normalize(hostileBypass(), typeOf('secret-scanning-bypass'), redact)
    expect(r.comment).toBe(`my token is ${REDACTED}, sorry`)
    expect(r.requester).toBe(REDACTED)
    expect(r.path).toBe(`keys/${REDACTED}.txt`)
    expect(r.line).toBe(3)
    expect(r.branch).toBe(`refs/heads/${REDACTED}`)
    expect(r.secret_types).toEqual([`custom-${REDACTED}`])
    expect(r.responses[0]!.reviewer).toBe(REDACTED)
  })

  test('no part of a token survives anywhere in the record', () => {
    const json = JSON.stringify(normalize(hostileBypass(), typeOf('secret-scanning-bypass'), redact))
    expect(json).not.toContain(TOKEN_BODY)
    expect(json).not.toContain(AWS_BODY)
  })

  test('ruleset names and rule types of push ruleset bypass requests', () => {
    const raw = example('push-rule-bypass-request-item') as Record<string, unknown>
    raw.data = [{ ruleset_id: 1, ruleset_name: `Rules ${TOKEN}`, total_violations: 1, rule_type: `type ${AWS}` }]
    const r = normalize(raw as RawRequest, typeOf('push-ruleset-bypass'), redact)
    expect(r.ruleset).toBe(`Rules ${REDACTED}`)
    expect(r.reasons).toEqual([`type ${REDACTED}`])
  })

  test('a dismissal reason', () => {
    const raw = example('code-scanning-alert-dismissal-request-item') as Record<string, unknown>
    raw.data = [{ reason: `see ${TOKEN}`, alert_number: 2 }]
    const r = normalize(raw as RawRequest, typeOf('code-scanning-dismissal'), redact)
    expect(r.reasons).toEqual([`see ${REDACTED}`])
    expect(r.alert_numbers).toEqual([2])
  })

  test('a token glued to the word before it (snake_case names, no separator) is redacted too', () => {
    const raw = example('secret-scanning-bypass-request-item') as Record<string, unknown>
    raw.requester = { actor_id: 12, actor_name: `evil${TOKEN}` }
    raw.requester_comment = `GITHUB_TOKEN_${TOKEN} and aws_key_${AWS}`
    raw.data = [{ secret_type: `custom_${AWS}`, path: `x${TOKEN}.txt:1:1`, branch: `refs/heads/fix_${TOKEN}` }]
    const json = JSON.stringify(normalize(raw as RawRequest, typeOf('secret-scanning-bypass'), redact))
    expect(json).not.toContain(TOKEN_BODY)
    expect(json).not.toContain(AWS_BODY)
  })
})

describe('targetNumber', () => {
  test('a bypass request is known by its request number', () => {
    expect(targetNumber(bypass(42))).toBe(42)
    expect(targetNumber(pushRule(24))).toBe(24)
  })

  test.each(['secret-scanning-dismissal', 'code-scanning-dismissal', 'dependabot-dismissal'])('a %s by its alert number', kind => {
    expect(targetNumber(dismissal(kind, 42, 17))).toBe(17)
    expect(targetNumber(dismissal(kind, 42, 17, { alertNumberAs: 'integer' }))).toBe(17)
  })

  test('a dismissal request without an alert number has none', () => {
    expect(targetNumber(dismissal('code-scanning-dismissal', 42, 17, { data: [{ reason: "won't fix" }] }))).toBeUndefined()
  })

  test('a dismissal request is known by its alert_number, not by the list of alert numbers', () => {
    const base = { type: 'secret-scanning-dismissal' as const, number: 42 }
    expect(targetNumber(plainRecord({ ...base, alert_number: null, alert_numbers: [17] }))).toBeUndefined()
    expect(targetNumber(plainRecord({ ...base, alert_number: 18, alert_numbers: [17, 18] }))).toBe(18)
  })

  test('a type without a review call is known by its request number', () => {
    expect(targetNumber(plainRecord({ type: 'push-ruleset-bypass', number: 8, alert_numbers: [3] }))).toBe(8)
  })
})

describe('sharedStrings', () => {
  test('equal text in, equal text out, the first time and every time after', () => {
    const share = sharedStrings()
    // The same text made in different ways.
    const made = [
      'octo-org',
      ['octo', 'org'].join('-'),
      `${'octo'}-${'org'}`,
      'xocto-orgx'.slice(1, -1),
      String.fromCharCode(...Array.from('octo-org', c => c.charCodeAt(0)))
    ]
    for (const text of made) expect(share(text)).toBe('octo-org')
    expect(share('monalisa')).toBe('monalisa')
    expect(share('octo-org')).toBe('octo-org')
  })

  test('different text stays different: case, white space and Unicode forms are not merged', () => {
    const share = sharedStrings()
    const texts = ['é', 'e\u0301', 'É', 'é ', ' é', '', 'é 😀', 'é 😀 ']
    for (const text of texts) expect(share(text)).toBe(text)
    // And again, now that every one was seen.
    for (const text of texts) expect(share(text)).toBe(text)
    expect(new Set(texts.map(share)).size).toBe(texts.length)
  })

  test('names an object has of its own are text like any other', () => {
    const share = sharedStrings()
    for (const text of ['__proto__', 'constructor', 'toString', 'hasOwnProperty', 'valueOf', '0', 'undefined', 'null']) {
      expect(share(text)).toBe(text)
      expect(share(text)).toBe(text)
    }
  })

  test('a thousand texts with repeats: each comes back as it went in', () => {
    const share = sharedStrings()
    const texts = Array.from({ length: 1000 }, (_, i) => `user-${(i * 7919) % 137} é`)
    expect(texts.map(share)).toEqual(texts)
    expect(texts.map(share)).toEqual(texts)
  })
})

describe('normalize with a share function', () => {
  /** A bypass request with two data entries, two responses and multi-byte text. */
  function severalEntries(): RawRequest {
    const raw = example('secret-scanning-bypass-request-item') as Record<string, unknown>
    raw.requester = { actor_id: 3, actor_name: 'mona-é' }
    raw.data = [
      { secret_type: 'adafruit_io_key', bypass_reason: 'used_in_tests', branch: 'refs/heads/é-😀' },
      { secret_type: 'aws_access_key_id', bypass_reason: 'false_positive', path: '/docs/é 😀.md:4:2', branch: 'refs/heads/main' }
    ]
    raw.responses = [
      { id: 5, reviewer: { actor_id: 4, actor_name: 'octocat' }, status: 'denied', created_at: '2024-07-02T08:43:04Z' },
      { id: 6, reviewer: { actor_id: 5, actor_name: 'hubot' }, status: 'approved', created_at: '2024-07-03T08:43:04Z' }
    ]
    return raw as RawRequest
  }

  const ITEMS: [string, string, () => RawRequest][] = [
    ['secret-scanning-bypass-request-item', 'secret-scanning-bypass', () => example('secret-scanning-bypass-request-item')],
    ['push-rule-bypass-request-item', 'push-ruleset-bypass', () => example('push-rule-bypass-request-item')],
    ['secret-scanning-dismissal-request-item', 'secret-scanning-dismissal', () => example('secret-scanning-dismissal-request-item')],
    ['code-scanning-alert-dismissal-request-item', 'code-scanning-dismissal', () => example('code-scanning-alert-dismissal-request-item')],
    ['dependabot-alert-dismissal-request-item', 'dependabot-dismissal', () => example('dependabot-alert-dismissal-request-item')],
    ['several data entries, responses and multi-byte text', 'secret-scanning-bypass', severalEntries]
  ]

  test.each(ITEMS)('%s: a record deep-equal to the one made without it', (_name, kind, item) => {
    const share = jest.fn(sharedStrings())
    const shared = normalize(item(), typeOf(kind), redact, share)
    expect(shared).toEqual(normalize(item(), typeOf(kind), redact))
    expect(share).toHaveBeenCalled()
  })

  test.each(ITEMS)('%s: repository, organization, requester, status, branch, path, reasons, secret types and responses go through it', (_name, kind, item) => {
    const share = jest.fn(sharedStrings())
    const r = normalize(item(), typeOf(kind), redact, share)
    const asked = new Set(share.mock.calls.map(([text]) => text))
    const texts = [
      r.repository,
      r.organization,
      r.requester,
      r.status,
      ...r.reasons,
      ...r.secret_types,
      ...(r.branch === null ? [] : [r.branch]),
      ...(r.path === null ? [] : [r.path]),
      ...(r.ruleset === null ? [] : [r.ruleset]),
      ...r.responses.flatMap(response => [response.reviewer, response.status])
    ]
    expect(texts.filter(text => !asked.has(text))).toEqual([])
    // Text that differs from request to request is not kept: the comment, the times and the address.
    for (const own of [r.comment, r.created_at, r.html_url].filter(text => text !== '')) expect([own, asked.has(own)]).toEqual([own, false])
  })

  test('the several-entries item: every shared field was asked for', () => {
    const share = jest.fn(sharedStrings())
    const r = normalize(severalEntries(), typeOf('secret-scanning-bypass'), redact, share)
    expect([r.requester, r.branch, r.path, r.reasons, r.secret_types]).toEqual([
      'mona-é',
      'refs/heads/é-😀',
      'docs/é 😀.md',
      ['used_in_tests', 'false_positive'],
      ['adafruit_io_key', 'aws_access_key_id']
    ])
    const asked = share.mock.calls.map(([text]) => text)
    for (const text of [
      'octo-org/smile',
      'octo-org',
      'mona-é',
      'denied',
      'approved',
      'refs/heads/é-😀',
      'refs/heads/main',
      'docs/é 😀.md',
      'used_in_tests',
      'false_positive',
      'adafruit_io_key',
      'aws_access_key_id',
      'octocat',
      'hubot'
    ]) {
      expect([text, asked.includes(text)]).toEqual([text, true])
    }
  })

  /** The record's text a field holds, to see it took what share gave. */
  const FIELDS: [string, string, string, (r: RequestRecord) => unknown][] = [
    ['repository', 'secret-scanning-bypass', 'octo-org/smile', r => r.repository],
    ['organization', 'secret-scanning-bypass', 'octo-org', r => r.organization],
    ['requester', 'secret-scanning-bypass', 'monalisa', r => r.requester],
    ['status', 'dependabot-dismissal', 'pending', r => r.status],
    ['branch', 'secret-scanning-bypass', 'refs/heads/main', r => r.branch],
    ['path', 'secret-scanning-bypass', 'tests/README.md', r => r.path],
    ['reasons', 'secret-scanning-bypass', 'used_in_tests', r => r.reasons[0]],
    ['secret types', 'secret-scanning-bypass', 'adafruit_io_key', r => r.secret_types[0]],
    ['ruleset', 'push-ruleset-bypass', 'Exclude image files', r => r.ruleset],
    ['a response’s reviewer', 'secret-scanning-bypass', 'octocat', r => r.responses[0]?.reviewer]
  ]
  const EXAMPLE: Record<string, string> = {
    'secret-scanning-bypass': 'secret-scanning-bypass-request-item',
    'push-ruleset-bypass': 'push-rule-bypass-request-item',
    'dependabot-dismissal': 'dependabot-alert-dismissal-request-item'
  }

  test.each(FIELDS)('%s: the record holds what share gave back', (_name, kind, text, field) => {
    const raw = () => example(EXAMPLE[kind] ?? '')
    expect(field(normalize(raw(), typeOf(kind), redact))).toBe(text)
    const share = (value: string): string => (value === text ? `${value} (shared)` : value)
    expect(field(normalize(raw(), typeOf(kind), redact, share))).toBe(`${text} (shared)`)
  })
})
