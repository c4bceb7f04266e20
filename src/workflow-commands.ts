/**
 * How the step talks to the runner through its log: inputs, masks, log
 * lines and groups, annotations, failing the step (its outputs and job
 * summary are in ./file-commands.ts). Each is written here with the
 * encoding `@actions/core` uses, and the tests check every one byte for
 * byte against `@actions/core` itself.
 *
 * They are written here rather than called from `@actions/core` because
 * loading that package also evaluates the HTTP client of its OIDC support
 * (undici, a megabyte of code): measured with ncc bundles on Node 20, a
 * script that imports it takes 62 ms longer to run than one that does not,
 * and 12 MB more memory — about 4% of a listing of 10,000 requests, and a
 * tenth of its memory target (`npm run bench`).
 */
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
export function commandValue(value: string | number): string {
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
export function command(name: string, data: string, properties: Record<string, string | number | undefined> = {}): string {
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
