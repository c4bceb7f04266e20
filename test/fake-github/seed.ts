/**
 * A realistic enterprise for the demo: two organizations, several
 * repositories and a few dozen requests of all five types, of many ages and
 * statuses, taken from GitHub's documentation examples and varied.
 */
import { makeRequest, type RequestSpec, type StoredRequest, type StoredResponse } from './model.js'

const HOUR = 3_600_000

/** A response given `afterHours` after a request made `ageHours` ago: the delays a review process really has. */
function response(id: number, ageHours: number, afterHours: number, reviewer: string, status: 'approved' | 'denied'): StoredResponse {
  return { id, reviewer, status, created_at: new Date(Date.now() - (ageHours - afterHours) * HOUR).toISOString() }
}

export const ENTERPRISES = { 'octo-enterprise': ['octo-org', 'octo-labs'] }

const SPECS: RequestSpec[] = [
  // Secret scanning push protection bypass requests.
  {
    kind: 'secret-scanning-bypass',
    repository: 'octo-org/smile',
    number: 42,
    ageHours: 76,
    requester: 'monalisa',
    comment: 'Test token used in the readme as an example',
    path: '/tests/README.md:16:0',
    branch: 'refs/heads/main'
  },
  {
    kind: 'secret-scanning-bypass',
    repository: 'octo-org/smile',
    number: 43,
    ageHours: 30,
    requester: 'hubot',
    reason: 'false_positive',
    secretType: 'aws_access_key_id',
    comment: 'It is the AWS example key from their docs, see SEC-1907',
    path: 'docs/aws.md:12:4',
    branch: 'refs/heads/feature/aws-docs'
  },
  {
    kind: 'secret-scanning-bypass',
    repository: 'octo-org/smile',
    number: 44,
    ageHours: 3,
    requester: 'octocat',
    reason: 'fix_later',
    secretType: 'slack_incoming_webhook_url',
    comment: "Token is already revoked, I'll remove it later",
    path: 'config/notify.yml:3:10',
    branch: 'refs/heads/my-branch'
  },
  {
    kind: 'secret-scanning-bypass',
    repository: 'octo-org/api-gateway',
    number: 7,
    ageHours: 150,
    requester: 'mona-dev',
    secretType: 'github_personal_access_token',
    reason: 'used_in_tests',
    comment: 'Fixture for the token parser tests',
    path: 'test/fixtures/tokens.txt:4:0',
    branch: 'refs/heads/main'
  },
  {
    kind: 'secret-scanning-bypass',
    repository: 'octo-org/payments',
    number: 18,
    ageHours: 50,
    requester: 'paula',
    secretType: 'stripe_api_key',
    reason: 'false_positive',
    comment: 'This is a publishable key, not a secret',
    path: 'web/checkout.js:88:14',
    branch: 'refs/heads/release/2.4'
  },
  {
    kind: 'secret-scanning-bypass',
    repository: 'octo-org/smile',
    number: 40,
    ageHours: 200,
    status: 'denied',
    requester: 'monalisa',
    responses: [response(501, 200, 10, 'security-lead', 'denied')]
  },
  {
    kind: 'secret-scanning-bypass',
    repository: 'octo-org/web',
    number: 12,
    ageHours: 96,
    status: 'approved',
    requester: 'webdev',
    responses: [response(502, 96, 6, 'security-lead', 'approved')]
  },
  {
    kind: 'secret-scanning-bypass',
    repository: 'octo-org/smile',
    number: 38,
    ageHours: 260,
    status: 'approved',
    requester: 'hubot',
    responses: [response(503, 260, 0.5, 'appsec-oncall', 'approved')]
  },
  {
    kind: 'secret-scanning-bypass',
    repository: 'octo-org/api-gateway',
    number: 5,
    ageHours: 330,
    status: 'expired',
    requester: 'mona-dev',
    comment: 'Need this for the release, please'
  },
  {
    kind: 'secret-scanning-bypass',
    repository: 'octo-org/payments',
    number: 15,
    ageHours: 161,
    requester: 'paula',
    secretType: 'stripe_api_key',
    reason: 'used_in_tests',
    comment: 'Test-mode key for the sandbox checkout',
    path: 'test/checkout.spec.js:12:2',
    branch: 'refs/heads/main'
  },
  {
    kind: 'secret-scanning-bypass',
    repository: 'octo-labs/prototype',
    number: 3,
    ageHours: 10,
    requester: 'lab-rat',
    secretType: 'openai_api_key',
    reason: 'fix_later',
    comment: 'Demo key for the hackathon, rotating Friday',
    path: '.env.example:2:0',
    branch: 'refs/heads/hackathon'
  },
  { kind: 'secret-scanning-bypass', repository: 'octo-org/sandbox', number: 2, ageHours: 5, requester: 'intern-1', comment: 'Just testing', path: 'notes.txt:1:0' },
  // Push ruleset bypass requests.
  {
    kind: 'push-ruleset-bypass',
    repository: 'octo-org/smile',
    number: 24,
    ageHours: 40,
    requester: 'monalisa',
    ruleset: 'Exclude image files',
    comment: 'Updating site images to follow changes in marketing. Part 1'
  },
  {
    kind: 'push-ruleset-bypass',
    repository: 'octo-org/smile',
    number: 25,
    ageHours: 39,
    requester: 'monalisa',
    ruleset: 'Exclude image files',
    comment: 'Updating site images to follow changes in marketing. Part 2'
  },
  {
    kind: 'push-ruleset-bypass',
    repository: 'octo-org/payments',
    number: 9,
    ageHours: 8,
    requester: 'paula',
    ruleset: 'Protect release branches',
    reason: 'non_fast_forward',
    comment: 'Hotfix rebase on release/2.4'
  },
  {
    kind: 'push-ruleset-bypass',
    repository: 'octo-org/web',
    number: 30,
    ageHours: 300,
    status: 'expired',
    requester: 'webdev',
    ruleset: 'Max file size 10 MB',
    reason: 'max_file_size',
    comment: 'Video asset for the landing page'
  },
  {
    kind: 'push-ruleset-bypass',
    repository: 'octo-labs/prototype',
    number: 11,
    ageHours: 1,
    requester: 'lab-rat',
    ruleset: 'Commit message pattern',
    reason: 'commit_message_pattern',
    comment: 'WIP commits, will squash'
  },
  // Secret scanning alert dismissal requests.
  {
    kind: 'secret-scanning-dismissal',
    repository: 'octo-org/smile',
    number: 21,
    alertNumber: 17,
    ageHours: 100,
    requester: 'monalisa',
    reason: 'false_positive',
    comment: 'Test token used in the readme as an example'
  },
  {
    kind: 'secret-scanning-dismissal',
    repository: 'octo-org/smile',
    number: 22,
    alertNumber: 19,
    alertNumberAs: 'integer',
    ageHours: 12,
    requester: 'hubot',
    reason: 'revoked',
    secretType: 'azure_storage_account_key',
    comment: 'Rotated in the portal this morning'
  },
  {
    kind: 'secret-scanning-dismissal',
    repository: 'octo-org/api-gateway',
    number: 4,
    alertNumber: 31,
    ageHours: 60,
    requester: 'mona-dev',
    reason: 'tests',
    secretType: 'github_personal_access_token',
    comment: 'Token of a deleted test account'
  },
  {
    kind: 'secret-scanning-dismissal',
    repository: 'octo-org/payments',
    number: 8,
    alertNumber: 12,
    ageHours: 400,
    status: 'approved',
    requester: 'paula',
    reason: 'revoked',
    responses: [response(504, 400, 26, 'appsec-oncall', 'approved')]
  },
  {
    kind: 'secret-scanning-dismissal',
    repository: 'octo-org/web',
    number: 3,
    alertNumber: 8,
    ageHours: 220,
    status: 'expired',
    requester: 'webdev',
    reason: 'false_positive',
    comment: 'Looks like a test string'
  },
  {
    kind: 'secret-scanning-dismissal',
    repository: 'octo-labs/prototype',
    number: 2,
    alertNumber: 5,
    ageHours: 20,
    requester: 'lab-rat',
    reason: 'fixed_later',
    secretType: 'openai_api_key',
    comment: 'Will rotate after the demo'
  },
  // Code scanning alert dismissal requests.
  {
    kind: 'code-scanning-dismissal',
    repository: 'octo-org/smile',
    number: 42,
    alertNumber: 1,
    alertNumberAs: 'integer',
    ageHours: 26,
    requester: 'monalisa',
    reason: "won't fix",
    comment: "Won't fix: the sink only sees constant strings"
  },
  {
    kind: 'code-scanning-dismissal',
    repository: 'octo-org/api-gateway',
    number: 15,
    alertNumber: 88,
    ageHours: 130,
    requester: 'mona-dev',
    reason: 'false positive',
    comment: 'Sanitized by the middleware, CodeQL does not see it (SEC-2231)'
  },
  {
    kind: 'code-scanning-dismissal',
    repository: 'octo-org/web',
    number: 6,
    alertNumber: 230,
    ageHours: 4,
    requester: 'webdev',
    reason: 'used in tests',
    comment: 'Only in the e2e test harness'
  },
  {
    kind: 'code-scanning-dismissal',
    repository: 'octo-org/payments',
    number: 3,
    alertNumber: 9,
    ageHours: 500,
    status: 'denied',
    requester: 'paula',
    reason: "won't fix",
    comment: 'Legacy endpoint',
    responses: [response(505, 500, 48, 'security-lead', 'denied')]
  },
  {
    kind: 'code-scanning-dismissal',
    repository: 'octo-org/smile',
    number: 40,
    alertNumber: 112,
    ageHours: 300,
    status: 'approved',
    requester: 'hubot',
    reason: 'false positive',
    responses: [response(506, 300, 3.5, 'appsec-oncall', 'approved')]
  },
  {
    kind: 'code-scanning-dismissal',
    repository: 'octo-org/web',
    number: 7,
    alertNumber: 231,
    ageHours: 2,
    requester: 'webdev',
    reason: 'false positive',
    comment: 'Same pattern as 230'
  },
  // Dependabot alert dismissal requests.
  {
    kind: 'dependabot-dismissal',
    repository: 'octo-org/smile',
    number: 42,
    alertNumber: 1,
    ageHours: 55,
    requester: 'monalisa',
    reason: 'no_bandwidth',
    comment: 'No bandwidth to fix this right now'
  },
  {
    kind: 'dependabot-dismissal',
    repository: 'octo-org/smile',
    number: 24,
    alertNumber: 2,
    ageHours: 170,
    status: 'approved',
    requester: 'monalisa',
    reason: 'tolerable_risk',
    comment: 'Risk is acceptable for this internal tool',
    responses: [response(507, 170, 20, 'security-lead', 'approved')]
  },
  {
    kind: 'dependabot-dismissal',
    repository: 'octo-org/api-gateway',
    number: 11,
    alertNumber: 14,
    ageHours: 7,
    requester: 'mona-dev',
    reason: 'not_used',
    comment: 'The vulnerable function is never called'
  },
  {
    kind: 'dependabot-dismissal',
    repository: 'octo-org/payments',
    number: 5,
    alertNumber: 40,
    ageHours: 33,
    requester: 'paula',
    reason: 'inaccurate',
    comment: 'Advisory covers 1.x only; we use 2.3 (JIRA-881)'
  },
  { kind: 'dependabot-dismissal', repository: 'octo-org/web', number: 19, alertNumber: 77, ageHours: 260, status: 'expired', requester: 'webdev', reason: 'fix_started' },
  {
    kind: 'dependabot-dismissal',
    repository: 'octo-org/api-gateway',
    number: 9,
    alertNumber: 21,
    ageHours: 190,
    status: 'denied',
    requester: 'mona-dev',
    reason: 'no_bandwidth',
    responses: [response(508, 190, 12, 'appsec-oncall', 'denied')]
  },
  {
    kind: 'dependabot-dismissal',
    repository: 'octo-org/docs',
    number: 2,
    alertNumber: 3,
    ageHours: 15,
    requester: 'writer',
    reason: 'tolerable_risk',
    comment: 'Static site, the dev server is never deployed'
  }
]

export function seedRequests(now = Date.now()): StoredRequest[] {
  return SPECS.map(spec => makeRequest(spec, now))
}

/** What the alerts of a few requests say beyond the fake's defaults: a leaked token that still works, a critical finding. */
export const ALERTS: { kind: 'secret-scanning' | 'code-scanning' | 'dependabot'; repository: string; number: number; fields: Record<string, unknown> }[] = [
  { kind: 'secret-scanning', repository: 'octo-org/api-gateway', number: 31, fields: { validity: 'active' } },
  { kind: 'secret-scanning', repository: 'octo-org/smile', number: 19, fields: { validity: 'inactive' } },
  {
    kind: 'code-scanning',
    repository: 'octo-org/api-gateway',
    number: 88,
    fields: { rule: { security_severity_level: 'high', description: 'Database query built from user-controlled sources' } }
  },
  {
    kind: 'dependabot',
    repository: 'octo-org/payments',
    number: 40,
    fields: { security_advisory: { severity: 'critical', cve_id: 'CVE-2024-4068', summary: 'Uncontrolled resource consumption in braces' } }
  }
]
