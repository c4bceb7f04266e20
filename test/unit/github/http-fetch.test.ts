/**
 * httpFetch against real servers on 127.0.0.1, with Node's global fetch as
 * the reference wherever the two should agree.
 */
import { afterEach, describe, expect, test } from '@jest/globals'
import { getEventListeners } from 'node:events'
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http'
import type { AddressInfo, Socket } from 'node:net'
import { types } from 'node:util'
import { brotliCompressSync, createGzip, deflateSync, gzipSync } from 'node:zlib'
import { httpFetch } from '../../../src/github/http-fetch.js'

type Handler = (request: IncomingMessage, response: ServerResponse) => void

/** What the server saw of one request. */
interface Seen {
  method: string | undefined
  url: string | undefined
  headers: IncomingMessage['headers']
  rawHeaders: string[]
  body: Buffer
}

/** A server on 127.0.0.1: its base URL, the connections it accepted and the requests it received (with their bodies). */
interface Served {
  url: string
  server: Server
  connections: Socket[]
  requests: IncomingMessage[]
  /** The requests with their bodies, as each body finishes arriving. */
  seen: Seen[]
}

const servers: Server[] = []
const sockets = new Set<Socket>()

/** A handler that answers 200, gzip, with `start` and then never ends the body. */
const endlessGzip =
  (start: string): Handler =>
  (_request, response) => {
    response.writeHead(200, { 'content-encoding': 'gzip' })
    const gzip = createGzip()
    gzip.pipe(response)
    gzip.write(start)
    gzip.flush()
  }

async function serve(handler: Handler): Promise<Served> {
  const connections: Socket[] = []
  const requests: IncomingMessage[] = []
  const seen: Seen[] = []
  const server = createServer((request, response) => {
    requests.push(request)
    // No Date header, so two answers to the same request are the same bytes.
    response.sendDate = false
    const chunks: Buffer[] = []
    request.on('data', (chunk: Buffer) => chunks.push(chunk))
    // The handler answers once the request's body has all come, so a test sees it whole.
    request.on('end', () => {
      seen.push({ method: request.method, url: request.url, headers: request.headers, rawHeaders: request.rawHeaders, body: Buffer.concat(chunks) })
      handler(request, response)
    })
  })
  server.on('connection', socket => {
    connections.push(socket)
    sockets.add(socket)
  })
  servers.push(server)
  await new Promise<void>(resolve => server.listen(0, '127.0.0.1', resolve))
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, server, connections, requests, seen }
}

afterEach(async () => {
  for (const socket of sockets) socket.destroy()
  sockets.clear()
  await Promise.all(
    servers.splice(0).map(
      server =>
        new Promise<void>(resolve => {
          server.closeAllConnections()
          server.close(() => resolve())
        })
    )
  )
})

const sleep = (ms: number) => new Promise<void>(resolve => setTimeout(resolve, ms))
const nextTurn = () => new Promise<void>(resolve => setImmediate(resolve))

/** The item at `index`, which the test expects to be there. */
function at<T>(list: T[], index: number): T {
  const item = list[index]
  if (item === undefined) throw new Error(`nothing at ${index}: ${list.length} item(s)`)
  return item
}

/** Settles when the socket closes, or fails the test after `ms`. */
function closed(socket: Socket, ms = 2000): Promise<void> {
  if (socket.destroyed) return Promise.resolve()
  return new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`the socket was still open after ${ms} ms`)), ms)
    socket.once('close', () => {
      clearTimeout(timer)
      resolve()
    })
  })
}

/** The body read as src/github/list.ts reads it: every chunk through `for await`, then decoded as UTF-8 once. */
async function readChunks(body: AsyncIterable<Uint8Array>): Promise<{ chunks: number; text: string }> {
  const chunks: Uint8Array[] = []
  for await (const chunk of body) chunks.push(chunk)
  return { chunks: chunks.length, text: Buffer.concat(chunks).toString('utf8') }
}

/** The rejection of a promise that must reject. */
async function rejection(promise: Promise<unknown>): Promise<unknown> {
  try {
    await promise
  } catch (error) {
    return error
  }
  throw new Error('it did not reject')
}

/**
 * Whether a rejection is the signal's TimeoutError. httpFetch ends a body it
 * is reading with the signal's reason when that is an Error, as in Node;
 * Jest runs the tests in a realm of their own, where Node's DOMException is
 * no `instanceof Error`, so there it comes wrapped, named in its message.
 */
function isTimeout(error: unknown, signal: AbortSignal): boolean {
  const reason = signal.reason as DOMException
  if (reason.name !== 'TimeoutError') return false
  if (error === reason) return true
  return !(reason instanceof Error) && types.isNativeError(error) && error.message === String(reason)
}

/** A port nothing listens on: a server's, once it has closed. */
async function freePort(): Promise<number> {
  const server = createServer()
  await new Promise<void>(resolve => server.listen(0, '127.0.0.1', resolve))
  const { port } = server.address() as AddressInfo
  await new Promise<void>(resolve => server.close(() => resolve()))
  return port
}

const MULTI_BYTE = 'déjà vu — € ü 日本語 😀'

describe('httpFetch: a GET and its answer', () => {
  test('status, statusText, ok, url and the body as text', async () => {
    const { url } = await serve((_request, response) => {
      response.writeHead(201, 'Made Here', { 'content-type': 'text/plain; charset=utf-8' })
      response.end(MULTI_BYTE)
    })
    const answer = await httpFetch(`${url}/a/b?c=1&d=%C3%A9`)
    const reference = await fetch(`${url}/a/b?c=1&d=%C3%A9`)
    expect(answer.status).toBe(201)
    expect(answer.statusText).toBe('Made Here')
    expect(answer.ok).toBe(true)
    expect(answer.redirected).toBe(false)
    expect(answer.url).toBe(`${url}/a/b?c=1&d=%C3%A9`)
    expect([answer.status, answer.statusText, answer.ok, answer.url]).toEqual([reference.status, reference.statusText, reference.ok, reference.url])
    expect(await answer.text()).toBe(MULTI_BYTE)
    expect(await reference.text()).toBe(MULTI_BYTE)
  })

  test('an error status is not ok, and its body is still read', async () => {
    const { url } = await serve((_request, response) => {
      response.writeHead(404, { 'content-type': 'application/json' })
      response.end('{"message":"Not Found"}')
    })
    const answer = await httpFetch(`${url}/missing`)
    expect([answer.status, answer.statusText, answer.ok]).toEqual([404, 'Not Found', false])
    expect(await answer.json()).toEqual({ message: 'Not Found' })
  })

  test('a URL object is taken as well as a string', async () => {
    const { url, seen } = await serve((_request, response) => response.end('ok'))
    const answer = await httpFetch(new URL('/from-url?x=1', url))
    expect(await answer.text()).toBe('ok')
    expect(answer.url).toBe(`${url}/from-url?x=1`)
    expect(seen.map(request => request.url)).toEqual(['/from-url?x=1'])
  })

  test('headers: `get` by any case, null for a missing one; iteration gives lower-case names, as global fetch’s Headers does', async () => {
    const { url } = await serve((_request, response) => {
      response.setHeader('Content-Type', 'application/json; charset=utf-8')
      response.setHeader('X-Mixed-Case', 'Value Kept As Sent')
      // Sent as two header lines.
      response.setHeader('X-Many', ['one', 'two'])
      response.setHeader('x-ratelimit-remaining', '4999')
      response.setHeader('Link', '<https://api.example/x?page=2>; rel="next", <https://api.example/x?page=9>; rel="last"')
      response.end('{"a":1}')
    })
    const answer = await httpFetch(url)
    const reference = await fetch(url)

    expect(answer.headers.get('content-type')).toBe('application/json; charset=utf-8')
    expect(answer.headers.get('CONTENT-TYPE')).toBe('application/json; charset=utf-8')
    expect(answer.headers.get('x-mixed-case')).toBe('Value Kept As Sent')
    expect(answer.headers.get('X-Mixed-Case')).toBe('Value Kept As Sent')
    expect(answer.headers.get('X-RateLimit-Remaining')).toBe('4999')
    expect(answer.headers.get('x-missing')).toBeNull()
    // A header sent twice: its values joined with ', ', as fetch joins them.
    expect(answer.headers.get('x-many')).toBe('one, two')
    expect(answer.headers.get('X-MANY')).toBe(reference.headers.get('x-many'))
    expect(answer.headers.get('link')).toBe(reference.headers.get('link'))

    const names = [...answer.headers].map(([name]) => name)
    expect(names.every(name => name === name.toLowerCase())).toBe(true)
    expect(new Map([...answer.headers])).toEqual(
      new Map([
        ['connection', 'keep-alive'],
        ['content-length', '7'],
        ['content-type', 'application/json; charset=utf-8'],
        ['keep-alive', 'timeout=5'],
        ['link', '<https://api.example/x?page=2>; rel="next", <https://api.example/x?page=9>; rel="last"'],
        ['x-many', 'one, two'],
        ['x-mixed-case', 'Value Kept As Sent'],
        ['x-ratelimit-remaining', '4999']
      ])
    )
    // The same names, values and order as global fetch’s Headers for the same answer.
    expect([...answer.headers]).toEqual([...reference.headers])
    expect(await answer.json()).toEqual({ a: 1 })
    await reference.arrayBuffer()
  })

  test('text(), json() and arrayBuffer() give the body, as global fetch does', async () => {
    const data = { list: [1, 2, 3], text: MULTI_BYTE, nested: { ok: true, none: null } }
    const json = JSON.stringify(data)
    const binary = Buffer.from(Array.from({ length: 70000 }, (_, index) => (index * 31 + 7) % 256))
    const { url } = await serve((request, response) => {
      if (request.url === '/binary') {
        response.writeHead(200, { 'content-type': 'application/octet-stream' })
        response.end(binary)
      } else {
        response.writeHead(200, { 'content-type': 'application/json' })
        response.end(json)
      }
    })

    expect(await (await httpFetch(`${url}/json`)).text()).toBe(json)
    expect(await (await httpFetch(`${url}/json`)).json()).toEqual(data)
    expect(await (await httpFetch(`${url}/json`)).json()).toEqual(await (await fetch(`${url}/json`)).json())

    const buffer = await (await httpFetch(`${url}/binary`)).arrayBuffer()
    expect(Object.prototype.toString.call(buffer)).toBe('[object ArrayBuffer]')
    expect(buffer.byteLength).toBe(binary.length)
    expect(Buffer.from(buffer).equals(binary)).toBe(true)
    const referenceBuffer = await (await fetch(`${url}/binary`)).arrayBuffer()
    expect(Buffer.from(buffer).equals(Buffer.from(referenceBuffer))).toBe(true)
    // An empty body is an empty buffer, not an error.
    const { url: emptyUrl } = await serve((_request, response) => response.end())
    expect((await (await httpFetch(emptyUrl)).arrayBuffer()).byteLength).toBe(0)
  })

  test('json() of a body that is not JSON rejects with a SyntaxError', async () => {
    const { url } = await serve((_request, response) => response.end('<html>not json</html>'))
    const error = await rejection((await httpFetch(url)).json())
    expect((error as Error).name).toBe('SyntaxError')
  })

  test('the body through `for await`, as list.ts reads it: a character split across chunks decodes whole', async () => {
    const text = `[{"title":"${MULTI_BYTE}"}]`
    const bytes = Buffer.from(text)
    // Cut inside '€' (three bytes) and inside '😀' (four bytes).
    const euro = bytes.indexOf(Buffer.from('€')) + 1
    const smiley = bytes.indexOf(Buffer.from('😀')) + 2
    const { url } = await serve(async (_request, response) => {
      response.writeHead(200, { 'content-type': 'application/json; charset=utf-8' })
      response.write(bytes.subarray(0, euro))
      await sleep(30)
      response.write(bytes.subarray(euro, smiley))
      await sleep(30)
      response.end(bytes.subarray(smiley))
    })

    const read = await readChunks((await httpFetch(url)).body)
    expect(read.chunks).toBeGreaterThanOrEqual(3)
    expect(read.text).toBe(text)
    expect(JSON.parse(read.text)).toEqual([{ title: MULTI_BYTE }])
    // text() joins the chunks before decoding too.
    expect(await (await httpFetch(url)).text()).toBe(text)
  })

  test('a large body arrives whole through `for await`', async () => {
    const text = JSON.stringify(Array.from({ length: 5000 }, (_, index) => ({ id: index, title: `${MULTI_BYTE} ${index}` })))
    const { url } = await serve((_request, response) => response.end(text))
    const read = await readChunks((await httpFetch(url)).body)
    expect(read.chunks).toBeGreaterThan(1)
    expect(read.text).toBe(text)
  })
})

describe('httpFetch: the request', () => {
  test('method, headers given as a plain object, and a string body reach the server as sent', async () => {
    const { url, seen } = await serve((_request, response) => response.end('done'))
    const body = JSON.stringify({ state: 'approve', message: MULTI_BYTE })
    const answer = await httpFetch(`${url}/repos/o/r/requests/1`, {
      method: 'PATCH',
      headers: {
        accept: 'application/vnd.github+json',
        authorization: 'token secret-token',
        'content-type': 'application/json; charset=utf-8',
        'user-agent': 'exemption-requests-action',
        'x-github-api-version': '2022-11-28',
        'X-Mixed-Case': 'Value'
      },
      body
    })
    expect(await answer.text()).toBe('done')
    expect(seen).toHaveLength(1)
    const request = at(seen, 0)
    expect(request.method).toBe('PATCH')
    expect(request.url).toBe('/repos/o/r/requests/1')
    expect(request.headers).toMatchObject({
      accept: 'application/vnd.github+json',
      authorization: 'token secret-token',
      'content-type': 'application/json; charset=utf-8',
      'user-agent': 'exemption-requests-action',
      'x-github-api-version': '2022-11-28',
      'x-mixed-case': 'Value'
    })
    // The names go out as given.
    expect(request.rawHeaders).toContain('X-Mixed-Case')
    // The body whole, and its length in UTF-8 bytes, not in characters.
    expect(request.body.toString('utf8')).toBe(body)
    expect(Buffer.byteLength(body)).toBeGreaterThan(body.length)
    expect(request.headers['content-length']).toBe(String(Buffer.byteLength(body)))
    expect(request.headers['transfer-encoding']).toBeUndefined()
  })

  test('each method is sent as given; a GET without a body sends no body', async () => {
    const { url, seen } = await serve((_request, response) => response.end())
    for (const method of ['GET', 'POST', 'PUT', 'PATCH', 'DELETE']) await (await httpFetch(url, { method, body: method === 'GET' ? undefined : '{}' })).text()
    expect(seen.map(request => request.method)).toEqual(['GET', 'POST', 'PUT', 'PATCH', 'DELETE'])
    expect(at(seen, 0).headers['content-length']).toBeUndefined()
    expect(at(seen, 0).headers['transfer-encoding']).toBeUndefined()
    expect(at(seen, 0).body.length).toBe(0)
    expect(seen.slice(1).map(request => [request.headers['content-length'], request.body.toString()])).toEqual(Array(4).fill(['2', '{}']))
    // No method given: GET.
    await (await httpFetch(url)).text()
    expect(at(seen, 5).method).toBe('GET')
  })

  test('accept-encoding offers gzip, deflate and br', async () => {
    const { url, seen } = await serve((_request, response) => response.end())
    await (await httpFetch(url, { headers: { accept: 'application/json' } })).text()
    expect(at(seen, 0).headers['accept-encoding']).toBe('gzip, deflate, br')
  })

  test('a caller’s own accept-encoding or content-length, in any case, is sent once: the caller’s encoding, the body’s true length', async () => {
    const { url, seen } = await serve((_request, response) => response.end())
    await (await httpFetch(url, { method: 'POST', headers: { 'Accept-Encoding': 'identity', 'Content-Length': '1' }, body: MULTI_BYTE })).text()
    expect(at(seen, 0).headers['accept-encoding']).toBe('identity')
    expect(at(seen, 0).headers['content-length']).toBe(String(Buffer.byteLength(MULTI_BYTE)))
    expect(at(seen, 0).rawHeaders.filter(name => /^(accept-encoding|content-length)$/i.test(name))).toHaveLength(2)
    expect(at(seen, 0).body.toString()).toBe(MULTI_BYTE)
  })
})

describe('httpFetch: compressed answers', () => {
  const text = JSON.stringify(Array.from({ length: 2000 }, (_, index) => ({ id: index, title: `${MULTI_BYTE} ${index}` })))
  const encoders: [string, (input: Buffer) => Buffer][] = [
    ['gzip', gzipSync],
    ['x-gzip', gzipSync],
    ['deflate', deflateSync],
    ['br', brotliCompressSync],
    // The name in another case, with spaces round it.
    [' GZIP ', gzipSync]
  ]

  test.each(encoders)('content-encoding %p: text() and `for await` give the original, as global fetch does', async (encoding, encode) => {
    const compressed = encode(Buffer.from(text))
    const { url } = await serve((_request, response) => {
      response.writeHead(200, { 'content-type': 'application/json', 'content-encoding': encoding })
      response.end(compressed)
    })
    expect(compressed.length).toBeLessThan(Buffer.byteLength(text))
    expect(await (await httpFetch(url)).text()).toBe(text)
    expect((await readChunks((await httpFetch(url)).body)).text).toBe(text)
    expect(await (await httpFetch(url)).json()).toEqual(JSON.parse(text))
    if (encoding.trim().toLowerCase() !== 'x-gzip') expect(await (await fetch(url)).text()).toBe(text)
  })

  test('a gzip body that comes in pieces, with a pause between them, decodes whole', async () => {
    const { url } = await serve(async (_request, response) => {
      response.writeHead(200, { 'content-encoding': 'gzip' })
      const gzip = createGzip()
      gzip.pipe(response)
      const half = Math.floor(text.length / 2)
      gzip.write(text.slice(0, half))
      gzip.flush()
      await sleep(30)
      gzip.end(text.slice(half))
    })
    expect((await readChunks((await httpFetch(url)).body)).text).toBe(text)
  })

  test.each(['zstd', 'compress', 'gzip, br', 'unknown'])('content-encoding %p, which it cannot decode: reading the body rejects, naming it', async encoding => {
    const { url } = await serve((_request, response) => {
      response.writeHead(200, { 'content-type': 'application/json', 'content-encoding': encoding })
      response.end(Buffer.from([0x28, 0xb5, 0x2f, 0xfd, 0x00, 0x01, 0x02, 0x03]))
    })
    const answer = await httpFetch(url)
    expect(answer.status).toBe(200)
    const error = await rejection(answer.text())
    expect(error).toBeInstanceOf(Error)
    expect((error as Error).message).toContain(JSON.stringify(encoding))
    // Through `for await` too.
    const iterated = await rejection(readChunks((await httpFetch(url)).body))
    expect((iterated as Error).message).toContain(JSON.stringify(encoding))
  })

  test('an undecodable answer that is not read at once does not crash the process', async () => {
    const { url } = await serve((_request, response) => {
      response.writeHead(200, { 'content-encoding': 'zstd' })
      response.end('garbage')
    })
    const answer = await httpFetch(url)
    await sleep(50)
    const error = await rejection(answer.text())
    expect((error as Error).message).toContain('"zstd"')
  })

  test('a corrupt gzip body: reading rejects', async () => {
    const { url } = await serve((_request, response) => {
      response.writeHead(200, { 'content-encoding': 'gzip' })
      response.end('this is not gzip at all')
    })
    const answer = await httpFetch(url)
    expect(answer.status).toBe(200)
    const error = await rejection(answer.text())
    expect(types.isNativeError(error)).toBe(true)
    expect((error as { code?: string }).code).toBe('Z_DATA_ERROR')
    // global fetch rejects too.
    await expect((await fetch(url)).text()).rejects.toThrow()
  })

  test('a gzip body cut short: reading rejects, no partial text', async () => {
    const compressed = gzipSync(Buffer.from(text))
    const { url } = await serve((_request, response) => {
      response.writeHead(200, { 'content-encoding': 'gzip' })
      response.end(compressed.subarray(0, Math.floor(compressed.length / 2)))
    })
    const error = await rejection((await httpFetch(url)).text())
    expect(types.isNativeError(error)).toBe(true)
    expect((error as { code?: string }).code).toBe('Z_BUF_ERROR')
  })
})

describe('httpFetch: redirects and cancel', () => {
  test('a 302 is returned with its location, not followed', async () => {
    const { url, requests } = await serve((request, response) => {
      if (request.url === '/old') {
        response.writeHead(302, { location: '/new' })
        response.end('moved')
      } else response.end('new')
    })
    const answer = await httpFetch(`${url}/old`, { redirect: 'manual' })
    expect(answer.status).toBe(302)
    expect(answer.statusText).toBe('Found')
    expect(answer.ok).toBe(false)
    expect(answer.redirected).toBe(false)
    expect(answer.url).toBe(`${url}/old`)
    expect(answer.headers.get('location')).toBe('/new')
    expect(answer.headers.get('Location')).toBe('/new')
    await answer.body.cancel()
    await sleep(50)
    expect(requests.map(request => request.url)).toEqual(['/old'])
  })

  test.each([301, 303, 307, 308])('a %p is returned too', async status => {
    const { url, requests } = await serve((_request, response) => {
      response.writeHead(status, { location: 'https://elsewhere.example/x' })
      response.end()
    })
    const answer = await httpFetch(url, { method: 'POST', body: '{}' })
    expect([answer.status, answer.headers.get('location')]).toEqual([status, 'https://elsewhere.example/x'])
    expect(await answer.text()).toBe('')
    expect(requests).toHaveLength(1)
  })

  test('body.cancel() resolves and closes the connection of an answer whose body never ends', async () => {
    const { url, requests } = await serve((_request, response) => {
      response.writeHead(302, { location: '/next' })
      response.write('the start of a body that never ends')
    })
    const answer = await httpFetch(url)
    expect(answer.status).toBe(302)
    await expect(answer.body.cancel()).resolves.toBeUndefined()
    await closed(at(requests, 0).socket)
  })

  test('body.cancel() of a gzip answer whose body never ends closes its connection too', async () => {
    const { url, requests } = await serve(endlessGzip('the start of a body that never ends'))
    const answer = await httpFetch(url)
    expect(answer.status).toBe(200)
    await expect(answer.body.cancel()).resolves.toBeUndefined()
    await closed(at(requests, 0).socket)
  })

  test('body.cancel() after the body was read resolves', async () => {
    const { url } = await serve((_request, response) => response.end('all of it'))
    const answer = await httpFetch(url)
    expect(await answer.text()).toBe('all of it')
    await expect(answer.body.cancel()).resolves.toBeUndefined()
  })
})

describe('httpFetch: failures take fetch’s shapes', () => {
  test('connection refused: TypeError "fetch failed" whose cause has code ECONNREFUSED, as global fetch', async () => {
    const url = `http://127.0.0.1:${await freePort()}/x`
    const error = await rejection(httpFetch(url))
    const reference = await rejection(fetch(url))
    expect(error).toBeInstanceOf(TypeError)
    expect((error as Error).message).toBe('fetch failed')
    expect((error as { cause?: { code?: string } }).cause?.code).toBe('ECONNREFUSED')
    expect((reference as Error).name).toBe('TypeError')
    expect((reference as Error).message).toBe('fetch failed')
    expect((reference as { cause?: { code?: string } }).cause?.code).toBe('ECONNREFUSED')
  })

  test('the server drops the connection before answering: TypeError "fetch failed" with a cause, as global fetch', async () => {
    const { url } = await serve(request => request.socket.destroy())
    const error = await rejection(httpFetch(url))
    const reference = await rejection(fetch(url))
    expect(error).toBeInstanceOf(TypeError)
    expect((error as Error).message).toBe('fetch failed')
    expect((error as { cause?: { code?: string; message?: string } }).cause).toMatchObject({ code: 'ECONNRESET', message: 'socket hang up' })
    expect((reference as Error).name).toBe('TypeError')
    expect((reference as Error).message).toBe('fetch failed')
    expect((reference as { cause?: unknown }).cause).toBeDefined()
  })

  test('the server drops the connection as soon as it is made: the same', async () => {
    const { url, server } = await serve(() => undefined)
    server.on('connection', socket => socket.destroy())
    const error = await rejection(httpFetch(url))
    expect(error).toBeInstanceOf(TypeError)
    expect((error as Error).message).toBe('fetch failed')
    expect((error as { cause?: { code?: string } }).cause?.code).toBe('ECONNRESET')
    const reference = await rejection(fetch(url))
    expect([(reference as Error).name, (reference as Error).message]).toEqual(['TypeError', 'fetch failed'])
  })

  test.each([
    ['with a content-length', { 'content-length': '1000' }],
    ['chunked', {}]
  ])('a body that breaks off (%s): reading rejects, as with global fetch', async (_name, headers) => {
    const { url } = await serve((_request, response) => {
      response.writeHead(200, headers)
      response.write('[{"id":1},')
      setTimeout(() => response.socket?.destroy(), 20)
    })
    const answer = await httpFetch(url)
    expect(answer.status).toBe(200)
    const error = await rejection(readChunks(answer.body))
    expect(types.isNativeError(error)).toBe(true)
    expect((error as { code?: string }).code).toBe('ECONNRESET')
    await expect((await fetch(url)).text()).rejects.toThrow()
  })

  test('an unsupported protocol: TypeError "fetch failed", as global fetch', async () => {
    const error = await rejection(httpFetch('ftp://127.0.0.1/file'))
    expect(error).toBeInstanceOf(TypeError)
    expect((error as Error).message).toBe('fetch failed')
    expect((error as { cause?: unknown }).cause).toBeInstanceOf(Error)
    const reference = await rejection(fetch('ftp://127.0.0.1/file'))
    expect([(reference as Error).name, (reference as Error).message]).toEqual(['TypeError', 'fetch failed'])
  })

  test('text that is not a URL: a rejected promise, not a throw, with the message global fetch gives', async () => {
    let call: Promise<unknown> | undefined
    expect(() => (call = httpFetch('not a url'))).not.toThrow()
    const error = await rejection(call!)
    const reference = await rejection(fetch('not a url'))
    expect([(error as Error).name, (error as Error).message]).toEqual(['TypeError', (reference as Error).message])
  })
})

describe('httpFetch: signals', () => {
  test('an already aborted signal rejects at once with its reason, and no request is made', async () => {
    const { url, connections, requests } = await serve((_request, response) => response.end())
    const controller = new AbortController()
    const reason = new Error('stopped before it started')
    controller.abort(reason)
    await expect(httpFetch(url, { signal: controller.signal })).rejects.toBe(reason)
    // fetch rejects with the very reason too.
    await expect(fetch(url, { signal: controller.signal })).rejects.toBe(reason)
    await sleep(50)
    expect(connections).toHaveLength(0)
    expect(requests).toHaveLength(0)
  })

  test('a reason that is not an Error is given back as it is', async () => {
    const controller = new AbortController()
    controller.abort('just a string')
    await expect(httpFetch('http://127.0.0.1:9/', { signal: controller.signal })).rejects.toBe('just a string')
  })

  test('AbortSignal.timeout on a server that never answers: the TimeoutError, as global fetch; the connection is closed', async () => {
    const { url, requests } = await serve(() => undefined)
    const signal = AbortSignal.timeout(50)
    const error = await rejection(httpFetch(url, { signal }))
    expect(error).toBe(signal.reason)
    expect((error as DOMException).name).toBe('TimeoutError')
    await closed(at(requests, 0).socket)

    const referenceSignal = AbortSignal.timeout(50)
    const reference = await rejection(fetch(url, { signal: referenceSignal }))
    expect(reference).toBe(referenceSignal.reason)
    expect((reference as DOMException).name).toBe('TimeoutError')
  })

  test('an abort while the call waits for its answer rejects with the reason', async () => {
    const { url, requests } = await serve(() => undefined)
    const controller = new AbortController()
    const call = httpFetch(url, { signal: controller.signal })
    while (requests.length === 0) await sleep(5)
    const reason = new Error('no longer wanted')
    controller.abort(reason)
    await expect(call).rejects.toBe(reason)
    await closed(at(requests, 0).socket)
  })

  test('a timeout while the body is read: the read rejects with the TimeoutError, and the connection is closed', async () => {
    const { url, requests } = await serve((_request, response) => {
      response.writeHead(200, { 'content-type': 'application/json' })
      response.write('[{"id":1},')
    })
    const signal = AbortSignal.timeout(150)
    const answer = await httpFetch(url, { signal })
    expect(answer.status).toBe(200)
    const error = await rejection(readChunks(answer.body))
    expect(signal.aborted).toBe(true)
    expect(isTimeout(error, signal)).toBe(true)
    await closed(at(requests, 0).socket)
  })

  test('an abort while the body is read: the read rejects with the very reason, and the connection is closed', async () => {
    const { url, requests } = await serve((_request, response) => {
      response.writeHead(200, { 'content-type': 'application/json' })
      response.write('[{"id":1},')
    })
    const controller = new AbortController()
    const answer = await httpFetch(url, { signal: controller.signal })
    const reading = readChunks(answer.body)
    await sleep(20)
    const reason = new Error('no longer wanted')
    controller.abort(reason)
    await expect(reading).rejects.toBe(reason)
    await closed(at(requests, 0).socket)
  })

  test('a timeout while a gzip body is read: the same', async () => {
    const { url, requests } = await serve(endlessGzip('[{"id":1},'))
    const signal = AbortSignal.timeout(150)
    const answer = await httpFetch(url, { signal })
    const error = await rejection(answer.text())
    expect(signal.aborted).toBe(true)
    expect(isTimeout(error, signal)).toBe(true)
    await closed(at(requests, 0).socket)
  })

  test('once the call is done and its body read, the signal has no listener left, and aborting it changes nothing', async () => {
    const { url, connections } = await serve((_request, response) => response.end('[]'))
    const controller = new AbortController()
    const unhandled: unknown[] = []
    const onUnhandled = (reason: unknown) => unhandled.push(reason)
    process.on('unhandledRejection', onUnhandled)
    try {
      expect(getEventListeners(controller.signal, 'abort')).toHaveLength(0)
      const call = httpFetch(url, { signal: controller.signal })
      expect(getEventListeners(controller.signal, 'abort')).toHaveLength(1)
      const answer = await call
      expect(await answer.json()).toEqual([])
      await nextTurn()
      expect(getEventListeners(controller.signal, 'abort')).toHaveLength(0)
      expect(() => controller.abort(new Error('too late'))).not.toThrow()
      await sleep(20)
      expect(unhandled).toEqual([])
      // The kept-alive connection was not touched by the late abort.
      expect(at(connections, 0).destroyed).toBe(false)
    } finally {
      process.off('unhandledRejection', onUnhandled)
    }
  })

  test('the listener is removed after a gzip body is read, after a cancel and after a failure too', async () => {
    const { url } = await serve((request, response) => {
      if (request.url === '/gzip') {
        response.writeHead(200, { 'content-encoding': 'gzip' })
        response.end(gzipSync('{"a":1}'))
      } else {
        response.writeHead(302, { location: '/gzip' })
        response.write('never ends')
      }
    })
    const signal = new AbortController().signal
    expect(await (await httpFetch(`${url}/gzip`, { signal })).json()).toEqual({ a: 1 })
    await nextTurn()
    expect(getEventListeners(signal, 'abort')).toHaveLength(0)

    await (await httpFetch(`${url}/redirect`, { signal })).body.cancel()
    await nextTurn()
    expect(getEventListeners(signal, 'abort')).toHaveLength(0)

    await rejection(httpFetch(`http://127.0.0.1:${await freePort()}/`, { signal }))
    expect(getEventListeners(signal, 'abort')).toHaveLength(0)
  })
})

describe('httpFetch: answers without a body', () => {
  test.each([204, 205, 304])('%d, even one that says gzip and sends nothing: no failure, the connection reused, no listener left', async status => {
    const { url, connections } = await serve((_request, response) => {
      response.writeHead(status, { 'content-encoding': 'gzip' })
      response.end()
    })
    const failures: unknown[] = []
    const onFailure = (error: unknown) => failures.push(error)
    process.on('uncaughtException', onFailure)
    try {
      const controller = new AbortController()
      // As Octokit does with a 204: the body is never read.
      for (let call = 0; call < 3; call++) expect((await httpFetch(url, { method: 'PATCH', body: '{}', signal: controller.signal })).status).toBe(status)
      await sleep(50)
      expect(getEventListeners(controller.signal, 'abort')).toHaveLength(0)
      expect(connections).toHaveLength(1)
    } finally {
      process.off('uncaughtException', onFailure)
    }
    expect(failures).toEqual([])
  })

  test('HEAD: nothing is read or decoded', async () => {
    const { url, connections } = await serve((_request, response) => {
      response.writeHead(200, { 'content-encoding': 'gzip', 'content-length': '20' })
      response.end()
    })
    for (let call = 0; call < 2; call++) expect((await httpFetch(url, { method: 'HEAD' })).status).toBe(200)
    await sleep(20)
    expect(connections).toHaveLength(1)
  })

  test('a compressed body that nobody reads and that fails to decode does not end the process', async () => {
    const { url } = await serve((_request, response) => {
      response.writeHead(200, { 'content-encoding': 'gzip' })
      response.end('not gzip at all')
    })
    const failures: unknown[] = []
    const onFailure = (error: unknown) => failures.push(error)
    process.on('uncaughtException', onFailure)
    try {
      expect((await httpFetch(url)).status).toBe(200)
      await sleep(50)
    } finally {
      process.off('uncaughtException', onFailure)
    }
    expect(failures).toEqual([])
    // Read, the same body fails as a read.
    await expect((await httpFetch(url)).text()).rejects.toThrow()
  })
})

describe('httpFetch: keep-alive', () => {
  test('sequential calls to one server share one connection', async () => {
    const { url, connections, requests } = await serve((_request, response) => response.end('{"ok":true}'))
    for (let call = 0; call < 5; call++) expect(await (await httpFetch(`${url}/${call}`)).json()).toEqual({ ok: true })
    expect(requests).toHaveLength(5)
    expect(connections).toHaveLength(1)
  })
})
