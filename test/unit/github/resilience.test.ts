import { afterEach, describe, expect, jest, test } from '@jest/globals'
import { rateLimitWait, resilience, type ResilienceOptions } from '../../../src/github/resilience.js'
import { NOW, httpError, noAnswer } from '../record-builders.js'

/** What the layer reads of a request's options. */
interface CallOptions {
  method: string
  url: string
  request?: { retries?: number }
}
type Request = (options: CallOptions) => Promise<unknown>
type Wrapper = (request: Request, options: CallOptions) => Promise<unknown>

const ANSWER = { status: 200, headers: {}, data: 'done' }
const SECONDARY = 'You have exceeded a secondary rate limit. Please wait a few minutes before you try again.'

/** The plugin applied to a fake Octokit: the request hook it registered, its onWait and its backoff. */
function install(more: Partial<ResilienceOptions> = {}) {
  const registered: Wrapper[] = []
  const onWait = jest.fn<(message: string) => void>()
  const backoffMs = jest.fn((_attempt: number) => 0)
  const wrap = (name: string, wrapper: Wrapper): void => {
    expect(name).toBe('request')
    registered.push(wrapper)
  }
  resilience({ retries: 3, rateLimitBudgetMs: 600_000, writeSpacingMs: 0, onWait, backoffMs, ...more })({ hook: { wrap } })
  expect(registered).toHaveLength(1)
  return { hook: registered[0]!, onWait, backoffMs }
}

/** A request that fails with each of `errors` in turn, then answers. */
function failing(...errors: Error[]): jest.Mock<Request> {
  const request = jest.fn<Request>()
  for (const error of errors) request.mockRejectedValueOnce(error)
  return request.mockResolvedValue(ANSWER)
}

const GET: CallOptions = { method: 'GET', url: '/x' }

/** A 403 or 429 with GitHub's secondary rate limit headers. */
const retryAfter = (seconds: string, status = 429) => httpError(status, SECONDARY, { 'retry-after': seconds })

/** A 403 of the primary rate limit, resetting at `resetSeconds` (epoch seconds). */
const primary = (resetSeconds: number) =>
  httpError(403, 'API rate limit exceeded for installation ID 1.', { 'x-ratelimit-remaining': '0', 'x-ratelimit-reset': String(resetSeconds) })

/** Lets the timers already due run (a write's spacing of 0 included). */
const tick = () => new Promise(resolve => setTimeout(resolve, 0))

afterEach(() => {
  jest.useRealTimers()
})

describe('reads: retried after an answer no retry makes worse', () => {
  const transient: [string, () => Error][] = [
    ['500', () => httpError(500)],
    ['502', () => httpError(502, 'Bad Gateway')],
    ['503', () => httpError(503, 'Service Unavailable')],
    ['408', () => httpError(408, 'Request Timeout')],
    ['no answer', () => noAnswer()]
  ]

  test.each(transient)('GET after %s: tried again until it answers', async (_name, error) => {
    const { hook, backoffMs, onWait } = install()
    const request = failing(error(), error(), error())
    await expect(hook(request, GET)).resolves.toBe(ANSWER)
    expect(request).toHaveBeenCalledTimes(4)
    expect(request.mock.calls.every(([options]) => options === GET)).toBe(true)
    expect(backoffMs.mock.calls.map(([attempt]) => attempt)).toEqual([0, 1, 2])
    expect(onWait).not.toHaveBeenCalled()
  })

  test.each(transient)('GET after %s every time: retries 3 → 4 calls, then the last error', async (_name, error) => {
    const { hook } = install({ retries: 3 })
    const errors = [error(), error(), error(), error()]
    const request = failing(...errors)
    await expect(hook(request, GET)).rejects.toBe(errors[3])
    expect(request).toHaveBeenCalledTimes(4)
  })

  test('HEAD and a lower-case get are reads too', async () => {
    const { hook } = install({ retries: 1 })
    const head = failing(httpError(502))
    const lower = failing(httpError(502))
    await hook(head, { method: 'HEAD', url: '/x' })
    await hook(lower, { method: 'get', url: '/x' })
    expect([head.mock.calls.length, lower.mock.calls.length]).toEqual([2, 2])
  })

  test.each([
    ['400', 400, 'Bad Request'],
    ['401', 401, 'Bad credentials'],
    ['403 (not a rate limit)', 403, 'Resource not accessible by integration'],
    ['404', 404, 'Not Found'],
    ['409', 409, 'Conflict'],
    ['418', 418, "I'm a teapot"],
    ['422', 422, 'Validation Failed']
  ])('never retried after %s', async (_name, status, message) => {
    const { hook, backoffMs, onWait } = install()
    const error = httpError(status, message)
    const request = failing(error)
    await expect(hook(request, GET)).rejects.toBe(error)
    expect(request).toHaveBeenCalledTimes(1)
    expect(backoffMs).not.toHaveBeenCalled()
    expect(onWait).not.toHaveBeenCalled()
  })

  test('an error with no status (the API cannot be reached at all) is not retried', async () => {
    const { hook } = install()
    const error = new Error('Could not reach api-url https://ghe.example: the host name does not resolve (ENOTFOUND).')
    const request = failing(error)
    await expect(hook(request, GET)).rejects.toBe(error)
    expect(request).toHaveBeenCalledTimes(1)
  })

  test.each([
    [0, 1],
    [1, 2],
    [5, 6]
  ])('request.retries %i in the options overrides the default 3: %i calls', async (retries, calls) => {
    const { hook } = install({ retries: 3 })
    const errors = Array.from({ length: 7 }, () => httpError(503))
    const request = failing(...errors)
    await expect(hook(request, { ...GET, request: { retries } })).rejects.toBe(errors[calls - 1])
    expect(request).toHaveBeenCalledTimes(calls)
  })

  test('without backoffMs the waits are 1 s, then 4 s', async () => {
    jest.useFakeTimers()
    const { hook } = resilienceWithoutBackoff()
    const request = failing(httpError(500), httpError(500))
    const answer = hook(request, GET)
    await jest.advanceTimersByTimeAsync(999)
    expect(request).toHaveBeenCalledTimes(1)
    await jest.advanceTimersByTimeAsync(1)
    expect(request).toHaveBeenCalledTimes(2)
    await jest.advanceTimersByTimeAsync(3_999)
    expect(request).toHaveBeenCalledTimes(2)
    await jest.advanceTimersByTimeAsync(1)
    expect(request).toHaveBeenCalledTimes(3)
    await expect(answer).resolves.toBe(ANSWER)
  })
})

/** The plugin with its own backoff. */
function resilienceWithoutBackoff() {
  let hook: Wrapper | undefined
  resilience({ retries: 3, rateLimitBudgetMs: 0, writeSpacingMs: 0, onWait: () => undefined })({
    hook: { wrap: (_name: string, wrapper: Wrapper) => (hook = wrapper) }
  })
  if (!hook) throw new Error('no request hook registered')
  return { hook }
}

describe('writes: never retried after an answer that may mean they were applied', () => {
  test.each([
    ['PATCH', '500', () => httpError(500)],
    ['PATCH', 'no answer', () => noAnswer()],
    ['DELETE', '500', () => httpError(500)],
    ['DELETE', 'no answer', () => noAnswer()],
    ['POST', '503', () => httpError(503)],
    ['POST', 'no answer', () => noAnswer('The operation was aborted due to timeout')]
  ])('%s after %s: one call', async (method, _name, error) => {
    const { hook, backoffMs } = install()
    const failure = error()
    const request = failing(failure)
    await expect(hook(request, { method, url: '/w' })).rejects.toBe(failure)
    expect(request).toHaveBeenCalledTimes(1)
    expect(backoffMs).not.toHaveBeenCalled()
  })
})

describe('rate limits: waited out, within one budget for the run', () => {
  test.each([
    ['429 with retry-after', () => retryAfter('0', 429)],
    ['403 with retry-after', () => retryAfter('0', 403)]
  ])('secondary, %s: waited out (at least a second, even when asked for none) and the call repeated', async (_name, error) => {
    jest.useFakeTimers({ now: NOW })
    const { hook, onWait, backoffMs } = install()
    const request = failing(error())
    const answer = hook(request, GET)
    await jest.advanceTimersByTimeAsync(999)
    expect(request).toHaveBeenCalledTimes(1)
    await jest.advanceTimersByTimeAsync(1)
    await expect(answer).resolves.toBe(ANSWER)
    expect(request).toHaveBeenCalledTimes(2)
    expect(onWait.mock.calls).toEqual([['Secondary rate limit on GET /x: waiting 1s before retrying.']])
    expect(backoffMs).not.toHaveBeenCalled()
  })

  test('a rate limit that asks for no wait is still bounded by the budget: the calls end', async () => {
    const { hook } = install({ rateLimitBudgetMs: 2_500 })
    jest.useFakeTimers({ now: NOW })
    const request = jest.fn(async () => {
      throw retryAfter('0', 429)
    })
    const answer = hook(request as never, GET).catch((error: unknown) => error)
    await jest.advanceTimersByTimeAsync(5_000)
    expect(await answer).toMatchObject({ status: 429 })
    // Two waits of a second fit in 2.5 s; the third call's error is thrown.
    expect(request).toHaveBeenCalledTimes(3)
  })

  test('a rate limit does not use up the retries of a read', async () => {
    const { hook, onWait, backoffMs } = install({ retries: 1 })
    const request = failing(retryAfter('0'), retryAfter('0'), httpError(500))
    await expect(hook(request, GET)).resolves.toBe(ANSWER)
    expect(request).toHaveBeenCalledTimes(4)
    expect(onWait).toHaveBeenCalledTimes(2)
    expect(backoffMs.mock.calls).toEqual([[0]])
  })

  test('primary: waited until the reset GitHub names, and a second more', async () => {
    jest.useFakeTimers({ now: NOW })
    const { hook, onWait } = install()
    const request = failing(primary(NOW / 1000 + 10))
    const answer = hook(request, GET)
    await jest.advanceTimersByTimeAsync(10_999)
    expect(request).toHaveBeenCalledTimes(1)
    expect(onWait.mock.calls).toEqual([['Primary rate limit on GET /x: waiting 11s before retrying.']])
    await jest.advanceTimersByTimeAsync(1)
    expect(request).toHaveBeenCalledTimes(2)
    await expect(answer).resolves.toBe(ANSWER)
  })

  test('secondary, 403 with GitHub’s words and no header: 60 s', async () => {
    jest.useFakeTimers({ now: NOW })
    const { hook, onWait } = install()
    const request = failing(httpError(403, SECONDARY))
    const answer = hook(request, GET)
    await jest.advanceTimersByTimeAsync(59_999)
    expect(request).toHaveBeenCalledTimes(1)
    await jest.advanceTimersByTimeAsync(1)
    expect(request).toHaveBeenCalledTimes(2)
    await expect(answer).resolves.toBe(ANSWER)
    expect(onWait.mock.calls).toEqual([['Secondary rate limit on GET /x: waiting 60s before retrying.']])
  })

  test.each(['PATCH', 'DELETE', 'POST'])('a rate-limited %s is repeated (it was not applied)', async method => {
    jest.useFakeTimers({ now: NOW })
    const { hook, onWait } = install()
    const request = failing(retryAfter('0'))
    const answer = hook(request, { method, url: '/w' })
    await jest.advanceTimersByTimeAsync(1_000)
    await expect(answer).resolves.toBe(ANSWER)
    expect(request).toHaveBeenCalledTimes(2)
    expect(onWait.mock.calls).toEqual([[`Secondary rate limit on ${method} /w: waiting 1s before retrying.`]])
  })

  test('a wait beyond the budget is not made: the error is thrown at once', async () => {
    const { hook, onWait } = install({ rateLimitBudgetMs: 999 })
    const error = retryAfter('1')
    const request = failing(error)
    await expect(hook(request, GET)).rejects.toBe(error)
    expect(request).toHaveBeenCalledTimes(1)
    expect(onWait).not.toHaveBeenCalled()
  })

  test('the budget is the whole run’s: a wait of one call counts against the next', async () => {
    jest.useFakeTimers({ now: NOW })
    const { hook, onWait } = install({ rateLimitBudgetMs: 1_500 })
    const first = failing(retryAfter('1'))
    const answer = hook(first, GET)
    await jest.advanceTimersByTimeAsync(1_000)
    await expect(answer).resolves.toBe(ANSWER)
    const error = retryAfter('1')
    const second = failing(error)
    await expect(hook(second, { method: 'GET', url: '/y' })).rejects.toBe(error)
    expect([first.mock.calls.length, second.mock.calls.length]).toEqual([2, 1])
    expect(onWait.mock.calls).toEqual([['Secondary rate limit on GET /x: waiting 1s before retrying.']])
  })

  test('a rate limit that outlasts the budget ends with the rate limit error, not a retry of it', async () => {
    jest.useFakeTimers({ now: NOW })
    const { hook, onWait } = install({ rateLimitBudgetMs: 2_000 })
    const errors = [retryAfter('1'), retryAfter('1'), retryAfter('1')]
    const request = failing(...errors)
    const answer = hook(request, GET)
    const outcome = expect(answer).rejects.toBe(errors[2])
    await jest.advanceTimersByTimeAsync(2_000)
    await outcome
    expect(request).toHaveBeenCalledTimes(3)
    expect(onWait).toHaveBeenCalledTimes(2)
  })
})

describe('rateLimitWait', () => {
  const now = NOW

  test('primary: the seconds until the reset, and one more', () => {
    expect(rateLimitWait(primary(now / 1000 + 10), now)).toEqual({ kind: 'Primary', seconds: 11 })
    expect(rateLimitWait(primary(now / 1000), now)).toEqual({ kind: 'Primary', seconds: 1 })
  })

  test('primary with numbers for header values', () => {
    const error = httpError(429, 'API rate limit exceeded', { 'x-ratelimit-remaining': 0, 'x-ratelimit-reset': now / 1000 + 3 })
    expect(rateLimitWait(error, now)).toEqual({ kind: 'Primary', seconds: 4 })
  })

  test('primary without a reset: 60 s', () => {
    expect(rateLimitWait(httpError(403, 'API rate limit exceeded', { 'x-ratelimit-remaining': '0' }), now)).toEqual({ kind: 'Primary', seconds: 60 })
  })

  test('secondary: retry-after as given', () => {
    expect(rateLimitWait(retryAfter('5', 429), now)).toEqual({ kind: 'Secondary', seconds: 5 })
    // Never less than a second: a wait of nothing would repeat the call without end.
    expect(rateLimitWait(retryAfter('0', 403), now)).toEqual({ kind: 'Secondary', seconds: 1 })
  })

  test('secondary: GitHub’s words, in the body or only in the error, without a header: 60 s', () => {
    expect(rateLimitWait(httpError(403, SECONDARY), now)).toEqual({ kind: 'Secondary', seconds: 60 })
    const bodiless = Object.assign(new Error(SECONDARY), { status: 403, response: { headers: {}, data: '' } })
    expect(rateLimitWait(bodiless, now)).toEqual({ kind: 'Secondary', seconds: 60 })
  })

  test.each<[string, Error]>([
    ['403 without rate limit headers or words', httpError(403, 'Resource not accessible by integration')],
    ['403 with requests remaining', httpError(403, 'Forbidden', { 'x-ratelimit-remaining': '12', 'x-ratelimit-reset': '1741608000' })],
    ['403 with a retry-after that is no number', httpError(403, 'Forbidden', { 'retry-after': 'soon' })],
    ['404 with retry-after', httpError(404, 'Not Found', { 'retry-after': '5' })],
    ['500', httpError(500)],
    ['no answer', noAnswer()]
  ])('not a rate limit: %s → undefined', (_name, error) => {
    expect(rateLimitWait(error, now)).toBeUndefined()
  })
})

describe('writes: one at a time', () => {
  /** A request that records when each call starts and ends, and ends only when released; `started` resolves once a call to `url` has begun. */
  function gated(events: string[]) {
    const releases = new Map<string, () => void>()
    const starts = new Map<string, () => void>()
    const started = (url: string) => new Promise<void>(resolve => (releases.has(url) ? resolve() : starts.set(url, resolve)))
    const request = jest.fn<Request>(
      ({ method, url }) =>
        new Promise(resolve => {
          events.push(`start ${method} ${url}`)
          releases.set(url, () => {
            events.push(`end ${method} ${url}`)
            resolve(ANSWER)
          })
          starts.get(url)?.()
        })
    )
    const release = (url: string) => {
      const done = releases.get(url)
      if (!done) throw new Error(`${url} has not started`)
      done()
    }
    return { request, started, release }
  }

  test('two writes started together run one after the other', async () => {
    const events: string[] = []
    const { hook } = install()
    const { request, started, release } = gated(events)
    const first = hook(request, { method: 'PATCH', url: '/a' })
    const second = hook(request, { method: 'DELETE', url: '/b' })
    await started('/a')
    await tick()
    expect(events).toEqual(['start PATCH /a'])
    release('/a')
    await first
    await started('/b')
    release('/b')
    await second
    expect(events).toEqual(['start PATCH /a', 'end PATCH /a', 'start DELETE /b', 'end DELETE /b'])
  })

  test('a write that failed does not hold up the next', async () => {
    const { hook } = install()
    const error = httpError(422, 'Validation Failed')
    const first = jest.fn<Request>().mockRejectedValue(error)
    const second = failing()
    const results = await Promise.allSettled([hook(first, { method: 'PATCH', url: '/a' }), hook(second, { method: 'PATCH', url: '/b' })])
    expect(results).toEqual([
      { status: 'rejected', reason: error },
      { status: 'fulfilled', value: ANSWER }
    ])
    expect([first.mock.calls.length, second.mock.calls.length]).toEqual([1, 1])
  })

  test('with a spacing, the second write starts only after the first settled', async () => {
    const events: string[] = []
    const { hook } = install({ writeSpacingMs: 30 })
    const request = jest.fn<Request>(async ({ url }) => {
      events.push(`start ${url}`)
      return ANSWER
    })
    const first = hook(request, { method: 'PATCH', url: '/a' }).then(() => events.push('settled /a'))
    const second = hook(request, { method: 'PATCH', url: '/b' }).then(() => events.push('settled /b'))
    await Promise.all([first, second])
    expect(events).toEqual(['start /a', 'settled /a', 'start /b', 'settled /b'])
  })

  test('a read does not wait for a write', async () => {
    const events: string[] = []
    const { hook } = install()
    const { request, started, release } = gated(events)
    const write = hook(request, { method: 'PATCH', url: '/a' })
    await started('/a')
    const read = hook(request, { method: 'GET', url: '/r' })
    await started('/r')
    expect(events).toEqual(['start PATCH /a', 'start GET /r'])
    release('/r')
    await read
    release('/a')
    await write
    expect(events).toEqual(['start PATCH /a', 'start GET /r', 'end GET /r', 'end PATCH /a'])
  })
})

describe('rateLimitWait: what else GitHub sends for a rate limit', () => {
  const now = NOW
  test('a 403 whose message names a rate limit, without headers: 60 s', () => {
    expect(rateLimitWait(httpError(403, 'API rate limit exceeded for user ID 1.'), now)).toEqual({ kind: 'Secondary', seconds: 60 })
  })

  test('retry-after as an HTTP date: the seconds until then, at least one', () => {
    const in30s = new Date(now + 30_000).toUTCString()
    expect(rateLimitWait(httpError(429, 'Too Many Requests', { 'retry-after': in30s }), now)).toEqual({ kind: 'Secondary', seconds: 30 })
    const past = new Date(now - 30_000).toUTCString()
    expect(rateLimitWait(httpError(429, 'Too Many Requests', { 'retry-after': past }), now)).toEqual({ kind: 'Secondary', seconds: 1 })
  })
})
