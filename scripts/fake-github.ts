/**
 * `npm run fake-github`: starts the fake GitHub the demo runs against, seeded
 * with the same realistic enterprise, on a fixed port of 127.0.0.1 (4010, or
 * FAKE_GITHUB_PORT, or `--port <n>`), prints its URL and token and serves
 * until it is stopped (Ctrl-C or SIGTERM). `npm run local-action` runs the
 * action against it with the settings of `.env.example`.
 */
import type { FakeGitHub } from '../test/fake-github/server.js'
import { startDemoGitHub } from './scenarios.js'

const DEFAULT_PORT = 4010

function portSetting(): number {
  const flag = process.argv.indexOf('--port')
  const text = flag >= 0 ? process.argv[flag + 1] : process.env.FAKE_GITHUB_PORT
  if (text === undefined || text === '') return DEFAULT_PORT
  const port = Number(text)
  if (!Number.isInteger(port) || port < 1 || port > 65535) {
    console.error(`Not a port: ${text}. Pass --port <1-65535> or set FAKE_GITHUB_PORT.`)
    process.exit(2)
  }
  return port
}

const port = portSetting()
let fake: FakeGitHub
try {
  fake = await startDemoGitHub(port)
} catch (error) {
  const code = (error as { code?: string }).code
  console.error(
    code === 'EADDRINUSE'
      ? `Port ${port} is in use. Stop what listens there, or pass --port <n> (or set FAKE_GITHUB_PORT) and change INPUT_API-URL in .env to match.`
      : `Could not listen on 127.0.0.1:${port}: ${error instanceof Error ? error.message : String(error)}`
  )
  process.exit(1)
}

console.log(`Fake GitHub listening on ${fake.url}`)
console.log(`  token: ${fake.token}`)
console.log(
  `  seeded: ${fake.requests.length} requests in ${Object.entries(fake.enterprises)
    .map(([slug, orgs]) => `${slug} (${orgs.join(', ')})`)
    .join(', ')}`
)
console.log('Run the action against it in another terminal: cp .env.example .env && npm run local-action')
console.log('Stop with Ctrl-C.')

let stopping = false
async function stop(signal: string): Promise<void> {
  if (stopping) return
  stopping = true
  await fake.stop()
  console.log(`\nFake GitHub stopped (${signal}) after answering ${fake.calls.length} API calls.`)
  process.exit(0)
}
process.on('SIGINT', signal => void stop(signal))
process.on('SIGTERM', signal => void stop(signal))
