/**
 * How the step talks to the runner: inputs, masks, log lines and groups,
 * annotations, outputs, the job summary, failing the step. Each is written
 * here with the encoding `@actions/core` uses, and the tests check every one
 * byte for byte against `@actions/core` itself.
 *
 * They are written here rather than called from `@actions/core` because
 * loading that package also evaluates the HTTP client of its OIDC support
 * (undici, a megabyte of code): measured with ncc bundles on Node 20, a
 * script that imports it takes 62 ms longer to run than one that does not,
 * and 12 MB more memory — about 4% of a listing of 10,000 requests, and a
 * tenth of its memory target (`npm run bench`).
 */
import { randomUUID } from 'node:crypto'
import { closeSync, existsSync, openSync, writeSync } from 'node:fs'
import { access, appendFile, constants } from 'node:fs/promises'
import { EOL } from 'node:os'

/** An input as the runner passes it: `INPUT_<NAME>` (spaces as underscores, upper case), trimmed; empty when unset. */
export function runnerInput(name: string): string {
  return (process.env[`INPUT_${name.replace(/ /g, '_').toUpperCase()}`] ?? '').trim()
}

/** A workflow command's data on one line: `%`, CR and LF percent-encoded. */
function commandData(text: string): string {
  return text.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A')
}

/** A value as the runner reads it: a string as it is, anything else as JSON (a number NaN is `null`). */
function commandValue(value: string | number): string {
  return typeof value === 'string' ? value : JSON.stringify(value)
}

/** A workflow command's property value: as its data, and `:` and `,` encoded too. */
function commandProperty(value: string | number): string {
  return commandData(commandValue(value)).replace(/:/g, '%3A').replace(/,/g, '%2C')
}

/**
 * `::name key=value,…::data` on one line. Properties without a value (empty,
 * 0, NaN) are left out; a list of properties, even if all are left out, is
 * set off from the name by a space.
 */
function command(name: string, data: string, properties: Record<string, string | number | undefined> = {}): string {
  const keys = Object.keys(properties)
  const list = Object.entries(properties)
    .filter((entry): entry is [string, string | number] => Boolean(entry[1]))
    .map(([key, value]) => `${key}=${commandProperty(value)}`)
    .join(',')
  return `::${name}${keys.length > 0 ? ` ${list}` : ''}::${commandData(data)}${EOL}`
}

/** Masks `secret` in everything the step prints from now on (`::add-mask::`). */
export function maskValue(secret: string): void {
  process.stdout.write(command('add-mask', secret))
}

/** Fails the step with `message` as an error annotation. */
export function failStep(message: string): void {
  process.exitCode = 1
  process.stdout.write(command('error', message))
}

/** Plain lines in the step's log. */
export function info(text: string): void {
  process.stdout.write(`${text}${EOL}`)
}

/** `text` in a group of the log, folded under `title`, in one write. */
export function group(title: string, text: string): void {
  process.stdout.write(`${command('group', title)}${text ? `${text}${EOL}` : ''}${command('endgroup', '')}`)
}

/** Where an annotation points and what it is called (the fields of `@actions/core`'s AnnotationProperties the action uses). */
export interface AnnotationProperties {
  title?: string
  file?: string
  startLine?: number
}

export interface Annotation {
  level: 'error' | 'warning' | 'notice'
  message: string
  properties: AnnotationProperties
}

/** Annotations, in order, in one write. */
export function annotate(annotations: readonly Annotation[]): void {
  if (annotations.length === 0) return
  process.stdout.write(
    annotations
      .map(({ level, message, properties }) => {
        const { title, file, startLine } = properties
        return command(level, message, Object.keys(properties).length > 0 ? { title, file, line: startLine } : {})
      })
      .join('')
  )
}

/**
 * The step's outputs: each `name<<delimiter` … `delimiter` appended to the
 * runner's GITHUB_OUTPUT file, a fresh random delimiter for each that
 * neither name nor value may hold; without that file, the older
 * `::set-output::` command. A value given as UTF-8 bytes (a large JSON
 * output) is written as it is, never made into a string.
 */
export function setOutputs(outputs: Record<string, string | number | Uint8Array>): void {
  const file = process.env.GITHUB_OUTPUT
  const entries = Object.entries(outputs).map(([name, value]) => [name, value instanceof Uint8Array ? value : commandValue(value)] as const)
  if (!file) {
    const text = (value: string | Uint8Array) => (typeof value === 'string' ? value : Buffer.from(value.buffer, value.byteOffset, value.length).toString('utf8'))
    process.stdout.write(entries.map(([name, value]) => `${EOL}${command('set-output', text(value), { name })}`).join(''))
    return
  }
  if (!existsSync(file)) throw new Error(`Missing file at path: ${file}`)
  const pieces = entries.flatMap(([name, value]) => {
    const delimiter = `ghadelimiter_${randomUUID()}`
    const holds = typeof value === 'string' ? value.includes(delimiter) : Buffer.from(value.buffer, value.byteOffset, value.length).includes(delimiter)
    if (name.includes(delimiter) || holds) throw new Error(`Unexpected input: the output ${name} holds its delimiter`)
    return [`${name}<<${delimiter}${EOL}`, value, `${EOL}${delimiter}${EOL}`]
  })
  const fd = openSync(file, 'a')
  try {
    for (const piece of pieces) writeAll(fd, typeof piece === 'string' ? Buffer.from(piece, 'utf8') : piece)
  } finally {
    closeSync(fd)
  }
}

/** Writes every byte of `bytes` to `fd`, however many calls it takes. */
function writeAll(fd: number, bytes: Uint8Array): void {
  for (let done = 0; done < bytes.length;) done += writeSync(fd, bytes, done, bytes.length - done)
}

/** Adds `markdown` to the job summary (the runner's GITHUB_STEP_SUMMARY file). */
export async function appendSummary(markdown: string): Promise<void> {
  const file = process.env.GITHUB_STEP_SUMMARY
  if (!file) throw new Error('Unable to find environment variable for $GITHUB_STEP_SUMMARY. Check if your runtime environment supports job summaries.')
  try {
    await access(file, constants.R_OK | constants.W_OK)
  } catch {
    throw new Error(`Unable to access summary file: '${file}'. Check if the file has correct read/write permissions.`)
  }
  await appendFile(file, markdown, 'utf8')
}
