/**
 * A fake GitHub: a real HTTP server on 127.0.0.1 that serves the bypass and
 * dismissal request endpoints the way GitHub does. Routes, query enums and
 * defaults, body enums and response shapes come from GitHub's OpenAPI
 * description (test/fixtures). It checks the token (401), answers 403/404
 * where told to, validates queries and bodies (422 with GitHub's error
 * shape), paginates with Link headers (per_page capped at 100), applies
 * reviews to its state, injects faults on demand and records every call.
 * It also serves the single alerts its dismissal requests are about
 * (alerts.ts), with per-alert overrides (setAlert).
 * Switches make it odd the ways real servers and proxies can be: odd items
 * (StoredRequest.override), bodies that are not lists, redirects, lists that
 * grow while they are read, and filters that are ignored.
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http'
import type { AddressInfo, Socket } from 'node:net'
import { findRoute, type Route } from './openapi.js'
import { alertKindOfRoute, dismissalKind, mergeAlert, renderAlert, type AlertKind } from './alerts.js'
import { KINDS, isOpen, kindOfRoute, render, type Kind, type StoredRequest } from './model.js'

export type Scope = 'enterprise' | 'organization' | 'repository'

export interface Call {
  method: string
  path: string
  query: Record<string, string>
  headers: Record<string, string | undefined>
  body: unknown
  status: number
  /** When the request arrived, on the same clock as endedAt. */
  startedAt: number
  /** When the answer was sent, as performance.timeOrigin + performance.now() (ms); 0 until then. */
  endedAt: number
}

export type FaultKind = 'status' | 'reset' | 'slow' | 'malformed' | 'secondary-rate-limit' | 'primary-rate-limit' | 'body' | 'redirect'

export interface Fault {
  kind: FaultKind
  /** Only calls with this method (default any). */
  method?: string
  /** Only calls whose path matches (default any). */
  path?: RegExp
  /** How many calls it hits; default every one. */
  times?: number
  /** For `status`: the status to answer (rate limits: 403 or 429), and GitHub's message (default: the status's usual one); for `redirect`: 301, 302, 307 or 308 (default 307). */
  status?: number
  message?: string
  /** For `body`: what a 200 answers instead, as JSON (e.g. `[1, 2]`, `{ message: 'hi' }`, `[null]`). */
  body?: unknown
  /** For `redirect`: the `Location`, an absolute URL or a path on the fake (mind `times` when it leads back to the faulted path). */
  location?: string
  /** For `slow`: how long to wait before answering. */
  delayMs?: number
  /** For rate limits: seconds in `retry-after` / until `x-ratelimit-reset`. */
  retryAfter?: number
}

export interface Denial {
  /** A request type's segment (`dismissal-requests/dependabot`) or an alert kind's (`dependabot/alerts`). */
  segment: string
  scope?: Scope
  status: 403 | 404
}

export interface FakeOptions {
  token?: string
  /** The login reviews are made as. */
  login?: string
  /** Enterprise slug → its organizations. */
  enterprises?: Record<string, string[]>
  requests?: StoredRequest[]
}

const DOCS = 'https://docs.github.com/enterprise-cloud@latest/rest'
const PERIOD_MS: Record<string, number> = { hour: 3_600_000, day: 86_400_000, week: 604_800_000, month: 2_592_000_000 }
const FIRST_RESPONSE_ID = 9000

/** GitHub's error body: its message, any extra fields (a 422's `errors`), the docs link and the status as a string. */
function errorBody(status: number, message: string, extra: object = {}): object {
  return { message, ...extra, documentation_url: DOCS, status: String(status) }
}

const NOT_FOUND = errorBody(404, 'Not Found')

type Send = (status: number, payload?: unknown, headers?: Record<string, string>) => void

/** Creation times, parsed once per request (and again if it changes): large lists are listed page by page. */
const parsed = new WeakMap<StoredRequest, { text: string; ms: number }>()
function createdMs(request: StoredRequest): number {
  const known = parsed.get(request)
  if (known?.text === request.created_at) return known.ms
  const ms = Date.parse(request.created_at)
  parsed.set(request, { text: request.created_at, ms })
  return ms
}

export class FakeGitHub {
  readonly token: string
  readonly login: string
  readonly enterprises: Record<string, string[]>
  requests: StoredRequest[]
  /** Leave `rel="last"` out of Link headers, as some GitHub lists do: clients must follow `next`. */
  omitLastLink = false
  /** Ignore the lists' request_status, requester, reviewer, repository_name and organization_name, like an older GHES or a proxy (still validated). */
  ignoreFilters = false
  /** Send secret scanning alerts' `secret` even when asked to hide it (hide_secret=true), as a careless proxy or cache might. */
  sendSecretAnyway = false
  readonly calls: Call[] = []
  /** Calls being answered right now, and the most there were at once. */
  inFlight = 0
  maxInFlight = 0
  private readonly faults: Fault[] = []
  private readonly denials: Denial[] = []
  /** The fields setAlert was given, in order, by alertKey(). */
  private readonly alertOverrides = new Map<string, Record<string, unknown>[]>()
  private server?: Server
  private readonly sockets = new Set<Socket>()
  private nextResponseId = FIRST_RESPONSE_ID
  /** Requests added once the next page 1 of a list is answered (growAfterFirstPage). */
  private growth: StoredRequest[] = []
  /** Bumped by reset(): calls answered across it no longer count as in flight. */
  private generation = 0
  url = ''

  constructor(options: FakeOptions = {}) {
    this.token = options.token ?? 'fake-token-for-tests'
    this.login = options.login ?? 'security-lead'
    this.enterprises = options.enterprises ?? {}
    this.requests = options.requests ?? []
  }

  /** Listens on 127.0.0.1, on `port` (0: one the system picks); rejects when it cannot (a port in use). */
  async start(port = 0): Promise<string> {
    const server = createServer((req, res) => void this.handle(req, res))
    this.server = server
    server.on('connection', socket => {
      this.sockets.add(socket)
      socket.on('close', () => this.sockets.delete(socket))
    })
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject)
      server.listen(port, '127.0.0.1', () => {
        server.off('error', reject)
        resolve()
      })
    })
    this.url = `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`
    return this.url
  }

  async stop(): Promise<void> {
    for (const socket of this.sockets) socket.destroy()
    await new Promise<void>(resolve => (this.server ? this.server.close(() => resolve()) : resolve()))
  }

  /** Answer `status` to the lists and single items of one request type or alert kind (segment: `bypass-requests/push-rules`, `secret-scanning/alerts`…), at one scope or all. */
  deny(segment: string, status: 403 | 404, scope?: Scope): void {
    this.denials.push({ segment, status, scope })
  }

  /**
   * Merges `fields` over the alert `number` of `repository` (`owner/repo`) as
   * the alert endpoint renders it: see mergeAlert (nested objects such as
   * `rule` and `security_advisory` merged shallowly, `undefined` removes).
   * Calls add up. The alert still exists only while a stored dismissal
   * request names it.
   */
  setAlert(kind: AlertKind, repository: string, number: number, fields: Record<string, unknown>): void {
    const key = alertKey(kind, repository, number)
    this.alertOverrides.set(key, [...(this.alertOverrides.get(key) ?? []), fields])
  }

  fault(fault: Fault): void {
    this.faults.push({ ...fault })
  }

  /** Adds `requests` to the store right after the next page 1 of any list is answered, so that list's later pages see them. */
  growAfterFirstPage(requests: StoredRequest[]): void {
    this.growth.push(...requests)
  }

  clearFaults(): void {
    this.faults.length = 0
    this.denials.length = 0
  }

  resetCalls(): void {
    this.calls.length = 0
    this.maxInFlight = 0
  }

  /** Empties the fake as it was just after start: no requests, growth, faults, denials, alert overrides or calls, `rel="last"` links, filters applied, secrets hidden when asked, counters at zero. */
  reset(): void {
    this.requests = []
    this.growth = []
    this.omitLastLink = false
    this.ignoreFilters = false
    this.sendSecretAnyway = false
    this.alertOverrides.clear()
    this.clearFaults()
    this.resetCalls()
    this.inFlight = 0
    this.generation++
    this.nextResponseId = FIRST_RESPONSE_ID
  }

  callsTo(method: string, path: RegExp | string): Call[] {
    return this.calls.filter(c => c.method === method && (typeof path === 'string' ? c.path === path : path.test(c.path)))
  }

  private async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    this.inFlight++
    this.maxInFlight = Math.max(this.maxInFlight, this.inFlight)
    const generation = this.generation
    res.on('close', () => {
      if (generation === this.generation) this.inFlight--
    })
    const startedAt = performance.timeOrigin + performance.now()
    const url = new URL(req.url ?? '/', this.url)
    const bodyText = await new Promise<string>(resolve => {
      let text = ''
      req.on('data', chunk => (text += chunk))
      req.on('end', () => resolve(text))
    })
    let body: unknown
    try {
      body = bodyText ? JSON.parse(bodyText) : undefined
    } catch {
      body = bodyText
    }
    const call: Call = {
      method: req.method ?? 'GET',
      path: url.pathname,
      query: Object.fromEntries(url.searchParams),
      headers: {
        accept: req.headers.accept,
        'x-github-api-version': req.headers['x-github-api-version'] as string | undefined,
        'user-agent': req.headers['user-agent'],
        authorization: req.headers.authorization ? '(present)' : undefined
      },
      body,
      status: 0,
      startedAt,
      endedAt: 0
    }
    this.calls.push(call)
    const send: Send = (status, payload, headers = {}) => {
      call.status = status
      const text = payload === undefined ? '' : typeof payload === 'string' ? payload : JSON.stringify(payload)
      res.writeHead(status, {
        ...(payload === undefined ? {} : { 'content-type': 'application/json; charset=utf-8' }),
        'x-github-api-version-selected': '2022-11-28',
        ...headers
      })
      res.end(text)
      call.endedAt = performance.timeOrigin + performance.now()
    }

    const fault = this.takeFault(call)
    if (fault) {
      const handled = await this.applyFault(fault, call, req, res, send)
      if (handled) return
    }

    const auth = req.headers.authorization ?? ''
    if (auth !== `token ${this.token}` && auth !== `Bearer ${this.token}`) {
      return send(401, errorBody(401, 'Bad credentials'))
    }
    const found = findRoute(call.method, call.path)
    if (!found) return send(404, NOT_FOUND)
    const invalid = this.validateQuery(found.route, call.query) ?? this.validateBody(found.route, body)
    if (invalid) return send(422, invalid)

    const { route, params } = found
    const alertKind = alertKindOfRoute(route.template)
    const segment = kindOfRoute(route.template)?.segment ?? (alertKind && `${alertKind}/alerts`)
    const scope: Scope = route.template.startsWith('/enterprises') ? 'enterprise' : route.template.startsWith('/orgs') ? 'organization' : 'repository'
    const denial = this.denials.find(d => d.segment === segment && (d.scope === undefined || d.scope === scope))
    if (denial) {
      return denial.status === 403 ? send(403, errorBody(403, 'Resource not accessible by personal access token')) : send(404, NOT_FOUND)
    }

    if (call.method === 'GET' && route.responses['200']?.type === 'array') return this.list(route, params, call, scope, send)
    if (call.method === 'GET' && alertKind) return this.getAlert(alertKind, params, call.query, send)
    if (call.method === 'GET') return this.getOne(route, params, send)
    if (call.method === 'PATCH') return this.review(route, params, body as { status: string; message: string }, send)
    if (call.method === 'DELETE' && route.template.includes('bypass-responses')) return this.dismissResponse(params, send)
    return send(404, NOT_FOUND)
  }

  private takeFault(call: Call): Fault | undefined {
    const fault = this.faults.find(f => (f.method === undefined || f.method === call.method) && (f.path === undefined || f.path.test(call.path)) && (f.times ?? 1) > 0)
    if (fault && fault.times !== undefined) fault.times--
    return fault
  }

  /** Returns true when the fault answered the call itself. */
  private async applyFault(fault: Fault, call: Call, req: IncomingMessage, res: ServerResponse, send: Send): Promise<boolean> {
    switch (fault.kind) {
      case 'status': {
        const status = fault.status ?? 500
        const usual: Record<number, string> = { 404: 'Not Found', 409: 'Conflict', 422: 'Validation Failed', 502: 'Bad Gateway', 503: 'Service Unavailable' }
        send(status, errorBody(status, fault.message ?? usual[status] ?? 'Server Error'))
        return true
      }
      case 'reset':
        call.status = -1
        req.socket.destroy()
        return true
      case 'slow':
        await new Promise(resolve => setTimeout(resolve, fault.delayMs ?? 5000))
        return res.destroyed || res.writableEnded
      case 'malformed':
        call.status = 200
        res.writeHead(200, { 'content-type': 'application/json; charset=utf-8' })
        res.end('[{"id": 1, "number": ')
        return true
      case 'body':
        send(200, JSON.stringify(fault.body ?? null))
        return true
      case 'redirect':
        // A location that is no URL is sent as it is: a broken server's answer.
        send(fault.status ?? 307, undefined, { location: URL.parse(fault.location ?? '/', this.url)?.href ?? fault.location ?? '/' })
        return true
      case 'secondary-rate-limit':
        send(fault.status ?? 403, errorBody(403, 'You have exceeded a secondary rate limit. Please wait a few minutes before you try again.'), {
          'retry-after': String(fault.retryAfter ?? 1)
        })
        return true
      case 'primary-rate-limit':
        send(fault.status ?? 403, errorBody(403, 'API rate limit exceeded for user ID 1.'), {
          'x-ratelimit-limit': '5000',
          'x-ratelimit-remaining': '0',
          'x-ratelimit-used': '5000',
          'x-ratelimit-reset': String(Math.ceil(Date.now() / 1000) + (fault.retryAfter ?? 1))
        })
        return true
    }
  }

  private validateQuery(route: Route, query: Record<string, string>): object | undefined {
    for (const parameter of route.query) {
      const value = query[parameter.name]
      if (value === undefined) continue
      const badEnum = parameter.enum && !parameter.enum.includes(value)
      const badInteger = parameter.type === 'integer' && !/^-?\d+$/.test(value)
      if (badEnum || badInteger) {
        return errorBody(422, 'Validation Failed', { errors: [{ resource: 'Search', field: parameter.name, code: 'invalid', value }] })
      }
    }
    return undefined
  }

  private validateBody(route: Route, body: unknown): object | undefined {
    const schema = route.bodySchema
    if (!schema) return undefined
    const problems: string[] = []
    const object = (typeof body === 'object' && body !== null ? body : {}) as Record<string, unknown>
    for (const field of schema.required ?? []) if (object[field] === undefined) problems.push(`"${field}" wasn't supplied.`)
    for (const [field, property] of Object.entries(schema.properties ?? {}) as [string, { enum?: string[]; type?: string }][]) {
      const value = object[field]
      if (value === undefined) continue
      if (property.type === 'string' && typeof value !== 'string') problems.push(`"${field}" is not a string.`)
      else if (property.enum && !property.enum.includes(value as string)) {
        problems.push(`"${String(value)}" is not a member of ${JSON.stringify(property.enum)}.`)
      }
    }
    // GitHub documents a 2048-character limit on every review message.
    if (typeof object.message === 'string' && object.message.length > 2048) problems.push('"message" is too long (maximum is 2048 characters).')
    if (typeof object.message === 'string' && object.message.length === 0) problems.push('"message" is empty.')
    return problems.length > 0 ? errorBody(422, `Invalid request.\n\n${problems.join('\n')}`) : undefined
  }

  private inScope(request: StoredRequest, scope: Scope, params: Record<string, string>): boolean {
    if (scope === 'repository') {
      return request.org.toLowerCase() === params.owner?.toLowerCase() && request.repo.toLowerCase() === params.repo?.toLowerCase()
    }
    if (scope === 'organization') return request.org.toLowerCase() === params.org?.toLowerCase()
    const orgs = this.enterprises[params.enterprise ?? ''] ?? []
    return orgs.some(org => org.toLowerCase() === request.org.toLowerCase())
  }

  private list(route: Route, params: Record<string, string>, call: Call, scope: Scope, send: Send): void {
    // Undefined for the alert lists, which list nothing here.
    const kind = kindOfRoute(route.template)
    const defaults = Object.fromEntries(route.query.map(p => [p.name, p.default]))
    const q = { ...defaults, ...call.query } as Record<string, string | number | undefined>
    if (scope === 'enterprise' && !this.enterprises[params.enterprise ?? '']) {
      return send(404, NOT_FOUND)
    }
    const since = Date.now() - PERIOD_MS[String(q.time_period ?? 'day')]!
    // Scope, time period and pages always apply; the other filters not when ignored.
    const filters: typeof q = this.ignoreFilters ? {} : q
    const status = String(filters.request_status ?? 'all')
    const matching = this.requests
      .filter(r => r.segment === kind?.segment && this.inScope(r, scope, params))
      .filter(r => createdMs(r) >= since)
      .filter(r => status === 'all' || (status === 'open' ? isOpen(r) : r.status === status))
      .filter(r => !filters.requester || r.requester.toLowerCase() === String(filters.requester).toLowerCase())
      .filter(r => !filters.reviewer || r.responses.some(x => x.reviewer.toLowerCase() === String(filters.reviewer).toLowerCase()))
      .filter(r => !filters.repository_name || r.repo.toLowerCase() === String(filters.repository_name).toLowerCase())
      .filter(r => !filters.organization_name || r.org.toLowerCase() === String(filters.organization_name).toLowerCase())
      .sort((a, b) => createdMs(b) - createdMs(a))
    const perPage = Math.min(100, Math.max(1, Number(q.per_page ?? 30)))
    const page = Math.max(1, Number(q.page ?? 1))
    const last = Math.max(1, Math.ceil(matching.length / perPage))
    const items = matching.slice((page - 1) * perPage, page * perPage).map(r => render(r))
    const link = (p: number) => {
      const u = new URL(call.path, this.url)
      for (const [k, v] of Object.entries(call.query)) u.searchParams.set(k, v)
      u.searchParams.set('page', String(p))
      return u.href
    }
    const rels: string[] = []
    if (page > 1) rels.push(`<${link(page - 1)}>; rel="prev"`, `<${link(1)}>; rel="first"`)
    if (page < last) rels.push(`<${link(page + 1)}>; rel="next"`)
    if (page < last && !this.omitLastLink) rels.push(`<${link(last)}>; rel="last"`)
    send(200, items, rels.length > 0 ? { link: rels.join(', ') } : {})
    if (page === 1) this.requests.push(...this.growth.splice(0))
  }

  private findByKey(kind: Kind | undefined, params: Record<string, string>): StoredRequest | undefined {
    if (!kind) return undefined
    const key = Number(params.bypass_request_number ?? params.alert_number)
    return this.requests.find(
      r =>
        r.segment === kind.segment &&
        r.org.toLowerCase() === params.owner?.toLowerCase() &&
        r.repo.toLowerCase() === params.repo?.toLowerCase() &&
        (kind.key === 'number' ? r.number === key : r.data.some(d => Number(d.alert_number) === key))
    )
  }

  private getOne(route: Route, params: Record<string, string>, send: Send): void {
    const request = this.findByKey(kindOfRoute(route.template), params)
    if (!request) return send(404, NOT_FOUND)
    send(200, render(request))
  }

  /** An alert a stored dismissal request names, with its overrides; 404 for any other. */
  private getAlert(kind: AlertKind, params: Record<string, string>, query: Record<string, string>, send: Send): void {
    const number = /^\d+$/.test(params.alert_number ?? '') ? Number(params.alert_number) : NaN
    const request = this.findByKey(dismissalKind(kind), params)
    const data = request?.data.find(d => Number(d.alert_number) === number)
    if (!request || !data) return send(404, NOT_FOUND)
    const withSecret = query.hide_secret !== 'true' || this.sendSecretAnyway
    const alert = renderAlert({ kind, number, request, data, withSecret })
    const overrides = this.alertOverrides.get(alertKey(kind, `${params.owner}/${params.repo}`, number)) ?? []
    send(
      200,
      overrides.reduce((merged, fields) => mergeAlert(merged, fields), alert)
    )
  }

  private review(route: Route, params: Record<string, string>, body: { status: string; message: string }, send: Send): void {
    const request = this.findByKey(kindOfRoute(route.template), params)
    if (!request) return send(404, NOT_FOUND)
    if (!isOpen(request)) {
      return send(422, errorBody(422, `This request has already been reviewed (status ${request.status}).`))
    }
    const approved = body.status === 'approve'
    const id = this.nextResponseId++
    request.responses.push({
      id,
      reviewer: this.login,
      status: approved ? 'approved' : 'denied',
      created_at: new Date().toISOString(),
      message: body.message
    })
    request.status = approved ? 'approved' : 'denied'
    const kind = KINDS.find(k => k.segment === request.segment)!
    if (kind.reviewAnswer === null) return send(204)
    send(200, { [kind.reviewAnswer]: id })
  }

  private dismissResponse(params: Record<string, string>, send: Send): void {
    const id = Number(params.bypass_response_id)
    const request = this.requests.find(
      r =>
        r.segment === 'bypass-requests/secret-scanning' &&
        r.org.toLowerCase() === params.owner?.toLowerCase() &&
        r.repo.toLowerCase() === params.repo?.toLowerCase() &&
        r.responses.some(x => x.id === id)
    )
    const response = request?.responses.find(x => x.id === id)
    if (!request || !response) return send(404, NOT_FOUND)
    if (response.status === 'dismissed') {
      return send(422, errorBody(422, 'This response has already been dismissed.'))
    }
    response.status = 'dismissed'
    if (!request.responses.some(x => x.status === 'approved' || x.status === 'denied')) request.status = 'open'
    send(204)
  }
}

/** Where setAlert keeps an alert's overrides: owner and repository as GitHub matches them, case-insensitively. */
function alertKey(kind: AlertKind, repository: string, number: number): string {
  return `${kind} ${repository.toLowerCase()} ${number}`
}
