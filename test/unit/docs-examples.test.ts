/**
 * The README's recipes run as pasted. Each is a file in docs/examples that
 * the README shows byte for byte after an `<!-- example: … -->` marker, and
 * each is a complete workflow whose every input to this action is declared
 * in action.yml and accepted by the action's own input readers.
 */
import { describe, expect, test } from '@jest/globals'
import { readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { parseDocument } from 'yaml'
import { InputError, readSettings } from '../../src/inputs.js'
import { actionYaml, ROOT } from '../fake-github/runner.js'

const ACTION = 'exemption-requests/exemption-requests'
const REF = 'v1'
const EXAMPLES = 'docs/examples'

/** A value that is one expression and nothing else. */
const WHOLE_EXPRESSION = /^\$\{\{(?:(?!\}\})[\s\S])*\}\}$/
const EXPRESSION = /\$\{\{(?:(?!\}\})[\s\S])*\}\}/g
/** What an expression inside literal text stands for: a word that fits in a name, a URL or a glob. */
const EMBEDDED = 'example'

/**
 * What an input given as an expression (or defaulting to one) is taken to be.
 * An input not named here takes its literal default from action.yml.
 */
const PLAUSIBLE: Record<string, string> = {
  token: 'plausible-token-value',
  'api-url': 'https://api.github.com',
  repository: 'octo-org/octo-repo',
  organization: 'octo-org',
  enterprise: 'octo-enterprise',
  requester: 'monalisa',
  reviewer: 'hubot',
  'repository-name': 'octo-repo',
  'organization-name': 'octo-org',
  repositories: 'octo-org/*',
  branch: 'main',
  review: 'approve',
  'review-message': 'Reviewed in the weekly triage',
  'review-targets': 'all',
  'require-comment-pattern': 'SEC-\\d+',
  'deny-message': 'Denied: {reason}'
}

/** The inputs of the other actions the examples use, at the major version they name. */
const OTHER_ACTIONS: Record<string, { inputs: readonly string[]; required: readonly string[]; prefix?: string }> = {
  'actions/upload-artifact@v4': {
    inputs: ['name', 'path', 'if-no-files-found', 'retention-days', 'compression-level', 'overwrite', 'include-hidden-files'],
    required: ['path']
  },
  'actions/create-github-app-token@v2': {
    inputs: ['app-id', 'private-key', 'owner', 'repositories', 'skip-token-revoke', 'github-api-url'],
    required: ['app-id', 'private-key'],
    prefix: 'permission-'
  },
  'peter-evans/create-issue-from-file@v5': {
    inputs: ['token', 'repository', 'issue-number', 'title', 'content-filepath', 'labels', 'assignees'],
    required: ['title']
  }
}

/** The scopes a workflow's `permissions:` can give GITHUB_TOKEN. */
const PERMISSIONS = [
  'actions',
  'attestations',
  'checks',
  'contents',
  'deployments',
  'discussions',
  'id-token',
  'issues',
  'models',
  'packages',
  'pages',
  'pull-requests',
  'repository-projects',
  'security-events',
  'statuses'
]

type Mapping = Record<string, unknown>

function isMapping(value: unknown): value is Mapping {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
}

/**
 * Parses YAML as the runner reads a workflow's values: every scalar is text
 * (`20`, `true` and an empty value are the strings the action receives).
 * Throws on any error or warning.
 */
function parseYaml(text: string, where: string): unknown {
  const document = parseDocument(text, { schema: 'failsafe', prettyErrors: true })
  const problems = [...document.errors, ...document.warnings].map(e => `${where}: ${e.message}`)
  if (problems.length > 0) throw new Error(problems.join('\n'))
  return document.toJS()
}

/** An input's value as the action would get it, with expressions replaced by plausible values. */
function plausibleValue(name: string, value: string): string | undefined {
  if (WHOLE_EXPRESSION.test(value.trim())) return PLAUSIBLE[name] ?? literalDefault(name)
  return value.replace(EXPRESSION, EMBEDDED)
}

function literalDefault(name: string): string | undefined {
  const fallback = actionYaml.inputs[name]?.default
  return fallback === undefined || fallback.includes('${{') ? undefined : fallback
}

/** What is wrong with one step that uses this action: its reference, an input action.yml lacks, or what its input readers refuse. */
function actionStepProblems(step: Mapping, where: string): string[] {
  const problems: string[] = []
  const uses = String(step.uses)
  if (uses !== `${ACTION}@${REF}`) problems.push(`${where}: uses ${uses}, expected ${ACTION}@${REF}`)
  const given = step.with ?? {}
  if (!isMapping(given)) return [...problems, `${where}: with: is not a mapping`]
  const values: Record<string, string> = {}
  for (const [name, value] of Object.entries(given)) {
    if (!Object.hasOwn(actionYaml.inputs, name)) problems.push(`${where}: input "${name}" is not declared in action.yml`)
    else if (typeof value !== 'string') problems.push(`${where}: input "${name}" is not a single value`)
    else values[name] = value
  }
  const read = (name: string): string => {
    const value = values[name] ?? actionYaml.inputs[name]?.default ?? ''
    const plausible = plausibleValue(name, value)
    if (plausible === undefined) throw new Error(`${where}: no plausible value for input "${name}": add one to PLAUSIBLE`)
    if (plausible.includes('${{')) problems.push(`${where}: input "${name}" has an unterminated expression: ${value}`)
    // As core.getInput gives it: trimmed.
    return plausible.trim()
  }
  try {
    readSettings(read, {})
  } catch (error) {
    if (!(error instanceof InputError)) throw error
    problems.push(...error.problems.map(p => `${where}: ${p}`))
  }
  return problems
}

function otherStepProblems(step: Mapping, where: string): string[] {
  const uses = String(step.uses)
  const known = OTHER_ACTIONS[uses]
  if (!known) return [`${where}: uses ${uses}, whose inputs this test does not know: add them to OTHER_ACTIONS`]
  const given = isMapping(step.with) ? step.with : {}
  return [
    ...Object.keys(given)
      .filter(name => !known.inputs.includes(name) && !(known.prefix && name.startsWith(known.prefix)))
      .map(name => `${where}: ${uses} has no input "${name}"`),
    ...known.required.filter(name => !(name in given)).map(name => `${where}: ${uses} needs the input "${name}"`)
  ]
}

function permissionProblems(permissions: unknown, where: string): string[] {
  if (!isMapping(permissions)) return [`${where}: permissions is not a mapping of scopes (write {} for none)`]
  return Object.entries(permissions).flatMap(([scope, level]) => [
    ...(PERMISSIONS.includes(scope) ? [] : [`${where}: permissions names an unknown scope "${scope}"`]),
    ...(['read', 'write', 'none'].includes(String(level)) ? [] : [`${where}: permissions gives ${scope} the level "${String(level)}"`])
  ])
}

/** Everything that keeps a file from being a complete workflow that runs as pasted. */
function workflowProblems(text: string, file: string): string[] {
  const workflow = parseYaml(text, file)
  if (!isMapping(workflow)) return [`${file}: not a mapping`]
  const problems: string[] = []
  for (const key of ['name', 'on', 'permissions', 'jobs']) if (!(key in workflow)) problems.push(`${file}: no ${key}`)
  if ('permissions' in workflow) problems.push(...permissionProblems(workflow.permissions, file))
  const jobs = isMapping(workflow.jobs) ? Object.entries(workflow.jobs) : []
  if (jobs.length === 0) problems.push(`${file}: no job`)
  let actionSteps = 0
  for (const [id, job] of jobs) {
    const where = `${file} job ${id}`
    if (!isMapping(job)) {
      problems.push(`${where}: not a mapping`)
      continue
    }
    if (!job['runs-on']) problems.push(`${where}: no runs-on`)
    if ('permissions' in job) problems.push(...permissionProblems(job.permissions, where))
    const steps = Array.isArray(job.steps) ? (job.steps as unknown[]) : []
    if (steps.length === 0) problems.push(`${where}: no steps`)
    steps.forEach((step, index) => {
      const at = `${where} step ${index + 1}`
      if (!isMapping(step) || Object.hasOwn(step, 'uses') === Object.hasOwn(step, 'run')) {
        problems.push(`${at}: a step has either uses or run`)
      } else if (typeof step.uses === 'string' && step.uses.startsWith(`${ACTION}@`)) {
        actionSteps++
        problems.push(...actionStepProblems(step, at))
      } else if ('uses' in step) {
        problems.push(...otherStepProblems(step, at))
      }
    })
  }
  if (actionSteps === 0) problems.push(`${file}: no step uses ${ACTION}`)
  return problems
}

/** Every mapping in a YAML value that uses this action (a step, wherever it is). */
function actionSteps(value: unknown): Mapping[] {
  if (Array.isArray(value)) return value.flatMap(actionSteps)
  if (!isMapping(value)) return []
  const self = typeof value.uses === 'string' && value.uses.startsWith(`${ACTION}@`) ? [value] : []
  return [...self, ...Object.values(value).flatMap(actionSteps)]
}

interface Block {
  /** The file named by the marker right before the block, if any. */
  example?: string
  lang: string
  text: string
  line: number
}

const MARKER = /^<!-- example: (\S+) -->$/

/** The README's fenced code blocks, each with the example its marker names. */
function fencedBlocks(readme: string): { blocks: Block[]; strayMarkers: string[] } {
  const lines = readme.split('\n')
  const blocks: Block[] = []
  const strayMarkers: string[] = []
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!
    const marker = MARKER.exec(line)
    if (marker && !lines[i + 1]?.startsWith('```')) strayMarkers.push(`line ${i + 1}: ${line} is not right before a fenced block`)
    if (!line.startsWith('```')) continue
    const start = i
    const body: string[] = []
    for (i++; i < lines.length && lines[i] !== '```'; i++) body.push(lines[i]!)
    const example = MARKER.exec(lines[start - 1] ?? '')?.[1]
    blocks.push({ example, lang: line.slice(3).trim(), text: body.length > 0 ? `${body.join('\n')}\n` : '', line: start + 1 })
  }
  return { blocks, strayMarkers }
}

const readme = readFileSync(join(ROOT, 'README.md'), 'utf8')
const { blocks, strayMarkers } = fencedBlocks(readme)
const files = readdirSync(join(ROOT, EXAMPLES))
  .filter(name => name.endsWith('.yml'))
  .sort()
  .map(name => `${EXAMPLES}/${name}`)
const read = (file: string): string => readFileSync(join(ROOT, file), 'utf8')

describe('docs/examples', () => {
  test('there are examples', () => {
    expect(files.length).toBeGreaterThan(0)
  })

  test.each(files)('%s is a complete workflow whose inputs the action accepts', file => {
    expect(workflowProblems(read(file), file)).toEqual([])
  })
})

describe('the README shows the examples verbatim', () => {
  test('every example is shown once, after its marker', () => {
    const shown = blocks.flatMap(b => (b.example ? [b.example] : [])).sort()
    expect(shown).toEqual(files)
  })

  test('every marker is right before a fenced yaml block', () => {
    expect(strayMarkers).toEqual([])
    expect(blocks.filter(b => b.example && b.lang !== 'yaml').map(b => `line ${b.line}: ${b.example} is shown as ${b.lang || 'plain text'}`)).toEqual([])
  })

  test.each(files)('the block marked %s is the file byte for byte', file => {
    const block = blocks.find(b => b.example === file)
    expect(block?.text).toBe(read(file))
  })

  test('a yaml block without a marker that uses the action gives it only inputs it accepts', () => {
    const problems = blocks
      .filter(b => !b.example && b.lang === 'yaml' && b.text.includes(`${ACTION}@`))
      .flatMap(b => {
        const where = `README.md line ${b.line}`
        return actionSteps(parseYaml(b.text, where)).flatMap((step, index) => actionStepProblems(step, `${where} step ${index + 1}`))
      })
    expect(problems).toEqual([])
  })
})

describe('the check itself', () => {
  const gate = read(`${EXAMPLES}/gate-pull-requests.yml`)

  test('refuses an input action.yml does not declare, a value the action refuses, and a missing permissions block', () => {
    const broken = gate.replace('fail-on: open', 'fail-on: sometimes\n          fail-fast: true').replace(/^permissions: \{\}\n/m, '')
    expect(workflowProblems(broken, 'broken.yml')).toEqual([
      'broken.yml: no permissions',
      'broken.yml job gate step 1: input "fail-fast" is not declared in action.yml',
      'broken.yml job gate step 1: Input "fail-on" has the value "sometimes": expected one of open, stale, expiring, never.'
    ])
  })

  test('checks the literal parts of a value with an expression in it, and refuses YAML with a warning', () => {
    const broken = gate.replace('branch: ${{ github.head_ref }}', 'branch: refs/pull/${{ github.event.number }}/merge')
    expect(workflowProblems(broken, 'broken.yml')).toEqual([expect.stringContaining('Input "branch" has the value "refs/pull/example/merge"')])
    expect(() => workflowProblems(`${gate}x: !!int 3\n`, 'tagged.yml')).toThrow(/Unresolved tag/)
  })
})
