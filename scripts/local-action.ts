/**
 * `npm run local-action [-- <env file>]`: runs the action from its sources
 * (src/main.ts) with @github/local-action, its inputs and runner variables
 * read from `.env` (copy `.env.example`, which points at `npm run
 * fake-github`). The job summary and the report files go to a new temporary
 * folder; the summary is printed after the run.
 */
import { spawn } from 'node:child_process'
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, relative, resolve } from 'node:path'
import { parseOutputFile, ROOT } from '../test/fake-github/runner.js'

const CLI = join(ROOT, 'node_modules', '@github', 'local-action', 'bin', 'local-action.js')

const envFile = process.argv[2] ?? '.env'
if (!existsSync(resolve(ROOT, envFile))) {
  console.error(`No ${envFile} found. Copy the example and start the fake GitHub first:

  cp .env.example .env
  npm run fake-github     # in another terminal; serves until Ctrl-C
  npm run local-action`)
  process.exit(1)
}

// What a runner gives every step (the summary and outputs files exist, empty); the env file's own values, if it sets these, win.
const dir = mkdtempSync(join(tmpdir(), 'exemption-requests-local-'))
const summaryFile = join(dir, 'summary.md')
const outputFile = join(dir, 'outputs.txt')
writeFileSync(summaryFile, '')
writeFileSync(outputFile, '')
const env = { ...process.env, GITHUB_STEP_SUMMARY: summaryFile, GITHUB_OUTPUT: outputFile, RUNNER_TEMP: dir }

const child = spawn(process.execPath, [CLI, 'run', '.', 'src/main.ts', relative(ROOT, resolve(ROOT, envFile))], { cwd: ROOT, env, stdio: 'inherit' })
const code = await new Promise<number | null>(done => child.on('close', done))

/** A heading between local-action's own output and what the run left in its files. */
function heading(title: string): void {
  const rule = '='.repeat(80)
  console.log(`${rule}\n${title}\n${rule}\n`)
}

const summary = readFileSync(summaryFile, 'utf8')
if (summary !== '') {
  heading(`Job summary (${summaryFile})`)
  console.log(summary)
}
const outputs = Object.entries(parseOutputFile(readFileSync(outputFile, 'utf8')))
if (outputs.length > 0) {
  heading(`Outputs (${outputFile})`)
  for (const [name, value] of outputs) console.log(`${name}: ${value.length > 200 ? `${value.slice(0, 200)}… (${value.length} characters)` : value}`)
  console.log()
}
console.log(`The run's files (job summary, outputs, report-json, report-markdown) are in ${dir}`)
process.exit(code ?? 1)
