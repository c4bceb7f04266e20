/**
 * What Octokit needs of `fetch`, over Node's own http and https modules:
 * a method, headers, a body and a signal going out; the status, headers and
 * body coming back; redirects returned, never followed (the client decides);
 * gzip, deflate and br answers decoded. Failures take fetch's shapes: a
 * `TypeError('fetch failed')` whose cause holds the system error's code,
 * and an aborted call rejects with its signal's reason.
 *
 * Node's global fetch (undici) is not used on the direct path because of
 * its memory: fetching and parsing the bench's 100 pages of 10,000 requests
 * peaks at 93–98 MB with it, 74–77 MB with node:http, and 81 MB with
 * node-fetch (which would still need its errors mapped to these shapes) —
 * the difference is a sixth of the 120 MB the action may use at 10,000
 * requests. Behind a proxy, undici's fetch is used (./proxy.ts).
 */
import http, { type IncomingHttpHeaders, type IncomingMessage } from 'node:http'
import https from 'node:https'
import type { Readable, Transform } from 'node:stream'
import { arrayBuffer, json, text } from 'node:stream/consumers'
import { createBrotliDecompress, createGunzip, createInflate } from 'node:zlib'

/** The request as Octokit and the client give it: headers as a plain object, a string body. */
export interface HttpFetchInit {
  method?: string
  headers?: Record<string, string>
  body?: string | null
  signal?: AbortSignal | null
  redirect?: string
}

const DECODERS: Record<string, () => Transform> = { gzip: createGunzip, 'x-gzip': createGunzip, deflate: createInflate, br: createBrotliDecompress }

/** The answer's headers as fetch's Headers gives them to Octokit: `get` by any case, and every name (lower case) with its value. */
class AnswerHeaders {
  constructor(private readonly sent: IncomingHttpHeaders) {}

  get(name: string): string | null {
    const value = this.sent[name.toLowerCase()]
    return value === undefined ? null : Array.isArray(value) ? value.join(', ') : value
  }

  *[Symbol.iterator](): IterableIterator<[string, string]> {
    for (const name of Object.keys(this.sent).sort()) {
      const value = this.get(name)
      if (value !== null) yield [name, value]
    }
  }
}

/** The answer's body: its chunks, read once, as an async iterable (what the lists read), and `cancel` to release the connection unread. */
class AnswerBody implements AsyncIterable<Uint8Array> {
  constructor(private readonly stream: Readable) {}

  [Symbol.asyncIterator](): AsyncIterator<Uint8Array> {
    return this.stream[Symbol.asyncIterator]()
  }

  async cancel(): Promise<void> {
    this.stream.destroy()
  }
}

class Answer {
  readonly ok: boolean
  readonly redirected = false
  readonly headers: AnswerHeaders
  readonly body: AnswerBody

  constructor(
    readonly url: string,
    readonly status: number,
    readonly statusText: string,
    headers: IncomingHttpHeaders,
    stream: Readable
  ) {
    this.ok = status >= 200 && status < 300
    this.headers = new AnswerHeaders(headers)
    this.body = new AnswerBody(stream)
  }

  arrayBuffer(): Promise<ArrayBuffer> {
    return arrayBuffer(this.body)
  }

  text(): Promise<string> {
    return text(this.body)
  }

  json(): Promise<unknown> {
    return json(this.body)
  }
}

/** Answers that have no body, whatever their headers say: it is neither read nor decoded. */
const NO_BODY = new Set([204, 205, 304])

/**
 * The body as sent, or decoded when the server compressed it; an encoding
 * the action cannot decode fails the call. A body nobody reads (Octokit
 * reads none for 204) is drained, so its connection goes back to the pool,
 * and its failure is an error of that body only: it never ends the process.
 */
function decoded(message: IncomingMessage, method: string): Readable {
  message.on('error', () => undefined)
  if (NO_BODY.has(message.statusCode ?? 0) || method === 'HEAD') return message.resume()
  const encoding = String(message.headers['content-encoding'] ?? '')
    .trim()
    .toLowerCase()
  if (encoding === '' || encoding === 'identity') return message
  const decoder = DECODERS[encoding]
  if (!decoder) {
    message.destroy(new Error(`the answer is encoded as ${JSON.stringify(encoding)}, which the action cannot decode`))
    return message
  }
  const stream = decoder()
  stream.on('error', () => undefined)
  message.on('error', error => stream.destroy(error))
  // A decoded body stopped early (cancelled, aborted) releases its connection too.
  stream.on('close', () => message.destroy())
  return message.pipe(stream)
}

/** A fetch for Octokit over node:http and node:https (their keep-alive agents). */
export function httpFetch(input: string | URL, init: HttpFetchInit = {}): Promise<Answer> {
  const url = URL.parse(String(input))
  if (!url) return Promise.reject(new TypeError(`Failed to parse URL from ${String(input)}`))
  const client = url.protocol === 'https:' ? https : url.protocol === 'http:' ? http : undefined
  const { signal } = init
  if (signal?.aborted) return Promise.reject(signal.reason)
  if (!client) return Promise.reject(new TypeError('fetch failed', { cause: new Error(`the protocol ${url.protocol} is not supported`) }))
  const body = init.body ?? undefined
  const headers: Record<string, string | number> = { 'accept-encoding': 'gzip, deflate, br', ...init.headers }
  if (body !== undefined) headers['content-length'] = Buffer.byteLength(body)

  return new Promise((resolve, reject) => {
    let stream: Readable | undefined
    const method = (init.method ?? 'GET').toUpperCase()
    const request = client.request(url, { method, headers }, message => {
      stream = decoded(message, method)
      // Once the body is read (or fails), the signal has nothing left to stop.
      stream.once('close', () => signal?.removeEventListener('abort', abort))
      resolve(new Answer(url.href, message.statusCode ?? 0, message.statusMessage ?? '', message.headers, stream))
    })
    // An abort stops the call, or the reading of its body, with the signal's reason, as fetch does.
    const abort = () => {
      const reason: unknown = signal?.reason
      if (stream) stream.destroy(reason instanceof Error ? reason : new Error(String(reason)))
      else request.destroy()
      reject(reason)
    }
    signal?.addEventListener('abort', abort, { once: true })
    request.on('error', error => {
      signal?.removeEventListener('abort', abort)
      reject(signal?.aborted ? signal.reason : new TypeError('fetch failed', { cause: error }))
    })
    request.end(body)
  })
}
