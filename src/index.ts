/**
 * The action's entry point. The inputs are read and checked before the rest
 * of the action (Octokit, the report) is loaded, so a run that stops at an
 * input error starts and ends at once.
 */
import { readInputs, type Settings } from './inputs.js'
import { unexpectedFailure } from './text.js'
import { failStep, maskValue, runnerInput } from './workflow-commands.js'

/** Resolves once everything written to `stream` so far has been handed to the runner. */
const flushed = (stream: NodeJS.WriteStream): Promise<void> => new Promise(resolve => stream.write('', () => resolve()))

let settings: Settings | undefined
try {
  settings = readInputs(runnerInput, { mask: maskValue, fail: failStep })
} catch (error) {
  failStep(unexpectedFailure(error))
}
if (settings) {
  const { run } = await import('./main.js')
  await run({ settings })
  // Every file is written and closed by now. Once the log is flushed the step ends, with the exit code run() set:
  // Node's own teardown of a heap that held ten thousand requests takes about 25 ms more (`npm run bench`).
  await Promise.all([flushed(process.stdout), flushed(process.stderr)])
  process.exit()
}
