import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, test } from '@jest/globals'
import { createServer, request as httpRequest, type IncomingMessage, type Server } from 'node:http'
import { connect, type AddressInfo, type Socket } from 'node:net'
import { baseFetch, userAgent } from '../../../src/github/client.js'
import { httpFetch } from '../../../src/github/http-fetch.js'

/** The fetch of a call that goes to the API directly. */
const direct = httpFetch as unknown

/** The variables @actions/http-client reads to choose a proxy, in both cases. */
const PROXY_VARIABLES = ['https_proxy', 'HTTPS_PROXY', 'http_proxy', 'HTTP_PROXY', 'no_proxy', 'NO_PROXY'] as const

describe('baseFetch', () => {
  const saved: Partial<Record<string, string>> = {}

  beforeEach(() => {
    for (const name of PROXY_VARIABLES) {
      saved[name] = process.env[name]
      delete process.env[name]
    }
  })

  afterEach(() => {
    for (const name of PROXY_VARIABLES) {
      if (saved[name] === undefined) delete process.env[name]
      else process.env[name] = saved[name]
    }
  })

  test('no proxy variables: the direct fetch over node:http', async () => {
    expect(await baseFetch('https://api.github.com')).toBe(direct)
    expect(await baseFetch('http://api.github.test:8080')).toBe(direct)
    expect(await baseFetch('https://github.example.com/api/v3')).toBe(direct)
  })

  test('HTTPS_PROXY: the proxy-aware fetch for an https API', async () => {
    process.env.HTTPS_PROXY = 'http://proxy.example:3128'
    const proxied = await baseFetch('https://api.github.com')
    expect(proxied).not.toBe(direct)
    expect(typeof proxied).toBe('function')
    expect(await baseFetch('https://github.example.com/api/v3')).not.toBe(direct)
  })

  test('https_proxy, in lower case, counts too', async () => {
    process.env.https_proxy = 'http://proxy.example:3128'
    expect(await baseFetch('https://api.github.com')).not.toBe(direct)
  })

  test('NO_PROXY naming the API’s host, or a domain it is in, or *: the direct fetch over node:http again', async () => {
    process.env.HTTPS_PROXY = 'http://proxy.example:3128'
    for (const noProxy of ['api.github.com', 'github.com', '.github.com', 'example.org, api.github.com', 'API.GITHUB.COM', 'api.github.com:443', '*']) {
      process.env.NO_PROXY = noProxy
      expect([noProxy, await baseFetch('https://api.github.com')]).toEqual([noProxy, direct])
    }
    // Another host, or another port, is still proxied.
    for (const noProxy of ['example.org', 'api.github.com:8443', 'hub.com']) {
      process.env.NO_PROXY = noProxy
      expect([noProxy, await baseFetch('https://api.github.com')]).not.toEqual([noProxy, direct])
    }
  })

  test('no_proxy, in lower case, counts too', async () => {
    process.env.HTTPS_PROXY = 'http://proxy.example:3128'
    process.env.no_proxy = 'api.github.com'
    expect(await baseFetch('https://api.github.com')).toBe(direct)
  })

  test('a loopback API is never proxied', async () => {
    process.env.HTTPS_PROXY = 'http://proxy.example:3128'
    process.env.HTTP_PROXY = 'http://proxy.example:3128'
    for (const api of ['http://127.0.0.1:9', 'https://127.0.0.1:9', 'http://localhost:3000', 'http://[::1]:3000', 'http://127.1.2.3']) {
      expect([api, await baseFetch(api)]).toEqual([api, direct])
    }
  })

  test('HTTP_PROXY is for an http API, not an https one; HTTPS_PROXY the other way round', async () => {
    process.env.HTTP_PROXY = 'http://proxy.example:3128'
    expect(await baseFetch('http://api.github.test:8080')).not.toBe(direct)
    expect(await baseFetch('https://api.github.com')).toBe(direct)
    delete process.env.HTTP_PROXY
    process.env.HTTPS_PROXY = 'http://proxy.example:3128'
    expect(await baseFetch('http://api.github.test:8080')).toBe(direct)
    expect(await baseFetch('https://api.github.com')).not.toBe(direct)
  })

  describe('a request through a proxy', () => {
    /** A small API on 127.0.0.1 that answers every request with `{"ok":true}` and closes the connection. */
    let api: Server
    /** A small proxy on 127.0.0.1 that sends every tunnel and every request to the API, whatever host they name. */
    let proxy: Server
    const sockets = new Set<Socket>()
    const tunnels: string[] = []
    const forwarded: string[] = []
    const received: { url: string | undefined; host: string | undefined }[] = []

    const portOf = (server: Server) => (server.address() as AddressInfo).port
    const listen = (server: Server) => new Promise<void>(resolve => server.listen(0, '127.0.0.1', resolve))
    const close = (server: Server) =>
      new Promise<void>((resolve, reject) => {
        server.close(error => (error ? reject(error) : resolve()))
        server.closeAllConnections()
      })

    beforeAll(async () => {
      api = createServer((request, response) => {
        received.push({ url: request.url, host: request.headers.host })
        response.writeHead(200, { 'content-type': 'application/json', connection: 'close' })
        response.end('{"ok":true}')
      })
      proxy = createServer((request: IncomingMessage, response) => {
        // A request in absolute form (`GET http://host:port/path`): sent on to the API.
        forwarded.push(request.url ?? '')
        const target = new URL(request.url ?? '/', 'http://invalid')
        const upstream = httpRequest(
          { host: '127.0.0.1', port: portOf(api), method: request.method, path: target.pathname + target.search, headers: request.headers },
          answer => {
            response.writeHead(answer.statusCode ?? 502, answer.headers)
            answer.pipe(response)
          }
        )
        request.pipe(upstream)
      })
      proxy.on('connection', socket => {
        sockets.add(socket)
        socket.on('close', () => sockets.delete(socket))
      })
      proxy.on('connect', (request: IncomingMessage, client: Socket, head: Buffer) => {
        tunnels.push(request.url ?? '')
        const upstream = connect(portOf(api), '127.0.0.1', () => {
          client.write('HTTP/1.1 200 Connection Established\r\n\r\n')
          if (head.length > 0) upstream.write(head)
          upstream.pipe(client)
          client.pipe(upstream)
        })
        sockets.add(upstream)
        upstream.on('close', () => sockets.delete(upstream))
        upstream.on('error', () => client.destroy())
        client.on('error', () => upstream.destroy())
      })
      await Promise.all([listen(api), listen(proxy)])
    })

    afterAll(async () => {
      for (const socket of sockets) socket.destroy()
      await Promise.all([close(proxy), close(api)])
    })

    test('HTTP_PROXY: the request goes through the proxy, in a CONNECT tunnel to the API’s host and port', async () => {
      process.env.HTTP_PROXY = `http://127.0.0.1:${portOf(proxy)}`
      // Not loopback, so the proxy applies; only the proxy knows where it is.
      const url = `http://api.github.test:${portOf(api)}`
      const proxied = await baseFetch(url)
      expect(proxied).not.toBe(direct)
      const response = await proxied(`${url}/x`)
      expect(response.status).toBe(200)
      expect(await response.json()).toEqual({ ok: true })
      // undici's ProxyAgent tunnels http requests too (its proxyTunnel defaults to true): a CONNECT, no request in absolute form.
      expect(tunnels).toContain(`api.github.test:${portOf(api)}`)
      expect(forwarded).toEqual([])
      expect(received).toEqual([{ url: '/x', host: `api.github.test:${portOf(api)}` }])
    })
  })
})

describe('userAgent', () => {
  test('without an orchestration id: the name alone', () => {
    expect(userAgent('x', undefined)).toBe('x')
    expect(userAgent('x', '')).toBe('x')
  })

  test('with one: the id after actions_orchestration_id/', () => {
    expect(userAgent('x', 'abc')).toBe('x actions_orchestration_id/abc')
    expect(userAgent('exemption-requests-action', 'A-b_c.9')).toBe('exemption-requests-action actions_orchestration_id/A-b_c.9')
  })

  test('characters other than letters, digits, _ . and - are replaced by _', () => {
    expect(userAgent('x', 'a b/c')).toBe('x actions_orchestration_id/a_b_c')
    expect(userAgent('x', 'é;\n(1)')).toBe('x actions_orchestration_id/____1_')
  })

  test('by default, the id the runner gives in ACTIONS_ORCHESTRATION_ID, trimmed', () => {
    const saved = process.env.ACTIONS_ORCHESTRATION_ID
    try {
      process.env.ACTIONS_ORCHESTRATION_ID = ' run 1 '
      expect(userAgent('x')).toBe('x actions_orchestration_id/run_1')
      process.env.ACTIONS_ORCHESTRATION_ID = '  '
      expect(userAgent('x')).toBe('x')
      delete process.env.ACTIONS_ORCHESTRATION_ID
      expect(userAgent('x')).toBe('x')
    } finally {
      if (saved === undefined) delete process.env.ACTIONS_ORCHESTRATION_ID
      else process.env.ACTIONS_ORCHESTRATION_ID = saved
    }
  })
})
