/**
 * GitHub's OpenAPI description of the endpoints (the fixture), read into
 * routes the fake serves: path pattern, query parameters with their enums
 * and defaults, request body and response schemas.
 */
import { readFileSync } from 'node:fs'
import { fileURLToPath } from 'node:url'

export const OPENAPI_PATH = fileURLToPath(new URL('../fixtures/github-requests.openapi.json', import.meta.url))

type Json = Record<string, any> // eslint-disable-line @typescript-eslint/no-explicit-any

export interface QueryParameter {
  name: string
  type: string
  enum?: string[]
  default?: string | number
}

export interface Route {
  method: string
  template: string
  pattern: RegExp
  pathParams: string[]
  query: QueryParameter[]
  bodySchema?: Json
  /** Response schemas by status code. */
  responses: Record<string, Json | undefined>
}

export const openapi: Json = JSON.parse(readFileSync(OPENAPI_PATH, 'utf8'))

export function resolve(node: Json | undefined): Json | undefined {
  let current = node
  while (current && typeof current.$ref === 'string') {
    current = current.$ref
      .slice(2)
      .split('/')
      .reduce((acc: Json, key: string) => acc[key], openapi)
  }
  return current
}

function buildRoute(method: string, template: string, operation: Json): Route {
  const pathParams: string[] = []
  const pattern = new RegExp(
    `^${template.replace(/\{([^}]+)\}/g, (_, name: string) => {
      pathParams.push(name)
      return '([^/]+)'
    })}$`
  )
  const query: QueryParameter[] = (operation.parameters ?? [])
    .map(resolve)
    .filter((p: Json) => p.in === 'query')
    .map((p: Json) => ({ name: p.name, type: p.schema?.type, enum: p.schema?.enum, default: p.schema?.default }))
  const responses: Record<string, Json | undefined> = {}
  for (const [code, response] of Object.entries(operation.responses ?? {})) {
    responses[code] = resolve(response as Json)?.content?.['application/json']?.schema
  }
  return {
    method: method.toUpperCase(),
    template,
    pattern,
    pathParams,
    query,
    bodySchema: operation.requestBody?.content?.['application/json']?.schema,
    responses
  }
}

export const ROUTES: Route[] = Object.entries(openapi.paths as Json).flatMap(([template, item]) =>
  Object.entries(item as Json).map(([method, operation]) => buildRoute(method, template, operation as Json))
)

export function findRoute(method: string, path: string): { route: Route; params: Record<string, string> } | undefined {
  for (const route of ROUTES) {
    if (route.method !== method) continue
    const match = route.pattern.exec(path)
    if (!match) continue
    const params: Record<string, string> = {}
    route.pathParams.forEach((name, i) => (params[name] = decodeURIComponent(match[i + 1]!)))
    return { route, params }
  }
  return undefined
}
