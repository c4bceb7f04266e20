import { afterEach, beforeEach, describe, expect, jest, test } from '@jest/globals'
import { existsSync, mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs'
import { open } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { basename, dirname, join } from 'node:path'
import type { ReviewReport } from '../../../src/github/review.js'
import { reviewMetrics } from '../../../src/metrics.js'
import { reportFolder, reportJson, reportJsonBytes, startWriting } from '../../../src/report/files.js'
import { createRecordJson } from '../../../src/report/record-json.js'
import type { RequestRecord } from '../../../src/requests.js'
import { createMask, REDACTED } from '../../../src/text.js'
import { NOW, REPO, bypass, dismissal, failure, pushRule, reviewCall, settingsWith, typeOf } from '../record-builders.js'

/** Assembled from pieces, so that this file never holds a token-shaped string literally; the body is made up. */
const TOKEN = ['gh', 'p_', 'Wc4Rn8Tq1Vx6Mb3Lz9Kd2Hf7Gj5Ps0Ay4EuN'].join('')

const ALL_REPOSITORY_TYPES = ['secret-scanning-bypass', 'push-ruleset-bypass', 'secret-scanning-dismissal', 'code-scanning-dismissal', 'dependabot-dismissal']

describe('reportJson', () => {
  // One stale, one open, one approved (closed).
  const records = [bypass(1, { ageHours: 30 }), bypass(2, { ageHours: 2 }), bypass(3, { ageHours: 50, status: 'approved' })]

  test('no filters set, nothing failed, no review: the run’s clock, scope, default filters and counts', () => {
    const report = reportJson(settingsWith(), NOW, records, [], undefined)
    expect(report).toEqual({
      generated_at: '2025-03-10T12:00:00.000Z',
      scope: 'repository',
      scope_name: REPO,
      filters: {
        request_types: ALL_REPOSITORY_TYPES,
        request_status: 'open',
        time_period: 'month',
        stale_after: '24h',
        policy_action: 'report',
        include_alerts: false,
        expiring_within: '24h'
      },
      counts: { total: 3, open: 2, stale: 1, expiring: 0 },
      list_failures: [],
      requests: records,
      metrics: null,
      reviews: null
    })
    expect(Object.keys(report)).toEqual(['generated_at', 'scope', 'scope_name', 'filters', 'counts', 'list_failures', 'requests', 'metrics', 'reviews'])
  })

  test('metrics: as reviewMetrics made them, between the requests and the reviews; the counts count the expiring', () => {
    const expiring = bypass(4, { ageHours: 7 * 24 - 2 })
    const metrics = reviewMetrics([...records, expiring])
    const report = reportJson(settingsWith({ metrics: 'true' }), NOW, [...records, expiring], [], undefined, metrics) as Record<string, unknown>
    expect(report.metrics).toEqual(metrics)
    expect(report.counts).toEqual({ total: 4, open: 3, stale: 2, expiring: 1 })
    expect(Object.keys(report)).toEqual(['generated_at', 'scope', 'scope_name', 'filters', 'counts', 'list_failures', 'requests', 'metrics', 'reviews'])
    // It survives JSON as it is.
    expect(JSON.parse(JSON.stringify(report)).metrics).toEqual(metrics)
  })

  test('organization scope: every filter that is set, and only those', () => {
    const settings = settingsWith({
      scope: 'organization',
      'request-types': 'secret-scanning-bypass, dependabot-dismissal',
      'request-status': 'all',
      'time-period': 'week',
      'stale-after': '36h',
      'expiring-within': '3d',
      requester: 'monalisa',
      reviewer: 'hubot',
      'repository-name': 'smile',
      branch: 'main'
    })
    expect(reportJson(settings, NOW + 1500, [], [], undefined)).toEqual({
      generated_at: '2025-03-10T12:00:01.500Z',
      scope: 'organization',
      scope_name: 'octo-org',
      filters: {
        request_types: ['secret-scanning-bypass', 'dependabot-dismissal'],
        request_status: 'all',
        time_period: 'week',
        stale_after: '36h',
        policy_action: 'report',
        include_alerts: false,
        expiring_within: '3d',
        requester: 'monalisa',
        reviewer: 'hubot',
        repository_name: 'smile',
        branch: 'refs/heads/main'
      },
      counts: { total: 0, open: 0, stale: 0, expiring: 0 },
      list_failures: [],
      requests: [],
      metrics: null,
      reviews: null
    })
  })

  test('enterprise scope: its types and the organization filter', () => {
    const settings = settingsWith({ scope: 'enterprise', enterprise: 'octo-ent', 'organization-name': 'octo-org' })
    const report = reportJson(settings, NOW, [], [], undefined) as { scope_name: string; filters: object }
    expect(report.scope_name).toBe('octo-ent')
    expect(report.filters).toEqual({
      request_types: ['secret-scanning-bypass', 'push-ruleset-bypass', 'secret-scanning-dismissal'],
      request_status: 'open',
      time_period: 'month',
      stale_after: '24h',
      policy_action: 'report',
      include_alerts: false,
      expiring_within: '24h',
      organization_name: 'octo-org'
    })
  })

  test('the justification policy and include-alerts: the pattern as written and the minimum only when set', () => {
    const filters = (inputs: Record<string, string>) => (reportJson(settingsWith(inputs), NOW, [], [], undefined) as { filters: object }).filters
    expect(
      filters({ 'require-comment-pattern': '/SEC-\\d+/i', 'min-comment-length': '12', 'policy-action': 'deny', 'deny-message': 'No: {reason}', 'include-alerts': 'true' })
    ).toEqual({
      request_types: ALL_REPOSITORY_TYPES,
      request_status: 'open',
      time_period: 'month',
      stale_after: '24h',
      require_comment_pattern: '/SEC-\\d+/i',
      min_comment_length: 12,
      policy_action: 'deny',
      include_alerts: true,
      expiring_within: '24h'
    })
    expect(filters({ 'min-comment-length': '3' })).toMatchObject({ min_comment_length: 3, policy_action: 'report', include_alerts: false })
    expect(filters({ 'min-comment-length': '3' })).not.toHaveProperty('require_comment_pattern')
    expect(filters({ 'require-comment-pattern': 'x' })).not.toHaveProperty('min_comment_length')
  })

  test('reviews made for the justification policy say so', () => {
    const reviews: ReviewReport = { review: 'deny', policy: true, dryRun: false, calls: [], skipped: [], errors: [], reviewed: 0, failures: 0 }
    expect((reportJson(settingsWith(), NOW, [], [], reviews) as { reviews: { review: string; policy: boolean } }).reviews).toMatchObject({ review: 'deny', policy: true })
  })

  test('list failures: type, status (null when none), redacted reason, warning only', () => {
    const failures = [
      failure('secret-scanning-bypass', `GitHub answered 403: token ${TOKEN} may not list`),
      failure('dependabot-dismissal', 'GitHub answered 404: feature off', true),
      { type: typeOf('push-ruleset-bypass'), reason: 'The call failed: socket hang up', warningOnly: false }
    ]
    expect((reportJson(settingsWith(), NOW, [], failures, undefined) as { list_failures: unknown }).list_failures).toEqual([
      { type: 'secret-scanning-bypass', status: 403, reason: 'GitHub answered 403: token [redacted] may not list', warning_only: false },
      { type: 'dependabot-dismissal', status: 404, reason: 'GitHub answered 404: feature off', warning_only: true },
      { type: 'push-ruleset-bypass', status: null, reason: 'The call failed: socket hang up', warning_only: false }
    ])
  })

  test('reviews: the calls as made, redacted errors, and the skipped requests by type, repository, number, target and reason', () => {
    const failed = reviewCall(2, { status: 403, ok: false, message: 'GitHub answered 403: not a reviewer' })
    const unreadable = bypass(9, { override: { number: 'nine' } })
    const reviews: ReviewReport = {
      review: 'approve',
      policy: false,
      dryRun: false,
      calls: [reviewCall(1), failed],
      skipped: [
        { record: dismissal('code-scanning-dismissal', 3, 230), reason: `not open; note ${TOKEN}` },
        { record: unreadable, reason: 'GitHub sent no number to review it by' }
      ],
      errors: [`a target names ${TOKEN}`],
      reviewed: 1,
      failures: 1
    }
    expect(unreadable.number).toBeNull()
    expect((reportJson(settingsWith(), NOW, [], [], reviews) as { reviews: unknown }).reviews).toEqual({
      review: 'approve',
      policy: false,
      dry_run: false,
      reviewed: 1,
      failures: 1,
      errors: ['a target names [redacted]'],
      calls: [reviewCall(1), failed],
      skipped: [
        { type: 'code-scanning-dismissal', repository: REPO, number: 230, target: 'code-scanning-dismissal:octo-org/smile#230', reason: 'not open; note [redacted]' },
        { type: 'secret-scanning-bypass', repository: REPO, number: null, target: null, reason: 'GitHub sent no number to review it by' }
      ]
    })
  })

  test('a dry run with nothing to do', () => {
    const reviews: ReviewReport = { review: 'deny', policy: false, dryRun: true, calls: [], skipped: [], errors: [], reviewed: 0, failures: 0 }
    expect((reportJson(settingsWith(), NOW, [], [], reviews) as { reviews: unknown }).reviews).toEqual({
      review: 'deny',
      policy: false,
      dry_run: true,
      reviewed: 0,
      failures: 0,
      errors: [],
      calls: [],
      skipped: []
    })
  })
})

describe('reportFolder', () => {
  const saved = process.env.RUNNER_TEMP
  let runnerTemp: string

  beforeEach(() => {
    runnerTemp = mkdtempSync(join(tmpdir(), 'files-test-'))
    process.env.RUNNER_TEMP = runnerTemp
  })

  afterEach(() => {
    rmSync(runnerTemp, { recursive: true, force: true })
    if (saved === undefined) delete process.env.RUNNER_TEMP
    else process.env.RUNNER_TEMP = saved
  })

  test('the paths of both files in one fresh, empty folder under RUNNER_TEMP', async () => {
    const paths = await reportFolder()
    const dir = dirname(paths.json)
    expect(paths).toEqual({ json: join(dir, 'report.json'), markdown: join(dir, 'report.md') })
    expect(dirname(dir)).toBe(runnerTemp)
    expect(basename(dir)).toMatch(/^exemption-requests-[A-Za-z0-9]{6}$/)
    expect(readdirSync(dir)).toEqual([])
  })

  test('two calls never share a folder', async () => {
    const first = await reportFolder()
    const second = await reportFolder()
    expect(dirname(first.json)).not.toBe(dirname(second.json))
    expect(readdirSync(runnerTemp)).toHaveLength(2)
  })

  test('no RUNNER_TEMP: under the system’s temporary directory', async () => {
    process.env.RUNNER_TEMP = ''
    const paths = await reportFolder()
    const dir = dirname(paths.json)
    try {
      expect(dirname(dir)).toBe(tmpdir())
      expect(basename(dir)).toMatch(/^exemption-requests-/)
    } finally {
      rmSync(dir, { recursive: true, force: true })
    }
    expect(existsSync(dir)).toBe(false)
  })
})

/** The run's token in a shape `redact` does not know: only the mask can take it out of the report. */
const RUN_TOKEN = ['run', '-token-', 'Zp3c8Rk1'].join('')
const mask = createMask([RUN_TOKEN])

/** Decodes strictly: a character cut in two fails the test instead of turning into U+FFFD. */
const decode = (bytes: Uint8Array): string => new TextDecoder('utf-8', { fatal: true }).decode(bytes)

describe('reportJsonBytes', () => {
  /** `count` records with multi-byte comments, every hundredth holding the run's token; a third of them dismissal requests. */
  function recordsOf(count: number): RequestRecord[] {
    return Array.from({ length: count }, (_, i) => {
      const comment = `é 😀 日本 #${i + 1}${i % 100 === 0 ? ` ${RUN_TOKEN}` : ''}`
      if (i % 3 === 1) return dismissal('secret-scanning-dismissal', i + 1, i + 1, { comment, ageHours: i % 50 })
      return i % 3 === 2 ? pushRule(i + 1, { comment }) : bypass(i + 1, { comment, ageHours: i % 40 })
    })
  }
  const ALL = recordsOf(1200)

  /** The token reaches the text before the requests (a setting and a list failure) and after them (the reviews). */
  const settings = settingsWith({ 'require-comment-pattern': `SEC-\\d+|${RUN_TOKEN}|é😀` })
  const failures = [failure('secret-scanning-bypass', `GitHub answered 403 é 😀: ${RUN_TOKEN} may not list`), failure('dependabot-dismissal', 'feature off', true)]
  const reviews: ReviewReport = {
    review: 'approve',
    policy: false,
    dryRun: false,
    calls: [reviewCall(1, { body: { status: 'approve', message: `Reviewed é 😀 with ${RUN_TOKEN}` } })],
    skipped: [{ record: bypass(3), reason: `not open é; ${RUN_TOKEN}` }],
    errors: [`a target names ${RUN_TOKEN}`],
    reviewed: 1,
    failures: 0
  }

  /** The report of the first `count` records; two in three kept as their page arrived, the others made later. */
  function made(count: number, extras: boolean) {
    const records = ALL.slice(0, count)
    const report = reportJson(settings, NOW, records, failures, extras ? reviews : undefined, extras ? reviewMetrics(records) : undefined)
    const json = createRecordJson(mask)
    records.forEach((record, i) => {
      if (i % 3 !== 2) json.keep(record)
    })
    return { report, groups: [...reportJsonBytes(report, json, mask)] }
  }

  test.each([
    [0, false],
    [0, true],
    [1, false],
    [1, true],
    [501, false],
    [501, true],
    [1200, false],
    [1200, true]
  ])('%d records, metrics and reviews %s: the groups together are JSON.stringify(report) and a newline, masked', (count, extras) => {
    const { report, groups } = made(count, extras)
    const text = decode(Buffer.concat(groups.flat()))
    expect(text).toBe(`${mask(JSON.stringify(report))}\n`)
    expect(text).toBe(`${JSON.stringify(report).replaceAll(RUN_TOKEN, REDACTED)}\n`)
    expect(text).not.toContain(RUN_TOKEN)
    // The token was there to mask, before and (with reviews) after the requests, and in the requests when there are any.
    const raw = JSON.stringify(report)
    expect(raw.indexOf(RUN_TOKEN)).toBeLessThan(raw.indexOf('"requests":['))
    if (extras) expect(raw.lastIndexOf(RUN_TOKEN)).toBeGreaterThan(raw.indexOf('"metrics":'))
    expect(JSON.parse(text)).toEqual(JSON.parse(mask(raw)))
    expect((JSON.parse(text) as { requests: unknown[] }).requests).toHaveLength(count)
  })

  test.each([
    [0, 2],
    [1, 3],
    [500, 3],
    [501, 4],
    [1200, 5]
  ])('%d records: %d groups, the text before the requests, at most 500 records each, the text after them; every piece whole UTF-8', (count, groupCount) => {
    const { groups } = made(count, true)
    expect(groups).toHaveLength(groupCount)
    const texts = groups.map(pieces => pieces.map(decode).join(''))
    expect(texts[0]).toMatch(/^\{"generated_at":.*"requests":\[$/)
    expect(texts.at(-1)).toMatch(/^\],"metrics":\{.*\}\n$/s)
    for (const middle of texts.slice(1, -1)) expect((JSON.parse(`[${middle.replace(/^,/, '')}]`) as unknown[]).length).toBeLessThanOrEqual(500)
  })

  test('the text around the requests is masked with the mask given, not only redacted', () => {
    const { groups } = made(2, true)
    const [first, last] = [groups[0], groups.at(-1)].map(pieces => decode(Buffer.concat(pieces ?? [])))
    expect(first).toContain(`"require_comment_pattern":"SEC-\\\\d+|${REDACTED}|é😀"`)
    expect(first).toContain(`"reason":"GitHub answered 403 é 😀: ${REDACTED} may not list"`)
    expect(last).toContain(`"errors":["a target names ${REDACTED}"]`)
    expect(last).toContain(`"reason":"not open é; ${REDACTED}"`)
    expect(`${first}${last}`).not.toContain(RUN_TOKEN)
  })
})

describe('startWriting', () => {
  const MB = 1 << 20
  let dir: string

  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'files-test-'))
  })

  afterEach(() => {
    jest.restoreAllMocks()
    rmSync(dir, { recursive: true, force: true })
  })

  /** Watches the writes of every file handle: each call's `this` is the handle written to. */
  async function watchWrites() {
    const probe = await open(join(dir, 'probe'), 'w')
    await probe.close()
    rmSync(join(dir, 'probe'))
    const write = jest.spyOn(Object.getPrototypeOf(probe) as { writev: () => unknown }, 'writev')
    /** The fd of each handle written to: -1 once it is closed. */
    return () => [...new Set(write.mock.contexts)].map(handle => (handle as { fd: number }).fd)
  }

  test('writes exactly the groups one after the other, multi-byte characters and empty pieces included, and closes the file', async () => {
    const handles = await watchWrites()
    const shared = Buffer.from('xxhalf of é😀 in a larger bufferxx')
    const groups: Uint8Array[][] = [
      [Buffer.from('{"a":"é 😀",')],
      [],
      [new Uint8Array(0), Buffer.from('"b":'), Buffer.from('"日本')],
      [new Uint8Array(shared.buffer, shared.byteOffset + 2, shared.length - 4)],
      [Buffer.from('"}\n')]
    ]
    const path = join(dir, 'report.json')
    const writing = await startWriting(path, groups)
    await writing.done
    expect(readFileSync(path)).toEqual(Buffer.concat(groups.flat()))
    expect(readFileSync(path, 'utf8')).toBe('{"a":"é 😀","b":"日本half of é😀 in a larger buffer"}\n')
    expect(handles()).toEqual([-1])
  })

  test('a file system that takes a few bytes a call: every byte still lands once, in its place', async () => {
    const probe = await open(join(dir, 'probe'), 'w')
    await probe.close()
    const proto = Object.getPrototypeOf(probe) as { writev: (buffers: Uint8Array[], position: number) => Promise<{ bytesWritten: number }> }
    const writev = proto.writev
    const calls = jest.spyOn(proto, 'writev').mockImplementation(function (this: unknown, buffers: Uint8Array[], position: number) {
      // At most 7 bytes a call, cut across pieces.
      const taken = Buffer.concat(buffers).subarray(0, 7)
      return writev.call(this, [taken], position)
    })
    const text = '{"a":"é 😀","b":"日本","c":"' + 'x'.repeat(100) + '"}\n'
    const bytes = Buffer.from(text)
    const groups = [[bytes.subarray(0, 3), bytes.subarray(3, 4)], [bytes.subarray(4, 30), new Uint8Array(0), bytes.subarray(30, 31)], [bytes.subarray(31)]]
    const path = join(dir, 'report.json')
    await (
      await startWriting(path, groups)
    ).done
    expect(readFileSync(path, 'utf8')).toBe(text)
    expect(calls.mock.calls.length).toBeGreaterThanOrEqual(Math.ceil(bytes.length / 7))
  })

  test('a file system that writes nothing: the writing fails, it does not loop', async () => {
    const probe = await open(join(dir, 'probe'), 'w')
    await probe.close()
    const proto = Object.getPrototypeOf(probe) as { writev: () => Promise<{ bytesWritten: number }> }
    jest.spyOn(proto, 'writev').mockResolvedValue({ bytesWritten: 0 })
    const writing = await startWriting(join(dir, 'report.json'), [[Buffer.from('{}')]])
    await expect(writing.done).rejects.toThrow('The file system wrote nothing of the report.')
  })

  test('no groups: an empty file', async () => {
    const path = join(dir, 'report.json')
    await (
      await startWriting(path, [])
    ).done
    expect(readFileSync(path)).toHaveLength(0)
  })

  test('more than 16 MB (40 groups of 1 MB): every group in its place once done resolves, and the file closed', async () => {
    const handles = await watchWrites()
    let made = 0
    function* groups(): Generator<Uint8Array[]> {
      for (let i = 0; i < 40; i++) {
        made++
        // Each megabyte filled with its own number, in pieces of different sizes.
        const group = Buffer.alloc(MB, i + 1)
        yield [group.subarray(0, 1000), group.subarray(1000, MB / 2), group.subarray(MB / 2)]
      }
    }
    const path = join(dir, 'report.json')
    const writing = await startWriting(path, groups())
    expect(made).toBe(40)
    await writing.done
    const file = readFileSync(path)
    expect(file).toHaveLength(40 * MB)
    const wrong = Array.from({ length: 40 }, (_, i) => i).filter(i => !file.subarray(i * MB, (i + 1) * MB).equals(Buffer.alloc(MB, i + 1)))
    expect(wrong).toEqual([])
    expect(handles()).toEqual([-1])
  })

  test('the report as reportJsonBytes gives it: the file holds the report’s JSON, masked', async () => {
    const records = Array.from({ length: 1100 }, (_, i) => bypass(i + 1, { comment: `é 😀 ${i % 10 === 0 ? RUN_TOKEN : 'ok'} ${'x'.repeat(i % 300)}` }))
    const report = reportJson(settingsWith(), NOW, records, [], undefined, reviewMetrics(records))
    const json = createRecordJson(mask)
    for (const record of records.slice(0, 800)) json.keep(record)
    const path = join(dir, 'report.json')
    await (
      await startWriting(path, reportJsonBytes(report, json, mask))
    ).done
    expect(readFileSync(path, 'utf8')).toBe(`${mask(JSON.stringify(report))}\n`)
  })

  test.each([
    ['after one group', 1, 100],
    ['after three groups', 3, 100],
    ['after 20 MB, while waiting for the file system', 20, MB]
  ])('the groups throw %s: startWriting rejects with that error, what came before is written, the file is closed', async (_name, before, size) => {
    const handles = await watchWrites()
    const problem = new Error('the record could not be made')
    const group = (i: number): Buffer => Buffer.from(`${i} é 😀;`.padEnd(size, '.'))
    function* groups(): Generator<Uint8Array[]> {
      for (let i = 0; i < before; i++) yield [group(i)]
      throw problem
    }
    const path = join(dir, 'report.json')
    await expect(startWriting(path, groups())).rejects.toBe(problem)
    const written = readFileSync(path)
    const expected = Buffer.concat(Array.from({ length: before }, (_, i) => group(i)))
    expect(written).toHaveLength(expected.length)
    // Compared as a whole: toEqual would compare megabytes byte by byte.
    expect(written.equals(expected)).toBe(true)
    // The one handle it opened and wrote to is closed.
    expect(handles()).toEqual([-1])
    rmSync(dir, { recursive: true, force: true })
    expect(existsSync(dir)).toBe(false)
  })
})
