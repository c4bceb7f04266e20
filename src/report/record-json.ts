/**
 * Each record's JSON, made as its page arrives and kept as UTF-8 outside
 * the JavaScript heap: records are written in batches of about 64 kB, one
 * buffer each, and every record keeps a view of its bytes. After the last
 * call the report file is written from these views as they are, and the
 * `requests` output is read back from them: nothing is made twice, and ten
 * thousand records' JSON takes no room on the heap. A record made after its
 * page (a review or an alert makes a new record; records are never changed
 * in place) is written when it is first asked for.
 */
import type { RequestRecord } from '../requests.js'
import type { Redactor } from '../text.js'

/** Characters of JSON written to one buffer at a time. */
const BATCH_CHARACTERS = 1 << 16

export interface RecordJson {
  /** Makes the record's JSON now (it is written with the next batch); a record already made is left as it is. */
  keep: (record: RequestRecord) => void
  /** The record's JSON, the run's own secrets masked, as UTF-8 (made now, with every record kept since the last batch, if it was not). */
  bytes: (record: RequestRecord) => Uint8Array
  /** A comma and the record's JSON: the record as the next item of a JSON array, in one piece. */
  listed: (record: RequestRecord) => Uint8Array
  /**
   * `listed` of each record, in one pass: records not made yet (made after
   * their page, by a review or an alert) are made together, in one batch.
   * `first`: the records open the array, so the first has no comma.
   */
  list: (records: readonly RequestRecord[], first: boolean) => Uint8Array[]
}

export function createRecordJson(mask: Redactor): RecordJson {
  const kept = new WeakMap<RequestRecord, Uint8Array>()
  let pending: { record: RequestRecord; text: string }[] = []
  /** The records of `pending`. */
  const waiting = new Set<RequestRecord>()
  let characters = 0

  // Each record's JSON is kept after a comma, so that a list of records is written one piece a record.
  const flush = (): void => {
    if (pending.length === 0) return
    let size = 0
    for (const p of pending) size += 1 + Buffer.byteLength(p.text)
    // Each text is encoded straight into the batch: no joined copy of the batch's text is made first.
    const batch = Buffer.allocUnsafeSlow(size)
    let at = 0
    for (const { record, text } of pending) {
      batch[at] = 0x2c // ,
      const end = at + 1 + batch.write(text, at + 1)
      kept.set(record, batch.subarray(at, end))
      at = end
    }
    pending = []
    waiting.clear()
    characters = 0
  }

  const keep = (record: RequestRecord): void => {
    if (kept.has(record) || waiting.has(record)) return
    waiting.add(record)
    const text = mask(JSON.stringify(record))
    pending.push({ record, text })
    characters += text.length
    if (characters >= BATCH_CHARACTERS) flush()
  }

  const listed = (record: RequestRecord): Uint8Array => {
    const bytes = kept.get(record)
    if (bytes !== undefined) return bytes
    keep(record)
    flush()
    const made = kept.get(record)
    if (made === undefined) throw new Error(`The JSON of ${record.target} was not made.`)
    return made
  }

  const list = (records: readonly RequestRecord[], first: boolean): Uint8Array[] => {
    const pieces: (Uint8Array | undefined)[] = records.map(record => kept.get(record))
    if (pieces.includes(undefined)) {
      records.forEach(keep)
      flush()
      records.forEach((record, i) => (pieces[i] ??= listed(record)))
    }
    if (first && pieces.length > 0) pieces[0] = pieces[0]!.subarray(1)
    return pieces as Uint8Array[]
  }

  return { keep, listed, list, bytes: record => listed(record).subarray(1) }
}
