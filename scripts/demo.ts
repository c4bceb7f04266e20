/**
 * `npm run demo`: runs the bundled action against the fake GitHub, seeded
 * with a realistic enterprise, and shows what a user would see: the step's
 * log with its annotations, the job summary and the outputs. No token and no
 * network are needed.
 */
import type { FakeGitHub } from '../test/fake-github/server.js'
import { parseAnnotations, runAction } from '../test/fake-github/runner.js'
import { SCENARIOS, startDemoGitHub } from './scenarios.js'

const bold = (s: string) => (process.stdout.isTTY ? `\x1b[1m${s}\x1b[0m` : s)
const dim = (s: string) => (process.stdout.isTTY ? `\x1b[2m${s}\x1b[0m` : s)

/** The step log as GitHub's web UI shows it: workflow commands rendered, not printed. */
function renderLog(stdout: string): string {
  return stdout
    .split('\n')
    .flatMap(line => {
      if (line.startsWith('::add-mask::')) return []
      if (line.startsWith('::group::')) return [`▸ ${line.slice('::group::'.length)}`]
      if (line.startsWith('::endgroup::')) return []
      const [annotation] = parseAnnotations(line)
      if (annotation) {
        const label = annotation.level[0]!.toUpperCase() + annotation.level.slice(1)
        const where = annotation.properties.file ? ` (${annotation.properties.file}:${annotation.properties.line ?? ''})` : ''
        const title = annotation.properties.title ? `${annotation.properties.title}${where}: ` : ''
        return [`${label}: ${title}${annotation.message}`]
      }
      return line.trim() === '' ? [] : [`  ${line}`]
    })
    .join('\n')
}

async function scenario(fake: FakeGitHub, title: string, workflow: string, inputs: Record<string, string>): Promise<void> {
  console.log(`\n${bold(`━━ ${title}`)}\n${dim(workflow)}\n`)
  const result = await runAction({ apiUrl: fake.url, token: fake.token, inputs })
  console.log(bold('Step log'))
  console.log(renderLog(result.stdout))
  console.log(`${bold('Step result:')} ${result.code === 0 ? 'success' : `failed (exit code ${result.code})`}\n`)
  console.log(bold('Job summary (markdown)'))
  console.log(result.summary)
  console.log(bold('Outputs'))
  for (const [name, value] of Object.entries(result.outputs)) {
    console.log(`  ${name}: ${value.length > 160 ? `${value.slice(0, 160)}… (${value.length} characters)` : value}`)
  }
  if (result.reportJson === undefined) throw new Error('The action wrote no report-json file.')
  const report = JSON.parse(result.reportJson) as { requests: unknown[] }
  console.log(dim(`  (report-json holds ${report.requests.length} requests)`))
}

const fake = await startDemoGitHub()
try {
  for (const { title, workflow, inputs } of SCENARIOS) await scenario(fake, title, workflow, inputs)
  console.log(`\n${dim(`The fake GitHub answered ${fake.calls.length} API calls; none of them wrote anything.`)}`)
} finally {
  await fake.stop()
}
