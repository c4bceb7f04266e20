import { describe, expect, test } from '@jest/globals'
import { TOP, median, metricsOf, percentile, reviewMetrics } from '../../src/metrics.js'
import type { RequestRecord, RequestResponse } from '../../src/requests.js'
import { HOUR, plainRecord } from './record-builders.js'

/** The clock the records of this file are made against: hour h is `at(h)`. */
const T0 = Date.parse('2025-03-01T00:00:00Z')
const at = (hours: number): string => new Date(T0 + hours * HOUR).toISOString()

/** A response by `reviewer`, `hours` after T0 (or at a time that is not a date). */
function response(reviewer: string, when: number | string): RequestResponse {
  return { id: 1, reviewer, status: 'approved', created_at: typeof when === 'number' ? at(when) : when }
}

/** A request made at hour `created`, with the given responses. */
function made(created: number, fields: Partial<RequestRecord>, responses: RequestResponse[] = []): RequestRecord {
  return plainRecord({ created_at: at(created), responses, ...fields })
}

describe('median', () => {
  test('an odd count: the middle value, whatever the order', () => {
    expect(median([3, 1, 2])).toBe(2)
    expect(median([10, 1, 7, 3, 5])).toBe(5)
  })

  test('an even count: the mean of the two middle values', () => {
    expect(median([4, 1, 3, 2])).toBe(2.5)
    expect(median([8, 2])).toBe(5)
  })

  test('one value: that value', () => {
    expect(median([7])).toBe(7)
  })

  test('none: null', () => {
    expect(median([])).toBeNull()
  })

  test('the input is left alone', () => {
    const values = [3, 1, 2]
    median(values)
    expect(values).toEqual([3, 1, 2])
  })
})

describe('percentile: nearest rank', () => {
  test('90th of one value: that value', () => {
    expect(percentile([5], 90)).toBe(5)
  })

  test('90th of 5 values: rank ⌈4.5⌉ = 5, the largest', () => {
    expect(percentile([50, 10, 40, 20, 30], 90)).toBe(50)
  })

  test('90th of 10 values: rank 9', () => {
    expect(percentile([10, 9, 8, 7, 6, 5, 4, 3, 2, 1], 90)).toBe(9)
  })

  test('90th of 11 values: rank ⌈9.9⌉ = 10', () => {
    expect(percentile([11, 1, 10, 2, 9, 3, 8, 4, 7, 5, 6], 90)).toBe(10)
  })

  test('none: null', () => {
    expect(percentile([], 90)).toBeNull()
  })

  test('other percentiles: 50th of 4 values is rank 2, 100th the largest, 0th the smallest', () => {
    expect(percentile([4, 1, 3, 2], 50)).toBe(2)
    expect(percentile([4, 1, 3, 2], 100)).toBe(4)
    expect(percentile([4, 1, 3, 2], 0)).toBe(1)
  })
})

describe('metricsOf', () => {
  /*
   * Seven requests, their first responses (hours after each was made) and who answered:
   *   A smile  monalisa approved  alice 2h, bob 5h        first 2
   *   B smile  hubot    denied    bob 1h                  first 1
   *   C api    monalisa pending   none
   *   D api    monalisa open      carol 4h, alice 3h      first 3 (the earliest, not the first listed)
   *   E web    hubot    expired   none                    expired unanswered
   *   F web    octocat  expired   bob 8h                  first 8
   *   G smile  octocat  approved  alice at no date, dave 6h   first 6 (alice's left out)
   * First responses 1, 2, 3, 6, 8: median 3, 90th percentile rank ⌈4.5⌉ = 5 → 8.
   * alice 2, 3 → median 2.5; bob 5, 1, 8 → 5; carol 4; dave 6.
   */
  const RECORDS = [
    made(0, { repository: 'octo-org/smile', requester: 'monalisa', status: 'approved', open: false }, [response('alice', 2), response('bob', 5)]),
    made(10, { repository: 'octo-org/smile', requester: 'hubot', status: 'denied', open: false }, [response('bob', 11)]),
    made(20, { repository: 'octo-org/api', requester: 'monalisa', status: 'pending' }),
    made(30, { repository: 'octo-org/api', requester: 'monalisa', status: 'open' }, [response('carol', 34), response('alice', 33)]),
    made(40, { repository: 'octo-org/web', requester: 'hubot', status: 'expired', open: false }),
    made(50, { repository: 'octo-org/web', requester: 'octocat', status: 'expired', open: false }, [response('bob', 58)]),
    made(60, { repository: 'octo-org/smile', requester: 'octocat', status: 'approved', open: false }, [response('alice', 'not a date'), response('dave', 66)])
  ]

  test('the whole set, computed by hand', () => {
    expect(metricsOf(RECORDS)).toEqual({
      requests: 7,
      by_status: { approved: 2, denied: 1, open: 2, expired: 2 },
      expired_unanswered: 1,
      answered: 5,
      median_first_response_hours: 3,
      p90_first_response_hours: 8,
      reviewers: [
        { reviewer: 'bob', responses: 3, median_response_hours: 5 },
        { reviewer: 'alice', responses: 2, median_response_hours: 2.5 },
        { reviewer: 'carol', responses: 1, median_response_hours: 4 },
        { reviewer: 'dave', responses: 1, median_response_hours: 6 }
      ],
      top_repositories: [
        { name: 'octo-org/smile', requests: 3 },
        { name: 'octo-org/api', requests: 2 },
        { name: 'octo-org/web', requests: 2 }
      ],
      top_requesters: [
        { name: 'monalisa', requests: 3 },
        { name: 'hubot', requests: 2 },
        { name: 'octocat', requests: 2 }
      ]
    })
  })

  test('pending is counted as open', () => {
    const m = metricsOf([made(0, { status: 'pending' }), made(1, { status: 'pending' }), made(2, { status: 'open' })])
    expect(m.by_status).toEqual({ open: 3 })
  })

  test('expired unanswered: expired with no response only, not expired and answered, not open and unanswered', () => {
    const m = metricsOf([
      made(0, { status: 'expired', open: false }),
      made(1, { status: 'expired', open: false }),
      made(2, { status: 'expired', open: false }, [response('bob', 3)]),
      made(3, { status: 'open' }),
      made(4, { status: 'denied', open: false })
    ])
    expect([m.expired_unanswered, m.answered]).toEqual([2, 1])
  })

  test('a request with no responses at all', () => {
    expect(metricsOf([made(0, { status: 'open', requester: 'hubot' })])).toEqual({
      requests: 1,
      by_status: { open: 1 },
      expired_unanswered: 0,
      answered: 0,
      median_first_response_hours: null,
      p90_first_response_hours: null,
      reviewers: [],
      top_repositories: [{ name: 'octo-org/smile', requests: 1 }],
      top_requesters: [{ name: 'hubot', requests: 1 }]
    })
  })

  test('exactly one response: its time is the median, the 90th percentile and the reviewer’s median', () => {
    const m = metricsOf([made(0, { status: 'approved', open: false }, [response('alice', 1.5)])])
    expect([m.answered, m.median_first_response_hours, m.p90_first_response_hours]).toEqual([1, 1.5, 1.5])
    expect(m.reviewers).toEqual([{ reviewer: 'alice', responses: 1, median_response_hours: 1.5 }])
  })

  test('no records: zeros, nulls and empty lists', () => {
    expect(metricsOf([])).toEqual({
      requests: 0,
      by_status: {},
      expired_unanswered: 0,
      answered: 0,
      median_first_response_hours: null,
      p90_first_response_hours: null,
      reviewers: [],
      top_repositories: [],
      top_requesters: []
    })
  })

  test('responses with an unreadable created_at are left out of every time; readable ones of the same request count', () => {
    const m = metricsOf([made(0, {}, [response('alice', 'yesterday'), response('bob', 4)]), made(10, {}, [response('carol', ''), response('alice', 12)])])
    // First responses 4 and 2: median 3, 90th percentile 4. alice: 2 (her unreadable one left out); bob 4; carol none.
    expect([m.answered, m.median_first_response_hours, m.p90_first_response_hours]).toEqual([2, 3, 4])
    expect(m.reviewers).toEqual([
      { reviewer: 'alice', responses: 1, median_response_hours: 2 },
      { reviewer: 'bob', responses: 1, median_response_hours: 4 }
    ])
  })

  test('a request with an unreadable created_at: its responses have no time to count', () => {
    const m = metricsOf([plainRecord({ created_at: 'not a date', responses: [response('alice', 2)] })])
    expect([m.answered, m.median_first_response_hours, m.reviewers]).toEqual([0, null, []])
  })

  test('a response timed before its request counts as no time at all, not a negative one', () => {
    const m = metricsOf([made(10, {}, [response('alice', 8)])])
    expect([m.median_first_response_hours, m.reviewers[0]?.median_response_hours]).toEqual([0, 0])
  })

  test('times are hours to a tenth', () => {
    // 1 h 15 m → 1.25 h → 1.3; 20 m → 0.333… h → 0.3.
    const m = metricsOf([made(0, {}, [response('alice', 1.25)]), made(0, {}, [response('bob', 20 / 60)])])
    expect(m.reviewers.map(r => r.median_response_hours)).toEqual([1.3, 0.3])
    // First responses 1.25 and 0.333…: median 0.791… → 0.8, 90th percentile 1.25 → 1.3.
    expect([m.median_first_response_hours, m.p90_first_response_hours]).toEqual([0.8, 1.3])
  })

  test(`reviewers: most responses first, ties by name; every reviewer is listed, not only the top ${TOP}`, () => {
    const names = ['zed', 'amy', 'kim', 'bob', 'lee', 'max', 'ned', 'oli', 'pat', 'quin', 'ray', 'sam']
    const records = names.map((name, i) => made(0, {}, [response(name, i + 1)]))
    records.push(made(0, {}, [response('zed', 20), response('kim', 30)]))
    const m = metricsOf(records)
    expect(m.reviewers.map(r => [r.reviewer, r.responses])).toEqual([
      ['kim', 2],
      ['zed', 2],
      ...['amy', 'bob', 'lee', 'max', 'ned', 'oli', 'pat', 'quin', 'ray', 'sam'].map(name => [name, 1])
    ])
    // zed: 1 and 20 → 10.5; kim: 3 and 30 → 16.5.
    expect(m.reviewers.slice(0, 2).map(r => r.median_response_hours)).toEqual([16.5, 10.5])
  })

  test(`top repositories and requesters: the ${TOP} with the most requests, ties by name`, () => {
    expect(TOP).toBe(10)
    // r12 has 3 requests, r05 2, the other ten 1 each: r12, r05, then the first eight of the rest by name.
    const repositories = Array.from({ length: 12 }, (_, i) => `octo-org/r${String(i + 1).padStart(2, '0')}`)
    const records = [...repositories, 'octo-org/r12', 'octo-org/r12', 'octo-org/r05'].map((repository, i) =>
      made(i, { repository, requester: repository.replace('octo-org/r', 'user') })
    )
    const m = metricsOf(records)
    expect(m.top_repositories).toEqual([
      { name: 'octo-org/r12', requests: 3 },
      { name: 'octo-org/r05', requests: 2 },
      ...['01', '02', '03', '04', '06', '07', '08', '09'].map(n => ({ name: `octo-org/r${n}`, requests: 1 }))
    ])
    expect(m.top_requesters).toEqual([
      { name: 'user12', requests: 3 },
      { name: 'user05', requests: 2 },
      ...['01', '02', '03', '04', '06', '07', '08', '09'].map(n => ({ name: `user${n}`, requests: 1 }))
    ])
  })
})

describe('reviewMetrics', () => {
  const records = [
    made(0, { type: 'secret-scanning-bypass', status: 'approved', open: false }, [response('alice', 2)]),
    made(1, { type: 'dependabot-dismissal', status: 'expired', open: false }),
    made(2, { type: 'secret-scanning-bypass', status: 'open' }, [response('bob', 6)]),
    made(3, { type: 'dependabot-dismissal', status: 'pending' })
  ]

  test('by_type only for the types that had requests, in the order of the types; overall over all of them', () => {
    const m = reviewMetrics(records)
    expect(Object.keys(m.by_type)).toEqual(['secret-scanning-bypass', 'dependabot-dismissal'])
    expect(m.overall).toEqual(metricsOf(records))
    expect(m.by_type['secret-scanning-bypass']).toEqual(metricsOf([records[0]!, records[2]!]))
    expect(m.by_type['dependabot-dismissal']).toEqual(metricsOf([records[1]!, records[3]!]))
  })

  test('the numbers, by hand', () => {
    const m = reviewMetrics(records)
    // Bypass: first responses 2 and 4 → median 3; dependabot: none answered, one expired unanswered.
    expect(m.by_type['secret-scanning-bypass']).toMatchObject({ requests: 2, answered: 2, median_first_response_hours: 3, expired_unanswered: 0 })
    expect(m.by_type['dependabot-dismissal']).toMatchObject({ requests: 2, answered: 0, median_first_response_hours: null, expired_unanswered: 1 })
    expect(m.overall).toMatchObject({ requests: 4, answered: 2, median_first_response_hours: 3, p90_first_response_hours: 4, expired_unanswered: 1 })
  })

  test('no records: no type, overall empty', () => {
    const m = reviewMetrics([])
    expect(m.by_type).toEqual({})
    expect(m.overall.requests).toBe(0)
  })
})
