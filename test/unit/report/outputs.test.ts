import { describe, expect, test } from '@jest/globals'
import { byUrgency } from '../../../src/classify.js'
import type { RequestRecord } from '../../../src/requests.js'
import { REQUESTS_LIMIT_BYTES, requestsJson, trimWarnings } from '../../../src/report/outputs.js'
import { bypass, many } from '../record-builders.js'

describe('requestsJson', () => {
  const multiByte = (n: number, ageHours: number, comment: string) => bypass(n, { ageHours, comment })

  test('under the limit: every record, untouched', () => {
    const records = many(5, true)
    const out = requestsJson(records)
    expect(out.json).toBe(JSON.stringify(records))
    expect([out.count, out.leftOut]).toEqual([5, 0])
    expect(REQUESTS_LIMIT_BYTES).toBe(1_000_000)
  })

  test('no records: an empty array', () => {
    expect(requestsJson([])).toEqual({ json: '[]', count: 0, leftOut: 0 })
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
      expect(Buffer.byteLength(out.json)).toBeLessThanOrEqual(limit)
      expect(JSON.parse(out.json)).toEqual(JSON.parse(JSON.stringify(records.slice(0, kept))))
      expect(out.json).toBe(JSON.stringify(records.slice(0, kept)))
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
    expect(under.json).toBe(JSON.stringify(records.slice(0, 3)))
  })

  test('nothing fits: an empty array, all left out', () => {
    expect(requestsJson(many(3, true), 50)).toEqual({ json: '[]', count: 3, leftOut: 3 })
  })

  test('the default limit holds with about 2 MB of records', () => {
    const records = Array.from({ length: 200 }, (_, i) => multiByte(i + 1, 30 + i, `€ ${i} `.repeat(1400))).sort(byUrgency)
    expect(Buffer.byteLength(JSON.stringify(records))).toBeGreaterThan(2 * REQUESTS_LIMIT_BYTES)
    const out = requestsJson(records)
    expect(Buffer.byteLength(out.json)).toBeLessThanOrEqual(REQUESTS_LIMIT_BYTES)
    const kept = records.length - out.leftOut
    expect(kept).toBeGreaterThan(0)
    expect((JSON.parse(out.json) as RequestRecord[]).map(r => r.number)).toEqual(records.slice(0, kept).map(r => r.number))
    expect(Buffer.byteLength(JSON.stringify(records.slice(0, kept + 1)))).toBeGreaterThan(REQUESTS_LIMIT_BYTES)
  })
})

describe('trimWarnings', () => {
  test('nothing left out: no warning', () => {
    expect(trimWarnings({ json: '[]', count: 0, leftOut: 0 })).toEqual([])
    expect(trimWarnings(requestsJson(many(3, true)))).toEqual([])
  })

  test('records left out: one warning with both counts', () => {
    expect(trimWarnings(requestsJson(many(3, true), 50))).toEqual([
      {
        level: 'warning',
        message:
          'The requests output would pass 1 MB: 3 of 3 open requests (the least urgent) were left out of it. The report-json file has them all.',
        properties: {}
      }
    ])
    expect(trimWarnings({ json: '[…]', count: 250, leftOut: 17 })[0]!.message).toMatch(/^The requests output would pass 1 MB: 17 of 250 open requests /)
  })
})
