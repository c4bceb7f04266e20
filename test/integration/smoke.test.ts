import { afterAll, beforeAll, expect, test } from '@jest/globals'
import { makeRequest } from '../fake-github/model.js'
import { startHarness, type Harness } from './helpers.js'

let h: Harness
beforeAll(async () => {
  h = await startHarness({ requests: [makeRequest({ kind: 'secret-scanning-bypass', repository: 'octo-org/smile', number: 1 })] })
})
afterAll(() => h.fake.stop())

test('runs', async () => {
  const r = await h.run({ 'request-types': 'secret-scanning-bypass' })
  expect(r.code).toBe(0)
  expect(r.outputs.total).toBe('1')
})
