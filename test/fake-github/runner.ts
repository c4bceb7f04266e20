/**
 * Runs the bundled action (dist/index.js) as a child process with the
 * environment a GitHub runner gives it: INPUT_* variables (name upper-cased,
 * hyphens kept, defaults from action.yml), GITHUB_OUTPUT, GITHUB_STEP_SUMMARY,
 * GITHUB_API_URL, GITHUB_REPOSITORY and RUNNER_TEMP. Everything a run
 * leaves (outputs, summary, the report files) is read into its result, so
 * its temporary folder is removed as soon as it ends.
 */
import { spawn } from 'node:child_process'
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { parse } from 'yaml'

export const ROOT = fileURLToPath(new URL('../..', import.meta.url))
export const BUNDLE = join(ROOT, 'dist', 'index.js')

interface ActionYaml {
  inputs: Record<string, { default?: string; required?: boolean; description: string }>
  outputs: Record<string, { description: string }>
}

export const actionYaml = parse(readFileSync(join(ROOT, 'action.yml'), 'utf8')) as ActionYaml

export interface RunOptions {
  /** The fake's URL (GITHUB_API_URL). */
  apiUrl: string
  token: string
  /** Inputs as a workflow's `with:` would give them; others take action.yml's defaults. */
  inputs?: Record<string, string>
  repository?: string
  env?: Record<string, string>
  /** Lines of stdout are passed here as they arrive (the demo prints them). */
  onStdout?: (text: string) => void
  /** Called with the action's process id once it runs (the benchmark samples its memory). */
  onSpawn?: (pid: number) => void
  timeoutMs?: number
}

export interface Annotation {
  level: 'error' | 'warning' | 'notice'
  properties: Record<string, string>
  message: string
}

export interface RunResult {
  code: number | null
  stdout: string
  stderr: string
  outputs: Record<string, string>
  summary: string
  annotations: Annotation[]
  /** The GITHUB_OUTPUT file as the action wrote it. */
  outputFile: string
  /** The text of the files the report-json and report-markdown outputs name; undefined when there is no such output or file. */
  reportJson?: string
  reportMarkdown?: string
  /** The run's temporary folder (RUNNER_TEMP), where the report files were; removed once the run's files are read. */
  dir: string
}

/** The runner's substitution of `${{ github.* }}` in action.yml defaults. */
function resolveDefault(value: string, context: Record<string, string>): string {
  return value.replace(/\$\{\{\s*github\.([a-z_]+)\s*\}\}/g, (_, key: string) => context[key] ?? '')
}

/** `name<<delimiter` … `delimiter` blocks and `name=value` lines of a GITHUB_OUTPUT file. */
export function parseOutputFile(text: string): Record<string, string> {
  const outputs: Record<string, string> = {}
  const lines = text.split('\n')
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!
    const heredoc = /^([^=<]+)<<(.+)$/.exec(line)
    if (heredoc) {
      const [, name, delimiter] = heredoc
      const value: string[] = []
      for (i++; i < lines.length && lines[i] !== delimiter; i++) value.push(lines[i]!)
      outputs[name!] = value.join('\n')
    } else if (line.includes('=')) {
      outputs[line.slice(0, line.indexOf('='))] = line.slice(line.indexOf('=') + 1)
    }
  }
  return outputs
}

function unescapeData(s: string): string {
  return s.replace(/%0D/g, '\r').replace(/%0A/g, '\n').replace(/%25/g, '%')
}

/** In the runner's order: %25 last, so that an escaped `%3A` in a value stays `%3A`. */
function unescapeProperty(s: string): string {
  return s.replace(/%0D/g, '\r').replace(/%0A/g, '\n').replace(/%3A/g, ':').replace(/%2C/g, ',').replace(/%25/g, '%')
}

/** Annotations as the runner reads them from stdout. */
export function parseAnnotations(stdout: string): Annotation[] {
  const annotations: Annotation[] = []
  for (const line of stdout.split('\n')) {
    const match = /^::(error|warning|notice)(?: ([^:]*))?::(.*)$/.exec(line)
    if (!match) continue
    const properties: Record<string, string> = {}
    for (const pair of (match[2] ?? '').split(',').filter(Boolean)) {
      const eq = pair.indexOf('=')
      properties[pair.slice(0, eq)] = unescapeProperty(pair.slice(eq + 1))
    }
    annotations.push({ level: match[1] as Annotation['level'], properties, message: unescapeData(match[3]!) })
  }
  return annotations
}

export async function runAction(options: RunOptions): Promise<RunResult> {
  const dir = mkdtempSync(join(tmpdir(), 'exemption-requests-run-'))
  try {
    return await runIn(dir, options)
  } finally {
    rmSync(dir, { recursive: true, force: true })
  }
}

/** The text of a file an output names, if it names one that exists. */
function readNamed(path: string | undefined): string | undefined {
  return path && existsSync(path) ? readFileSync(path, 'utf8') : undefined
}

async function runIn(dir: string, options: RunOptions): Promise<RunResult> {
  const outputFile = join(dir, 'output.txt')
  const summaryFile = join(dir, 'summary.md')
  writeFileSync(outputFile, '')
  writeFileSync(summaryFile, '')
  const repository = options.repository ?? 'octo-org/smile'
  const context = { token: options.token, repository, api_url: options.apiUrl, repository_owner: repository.split('/')[0]! }
  const env: Record<string, string> = {
    PATH: process.env.PATH ?? '',
    HOME: process.env.HOME ?? dir,
    CI: 'true',
    GITHUB_ACTIONS: 'true',
    GITHUB_API_URL: options.apiUrl,
    GITHUB_SERVER_URL: 'https://github.com',
    GITHUB_REPOSITORY: repository,
    GITHUB_OUTPUT: outputFile,
    GITHUB_STEP_SUMMARY: summaryFile,
    GITHUB_WORKSPACE: dir,
    RUNNER_TEMP: dir
  }
  for (const [name, input] of Object.entries(actionYaml.inputs)) {
    if (input.default !== undefined) env[`INPUT_${name.toUpperCase()}`] = resolveDefault(input.default, context)
  }
  if (!('token' in (options.inputs ?? {}))) env.INPUT_TOKEN = options.token
  for (const [name, value] of Object.entries(options.inputs ?? {})) env[`INPUT_${name.toUpperCase()}`] = value
  Object.assign(env, options.env)

  const child = spawn(process.execPath, [BUNDLE], { env, cwd: dir, stdio: ['ignore', 'pipe', 'pipe'] })
  if (child.pid !== undefined) options.onSpawn?.(child.pid)
  let stdout = ''
  let stderr = ''
  child.stdout.on('data', chunk => {
    stdout += chunk
    options.onStdout?.(String(chunk))
  })
  child.stderr.on('data', chunk => (stderr += chunk))
  const timer = setTimeout(() => child.kill('SIGKILL'), options.timeoutMs ?? 60_000)
  const code = await new Promise<number | null>(resolve => child.on('close', resolve))
  clearTimeout(timer)
  const outputText = readFileSync(outputFile, 'utf8')
  const outputs = parseOutputFile(outputText)
  return {
    code,
    stdout,
    stderr,
    outputs,
    summary: readFileSync(summaryFile, 'utf8'),
    annotations: parseAnnotations(stdout),
    outputFile: outputText,
    reportJson: readNamed(outputs['report-json']),
    reportMarkdown: readNamed(outputs['report-markdown']),
    dir
  }
}
