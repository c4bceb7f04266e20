/** The workflows `npm run demo` runs (and `npm run screenshot` pictures): the three uses of the action. */

export interface Scenario {
  title: string
  /** The workflow step, in one line. */
  workflow: string
  inputs: Record<string, string>
}

export const NIGHTLY: Scenario = {
  title: 'Nightly stale-request report for the organization',
  workflow: 'on: schedule — uses: exemption-requests with scope: organization, organization: octo-org, stale-after: 2d, metrics: true',
  inputs: { scope: 'organization', organization: 'octo-org', 'stale-after': '2d', metrics: 'true' }
}

export const SCENARIOS: Scenario[] = [
  NIGHTLY,
  {
    title: 'Pull request gate on octo-org/smile, branch my-branch',
    workflow: 'on: pull_request — uses: exemption-requests with fail-on: open, branch: my-branch, request-types: secret-scanning-bypass',
    inputs: { 'fail-on': 'open', branch: 'my-branch', 'request-types': 'secret-scanning-bypass' }
  },
  {
    title: 'Bulk review, dry run first',
    workflow:
      'on: workflow_dispatch — uses: exemption-requests with scope: organization, review: deny, review-targets: all, dry-run: true, repositories: octo-org/web',
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
