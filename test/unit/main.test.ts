import { afterEach, beforeEach, describe, expect, test } from '@jest/globals'
import { EOL } from 'node:os'
import { readInputs } from '../../src/inputs.js'
import { run } from '../../src/main.js'
import { failStep, maskValue, runnerInput } from '../../src/workflow-commands.js'
import { stdoutOf } from './stdout.js'

const SCOPE_PROBLEM = 'Input "scope" has the value "galaxy": expected one of repository, organization, enterprise.'

// run() with no arguments, as @github/local-action calls it, reads the inputs itself, from the same INPUT_ variables as the entry point.
describe('run() with no settings given', () => {
  const saved = { ...process.env }
  let exitCode: typeof process.exitCode

  beforeEach(() => {
    exitCode = process.exitCode
    process.exitCode = undefined
    for (const name of Object.keys(process.env)) if (name.startsWith('INPUT_')) delete process.env[name]
    process.env['INPUT_REPOSITORY'] = 'octo-org/smile'
    process.env['INPUT_API-URL'] = 'http://127.0.0.1:9'
  })

  afterEach(() => {
    process.exitCode = exitCode
    for (const name of Object.keys(process.env)) if (!(name in saved)) delete process.env[name]
    Object.assign(process.env, saved)
  })

  test('masks the token, then fails the step with every invalid input, and calls nothing', async () => {
    process.env['INPUT_TOKEN'] = ' ghp_%token\r\nvalue '
    process.env['INPUT_SCOPE'] = 'galaxy'
    const out = await stdoutOf(() => run())
    expect(process.exitCode).toBe(1)
    expect(out.split(EOL)).toEqual(['::add-mask::ghp_%25token%0D%0Avalue', `::error::1 invalid input; nothing was fetched or reviewed.%0A${SCOPE_PROBLEM}`, ''])
  })

  test('fails the step with the same message as the entry point', async () => {
    process.env['INPUT_TOKEN'] = 'ghp_sametoken'
    process.env['INPUT_SCOPE'] = 'galaxy'
    process.env['INPUT_FAIL-ON'] = 'always'
    const fromRun = await stdoutOf(() => run())
    expect(process.exitCode).toBe(1)
    process.exitCode = undefined
    const fromEntryPoint = await stdoutOf(() => readInputs(runnerInput, { mask: maskValue, fail: failStep }))
    expect(process.exitCode).toBe(1)
    expect(fromRun).toBe(fromEntryPoint)
    expect(fromRun).toContain('::error::2 invalid inputs; nothing was fetched or reviewed.%0A')
  })

  test('an empty token: nothing to mask, and the message says the token is missing', async () => {
    process.env['INPUT_TOKEN'] = '   '
    const out = await stdoutOf(() => run())
    expect(process.exitCode).toBe(1)
    expect(out).not.toContain('::add-mask::')
    expect(out).toBe(`::error::1 invalid input; nothing was fetched or reviewed.%0AInput "token" is empty: pass a token, for example \${{ github.token }}.${EOL}`)
  })
})
