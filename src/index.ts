/**
 * The action's entry point. The inputs are read and checked before the rest
 * of the action (Octokit, @actions/core) is loaded, so a run that stops at
 * an input error starts and ends at once.
 */
import { readInputs, type Settings } from './inputs.js'
import { unexpectedFailure } from './text.js'
import { failStep, maskValue, runnerInput } from './workflow-commands.js'

let settings: Settings | undefined
try {
  settings = readInputs(runnerInput, { mask: maskValue, fail: failStep })
} catch (error) {
  failStep(unexpectedFailure(error))
}
if (settings) {
  const { run } = await import('./main.js')
  await run({ settings })
}
