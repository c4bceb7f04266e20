/** Shared set-up for integration tests: a fake GitHub, and a runner bound to it. */
import { afterAll, beforeAll, beforeEach } from '@jest/globals'
import { FakeGitHub, type FakeOptions } from '../fake-github/server.js'
import { isTypeId, numberNoun, requestType } from '../../src/request-types.js'
import { runAction, type RunOptions, type RunResult } from '../fake-github/runner.js'

export interface Harness {
  fake: FakeGitHub
  run: (inputs?: Record<string, string>, options?: Partial<RunOptions>) => Promise<RunResult>
}

/** A started fake GitHub and a function that runs the bundle against it; each run's temporary folder is removed once read. */
export async function startHarness(options: FakeOptions = {}): Promise<Harness> {
  const fake = new FakeGitHub(options)
  await fake.start()
  return {
    fake,
    run: (inputs = {}, more = {}) => runAction({ apiUrl: fake.url, token: fake.token, inputs, ...more })
  }
}

/** One fake GitHub for a whole test file, reset (no requests, faults or calls) before each test. */
export function useHarness(options: FakeOptions = {}): Harness {
  let current: Harness | undefined
  beforeAll(async () => {
    current = await startHarness(options)
  })
  afterAll(() => current?.fake.stop())
  beforeEach(() => current!.fake.reset())
  return {
    get fake() {
      return current!.fake
    },
    run: (inputs, more) => current!.run(inputs, more)
  }
}

/** `octo-org/smile alert #17`: how the action names a request (alert numbers for dismissal types, request numbers otherwise). */
export function shownAs(repository: string, typeId: string, number: number): string {
  if (!isTypeId(typeId)) throw new Error(`no request type ${typeId}`)
  return `${repository} ${numberNoun(requestType(typeId))} #${number}`
}
