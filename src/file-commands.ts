/**
 * The step's file commands: its outputs (the runner's GITHUB_OUTPUT file)
 * and its job summary (GITHUB_STEP_SUMMARY), written as `@actions/core`
 * writes them (see ./workflow-commands.ts for why it is not loaded). Only
 * the report needs them: the entry point does not load this module.
 */
import { randomUUID } from 'node:crypto'
import { closeSync, existsSync, openSync, writeSync } from 'node:fs'
import { access, appendFile, constants } from 'node:fs/promises'
import { EOL } from 'node:os'
import { command, commandValue } from './workflow-commands.js'

/**
 * The step's outputs: each `name<<delimiter` … `delimiter` appended to the
 * runner's GITHUB_OUTPUT file, a fresh random delimiter for each that
 * neither name nor value may hold; without that file, the older
 * `::set-output::` command. A value given as a Buffer of UTF-8 (a large JSON
 * output) is written as it is, never made into a string.
 */
export function setOutputs(outputs: Record<string, string | number | Buffer>): void {
  const file = process.env.GITHUB_OUTPUT
  const entries = Object.entries(outputs).map(([name, value]) => [name, Buffer.isBuffer(value) ? value : commandValue(value)] as const)
  if (!file) {
    process.stdout.write(entries.map(([name, value]) => `${EOL}${command('set-output', value.toString(), { name })}`).join(''))
    return
  }
  if (!existsSync(file)) throw new Error(`Missing file at path: ${file}`)
  const pieces = entries.flatMap(([name, value]) => {
    const delimiter = `ghadelimiter_${randomUUID()}`
    if (name.includes(delimiter) || value.includes(delimiter)) throw new Error(`Unexpected input: the output ${name} holds its delimiter`)
    return [Buffer.from(`${name}<<${delimiter}${EOL}`), Buffer.isBuffer(value) ? value : Buffer.from(value), Buffer.from(`${EOL}${delimiter}${EOL}`)]
  })
  const fd = openSync(file, 'a')
  try {
    for (const piece of pieces) writeAll(fd, piece)
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
