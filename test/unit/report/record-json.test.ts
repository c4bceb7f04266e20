import { describe, expect, test } from '@jest/globals'
import { createRecordJson } from '../../../src/report/record-json.js'
import type { RequestRecord } from '../../../src/requests.js'
import { createMask, REDACTED, type Redactor } from '../../../src/text.js'
import { bypass, dismissal, pushRule } from '../record-builders.js'

/** The run's token in a shape `redact` does not know, so that only the mask can take it out. */
const TOKEN = ['run', '-token-', 'Hq8v5Lw2'].join('')
const mask = createMask([TOKEN])
const keepAll: Redactor = text => text

/** Decodes strictly: a character cut in two at a view's edge fails the test instead of turning into U+FFFD. */
const decode = (bytes: Uint8Array): string => new TextDecoder('utf-8', { fatal: true }).decode(bytes)

/** What a record's bytes must decode to. */
const expected = (record: RequestRecord, redactor: Redactor = mask): string => redactor(JSON.stringify(record))

/** Records with long comments in several alphabets, about `size` characters of JSON each. */
function longRecords(count: number, size: number, firstNumber = 1): RequestRecord[] {
  return Array.from({ length: count }, (_, i) => {
    const number = firstNumber + i
    // Cut between characters, never inside one.
    const comment = Array.from(`#${number} é 😀 日本語 ${'é 😀 word '.repeat(Math.ceil(size / 10))}`)
      .slice(0, size)
      .join('')
    return number % 3 === 0 ? pushRule(number, { comment }) : bypass(number, { comment, requester: `mona-é-${number}` })
  })
}

describe('createRecordJson: bytes(record) is the record’s JSON, masked, as UTF-8', () => {
  test('records kept in several batches of 64 kB: every record, whatever batch it fell in', () => {
    const json = createRecordJson(mask)
    // Odd sizes, so that batches end anywhere; about 200 kB of JSON in all.
    // A lone surrogate, as GitHub may send escaped: JSON.stringify escapes it again.
    const lone = bypass(200, { comment: 'half a pair: \ud83d, then é' })
    expect(JSON.stringify(lone)).toContain('"comment":"half a pair: \\ud83d, then é"')
    const records = [...longRecords(60, 1777), lone, ...longRecords(50, 2345, 61), ...longRecords(7, 15, 111)]
    const characters = records.reduce((sum, r) => sum + JSON.stringify(r).length, 0)
    expect(characters).toBeGreaterThan(3 * 65_536)
    // Multi-byte characters are in play: bytes and characters differ.
    expect(Buffer.byteLength(JSON.stringify(records))).toBeGreaterThan(JSON.stringify(records).length + 10_000)
    for (const record of records) json.keep(record)
    const views = records.map(r => json.bytes(r))
    records.forEach((record, i) => expect([record.number, decode(views[i] ?? new Uint8Array())]).toEqual([record.number, expected(record)]))
    // The records were written to several buffers, most of them at an offset inside one.
    expect(new Set(views.map(v => v.buffer)).size).toBeGreaterThanOrEqual(3)
    expect(views.filter(v => v.byteOffset > 0).length).toBeGreaterThan(records.length / 2)
    // listed(record) is the same bytes after a comma, in one piece of the same buffer.
    records.forEach((record, i) => {
      const listed = json.listed(record)
      expect([record.number, decode(listed)]).toEqual([record.number, `,${expected(record)}`])
      expect([listed.buffer, listed.byteOffset + 1]).toEqual([views[i]?.buffer, views[i]?.byteOffset])
    })
  })

  test('asked for in another order than kept, and between keeps', () => {
    const json = createRecordJson(mask)
    const records = longRecords(90, 3001)
    const asked: [number | null, string][] = []
    records.forEach((record, i) => {
      json.keep(record)
      // Now and then a record kept earlier, another in the batch being made, and the one just kept.
      if (i % 7 === 3) for (const r of [records[i - 3], records[Math.floor(i / 2)], record]) if (r) asked.push([r.number, decode(json.bytes(r))])
    })
    for (const record of [...records].reverse()) asked.push([record.number, decode(json.bytes(record))])
    expect(asked.length).toBeGreaterThan(records.length + 30)
    for (const [number, text] of asked) {
      const record = records.find(r => r.number === number)
      expect([number, text]).toEqual([number, record && expected(record)])
    }
  })

  test('a record kept but not yet written with its batch', () => {
    const json = createRecordJson(mask)
    const records = longRecords(3, 200)
    for (const record of records) json.keep(record)
    // Far under a batch: none was written yet. The last one kept first, then the others.
    for (const record of [records[2], records[0], records[1]]) {
      if (record) expect(decode(json.bytes(record))).toBe(expected(record))
    }
  })

  test('a record never kept (made after its page: a review or an alert makes a new record)', () => {
    const json = createRecordJson(mask)
    const kept = longRecords(4, 500)
    for (const record of kept) json.keep(record)
    const later = { ...dismissal('secret-scanning-dismissal', 40, 7, { comment: 'made later é 😀' }), comment: `reviewed é 😀 ${TOKEN}` }
    expect(decode(json.bytes(later))).toBe(expected(later))
    // The records waiting for their batch are still right, and so is the new one asked again.
    for (const record of kept) expect(decode(json.bytes(record))).toBe(expected(record))
    expect(decode(json.bytes(later))).toBe(expected(later))
    // Never kept, nothing else kept: it is made on its own.
    const alone = createRecordJson(mask)
    const first = bypass(41, { comment: 'é 😀 alone' })
    expect(decode(alone.bytes(first))).toBe(expected(first))
  })

  test('the mask is applied: the run’s token in a comment is replaced, wherever the record is', () => {
    const json = createRecordJson(mask)
    const withToken = (number: number): RequestRecord => bypass(number, { comment: `token é 😀 ${TOKEN} here, and ${TOKEN}` })
    const flushed = withToken(1)
    json.keep(flushed)
    for (const record of longRecords(40, 2000, 2)) json.keep(record)
    const pending = withToken(100)
    json.keep(pending)
    const never = withToken(101)
    expect(JSON.stringify(flushed)).toContain(TOKEN)
    for (const record of [flushed, pending, never]) {
      const text = decode(json.bytes(record))
      expect(text).toBe(expected(record))
      expect(text).not.toContain(TOKEN)
      expect(text).toContain(`token é 😀 ${REDACTED} here, and ${REDACTED}`)
    }
  })

  test('a mask that changes the length in bytes: each record’s place is found after masking', () => {
    // Each 2-byte é becomes 3 bytes of ASCII, each 4-byte 😀 becomes 1 byte.
    const reshape: Redactor = text => text.replaceAll('é', '[e]').replaceAll('😀', ':')
    const json = createRecordJson(reshape)
    const records = longRecords(80, 1999)
    for (const record of records) json.keep(record)
    const other = bypass(200, { comment: 'é😀é' })
    for (const record of [...records, other]) expect([record.number, decode(json.bytes(record))]).toEqual([record.number, expected(record, reshape)])
    expect(decode(json.bytes(other))).toContain('"comment":"[e]:[e]"')
  })

  test('the same record asked twice gives the same bytes, also after later batches were written', () => {
    const json = createRecordJson(keepAll)
    const records = longRecords(10, 1000)
    for (const record of records) json.keep(record)
    const first = records.map(r => Buffer.from(json.bytes(r)))
    const again = records.map(r => json.bytes(r))
    // Many more batches after them.
    const more = longRecords(200, 2500, 11)
    for (const record of more) json.keep(record)
    for (const record of more) json.bytes(record)
    records.forEach((record, i) => {
      expect(Buffer.from(json.bytes(record))).toEqual(first[i])
      expect(Buffer.from(again[i] ?? new Uint8Array())).toEqual(first[i])
      expect(decode(json.bytes(record))).toBe(JSON.stringify(record))
    })
  })
})

describe('createRecordJson: each record made once, records made later made together', () => {
  test('keeping a record twice makes its JSON once; records kept together share one batch', () => {
    const masked: string[] = []
    const json = createRecordJson(text => (masked.push(text), text))
    const records = [bypass(1), bypass(2), bypass(3)]
    records.forEach(json.keep)
    records.forEach(json.keep)
    const views = records.map(json.bytes)
    expect(masked).toHaveLength(3)
    expect(new Set(views.map(view => view.buffer)).size).toBe(1)
    expect(views.map(view => Buffer.from(view).toString('utf8'))).toEqual(records.map(r => JSON.stringify(r)))
  })

  test('list: each record after a comma (the first of the array without), the ones not made yet made in one batch', () => {
    const masked: string[] = []
    const json = createRecordJson(text => (masked.push(text), text))
    const early = [bypass(1), bypass(2)]
    early.forEach(json.keep)
    json.bytes(early[0]!)
    const later = [bypass(3), bypass(4), bypass(5)]
    const records = [later[0]!, early[1]!, later[1]!, early[0]!, later[2]!]
    for (const first of [true, false]) {
      const pieces = json.list(records, first)
      const texts = records.map((r, i) => `${first && i === 0 ? '' : ','}${JSON.stringify(r)}`)
      expect(pieces.map(piece => Buffer.from(piece).toString('utf8'))).toEqual(texts)
    }
    // Each record made once; the three made by list share one buffer, apart from the early ones'.
    expect(masked).toHaveLength(5)
    const laterBuffers = new Set(later.map(r => json.listed(r).buffer))
    expect(laterBuffers.size).toBe(1)
    expect(laterBuffers.has(json.listed(early[0]!).buffer)).toBe(false)
    expect(json.list([], true)).toEqual([])
  })
})
