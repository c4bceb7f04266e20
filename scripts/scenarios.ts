/**
 * The workflows `npm run demo` runs (and `npm run screenshot` pictures): the
 * uses of the action, against the fake GitHub seeded with a realistic
 * enterprise.
 */
import { ALERTS, ENTERPRISES, seedRequests } from '../test/fake-github/seed.js'
import { FakeGitHub } from '../test/fake-github/server.js'

/** The fake GitHub the demo runs against, started. */
/** The demo's fake GitHub, listening on `port` of 127.0.0.1 (0: one the system picks). */
export async function startDemoGitHub(port = 0): Promise<FakeGitHub> {
  const fake = new FakeGitHub({ enterprises: ENTERPRISES, requests: seedRequests() })
  for (const { kind, repository, number, fields } of ALERTS) fake.setAlert(kind, repository, number, fields)
  await fake.start(port)
  return fake
}

export interface Scenario {
  title: string
  /** The workflow step, in one line. */
  workflow: string
  inputs: Record<string, string>
}

export const NIGHTLY: Scenario = {
  title: 'Nightly stale-request report for the organization',
  workflow: 'on: schedule — uses: exemption-requests with scope: organization, organization: octo-org, stale-after: 2d, metrics: true, include-alerts: true',
  inputs: { scope: 'organization', organization: 'octo-org', 'stale-after': '2d', metrics: 'true', 'include-alerts': 'true' }
}

export const SCENARIOS: Scenario[] = [
  NIGHTLY,
  {
    title: 'Pull request gate on octo-org/smile, branch my-branch',
    workflow: 'on: pull_request — uses: exemption-requests with fail-on: open, branch: my-branch, request-types: secret-scanning-bypass',
    inputs: { 'fail-on': 'open', branch: 'my-branch', 'request-types': 'secret-scanning-bypass' }
  },
  {
    title: 'Justification policy: deny requests without a ticket, dry run first',
    workflow:
      'on: schedule — uses: exemption-requests with scope: organization, require-comment-pattern: (SEC|JIRA)-\\d+, min-comment-length: 15, policy-action: deny, dry-run: true',
    inputs: {
      scope: 'organization',
      organization: 'octo-org',
      'require-comment-pattern': '(SEC|JIRA)-\\d+',
      'min-comment-length': '15',
      'policy-action': 'deny',
      'deny-message': 'Denied automatically: {reason}. Reference the security ticket (SEC-123) in a new request for {repository}#{number}.',
      'max-reviews': '50',
      'dry-run': 'true',
      'fail-on': 'never'
    }
  },
  {
    title: 'Bulk review, dry run first',
    workflow: 'on: workflow_dispatch — uses: exemption-requests with scope: organization, review: deny, review-targets: all, dry-run: true, repositories: octo-org/web',
    inputs: {
      scope: 'organization',
      organization: 'octo-org',
      repositories: 'octo-org/web',
      review: 'deny',
      'review-targets': 'all',
      'review-message': 'Denied in the weekly review: fix the finding instead.',
      'dry-run': 'true',
      'fail-on': 'never'
    }
  }
]
