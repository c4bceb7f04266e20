/**
 * `npm run bench`: measures the bundled action against the fake GitHub and
 * prints figures — start-up time, list calls against their lower bound
 * Σ ceil(N/100), calls in flight at once against max-concurrency, wall time
 * with a realistic API latency, and the action's peak memory.
 */
import { readFileSync } from 'node:fs'
import { spawn } from 'node:child_process'
import { makeRequest, KINDS } from '../test/fake-github/model.js'
import { FakeGitHub } from '../test/fake-github/server.js'
import { BUNDLE, runAction } from '../test/fake-github/runner.js'

const PER_TYPE = Number(process.env.BENCH_PER_TYPE ?? 2000)
const LATENCY_MS = Number(process.env.BENCH_LATENCY_MS ?? 100)
const REPOS = ['smile', 'api-gateway', 'payments', 'web', 'docs', 'sandbox']

/** Start-up: a run that stops at input validation, so no API call is made. */
async function startupMs(runs: number): Promise<number> {
  const times: number[] = []
  for (let i = 0; i < runs; i++) {
    const start = performance.now()
    await new Promise(resolve => spawn(process.execPath, [BUNDLE], { env: { PATH: process.env.PATH, 'INPUT_SCOPE': 'nowhere' } }).on('close', resolve))
    times.push(performance.now() - start)
  }
  times.sort((a, b) => a - b)
  return times[Math.floor(runs / 2)]!
}

/** Peak resident memory of a process, sampled from /proc while it runs (Linux). */
function watchMemory(pid: number): () => number {
  let peakKb = 0
  const timer = setInterval(() => {
    try {
      const hwm = /VmHWM:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))
      if (hwm) peakKb = Math.max(peakKb, Number(hwm[1]))
    } catch {
      // The process has ended.
    }
  }, 20)
  return () => {
    clearInterval(timer)
    return peakKb / 1024
  }
}

const now = Date.now()
const requests = KINDS.flatMap(kind =>
  Array.from({ length: PER_TYPE }, (_, i) =>
    makeRequest(
      { kind: kind.id, repository: `octo-org/${REPOS[i % REPOS.length]}`, number: i + 1, alertNumber: i + 1, ageHours: (i % 600) / 20, comment: `Request ${i} `.repeat(8) },
      now
    )
  )
)
const fake = new FakeGitHub({ requests })
await fake.start()
fake.fault({ kind: 'slow', delayMs: LATENCY_MS })

const figures: [string, string][] = []
try {
  figures.push(['start-up to exit, median of 9 (ms)', (await startupMs(9)).toFixed(0)])
  for (const concurrency of [1, 4, 10]) {
    fake.resetCalls()
    let stopWatching = () => 0
    const start = performance.now()
    const result = await runAction({
      apiUrl: fake.url,
      token: fake.token,
      inputs: { scope: 'organization', organization: 'octo-org', 'fail-on': 'never', 'max-concurrency': String(concurrency), annotations: 'false' },
      onSpawn: pid => (stopWatching = watchMemory(pid)),
      timeoutMs: 300_000
    })
    const wall = performance.now() - start
    const peakMb = stopWatching()
    const lowerBound = KINDS.length * Math.ceil(PER_TYPE / 100)
    figures.push(
      [`max-concurrency ${concurrency}: requests listed`, result.outputs.total ?? '?'],
      [`max-concurrency ${concurrency}: list calls / lower bound Σ ceil(N/100)`, `${fake.calls.length} / ${lowerBound}`],
      [`max-concurrency ${concurrency}: most calls in flight at once`, String(fake.maxInFlight)],
      [`max-concurrency ${concurrency}: wall time with ${LATENCY_MS} ms API latency (ms)`, wall.toFixed(0)],
      [`max-concurrency ${concurrency}: peak memory of the action (MB)`, peakMb.toFixed(1)]
    )
  }
} finally {
  await fake.stop()
}

console.log(`Exemption Requests benchmark: ${KINDS.length} types × ${PER_TYPE} requests at organization scope`)
const width = Math.max(...figures.map(([name]) => name.length))
for (const [name, value] of figures) console.log(`${name.padEnd(width)}  ${value}`)
