import { afterEach, beforeEach, describe, expect, jest, test } from '@jest/globals'
import { EOL } from 'node:os'
import { LOGGED_REQUESTS, logCall, logFailures, logRequests, requestLine } from '../../../src/report/log.js'
import { REPO, bypass, dismissal, failure, reviewCall } from '../record-builders.js'

const ZWSP = '\u200b'
const PATH_3 = `/repos/${REPO}/bypass-requests/secret-scanning/3`
const BODY = '{"status":"approve","message":"Reviewed."}'

describe('requestLine', () => {
  test('a bypass request: its state, label, requester, age and comment', () => {
    expect(requestLine(bypass(12, { ageHours: 5, comment: 'Needed for the test fixture' }))).toBe(
      '[open] secret-scanning-bypass octo-org/smile request #12 by monalisa, 5h old: Needed for the test fixture'
    )
  })

  test('a dismissal request: labelled by its alert number', () => {
    expect(requestLine(dismissal('code-scanning-dismissal', 3, 230, { ageHours: 2, comment: 'False positive' }))).toBe(
      '[open] code-scanning-dismissal octo-org/smile alert #230 by monalisa, 2h old: False positive'
    )
  })

  test('a stale one', () => {
    expect(requestLine(dismissal('dependabot-dismissal', 4, 17, { ageHours: 30, requester: 'hubot', comment: 'Tolerable' }))).toBe(
      '[stale] dependabot-dismissal octo-org/smile alert #17 by hubot, 1d 6h old: Tolerable'
    )
  })

  test('a closed one without a comment: GitHub’s status, no comment part', () => {
    expect(requestLine(bypass(5, { status: 'denied', ageHours: 100, comment: null }))).toBe(
      '[denied] secret-scanning-bypass octo-org/smile request #5 by monalisa, 4d 4h old'
    )
  })

  test('a comment with a line break and a workflow command: on one line, neutralized', () => {
    expect(requestLine(bypass(7, { ageHours: 1, comment: 'looks fine\n::warning::forged\r\n##[error]too' }))).toBe(
      `[open] secret-scanning-bypass octo-org/smile request #7 by monalisa, 1h old: looks fine :${ZWSP}:warning:${ZWSP}:forged #${ZWSP}#[error]too`
    )
  })

  test('a long comment: cut to 200 characters', () => {
    expect(requestLine(bypass(9, { ageHours: 1, comment: 'a'.repeat(250) }))).toBe(
      `[open] secret-scanning-bypass octo-org/smile request #9 by monalisa, 1h old: ${'a'.repeat(199)}…`
    )
  })

  test('a missing requester: unknown', () => {
    expect(requestLine(bypass(8, { ageHours: 3, requester: '', comment: '' }))).toBe('[open] secret-scanning-bypass octo-org/smile request #8 by unknown, 3h old')
  })

  test('a hostile requester: neutralized', () => {
    expect(requestLine(bypass(6, { ageHours: 3, requester: '::error::me', comment: '' }))).toBe(
      `[open] secret-scanning-bypass octo-org/smile request #6 by :${ZWSP}:error:${ZWSP}:me, 3h old`
    )
  })
})

describe('what the log writes', () => {
  let written: string[]

  beforeEach(() => {
    written = []
    jest.spyOn(process.stdout, 'write').mockImplementation((chunk: string | Uint8Array) => {
      written.push(String(chunk))
      return true
    })
  })

  afterEach(() => {
    jest.restoreAllMocks()
  })

  describe('logCall', () => {
    test('a dry run: the call, not made', () => {
      logCall(reviewCall(3, { status: null, ok: false }), true)
      expect(written).toEqual([`PATCH ${PATH_3} ${BODY} → dry run, not made${EOL}`])
    })

    test('a call GitHub accepted: its status', () => {
      logCall(reviewCall(3), false)
      expect(written).toEqual([`PATCH ${PATH_3} ${BODY} → 200${EOL}`])
    })

    test('a call without a body', () => {
      logCall(reviewCall(3, { body: undefined, status: 204 }), false)
      expect(written).toEqual([`PATCH ${PATH_3} → 204${EOL}`])
    })

    test('a failed call: its status and message', () => {
      const message = `GitHub rejected PATCH ${PATH_3} (422): Request is not open`
      logCall(reviewCall(3, { status: 422, ok: false, message }), false)
      expect(written).toEqual([`PATCH ${PATH_3} ${BODY} → failed 422 ${message}${EOL}`])
    })

    test('hostile text in the body and the message: neutralized, on one line', () => {
      logCall(reviewCall(3, { body: { status: 'approve', message: 'ok\n::error::x' }, status: 409, ok: false, message: 'no\n::error::y' }), false)
      expect(written).toEqual([`PATCH ${PATH_3} {"status":"approve","message":"ok\\n:${ZWSP}:error:${ZWSP}:x"} → failed 409 no :${ZWSP}:error:${ZWSP}:y${EOL}`])
    })
  })

  describe('logRequests', () => {
    test('a group titled with the count, one line per request, written at once', () => {
      const records = [bypass(1, { ageHours: 30, comment: 'First' }), dismissal('secret-scanning-dismissal', 2, 44, { ageHours: 2, comment: '' })]
      logRequests(records, 'Matched requests')
      expect(written).toEqual([
        `::group::Matched requests (2)${EOL}` +
          `[stale] secret-scanning-bypass octo-org/smile request #1 by monalisa, 1d 6h old: First\n[open] secret-scanning-dismissal octo-org/smile alert #44 by monalisa, 2h old${EOL}` +
          `::endgroup::${EOL}`
      ])
    })

    test(`at most ${LOGGED_REQUESTS} lines, the most urgent, then one line counting the rest`, () => {
      const records = Array.from({ length: LOGGED_REQUESTS + 5 }, (_, i) => bypass(i + 1, { ageHours: 2 }))
      logRequests(records, 'Matched requests')
      expect(written).toHaveLength(1)
      const start = `::group::Matched requests (${LOGGED_REQUESTS + 5})${EOL}`
      const end = `${EOL}::endgroup::${EOL}`
      expect(written[0]!.startsWith(start) && written[0]!.endsWith(end)).toBe(true)
      const lines = written[0]!.slice(start.length, -end.length).split('\n')
      expect(lines).toHaveLength(LOGGED_REQUESTS + 1)
      expect(lines[0]).toContain('request #1 by')
      expect(lines[LOGGED_REQUESTS - 1]).toContain(`request #${LOGGED_REQUESTS} by`)
      expect(lines.at(-1)).toBe('… and 5 more, less urgent: the job summary and the report-json file list them.')
    })

    test('no requests: an empty group', () => {
      logRequests([], 'Matched requests')
      expect(written).toEqual([`::group::Matched requests (0)${EOL}::endgroup::${EOL}`])
    })
  })

  describe('logFailures', () => {
    test('each failed list, not the skipped ones (warnings only)', () => {
      logFailures([
        failure('secret-scanning-bypass', 'GitHub answered 401: the token is invalid or missing.'),
        failure('dependabot-dismissal', 'GitHub answered 404: not enabled.', true),
        failure('code-scanning-dismissal', 'GitHub rejected it (422): Invalid request_status')
      ])
      expect(written).toEqual([
        `Could not list secret-scanning-bypass: GitHub answered 401: the token is invalid or missing.${EOL}`,
        `Could not list code-scanning-dismissal: GitHub rejected it (422): Invalid request_status${EOL}`
      ])
    })

    test('none failed: nothing written', () => {
      logFailures([failure('dependabot-dismissal', 'skipped', true)])
      logFailures([])
      expect(written).toEqual([])
    })
  })
})
