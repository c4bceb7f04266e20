/**
 * Another origin for a redirect to lead to: a real HTTP server on 127.0.0.1
 * that records every request it gets (so a test can check the token never
 * came along) and answers each with 200 `[]`.
 */
import { createServer } from 'node:http'
import type { AddressInfo } from 'node:net'

export interface OtherRequest {
  method: string
  /** The request target as sent: path and query. */
  path: string
  /** Whether an `authorization` header came, and its value. */
  authorized: boolean
  authorization?: string
}

export interface OtherOrigin {
  url: string
  requests: OtherRequest[]
  stop: () => Promise<void>
}

export async function startOtherOrigin(): Promise<OtherOrigin> {
  const requests: OtherRequest[] = []
  const server = createServer((req, res) => {
    const authorization = req.headers.authorization
    requests.push({ method: req.method ?? 'GET', path: req.url ?? '/', authorized: authorization !== undefined, authorization })
    res.writeHead(200, { 'content-type': 'application/json; charset=utf-8' })
    res.end('[]')
  })
  await new Promise<void>(resolve => server.listen(0, '127.0.0.1', resolve))
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    requests,
    stop: () =>
      new Promise<void>(resolve => {
        server.closeAllConnections()
        server.close(() => resolve())
      })
  }
}
