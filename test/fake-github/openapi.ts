/**
 * GitHub's OpenAPI description of the endpoints (the fixture), read into
 * routes the fake serves: path pattern, query parameters with their enums
 * and defaults, request body and response schemas; and validators of
 * answers against its response schemas, for tests.
 */
import { readFileSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import { Ajv, type ValidateFunction } from 'ajv'
import addFormatsModule from 'ajv-formats'

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

// ajv-formats is CommonJS: its default export arrives wrapped under ESM.
const addFormats = ((addFormatsModule as unknown as { default?: unknown }).default ?? addFormatsModule) as (ajv: Ajv) => void

/**
 * OpenAPI 3.0's `nullable: true` as JSON Schema, where ajv's own reading
 * falls short: without `type` (a `oneOf`, a `$ref`), which ajv refuses,
 * any of the schema or null; with an `enum`, null one of its values (GitHub
 * sends null for a nullable enum such as an open alert's `resolution`).
 */
function nullableAsJsonSchema(node: unknown): unknown {
  if (Array.isArray(node)) return node.map(nullableAsJsonSchema)
  if (typeof node !== 'object' || node === null) return node
  const schema = Object.fromEntries(Object.entries(node).map(([key, value]) => [key, nullableAsJsonSchema(value)])) as Json
  if (schema.nullable !== true) return schema
  const { nullable: _, ...rest } = schema
  if (rest.type === undefined) return { anyOf: [rest, { type: 'null' }] }
  return Array.isArray(rest.enum) && !rest.enum.includes(null) ? { ...schema, enum: [...rest.enum, null] } : schema
}

let ajv: Ajv | undefined

/** A validator of the answer `status` of `method` on the route `template` (as the description writes it), against its response schema. */
export function responseValidator(template: string, status = '200', method = 'get'): ValidateFunction {
  if (!ajv) {
    ajv = new Ajv({ strict: false, allErrors: true })
    addFormats(ajv)
    ajv.addFormat('int64', true)
    ajv.addSchema({ ...(nullableAsJsonSchema(openapi) as Json), $id: 'openapi.json' })
  }
  const pointer = ['paths', template, method, 'responses', status, 'content', 'application/json', 'schema']
    .map(part => encodeURIComponent(part.replace(/~/g, '~0').replace(/\//g, '~1')))
    .join('/')
  const validate = ajv.getSchema(`openapi.json#/${pointer}`)
  if (!validate) throw new Error(`no schema for ${method.toUpperCase()} ${template} ${status}`)
  return validate
}
