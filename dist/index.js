import { createRequire as __WEBPACK_EXTERNAL_createRequire } from "module";
/******/ var __webpack_modules__ = ({

/***/ 7607:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   E9: () => (/* binding */ parseDuration),
/* harmony export */   UU: () => (/* binding */ humanDuration),
/* harmony export */   nv: () => (/* binding */ DURATION_FORMS)
/* harmony export */ });
/** Durations as the inputs write them (`90m`, `36h`, `3d`, `1w`) and as people read them (`3d 4h`). */
const UNIT_MS = { m: 60_000, h: 3_600_000, d: 86_400_000, w: 604_800_000 };
const MINUTE = UNIT_MS.m;
const DURATION_FORMS = 'a whole number followed by m, h, d or w (90m, 36h, 3d, 1w)';
/** Milliseconds, or undefined when the text is not `<positive integer><m|h|d|w>`. */
function parseDuration(text) {
    const match = /^([1-9][0-9]{0,5})([mhdw])$/.exec(text.trim());
    if (!match)
        return undefined;
    return Number(match[1]) * UNIT_MS[match[2]];
}
/** `3d 4h`, `5h 12m`, `7m`: the two largest units; under a minute reads `<1m`. */
function humanDuration(ms) {
    const minutes = Math.floor(Math.abs(ms) / MINUTE);
    if (Number.isNaN(minutes))
        return '';
    if (minutes < 1)
        return '<1m';
    const days = Math.floor(minutes / 1440);
    const hours = Math.floor((minutes % 1440) / 60);
    const rest = minutes % 60;
    // The largest unit, then the next one down unless it is zero.
    if (days > 0)
        return hours > 0 ? `${days}d ${hours}h` : `${days}d`;
    if (hours > 0)
        return rest > 0 ? `${hours}h ${rest}m` : `${hours}h`;
    return `${rest}m`;
}


/***/ }),

/***/ 9407:
/***/ ((module, __unused_webpack___webpack_exports__, __nccwpck_require__) => {

__nccwpck_require__.a(module, async (__webpack_handle_async_dependencies__, __webpack_async_result__) => { try {
/* harmony import */ var _inputs_js__WEBPACK_IMPORTED_MODULE_0__ = __nccwpck_require__(7473);
/* harmony import */ var _text_js__WEBPACK_IMPORTED_MODULE_1__ = __nccwpck_require__(8992);
/* harmony import */ var _workflow_commands_js__WEBPACK_IMPORTED_MODULE_2__ = __nccwpck_require__(6137);
/**
 * The action's entry point. The inputs are read and checked before the rest
 * of the action (Octokit, the report) is loaded, so a run that stops at an
 * input error starts and ends at once.
 */



/** Resolves once everything written to `stream` so far has been handed to the runner. */
const flushed = (stream) => new Promise(resolve => stream.write('', () => resolve()));
let settings;
try {
    settings = (0,_inputs_js__WEBPACK_IMPORTED_MODULE_0__/* .readInputs */ .Ko)(_workflow_commands_js__WEBPACK_IMPORTED_MODULE_2__/* .runnerInput */ .zJ, { mask: _workflow_commands_js__WEBPACK_IMPORTED_MODULE_2__/* .maskValue */ .QS, fail: _workflow_commands_js__WEBPACK_IMPORTED_MODULE_2__/* .failStep */ .vy });
}
catch (error) {
    (0,_workflow_commands_js__WEBPACK_IMPORTED_MODULE_2__/* .failStep */ .vy)((0,_text_js__WEBPACK_IMPORTED_MODULE_1__/* .unexpectedFailure */ .mi)(error));
}
if (settings) {
    const { run } = await __nccwpck_require__.e(/* import() */ 423).then(__nccwpck_require__.bind(__nccwpck_require__, 8423));
    await run({ settings });
    // Every file is written and closed by now. Once the log is flushed the step ends, with the exit code run() set:
    // Node's own teardown of a heap that held ten thousand requests takes about 25 ms more (`npm run bench`).
    await Promise.all([flushed(process.stdout), flushed(process.stderr)]);
    process.exit();
}

__webpack_async_result__();
} catch(e) { __webpack_async_result__(e); } }, 1);

/***/ }),

/***/ 7473:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {


// EXPORTS
__nccwpck_require__.d(__webpack_exports__, {
  Ko: () => (/* binding */ readInputs)
});

// UNUSED EXPORTS: FAIL_ON, InputError, POLICY_ACTIONS, REVIEWS, readSettings

// EXTERNAL MODULE: ./src/duration.ts
var duration = __nccwpck_require__(7607);
// EXTERNAL MODULE: ./src/text.ts
var src_text = __nccwpck_require__(8992);
// EXTERNAL MODULE: ./src/words.ts
var words = __nccwpck_require__(5846);
;// CONCATENATED MODULE: ./src/input-reader.ts
/**
 * Reading inputs: each reader returns the parsed value (or its fallback) and
 * records a problem for a bad one, so that every bad input is reported
 * together, by name, value and what is accepted, before any API call.
 */



class InputError extends Error {
    problems;
    constructor(problems) {
        super(`${(0,words/* plural */.L)(problems.length, 'invalid input')}: ${problems.join(' ')}`);
        this.problems = problems;
        this.name = 'InputError';
    }
}
const TRUE = ['true', 'True', 'TRUE'];
const FALSE = ['false', 'False', 'FALSE'];
const LOGIN = /^[A-Za-z0-9](?:[A-Za-z0-9-]{0,38})(?:\[bot\])?$/;
/** Lists accept commas or newlines; empty items are dropped. */
function splitList(text) {
    return text
        .split(/[,\n]/)
        .map(s => s.trim())
        .filter(s => s.length > 0);
}
class InputReader {
    text;
    problems = [];
    constructor(text) {
        this.text = text;
    }
    /** A problem with a value: `Input "x" has the value "y": <accepted>.` */
    bad(input, value, accepted) {
        // `accepted` may quote text made from the value (a regular expression's error repeats the pattern): it is escaped too.
        this.problems.push(`Input "${input}" has the value "${(0,src_text/* forLog */.Ig)(value, 200)}": ${(0,src_text/* forLog */.Ig)(accepted, 500)}.`);
    }
    /** A problem said in full (an input that is missing, or two that do not go together). */
    problem(message) {
        this.problems.push(message);
    }
    /** Throws every problem found, together. */
    finish() {
        if (this.problems.length > 0)
            throw new InputError(this.problems);
    }
    oneOf(input, accepted, fallback) {
        const value = this.text(input) || fallback;
        if (accepted.includes(value))
            return value;
        this.bad(input, value, `expected one of ${accepted.join(', ')}`);
        return fallback;
    }
    boolean(input, fallback) {
        const value = this.text(input);
        if (value === '')
            return fallback;
        if (TRUE.includes(value))
            return true;
        if (FALSE.includes(value))
            return false;
        this.bad(input, value, 'expected true or false');
        return fallback;
    }
    integer(input, fallback, min, max) {
        const value = this.text(input);
        if (value === '')
            return fallback;
        const n = /^[0-9]+$/.test(value) ? Number(value) : NaN;
        if (Number.isInteger(n) && n >= min && n <= max)
            return n;
        this.bad(input, value, `expected a whole number from ${min} to ${max}`);
        return fallback;
    }
    /** A GitHub login, or undefined when the input is empty. */
    login(input) {
        const value = this.text(input);
        if (value === '')
            return undefined;
        if (LOGIN.test(value))
            return value;
        this.bad(input, value, 'expected a GitHub login (letters, digits and hyphens, at most 39 characters)');
        return undefined;
    }
    list(input) {
        return splitList(this.text(input));
    }
    /** A duration as written (`36h`) and in milliseconds. */
    duration(input, fallback) {
        const text = this.text(input) || fallback;
        const ms = (0,duration/* parseDuration */.E9)(text);
        if (ms !== undefined)
            return { text, ms };
        this.bad(input, text, `expected ${duration/* DURATION_FORMS */.nv}`);
        return { text, ms: (0,duration/* parseDuration */.E9)(fallback) ?? 0 };
    }
}

// EXTERNAL MODULE: ./src/repositories.ts
var repositories = __nccwpck_require__(539);
// EXTERNAL MODULE: ./src/request-types.ts
var request_types = __nccwpck_require__(4726);
// EXTERNAL MODULE: ./src/policy.ts
var src_policy = __nccwpck_require__(1237);
;// CONCATENATED MODULE: ./src/scope.ts


/** The REST path segment of each scope: `/enterprises/{e}`, `/orgs/{o}`, `/repos/{owner}/{repo}`. */
const SCOPE_PATHS = { enterprise: 'enterprises', organization: 'orgs', repository: 'repos' };
const ENTERPRISE = /^[A-Za-z0-9](?:[A-Za-z0-9-]{0,59})$/;
/** `repository`, defaulting to the workflow's repository. */
function readRepository(inputs, env) {
    const text = inputs.text('repository') || env.GITHUB_REPOSITORY || '';
    if (text === '')
        return undefined;
    const repository = (0,repositories/* parseFullName */.St)(text);
    if (!repository)
        inputs.bad('repository', text, 'expected owner/name');
    return repository;
}
/** A name filter that only one scope has. */
function readNameFilter(inputs, input, scope, only, pattern, accepted) {
    const value = inputs.text(input) || undefined;
    if (value === undefined)
        return undefined;
    if (scope !== only)
        inputs.bad(input, value, `only used with scope: ${only}`);
    else if (!pattern.test(value))
        inputs.bad(input, value, accepted);
    return value;
}
function readScope(inputs, env) {
    const scope = inputs.oneOf('scope', request_types/* SCOPES */.iW, 'repository');
    const repository = readRepository(inputs, env);
    if (scope === 'repository' && inputs.text('repository') === '' && !env.GITHUB_REPOSITORY) {
        inputs.problem('Input "repository" is empty: repository scope needs owner/name.');
    }
    const organization = inputs.text('organization') || repository?.owner || '';
    if (organization !== '' && !repositories/* OWNER */.yo.test(organization))
        inputs.bad('organization', organization, 'expected an organization login');
    if (scope === 'organization' && organization === '') {
        inputs.problem('Input "organization" is empty: organization scope needs an organization (or a repository to take its owner from).');
    }
    const enterprise = inputs.text('enterprise');
    if (enterprise !== '' && !ENTERPRISE.test(enterprise))
        inputs.bad('enterprise', enterprise, 'expected an enterprise slug');
    if (scope === 'enterprise' && enterprise === '')
        inputs.problem('Input "enterprise" is empty: enterprise scope needs the enterprise slug.');
    const repositoryName = readNameFilter(inputs, 'repository-name', scope, 'organization', repositories/* REPO_NAME */.V, 'expected a repository name without its owner');
    const organizationName = readNameFilter(inputs, 'organization-name', scope, 'enterprise', repositories/* OWNER */.yo, 'expected an organization login');
    const names = { enterprise, organization, repository: repository ? (0,repositories/* fullName */.fq)(repository) : '' };
    const scopeName = names[scope];
    return { scope, scopeName, listPrefix: `${SCOPE_PATHS[scope]}/${scopeName}`, repository, repositoryName, organizationName };
}

;// CONCATENATED MODULE: ./src/inputs.ts
/**
 * Every input, parsed and validated into one typed Settings object before
 * the first API call. A bad input is reported with its name, its value and
 * what is accepted; all bad inputs are reported together.
 */








const FAIL_ON = ['open', 'stale', 'expiring', 'never'];
const REVIEWS = ['none', 'approve', 'deny', 'dismiss-response'];
const POLICY_ACTIONS = ['report', 'deny'];
const TARGET = /^(?:([a-z-]+):)?([^/\s#]+)\/([^/\s#]+)#([1-9][0-9]{0,9})$/;
const MESSAGE_LIMIT = 2048;
/**
 * The run's settings, the token masked before anything else is read; or
 * undefined, once the step has been failed with every invalid input named.
 */
function readInputs(read, { mask, fail }) {
    const token = read('token');
    if (token)
        mask(token);
    try {
        return readSettings(read);
    }
    catch (error) {
        if (!(error instanceof InputError))
            throw error;
        fail(`${(0,words/* plural */.L)(error.problems.length, 'invalid input')}; nothing was fetched or reviewed.\n${error.problems.join('\n')}`);
        return undefined;
    }
}
function readSettings(read, env = process.env) {
    const inputs = new InputReader(read);
    // The token is read first so that no later message can contain it.
    const token = readToken(inputs);
    const apiUrl = readApiUrl(inputs, env);
    const where = readScope(inputs, env);
    const types = readTypes(inputs, where.scope);
    const requestStatus = inputs.oneOf('request-status', request_types/* REQUEST_STATUSES */.$R, 'open');
    const timePeriod = inputs.oneOf('time-period', request_types/* TIME_PERIODS */.Vw, 'month');
    const requester = inputs.login('requester');
    const reviewer = inputs.login('reviewer');
    const repositories = readRepositories(inputs);
    const branch = readBranch(inputs);
    const staleAfter = inputs.duration('stale-after', '24h');
    const expiringWithin = inputs.duration('expiring-within', '24h');
    const failOn = inputs.oneOf('fail-on', FAIL_ON, 'stale');
    const annotations = inputs.boolean('annotations', true);
    const jobSummary = inputs.boolean('job-summary', true);
    const review = inputs.oneOf('review', REVIEWS, 'none');
    const reviewMessage = readReviewMessage(inputs, review);
    const reviewTargets = readTargets(inputs, review);
    const maxReviews = inputs.integer('max-reviews', 20, 1, 1000);
    const dryRun = inputs.boolean('dry-run', false);
    const maxConcurrency = inputs.integer('max-concurrency', 4, 1, 10);
    const metrics = inputs.boolean('metrics', false);
    const policy = readPolicy(inputs);
    const policyAction = inputs.oneOf('policy-action', POLICY_ACTIONS, 'report');
    const denyMessage = readDenyMessage(inputs, policyAction, policy, review);
    const includeAlerts = inputs.boolean('include-alerts', false);
    inputs.finish();
    return {
        token,
        apiUrl,
        ...where,
        types,
        requestStatus,
        timePeriod,
        requester,
        reviewer,
        repositories,
        branch,
        staleAfterMs: staleAfter.ms,
        staleAfter: staleAfter.text,
        expiringWithinMs: expiringWithin.ms,
        expiringWithin: expiringWithin.text,
        failOn,
        annotations,
        jobSummary,
        review,
        reviewMessage,
        reviewTargets,
        maxReviews,
        dryRun,
        maxConcurrency,
        metrics,
        policy,
        policyAction,
        denyMessage,
        includeAlerts
    };
}
/** `require-comment-pattern` and `min-comment-length`. */
function readPolicy(inputs) {
    const patternText = inputs.text('require-comment-pattern');
    const minLength = inputs.integer('min-comment-length', 0, 0, 65_535);
    if (patternText === '')
        return { minLength };
    const parsed = (0,src_policy/* parsePattern */.EY)(patternText);
    if ('error' in parsed) {
        inputs.bad('require-comment-pattern', patternText, `expected a regular expression (${parsed.error})`);
        return { minLength };
    }
    return { patternText, pattern: parsed.pattern, minLength };
}
/** `deny-message`, which `policy-action: deny` needs; and the rules that keep the policy's denials apart from `review`. */
function readDenyMessage(inputs, action, policy, review) {
    const template = inputs.text('deny-message');
    if (action !== 'deny')
        return template;
    if (review !== 'none') {
        inputs.problem(`Inputs "policy-action" (deny) and "review" (${review}) are both set: use one or the other in a run.`);
    }
    if (!(0,src_policy/* hasPolicy */.hS)(policy) && inputs.text('require-comment-pattern') === '') {
        inputs.problem('Input "policy-action" is deny but no policy is set: give require-comment-pattern or min-comment-length.');
    }
    if (template.trim() === '')
        inputs.problem('Input "deny-message" is empty: policy-action deny needs the message its denials are sent with.');
    return template;
}
function readToken(inputs) {
    const token = inputs.text('token');
    if (token === '')
        inputs.problem('Input "token" is empty: pass a token, for example ${{ github.token }}.');
    return token;
}
/** `api-url`, defaulting to the runner's API; no trailing slash. */
function readApiUrl(inputs, env) {
    const text = inputs.text('api-url') || env.GITHUB_API_URL || 'https://api.github.com';
    try {
        const url = new URL(text);
        if (url.protocol === 'https:' || url.protocol === 'http:')
            return text.replace(/\/+$/, '');
    }
    catch {
        // Reported below.
    }
    inputs.bad('api-url', text, 'expected an http(s) URL such as https://api.github.com');
    return text;
}
/** `request-types`: `all` (the types with a list endpoint at the scope) or a list of type ids. */
function readTypes(inputs, scope) {
    const text = inputs.text('request-types') || 'all';
    const available = (0,request_types/* typesListedAt */.US)(scope);
    const select = (type, explicit) => {
        const list = type.lists[scope];
        return list ? [{ type, list, explicit }] : [];
    };
    const ids = [...new Set(splitList(text))];
    if (ids.length === 1 && ids[0] === 'all')
        return available.flatMap(type => select(type, false));
    if (ids.includes('all')) {
        inputs.bad('request-types', text, 'all stands alone: write all by itself, or name the types without it');
        return [];
    }
    if (ids.length === 0)
        inputs.bad('request-types', text, 'expected all or at least one request type');
    return ids.flatMap(id => {
        if (!(0,request_types/* isTypeId */.cj)(id)) {
            inputs.bad('request-types', id, `expected all or a list of ${request_types/* TYPE_IDS */.Sk.join(', ')}`);
            return [];
        }
        const selected = select((0,request_types/* requestType */.y9)(id), true);
        if (selected.length === 0) {
            inputs.bad('request-types', id, `GitHub has no ${scope} list for this type; at ${scope} scope use ${available.map(t => t.id).join(', ')}`);
        }
        return selected;
    });
}
function readRepositories(inputs) {
    const patterns = inputs.list('repositories');
    for (const pattern of patterns.filter(p => !(0,repositories/* isRepositoryGlob */.vw)(p))) {
        inputs.bad('repositories', pattern, 'expected owner/name globs such as octo-org/api-* or !octo-org/sandbox');
    }
    return (0,repositories/* repositoryFilter */.zQ)(patterns);
}
/** `main` or `refs/heads/main` → `refs/heads/main`; undefined for what git would not accept as a branch name. */
function parseBranch(text) {
    const name = text.startsWith('refs/heads/') ? text.slice('refs/heads/'.length) : text;
    const invalid = name.length === 0 ||
        name.length > 255 ||
        // eslint-disable-next-line no-control-regex
        /[\u0000-\u0020\u007f~^:?*[\\]/.test(name) ||
        name.includes('..') ||
        name.includes('@{') ||
        name.includes('//') ||
        /^[/.]|[/.]$/.test(name) ||
        name.endsWith('.lock') ||
        name === '@';
    return invalid ? undefined : `refs/heads/${name}`;
}
function readBranch(inputs) {
    const text = inputs.text('branch');
    if (text === '')
        return undefined;
    if (text.startsWith('refs/') && !text.startsWith('refs/heads/')) {
        // refs/pull/N/merge is what github.ref holds on pull_request: the branch is github.head_ref.
        inputs.bad('branch', text, 'expected a branch, not a pull request or tag ref: on pull_request use ${{ github.head_ref }}, elsewhere the branch name');
        return undefined;
    }
    const branch = parseBranch(text);
    if (!branch)
        inputs.bad('branch', text, 'expected a branch name such as main or refs/heads/main');
    return branch;
}
function readReviewMessage(inputs, review) {
    const message = inputs.text('review-message');
    const length = Array.from(message).length;
    if (review !== 'none' && message === '') {
        inputs.problem(`Input "review-message" is empty: review "${review}" needs a message of 1 to ${MESSAGE_LIMIT} characters.`);
    }
    else if (length > MESSAGE_LIMIT) {
        // Redacted before it is cut, so that no part of a token in the message survives the cut.
        inputs.bad('review-message', (0,src_text/* truncate */.xv)((0,src_text/* redact */.E$)(message), 41), `expected at most ${MESSAGE_LIMIT} characters, got ${length}`);
    }
    return message;
}
function readTargets(inputs, review) {
    const items = inputs.list('review-targets');
    if (items.length === 1 && items[0] === 'all') {
        if (review === 'none')
            inputs.problem('Input "review-targets" is all but "review" is none: say approve, deny or dismiss-response, or remove the targets.');
        return 'all';
    }
    if (items.includes('all')) {
        inputs.bad('review-targets', items.join(', '), 'all stands alone: write all by itself, or name the targets without it');
        return [];
    }
    if (items.length === 0 && review !== 'none') {
        inputs.problem(`Input "review-targets" is empty but "review" is ${review}: name the requests to review (owner/repo#number or type:owner/repo#number), ` +
            'or write all to review every open request that matched.');
    }
    const targets = [];
    for (const item of items) {
        const match = TARGET.exec(item);
        const [, typeId, owner = '', name = '', number = ''] = match ?? [];
        if (!match || (typeId !== undefined && !(0,request_types/* isTypeId */.cj)(typeId))) {
            inputs.bad('review-targets', item, `expected all, owner/repo#number or type:owner/repo#number with type one of ${request_types/* TYPE_IDS */.Sk.join(', ')}`);
        }
        else if (!(0,repositories/* parseFullName */.St)(`${owner}/${name}`)) {
            inputs.bad('review-targets', item, 'expected a repository as owner/name');
        }
        else {
            targets.push({ typeId: typeId, repository: `${owner}/${name}`, number: Number(number), text: item });
        }
    }
    if (review === 'none' && targets.length > 0) {
        inputs.problem('Input "review-targets" is set but "review" is none: say approve, deny or dismiss-response, or remove the targets.');
    }
    return targets;
}


/***/ }),

/***/ 1237:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   EY: () => (/* binding */ parsePattern),
/* harmony export */   S4: () => (/* binding */ judge),
/* harmony export */   hS: () => (/* binding */ hasPolicy),
/* harmony export */   kK: () => (/* binding */ denyMessage)
/* harmony export */ });
/* unused harmony export policyViolations */
/** Whether the policy asks anything at all. */
function hasPolicy(policy) {
    return policy.pattern !== undefined || policy.minLength > 0;
}
/**
 * `/pattern/flags` keeps its own flags; anything else is a pattern matched
 * case-insensitively. Undefined (with the reason) when it is not a valid
 * regular expression.
 */
function parsePattern(text) {
    const own = /^\/(.+)\/([a-z]*)$/s.exec(text);
    try {
        return { pattern: own ? new RegExp(own[1] ?? '', own[2]) : new RegExp(text, 'i') };
    }
    catch (error) {
        return { error: error instanceof Error ? error.message : String(error) };
    }
}
/** Why the comment fails the policy; empty when it passes. Lengths count characters, not UTF-16 units. */
function policyViolations(comment, policy) {
    if (!hasPolicy(policy))
        return [];
    const trimmed = comment.trim();
    if (trimmed === '')
        return ['the comment is blank'];
    const violations = [];
    const length = Array.from(trimmed).length;
    if (length < policy.minLength)
        violations.push(`the comment has ${length} characters, fewer than the ${policy.minLength} the policy asks for`);
    // A fresh copy: a global or sticky pattern keeps state between tests.
    if (policy.pattern && !new RegExp(policy.pattern.source, policy.pattern.flags).test(trimmed)) {
        violations.push(`the comment does not match ${policy.patternText ?? policy.pattern.source}`);
    }
    return violations;
}
/** An open request gets its policy violations; the others are not judged. */
function judge(record, policy) {
    return record.open && hasPolicy(policy) ? { ...record, policy_violations: policyViolations(record.comment, policy) } : record;
}
const PLACEHOLDER = /\{(reason|requester|type|repository|number)\}/g;
const MESSAGE_LIMIT = 2048;
/**
 * The deny message for one request: each placeholder replaced once, in a
 * single pass, so that a value holding `{type}` stays as it is; cut to
 * GitHub's 2048 characters.
 */
function denyMessage(template, values) {
    const message = template.replace(PLACEHOLDER, (_, name) => values[name]);
    const chars = Array.from(message);
    return chars.length <= MESSAGE_LIMIT ? message : chars.slice(0, MESSAGE_LIMIT).join('');
}


/***/ }),

/***/ 539:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   St: () => (/* binding */ parseFullName),
/* harmony export */   V: () => (/* binding */ REPO_NAME),
/* harmony export */   _b: () => (/* binding */ repositoryMatches),
/* harmony export */   fq: () => (/* binding */ fullName),
/* harmony export */   vw: () => (/* binding */ isRepositoryGlob),
/* harmony export */   xo: () => (/* binding */ unmatchedPatterns),
/* harmony export */   yo: () => (/* binding */ OWNER),
/* harmony export */   zQ: () => (/* binding */ repositoryFilter)
/* harmony export */ });
/**
 * Repository names as GitHub writes them (`owner/name`), and the
 * `repositories` input's globs over them: `*` and `?` wildcards, `!` excludes.
 */
/** A user or organization login: letters, digits and hyphens, at most 39 characters. */
const OWNER = /^[A-Za-z0-9](?:[A-Za-z0-9-]{0,38})$/;
/** A repository's name without its owner. */
const REPO_NAME = /^(?!\.\.?$)[A-Za-z0-9._-]{1,100}$/;
/** `owner/name` → its parts, or undefined when it is not one owner and one name. */
function parseFullName(text) {
    const [owner, name, extra] = text.split('/');
    if (extra !== undefined || owner === undefined || name === undefined)
        return undefined;
    return OWNER.test(owner) && REPO_NAME.test(name) ? { owner, name } : undefined;
}
function fullName(repository) {
    return `${repository.owner}/${repository.name}`;
}
const GLOB = /^!?[A-Za-z0-9*?][A-Za-z0-9*?-]*\/[A-Za-z0-9._*?-]+$/;
function isRepositoryGlob(pattern) {
    return GLOB.test(pattern);
}
function glob(pattern) {
    const body = pattern
        .replace(/[.+^${}()|[\]\\]/g, '\\$&')
        .replace(/\*/g, '[^/]*')
        .replace(/\?/g, '[^/]');
    return { pattern, regex: new RegExp(`^${body}$`, 'i') };
}
function repositoryFilter(patterns) {
    const include = patterns.filter(p => !p.startsWith('!')).map(glob);
    const exclude = patterns.filter(p => p.startsWith('!')).map(p => glob(p.slice(1)));
    return { include, exclude };
}
/** Names are compared case-insensitively, as GitHub does. With only exclusions, everything else matches. */
function repositoryMatches(filter, name) {
    if (filter.exclude.some(g => g.regex.test(name)))
        return false;
    return filter.include.length === 0 || filter.include.some(g => g.regex.test(name));
}
/** The patterns (as written, `!` kept) that match none of `names`: most likely a typo. */
function unmatchedPatterns(filter, names) {
    const unmatched = (globs, prefix) => globs.filter(g => !names.some(name => g.regex.test(name))).map(g => `${prefix}${g.pattern}`);
    return [...unmatched(filter.include, ''), ...unmatched(filter.exclude, '!')];
}


/***/ }),

/***/ 4726:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   $R: () => (/* binding */ REQUEST_STATUSES),
/* harmony export */   Do: () => (/* binding */ KNOWN_STATUSES),
/* harmony export */   GT: () => (/* binding */ reviewPath),
/* harmony export */   Sk: () => (/* binding */ TYPE_IDS),
/* harmony export */   US: () => (/* binding */ typesListedAt),
/* harmony export */   Vw: () => (/* binding */ TIME_PERIODS),
/* harmony export */   Wi: () => (/* binding */ numberNoun),
/* harmony export */   __: () => (/* binding */ statusToSend),
/* harmony export */   c1: () => (/* binding */ CLASSIC_SCOPE),
/* harmony export */   cj: () => (/* binding */ isTypeId),
/* harmony export */   iW: () => (/* binding */ SCOPES),
/* harmony export */   mG: () => (/* binding */ REQUEST_TYPES),
/* harmony export */   y9: () => (/* binding */ requestType)
/* harmony export */ });
/**
 * The five kinds of exemption request, as data. Every other module asks this
 * table instead of branching on a type id: adding a type is one row here.
 *
 * Facts come from GitHub's OpenAPI description of the endpoints
 * (test/fixtures/github-requests.openapi.json) and the REST documentation.
 */
const SCOPES = ['repository', 'organization', 'enterprise'];
const TIME_PERIODS = ['hour', 'day', 'week', 'month'];
/** The `request_status` values an endpoint accepts, per the OpenAPI parameter it uses. */
const BYPASS_STATUSES = ['completed', 'cancelled', 'approved', 'expired', 'deleted', 'denied', 'open', 'all'];
const DISMISSAL_STATUSES = ['completed', 'cancelled', 'approved', 'expired', 'denied', 'open', 'all'];
const ALERT_DISMISSAL_STATUSES = ['open', 'approved', 'expired', 'denied', 'all'];
/** What a user may ask for with `request-status`. */
const REQUEST_STATUSES = ['open', 'approved', 'denied', 'expired', 'cancelled', 'completed', 'all'];
/** Every status a request is documented with (the union of the five item schemas' enums): anything else is not interpreted. */
const KNOWN_STATUSES = ['open', 'pending', 'approved', 'denied', 'expired', 'cancelled', 'completed', 'deleted'];
/** Enterprise lists default to `day`, filter by organization, and refuse fine-grained and GitHub App tokens. */
function enterpriseList(statuses, docs, holder, { classicScope, note } = {}) {
    return { statuses, nameFilter: 'organization_name', fineGrained: null, classicScope, holder, ...(note ? { note } : {}), docs };
}
const CLASSIC_SCOPE = 'security_events';
const DOCS = 'https://docs.github.com/enterprise-cloud@latest/rest';
const SECRET_SCANNING_BYPASS_ORG_FG = '"Secret scanning alerts" repository permissions (read) and "Organization bypass requests for secret scanning" organization permissions (read)';
const SECRET_SCANNING_DISMISSAL_FG_REPO = '"Secret scanning alerts" repository permissions (read), "Contents" repository permissions (read) and "Secret scanning alert dismissal requests" repository or organization permissions (read)';
const CODE_SCANNING_DISMISSAL_FG = '"Organization dismissal requests for code scanning" organization permissions';
/** Who GitHub's descriptions say must hold the token, in words a reader of the README knows (GitHub's "org admin" is an organization owner). */
const BYPASS_REVIEWER = 'bypass reviewer';
const DISMISSAL_REVIEWER = 'dismissal reviewer';
const SECRET_SCANNING_DISMISSAL_HOLDER = 'organization owner, security manager, or a user with the "Review and manage secret scanning alert dismissal requests" permission';
/** Where GitHub's description of a secret scanning dismissal list names no classic scope, its get and review endpoints do. */
const SECRET_SCANNING_DISMISSAL_CLASSIC_FROM = 'Get an alert dismissal request for secret scanning; Review an alert dismissal request for secret scanning';
const DEFINITIONS = [
    {
        id: 'secret-scanning-bypass',
        title: 'Secret scanning bypass request',
        segment: 'bypass-requests/secret-scanning',
        lists: {
            enterprise: enterpriseList(BYPASS_STATUSES, `${DOCS}/secret-scanning/delegated-bypass#list-bypass-requests-for-secret-scanning-for-an-enterprise`, BYPASS_REVIEWER),
            organization: {
                statuses: BYPASS_STATUSES,
                nameFilter: 'repository_name',
                fineGrained: SECRET_SCANNING_BYPASS_ORG_FG,
                holder: BYPASS_REVIEWER,
                docs: `${DOCS}/secret-scanning/delegated-bypass#list-bypass-requests-for-secret-scanning-for-an-org`
            },
            repository: {
                statuses: BYPASS_STATUSES,
                fineGrained: `${SECRET_SCANNING_BYPASS_ORG_FG}, or "Secret scanning alerts" repository permissions (read) and "Secret scanning push protection bypass requests" repository permissions (read)`,
                holder: BYPASS_REVIEWER,
                docs: `${DOCS}/secret-scanning/delegated-bypass#list-bypass-requests-for-secret-scanning-for-a-repository`
            }
        },
        review: {
            verbs: { approve: 'approve', deny: 'reject' },
            key: 'number',
            fineGrained: '"Secret scanning alerts" repository permissions (read) and "Organization bypass requests for secret scanning" organization permissions (write), or "Secret scanning push protection bypass requests" repository permissions (write)',
            holder: BYPASS_REVIEWER,
            docs: `${DOCS}/secret-scanning/delegated-bypass#review-a-bypass-request-for-secret-scanning`
        },
        dismissResponse: {
            path: 'bypass-responses/secret-scanning/{id}',
            fineGrained: '"Secret scanning alerts" repository permissions (read)',
            docs: `${DOCS}/secret-scanning/delegated-bypass#dismiss-a-response-on-a-bypass-request-for-secret-scanning`
        },
        hasBranch: true,
        feature: 'delegated bypass for push protection',
        alert: null,
        details: [
            { title: 'Secret type · reason', fields: ['secret_types', 'reasons'] },
            { title: 'Branch · file', fields: ['branch', 'file'] }
        ]
    },
    {
        id: 'push-ruleset-bypass',
        title: 'Push ruleset bypass request',
        segment: 'bypass-requests/push-rules',
        lists: {
            enterprise: enterpriseList(BYPASS_STATUSES, `${DOCS}/enterprise-admin/bypass-requests#list-push-rule-bypass-requests-within-an-enterprise`, null, {
                classicScope: null,
                note: 'GitHub\'s page "Managing requests to bypass push rules" (enterprise settings) names enterprise owners as the ones who use it.'
            }),
            organization: {
                statuses: BYPASS_STATUSES,
                nameFilter: 'repository_name',
                fineGrained: '"Administration" organization permissions (write)',
                classicScope: null,
                holder: null,
                docs: `${DOCS}/orgs/bypass-requests#list-push-rule-bypass-requests-within-an-organization`
            },
            repository: {
                statuses: BYPASS_STATUSES,
                fineGrained: '"Contents" repository permissions (write)',
                classicScope: null,
                holder: null,
                docs: `${DOCS}/repos/bypass-requests#list-repository-push-rule-bypass-requests`
            }
        },
        review: null,
        dismissResponse: null,
        hasBranch: false,
        feature: 'push rulesets with delegated bypass',
        alert: null,
        details: [
            { title: 'Ruleset', fields: ['ruleset'] },
            { title: 'Rule', fields: ['reasons'] }
        ]
    },
    {
        id: 'secret-scanning-dismissal',
        title: 'Secret scanning alert dismissal request',
        segment: 'dismissal-requests/secret-scanning',
        lists: {
            enterprise: enterpriseList(DISMISSAL_STATUSES, `${DOCS}/secret-scanning/alert-dismissal-requests#list-alert-dismissal-requests-for-secret-scanning-for-an-enterprise`, 'enterprise owner or enterprise security manager'),
            organization: {
                statuses: DISMISSAL_STATUSES,
                nameFilter: 'repository_name',
                fineGrained: '"Secret scanning alert dismissal requests" organization permissions (read) and "Secret scanning alerts" repository permissions (read)',
                classicScopeFrom: SECRET_SCANNING_DISMISSAL_CLASSIC_FROM,
                holder: SECRET_SCANNING_DISMISSAL_HOLDER,
                docs: `${DOCS}/secret-scanning/alert-dismissal-requests#list-alert-dismissal-requests-for-secret-scanning-for-an-org`
            },
            repository: {
                statuses: DISMISSAL_STATUSES,
                fineGrained: SECRET_SCANNING_DISMISSAL_FG_REPO,
                classicScopeFrom: SECRET_SCANNING_DISMISSAL_CLASSIC_FROM,
                holder: SECRET_SCANNING_DISMISSAL_HOLDER,
                docs: `${DOCS}/secret-scanning/alert-dismissal-requests#list-alert-dismissal-requests-for-secret-scanning-for-a-repository`
            }
        },
        review: {
            verbs: { approve: 'approve', deny: 'deny' },
            key: 'alert_number',
            fineGrained: SECRET_SCANNING_DISMISSAL_FG_REPO.replace(/\(read\)$/, '(write)'),
            holder: SECRET_SCANNING_DISMISSAL_HOLDER,
            docs: `${DOCS}/secret-scanning/alert-dismissal-requests#review-an-alert-dismissal-request-for-secret-scanning`
        },
        dismissResponse: null,
        hasBranch: false,
        feature: 'delegated alert dismissal for secret scanning',
        // The secret's value is never asked for.
        alert: {
            segment: 'secret-scanning/alerts',
            query: { hide_secret: true },
            fields: { state: ['state'], validity: ['validity'], secret_type: ['secret_type_display_name'] }
        },
        details: [{ title: 'Secret type · reason', fields: ['secret_types', 'reasons'] }]
    },
    {
        id: 'code-scanning-dismissal',
        title: 'Code scanning alert dismissal request',
        segment: 'dismissal-requests/code-scanning',
        lists: {
            organization: {
                statuses: ALERT_DISMISSAL_STATUSES,
                nameFilter: 'repository_name',
                fineGrained: `${CODE_SCANNING_DISMISSAL_FG} (read)`,
                holder: 'user authorized to review dismissal requests for the organization',
                docs: `${DOCS}/code-scanning/alert-dismissal-requests#list-dismissal-requests-for-code-scanning-alerts-for-an-organization`
            },
            repository: {
                statuses: ALERT_DISMISSAL_STATUSES,
                fineGrained: `${CODE_SCANNING_DISMISSAL_FG} (read) and "Code scanning alerts" repository permissions (read)`,
                holder: null,
                docs: `${DOCS}/code-scanning/alert-dismissal-requests#list-dismissal-requests-for-code-scanning-alerts-for-a-repository`
            }
        },
        review: {
            verbs: { approve: 'approve', deny: 'deny' },
            key: 'alert_number',
            fineGrained: `${CODE_SCANNING_DISMISSAL_FG} (write) and "Code scanning alerts" repository permissions (read)`,
            holder: DISMISSAL_REVIEWER,
            docs: `${DOCS}/code-scanning/alert-dismissal-requests#review-a-dismissal-request-for-a-code-scanning-alert-for-a-repository`
        },
        dismissResponse: null,
        hasBranch: false,
        feature: 'delegated alert dismissal for code scanning',
        alert: {
            segment: 'code-scanning/alerts',
            query: {},
            fields: { state: ['state'], severity: ['rule', 'security_severity_level'], description: ['rule', 'description'] }
        },
        details: [{ title: 'Reason', fields: ['reasons'] }]
    },
    {
        id: 'dependabot-dismissal',
        title: 'Dependabot alert dismissal request',
        segment: 'dismissal-requests/dependabot',
        lists: {
            organization: {
                statuses: DISMISSAL_STATUSES,
                nameFilter: 'repository_name',
                fineGrained: '"Organization dismissal requests for Dependabot" organization permissions (read)',
                holder: 'organization owner, security manager, or a user with the permission to review Dependabot alert dismissal requests',
                docs: `${DOCS}/dependabot/alert-dismissal-requests#list-dismissal-requests-for-dependabot-alerts-for-an-organization`
            },
            repository: {
                statuses: ALERT_DISMISSAL_STATUSES,
                fineGrained: '"Dependabot alerts" repository permissions (read)',
                holder: null,
                docs: `${DOCS}/dependabot/alert-dismissal-requests#list-dismissal-requests-for-dependabot-alerts-for-a-repository`
            }
        },
        review: {
            verbs: { approve: 'approve', deny: 'deny' },
            key: 'alert_number',
            fineGrained: '"Organization dismissal requests for Dependabot" organization permissions (write) and "Dependabot alerts" repository permissions (read)',
            holder: DISMISSAL_REVIEWER,
            docs: `${DOCS}/dependabot/alert-dismissal-requests#review-a-dismissal-request-for-a-dependabot-alert-for-a-repository`
        },
        dismissResponse: null,
        hasBranch: false,
        feature: 'delegated alert dismissal for Dependabot',
        alert: {
            segment: 'dependabot/alerts',
            query: {},
            fields: {
                state: ['state'],
                severity: ['security_advisory', 'severity'],
                description: ['security_advisory', 'summary'],
                cve_id: ['security_advisory', 'cve_id']
            }
        },
        details: [{ title: 'Reason', fields: ['reasons'] }]
    }
];
const REQUEST_TYPES = DEFINITIONS;
const TYPE_IDS = REQUEST_TYPES.map(t => t.id);
const BY_ID = Object.fromEntries(REQUEST_TYPES.map(t => [t.id, t]));
function requestType(id) {
    return BY_ID[id];
}
function isTypeId(text) {
    return Object.hasOwn(BY_ID, text);
}
/** What a request's shown number counts: alerts for dismissal requests (reviewed by alert number), requests otherwise. */
function numberNoun(type) {
    return type.review?.key === 'alert_number' ? 'alert' : 'request';
}
/** Path below /repos/{owner}/{repo}/ of the review call for the request keyed `key`. */
function reviewPath(type, key) {
    return `${type.segment}/${key}`;
}
function typesListedAt(scope) {
    return REQUEST_TYPES.filter(t => t.lists[scope] !== undefined);
}
/** The `request_status` to send: the user's when the endpoint takes it, else `all` (filtered locally). */
function statusToSend(list, wanted) {
    return list.statuses.includes(wanted) ? wanted : 'all';
}


/***/ }),

/***/ 8992:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   Bm: () => (/* binding */ forMarkdown),
/* harmony export */   E$: () => (/* binding */ redact),
/* harmony export */   Ig: () => (/* binding */ forLog),
/* harmony export */   Px: () => (/* binding */ createMask),
/* harmony export */   lY: () => (/* binding */ createRedactor),
/* harmony export */   mi: () => (/* binding */ unexpectedFailure),
/* harmony export */   xv: () => (/* binding */ truncate)
/* harmony export */ });
/* unused harmony exports REDACTED, oneLine */
/**
 * Untrusted text: comments, logins, paths, branch names, secret types and
 * ruleset names are written by other people. Every writer (log, annotation,
 * job summary, outputs, report files) passes them through here first.
 */
const REDACTED = '[redacted]';
/** Private key blocks; an unterminated block is redacted to the end. */
const PRIVATE_KEY = /-----BEGIN[A-Z0-9 ]*PRIVATE KEY(?: BLOCK)?-----[\s\S]*?(?:-----END[A-Z0-9 ]*PRIVATE KEY(?: BLOCK)?-----|$)/g;
const TOKEN_SHAPES = [
    // GitHub tokens: personal, OAuth, user-to-server, server-to-server, refresh; then fine-grained.
    { prefix: /gh[pousr]_/g, body: /[A-Za-z0-9_]/, min: 16, full: 36, digitWhenBroken: true },
    { prefix: /github_pat_/g, body: /[A-Za-z0-9_]/, min: 16, full: 82, digitWhenBroken: true },
    // AWS access key ids: upper case only, so a broken one is redacted even without a digit (shouted prose may be too).
    { prefix: /(?<![A-Z0-9])(?:AKIA|ASIA)/g, body: /[A-Z0-9]/, min: 12, full: 16, digitWhenBroken: false },
    // Slack tokens.
    { prefix: /xox[a-z]-/g, body: /[A-Za-z0-9-]/, min: 6, full: 40, digitWhenBroken: true }
];
/** What a copy, a paste or a wrapped line puts inside a token: white space, line breaks of every kind, zero-width characters. */
// eslint-disable-next-line no-control-regex
const BREAK = /[\s\u0000-\u001f\u007f-\u009f\u180e\u200b-\u200d\u2060\ufeff]/;
const MAX_BREAK = 8;
/**
 * Where the token starting at `from` (just after its prefix) ends, or -1
 * when it is not one: an unbroken body of at least `min` characters, or
 * pieces broken by short runs of white space that add up to a whole body.
 */
function tokenEnd(text, from, shape) {
    const run = (at, chars, max = Infinity) => {
        let end = at;
        while (end < text.length && end - at < max && chars.test(text.charAt(end)))
            end++;
        return end;
    };
    const firstEnd = run(from, shape.body);
    let length = firstEnd - from;
    let end = firstEnd;
    while (length < shape.full) {
        const breakEnd = run(end, BREAK, MAX_BREAK + 1);
        if (breakEnd === end || breakEnd - end > MAX_BREAK)
            break;
        // A piece is read whole: a token longer than `full` leaves no tail behind.
        const pieceEnd = run(breakEnd, shape.body);
        if (pieceEnd === breakEnd)
            break;
        length += pieceEnd - breakEnd;
        end = pieceEnd;
    }
    const broken = end > firstEnd && length >= shape.full && (!shape.digitWhenBroken || /[0-9]/.test(text.slice(from, end)));
    if (broken)
        return end;
    return firstEnd - from >= shape.min ? firstEnd : -1;
}
/** Every token prefix and the start of a key block, to skip text that holds none. */
const ANY_PREFIX = new RegExp([...TOKEN_SHAPES.map(shape => shape.prefix.source), '-----BEGIN'].join('|'));
/** Where each token of `shape` starts and ends. */
function tokenSpans(text, shape) {
    const spans = [];
    for (const match of text.matchAll(shape.prefix)) {
        const end = tokenEnd(text, match.index + match[0].length, shape);
        if (end >= 0)
            spans.push([match.index, end]);
    }
    return spans;
}
/**
 * Replaces every token-shaped string, also when white space or a line break
 * was put inside it. Tokens of every shape are found in the same text and
 * overlapping ones redacted together, so one token cannot hide another.
 */
function redact(text) {
    // Most text holds no prefix at all: one scan tells.
    if (!ANY_PREFIX.test(text))
        return text;
    const keyless = text.replace(PRIVATE_KEY, REDACTED);
    const spans = TOKEN_SHAPES.flatMap(shape => tokenSpans(keyless, shape)).sort((a, b) => a[0] - b[0]);
    if (spans.length === 0)
        return keyless;
    let out = '';
    let copied = 0;
    for (const [start, end] of spans) {
        if (end <= copied)
            continue;
        if (start >= copied)
            out += keyless.slice(copied, start) + REDACTED;
        copied = end;
    }
    return out + keyless.slice(copied);
}
/** Replaces the run's own secrets only: for whole outputs built from text that was redacted as it came in. */
function createMask(secrets) {
    // Longest first, so that a secret containing another is replaced whole; very short values would redact ordinary words.
    const known = [...new Set(secrets)].filter(s => s.length >= 4).sort((a, b) => b.length - a.length);
    return text => known.reduce((out, secret) => (out.includes(secret) ? out.split(secret).join(REDACTED) : out), text);
}
/**
 * A redactor that also knows `secrets` (the run's token): made once by the
 * pipeline and handed to whatever takes in or writes out text.
 */
function createRedactor(secrets) {
    const mask = createMask(secrets);
    return text => redact(mask(text));
}
/** The step's message for an error nobody planned for: its text made safe for the log with `redact` (the run's secrets). */
function unexpectedFailure(error, redact = text => text) {
    return `Unexpected failure: ${forLog(redact(error instanceof Error ? error.message : String(error)))}`;
}
/** Line breaks of every kind (CR, LF, NEL, VT, FF, LS, PS) and other control characters. */
// eslint-disable-next-line no-control-regex
const BREAKS_AND_CONTROLS = /[\u0000-\u001f\u007f-\u009f\u2028\u2029]+/g;
/** Collapses the text onto one line: no control character or line separator survives. */
function oneLine(text) {
    return text.replace(BREAKS_AND_CONTROLS, ' ').trim();
}
/** Cuts to at most `max` characters, marking the cut. */
function truncate(text, max) {
    // Never more characters than UTF-16 units: short text needs no counting.
    if (text.length <= max)
        return text;
    const chars = Array.from(text);
    return chars.length <= max ? text : `${chars.slice(0, Math.max(0, max - 1)).join('')}…`;
}
/**
 * Text safe for one line of the log: redacted, on one line, and unable to
 * form a workflow command (`::name::` at the start, `##[` anywhere).
 */
function forLog(text, max = 2000) {
    const neutralized = oneLine(redact(text))
        .replace(/:(?=:)/g, ':\u200b')
        .replace(/##\[/g, '#\u200b#[');
    return truncate(neutralized, max);
}
/**
 * Text safe inside Markdown and HTML, including a table cell: redacted, on
 * one line, cut to `max` characters; HTML's `& < >` and the mention sign as
 * entities, and every other character that could open markup, a link, a
 * code span or a table column backslash-escaped (CommonMark lets any ASCII
 * punctuation be escaped so). Escaping `:` and the dot of `www.` keeps GFM
 * from turning a bare URL into a link.
 */
function forMarkdown(text, max = 2000) {
    return truncate(oneLine(redact(text)), max).replace(MARKUP, c => MARKUP_ESCAPES[c] ?? `\\${c}`);
}
/** What forMarkdown escapes, in one pass: `www.` (its dot), HTML's `& < >`, the mention sign, and markup punctuation. */
const MARKUP = /(?<=\bwww)\.|[\\`*_[\]()~#!|$:&<>@]/gi;
const MARKUP_ESCAPES = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '@': '&#64;' };


/***/ }),

/***/ 5846:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   L: () => (/* binding */ plural)
/* harmony export */ });
/** Wording shared by every message: counts with the right plural. */
/** `1 request`, `2 requests`; `plural(2, 'request is', 'requests are')` for other forms. */
function plural(count, one, many = `${one}s`) {
    return `${count} ${count === 1 ? one : many}`;
}


/***/ }),

/***/ 6137:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   G5: () => (/* binding */ command),
/* harmony export */   Os: () => (/* binding */ group),
/* harmony export */   QS: () => (/* binding */ maskValue),
/* harmony export */   fz: () => (/* binding */ annotate),
/* harmony export */   pq: () => (/* binding */ info),
/* harmony export */   pt: () => (/* binding */ commandValue),
/* harmony export */   vy: () => (/* binding */ failStep),
/* harmony export */   zJ: () => (/* binding */ runnerInput)
/* harmony export */ });
/* harmony import */ var node_os__WEBPACK_IMPORTED_MODULE_0__ = __nccwpck_require__(8161);
/* harmony import */ var node_os__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__nccwpck_require__.n(node_os__WEBPACK_IMPORTED_MODULE_0__);
/**
 * How the step talks to the runner through its log: inputs, masks, log
 * lines and groups, annotations, failing the step (its outputs and job
 * summary are in ./file-commands.ts). Each is written here with the
 * encoding `@actions/core` uses, and the tests check every one byte for
 * byte against `@actions/core` itself.
 *
 * They are written here rather than called from `@actions/core` because
 * loading that package also evaluates the HTTP client of its OIDC support
 * (undici, a megabyte of code): measured with ncc bundles on Node 20, a
 * script that imports it takes 62 ms longer to run than one that does not,
 * and 12 MB more memory — about 4% of a listing of 10,000 requests, and a
 * tenth of its memory target (`npm run bench`).
 */

/** An input as the runner passes it: `INPUT_<NAME>` (spaces as underscores, upper case), trimmed; empty when unset. */
function runnerInput(name) {
    return (process.env[`INPUT_${name.replace(/ /g, '_').toUpperCase()}`] ?? '').trim();
}
/** A workflow command's data on one line: `%`, CR and LF percent-encoded. */
function commandData(text) {
    return text.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
}
/** A value as the runner reads it: a string as it is, anything else as JSON (a number NaN is `null`). */
function commandValue(value) {
    return typeof value === 'string' ? value : JSON.stringify(value);
}
/** A workflow command's property value: as its data, and `:` and `,` encoded too. */
function commandProperty(value) {
    return commandData(commandValue(value)).replace(/:/g, '%3A').replace(/,/g, '%2C');
}
/**
 * `::name key=value,…::data` on one line. Properties without a value (empty,
 * 0, NaN) are left out; a list of properties, even if all are left out, is
 * set off from the name by a space.
 */
function command(name, data, properties = {}) {
    const keys = Object.keys(properties);
    const list = Object.entries(properties)
        .filter((entry) => Boolean(entry[1]))
        .map(([key, value]) => `${key}=${commandProperty(value)}`)
        .join(',');
    return `::${name}${keys.length > 0 ? ` ${list}` : ''}::${commandData(data)}${node_os__WEBPACK_IMPORTED_MODULE_0__.EOL}`;
}
/** Masks `secret` in everything the step prints from now on (`::add-mask::`). */
function maskValue(secret) {
    process.stdout.write(command('add-mask', secret));
}
/** Fails the step with `message` as an error annotation. */
function failStep(message) {
    process.exitCode = 1;
    process.stdout.write(command('error', message));
}
/** Plain lines in the step's log. */
function info(text) {
    process.stdout.write(`${text}${node_os__WEBPACK_IMPORTED_MODULE_0__.EOL}`);
}
/** `text` in a group of the log, folded under `title`, in one write. */
function group(title, text) {
    process.stdout.write(`${command('group', title)}${text ? `${text}${node_os__WEBPACK_IMPORTED_MODULE_0__.EOL}` : ''}${command('endgroup', '')}`);
}
/** Annotations, in order, in one write. */
function annotate(annotations) {
    if (annotations.length === 0)
        return;
    process.stdout.write(annotations
        .map(({ level, message, properties }) => {
        const { title, file, startLine } = properties;
        return command(level, message, Object.keys(properties).length > 0 ? { title, file, line: startLine } : {});
    })
        .join(''));
}


/***/ }),

/***/ 2613:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("assert");

/***/ }),

/***/ 4434:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("events");

/***/ }),

/***/ 8611:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("http");

/***/ }),

/***/ 5692:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("https");

/***/ }),

/***/ 9278:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("net");

/***/ }),

/***/ 4589:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:assert");

/***/ }),

/***/ 6698:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:async_hooks");

/***/ }),

/***/ 4573:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:buffer");

/***/ }),

/***/ 7540:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:console");

/***/ }),

/***/ 7598:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:crypto");

/***/ }),

/***/ 3053:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:diagnostics_channel");

/***/ }),

/***/ 610:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:dns");

/***/ }),

/***/ 8474:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:events");

/***/ }),

/***/ 3024:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:fs");

/***/ }),

/***/ 1455:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:fs/promises");

/***/ }),

/***/ 7067:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:http");

/***/ }),

/***/ 2467:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:http2");

/***/ }),

/***/ 4708:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:https");

/***/ }),

/***/ 7030:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:net");

/***/ }),

/***/ 8161:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:os");

/***/ }),

/***/ 6760:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:path");

/***/ }),

/***/ 643:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:perf_hooks");

/***/ }),

/***/ 1792:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:querystring");

/***/ }),

/***/ 7075:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:stream");

/***/ }),

/***/ 8321:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:stream/consumers");

/***/ }),

/***/ 1692:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:tls");

/***/ }),

/***/ 3136:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:url");

/***/ }),

/***/ 7975:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:util");

/***/ }),

/***/ 3429:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:util/types");

/***/ }),

/***/ 5919:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:worker_threads");

/***/ }),

/***/ 8522:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:zlib");

/***/ }),

/***/ 3193:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("string_decoder");

/***/ }),

/***/ 4756:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("tls");

/***/ }),

/***/ 9023:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("util");

/***/ })

/******/ });
/************************************************************************/
/******/ // The module cache
/******/ var __webpack_module_cache__ = {};
/******/ 
/******/ // The require function
/******/ function __nccwpck_require__(moduleId) {
/******/ 	// Check if module is in cache
/******/ 	var cachedModule = __webpack_module_cache__[moduleId];
/******/ 	if (cachedModule !== undefined) {
/******/ 		return cachedModule.exports;
/******/ 	}
/******/ 	// Create a new module (and put it into the cache)
/******/ 	var module = __webpack_module_cache__[moduleId] = {
/******/ 		// no module.id needed
/******/ 		// no module.loaded needed
/******/ 		exports: {}
/******/ 	};
/******/ 
/******/ 	// Execute the module function
/******/ 	var threw = true;
/******/ 	try {
/******/ 		__webpack_modules__[moduleId](module, module.exports, __nccwpck_require__);
/******/ 		threw = false;
/******/ 	} finally {
/******/ 		if(threw) delete __webpack_module_cache__[moduleId];
/******/ 	}
/******/ 
/******/ 	// Return the exports of the module
/******/ 	return module.exports;
/******/ }
/******/ 
/******/ // expose the modules object (__webpack_modules__)
/******/ __nccwpck_require__.m = __webpack_modules__;
/******/ 
/************************************************************************/
/******/ /* webpack/runtime/asset-relocator-loader */
/******/ if (typeof __nccwpck_require__ !== 'undefined') __nccwpck_require__.ab = decodeURIComponent(new URL('.', import.meta.url).pathname).slice(import.meta.url.match(/^file:\/\/\/\w:/) ? 1 : 0, -1) + "/";
/******/ 
/******/ /* webpack/runtime/async module */
/******/ (() => {
/******/ 	var webpackQueues = typeof Symbol === "function" ? Symbol("webpack queues") : "__webpack_queues__";
/******/ 	var webpackExports = typeof Symbol === "function" ? Symbol("webpack exports") : "__webpack_exports__";
/******/ 	var webpackError = typeof Symbol === "function" ? Symbol("webpack error") : "__webpack_error__";
/******/ 	var resolveQueue = (queue) => {
/******/ 		if(queue && queue.d < 1) {
/******/ 			queue.d = 1;
/******/ 			queue.forEach((fn) => (fn.r--));
/******/ 			queue.forEach((fn) => (fn.r-- ? fn.r++ : fn()));
/******/ 		}
/******/ 	}
/******/ 	var wrapDeps = (deps) => (deps.map((dep) => {
/******/ 		if(dep !== null && typeof dep === "object") {
/******/ 			if(dep[webpackQueues]) return dep;
/******/ 			if(dep.then) {
/******/ 				var queue = [];
/******/ 				queue.d = 0;
/******/ 				dep.then((r) => {
/******/ 					obj[webpackExports] = r;
/******/ 					resolveQueue(queue);
/******/ 				}, (e) => {
/******/ 					obj[webpackError] = e;
/******/ 					resolveQueue(queue);
/******/ 				});
/******/ 				var obj = {};
/******/ 				obj[webpackQueues] = (fn) => (fn(queue));
/******/ 				return obj;
/******/ 			}
/******/ 		}
/******/ 		var ret = {};
/******/ 		ret[webpackQueues] = x => {};
/******/ 		ret[webpackExports] = dep;
/******/ 		return ret;
/******/ 	}));
/******/ 	__nccwpck_require__.a = (module, body, hasAwait) => {
/******/ 		var queue;
/******/ 		hasAwait && ((queue = []).d = -1);
/******/ 		var depQueues = new Set();
/******/ 		var exports = module.exports;
/******/ 		var currentDeps;
/******/ 		var outerResolve;
/******/ 		var reject;
/******/ 		var promise = new Promise((resolve, rej) => {
/******/ 			reject = rej;
/******/ 			outerResolve = resolve;
/******/ 		});
/******/ 		promise[webpackExports] = exports;
/******/ 		promise[webpackQueues] = (fn) => (queue && fn(queue), depQueues.forEach(fn), promise["catch"](x => {}));
/******/ 		module.exports = promise;
/******/ 		body((deps) => {
/******/ 			currentDeps = wrapDeps(deps);
/******/ 			var fn;
/******/ 			var getResult = () => (currentDeps.map((d) => {
/******/ 				if(d[webpackError]) throw d[webpackError];
/******/ 				return d[webpackExports];
/******/ 			}))
/******/ 			var promise = new Promise((resolve) => {
/******/ 				fn = () => (resolve(getResult));
/******/ 				fn.r = 0;
/******/ 				var fnQueue = (q) => (q !== queue && !depQueues.has(q) && (depQueues.add(q), q && !q.d && (fn.r++, q.push(fn))));
/******/ 				currentDeps.map((dep) => (dep[webpackQueues](fnQueue)));
/******/ 			});
/******/ 			return fn.r ? promise : getResult();
/******/ 		}, (err) => ((err ? reject(promise[webpackError] = err) : outerResolve(exports)), resolveQueue(queue)));
/******/ 		queue && queue.d < 0 && (queue.d = 0);
/******/ 	};
/******/ })();
/******/ 
/******/ /* webpack/runtime/compat get default export */
/******/ (() => {
/******/ 	// getDefaultExport function for compatibility with non-harmony modules
/******/ 	__nccwpck_require__.n = (module) => {
/******/ 		var getter = module && module.__esModule ?
/******/ 			() => (module['default']) :
/******/ 			() => (module);
/******/ 		__nccwpck_require__.d(getter, { a: getter });
/******/ 		return getter;
/******/ 	};
/******/ })();
/******/ 
/******/ /* webpack/runtime/create fake namespace object */
/******/ (() => {
/******/ 	var getProto = Object.getPrototypeOf ? (obj) => (Object.getPrototypeOf(obj)) : (obj) => (obj.__proto__);
/******/ 	var leafPrototypes;
/******/ 	// create a fake namespace object
/******/ 	// mode & 1: value is a module id, require it
/******/ 	// mode & 2: merge all properties of value into the ns
/******/ 	// mode & 4: return value when already ns object
/******/ 	// mode & 16: return value when it's Promise-like
/******/ 	// mode & 8|1: behave like require
/******/ 	__nccwpck_require__.t = function(value, mode) {
/******/ 		if(mode & 1) value = this(value);
/******/ 		if(mode & 8) return value;
/******/ 		if(typeof value === 'object' && value) {
/******/ 			if((mode & 4) && value.__esModule) return value;
/******/ 			if((mode & 16) && typeof value.then === 'function') return value;
/******/ 		}
/******/ 		var ns = Object.create(null);
/******/ 		__nccwpck_require__.r(ns);
/******/ 		var def = {};
/******/ 		leafPrototypes = leafPrototypes || [null, getProto({}), getProto([]), getProto(getProto)];
/******/ 		for(var current = mode & 2 && value; typeof current == 'object' && !~leafPrototypes.indexOf(current); current = getProto(current)) {
/******/ 			Object.getOwnPropertyNames(current).forEach((key) => (def[key] = () => (value[key])));
/******/ 		}
/******/ 		def['default'] = () => (value);
/******/ 		__nccwpck_require__.d(ns, def);
/******/ 		return ns;
/******/ 	};
/******/ })();
/******/ 
/******/ /* webpack/runtime/define property getters */
/******/ (() => {
/******/ 	// define getter functions for harmony exports
/******/ 	__nccwpck_require__.d = (exports, definition) => {
/******/ 		for(var key in definition) {
/******/ 			if(__nccwpck_require__.o(definition, key) && !__nccwpck_require__.o(exports, key)) {
/******/ 				Object.defineProperty(exports, key, { enumerable: true, get: definition[key] });
/******/ 			}
/******/ 		}
/******/ 	};
/******/ })();
/******/ 
/******/ /* webpack/runtime/ensure chunk */
/******/ (() => {
/******/ 	__nccwpck_require__.f = {};
/******/ 	// This file contains only the entry chunk.
/******/ 	// The chunk loading function for additional chunks
/******/ 	__nccwpck_require__.e = (chunkId) => {
/******/ 		return Promise.all(Object.keys(__nccwpck_require__.f).reduce((promises, key) => {
/******/ 			__nccwpck_require__.f[key](chunkId, promises);
/******/ 			return promises;
/******/ 		}, []));
/******/ 	};
/******/ })();
/******/ 
/******/ /* webpack/runtime/get javascript chunk filename */
/******/ (() => {
/******/ 	// This function allow to reference async chunks
/******/ 	__nccwpck_require__.u = (chunkId) => {
/******/ 		// return url for filenames based on template
/******/ 		return "" + chunkId + ".index.js";
/******/ 	};
/******/ })();
/******/ 
/******/ /* webpack/runtime/hasOwnProperty shorthand */
/******/ (() => {
/******/ 	__nccwpck_require__.o = (obj, prop) => (Object.prototype.hasOwnProperty.call(obj, prop))
/******/ })();
/******/ 
/******/ /* webpack/runtime/make namespace object */
/******/ (() => {
/******/ 	// define __esModule on exports
/******/ 	__nccwpck_require__.r = (exports) => {
/******/ 		if(typeof Symbol !== 'undefined' && Symbol.toStringTag) {
/******/ 			Object.defineProperty(exports, Symbol.toStringTag, { value: 'Module' });
/******/ 		}
/******/ 		Object.defineProperty(exports, '__esModule', { value: true });
/******/ 	};
/******/ })();
/******/ 
/******/ /* webpack/runtime/import chunk loading */
/******/ (() => {
/******/ 	// no baseURI
/******/ 	
/******/ 	// object to store loaded and loading chunks
/******/ 	// undefined = chunk not loaded, null = chunk preloaded/prefetched
/******/ 	// [resolve, Promise] = chunk loading, 0 = chunk loaded
/******/ 	var installedChunks = {
/******/ 		792: 0
/******/ 	};
/******/ 	
/******/ 	var installChunk = (data) => {
/******/ 		var {ids, modules, runtime} = data;
/******/ 		// add "modules" to the modules object,
/******/ 		// then flag all "ids" as loaded and fire callback
/******/ 		var moduleId, chunkId, i = 0;
/******/ 		for(moduleId in modules) {
/******/ 			if(__nccwpck_require__.o(modules, moduleId)) {
/******/ 				__nccwpck_require__.m[moduleId] = modules[moduleId];
/******/ 			}
/******/ 		}
/******/ 		if(runtime) runtime(__nccwpck_require__);
/******/ 		for(;i < ids.length; i++) {
/******/ 			chunkId = ids[i];
/******/ 			if(__nccwpck_require__.o(installedChunks, chunkId) && installedChunks[chunkId]) {
/******/ 				installedChunks[chunkId][0]();
/******/ 			}
/******/ 			installedChunks[ids[i]] = 0;
/******/ 		}
/******/ 	
/******/ 	}
/******/ 	
/******/ 	__nccwpck_require__.f.j = (chunkId, promises) => {
/******/ 			// import() chunk loading for javascript
/******/ 			var installedChunkData = __nccwpck_require__.o(installedChunks, chunkId) ? installedChunks[chunkId] : undefined;
/******/ 			if(installedChunkData !== 0) { // 0 means "already installed".
/******/ 	
/******/ 				// a Promise means "currently loading".
/******/ 				if(installedChunkData) {
/******/ 					promises.push(installedChunkData[1]);
/******/ 				} else {
/******/ 					if(true) { // all chunks have JS
/******/ 						// setup Promise in chunk cache
/******/ 						var promise = import("./" + __nccwpck_require__.u(chunkId)).then(installChunk, (e) => {
/******/ 							if(installedChunks[chunkId] !== 0) installedChunks[chunkId] = undefined;
/******/ 							throw e;
/******/ 						});
/******/ 						var promise = Promise.race([promise, new Promise((resolve) => (installedChunkData = installedChunks[chunkId] = [resolve]))])
/******/ 						promises.push(installedChunkData[1] = promise);
/******/ 					}
/******/ 				}
/******/ 			}
/******/ 	};
/******/ 	
/******/ 	// no prefetching
/******/ 	
/******/ 	// no preloaded
/******/ 	
/******/ 	// no external install chunk
/******/ 	
/******/ 	// no on chunks loaded
/******/ })();
/******/ 
/************************************************************************/
/******/ 
/******/ // startup
/******/ // Load entry module and return exports
/******/ // This entry module used 'module' so it can't be inlined
/******/ var __webpack_exports__ = __nccwpck_require__(9407);
/******/ __webpack_exports__ = await __webpack_exports__;
/******/ 
