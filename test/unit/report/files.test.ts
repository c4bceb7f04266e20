import { afterEach, beforeEach, describe, expect, test } from '@jest/globals'
import { existsSync, mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { basename, dirname, join } from 'node:path'
import type { ReviewReport } from '../../../src/github/review.js'
import { reviewMetrics } from '../../../src/metrics.js'
import { reportJson, writeReportFiles } from '../../../src/report/files.js'
import { NOW, REPO, bypass, dismissal, failure, reviewCall, settingsWith, typeOf } from '../record-builders.js'

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

describe('writeReportFiles', () => {
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

  test('both files in one fresh folder under RUNNER_TEMP, holding exactly the given text', async () => {
    const json = '{"scope":"repository","note":"é 😀"}'
    const markdown = '# Exemption requests\n\n| a | b |\n|---|---|\n| 1 | 2 |\n'
    const paths = await writeReportFiles(json, markdown)
    const dir = dirname(paths.json)
    expect(paths).toEqual({ json: join(dir, 'report.json'), markdown: join(dir, 'report.md') })
    expect(dirname(dir)).toBe(runnerTemp)
    expect(basename(dir)).toMatch(/^exemption-requests-[A-Za-z0-9]{6}$/)
    expect(readdirSync(dir).sort()).toEqual(['report.json', 'report.md'])
    expect(readFileSync(paths.json, 'utf8')).toBe(json)
    expect(readFileSync(paths.markdown, 'utf8')).toBe(markdown)
  })

  test('two calls never share a folder', async () => {
    const first = await writeReportFiles('{"n":1}', 'first')
    const second = await writeReportFiles('{"n":2}', 'second')
    expect(dirname(first.json)).not.toBe(dirname(second.json))
    expect(readdirSync(runnerTemp)).toHaveLength(2)
    expect([readFileSync(first.json, 'utf8'), readFileSync(first.markdown, 'utf8')]).toEqual(['{"n":1}', 'first'])
    expect([readFileSync(second.json, 'utf8'), readFileSync(second.markdown, 'utf8')]).toEqual(['{"n":2}', 'second'])
  })

  test('empty text: empty files', async () => {
    const paths = await writeReportFiles('', '')
    expect([readFileSync(paths.json, 'utf8'), readFileSync(paths.markdown, 'utf8')]).toEqual(['', ''])
  })

  test('no RUNNER_TEMP: under the system’s temporary directory', async () => {
    process.env.RUNNER_TEMP = ''
    const paths = await writeReportFiles('{}', 'x')
    const dir = dirname(paths.json)
    try {
      expect(dirname(dir)).toBe(tmpdir())
      expect(basename(dir)).toMatch(/^exemption-requests-/)
      expect(readFileSync(paths.json, 'utf8')).toBe('{}')
    } finally {
      rmSync(dir, { recursive: true, force: true })
    }
    expect(existsSync(dir)).toBe(false)
  })
})
