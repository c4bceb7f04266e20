/**
 * `npm run bench`: measures the bundled action (dist/index.js) against the
 * fake GitHub and prints figures; it asserts nothing.
 *
 * 1. Listing 5 types × 2,000 open requests at organization scope with 50 ms
 *    of API latency, in rounds (each round runs every variant, the order
 *    rotated by one a round), medians of wall time (spawn to exit), calls
 *    and calls in flight at once:
 *      (a) the action, max-concurrency 1, 4, 5 and 10;
 *      (b) a `gh api --paginate` loop, one call at a time (bench/gh-loop.mjs);
 *      (c) actions/github-script: octokit.paginate over the five lists at once (bench/github-script.mjs);
 *      (d) the floor: every page known in advance, fetch + JSON.parse under p-limit, at 4 and 5 (bench/floor.mjs);
 *    then the ratios between them against their targets.
 * 2. One call at a time, in this process: plain Octokit (@octokit/core on
 *    Node's fetch) against the action's client (its request hook for
 *    retries and rate limits, on node:http), the same page each call.
 * 3. Cold start: the action stopping at an input error, less `node -e 0`.
 * 4. Peak memory and the time from the fake's last answer to the action's
 *    exit, listing 10,000 and 100,000 requests without latency: medians of
 *    9 and 3 runs.
 */
import { Octokit } from '@octokit/core'
import os from 'node:os'
import { createClient } from '../src/github/client.js'
import { median as middle } from '../src/metrics.js'
import { fileURLToPath } from 'node:url'
import { KINDS, makeRequest, type StoredRequest } from '../test/fake-github/model.js'
import { FakeGitHub } from '../test/fake-github/server.js'
import { BUNDLE, runAction } from '../test/fake-github/runner.js'
import { clock, runNode, takeLifetime, watchMemory, type Finished } from './bench/processes.js'

const LATENCY_MS = 50
const PER_TYPE = 2000
const ROUNDS = 3
const COLD_RUNS = 9
/** Sequential calls per client and round, and rounds, of the per-call measure. */
const PER_CALL = { calls: 20, rounds: 3 }
const ORG = 'octo-org'
const REPOS = ['smile', 'api-gateway', 'payments', 'web', 'docs', 'sandbox']
const SEGMENTS = KINDS.map(kind => kind.segment)
/** The memory runs: requests per type (5 types × these), the targets of peak RSS / time after the last call, and runs (medians). */
const MEMORY_RUNS = [
  { perType: 2_000, targets: '≤ 120 MB / ≤ 100 ms', runs: 9 },
  { perType: 20_000, targets: '≤ 400 MB / ≤ 1000 ms', runs: 3 }
]
const RUN_TIMEOUT_MS = 300_000

interface Sample {
  wallMs: number
  code: number | null
  /** What the variant says it listed. */
  listed: string
  calls: number
  maxInFlight: number
}

interface Variant {
  /** Short name the ratios use: a@4, b, c, d@5… */
  key: string
  label: string
  run: (fake: FakeGitHub) => Promise<Sample>
}

/** The median of a non-empty list (every list here is). */
const median = (values: number[]): number => middle(values) ?? NaN

/** `perType` open requests of each type in octo-org's repositories, made 0 to 30 hours ago, newest first as the fake sorts them (so its sort stays cheap). */
function seed(perType: number): StoredRequest[] {
  const now = Date.now()
  return KINDS.flatMap(kind =>
    Array.from({ length: perType }, (_, i) =>
      makeRequest(
        { kind: kind.id, repository: `${ORG}/${REPOS[i % REPOS.length]}`, number: i + 1, ageHours: (30 * i) / perType, comment: `Request ${i} `.repeat(8) },
        now
      )
    )
  )
}

/** Calls the fake took since its last resetCalls, and when it sent its last answer. */
function callFigures(fake: FakeGitHub): { calls: number; maxInFlight: number; lastAnswerAt: number } {
  const lastAnswerAt = fake.calls.reduce((last, call) => Math.max(last, call.endedAt), 0)
  return { calls: fake.calls.length, maxInFlight: fake.maxInFlight, lastAnswerAt }
}

/** Runs the bundled action listing octo-org's requests; `onSpawn` gets its pid. */
async function runBundle(fake: FakeGitHub, concurrency: number, onSpawn: (pid: number) => void = () => {}): Promise<Finished & { listed: string }> {
  let pid: number | undefined
  const result = await runAction({
    apiUrl: fake.url,
    token: fake.token,
    inputs: { scope: 'organization', organization: ORG, 'fail-on': 'never', annotations: 'false', metrics: 'false', 'max-concurrency': String(concurrency) },
    onSpawn: spawned => onSpawn((pid = spawned)),
    timeoutMs: RUN_TIMEOUT_MS
  })
  return { ...takeLifetime(pid), code: result.code, stdout: result.stdout, listed: result.outputs.total ?? '?' }
}

/** One run of a variant: its process's wall time and the calls the fake took. */
async function measure(fake: FakeGitHub, start: () => Promise<Finished & { listed?: string }>): Promise<Sample> {
  fake.resetCalls()
  const finished = await start()
  const { calls, maxInFlight } = callFigures(fake)
  return { wallMs: finished.exitedAt - finished.spawnedAt, code: finished.code, listed: finished.listed ?? finished.stdout.trim(), calls, maxInFlight }
}

function actionVariant(concurrency: number): Variant {
  return {
    key: `a@${concurrency}`,
    label: `(a) action, max-concurrency ${concurrency}`,
    run: fake => measure(fake, () => runBundle(fake, concurrency))
  }
}

/** A peer script of scripts/bench/, given the fake and the lists in its environment. */
function peerVariant(key: string, label: string, script: string, env: Record<string, string> = {}): Variant {
  const path = fileURLToPath(new URL(`bench/${script}`, import.meta.url))
  return {
    key,
    label,
    run: fake => measure(fake, () => runNode([path], { BENCH_API_URL: fake.url, BENCH_TOKEN: fake.token, BENCH_ORG: ORG, BENCH_SEGMENTS: SEGMENTS.join(','), ...env }))
  }
}

function floorVariant(concurrency: number): Variant {
  const pages = SEGMENTS.map(() => Math.ceil(PER_TYPE / 100)).join(',')
  return peerVariant(`d@${concurrency}`, `(d) floor: fetch under p-limit(${concurrency})`, 'floor.mjs', {
    BENCH_PAGES: pages,
    BENCH_CONCURRENCY: String(concurrency)
  })
}

const VARIANTS: Variant[] = [
  ...[1, 4, 5, 10].map(actionVariant),
  peerVariant('b', '(b) gh api --paginate loop', 'gh-loop.mjs'),
  peerVariant('c', '(c) github-script: paginate × 5 at once', 'github-script.mjs'),
  ...[4, 5].map(floorVariant)
]

/** `list` started `by` places further on, wrapping around. */
const rotate = <T>(list: T[], by: number): T[] => list.map((_, i) => list[(i + by) % list.length]!)

/** ROUNDS rounds of every variant, the order rotated by one a round; each variant's samples. */
async function runRounds(fake: FakeGitHub, variants: Variant[]): Promise<Map<string, Sample[]>> {
  const samples = new Map(variants.map(variant => [variant.key, [] as Sample[]]))
  for (let round = 0; round < ROUNDS; round++) {
    for (const variant of rotate(variants, round)) samples.get(variant.key)!.push(await variant.run(fake))
  }
  return samples
}

/** Prints rows as columns, each as wide as its widest cell. */
function printTable(rows: string[][]): void {
  const widths = rows[0]!.map((_, column) => Math.max(...rows.map(row => row[column]!.length)))
  for (const row of rows)
    console.log(
      row
        .map((cell, column) => cell.padEnd(widths[column]!))
        .join('  ')
        .trimEnd()
    )
}

function printVariants(variants: Variant[], samples: Map<string, Sample[]>): void {
  const rows = variants.map(variant => {
    const runs = samples.get(variant.key)!
    const failed = runs.filter(run => run.code !== 0).map(run => `exit ${run.code}`)
    return [
      variant.label,
      median(runs.map(run => run.wallMs)).toFixed(0),
      runs.map(run => run.wallMs.toFixed(0)).join(' '),
      String(median(runs.map(run => run.calls))),
      String(median(runs.map(run => run.maxInFlight))),
      [...new Set(runs.map(run => run.listed))].join('/'),
      failed.join(', ')
    ]
  })
  printTable([['variant', 'median ms', 'runs (ms)', 'calls', 'most in flight', 'listed', ''], ...rows])
}

function printRatios(samples: Map<string, Sample[]>): void {
  const wall = (key: string) => median(samples.get(key)!.map(run => run.wallMs))
  const ratio = (over: string, under: string, target: string) => [`(${over}) / (${under})`, (wall(over) / wall(under)).toFixed(2), target]
  printTable([['ratio', 'value', 'target'], ratio('b', 'a@4', '≥ 3.0'), ratio('a@4', 'd@4', '≤ 1.15'), ratio('c', 'a@5', '≥ 1.0')])
}

/** The median milliseconds of one sequential call with plain Octokit and with the action's client, the clients taking turns by round. */
async function perCall(fake: FakeGitHub): Promise<{ plainMs: number; actionMs: number }> {
  const route = `GET /orgs/${ORG}/${SEGMENTS[0]}`
  const query = { per_page: 100, page: 1, request_status: 'open', time_period: 'month' }
  const plain = new Octokit({ auth: fake.token, baseUrl: fake.url })
  const action = createClient({ token: fake.token, apiUrl: fake.url, timeoutMs: 30_000, rateLimitBudgetMs: 0, retries: 3, onWait: () => {} })
  const clients = [
    { name: 'plainMs' as const, call: () => plain.request(route, query) },
    { name: 'actionMs' as const, call: () => action.request(route, query) }
  ]
  const times = { plainMs: [] as number[], actionMs: [] as number[] }
  for (const { call } of clients) await call() // Untimed: each client's first call opens its connection.
  for (let round = 0; round < PER_CALL.rounds; round++) {
    for (const { name, call } of rotate(clients, round)) {
      for (let i = 0; i < PER_CALL.calls; i++) {
        const start = clock()
        await call()
        times[name].push(clock() - start)
      }
    }
  }
  return { plainMs: median(times.plainMs), actionMs: median(times.actionMs) }
}

function printPerCall({ plainMs, actionMs }: { plainMs: number; actionMs: number }): void {
  printTable([
    [`plain Octokit, median of ${PER_CALL.calls * PER_CALL.rounds} (ms)`, plainMs.toFixed(1), ''],
    [`the action's client, median of ${PER_CALL.calls * PER_CALL.rounds} (ms)`, actionMs.toFixed(1), ''],
    ['the difference (ms)', (actionMs - plainMs).toFixed(1), 'target ≤ 2']
  ])
}

/** Wall times of `node -e 0` and of the action stopping at an input error, COLD_RUNS each, taken in turn. */
async function coldStart(): Promise<{ nodeMs: number; actionMs: number }> {
  const node: number[] = []
  const action: number[] = []
  const wall = (finished: Finished) => finished.exitedAt - finished.spawnedAt
  for (let i = 0; i < COLD_RUNS; i++) {
    node.push(wall(await runNode(['-e', '0'])))
    action.push(wall(await runNode([BUNDLE], { INPUT_SCOPE: 'nowhere' })))
  }
  return { nodeMs: median(node), actionMs: median(action) }
}

function printColdStart({ nodeMs, actionMs }: { nodeMs: number; actionMs: number }): void {
  printTable([
    [`node -e 0, median of ${COLD_RUNS} (ms)`, nodeMs.toFixed(0), ''],
    [`action to an input error, median of ${COLD_RUNS} (ms)`, actionMs.toFixed(0), ''],
    ['cold start: the difference (ms)', (actionMs - nodeMs).toFixed(0), 'target ≤ 80']
  ])
}

interface MemoryRun {
  requests: number
  targets: string
  runs: number
  peakMb: number
  /** From the fake's last answer to the action's exit. */
  afterLastCallMs: number
  /** Each run's peak and time after the last call, as `MB/ms`. */
  samples: string
  wallMs: number
  calls: number
  listed: string
  code: number | null
}

/** `runs` action runs over `perType` requests of each type without latency, their memory sampled: the medians. */
async function memoryRun(fake: FakeGitHub, { perType, targets, runs }: (typeof MEMORY_RUNS)[number]): Promise<MemoryRun> {
  fake.clearFaults()
  fake.requests = seed(perType)
  const samples: Omit<MemoryRun, 'requests' | 'targets' | 'runs' | 'samples'>[] = []
  for (let run = 0; run < runs; run++) {
    fake.resetCalls()
    let stopWatching = () => 0
    const finished = await runBundle(fake, 4, pid => (stopWatching = watchMemory(pid)))
    const peakMb = stopWatching()
    const { calls, lastAnswerAt } = callFigures(fake)
    samples.push({
      peakMb,
      afterLastCallMs: finished.exitedAt - lastAnswerAt,
      wallMs: finished.exitedAt - finished.spawnedAt,
      calls,
      listed: finished.listed,
      code: finished.code
    })
  }
  const last = samples.at(-1)
  return {
    requests: perType * KINDS.length,
    targets,
    runs,
    peakMb: median(samples.map(s => s.peakMb)),
    afterLastCallMs: median(samples.map(s => s.afterLastCallMs)),
    samples: samples.map(s => `${s.peakMb.toFixed(0)}/${s.afterLastCallMs.toFixed(0)}`).join(' '),
    wallMs: median(samples.map(s => s.wallMs)),
    calls: last?.calls ?? 0,
    listed: samples.every(s => s.listed === last?.listed) ? (last?.listed ?? '?') : samples.map(s => s.listed).join('/'),
    code: samples.find(s => s.code !== 0)?.code ?? 0
  }
}

function printMemoryRuns(runs: MemoryRun[]): void {
  const rows = runs.map(run => [
    run.requests.toLocaleString('en-US'),
    String(run.runs),
    run.peakMb.toFixed(1),
    run.afterLastCallMs.toFixed(0),
    run.wallMs.toFixed(0),
    String(run.calls),
    run.listed + (run.code === 0 ? '' : ` (exit ${run.code})`),
    run.targets,
    run.samples
  ])
  printTable([['requests', 'runs', 'peak RSS (MB)', 'after last call (ms)', 'wall (ms)', 'calls', 'listed', 'targets', 'each run (MB/ms)'], ...rows])
}

function printMachine(): void {
  const cpus = os.cpus()
  console.log(`Machine: ${cpus[0]?.model ?? '?'}, ${cpus.length} cores, ${(os.totalmem() / 2 ** 30).toFixed(1)} GB, Node ${process.version}`)
}

const benchStart = clock()
printMachine()
const fake = new FakeGitHub({ requests: seed(PER_TYPE) })
await fake.start()
try {
  console.log(`\nListing ${KINDS.length} types × ${PER_TYPE} open requests at organization scope, ${LATENCY_MS} ms API latency, ${ROUNDS} rounds (medians)`)
  fake.fault({ kind: 'slow', delayMs: LATENCY_MS })
  await floorVariant(5).run(fake) // Untimed: warms the fake up, so that the first variant timed does not pay for it.
  const samples = await runRounds(fake, VARIANTS)
  printVariants(VARIANTS, samples)
  console.log()
  printRatios(samples)

  console.log(`\nOne call at a time, ${LATENCY_MS} ms API latency`)
  printPerCall(await perCall(fake))

  console.log('\nCold start')
  printColdStart(await coldStart())

  console.log('\nLarge lists without latency (max-concurrency 4), medians of the runs')
  const memoryRuns: MemoryRun[] = []
  for (const spec of MEMORY_RUNS) memoryRuns.push(await memoryRun(fake, spec))
  printMemoryRuns(memoryRuns)
} finally {
  await fake.stop()
}
console.log(`\nTotal bench time: ${((clock() - benchStart) / 1000).toFixed(1)} s`)
