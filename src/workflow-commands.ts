/**
 * The three things a run does before it knows its inputs are valid: read an
 * input, mask a value, fail the step. They are written here, with the
 * encoding `@actions/core` uses (its `getInput`, `setSecret` and
 * `setFailed`), because loading `@actions/core` also evaluates the HTTP
 * client of its OIDC support: about 70 ms of a run that stops at an input
 * error (`npm run bench`, cold start). Everything after the inputs uses
 * `@actions/core` itself.
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

/** Masks `secret` in everything the step prints from now on (`::add-mask::`). */
export function maskValue(secret: string): void {
  process.stdout.write(`::add-mask::${commandData(secret)}${EOL}`)
}

/** Fails the step with `message` as an error annotation. */
export function failStep(message: string): void {
  process.exitCode = 1
  process.stdout.write(`::error::${commandData(message)}${EOL}`)
}
