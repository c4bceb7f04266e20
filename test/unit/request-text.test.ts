import { describe, expect, test } from '@jest/globals'
import { classify } from '../../src/classify.js'
import {
  ageText,
  alertText,
  expiryText,
  labelOf,
  policyText,
  requestDetails,
  requestLabel,
  requestTitle,
  reviewText,
  shownNumber,
  stateText
} from '../../src/request-text.js'
import type { RecordAlert, RecordReview } from '../../src/requests.js'
import { HOUR, NOW, bypass, dismissal, fetchedAlert, plainRecord, pushRule, unavailableAlert } from './record-builders.js'

/** A code scanning dismissal request (number 42) whose data names no alert. */
const withoutAlert = () => dismissal('code-scanning-dismissal', 42, 17, { data: [{ reason: "won't fix" }] })

describe('how a request is named', () => {
  test.each([
    {
      name: 'a bypass request: its request number',
      make: () => bypass(5),
      shown: { noun: 'request', number: 5 },
      label: 'secret-scanning-bypass octo-org/smile request #5',
      target: 'secret-scanning-bypass:octo-org/smile#5',
      title: 'Secret scanning bypass request octo-org/smile request #5'
    },
    {
      name: 'a push ruleset bypass request (no review call): its request number',
      make: () => pushRule(3),
      shown: { noun: 'request', number: 3 },
      label: 'push-ruleset-bypass octo-org/smile request #3',
      target: 'push-ruleset-bypass:octo-org/smile#3',
      title: 'Push ruleset bypass request octo-org/smile request #3'
    },
    {
      name: 'a dismissal request: its alert number, not its request number',
      make: () => dismissal('secret-scanning-dismissal', 42, 17),
      shown: { noun: 'alert', number: 17 },
      label: 'secret-scanning-dismissal octo-org/smile alert #17',
      target: 'secret-scanning-dismissal:octo-org/smile#17',
      title: 'Secret scanning alert dismissal request octo-org/smile alert #17'
    },
    {
      name: 'a Dependabot dismissal request: its alert number',
      make: () => dismissal('dependabot-dismissal', 44, 9),
      shown: { noun: 'alert', number: 9 },
      label: 'dependabot-dismissal octo-org/smile alert #9',
      target: 'dependabot-dismissal:octo-org/smile#9',
      title: 'Dependabot alert dismissal request octo-org/smile alert #9'
    }
  ])('$name', ({ make, shown, label, target, title }) => {
    const r = make()
    expect([shownNumber(r), requestLabel(r), r.target, requestTitle(r)]).toEqual([shown, label, target, title])
  })

  test('a dismissal request that names no alert: no target; its request number, labelled as such, in the label and title', () => {
    const r = withoutAlert()
    expect(r.alert_numbers).toEqual([])
    expect(r.alert_number).toBeNull()
    expect(shownNumber(r)).toEqual({ noun: 'request', number: 42 })
    expect(r.target).toBeNull()
    expect(requestLabel(r)).toBe('code-scanning-dismissal octo-org/smile request #42')
    expect(requestTitle(r)).toBe('Code scanning alert dismissal request octo-org/smile request #42')
  })

  test('a dismissal request that names two alerts: neither is guessed', () => {
    const r = dismissal('code-scanning-dismissal', 42, 17, { data: [{ alert_number: '17' }, { alert_number: 18 }] })
    expect([r.alert_numbers, r.alert_number, r.target]).toEqual([[17, 18], null, null])
    expect(requestLabel(r)).toBe('code-scanning-dismissal octo-org/smile request #42')
  })

  test('labelOf: type, repository and labelled number; an unreadable number or repository says so', () => {
    expect(labelOf('dependabot-dismissal', 'octo-org/api', { noun: 'alert', number: 8 })).toBe('dependabot-dismissal octo-org/api alert #8')
    expect(labelOf('secret-scanning-bypass', '', { noun: 'request', number: null })).toBe('secret-scanning-bypass (no repository) request #?')
  })
})

describe('ageText', () => {
  test.each([
    [0, '<1m'],
    [0.1, '6m'],
    [1.5, '1h 30m'],
    [26.5, '1d 2h'],
    [79, '3d 7h'],
    [24 * 9 + 5, '9d 5h']
  ])('age_hours %d → %s', (hours, text) => {
    expect(ageText(plainRecord({ age_hours: hours }))).toBe(text)
  })
})

describe('stateText', () => {
  test.each([
    ['expiring and stale: both, expiring first', { expiring: true, stale: true, open: true, status: 'open' }, 'expiring, stale'],
    ['expiring, not stale', { expiring: true, stale: false, open: true, status: 'pending' }, 'expiring'],
    ['stale before open', { stale: true, open: true, status: 'open' }, 'stale'],
    ['open', { stale: false, open: true, status: 'open' }, 'open'],
    ['pending reads as open', { stale: false, open: true, status: 'pending' }, 'open'],
    ['closed: the status GitHub sent', { stale: false, open: false, status: 'denied' }, 'denied'],
    ['expired', { stale: false, open: false, status: 'expired' }, 'expired']
  ])('%s', (_name, fields, text) => {
    expect(stateText(plainRecord(fields))).toBe(text)
  })
})

describe('expiryText', () => {
  /** Classified against NOW, so that expires_in_hours is set as in a run. */
  const expiring = (expires_at: string | null) => classify(plainRecord({ expires_at }), NOW, 24 * HOUR)

  test('time left: the two largest units', () => {
    expect(expiryText(expiring(new Date(NOW + 51 * HOUR).toISOString()))).toBe('2d 3h')
    expect(expiryText(expiring('2025-03-10T13:30:00Z'))).toBe('1h 30m')
  })

  test('under a minute left', () => {
    expect(expiryText(plainRecord({ expires_in_hours: 0.01 }))).toBe('<1m')
  })

  test('read from expires_in_hours as classify set it, not from expires_at', () => {
    const later = new Date(NOW + 51 * HOUR).toISOString()
    expect(expiryText(plainRecord({ expires_at: later, expires_in_hours: -1 }))).toBe('expired')
    expect(expiryText(plainRecord({ expires_at: later, expires_in_hours: null }))).toBeUndefined()
    expect(expiryText(plainRecord({ expires_at: null, expires_in_hours: 0.1 }))).toBe('6m')
  })

  test('expired: in the past, or exactly now', () => {
    expect(expiryText(expiring(new Date(NOW - HOUR).toISOString()))).toBe('expired')
    expect(expiryText(expiring(new Date(NOW).toISOString()))).toBe('expired')
  })

  test('no expiry, or one that is not a date: undefined', () => {
    expect(expiryText(expiring(null))).toBeUndefined()
    expect(expiryText(expiring('soon'))).toBeUndefined()
  })
})

describe('requestDetails', () => {
  test('reasons, then secret types, then the ruleset', () => {
    expect(requestDetails(plainRecord({ reasons: ['used_in_tests'], secret_types: ['adafruit_io_key', 'aws_access_key_id'], ruleset: 'Protect main' }))).toBe(
      'used_in_tests, adafruit_io_key, aws_access_key_id, Protect main'
    )
  })

  test('the records GitHub sends for each type', () => {
    expect(requestDetails(bypass(1))).toBe('used_in_tests, adafruit_io_key')
    expect(requestDetails(pushRule(2))).toBe('file_extension_restriction, Exclude image files')
    expect(requestDetails(dismissal('secret-scanning-dismissal', 3, 4))).toBe('false_positive, adafruit_io_key')
    expect(requestDetails(withoutAlert())).toBe("won't fix")
  })

  test('nothing: an empty string', () => {
    expect(requestDetails(plainRecord({ reasons: [], secret_types: [], ruleset: null }))).toBe('')
  })
})

describe('reviewText', () => {
  const reviewed = (status: string, review: RecordReview | null) => plainRecord({ status, open: status === 'open', review })
  const review = (action: string, outcome: RecordReview['outcome'], http_status: number | null = null, message: string | null = null): RecordReview => ({
    action,
    outcome,
    http_status,
    message
  })

  test.each<[string, string, RecordReview | null, string | undefined]>([
    ['an approve this run made: the status it left', 'approved', review('approve', 'done', 200), 'approved by this run'],
    ['a deny this run made', 'denied', review('deny', 'done', 200), 'denied by this run'],
    ['a dry run: what it would do', 'open', review('deny', 'dry-run'), 'would deny (dry run)'],
    ['a failed call', 'open', review('deny', 'failed', 422, 'GitHub answered 422.'), 'deny failed'],
    ['a failed approve', 'open', review('approve', 'failed', null, 'No answer.'), 'approve failed'],
    ['responses dismissed', 'approved', review('dismiss-response', 'done', 204), 'responses dismissed by this run'],
    ['a dry run of dismiss-response', 'approved', review('dismiss-response', 'dry-run'), 'would dismiss responses (dry run)'],
    ['skipped: nothing to say', 'denied', review('approve', 'skipped', null, 'not open (status denied), nothing to review'), undefined],
    ['not reviewed by this run', 'open', null, undefined]
  ])('%s', (_name, status, given, text) => {
    expect(reviewText(reviewed(status, given))).toBe(text)
  })
})

describe('alertText', () => {
  test.each<[string, RecordAlert | null, string | undefined]>([
    ['not fetched', null, undefined],
    ['could not be fetched', unavailableAlert(), 'alert unavailable'],
    ['an active secret', fetchedAlert({ state: 'open', validity: 'active', secret_type: 'Adafruit IO Key' }), 'secret still active · Adafruit IO Key · open'],
    ['an inactive secret', fetchedAlert({ state: 'open', validity: 'inactive', secret_type: 'Adafruit IO Key' }), 'secret inactive · Adafruit IO Key · open'],
    [
      'a secret of unknown validity, resolved',
      fetchedAlert({ state: 'resolved', validity: 'unknown', secret_type: 'Slack API Token' }),
      'secret unknown · Slack API Token · resolved'
    ],
    ['a secret without validity', fetchedAlert({ state: 'open', secret_type: 'Adafruit IO Key' }), 'Adafruit IO Key · open'],
    ['code scanning: severity and state, not the description', fetchedAlert({ state: 'open', severity: 'high', description: 'Arbitrary file write' }), 'high · open'],
    [
      'Dependabot: severity, CVE and state',
      fetchedAlert({ state: 'open', severity: 'critical', cve_id: 'CVE-2024-1234', description: 'RCE' }),
      'critical · CVE-2024-1234 · open'
    ],
    ['Dependabot without a CVE, dismissed', fetchedAlert({ state: 'dismissed', severity: 'low' }), 'low · dismissed']
  ])('%s', (_name, alert, text) => {
    expect(alertText(plainRecord({ type: 'secret-scanning-dismissal', alert }))).toBe(text)
  })
})

describe('policyText', () => {
  test.each<[string[], string | undefined]>([
    [[], undefined],
    [['the comment is blank'], 'fails the justification policy: the comment is blank'],
    [
      ['the comment has 5 characters, fewer than the 10 the policy asks for', 'the comment does not match SEC-\\d+'],
      'fails the justification policy: the comment has 5 characters, fewer than the 10 the policy asks for; the comment does not match SEC-\\d+'
    ]
  ])('%j → %j', (violations, text) => {
    expect(policyText(plainRecord({ policy_violations: violations }))).toBe(text)
  })
})
