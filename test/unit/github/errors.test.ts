import { describe, expect, test } from '@jest/globals'
import {
  MalformedResponseError,
  describeCommonFailure,
  RedirectRefusedError,
  UnreachableError,
  describeListFailure,
  describeReviewFailure,
  githubMessage,
  httpStatus
} from '../../../src/github/errors.js'
import { requestType, type ListEndpoint, type RequestType, type Scope, type TypeId } from '../../../src/request-types.js'

/** An error shaped like Octokit's RequestError: a status and, when GitHub answered, the response's headers and body. */
function httpError(status: number, data?: unknown, headers: Record<string, string | number> = {}, message = `HTTP ${status}`): Error {
  return Object.assign(new Error(message), { status, response: { headers, data } })
}

/** What Octokit throws when no answer came (a network error or a time-out): status 500, no response. */
function noAnswer(message: string): Error {
  return Object.assign(new Error(message), { status: 500 })
}

/** Assembled from pieces, so that this file never holds a token-shaped string literally; the body is made up. */
const TOKEN = ['gh', 'p_', 'Zq7Lm2Xv9Rt4Wb6Nc1Hd8Kf3Jp5Gs0Ya2UeR'].join('')

const DOCS = 'https://docs.github.com/enterprise-cloud@latest/rest'
const ZWSP = '\u200b'
const ENTERPRISE_ONLY = 'This enterprise endpoint does not work with fine-grained personal access tokens or GitHub App tokens (GITHUB_TOKEN included): '

function listOf(id: TypeId, scope: Scope): { type: RequestType; list: ListEndpoint } {
  const type = requestType(id)
  const list = type.lists[scope]
  if (!list) throw new Error(`${id} has no ${scope} list`)
  return { type, list }
}

function listFailure(error: unknown, id: TypeId, scope: Scope, endpoint: string): string {
  const { type, list } = listOf(id, scope)
  return describeListFailure(error, type, list, scope, endpoint)
}

const REPO_BYPASS = 'GET /repos/octo-org/smile/bypass-requests/secret-scanning'
const ORG_BYPASS = 'GET /orgs/octo-org/bypass-requests/secret-scanning'
const ENT_BYPASS = 'GET /enterprises/octo-ent/bypass-requests/secret-scanning'
const ORG_PUSH = 'GET /orgs/octo-org/bypass-requests/push-rules'
const ENT_PUSH = 'GET /enterprises/octo-ent/bypass-requests/push-rules'
const REVIEW = 'PATCH /repos/octo-org/smile/bypass-requests/secret-scanning/7'

/** A 403 that is not a rate limit: requests remain and GitHub's message says nothing of limits. */
const forbidden = () => httpError(403, { message: 'Resource not accessible by personal access token' }, { 'x-ratelimit-remaining': '4999' })

describe('httpStatus', () => {
  test('the numeric status, else undefined', () => {
    expect(httpStatus(httpError(404))).toBe(404)
    expect(httpStatus(Object.assign(new Error('x'), { status: '404' }))).toBeUndefined()
    expect(httpStatus(new Error('x'))).toBeUndefined()
    expect(httpStatus(undefined)).toBeUndefined()
  })
})

describe('githubMessage', () => {
  test('the message of GitHub’s error body', () => {
    expect(githubMessage(httpError(422, { message: 'Invalid request_status', documentation_url: 'https://docs.github.com' }))).toBe('Invalid request_status')
  })

  test('a body that is text: the text itself', () => {
    expect(githubMessage(httpError(502, '<html>Bad gateway</html>'))).toBe('<html>Bad gateway</html>')
  })

  test('a response without a message: says so', () => {
    expect(githubMessage(httpError(409, {}))).toBe('it sent no message')
    expect(githubMessage(httpError(409, '   '))).toBe('it sent no message')
    expect(githubMessage(httpError(409, null))).toBe('it sent no message')
    expect(githubMessage(httpError(409, { message: ' ' }))).toBe('it sent no message')
  })

  test('no response: the error’s own message', () => {
    expect(githubMessage(noAnswer('fetch failed'))).toBe('fetch failed')
    expect(githubMessage('plain text thrown')).toBe('plain text thrown')
  })

  test('hostile text: a line break and workflow commands are neutralized, a token is redacted', () => {
    const hostile = `first line\n::error::forged\r\n##[warning]also forged ${TOKEN} end`
    const expected = `first line :${ZWSP}:error:${ZWSP}:forged #${ZWSP}#[warning]also forged [redacted] end`
    expect(githubMessage(httpError(422, { message: hostile }))).toBe(expected)
    expect(githubMessage(httpError(502, hostile))).toBe(expected)
    expect(githubMessage(noAnswer(hostile))).toBe(expected)
  })

  test('cut to 300 characters', () => {
    expect(githubMessage(httpError(422, { message: 'x'.repeat(400) }))).toBe(`${'x'.repeat(299)}…`)
  })
})

describe('describeListFailure', () => {
  test('401: the token is invalid or missing', () => {
    expect(listFailure(httpError(401, { message: 'Bad credentials' }), 'secret-scanning-bypass', 'repository', REPO_BYPASS)).toBe(
      'GitHub answered 401: the token is invalid or missing.'
    )
  })

  describe('403: the permissions that would fix it, and the docs', () => {
    const classic = 'a personal access token (classic) with the security_events scope'
    const classicNoScope = 'a personal access token (classic) (GitHub documents no scope for it here)'
    test.each<[string, TypeId, Scope, string, string, string]>([
      [
        'a list with fine-grained permissions and the default classic scope',
        'secret-scanning-bypass',
        'organization',
        ORG_BYPASS,
        `Use ${classic}, or a fine-grained token or GitHub App with ` +
          '"Secret scanning alerts" repository permissions (read) and "Organization bypass requests for secret scanning" organization permissions (read).',
        'secret-scanning/delegated-bypass#list-bypass-requests-for-secret-scanning-for-an-org'
      ],
      [
        'an enterprise list (no fine-grained tokens): a classic token with its scope',
        'secret-scanning-bypass',
        'enterprise',
        ENT_BYPASS,
        `${ENTERPRISE_ONLY}use ${classic}.`,
        'secret-scanning/delegated-bypass#list-bypass-requests-for-secret-scanning-for-an-enterprise'
      ],
      [
        'a list GitHub documents no classic scope for',
        'push-ruleset-bypass',
        'organization',
        ORG_PUSH,
        `Use ${classicNoScope}, or a fine-grained token or GitHub App with "Administration" organization permissions (write).`,
        'orgs/bypass-requests#list-push-rule-bypass-requests-within-an-organization'
      ],
      [
        'an enterprise list with no classic scope documented either',
        'push-ruleset-bypass',
        'enterprise',
        ENT_PUSH,
        `${ENTERPRISE_ONLY}use ${classicNoScope}.`,
        'enterprise-admin/bypass-requests#list-push-rule-bypass-requests-within-an-enterprise'
      ]
    ])('%s', (_name, id, scope, endpoint, tokens, docs) => {
      const what = id === 'push-ruleset-bypass' ? 'push ruleset bypass requests' : 'secret scanning bypass requests'
      expect(listFailure(forbidden(), id, scope, endpoint)).toBe(`GitHub answered 403 to ${endpoint}: the token may not list ${what}. ${tokens} See ${DOCS}/${docs}`)
    })
  })

  describe('404: the feature is off', () => {
    test('a repository list: the feature named, no token advice', () => {
      expect(listFailure(httpError(404, { message: 'Not Found' }), 'secret-scanning-bypass', 'repository', REPO_BYPASS)).toBe(
        `GitHub answered 404 to ${REPO_BYPASS}: the feature is not enabled or not visible to this token ` +
          '(delegated bypass for push protection off, or a name that does not exist).'
      )
    })

    test('a dismissal list: its own feature', () => {
      const endpoint = 'GET /orgs/octo-org/dismissal-requests/dependabot'
      expect(listFailure(httpError(404, { message: 'Not Found' }), 'dependabot-dismissal', 'organization', endpoint)).toBe(
        `GitHub answered 404 to ${endpoint}: the feature is not enabled or not visible to this token ` +
          '(delegated alert dismissal for Dependabot off, or a name that does not exist).'
      )
    })

    test('an enterprise list: the caveat about fine-grained and GitHub App tokens', () => {
      expect(listFailure(httpError(404, { message: 'Not Found' }), 'secret-scanning-bypass', 'enterprise', ENT_BYPASS)).toBe(
        `GitHub answered 404 to ${ENT_BYPASS}: the feature is not enabled or not visible to this token ` +
          '(delegated bypass for push protection off, or a name that does not exist). ' +
          `${ENTERPRISE_ONLY}use a personal access token (classic) with the security_events scope.`
      )
    })
  })

  test('422: GitHub’s message', () => {
    expect(listFailure(httpError(422, { message: 'Invalid request_status' }), 'secret-scanning-bypass', 'repository', REPO_BYPASS)).toBe(
      `GitHub rejected ${REPO_BYPASS} (422): Invalid request_status`
    )
  })

  describe('5xx: retried before giving up', () => {
    test('an answer: its status and what GitHub sent', () => {
      expect(listFailure(httpError(502, '<html>Bad gateway</html>'), 'secret-scanning-bypass', 'repository', REPO_BYPASS)).toBe(
        `GitHub answered 502 to ${REPO_BYPASS}, also on every retry: <html>Bad gateway</html>.`
      )
      expect(listFailure(httpError(500, { message: 'Server Error' }), 'secret-scanning-bypass', 'repository', REPO_BYPASS)).toBe(
        `GitHub answered 500 to ${REPO_BYPASS}, also on every retry: Server Error.`
      )
      expect(listFailure(httpError(503), 'secret-scanning-bypass', 'repository', REPO_BYPASS)).toBe(
        `GitHub answered 503 to ${REPO_BYPASS}, also on every retry: it sent no message.`
      )
    })

    test('no answer: what went wrong on the way', () => {
      expect(listFailure(noAnswer('fetch failed'), 'secret-scanning-bypass', 'repository', REPO_BYPASS)).toBe(
        `The call to ${REPO_BYPASS} failed (fetch failed), also on every retry.`
      )
    })

    test('no answer within the time limit: timed out', () => {
      expect(listFailure(noAnswer('This operation was aborted'), 'secret-scanning-bypass', 'repository', REPO_BYPASS)).toBe(
        `The call to ${REPO_BYPASS} timed out, also on every retry.`
      )
    })
  })

  describe('rate limits: when the limit resets', () => {
    const stillLimited = (reset: string) => `GitHub's rate limit was still in force after the action waited as long as it may (${reset}).`

    test('403 with no requests remaining: the reset time as ISO', () => {
      const error = httpError(403, { message: 'API rate limit exceeded' }, { 'x-ratelimit-remaining': '0', 'x-ratelimit-reset': '1741608000' })
      expect(listFailure(error, 'secret-scanning-bypass', 'repository', REPO_BYPASS)).toBe(stillLimited('it resets at 2025-03-10T12:00:00.000Z'))
    })

    test('the reset header as a number', () => {
      const error = httpError(403, {}, { 'x-ratelimit-remaining': 0, 'x-ratelimit-reset': 1741611600 })
      expect(listFailure(error, 'secret-scanning-bypass', 'repository', REPO_BYPASS)).toBe(stillLimited('it resets at 2025-03-10T13:00:00.000Z'))
    })

    test('429 with retry-after: the wait GitHub asked for', () => {
      const error = httpError(429, { message: 'You have exceeded a secondary rate limit' }, { 'retry-after': '60' })
      expect(listFailure(error, 'secret-scanning-bypass', 'repository', REPO_BYPASS)).toBe(stillLimited('GitHub asked to wait 60s more'))
    })

    test('403 that only says so in its message: no reset known', () => {
      const error = httpError(403, { message: 'You have exceeded a secondary rate limit.' })
      expect(listFailure(error, 'secret-scanning-bypass', 'repository', REPO_BYPASS)).toBe(stillLimited('GitHub did not say when it resets'))
    })
  })

  describe('an unexpected status: the status and GitHub’s message', () => {
    test('418 with a message', () => {
      expect(listFailure(httpError(418, { message: "I'm a teapot" }), 'secret-scanning-bypass', 'repository', REPO_BYPASS)).toBe(
        `GitHub answered 418 to ${REPO_BYPASS}: I'm a teapot`
      )
    })

    test('409 with a body that has no message: says so, never “Unknown error”', () => {
      const error = httpError(409, { errors: [] }, {}, 'Unknown error')
      expect(listFailure(error, 'secret-scanning-bypass', 'repository', REPO_BYPASS)).toBe(`GitHub answered 409 to ${REPO_BYPASS}: it sent no message`)
    })

    test('a failure with no status and no answer: what went wrong', () => {
      expect(listFailure(new Error('socket hang up'), 'secret-scanning-bypass', 'repository', REPO_BYPASS)).toBe(`The call to ${REPO_BYPASS} failed: socket hang up`)
    })
  })

  describe('the action’s own errors: their message, as they are', () => {
    test('MalformedResponseError', () => {
      expect(listFailure(new MalformedResponseError(REPO_BYPASS), 'secret-scanning-bypass', 'repository', REPO_BYPASS)).toBe(
        `GitHub's answer to ${REPO_BYPASS} was not the JSON list the API describes`
      )
    })

    test('UnreachableError', () => {
      const error = new UnreachableError('https://ghe.example.com/api/v3', 'ENOTFOUND')
      expect(listFailure(error, 'secret-scanning-bypass', 'repository', REPO_BYPASS)).toBe(
        'Could not reach api-url https://ghe.example.com/api/v3: the host name does not resolve (ENOTFOUND). Check the api-url input.'
      )
    })

    test('RedirectRefusedError', () => {
      const error = new RedirectRefusedError(302, '/repos/octo-org/smile/bypass-requests/secret-scanning', 'it named no location')
      expect(listFailure(error, 'secret-scanning-bypass', 'repository', REPO_BYPASS)).toBe(
        'GitHub answered 302 to GET /repos/octo-org/smile/bypass-requests/secret-scanning with a redirect that was not followed: it named no location.'
      )
    })
  })
})

describe('describeReviewFailure', () => {
  const review = (error: unknown, id: TypeId, endpoint = REVIEW) => describeReviewFailure(error, requestType(id), endpoint)

  test('403: GitHub’s message and a reviewer’s permissions', () => {
    expect(review(httpError(403, { message: 'Must have admin rights to Repository.' }), 'secret-scanning-bypass')).toBe(
      `GitHub answered 403 to ${REVIEW}: the token may not review secret scanning bypass requests (Must have admin rights to Repository.). ` +
        'Use a personal access token (classic) with the security_events scope of a reviewer, or a fine-grained token or GitHub App with ' +
        '"Secret scanning alerts" repository permissions (read) and "Organization bypass requests for secret scanning" organization permissions (write), ' +
        'or "Secret scanning push protection bypass requests" repository permissions (write).'
    )
  })

  test('403 on a secret scanning dismissal: the write permission of its list’s last one', () => {
    const endpoint = 'PATCH /repos/octo-org/smile/dismissal-requests/secret-scanning/230'
    expect(review(httpError(403, { message: 'Forbidden' }), 'secret-scanning-dismissal', endpoint)).toBe(
      `GitHub answered 403 to ${endpoint}: the token may not review secret scanning alert dismissal requests (Forbidden). ` +
        'Use a personal access token (classic) with the security_events scope of a reviewer, or a fine-grained token or GitHub App with ' +
        '"Secret scanning alerts" repository permissions (read), "Contents" repository permissions (read) and ' +
        '"Secret scanning alert dismissal requests" repository or organization permissions (write).'
    )
  })

  test('403 on a type GitHub cannot review: the status and GitHub’s message', () => {
    const endpoint = 'PATCH /repos/octo-org/smile/bypass-requests/push-rules/7'
    expect(review(httpError(403, { message: 'Forbidden' }), 'push-ruleset-bypass', endpoint)).toBe(`GitHub answered 403 to ${endpoint}: Forbidden`)
  })

  test('5xx: not retried, as it may have been applied', () => {
    expect(review(httpError(502, '<html>Bad gateway</html>'), 'secret-scanning-bypass')).toBe(
      `GitHub answered 502 to ${REVIEW} (not retried: it may have been applied): <html>Bad gateway</html>.`
    )
    expect(review(noAnswer('fetch failed'), 'secret-scanning-bypass')).toBe(`The call to ${REVIEW} failed (fetch failed) (not retried: it may have been applied).`)
    expect(review(noAnswer('The operation was aborted due to timeout'), 'secret-scanning-bypass')).toBe(
      `The call to ${REVIEW} timed out (not retried: it may have been applied).`
    )
  })

  test('401 and 422: as for lists', () => {
    expect(review(httpError(401, { message: 'Bad credentials' }), 'secret-scanning-bypass')).toBe('GitHub answered 401: the token is invalid or missing.')
    expect(review(httpError(422, { message: 'Request is not open' }), 'secret-scanning-bypass')).toBe(`GitHub rejected ${REVIEW} (422): Request is not open`)
  })

  test('an unexpected status: the status and GitHub’s message, neutralized', () => {
    expect(review(httpError(409, { message: 'Already reviewed\n::error::forged' }), 'secret-scanning-bypass')).toBe(
      `GitHub answered 409 to ${REVIEW}: Already reviewed :${ZWSP}:error:${ZWSP}:forged`
    )
    expect(review(httpError(404, {}), 'dependabot-dismissal')).toBe(`GitHub answered 404 to ${REVIEW}: it sent no message`)
  })

  test('the action’s own errors pass through', () => {
    const error = new RedirectRefusedError(301, '/repos/octo-org/smile', 'it leads to another origin (https://elsewhere.example), where the token is not sent')
    expect(review(error, 'secret-scanning-bypass')).toBe(
      'GitHub answered 301 to GET /repos/octo-org/smile with a redirect that was not followed: ' +
        'it leads to another origin (https://elsewhere.example), where the token is not sent.'
    )
  })
})

describe('a rate limit is what the request hook waits on, and nothing else', () => {
  const endpoint = 'GET /orgs/octo-org/bypass-requests/secret-scanning'
  test('a 403 that names a rate limit without headers is told as one', () => {
    expect(describeCommonFailure(httpError(403, { message: 'API rate limit exceeded for user ID 1.' }), endpoint)).toBe(
      "GitHub's rate limit was still in force after the action waited as long as it may (GitHub did not say when it resets)."
    )
  })

  test('a retry-after the hook cannot read is not told as a rate limit', () => {
    expect(describeCommonFailure(httpError(403, { message: 'Forbidden' }, { 'retry-after': 'soon' }), endpoint)).toBeUndefined()
  })
})
