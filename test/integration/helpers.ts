/** Shared set-up for integration tests: a fake GitHub per test file, and a runner bound to it. */
import { FakeGitHub, type FakeOptions } from '../fake-github/server.js'
import { runAction, type RunOptions, type RunResult } from '../fake-github/runner.js'

export interface Harness {
  fake: FakeGitHub
  run: (inputs?: Record<string, string>, options?: Partial<RunOptions>) => Promise<RunResult>
}

/** A started fake GitHub and a function that runs the bundle against it. */
export async function startHarness(options: FakeOptions = {}): Promise<Harness> {
  const fake = new FakeGitHub(options)
  await fake.start()
  return {
    fake,
    run: (inputs = {}, more = {}) => runAction({ apiUrl: fake.url, token: fake.token, inputs, ...more })
  }
}
