import { afterEach, beforeEach, describe, expect, test } from '@jest/globals'
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { byUrgency, countRecords } from '../../../src/classify.js'
import type { ReviewReport } from '../../../src/github/review.js'
import { reviewMetrics } from '../../../src/metrics.js'
import type { RequestRecord } from '../../../src/requests.js'
import { REQUESTS_LIMIT_BYTES, requestsJson, trimWarnings, writeOutputs, type RequestsOutput } from '../../../src/report/outputs.js'
import { createRecordJson } from '../../../src/report/record-json.js'
import { createMask, REDACTED } from '../../../src/text.js'
import { HOUR, NOW, bypass, many, plainRecord, reviewCall } from '../record-builders.js'

/** The requests output's JSON as text. */
const text = (out: RequestsOutput): string => Buffer.from(out.json).toString('utf8')

describe('requestsJson', () => {
  const multiByte = (n: number, ageHours: number, comment: string) => bypass(n, { ageHours, comment })

  test('under the limit: every record, untouched', () => {
    const records = many(5, true)
    const out = requestsJson(records)
    expect(text(out)).toBe(JSON.stringify(records))
    expect([out.count, out.leftOut]).toEqual([5, 0])
    expect(REQUESTS_LIMIT_BYTES).toBe(1_000_000)
  })

  test('no records: an empty array', () => {
    expect(requestsJson([])).toEqual({ json: Buffer.from('[]'), count: 0, leftOut: 0 })
  })

  test('over the limit: the most urgent first, at most limit bytes with multi-byte characters, leftOut exact', () => {
    const records = [
      multiByte(1, 90, 'é'.repeat(300)),
      multiByte(2, 80, '😀'.repeat(200)),
      multiByte(3, 70, '日本語'.repeat(100)),
      multiByte(4, 60, 'ü'.repeat(250)),
      multiByte(5, 50, '🔑'.repeat(150)),
      multiByte(6, 5, 'ß'.repeat(100))
    ].sort(byUrgency)
    const full = Buffer.byteLength(JSON.stringify(records))
    expect(full).toBeGreaterThan(JSON.stringify(records).length) // multi-byte characters are in play
    for (const limit of [full - 1, Math.floor(full * 0.75), Math.floor(full / 2), 2500, 1200]) {
      const out = requestsJson(records, limit)
      const kept = records.length - out.leftOut
      expect(Buffer.byteLength(text(out))).toBeLessThanOrEqual(limit)
      expect(JSON.parse(text(out))).toEqual(JSON.parse(JSON.stringify(records.slice(0, kept))))
      expect(text(out)).toBe(JSON.stringify(records.slice(0, kept)))
      // The next record would not have fit.
      expect(Buffer.byteLength(JSON.stringify(records.slice(0, kept + 1)))).toBeGreaterThan(limit)
      expect(out.leftOut).toBeGreaterThan(0)
      expect(out.count).toBe(6)
    }
  })

  test('exactly at the limit: all kept; one byte under: the last left out', () => {
    const records = many(4, true)
    const full = Buffer.byteLength(JSON.stringify(records))
    expect(requestsJson(records, full).leftOut).toBe(0)
    const under = requestsJson(records, full - 1)
    expect(under.leftOut).toBe(1)
    expect(text(under)).toBe(JSON.stringify(records.slice(0, 3)))
  })

  test('nothing fits: an empty array, all left out', () => {
    expect(requestsJson(many(3, true), 50)).toEqual({ json: Buffer.from('[]'), count: 3, leftOut: 3 })
  })

  test('the default limit holds with about 2 MB of records', () => {
    const records = Array.from({ length: 200 }, (_, i) => multiByte(i + 1, 30 + i, `€ ${i} `.repeat(1400))).sort(byUrgency)
    expect(Buffer.byteLength(JSON.stringify(records))).toBeGreaterThan(2 * REQUESTS_LIMIT_BYTES)
    const out = requestsJson(records)
    expect(Buffer.byteLength(text(out))).toBeLessThanOrEqual(REQUESTS_LIMIT_BYTES)
    const kept = records.length - out.leftOut
    expect(kept).toBeGreaterThan(0)
    expect((JSON.parse(text(out)) as RequestRecord[]).map(r => r.number)).toEqual(records.slice(0, kept).map(r => r.number))
    expect(Buffer.byteLength(JSON.stringify(records.slice(0, kept + 1)))).toBeGreaterThan(REQUESTS_LIMIT_BYTES)
  })
})

describe('requestsJson with a bytes function', () => {
  /** Open records, most urgent first, with comments in several alphabets. */
  const records = [
    bypass(1, { ageHours: 90, comment: 'é'.repeat(300) }),
    bypass(2, { ageHours: 80, comment: '😀'.repeat(200) }),
    bypass(3, { ageHours: 70, comment: '日本語'.repeat(100) }),
    bypass(4, { ageHours: 60, comment: 'plain ascii' }),
    bypass(5, { ageHours: 50, comment: '🔑 ü ß'.repeat(80) }),
    bypass(6, { ageHours: 5, comment: 'é 😀' })
  ].sort(byUrgency)
  const full = Buffer.byteLength(JSON.stringify(records))
  const LIMITS = [REQUESTS_LIMIT_BYTES, full, full - 1, Math.floor(full * 0.75), Math.floor(full / 2), 2500, 1200, 2, 1]

  /**
   * Each record's JSON as a view into one shared buffer (not a Buffer, at an
   * odd offset, other bytes on either side), as kept JSON is handed out.
   */
  function viewsOf(items: RequestRecord[]) {
    const texts = items.map(r => Buffer.from(JSON.stringify(r)))
    const shared = new Uint8Array(texts.reduce((sum, t) => sum + t.length + 3, 3)).fill(0x7b)
    const views = new Map<RequestRecord, Uint8Array>()
    let at = 3
    items.forEach((record, i) => {
      const text = texts[i] ?? Buffer.alloc(0)
      shared.set(text, at)
      views.set(record, new Uint8Array(shared.buffer, at, text.length))
      at += text.length + 3
    })
    return (record: RequestRecord): Uint8Array => views.get(record) ?? new Uint8Array(0)
  }

  test.each(LIMITS)('limit %d: views into a shared buffer give what the default gives', limit => {
    expect(requestsJson(records, limit, viewsOf(records))).toEqual(requestsJson(records, limit))
  })

  test.each(LIMITS)('limit %d: the bytes createRecordJson keeps (nothing to mask) give what the default gives', limit => {
    const json = createRecordJson(text => text)
    for (const record of records.slice(0, 4)) json.keep(record)
    expect(requestsJson(records, limit, json.bytes)).toEqual(requestsJson(records, limit))
  })

  test('what the bytes function gives is what goes out: masked JSON stays masked', () => {
    const token = ['run', '-token-', 'Bq7x2Vn5'].join('')
    const secretive = records.map((r, i) => ({ ...r, comment: i % 2 === 0 ? `é 😀 ${token}` : r.comment }))
    const mask = createMask([token])
    const out = requestsJson(secretive, REQUESTS_LIMIT_BYTES, createRecordJson(mask).bytes)
    expect(text(out)).toBe(mask(JSON.stringify(secretive)))
    expect(text(out)).not.toContain(token)
    expect(text(out)).toContain(`é 😀 ${REDACTED}`)
    expect([out.count, out.leftOut]).toEqual([6, 0])
  })

  test.each([
    ['the default', undefined],
    ['a bytes function', viewsOf(records)]
  ])('%s: the limit counts bytes, not characters', (_name, bytes) => {
    for (let kept = 1; kept <= records.length; kept++) {
      const text = JSON.stringify(records.slice(0, kept))
      const bytesOfFirst = Buffer.byteLength(text)
      // Multi-byte characters in every record: fewer characters than bytes.
      expect(text.length).toBeLessThan(bytesOfFirst)
      expect(requestsJson(records, bytesOfFirst, bytes)).toEqual({ json: Buffer.from(text), count: 6, leftOut: 6 - kept })
      expect(requestsJson(records, bytesOfFirst - 1, bytes).leftOut).toBe(6 - kept + 1)
      // As many characters as there are bytes would let the record in; as many bytes as there are characters does not.
      expect(requestsJson(records, text.length, bytes).leftOut).toBeGreaterThan(6 - kept)
    }
  })

  test('the bytes function is asked for each record once at most', () => {
    const asked: (number | null)[] = []
    const views = viewsOf(records)
    const bytes = (record: RequestRecord): Uint8Array => {
      asked.push(record.number)
      return views(record)
    }
    requestsJson(records, REQUESTS_LIMIT_BYTES, bytes)
    expect(asked).toEqual(records.map(r => r.number))
  })
})

describe('trimWarnings', () => {
  test('nothing left out: no warning', () => {
    expect(trimWarnings({ json: Buffer.from('[]'), count: 0, leftOut: 0 })).toEqual([])
    expect(trimWarnings(requestsJson(many(3, true)))).toEqual([])
  })

  test('records left out: one warning with both counts', () => {
    expect(trimWarnings(requestsJson(many(3, true), 50))).toEqual([
      {
        level: 'warning',
        message: 'The requests output would pass 1 MB: 3 of 3 open requests (the least urgent) were left out of it. The report-json file has them all.',
        properties: {}
      }
    ])
    expect(trimWarnings({ json: Buffer.from('[…]'), count: 250, leftOut: 17 })[0]!.message).toMatch(/^The requests output would pass 1 MB: 17 of 250 open requests /)
  })
})

describe('writeOutputs', () => {
  const saved = process.env.GITHUB_OUTPUT
  let dir: string
  let file: string

  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'outputs-test-'))
    file = join(dir, 'output')
    writeFileSync(file, '')
    process.env.GITHUB_OUTPUT = file
  })

  afterEach(() => {
    if (saved === undefined) delete process.env.GITHUB_OUTPUT
    else process.env.GITHUB_OUTPUT = saved
    rmSync(dir, { recursive: true, force: true })
  })

  /** The outputs as the runner reads them from the GITHUB_OUTPUT file (`name<<delimiter`, value, delimiter). */
  function written(): Record<string, string> {
    const outputs: Record<string, string> = {}
    const pattern = /^(.+?)<<(ghadelimiter_[0-9a-f-]+)\r?\n([\s\S]*?)\r?\n\2\r?$/gm
    for (const [, name, , value] of readFileSync(file, 'utf8').matchAll(pattern)) outputs[name!] = value!
    return outputs
  }

  const paths = { json: '/tmp/r/report.json', markdown: '/tmp/r/report.md' }
  /** Open, stale, expiring (and stale), denied. */
  const records = [bypass(1, { ageHours: 2 }), bypass(2, { ageHours: 30 }), bypass(3, { ageHours: 7 * 24 - 3 }), bypass(4, { ageHours: 5, status: 'denied' })].sort(
    byUrgency
  )
  const open = requestsJson(records.filter(r => r.open))

  test('without metrics: the counts, expiring among them, and the two metrics outputs empty', () => {
    writeOutputs(countRecords(records), open, undefined, paths, undefined)
    expect(written()).toEqual({
      total: '4',
      open: '3',
      stale: '2',
      expiring: '1',
      reviewed: '0',
      'review-failures': '0',
      requests: text(open),
      'report-json': paths.json,
      'report-markdown': paths.markdown,
      'expired-unanswered': '',
      'median-response-hours': ''
    })
  })

  test('with metrics: expired-unanswered and the median hours to the first response', () => {
    const at = (hours: number) => new Date(NOW + hours * HOUR).toISOString()
    const answered = (hours: number) => [{ id: 1, reviewer: 'alice', status: 'approved', created_at: at(hours) }]
    const fetched = [
      plainRecord({ status: 'expired', open: false, created_at: at(0) }),
      plainRecord({ status: 'expired', open: false, created_at: at(0) }),
      plainRecord({ status: 'approved', open: false, created_at: at(0), responses: answered(1) }),
      plainRecord({ status: 'denied', open: false, created_at: at(0), responses: answered(2.5) })
    ]
    const reviews: ReviewReport = { review: 'approve', policy: false, dryRun: false, calls: [reviewCall(1)], skipped: [], errors: [], reviewed: 1, failures: 0 }
    writeOutputs(countRecords(records), open, reviews, paths, reviewMetrics(fetched))
    const out = written()
    // First responses 1h and 2.5h: median 1.75, to a tenth 1.8.
    expect([out['expired-unanswered'], out['median-response-hours'], out.expiring, out.reviewed]).toEqual(['2', '1.8', '1', '1'])
  })

  test('with metrics but not one response: expired-unanswered counts, median-response-hours stays empty', () => {
    const fetched = [plainRecord({ status: 'expired', open: false }), plainRecord({ status: 'open' })]
    writeOutputs(countRecords([]), requestsJson([]), undefined, paths, reviewMetrics(fetched))
    const out = written()
    expect([out['expired-unanswered'], out['median-response-hours'], out.expiring, out.requests]).toEqual(['1', '', '0', '[]'])
  })

  test('with metrics over nothing: zero expired unanswered, not empty', () => {
    writeOutputs(countRecords([]), requestsJson([]), undefined, paths, reviewMetrics([]))
    expect([written()['expired-unanswered'], written()['median-response-hours']]).toEqual(['0', ''])
  })
})
