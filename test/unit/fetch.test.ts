import { describe, expect, jest, test } from '@jest/globals'
import pLimit from 'p-limit'
import { fetchRequests, type FetchSettings, type ListFailure } from '../../src/fetch.js'
import { normalize, type RawRequest, type RequestRecord } from '../../src/requests.js'
import { redact } from '../../src/text.js'
import { REPO, fakeGitHub, httpError, rawItem, settingsWith, typeOf } from './record-builders.js'

const PREFIX = 'GET /orgs/octo-org/'
const API = 'https://api.github.com/organizations/1'
const DOCS = 'https://docs.github.com/enterprise-cloud@latest/rest'

interface Answer {
  status: number
  headers: Record<string, string>
  data: unknown
}
type Request = (route: string, params: Record<string, unknown> & { page: number }) => Promise<Answer>

/** Organization scope; request-types `all` unless `types` names them. */
function orgSettings(types?: string): FetchSettings {
  return settingsWith({ scope: 'organization', ...(types ? { 'request-types': types } : {}) })
}

/** Page `number` of `last` of the list at `segment`: the items as GitHub's JSON text, and its Link header. */
function page(segment: string, items: unknown, number: number, last: number): Answer {
  const url = (n: number) => `<${API}/${segment}?per_page=100&page=${n}>`
  const links = [
    ...(number < last ? [`${url(number + 1)}; rel="next"`, `${url(last)}; rel="last"`] : []),
    ...(number > 1 ? [`${url(1)}; rel="first"`, `${url(number - 1)}; rel="prev"`] : [])
  ]
  return { status: 200, headers: links.length > 0 ? { link: links.join(', ') } : {}, data: JSON.stringify(items) }
}

/** A list of `kind` in REPO whose pages hold `sizes[i]` requests, numbered from 1 on. */
function list(kind: string, sizes: number[]) {
  const segment = typeOf(kind).segment
  let number = 0
  const pages = sizes.map(size => Array.from({ length: size }, () => rawItem({ kind, repository: REPO, number: ++number })))
  return { kind, segment, items: pages.flat(), answers: pages.map((items, i): Answer | Error => page(segment, items, i + 1, sizes.length)) }
}
type List = ReturnType<typeof list>

/** What `prepare` makes of each record in these tests: a mark, to tell that it was passed through. */
const mark = (record: RequestRecord): RequestRecord => ({ ...record, comment: `prepared ${record.number}` })

/** The records a list comes to: each item normalized, then prepared. */
const recordsOf = ({ kind, items }: List): RequestRecord[] => items.map(item => mark(normalize(item as RawRequest, typeOf(kind), redact)))

const waitTurns = async (turns: number) => {
  for (let i = 0; i < turns; i++) await new Promise(resolve => setImmediate(resolve))
}

/**
 * A fake GitHub answering `GET /orgs/octo-org/<segment>` from `lists`, page by
 * page; an Error is thrown. Each answer takes a turn of the event loop
 * (`slow`: `<segment>?page=N` takes three more), and the calls in flight at
 * once are counted.
 */
function github(lists: List[], slow: string[] = []) {
  let active = 0
  let most = 0
  const request = jest.fn<Request>(async (route, { page: number }) => {
    active++
    most = Math.max(most, active)
    try {
      const segment = route.slice(PREFIX.length)
      await waitTurns(slow.includes(`${segment}?page=${number}`) ? 4 : 1)
      const answer = lists.find(l => l.segment === segment)?.answers[number - 1]
      if (!route.startsWith(PREFIX) || answer === undefined) throw new Error(`the test has no answer to ${route}?page=${number}`)
      if (answer instanceof Error) throw answer
      return answer
    } finally {
      active--
    }
  })
  const pagesOf = (segment: string) => request.mock.calls.filter(([route]) => route === `${PREFIX}${segment}`).map(([, params]) => params.page)
  return { request, client: fakeGitHub(request), most: () => most, pagesOf }
}

/** Every type listed at organization scope, each with its pages. */
function everyType() {
  return {
    bypass: list('secret-scanning-bypass', [2, 2, 1]),
    pushRules: list('push-ruleset-bypass', [1]),
    secretDismissal: list('secret-scanning-dismissal', [1]),
    codeScanning: list('code-scanning-dismissal', [0]),
    dependabot: list('dependabot-dismissal', [2])
  }
}

async function fetchAll(lists: List[], settings = orgSettings(), slow: string[] = []) {
  const fake = github(lists, slow)
  const prepare = jest.fn(mark)
  const fetched = await fetchRequests(fake.client, pLimit(2), settings, redact, prepare)
  return { ...fake, prepare, fetched }
}

describe('fetchRequests', () => {
  test('every selected type: all pages read, every item normalized and prepared, in GitHub’s order', async () => {
    const lists = everyType()
    const { fetched, prepare, request, most, pagesOf } = await fetchAll(Object.values(lists))
    expect(orgSettings().types.map(t => t.type.id)).toEqual(Object.values(lists).map(l => l.kind))
    expect(fetched).toEqual({ records: Object.values(lists).flatMap(recordsOf), failures: [] })
    expect(fetched.records).toHaveLength(9)
    expect(prepare).toHaveBeenCalledTimes(9)
    expect(request).toHaveBeenCalledTimes(7)
    expect(pagesOf(lists.bypass.segment)).toEqual([1, 2, 3])
    expect(request.mock.calls[0]).toEqual([
      `${PREFIX}bypass-requests/secret-scanning`,
      { time_period: 'month', request_status: 'open', per_page: 100, page: 1, request: { parseSuccessResponseBody: false } }
    ])
    expect(most()).toBe(2)
  })

  test('pages that answer out of order are put back in order', async () => {
    const bypass = list('secret-scanning-bypass', [1, 1, 1, 1])
    const { fetched } = await fetchAll([bypass], orgSettings('secret-scanning-bypass'), [`${bypass.segment}?page=2`])
    expect(fetched.records.map(r => r.number)).toEqual([1, 2, 3, 4])
  })

  test('a page sent as a stream is read like a string', async () => {
    const bypass = list('secret-scanning-bypass', [2])
    const text = (bypass.answers[0] as Answer).data as string
    bypass.answers[0] = { status: 200, headers: {}, data: new Response(text).body }
    const { fetched } = await fetchAll([bypass], orgSettings('secret-scanning-bypass'))
    expect(fetched).toEqual({ records: recordsOf(bypass), failures: [] })
  })

  const dependabot404: Omit<ListFailure, 'warningOnly'> = {
    type: typeOf('dependabot-dismissal'),
    status: 404,
    reason:
      `GitHub answered 404 to ${PREFIX}dismissal-requests/dependabot: the feature is not enabled or not visible to this token ` +
      '(delegated alert dismissal for Dependabot off, or a name that does not exist).'
  }

  test('a 404 on a type reached through all is a warning; the other types are read', async () => {
    const lists = everyType()
    lists.dependabot.answers = [httpError(404, 'Not Found')]
    const { fetched } = await fetchAll(Object.values(lists))
    expect(fetched.failures).toEqual([{ ...dependabot404, warningOnly: true }])
    expect(fetched.records).toEqual([lists.bypass, lists.pushRules, lists.secretDismissal, lists.codeScanning].flatMap(recordsOf))
  })

  test('a 404 on a type named in request-types is a failure', async () => {
    const lists = everyType()
    lists.dependabot.answers = [httpError(404, 'Not Found')]
    const { fetched } = await fetchAll([lists.bypass, lists.dependabot], orgSettings('secret-scanning-bypass, dependabot-dismissal'))
    expect(fetched.failures).toEqual([{ ...dependabot404, warningOnly: false }])
    expect(fetched.records).toEqual(recordsOf(lists.bypass))
  })

  test.each<[string, keyof ReturnType<typeof everyType>, Error, string]>([
    [
      'a 403 is a failure (also through all) naming the token the list needs',
      'pushRules',
      httpError(403, 'Resource not accessible by integration'),
      `GitHub answered 403 to ${PREFIX}bypass-requests/push-rules: the token may not list push ruleset bypass requests. ` +
        'Use a personal access token (classic) (GitHub documents no scope for it here), or a fine-grained token or GitHub App with ' +
        `"Administration" organization permissions (write). See ${DOCS}/orgs/bypass-requests#list-push-rule-bypass-requests-within-an-organization`
    ],
    [
      'a 503 after the retries is a failure with GitHub’s message',
      'codeScanning',
      httpError(503, 'Service Unavailable'),
      `GitHub answered 503 to ${PREFIX}dismissal-requests/code-scanning, also on every retry: Service Unavailable.`
    ]
  ])('%s; the other types are read', async (_name, failing, error, reason) => {
    const lists = everyType()
    lists[failing].answers = [error]
    const { fetched } = await fetchAll(Object.values(lists))
    const status = (error as Error & { status: number }).status
    expect(fetched.failures).toEqual([{ type: typeOf(lists[failing].kind), status, reason, warningOnly: false }])
    expect(fetched.records).toEqual(
      Object.values(lists)
        .filter(l => l !== lists[failing])
        .flatMap(recordsOf)
    )
  })

  test('a malformed page fails its whole type, naming the page; the other types are read', async () => {
    const lists = { ...everyType(), bypass: list('secret-scanning-bypass', [2, 2]) }
    lists.bypass.answers[1] = { status: 200, headers: (lists.bypass.answers[1] as Answer).headers, data: '[{"id": 1,' }
    const { fetched, prepare, pagesOf } = await fetchAll(Object.values(lists))
    expect(pagesOf(lists.bypass.segment)).toEqual([1, 2])
    expect(fetched.failures).toEqual([
      {
        type: typeOf('secret-scanning-bypass'),
        status: undefined,
        reason: `GitHub's answer to ${PREFIX}bypass-requests/secret-scanning?page=2 was not the JSON list the API describes`,
        warningOnly: false
      }
    ])
    expect(fetched.records).toEqual([lists.pushRules, lists.secretDismissal, lists.codeScanning, lists.dependabot].flatMap(recordsOf))
    // Page 1 was read and prepared before page 2 failed the list: its 2 items and the 4 of the other types.
    expect(prepare).toHaveBeenCalledTimes(6)
  })

  test.each<[string, unknown]>([
    ['text that is not JSON', 'Service temporarily unavailable'],
    ['an object', '{"message": "Moved Permanently"}'],
    ['JSON null', 'null'],
    ['a list of numbers', '[1, 2]'],
    ['a list of lists', '[[]]'],
    ['a list holding null', '[null]'],
    ['no body', undefined]
  ])('a page that is %s is malformed', async (_name, data) => {
    const codeScanning = list('code-scanning-dismissal', [1])
    codeScanning.answers = [{ status: 200, headers: {}, data }]
    const { fetched } = await fetchAll([codeScanning], orgSettings('code-scanning-dismissal'))
    expect(fetched).toEqual({
      records: [],
      failures: [
        {
          type: typeOf('code-scanning-dismissal'),
          status: undefined,
          reason: `GitHub's answer to ${PREFIX}dismissal-requests/code-scanning?page=1 was not the JSON list the API describes`,
          warningOnly: false
        }
      ]
    })
  })

  test('without prepare, the records are as normalized', async () => {
    const pushRules = list('push-ruleset-bypass', [2])
    const fetched = await fetchRequests(github([pushRules]).client, pLimit(2), orgSettings('push-ruleset-bypass'), redact)
    expect(fetched.records).toEqual(pushRules.items.map(item => normalize(item as RawRequest, typeOf('push-ruleset-bypass'), redact)))
  })
})
