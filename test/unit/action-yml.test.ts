/** action.yml declares exactly the interface the product design names, and the code reads only declared inputs. */
import { describe, expect, test } from '@jest/globals'
import { readFileSync } from 'node:fs'
import { actionYaml, ROOT } from '../fake-github/runner.js'
import { countRecords } from '../../src/classify.js'
import { requestsJson, writeOutputs } from '../../src/report/outputs.js'
import { stdoutOf } from './stdout.js'

const DEFAULTS: Record<string, string | undefined> = {
  token: '${{ github.token }}',
  'api-url': '${{ github.api_url }}',
  scope: 'repository',
  repository: '${{ github.repository }}',
  organization: undefined,
  enterprise: undefined,
  'request-types': 'all',
  'request-status': 'open',
  'time-period': 'month',
  requester: undefined,
  reviewer: undefined,
  'repository-name': undefined,
  'organization-name': undefined,
  repositories: undefined,
  branch: undefined,
  'stale-after': '24h',
  'expiring-within': '24h',
  'fail-on': 'stale',
  annotations: 'true',
  'job-summary': 'true',
  review: 'none',
  'review-message': undefined,
  'review-targets': undefined,
  'max-reviews': '20',
  'dry-run': 'false',
  'max-concurrency': '4',
  metrics: 'false',
  'require-comment-pattern': undefined,
  'min-comment-length': '0',
  'policy-action': 'report',
  'deny-message': undefined,
  'include-alerts': 'false'
}

const OUTPUTS = [
  'total',
  'open',
  'stale',
  'expiring',
  'reviewed',
  'review-failures',
  'requests',
  'report-json',
  'report-markdown',
  'expired-unanswered',
  'median-response-hours'
]

describe('action.yml', () => {
  test('runs the bundle on node24 and has a name, description and branding', () => {
    const yaml = actionYaml as unknown as { name: string; description: string; branding: { icon: string; color: string }; runs: { using: string; main: string } }
    expect(yaml.runs).toEqual({ using: 'node24', main: 'dist/index.js' })
    expect(yaml.name).toBe('Exemption Requests')
    expect(yaml.description.length).toBeGreaterThan(20)
    expect(yaml.branding.icon).toBeTruthy()
    expect(yaml.branding.color).toBeTruthy()
  })

  test.each(Object.entries(DEFAULTS))('input %s has the default %s and a description', (name, expected) => {
    const input = actionYaml.inputs[name]
    expect(input).toBeDefined()
    expect(input!.default).toBe(expected)
    expect(input!.description.length).toBeGreaterThan(10)
  })

  test('declares no input and no output beyond the design', () => {
    expect(Object.keys(actionYaml.inputs).sort()).toEqual(Object.keys(DEFAULTS).sort())
    expect(Object.keys(actionYaml.outputs).sort()).toEqual([...OUTPUTS].sort())
  })

  test('every input the code reads is declared, and every declared input is read', () => {
    const source = ['inputs.ts', 'scope.ts'].map(file => readFileSync(`${ROOT}/src/${file}`, 'utf8')).join('\n')
    const read = new Set([...source.matchAll(/(?:text|oneOf|boolean|integer|login|list|duration|readNameFilter)\((?:inputs, )?'([a-z-]+)'/g)].map(m => m[1]))
    expect([...read].sort()).toEqual(Object.keys(DEFAULTS).sort())
  })

  test('every output the code sets is declared', () => {
    // Without a GITHUB_OUTPUT file, each output is printed as a `::set-output name=…::` command.
    const saved = process.env.GITHUB_OUTPUT
    delete process.env.GITHUB_OUTPUT
    try {
      const out = stdoutOf(() => writeOutputs(countRecords([]), requestsJson([]), undefined, { json: 'r.json', markdown: 'r.md' }, undefined))
      const set = [...out.matchAll(/^::set-output name=([a-z-]+)::/gm)].map(m => m[1])
      expect(set.sort()).toEqual([...OUTPUTS].sort())
    } finally {
      if (saved !== undefined) process.env.GITHUB_OUTPUT = saved
    }
  })
})
