import { describe, expect, test } from '@jest/globals'
import { byUrgency } from '../../../src/classify.js'
import { repositoryFilter } from '../../../src/repositories.js'
import { PER_LEVEL, annotationFor, isInsideRepository, patternWarnings, planAnnotations, problemWarnings, type Annotation } from '../../../src/report/annotations.js'
import type { RequestRecord } from '../../../src/requests.js'
import type { RequestSpec } from '../../fake-github/model.js'
import { REPO, bypass, dismissal, many, plainRecord, record, secretAlert, settingsWith, unavailableAlert } from '../record-builders.js'

function levels(annotations: Annotation[]): string[] {
  return annotations.map(a => a.level)
}

/** The titles of secret scanning bypass requests in REPO, by number. */
function titles(...numbers: number[]): string[] {
  return numbers.map(n => `Secret scanning bypass request ${REPO} request #${n}`)
}

function count(annotations: Annotation[], level: string): number {
  return annotations.filter(a => a.level === level).length
}

describe('planAnnotations: levels', () => {
  const records = [
    bypass(1, { ageHours: 50 }),
    bypass(2, { ageHours: 30 }),
    bypass(3, { ageHours: 5 }),
    bypass(4, { ageHours: 2 }),
    bypass(5, { ageHours: 100, status: 'denied' })
  ].sort(byUrgency)

  test('the records are two stale, two open and one denied', () => {
    expect(records.map(r => [r.number, r.stale, r.open])).toEqual([
      [1, true, true],
      [2, true, true],
      [3, false, true],
      [4, false, true],
      [5, false, false]
    ])
  })

  test('fail-on stale: stale ones are errors, other open ones warnings, the denied one nothing', () => {
    const a = planAnnotations(records, settingsWith({ 'fail-on': 'stale' }))
    expect(levels(a)).toEqual(['error', 'error', 'warning', 'warning'])
    expect(a.map(x => x.properties.title)).toEqual(titles(1, 2, 3, 4))
  })

  test('fail-on open: every open request is an error', () => {
    expect(levels(planAnnotations(records, settingsWith({ 'fail-on': 'open' })))).toEqual(['error', 'error', 'error', 'error'])
  })

  test('fail-on never: every open request is a warning', () => {
    expect(levels(planAnnotations(records, settingsWith({ 'fail-on': 'never' })))).toEqual(['warning', 'warning', 'warning', 'warning'])
  })

  test('no open request: no annotation at all', () => {
    const closed = [bypass(1, { status: 'denied' }), bypass(2, { status: 'approved' }), bypass(3, { status: 'expired' })]
    expect(planAnnotations(closed, settingsWith({ 'fail-on': 'open' }))).toEqual([])
  })
})

describe('planAnnotations: fail-on expiring', () => {
  const records = [
    bypass(1, { ageHours: 50 }),
    bypass(2, { ageHours: 7 * 24 - 5 }),
    bypass(3, { ageHours: 5 }),
    bypass(6, { ageHours: 2, override: { expires_at: '2025-03-10T15:00:00Z' } }),
    bypass(5, { ageHours: 7 * 24 - 1, status: 'denied' })
  ].sort(byUrgency)

  test('the records: two expiring (one stale, one not), one stale, one open, one denied close to its expiry', () => {
    expect(records.map(r => [r.number, r.expiring, r.stale, r.open])).toEqual([
      [6, true, false, true],
      [2, true, true, true],
      [1, false, true, true],
      [3, false, false, true],
      [5, false, false, false]
    ])
  })

  test.each([
    ['expiring', 'the expiring ones are errors, the other open ones warnings', ['error', 'error', 'warning', 'warning']],
    ['stale', 'an expiring request that is not stale is a warning', ['warning', 'error', 'error', 'warning']]
  ])('fail-on %s: %s, the denied one nothing', (failOn, _what, expected) => {
    const a = planAnnotations(records, settingsWith({ 'fail-on': failOn }))
    expect(levels(a)).toEqual(expected)
    expect(a.map(x => x.properties.title)).toEqual(titles(6, 2, 1, 3))
  })

  test('an expiring request says so, with its time left', () => {
    const [young, old] = planAnnotations(records, settingsWith({ 'fail-on': 'expiring' }))
    expect(young!.message).toBe(
      `Requested by monalisa (expiring, 2h old, expires in 3h) [used_in_tests, adafruit_io_key]: Test token used in the readme as an example https://github.com/${REPO}/exemptions/6`
    )
    expect(old!.message).toContain('(expiring, stale, 6d 19h old, expires in 5h)')
  })
})

describe('planAnnotations: at most 10 per level', () => {
  test('25 stale requests: the 10 most urgent as errors, then one notice for 15', () => {
    const records = many(25, true)
    const a = planAnnotations(records, settingsWith())
    expect(PER_LEVEL).toBe(10)
    expect(count(a, 'error')).toBe(10)
    expect(a.slice(0, 10).map(x => x.properties.title)).toEqual(records.slice(0, 10).map(r => `Secret scanning bypass request ${REPO} request #${r.number}`))
    expect(a).toHaveLength(11)
    expect(a[10]!.level).toBe('notice')
    expect(a[10]!.message).toMatch(/^15 more open requests are listed/)
    expect(a[10]!.properties.title).toBe('More exemption requests')
  })

  test('12 stale and 13 open: 10 errors, 10 warnings, a notice for 5', () => {
    const records = [...many(12, true), ...many(13, false, 100)]
    const a = planAnnotations(records, settingsWith())
    expect([count(a, 'error'), count(a, 'warning'), count(a, 'notice')]).toEqual([10, 10, 1])
    expect(a.at(-1)!.message).toMatch(/^5 more open requests are listed/)
  })

  const runWarning = (n: number): Annotation => ({ level: 'warning', message: `run warning ${n}`, properties: {} })

  test("the step's failure message and the run's warnings take their slots first", () => {
    const records = [...many(12, true), ...many(13, false, 100)]
    const a = planAnnotations(records, settingsWith(), { stepFails: true, warnings: [runWarning(1), runWarning(2)] })
    // 1 error slot for the failure message; the 2 run warnings are printed first, then 8 request warnings.
    expect([count(a, 'error'), count(a, 'warning')]).toEqual([9, 10])
    expect(a.slice(0, 2).map(x => x.message)).toEqual(['run warning 1', 'run warning 2'])
    expect(a.at(-1)!.message).toMatch(/^8 more open requests are listed/)
  })

  test('a level already full: none of that level, all counted in the notice', () => {
    const warnings = Array.from({ length: 10 }, (_, i) => runWarning(i))
    const a = planAnnotations(many(4, false), settingsWith(), { warnings })
    expect(levels(a)).toEqual([...warnings.map(() => 'warning'), 'notice'])
    expect(a.at(-1)!.message).toMatch(/^4 more open requests are listed/)
    const b = planAnnotations(many(4, false), settingsWith(), { warnings: [...warnings, runWarning(10), runWarning(11)] })
    expect(levels(b)).toEqual([...warnings.map(() => 'warning'), 'notice', 'notice'])
  })

  test("the run's own warnings past 10: one notice tells the first three and counts the rest; nothing goes over GitHub's limit", () => {
    const warnings = Array.from({ length: 15 }, (_, i) => runWarning(i))
    const a = planAnnotations(many(3, true), settingsWith(), { stepFails: true, warnings })
    expect([count(a, 'error'), count(a, 'warning'), count(a, 'notice')]).toEqual([3, 10, 1])
    const notice = a.find(x => x.level === 'notice')!
    expect(notice.properties.title).toBe('More warnings')
    expect(notice.message).toBe(
      "5 more warnings of this run (GitHub shows 10 per step): run warning 10 run warning 11 run warning 12 … and 2 more like them. Every request's problems are in the report-json file."
    )
    const four = planAnnotations([], settingsWith(), { warnings: warnings.slice(0, 11) })
    expect(four.at(-1)!.message).toBe("1 more warning of this run (GitHub shows 10 per step): run warning 10 Every request's problems are in the report-json file.")
  })

  test("requests not annotated (annotations: false): only the run's warnings", () => {
    expect(planAnnotations(null, settingsWith(), { stepFails: true, warnings: [runWarning(1)] })).toEqual([runWarning(1)])
  })

  test('one more: singular', () => {
    const a = planAnnotations(many(11, true), settingsWith())
    expect(a.at(-1)!.message).toMatch(/^1 more open request is listed/)
  })

  test('requests that are not open are not counted in the notice', () => {
    const records = [...many(12, true), bypass(200, { status: 'denied' }), bypass(201, { status: 'expired' })]
    const a = planAnnotations(records, settingsWith())
    expect(a.at(-1)!.message).toMatch(/^2 more open requests are listed/)
  })

  test('everything fits: no notice', () => {
    const a = planAnnotations([...many(10, true), ...many(10, false, 100)], settingsWith())
    expect(count(a, 'notice')).toBe(0)
    expect(a).toHaveLength(20)
  })
})

describe('planAnnotations: file and line', () => {
  const located = (repository: string, path: string) => record({ kind: 'secret-scanning-bypass', repository, number: 7, path, ageHours: 30 })

  test('a request in the repository under check gets file and line', () => {
    const [a] = planAnnotations([located(REPO, 'README.md:17:0')], settingsWith())
    expect(a!.properties).toEqual({ title: `Secret scanning bypass request ${REPO} request #7`, file: 'README.md', startLine: 17 })
  })

  test('a path with a leading slash is relative to the repository root', () => {
    const [a] = planAnnotations([located(REPO, '/tests/README.md:16:0')], settingsWith())
    expect([a!.properties.file, a!.properties.startLine]).toEqual(['tests/README.md', 16])
  })

  test('the repository is compared case-insensitively', () => {
    const [a] = planAnnotations([located(REPO, 'README.md:17:0')], settingsWith({ repository: 'Octo-Org/Smile' }))
    expect([a!.properties.file, a!.properties.startLine]).toEqual(['README.md', 17])
  })

  test('a path without a line: file only', () => {
    const [a] = planAnnotations([located(REPO, 'src/app.ts')], settingsWith())
    expect(a!.properties.file).toBe('src/app.ts')
    expect(a!.properties.startLine).toBeUndefined()
  })

  test('a request in another repository: no file, no line', () => {
    const [a] = planAnnotations([located('octo-org/other', 'README.md:17:0')], settingsWith())
    expect(a!.properties).toEqual({ title: 'Secret scanning bypass request octo-org/other request #7' })
  })

  test('a repository whose name only starts like the one under check: no file', () => {
    const [a] = planAnnotations([located('octo-org/smile-fork', 'README.md:17:0')], settingsWith())
    expect(a!.properties.file).toBeUndefined()
  })

  test('no repository under check (organization scope): no file', () => {
    const s = settingsWith({ scope: 'organization', organization: 'octo-org', repository: '' })
    expect(s.repository).toBeUndefined()
    const [a] = planAnnotations([located(REPO, 'README.md:17:0')], s)
    expect(a!.properties.file).toBeUndefined()
    expect(a!.properties.startLine).toBeUndefined()
  })
})

describe('planAnnotations: titles and messages', () => {
  test.each<[RequestSpec, string]>([
    [{ kind: 'secret-scanning-bypass', repository: REPO, number: 5 }, `Secret scanning bypass request ${REPO} request #5`],
    [{ kind: 'push-ruleset-bypass', repository: REPO, number: 3 }, `Push ruleset bypass request ${REPO} request #3`],
    [{ kind: 'secret-scanning-dismissal', repository: REPO, number: 42, alertNumber: 17 }, `Secret scanning alert dismissal request ${REPO} alert #17`],
    [{ kind: 'code-scanning-dismissal', repository: REPO, number: 43, alertNumber: 4 }, `Code scanning alert dismissal request ${REPO} alert #4`],
    [{ kind: 'dependabot-dismissal', repository: REPO, number: 44, alertNumber: 9 }, `Dependabot alert dismissal request ${REPO} alert #9`]
  ])('%j → %s', (spec, title) => {
    const [a] = planAnnotations([record(spec)], settingsWith())
    expect(a!.properties.title).toBe(title)
  })

  test('the message names requester, state, age, expiry, reasons, comment and link', () => {
    const r = bypass(5, { ageHours: 30, requester: 'hubot', comment: 'Needed for the demo' })
    const [a] = planAnnotations([r], settingsWith())
    expect(a!.message).toBe(
      'Requested by hubot (stale, 1d 6h old, expires in 5d 18h) [used_in_tests, adafruit_io_key]: Needed for the demo ' + `https://github.com/${REPO}/exemptions/5`
    )
  })

  test('the message says what this run did to the request', () => {
    const r = {
      ...bypass(5, { ageHours: 30, requester: 'hubot', comment: 'x' }),
      review: { action: 'deny', outcome: 'failed' as const, http_status: 422, message: 'No.' }
    }
    const [a] = planAnnotations([r], settingsWith())
    expect(a!.message).toBe(
      `Requested by hubot (stale, 1d 6h old, expires in 5d 18h, deny failed) [used_in_tests, adafruit_io_key]: x https://github.com/${REPO}/exemptions/5`
    )
  })

  test('an open request past its expiry is expiring and says expired', () => {
    const [a] = planAnnotations([bypass(5, { ageHours: 8 * 24 })], settingsWith())
    expect(a!.message).toContain('(expiring, stale, 8d old, expired)')
  })
})

describe('annotationFor: the alert and the justification policy', () => {
  const TITLE = `Secret scanning alert dismissal request ${REPO} alert #17`
  const URL = `https://github.com/${REPO}/security/secret-scanning/17`
  const secretDismissal = (more: Partial<RequestRecord>): RequestRecord => ({
    ...dismissal('secret-scanning-dismissal', 42, 17, { ageHours: 2, requester: 'hubot', comment: 'Not a real key' }),
    ...more
  })

  test('an active secret: the alert in brackets and the title says so', () => {
    const a = annotationFor(secretDismissal({ alert: secretAlert('active') }), 'error', settingsWith())
    expect(a.message).toBe(
      'Requested by hubot (open, 2h old, expires in 6d 22h) [false_positive, adafruit_io_key] ' +
        `[alert: secret still active · Adafruit IO Key · open]: Not a real key ${URL}`
    )
    expect(a.properties.title).toBe(`Active secret: ${TITLE}`)
  })

  test('an inactive secret or an alert that could not be fetched: the alert, and the usual title', () => {
    const inactive = annotationFor(secretDismissal({ alert: secretAlert('inactive') }), 'warning', settingsWith())
    expect(inactive.message).toContain(' [alert: secret inactive · Adafruit IO Key · open]: Not a real key ')
    expect(inactive.properties.title).toBe(TITLE)
    const missing = annotationFor(secretDismissal({ alert: unavailableAlert() }), 'warning', settingsWith())
    expect(missing.message).toContain(' [alert: alert unavailable]: ')
    expect(missing.properties.title).toBe(TITLE)
  })

  test('no alert fetched: no brackets for it', () => {
    expect(annotationFor(secretDismissal({}), 'warning', settingsWith()).message).not.toContain('[alert')
  })

  test('a closed request about an active secret keeps the usual title', () => {
    const closed = secretDismissal({ status: 'approved', open: false, alert: secretAlert('active') })
    expect(annotationFor(closed, 'warning', settingsWith()).properties.title).toBe(TITLE)
  })

  test('a comment that fails the policy: why, after the comment and before the link', () => {
    const r = secretDismissal({
      alert: secretAlert('active'),
      policy_violations: ['the comment has 14 characters, fewer than the 20 the policy asks for', 'the comment does not match SEC-\\d+']
    })
    expect(annotationFor(r, 'error', settingsWith()).message).toBe(
      'Requested by hubot (open, 2h old, expires in 6d 22h) [false_positive, adafruit_io_key] ' +
        '[alert: secret still active · Adafruit IO Key · open]: Not a real key — fails the justification policy: ' +
        `the comment has 14 characters, fewer than the 20 the policy asks for; the comment does not match SEC-\\d+ ${URL}`
    )
  })

  test('a blank comment that fails the policy: no comment, the reason', () => {
    const r = { ...bypass(5, { ageHours: 30, requester: 'hubot', comment: null }), policy_violations: ['the comment is blank'] }
    expect(annotationFor(r, 'error', settingsWith()).message).toBe(
      'Requested by hubot (stale, 1d 6h old, expires in 5d 18h) [used_in_tests, adafruit_io_key] — fails the justification policy: ' +
        `the comment is blank https://github.com/${REPO}/exemptions/5`
    )
  })

  test('an alert or a reason that tries to be a workflow command stays one line of text', () => {
    const r = secretDismissal({
      alert: { ...secretAlert('active'), secret_type: 'x\n::error::injected' },
      policy_violations: ['the comment does not match \n::warning::x']
    })
    const { message } = annotationFor(r, 'error', settingsWith())
    expect(message).not.toMatch(/[\n\r]/)
    expect(message).not.toContain('::error::')
    expect(message).not.toContain('::warning::')
  })
})

describe('isInsideRepository', () => {
  test.each(['README.md', 'src/app.ts', '.github/workflows/ci.yml', 'a/b..c/d', '..hidden/x', 'a/./b', 'docs/a::b%0A.md', 'dir with space/x'])('%j is inside', path => {
    expect(isInsideRepository(path)).toBe(true)
  })

  test.each([
    ['empty', ''],
    ['a parent segment first', '../x'],
    ['a parent segment that climbs out', 'a/../../x'],
    ['a parent segment last', 'a/..'],
    ['only a parent segment', '..'],
    ['a drive letter', 'C:/x'],
    ['a lower-case drive letter without a slash', 'c:x'],
    ['a backslash', 'a\\b'],
    ['an absolute path', '/abs'],
    ['a NUL', 'a\u0000b'],
    ['a line feed', 'a\nb'],
    ['a tab', 'a\tb'],
    ['a DEL', 'a\u007fb']
  ])('%s (%j) is not', (_name, path) => {
    expect(isInsideRepository(path)).toBe(false)
  })
})

describe('annotationFor: the file', () => {
  const title = `Secret scanning bypass request ${REPO} request #7`
  const located = (path: string) => record({ kind: 'secret-scanning-bypass', repository: REPO, number: 7, path, ageHours: 30 })

  test.each(['../x:3:1', 'a/../../x:3:1', 'C:/x:3:1', 'a\\b:3:1'])('a path GitHub sent as %j gets no file and no line', path => {
    expect(annotationFor(located(path), 'error', settingsWith()).properties).toEqual({ title })
  })

  test('an absolute path in a record gets no file and no line (GitHub’s leading slash is removed before)', () => {
    const r = plainRecord({ number: 7, path: '/abs', line: 2 })
    expect(annotationFor(r, 'error', settingsWith()).properties).toEqual({ title })
    expect(located('/abs:2:0').path).toBe('abs')
  })

  test.each([
    ['docs/a::b.md:4:0', 'docs/a::b.md'],
    ['docs/50%25::error::x.md:4:0', 'docs/50%25::error::x.md'],
    ['src/%0A,line=1.ts:4:0', 'src/%0A,line=1.ts']
  ])('a path GitHub sent as %j is the file exactly as normalized, `::` and `%` kept', (raw, file) => {
    expect(annotationFor(located(raw), 'warning', settingsWith()).properties).toEqual({ title, file, startLine: 4 })
  })
})

describe('problemWarnings', () => {
  test('one warning per record GitHub sent that the action cannot interpret, naming what and which', () => {
    const weird = bypass(5, { status: 'weird', override: { id: 77 } })
    const warnings = problemWarnings([bypass(4), weird, bypass(6)])
    expect(warnings).toEqual([
      {
        level: 'warning',
        message:
          'GitHub sent a secret-scanning-bypass item the action cannot interpret (status "weird" is not one the action knows): ' +
          `secret-scanning-bypass ${REPO} request #5, id 77 counts as open and stale and is never reviewed. https://github.com/${REPO}/exemptions/5`,
        properties: { title: 'Request not understood' }
      }
    ])
  })

  test('several problems in one record; no id and no number: neither is named', () => {
    const r = bypass(5, { override: { id: undefined, number: undefined } })
    expect(problemWarnings([r]).map(w => w.message)).toEqual([
      'GitHub sent a secret-scanning-bypass item the action cannot interpret (number null is not a positive integer; id null is not a positive integer): ' +
        `secret-scanning-bypass ${REPO} request #? counts as open and stale and is never reviewed. https://github.com/${REPO}/exemptions/5`
    ])
  })

  test('a dismissal request without a repository: the label says so, and the alert number is kept', () => {
    const r = dismissal('dependabot-dismissal', 42, 17, { override: { repository: undefined, id: 9, html_url: undefined } })
    expect(problemWarnings([r]).map(w => w.message)).toEqual([
      'GitHub sent a dependabot-dismissal item the action cannot interpret (repository is missing): ' +
        'dependabot-dismissal (no repository) alert #17, id 9 counts as open and stale and is never reviewed.'
    ])
  })

  test('a status that tries to be a workflow command stays one line of text', () => {
    const [warning] = problemWarnings([bypass(5, { status: '::error::x\nmore' })])
    expect(warning!.message).not.toMatch(/::|\n/)
    expect(warning!.message.replace(/\u200b/g, '')).toContain('(status "::error::x\\nmore" is not one the action knows)')
  })

  test('no record with problems: no warning', () => {
    expect(problemWarnings([bypass(1), bypass(2, { status: 'denied' })])).toEqual([])
    expect(problemWarnings([])).toEqual([])
  })
})

describe('patternWarnings', () => {
  const records = [bypass(1), record({ kind: 'secret-scanning-bypass', repository: 'octo-org/api-gateway', number: 2 }), bypass(3)]
  const warning = (pattern: string, count: string) => ({
    level: 'warning',
    message: `The repositories pattern ${pattern} matched none of the ${count} with requests: check it for a typo.`,
    properties: { title: 'Repository pattern matched nothing' }
  })

  test('each pattern that matched none of the repositories with requests, inclusions first', () => {
    const filter = repositoryFilter(['!octo-org/legacy', 'octo-org/api-*', 'Octo-Org/Smile', 'octo-org/smiel'])
    expect(patternWarnings(filter, records)).toEqual([warning('octo-org/smiel', '2 repositories'), warning('!octo-org/legacy', '2 repositories')])
  })

  test('one repository with requests: singular', () => {
    expect(patternWarnings(repositoryFilter(['octo-org/web']), [bypass(1)])).toEqual([warning('octo-org/web', '1 repository')])
  })

  test('every pattern matched: no warning', () => {
    expect(patternWarnings(repositoryFilter(['octo-org/*', '!octo-org/api-gateway']), records)).toEqual([])
  })

  test('no request at all: no warning, whatever the patterns', () => {
    expect(patternWarnings(repositoryFilter(['octo-org/smiel']), [])).toEqual([])
  })
})
