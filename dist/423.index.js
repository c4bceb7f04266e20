export const id = 423;
export const ids = [423];
export const modules = {

/***/ 3116:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Dr: () => (/* binding */ UNREACHABLE),
/* harmony export */   Ic: () => (/* binding */ describeFailure),
/* harmony export */   Jk: () => (/* binding */ UnreachableError),
/* harmony export */   Qs: () => (/* binding */ describeListFailure),
/* harmony export */   _v: () => (/* binding */ describeReviewFailure),
/* harmony export */   f7: () => (/* binding */ MalformedResponseError),
/* harmony export */   jw: () => (/* binding */ RedirectRefusedError),
/* harmony export */   nG: () => (/* binding */ httpStatus)
/* harmony export */ });
/* unused harmony exports githubMessage, describeCommonFailure */
/* harmony import */ var _request_types_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(4726);
/* harmony import */ var _text_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(8992);
/* harmony import */ var _resilience_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(4974);
/**
 * Turns a failed call into a message a person can act on: which permission
 * is missing, whether the feature is off, when a rate limit resets.
 */



class MalformedResponseError extends Error {
    endpoint;
    constructor(endpoint) {
        super(`GitHub's answer to ${endpoint} was not the JSON list the API describes`);
        this.endpoint = endpoint;
        this.name = 'MalformedResponseError';
    }
}
/** Network errors that no retry can mend: the name does not resolve, nothing listens, or TLS refuses the server. */
const UNREACHABLE = {
    ENOTFOUND: 'the host name does not resolve',
    EAI_AGAIN: 'the host name does not resolve',
    ECONNREFUSED: 'the connection was refused',
    EHOSTUNREACH: 'the host cannot be reached',
    ENETUNREACH: 'the network cannot be reached',
    CERT_HAS_EXPIRED: 'its TLS certificate has expired',
    DEPTH_ZERO_SELF_SIGNED_CERT: 'its TLS certificate is self-signed',
    SELF_SIGNED_CERT_IN_CHAIN: 'its TLS certificate chain is self-signed',
    UNABLE_TO_VERIFY_LEAF_SIGNATURE: 'its TLS certificate cannot be verified',
    ERR_TLS_CERT_ALTNAME_INVALID: 'its TLS certificate is for another name'
};
/** The API named by `api-url` cannot be reached: retrying would only delay the failure. */
class UnreachableError extends Error {
    constructor(apiUrl, code) {
        super(`Could not reach api-url ${apiUrl}: ${UNREACHABLE[code] ?? 'the connection failed'} (${code}). Check the api-url input.`);
        this.name = 'UnreachableError';
    }
}
/** A read was redirected somewhere the action does not follow (another origin, or too many hops). */
class RedirectRefusedError extends Error {
    constructor(status, from, reason) {
        super(`GitHub answered ${status} to GET ${from} with a redirect that was not followed: ${reason}.`);
        this.name = 'RedirectRefusedError';
    }
}
function httpStatus(error) {
    const status = error?.status;
    return typeof status === 'number' ? status : undefined;
}
/** GitHub's own words (`message` of its error body, or the body itself), made safe for a log line. */
function githubMessage(error) {
    const failure = error;
    const data = failure?.response?.data;
    const message = data?.message;
    if (typeof message === 'string' && message.trim() !== '')
        return (0,_text_js__WEBPACK_IMPORTED_MODULE_1__/* .forLog */ .Ig)(message, 300);
    if (typeof data === 'string' && data.trim() !== '')
        return (0,_text_js__WEBPACK_IMPORTED_MODULE_1__/* .forLog */ .Ig)(data, 300);
    if (failure?.response)
        return 'it sent no message';
    return (0,_text_js__WEBPACK_IMPORTED_MODULE_1__/* .forLog */ .Ig)(failure?.message ?? String(error), 300);
}
function rateLimitReset(error) {
    const reset = Number(error.response?.headers?.['x-ratelimit-reset']);
    if (Number.isFinite(reset) && reset > 0)
        return `it resets at ${new Date(reset * 1000).toISOString()}`;
    if (error.response?.headers?.['retry-after'] !== undefined)
        return `GitHub asked to wait ${(0,_resilience_js__WEBPACK_IMPORTED_MODULE_2__/* .rateLimitWait */ .h)(error)?.seconds ?? '?'}s more`;
    return 'GitHub did not say when it resets';
}
/**
 * What went wrong with a call that is not specific to the endpoint, or
 * undefined. `retried`: whether the call was retried before giving up.
 */
function describeCommonFailure(error, endpoint, retried = true) {
    const failure = error;
    const status = httpStatus(error);
    if (error instanceof MalformedResponseError || error instanceof UnreachableError || error instanceof RedirectRefusedError) {
        return (0,_text_js__WEBPACK_IMPORTED_MODULE_1__/* .forLog */ .Ig)(error.message, 500);
    }
    if (status === 401)
        return 'GitHub answered 401: the token is invalid or missing.';
    // The same test the request hook waits on: one idea of what a rate limit is.
    if ((0,_resilience_js__WEBPACK_IMPORTED_MODULE_2__/* .rateLimitWait */ .h)(error) !== undefined) {
        return `GitHub's rate limit was still in force after the action waited as long as it may (${rateLimitReset(failure)}).`;
    }
    if (status === 422)
        return `GitHub rejected ${endpoint} (422): ${githubMessage(error)}`;
    if (status !== undefined && status >= 500) {
        const cause = /timeout|aborted/i.test(githubMessage(error)) ? 'timed out' : `failed (${githubMessage(error)})`;
        const again = retried ? ', also on every retry' : ' (not retried: it may have been applied)';
        return status === 500 && !failure.response
            ? `The call to ${endpoint} ${cause}${again}.`
            : `GitHub answered ${status} to ${endpoint}${again}: ${githubMessage(error)}.`;
    }
    return undefined;
}
/** Why a list could not be read, with the permission or setting that would fix it. */
function describeListFailure(error, type, list, scope, endpoint) {
    const common = describeCommonFailure(error, endpoint);
    if (common)
        return common;
    const status = httpStatus(error);
    const classicToken = list.classicScope === null
        ? 'a personal access token (classic) (GitHub documents no scope for it here)'
        : `a personal access token (classic) with the ${list.classicScope ?? _request_types_js__WEBPACK_IMPORTED_MODULE_0__/* .CLASSIC_SCOPE */ .c1} scope`;
    const tokenKinds = list.fineGrained === null
        ? `This ${scope} endpoint does not work with fine-grained personal access tokens or GitHub App tokens (GITHUB_TOKEN included): use ${classicToken}.`
        : `Use ${classicToken}, or a fine-grained token or GitHub App with ${list.fineGrained}.`;
    if (status === 403) {
        return `GitHub answered 403 to ${endpoint}: the token may not list ${type.title.toLowerCase()}s. ${tokenKinds} See ${list.docs}`;
    }
    if (status === 404) {
        return `GitHub answered 404 to ${endpoint}: the feature is not enabled or not visible to this token (${type.feature} off, or a name that does not exist).${list.fineGrained === null ? ` ${tokenKinds}` : ''}`;
    }
    return describeUnexpected(error, endpoint);
}
/** What went wrong with a read of no particular kind (an alert): the common reasons, else its status and GitHub's message. */
function describeFailure(error, endpoint) {
    return describeCommonFailure(error, endpoint) ?? describeUnexpected(error, endpoint);
}
/** A failure no rule above explains: its status and GitHub's message, or what went wrong on the way. */
function describeUnexpected(error, endpoint) {
    const status = httpStatus(error);
    return error.response && status !== undefined
        ? `GitHub answered ${status} to ${endpoint}: ${githubMessage(error)}`
        : `The call to ${endpoint} failed: ${githubMessage(error)}`;
}
/** Why a review call failed; a write is never retried, so the message says so. */
function describeReviewFailure(error, type, endpoint) {
    const common = describeCommonFailure(error, endpoint, false);
    if (common)
        return common;
    if (httpStatus(error) === 403 && type.review) {
        return (`GitHub answered 403 to ${endpoint}: the token may not review ${type.title.toLowerCase()}s (${githubMessage(error)}). ` +
            `Use a personal access token (classic) with the ${_request_types_js__WEBPACK_IMPORTED_MODULE_0__/* .CLASSIC_SCOPE */ .c1} scope of a reviewer, or a fine-grained token or GitHub App with ${type.review.fineGrained}.`);
    }
    return describeUnexpected(error, endpoint);
}


/***/ }),

/***/ 4974:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   I: () => (/* binding */ resilience),
/* harmony export */   h: () => (/* binding */ rateLimitWait)
/* harmony export */ });
/**
 * Retries and rate limits as one small layer on Octokit's request hook.
 *
 * It replaces @octokit/plugin-retry and @octokit/plugin-throttling, whose
 * queue (Bottleneck) left about 13 ms of timer waits on every call (measured
 * with 20 ms of API latency: 22.7 ms a call with plain Octokit, 37.1 ms with
 * both plugins). The behaviour is theirs, kept:
 * - reads are retried after an answer no retry makes worse (5xx, 408, no
 *   answer, a time-out), waiting 1 s, 4 s, 9 s…; never after a 4xx;
 * - a write is never retried after an answer that may mean it was applied;
 * - primary and secondary rate limits (403/429 with x-ratelimit-remaining 0,
 *   retry-after, or GitHub's words) are waited out as GitHub asks, within
 *   one budget for the whole run, writes included (a rate-limited call was
 *   not applied);
 * - writes go one at a time, at least a second apart, as GitHub advises.
 */
const sleep = (ms) => new Promise(resolve => setTimeout(resolve, ms));
/**
 * The wait GitHub asks for, and which limit it is, or undefined when the
 * answer is not a rate limit. At least a second: a wait of nothing (a
 * `retry-after: 0`, a reset already past) would repeat the call without end
 * and never use up the budget.
 */
function rateLimitWait(error, now = Date.now()) {
    const failure = error;
    if (failure.status !== 403 && failure.status !== 429)
        return undefined;
    const headers = failure.response?.headers ?? {};
    const message = String(failure.response?.data?.message ?? failure.message ?? '');
    if (String(headers['x-ratelimit-remaining']) === '0') {
        const reset = Number(headers['x-ratelimit-reset']) * 1000;
        return { kind: 'Primary', seconds: Number.isFinite(reset) ? Math.max(Math.ceil((reset - now) / 1000) + 1, 1) : 60 };
    }
    // retry-after is a number of seconds or an HTTP date.
    const retryAfter = headers['retry-after'] === undefined ? NaN : Number(headers['retry-after']);
    const retryAt = headers['retry-after'] === undefined ? NaN : Date.parse(String(headers['retry-after']));
    const seconds = Number.isFinite(retryAfter) ? retryAfter : Number.isFinite(retryAt) ? (retryAt - now) / 1000 : undefined;
    if (seconds !== undefined)
        return { kind: 'Secondary', seconds: Math.max(Math.ceil(seconds), 1) };
    if (/rate limit/i.test(message))
        return { kind: 'Secondary', seconds: 60 };
    return undefined;
}
/** Whether a read that failed so may succeed when tried again. */
function retryable(error) {
    const failure = error;
    if (failure.response === undefined)
        return failure.status !== undefined; // no answer: a reset, a time-out
    return failure.status === 408 || (failure.status !== undefined && failure.status >= 500);
}
function resilience(options) {
    const backoff = options.backoffMs ?? (attempt => (attempt + 1) ** 2 * 1000);
    let waitedMs = 0;
    let writes = Promise.resolve();
    let lastWriteEnd = 0;
    /** Waits for a rate limit when the run's budget allows, and says so; false when it does not. */
    const waitOut = async (error, { method, url }) => {
        const limit = rateLimitWait(error);
        if (!limit)
            return false;
        const ms = limit.seconds * 1000;
        if (waitedMs + ms > options.rateLimitBudgetMs)
            return false;
        waitedMs += ms;
        options.onWait(`${limit.kind} rate limit on ${method} ${url}: waiting ${limit.seconds}s before retrying.`);
        await sleep(ms);
        return true;
    };
    const attempt = async (request, requestOptions, retries) => {
        for (let tries = 0;;) {
            try {
                return await request(requestOptions);
            }
            catch (error) {
                if (await waitOut(error, requestOptions))
                    continue;
                if (tries >= retries || !retryable(error))
                    throw error;
                await sleep(backoff(tries++));
            }
        }
    };
    return octokit => octokit.hook.wrap('request', (request, requestOptions) => {
        const read = ['GET', 'HEAD'].includes(requestOptions.method.toUpperCase());
        if (read)
            return attempt(request, requestOptions, requestOptions.request?.retries ?? options.retries);
        // Writes: one at a time, a second apart, and not retried (rate limits aside).
        const write = writes.then(async () => {
            await sleep(Math.max(0, lastWriteEnd + options.writeSpacingMs - Date.now()));
            try {
                return await attempt(request, requestOptions, 0);
            }
            finally {
                lastWriteEnd = Date.now();
            }
        });
        writes = write.catch(() => undefined);
        return write;
    });
}


/***/ }),

/***/ 8423:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  run: () => (/* binding */ run)
});

// EXTERNAL MODULE: external "node:fs/promises"
var promises_ = __webpack_require__(1455);
;// CONCATENATED MODULE: ./node_modules/yocto-queue/index.js
/*
How it works:
`this.#head` is an instance of `Node` which keeps track of its current value and nests another instance of `Node` that keeps the value that comes after it. When a value is provided to `.enqueue()`, the code needs to iterate through `this.#head`, going deeper and deeper to find the last value. However, iterating through every single item is slow. This problem is solved by saving a reference to the last value as `this.#tail` so that it can reference it to add a new value.
*/

class Node {
	value;
	next;

	constructor(value) {
		this.value = value;
	}
}

class Queue {
	#head;
	#tail;
	#size;

	constructor() {
		this.clear();
	}

	enqueue(value) {
		const node = new Node(value);

		if (this.#head) {
			this.#tail.next = node;
			this.#tail = node;
		} else {
			this.#head = node;
			this.#tail = node;
		}

		this.#size++;
	}

	dequeue() {
		const current = this.#head;
		if (!current) {
			return;
		}

		this.#head = this.#head.next;
		this.#size--;

		// Clean up tail reference when queue becomes empty
		if (!this.#head) {
			this.#tail = undefined;
		}

		return current.value;
	}

	peek() {
		if (!this.#head) {
			return;
		}

		return this.#head.value;

		// TODO: Node.js 18.
		// return this.#head?.value;
	}

	clear() {
		this.#head = undefined;
		this.#tail = undefined;
		this.#size = 0;
	}

	get size() {
		return this.#size;
	}

	* [Symbol.iterator]() {
		let current = this.#head;

		while (current) {
			yield current.value;
			current = current.next;
		}
	}

	* drain() {
		while (this.#head) {
			yield this.dequeue();
		}
	}
}

;// CONCATENATED MODULE: ./node_modules/p-limit/index.js


function pLimit(concurrency) {
	let rejectOnClear = false;

	if (typeof concurrency === 'object') {
		({concurrency, rejectOnClear = false} = concurrency);
	}

	validateConcurrency(concurrency);

	if (typeof rejectOnClear !== 'boolean') {
		throw new TypeError('Expected `rejectOnClear` to be a boolean');
	}

	const queue = new Queue();
	let activeCount = 0;

	const resumeNext = () => {
		// Process the next queued function if we're under the concurrency limit
		if (activeCount < concurrency && queue.size > 0) {
			activeCount++;
			queue.dequeue().run();
		}
	};

	const next = () => {
		activeCount--;
		resumeNext();
	};

	const run = async (function_, resolve, arguments_) => {
		// Execute the function and capture the result promise
		const result = (async () => function_(...arguments_))();

		// Resolve immediately with the promise (don't wait for completion)
		resolve(result);

		// Wait for the function to complete (success or failure)
		// We catch errors here to prevent unhandled rejections,
		// but the original promise rejection is preserved for the caller
		try {
			await result;
		} catch {}

		// Decrement active count and process next queued function
		next();
	};

	const enqueue = (function_, resolve, reject, arguments_) => {
		const queueItem = {reject};

		// Queue the internal resolve function instead of the run function
		// to preserve the asynchronous execution context.
		new Promise(internalResolve => { // eslint-disable-line promise/param-names
			queueItem.run = internalResolve;
			queue.enqueue(queueItem);
		}).then(run.bind(undefined, function_, resolve, arguments_)); // eslint-disable-line promise/prefer-await-to-then

		// Start processing immediately if we haven't reached the concurrency limit
		if (activeCount < concurrency) {
			resumeNext();
		}
	};

	const generator = (function_, ...arguments_) => new Promise((resolve, reject) => {
		enqueue(function_, resolve, reject, arguments_);
	});

	Object.defineProperties(generator, {
		activeCount: {
			get: () => activeCount,
		},
		pendingCount: {
			get: () => queue.size,
		},
		clearQueue: {
			value() {
				if (!rejectOnClear) {
					queue.clear();
					return;
				}

				const abortError = AbortSignal.abort().reason;

				while (queue.size > 0) {
					queue.dequeue().reject(abortError);
				}
			},
		},
		concurrency: {
			get: () => concurrency,

			set(newConcurrency) {
				validateConcurrency(newConcurrency);
				concurrency = newConcurrency;

				queueMicrotask(() => {
					// eslint-disable-next-line no-unmodified-loop-condition
					while (activeCount < concurrency && queue.size > 0) {
						resumeNext();
					}
				});
			},
		},
		map: {
			async value(iterable, function_) {
				const promises = [];

				try {
					Array.from(iterable, (value, index) => {
						const promise = generator(function_, value, index);
						promises.push(promise);
						return promise;
					});
				} catch (error) {
					// The iterable threw, so `Promise.all` never observes the already scheduled promises. Observe them here to avoid unhandled rejections.
					for (const promise of promises) {
						promise.catch(() => {}); // eslint-disable-line promise/prefer-await-to-then
					}

					throw error;
				}

				return Promise.all(promises);
			},
		},
	});

	return generator;
}

function limitFunction(function_, options) {
	const limit = pLimit(options);

	const limitedFunction = (...arguments_) => limit(() => function_(...arguments_));
	Object.defineProperty(limitedFunction, 'clearQueue', {
		value: limit.clearQueue,
	});

	return limitedFunction;
}

function validateConcurrency(concurrency) {
	if (!((Number.isInteger(concurrency) || concurrency === Number.POSITIVE_INFINITY) && concurrency > 0)) {
		throw new TypeError('Expected `concurrency` to be a number from 1 and up');
	}
}

;// CONCATENATED MODULE: ./src/classify.ts
const HOUR = 3_600_000;
const DAY = 24 * HOUR;
const tenths = (ms) => Math.round((ms / HOUR) * 10) / 10;
/** Time left to a hundredth of an hour (36 s), so that a request with minutes left does not read as expired. */
const hundredths = (ms) => Math.round((ms / HOUR) * 100) / 100;
/**
 * When each classified record was created (Date.parse of created_at), kept
 * for the orders below: parsed once per record while its page arrives, not
 * again when ten thousand records are sorted. Records are never changed in
 * place, so a record found here is the one that was parsed.
 */
const createdAt = new WeakMap();
/** An unreadable creation time counts as the newest (NaN would make the order not transitive). */
function createdTime(record) {
    const time = createdAt.get(record) ?? Date.parse(record.created_at);
    return Number.isNaN(time) ? Infinity : time;
}
/** `expiringWithinMs` defaults to the input's default, a day. */
function classify(record, now, staleAfterMs, expiringWithinMs = DAY) {
    const created = Date.parse(record.created_at);
    const ageMs = Number.isFinite(created) ? Math.max(0, now - created) : 0;
    const expiresIn = expiresInMs(record, now);
    // A request the action cannot interpret counts as stale and expiring as well as open: it fails closed.
    const unreadable = record.problems.length > 0;
    const classified = {
        ...record,
        stale: unreadable || (record.open && ageMs >= staleAfterMs),
        expiring: unreadable || (record.open && expiresIn !== undefined && expiresIn <= expiringWithinMs),
        age_hours: tenths(ageMs),
        expires_in_hours: expiresIn === undefined ? null : hundredths(expiresIn)
    };
    createdAt.set(classified, created);
    return classified;
}
/** Milliseconds until the request expires (negative once it has), or undefined without an expiry. */
function expiresInMs(record, now) {
    const expires = record.expires_at ? Date.parse(record.expires_at) : NaN;
    return Number.isFinite(expires) ? expires - now : undefined;
}
/** An open request to dismiss the alert of a secret that still works (`include-alerts`): the most dangerous kind. */
function dismissesActiveSecret(record) {
    return record.open && record.alert?.validity === 'active';
}
/**
 * What an order compares, in turn, smallest first: whether it dismisses an
 * active secret (0) or not (1), a rank, time left (none last), age (oldest
 * first), creation time. Values that cannot be compared (NaN) count as equal.
 * Keys are written straight into typed arrays: ten thousand records are
 * ordered without making an array per record.
 */
const KEY_WIDTH = 5;
/** Writes the key of `record` at `at` in `keys`. */
function writeKey(record, rank, keys, at) {
    keys[at] = dismissesActiveSecret(record) ? 0 : 1;
    keys[at + 1] = rank;
    keys[at + 2] = record.expires_in_hours ?? Infinity;
    keys[at + 3] = -record.age_hours;
    keys[at + 4] = createdTime(record);
}
/** The key at `a` in `keysA` against the key at `b` in `keysB`. */
function compareAt(keysA, a, keysB, b) {
    for (let i = 0; i < KEY_WIDTH; i++) {
        const difference = keysA[a + i] - keysB[b + i];
        if (difference < 0 || difference > 0)
            return difference;
    }
    return 0;
}
const urgencyRank = r => (r.expiring ? 0 : r.stale ? 1 : r.open ? 2 : 3);
const expiryRank = () => 0;
/**
 * The records in the order of their keys, each key worked out once (a
 * comparator would parse dates at every comparison) and kept in one typed
 * array; records that compare equal keep their order.
 */
function sortByKey(records, rank) {
    const keys = new Float64Array(records.length * KEY_WIDTH);
    const order = [];
    for (let i = 0; i < records.length; i++) {
        writeKey(records[i], rank(records[i]), keys, i * KEY_WIDTH);
        order.push(i);
    }
    order.sort((a, b) => compareAt(keys, a * KEY_WIDTH, keys, b * KEY_WIDTH) || a - b);
    const sorted = [];
    for (let i = 0; i < order.length; i++)
        sorted.push(records[order[i]]);
    return sorted;
}
/** A comparator of two records in the order `rank` gives. */
function comparing(rank) {
    return (a, b) => {
        const keys = new Float64Array(2 * KEY_WIDTH);
        writeKey(a, rank(a), keys, 0);
        writeKey(b, rank(b), keys, KEY_WIDTH);
        return compareAt(keys, 0, keys, KEY_WIDTH);
    };
}
/**
 * Most urgent first: a request to dismiss an active secret, then expiring,
 * then stale, then open, then the rest; within each, soonest expiry first,
 * then oldest.
 */
const byUrgency = comparing(urgencyRank);
/** What runs out first: requests to dismiss an active secret, then by soonest expiry, then oldest. */
const byExpiry = comparing(expiryRank);
/** A new array of the records, most urgent first (the order of byUrgency). */
const inOrderOfUrgency = (records) => sortByKey(records, urgencyRank);
/** A new array of the records, what runs out first first (the order of byExpiry). */
const inOrderOfExpiry = (records) => sortByKey(records, expiryRank);
/** The first `n` of inOrderOfExpiry(records.filter(include)), found in one pass instead of sorting them all. */
function firstToRunOut(records, n, include = () => true) {
    if (n <= 0)
        return [];
    // The keys of the first n so far, in order, and one more slot for the record being looked at.
    const keys = new Float64Array((n + 1) * KEY_WIDTH);
    const candidate = n * KEY_WIDTH;
    const first = [];
    const lastAt = (n - 1) * KEY_WIDTH;
    // Indexed loops here and below: a loop over ten thousand records runs once, before V8 has optimized it, where `for…of` costs more.
    for (let r = 0; r < records.length; r++) {
        const record = records[r];
        if (!include(record))
            continue;
        const full = first.length >= n;
        // Most records run out after the last of the first n: told from the first and third part of the key, without writing it.
        const active = dismissesActiveSecret(record) ? 0 : 1;
        if (full && (active > keys[lastAt] || (active === keys[lastAt] && (record.expires_in_hours ?? Infinity) > keys[lastAt + 2])))
            continue;
        writeKey(record, 0, keys, candidate);
        if (full && compareAt(keys, candidate, keys, lastAt) >= 0)
            continue;
        // After every record it does not come before, as a stable sort would put it.
        let at = first.length;
        while (at > 0 && compareAt(keys, candidate, keys, (at - 1) * KEY_WIDTH) < 0)
            at--;
        const last = full ? n - 1 : first.length;
        keys.copyWithin((at + 1) * KEY_WIDTH, at * KEY_WIDTH, last * KEY_WIDTH);
        keys.copyWithin(at * KEY_WIDTH, candidate, candidate + KEY_WIDTH);
        first.splice(at, 0, record);
        if (first.length > n)
            first.pop();
    }
    return first;
}
function countRecords(records) {
    const counts = { total: records.length, open: 0, stale: 0, expiring: 0 };
    for (let i = 0; i < records.length; i++) {
        const record = records[i];
        if (record.open)
            counts.open++;
        if (record.stale)
            counts.stale++;
        if (record.expiring)
            counts.expiring++;
    }
    return counts;
}

// EXTERNAL MODULE: ./src/github/errors.ts
var errors = __webpack_require__(3116);
// EXTERNAL MODULE: external "node:stream/consumers"
var consumers_ = __webpack_require__(8321);
// EXTERNAL MODULE: ./src/request-types.ts
var request_types = __webpack_require__(4726);
;// CONCATENATED MODULE: ./src/github/list.ts
/**
 * Lists one request type at the run's scope: every page, 100 at a time.
 * The first page says (in its Link header) how many there are; the rest are
 * then fetched together, within the run's concurrency limit, and put back in
 * order. Without a `last` link the `next` links are followed one by one.
 */



const PER_PAGE = 100;
/** The path and query of the first page, with every filter the endpoint takes. */
function listCall(type, list, filters) {
    const query = {
        time_period: filters.timePeriod,
        request_status: (0,request_types/* statusToSend */.__)(list, filters.requestStatus),
        per_page: PER_PAGE
    };
    if (filters.requester)
        query.requester = filters.requester;
    if (filters.reviewer)
        query.reviewer = filters.reviewer;
    const name = list.nameFilter === 'repository_name' ? filters.repositoryName : filters.organizationName;
    if (list.nameFilter && name)
        query[list.nameFilter] = name;
    return { route: `GET /${filters.listPrefix}/${type.segment}`, query };
}
/** Page links of a `Link` header: `{ next: 'https://…&page=2', last: '…' }`. */
function parseLink(header) {
    const links = {};
    for (const [, url, rel] of (header ?? '').matchAll(/<([^>]+)>\s*;\s*rel="([^"]+)"/g)) {
        if (url && rel)
            links[rel] = url;
    }
    return links;
}
function pageNumber(url) {
    const page = Number(new URL(url).searchParams.get('page'));
    return Number.isInteger(page) && page > 0 ? page : undefined;
}
/** A page must be a JSON array of objects; anything else fails the list closed. */
function isListOfObjects(data) {
    return Array.isArray(data) && data.every(item => typeof item === 'object' && item !== null && !Array.isArray(item));
}
/**
 * The page's items, parsed with JSON.parse from the body Octokit left
 * unparsed (`parseSuccessResponseBody: false`): several times faster than
 * Octokit's own parser on a page of 100 requests.
 */
async function readPage(body, endpoint) {
    // A body that breaks off is a failed call, told as one; only text that is not JSON is GitHub's malformed answer.
    const text = typeof body === 'object' && body !== null && Symbol.asyncIterator in body ? await (0,consumers_.text)(body) : body;
    let data = text;
    if (typeof text === 'string') {
        try {
            data = JSON.parse(text);
        }
        catch {
            throw new errors/* MalformedResponseError */.f7(endpoint);
        }
    }
    if (!isListOfObjects(data))
        throw new errors/* MalformedResponseError */.f7(endpoint);
    return data;
}
/**
 * Every item of the list `call` names, in GitHub's order, each passed
 * through `read` as soon as its page arrives, so that the raw items of a
 * page are released at once. The pages up to `last` are fetched together;
 * if the list grew meanwhile, the page that was last links a next one,
 * which is followed like any `next`. Items that came twice (a list that
 * grew shifts items onto the next page) are kept once, by GitHub's id; an
 * item without a readable id is always kept.
 */
async function listRequests(github, limit, { route, query }, read) {
    const page = async (number) => {
        const response = await limit(() => github.request(route, { ...query, page: number, request: { parseSuccessResponseBody: false } }));
        const items = await readPage(response.data, `${route}?page=${number}`);
        // Each item's id (to drop an item that came twice) and what `read` made of it; the raw item itself is not kept.
        const ids = items.map(item => item.id);
        const values = items.map(read);
        return { number, ids, values, links: parseLink(response.headers.link) };
    };
    const first = await page(1);
    const last = first.links.last ? pageNumber(first.links.last) : undefined;
    const pages = [first];
    if (last !== undefined && last > 1)
        pages.push(...(await Promise.all(Array.from({ length: last - 1 }, (_, i) => page(i + 2)))));
    for (let current = pages.at(-1); current;) {
        const next = current.links.next ? pageNumber(current.links.next) : undefined;
        current = next !== undefined && next > current.number ? await page(next) : undefined;
        if (current)
            pages.push(current);
    }
    const seen = new Set();
    const values = [];
    for (const { ids, values: made } of pages) {
        for (let i = 0; i < ids.length; i++) {
            const id = ids[i];
            const value = made[i];
            if (typeof id === 'number') {
                if (seen.has(id))
                    continue;
                seen.add(id);
            }
            values.push(value);
        }
    }
    return values;
}

// EXTERNAL MODULE: ./src/repositories.ts
var repositories = __webpack_require__(539);
;// CONCATENATED MODULE: ./src/requests.ts


/**
 * The one empty list every record shares where it has nothing to list (ten
 * thousand records would otherwise hold some forty thousand empty arrays).
 * Frozen: records are never changed in place, and this one cannot be.
 */
const NONE = Object.freeze([]);
/** A request awaiting review says `open` or `pending`, depending on the endpoint. */
function isOpenStatus(status) {
    return status === 'open' || status === 'pending';
}
/** `README.md:17:0` or `/tests/README.md:16:0` → file relative to the repository root, and line. */
function splitPath(raw) {
    const match = /^(.*):(\d+):(\d+)$/.exec(raw);
    const file = (match?.[1] ?? raw).replace(/^\/+/, '');
    const line = match ? Number(match[2]) : null;
    return { path: file, line: line !== null && line > 0 ? line : null };
}
/** Alert numbers from `data[].alert_number`, sent as strings or integers, each once; anything else is dropped. */
function alertNumbers(data) {
    let numbers;
    for (const { alert_number: sent } of data) {
        const number = typeof sent === 'number' ? sent : typeof sent === 'string' && /^\s*\d+\s*$/.test(sent) ? Number(sent) : NaN;
        if (Number.isSafeInteger(number) && number > 0 && !numbers?.includes(number))
            (numbers ??= []).push(number);
    }
    return numbers ?? NONE;
}
function positiveInteger(value) {
    return typeof value === 'number' && Number.isSafeInteger(value) && value > 0 ? value : null;
}
/** `type:owner/repo#N` when the request has a repository and a number to be reviewed by. */
function targetOf(type, repository, number, alertNumber) {
    const key = type.review?.key === 'alert_number' ? alertNumber : number;
    return key !== null && (0,repositories/* parseFullName */.St)(repository) ? `${type.id}:${repository}#${key}` : null;
}
/**
 * One copy of each value that many records repeat (repository, organization,
 * logins, status, branch, path, reasons, secret types) is kept: ten
 * thousand records name a few hundred of them. Made once per run.
 */
function sharedStrings() {
    const seen = new Map();
    return text => {
        const known = seen.get(text);
        if (known !== undefined)
            return known;
        seen.set(text, text);
        return text;
    };
}
/** A string GitHub sent, redacted; a number as its digits; anything else empty. */
function textOf(value, redact) {
    return typeof value === 'string' ? redact(value) : typeof value === 'number' ? String(value) : '';
}
/** The distinct non-empty strings of `fields` across `data`, in order, redacted and shared. */
function distinctOf(data, fields, redact, share) {
    let found;
    for (const entry of data) {
        for (const field of fields) {
            const value = entry[field];
            if (typeof value !== 'string' || value === '')
                continue;
            const text = share(redact(value));
            if (!found?.includes(text))
                (found ??= []).push(text);
        }
    }
    return found ?? NONE;
}
const REASON_FIELDS = ['bypass_reason', 'reason', 'rule_type'];
/**
 * The record before classification (`stale`, `expiring`, `age_hours` and
 * `expires_in_hours` are set by classify). Every string GitHub sent goes through `redact`; every field the
 * action relies on is checked, and what cannot be interpreted is named in
 * `problems` rather than guessed.
 */
function normalize(raw, type, redact, share = text => text) {
    const text = (value) => textOf(value, redact);
    /** Text that many records repeat. */
    const shared = (value) => share(textOf(value, redact));
    const data = (Array.isArray(raw.data) ? raw.data.filter(d => typeof d === 'object' && d !== null) : []);
    const located = data.find(d => typeof d.path === 'string' && d.path !== '');
    const where = located?.path ? splitPath(located.path) : undefined;
    const status = shared(raw.status);
    const id = positiveInteger(raw.id);
    const number = positiveInteger(raw.number);
    const repository = shared(raw.repository?.full_name);
    const createdAt = text(raw.created_at);
    const alerts = alertNumbers(data);
    const alertNumber = type.review?.key === 'alert_number' && alerts.length === 1 ? (alerts[0] ?? null) : null;
    const problems = [];
    if (!request_types/* KNOWN_STATUSES */.Do.includes(status))
        problems.push(`status ${JSON.stringify(status)} is not one the action knows`);
    if (!Number.isFinite(Date.parse(createdAt)))
        problems.push(createdAt ? `created_at ${JSON.stringify(createdAt)} is not a date` : 'created_at is missing');
    if (!(0,repositories/* parseFullName */.St)(repository))
        problems.push(repository ? `repository ${JSON.stringify(repository)} is not owner/name` : 'repository is missing');
    if (number === null)
        problems.push(`number ${JSON.stringify(text(raw.number) || null)} is not a positive integer`);
    if (id === null)
        problems.push(`id ${JSON.stringify(text(raw.id) || null)} is not a positive integer`);
    return {
        type: type.id,
        id,
        number,
        alert_number: alertNumber,
        target: problems.length > 0 ? null : targetOf(type, repository, number, alertNumber),
        repository,
        organization: shared(raw.organization?.name),
        requester: shared(raw.requester?.actor_name),
        status,
        // What cannot be interpreted counts against the gate: open (and, in classify, stale).
        open: isOpenStatus(status) || problems.length > 0,
        stale: false,
        expiring: false,
        age_hours: 0,
        expires_in_hours: null,
        created_at: createdAt,
        expires_at: raw.expires_at ? text(raw.expires_at) : null,
        reasons: distinctOf(data, REASON_FIELDS, redact, share),
        secret_types: distinctOf(data, ['secret_type'], redact, share),
        alert_numbers: alerts,
        path: where ? share(redact(where.path)) : null,
        line: where?.line ?? null,
        branch: distinctOf(data, ['branch'], redact, share)[0] ?? null,
        ruleset: share(distinctOf(data, ['ruleset_name'], redact, share).join(', ')) || null,
        comment: text(raw.requester_comment),
        html_url: text(raw.html_url),
        responses: Array.isArray(raw.responses) && raw.responses.length > 0
            ? raw.responses.map(r => ({
                id: positiveInteger(r?.id),
                reviewer: shared(r?.reviewer?.actor_name),
                status: shared(r?.status),
                created_at: text(r?.created_at)
            }))
            : NONE,
        problems: problems.length > 0 ? problems.map(redact) : NONE,
        policy_violations: NONE,
        alert: null,
        review: null
    };
}
/**
 * The number a person uses for a request: the one the review call is keyed
 * by (the request number of a bypass request, the alert number of a
 * dismissal request). Undefined when there is none to review by.
 */
function targetNumber(record) {
    const key = (0,request_types/* requestType */.y9)(record.type).review?.key ?? 'number';
    return (key === 'number' ? record.number : record.alert_number) ?? undefined;
}

;// CONCATENATED MODULE: ./src/fetch.ts



async function fetchType(github, limit, settings, selected, redact, prepare, share) {
    const { type, list, explicit } = selected;
    const call = listCall(type, list, settings);
    try {
        return { records: await listRequests(github, limit, call, item => prepare(normalize(item, type, redact, share))) };
    }
    catch (error) {
        const status = (0,errors/* httpStatus */.nG)(error);
        const failure = {
            type,
            status,
            reason: (0,errors/* describeListFailure */.Qs)(error, type, list, settings.scope, call.route),
            warningOnly: status === 404 && !explicit
        };
        return { records: [], failure };
    }
}
async function fetchRequests(github, limit, settings, redact, prepare = record => record) {
    const share = sharedStrings();
    const results = await Promise.all(settings.types.map(selected => fetchType(github, limit, settings, selected, redact, prepare, share)));
    return {
        records: results.flatMap(r => r.records),
        failures: results.flatMap(r => (r.failure ? [r.failure] : []))
    };
}

;// CONCATENATED MODULE: ./src/filters.ts


const same = (a, b) => a.toLowerCase() === b.toLowerCase();
/** The status filter, applied here too because some endpoints were asked for `all`. */
function statusMatches(record, wanted) {
    if (wanted === 'all' || record.problems.length > 0)
        return true;
    return wanted === 'open' ? record.open : record.status === wanted;
}
/** Requests that name a branch must name this one; types whose requests name none are not narrowed. */
function branchMatches(record, branch) {
    if (!branch || !(0,request_types/* requestType */.y9)(record.type).hasBranch)
        return true;
    return record.branch === branch;
}
/** Whether `repositories`, `repository-name` or `organization-name` is set. */
function hasPlaceFilter({ repositories, repositoryName, organizationName }) {
    return repositories.include.length + repositories.exclude.length > 0 || Boolean(repositoryName) || Boolean(organizationName);
}
/**
 * The repository the request is in, against `repositories`, `repository-name`
 * and `organization-name`; a request whose repository is unreadable is kept.
 */
function placeMatches(record, settings) {
    // Nothing to match against: every place matches, without reading ten thousand repository names.
    if (!hasPlaceFilter(settings))
        return true;
    const repository = (0,repositories/* parseFullName */.St)(record.repository);
    if (!repository)
        return true;
    const organization = record.organization || repository.owner;
    return ((0,repositories/* repositoryMatches */._b)(settings.repositories, record.repository) &&
        (!settings.repositoryName || same(repository.name, settings.repositoryName)) &&
        (!settings.organizationName || same(organization, settings.organizationName)));
}
/** `requester` made the request; `reviewer` responded to it. */
function peopleMatch(record, settings) {
    return ((!settings.requester || same(record.requester, settings.requester)) && (!settings.reviewer || record.responses.some(r => same(r.reviewer, settings.reviewer ?? ''))));
}
/** Every filter but the status. */
function filtersMatch(record, settings) {
    return placeMatches(record, settings) && branchMatches(record, settings.branch) && peopleMatch(record, settings);
}
/** The records every filter but the status matches: all of them, without a look at each, when no such filter is set. */
function matchingFilters(records, settings) {
    const any = hasPlaceFilter(settings) || Boolean(settings.branch) || Boolean(settings.requester) || Boolean(settings.reviewer);
    return any ? records.filter(record => filtersMatch(record, settings)) : records;
}

// EXTERNAL MODULE: ./src/duration.ts
var duration = __webpack_require__(7607);
;// CONCATENATED MODULE: ./src/request-text.ts
/**
 * How a request is shown to people, in every log line, annotation, table and
 * message: its label (`type owner/repo#N`), age, state, expiry and details.
 * The values come from other people: escape them (forLog, forMarkdown)
 * before writing.
 */




/** The number its target names (the alert number of a dismissal request), else its request number. */
function shownNumber(record) {
    const key = targetNumber(record);
    return key !== undefined ? { noun: (0,request_types/* numberNoun */.Wi)((0,request_types/* requestType */.y9)(record.type)), number: key } : { noun: 'request', number: record.number };
}
/** `alert #230`, `request #12`, `request #?`. */
function numberText({ noun, number }) {
    return `${noun} #${number ?? '?'}`;
}
/** `code-scanning-dismissal octo-org/web alert #230` from its parts. */
function labelOf(type, repository, number) {
    return `${type} ${placeText(repository, number)}`;
}
/** `octo-org/web alert #230`: where the request is, and its labelled number. */
function placeText(repository, number) {
    return `${repository || '(no repository)'} ${numberText(number)}`;
}
/** `code-scanning-dismissal octo-org/web alert #230`: the type id, the repository and the labelled number. */
function requestLabel(record) {
    return labelOf(record.type, record.repository, shownNumber(record));
}
/** `Code scanning alert dismissal request octo-org/web alert #230`: the label in words, for titles. */
function requestTitle(record) {
    return `${(0,request_types/* requestType */.y9)(record.type).title} ${placeText(record.repository, shownNumber(record))}`;
}
/** `3d 4h`: the request's age. */
function ageText(record) {
    return (0,duration/* humanDuration */.UU)(record.age_hours * HOUR);
}
/** `expiring, stale`, `stale`, `open`, or GitHub's status: the states that call for action first. */
function stateText(record) {
    const urgent = [record.expiring ? 'expiring' : '', record.stale ? 'stale' : ''].filter(Boolean);
    return urgent.length > 0 ? urgent.join(', ') : record.open ? 'open' : record.status;
}
/** What this run did to the request: `denied by this run`, `would deny (dry run)`, `deny failed`; undefined when it did nothing. */
function reviewText(record) {
    const review = record.review;
    if (!review || review.outcome === 'skipped')
        return undefined;
    const verb = review.action === 'dismiss-response' ? 'dismiss responses' : review.action;
    if (review.outcome === 'dry-run')
        return `would ${verb} (dry run)`;
    if (review.outcome === 'failed')
        return `${verb} failed`;
    return review.action === 'dismiss-response' ? 'responses dismissed by this run' : `${record.status} by this run`;
}
/** Whether the request is past its expiry (GitHub may still call it open). */
function hasExpired(record) {
    return record.expires_in_hours !== null && record.expires_in_hours <= 0;
}
/** `expired`, the time left (`2d 3h`), or undefined when GitHub sent no expiry. */
function expiryText(record) {
    const hours = record.expires_in_hours;
    return hours === null ? undefined : hasExpired(record) ? 'expired' : (0,duration/* humanDuration */.UU)(hours * HOUR);
}
/** The alert in a few words: `secret still active · open`, `critical · CVE-2024-1234 · open`, `alert unavailable`; undefined when not fetched. */
function alertText(record) {
    const alert = record.alert;
    if (!alert)
        return undefined;
    if (!alert.available)
        return 'alert unavailable';
    const validity = alert.validity === 'active' ? 'secret still active' : alert.validity ? `secret ${alert.validity}` : undefined;
    return [validity, alert.severity, alert.cve_id, alert.secret_type, alert.state].filter(Boolean).join(' · ') || 'no details';
}
/** `fails the justification policy: the comment is blank`; undefined when it passes. */
function policyText(record) {
    return record.policy_violations.length > 0 ? `fails the justification policy: ${record.policy_violations.join('; ')}` : undefined;
}
/** One detail of a request as its type's table shows it: `refs/heads/` left off a branch, a file with its line. */
function detailText(record, field) {
    switch (field) {
        case 'secret_types':
        case 'reasons':
            return record[field].join(', ');
        case 'branch':
            return record.branch?.replace(/^refs\/heads\//, '') ?? '';
        case 'file':
            return record.path === null ? '' : `${record.path}${record.line === null ? '' : `:${record.line}`}`;
        case 'ruleset':
            return record.ruleset ?? '';
    }
}
/** Reasons, secret types and ruleset, as one list. */
function requestDetails(record) {
    return [...record.reasons, ...record.secret_types, ...(record.ruleset ? [record.ruleset] : [])].join(', ');
}

// EXTERNAL MODULE: ./src/text.ts
var src_text = __webpack_require__(8992);
// EXTERNAL MODULE: ./src/words.ts
var words = __webpack_require__(5846);
;// CONCATENATED MODULE: ./src/gate.ts
/**
 * The gate: whether the step fails, and the one message that says why.
 * Everything that can fail the step comes here: lists that could not be
 * read (it fails closed: "no open requests" cannot be claimed from missing
 * data), the matched requests under `fail-on`, a refused review plan and
 * failed review calls.
 */




/** How many failed reviews the message names (report-json has them all). */
const NAMED_FAILURES = 10;
/** Whether this record alone makes the step fail under `fail-on`. */
function failsGate(record, failOn) {
    switch (failOn) {
        case 'open':
            return record.open;
        case 'stale':
            return record.stale;
        case 'expiring':
            return record.expiring;
        case 'never':
            return false;
    }
}
/** The failing request the message names: the one that expires soonest under `expiring`, else the oldest. */
function named(failing, failOn) {
    if (failOn === 'expiring') {
        const [soonest] = firstToRunOut(failing, 1);
        return soonest ? `The soonest to expire is ${(0,src_text/* forLog */.Ig)(requestLabel(soonest))}: ${expiryText(soonest) ?? 'no expiry given'}.` : '';
    }
    const oldest = failing.reduce((a, b) => (b.age_hours > a.age_hours ? b : a));
    return `The oldest is ${(0,src_text/* forLog */.Ig)(requestLabel(oldest))}, open for ${ageText(oldest)}.`;
}
function gate({ records, failures, failOn, planErrors, reviews }) {
    const reasons = [];
    for (const failure of failures.filter(f => !f.warningOnly)) {
        reasons.push(`Could not list ${failure.type.id}: ${failure.reason} The gate fails closed: open requests of this type may exist.`);
    }
    const failing = records.filter(r => failsGate(r, failOn));
    if (failing.length > 0) {
        const counts = countRecords(records);
        reasons.push(`${(0,words/* plural */.L)(counts.open, 'open exemption request')} (${counts.stale} stale, ${counts.expiring} expiring) matched, failing because fail-on is ${failOn}. ` +
            named(failing, failOn));
    }
    if (planErrors.length > 0)
        reasons.push('The review plan was refused; nothing was reviewed:', ...planErrors);
    if (reviews && reviews.failures > 0) {
        const failed = reviews.calls.filter(c => !c.ok);
        const named = failed.slice(0, NAMED_FAILURES).map(c => (0,src_text/* forLog */.Ig)(c.target ?? `${c.method} ${c.path}`));
        const more = failed.length > NAMED_FAILURES ? ` and ${failed.length - NAMED_FAILURES} more` : '';
        reasons.push(`${reviews.failures} of ${(0,words/* plural */.L)(reviews.calls.length, 'review call')} failed: ${named.join(', ')}${more}.`);
    }
    return { failed: reasons.length > 0, messages: reasons };
}

;// CONCATENATED MODULE: ./src/github/review.ts




/** The call as the reports show it, before any answer; the message is redacted. */
function unansweredCall(call, redact) {
    return {
        type: call.record.type,
        repository: call.record.repository,
        number: shownNumber(call.record).number,
        target: call.record.target,
        action: call.action,
        method: call.method,
        path: call.path,
        ...(call.body ? { body: { status: call.body.status, message: redact(call.body.message) } } : {}),
        status: null,
        ok: false
    };
}
async function makeCall(github, call, redact) {
    const made = unansweredCall(call, redact);
    try {
        const response = await github.request({
            method: call.method,
            url: call.path,
            // Never retried (./resilience.ts): a 5xx or a lost connection may come after GitHub applied the review.
            ...(call.body ? { data: call.body } : {})
        });
        if (response.status >= 300) {
            // A redirect is not an answer to the review: it was not followed, so nothing says the review was made.
            const location = typeof response.headers.location === 'string' ? ` to ${(0,src_text/* forLog */.Ig)(response.headers.location, 300)}` : '';
            const message = `GitHub answered ${response.status} (a redirect${location}) to ${call.method} ${call.path}: not followed, so the review was not made.`;
            return { ...made, status: response.status, ok: false, message: redact(message) };
        }
        return { ...made, status: response.status, ok: true };
    }
    catch (error) {
        // A network error carries status 500 but no response: GitHub gave no answer.
        const answered = error.response !== undefined;
        const message = redact((0,errors/* describeReviewFailure */._v)(error, (0,request_types/* requestType */.y9)(call.record.type), `${call.method} ${call.path}`));
        return { ...made, status: answered ? ((0,errors/* httpStatus */.nG)(error) ?? null) : null, ok: false, message };
    }
}
async function applyReviews(github, plan, { review, policy, dryRun, redact, onCall }) {
    const calls = [];
    for (const call of plan.calls) {
        const made = dryRun ? unansweredCall(call, redact) : await makeCall(github, call, redact);
        calls.push(made);
        onCall(made);
    }
    return {
        review,
        policy,
        dryRun,
        calls,
        skipped: plan.skipped,
        errors: plan.errors,
        reviewed: calls.filter(c => c.ok).length,
        failures: calls.filter(c => !c.ok && !dryRun).length
    };
}

// EXTERNAL MODULE: ./src/inputs.ts + 2 modules
var inputs = __webpack_require__(7473);
// EXTERNAL MODULE: ./src/workflow-commands.ts
var workflow_commands = __webpack_require__(6137);
;// CONCATENATED MODULE: ./src/report/annotations.ts







const PER_LEVEL = 10;
function whenText(record) {
    const expiry = expiryText(record);
    const expires = expiry === undefined ? '' : hasExpired(record) ? ', expired' : `, expires in ${expiry}`;
    const review = reviewText(record);
    return `${(0,src_text/* forLog */.Ig)(stateText(record), 40)}, ${ageText(record)} old${expires}${review ? `, ${(0,src_text/* forLog */.Ig)(review)}` : ''}`;
}
/** A relative path that stays inside the repository: no `..` segment, no drive letter, no backslash, no control character or line separator. */
function isInsideRepository(path) {
    return (path !== '' &&
        !path.startsWith('/') &&
        !/^[A-Za-z]:/.test(path) &&
        !path.includes('\\') &&
        // eslint-disable-next-line no-control-regex
        !/[\u0000-\u001f\u007f-\u009f\u2028\u2029]/.test(path) &&
        !path.split('/').includes('..'));
}
function annotationFor(record, level, settings) {
    const details = requestDetails(record);
    const alert = alertText(record);
    const policy = policyText(record);
    const message = `Requested by ${(0,src_text/* forLog */.Ig)(record.requester || 'unknown')} (${whenText(record)})` +
        (details ? ` [${(0,src_text/* forLog */.Ig)(details, 200)}]` : '') +
        (alert ? ` [alert: ${(0,src_text/* forLog */.Ig)(alert, 200)}]` : '') +
        (record.comment ? `: ${(0,src_text/* forLog */.Ig)(record.comment, 500)}` : '') +
        (policy ? ` — ${(0,src_text/* forLog */.Ig)(policy, 300)}` : '') +
        (record.html_url ? ` ${(0,src_text/* forLog */.Ig)(record.html_url)}` : '');
    const title = dismissesActiveSecret(record) ? `Active secret: ${requestTitle(record)}` : requestTitle(record);
    const properties = { title: (0,src_text/* forLog */.Ig)(title, 200) };
    const inRepository = settings.repository !== undefined && record.repository.toLowerCase() === (0,repositories/* fullName */.fq)(settings.repository).toLowerCase();
    if (inRepository && record.path !== null && isInsideRepository(record.path)) {
        // As GitHub sent it: annotate escapes annotation properties itself.
        properties.file = record.path;
        if (record.line !== null)
            properties.startLine = record.line;
    }
    return { level, message, properties };
}
/** A warning for each list skipped because its feature is off (reached through `all`). */
function listWarnings(failures) {
    return failures
        .filter(f => f.warningOnly)
        .map(f => ({ level: 'warning', message: `Skipped ${f.type.id}: ${(0,src_text/* forLog */.Ig)(f.reason)}`, properties: { title: 'Request type not available' } }));
}
/** A warning for each request GitHub sent that the action cannot interpret: it counts as open and stale. */
function problemWarnings(records) {
    return records
        .filter(r => r.problems.length > 0)
        .map(r => ({
        level: 'warning',
        message: `GitHub sent a ${r.type} item the action cannot interpret (${(0,src_text/* forLog */.Ig)(r.problems.join('; '), 500)}): ` +
            `${(0,src_text/* forLog */.Ig)(requestLabel(r))}${r.id !== null ? `, id ${r.id}` : ''} counts as open and stale and is never reviewed.` +
            (r.html_url ? ` ${(0,src_text/* forLog */.Ig)(r.html_url)}` : ''),
        properties: { title: 'Request not understood' }
    }));
}
/** A warning for each `repositories` pattern that matched none of the repositories GitHub sent requests for. */
function patternWarnings(filter, records) {
    if (filter.include.length + filter.exclude.length === 0)
        return [];
    const seen = [...new Set(records.map(r => r.repository))];
    if (seen.length === 0)
        return [];
    return (0,repositories/* unmatchedPatterns */.xo)(filter, seen).map(pattern => ({
        level: 'warning',
        message: `The repositories pattern ${(0,src_text/* forLog */.Ig)(pattern)} matched none of the ${(0,words/* plural */.L)(seen.length, 'repository', 'repositories')} with requests: check it for a typo.`,
        properties: { title: 'Repository pattern matched nothing' }
    }));
}
/**
 * The run's warnings, then the open requests among `records` (most urgent
 * first) as errors when they fail the gate and warnings otherwise, within
 * what is left of each level once the run's own annotations are counted.
 * `records`: null when the requests are not annotated (`annotations: false`).
 */
function planAnnotations(records, settings, { stepFails = false, warnings = [] } = {}) {
    // The run's own warnings come first, within the same limit; those past it are told in one notice, never dropped.
    const annotations = warnings.slice(0, PER_LEVEL);
    const unannotated = warnings.slice(PER_LEVEL);
    const shown = { error: stepFails ? 1 : 0, warning: annotations.length };
    let more = 0;
    for (const record of (records ?? []).filter(r => r.open)) {
        const level = failsGate(record, settings.failOn) ? 'error' : 'warning';
        if (shown[level] < PER_LEVEL) {
            shown[level]++;
            annotations.push(annotationFor(record, level, settings));
        }
        else {
            more++;
        }
    }
    if (unannotated.length > 0) {
        annotations.push({
            level: 'notice',
            message: `${(0,words/* plural */.L)(unannotated.length, 'more warning')} of this run (GitHub shows ${PER_LEVEL} per step): ` +
                `${unannotated
                    .slice(0, 3)
                    .map(w => w.message)
                    .join(' ')}${unannotated.length > 3 ? ` … and ${unannotated.length - 3} more like them.` : ''} Every request's problems are in the report-json file.`,
            properties: { title: 'More warnings' }
        });
    }
    if (more > 0) {
        annotations.push({
            level: 'notice',
            message: `${(0,words/* plural */.L)(more, 'more open request is', 'more open requests are')} listed in the job summary and the report-json file.`,
            properties: { title: 'More exemption requests' }
        });
    }
    return annotations;
}
function writeAnnotations(annotations) {
    (0,workflow_commands/* annotate */.fz)(annotations);
}

// EXTERNAL MODULE: external "node:os"
var external_node_os_ = __webpack_require__(8161);
// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __webpack_require__(6760);
;// CONCATENATED MODULE: ./src/report/files.ts
/** The report files: every matched request and every review call (JSON), and the job summary's text (Markdown). */






function reportJson(settings, now, records, failures, reviews, metrics, counts = countRecords(records)) {
    return {
        generated_at: new Date(now).toISOString(),
        scope: settings.scope,
        scope_name: settings.scopeName,
        filters: {
            request_types: settings.types.map(t => t.type.id),
            request_status: settings.requestStatus,
            time_period: settings.timePeriod,
            stale_after: settings.staleAfter,
            ...(settings.policy.patternText ? { require_comment_pattern: settings.policy.patternText } : {}),
            ...(settings.policy.minLength > 0 ? { min_comment_length: settings.policy.minLength } : {}),
            policy_action: settings.policyAction,
            include_alerts: settings.includeAlerts,
            expiring_within: settings.expiringWithin,
            ...(settings.requester ? { requester: settings.requester } : {}),
            ...(settings.reviewer ? { reviewer: settings.reviewer } : {}),
            ...(settings.repositoryName ? { repository_name: settings.repositoryName } : {}),
            ...(settings.organizationName ? { organization_name: settings.organizationName } : {}),
            ...(settings.branch ? { branch: settings.branch } : {})
        },
        counts,
        list_failures: failures.map(f => ({ type: f.type.id, status: f.status ?? null, reason: (0,src_text/* redact */.E$)(f.reason), warning_only: f.warningOnly })),
        requests: records,
        metrics: metrics ?? null,
        reviews: reviews
            ? {
                review: reviews.review,
                policy: reviews.policy,
                dry_run: reviews.dryRun,
                reviewed: reviews.reviewed,
                failures: reviews.failures,
                errors: reviews.errors.map(src_text/* redact */.E$),
                calls: reviews.calls,
                skipped: reviews.skipped.map(s => ({
                    type: s.record.type,
                    repository: s.record.repository,
                    number: shownNumber(s.record).number,
                    target: s.record.target,
                    reason: (0,src_text/* redact */.E$)(s.reason)
                }))
            }
            : null
    };
}
/** Records whose JSON is handed to the file system in one write. */
const RECORDS_PER_WRITE = 500;
/**
 * The report as JSON (what JSON.stringify would write, and a newline), as
 * groups of UTF-8 pieces to write one after the other: each request's JSON
 * is `json.bytes(record)` (after a comma, `json.listed`), kept since its page arrived, so the whole text is
 * never made. The text around the requests is masked with `mask`.
 */
function* reportJsonBytes(report, json, mask) {
    const { requests, metrics, reviews, ...head } = report;
    // The fields in the report's order: its head, the requests, then metrics and reviews.
    yield [Buffer.from(mask(`${JSON.stringify(head).slice(0, -1)},"requests":[`))];
    for (let start = 0; start < requests.length; start += RECORDS_PER_WRITE) {
        yield json.list(requests.slice(start, start + RECORDS_PER_WRITE), start === 0);
    }
    yield [Buffer.from(mask(`],"metrics":${JSON.stringify(metrics)},"reviews":${JSON.stringify(reviews)}}\n`))];
}
/**
 * Paths for the report files in a fresh folder under the runner's temporary
 * directory, so two steps never overwrite each other's reports.
 */
async function reportFolder() {
    const dir = await (0,promises_.mkdtemp)((0,external_node_path_.join)(process.env.RUNNER_TEMP || (0,external_node_os_.tmpdir)(), 'exemption-requests-'));
    return { json: (0,external_node_path_.join)(dir, 'report.json'), markdown: (0,external_node_path_.join)(dir, 'report.md') };
}
/** `pieces` without their first `bytes` bytes. */
function after(pieces, bytes) {
    let skip = bytes;
    let first = 0;
    while (first < pieces.length && skip >= pieces[first].length)
        skip -= pieces[first++].length;
    const rest = pieces.slice(first);
    if (skip > 0)
        rest[0] = rest[0].subarray(skip);
    return rest;
}
/** Writes every byte of `pieces` (`size` in all), one after the other, at `position`: in one call when the file system takes them all, as it does for a file. */
async function writeAt(handle, pieces, size, position) {
    for (let rest = pieces, at = position, left = size; left > 0;) {
        const { bytesWritten } = await handle.writev(rest, at);
        if (bytesWritten <= 0)
            throw new Error('The file system wrote nothing of the report.');
        left -= bytesWritten;
        at += bytesWritten;
        if (left > 0)
            rest = after(rest, bytesWritten);
    }
}
/**
 * Creates the file at `path` and starts writing `groups` to it: each group
 * of pieces is handed to the file system, at its place in the file, as soon
 * as it is made, as it is (the pieces are not copied into one buffer), so
 * the writing goes on in the background while the step goes on. Resolves
 * once every group is on its way.
 */
async function startWriting(path, groups) {
    const handle = await (0,promises_.open)(path, 'w');
    const writes = [];
    let position = 0;
    try {
        for (const pieces of groups) {
            let size = 0;
            for (let i = 0; i < pieces.length; i++)
                size += pieces[i].length;
            writes.push(writeAt(handle, pieces, size, position));
            position += size;
        }
    }
    catch (error) {
        await Promise.allSettled(writes);
        await handle.close();
        throw error;
    }
    const done = Promise.all(writes)
        .finally(() => handle.close())
        .then(() => undefined);
    // Awaited later by the caller; a failure before then is not an unhandled rejection (awaiting `done` still throws it).
    done.catch(() => undefined);
    return { done };
}

;// CONCATENATED MODULE: ./src/report/record-json.ts
/** Characters of JSON written to one buffer at a time. */
const BATCH_CHARACTERS = 1 << 16;
function createRecordJson(mask) {
    const kept = new WeakMap();
    let pending = [];
    /** The records of `pending`. */
    const waiting = new Set();
    let characters = 0;
    // Each record's JSON is kept after a comma, so that a list of records is written one piece a record.
    const flush = () => {
        if (pending.length === 0)
            return;
        let size = 0;
        for (const p of pending)
            size += 1 + Buffer.byteLength(p.text);
        // Each text is encoded straight into the batch: no joined copy of the batch's text is made first.
        const batch = Buffer.allocUnsafeSlow(size);
        let at = 0;
        for (const { record, text } of pending) {
            batch[at] = 0x2c; // ,
            const end = at + 1 + batch.write(text, at + 1);
            kept.set(record, batch.subarray(at, end));
            at = end;
        }
        pending = [];
        waiting.clear();
        characters = 0;
    };
    const keep = (record) => {
        if (kept.has(record) || waiting.has(record))
            return;
        waiting.add(record);
        const text = mask(JSON.stringify(record));
        pending.push({ record, text });
        characters += text.length;
        if (characters >= BATCH_CHARACTERS)
            flush();
    };
    const listed = (record) => {
        const bytes = kept.get(record);
        if (bytes !== undefined)
            return bytes;
        keep(record);
        flush();
        const made = kept.get(record);
        if (made === undefined)
            throw new Error(`The JSON of ${record.target} was not made.`);
        return made;
    };
    const list = (records, first) => {
        const pieces = records.map(record => kept.get(record));
        if (pieces.includes(undefined)) {
            records.forEach(keep);
            flush();
            records.forEach((record, i) => (pieces[i] ??= listed(record)));
        }
        if (first && pieces.length > 0)
            pieces[0] = pieces[0].subarray(1);
        return pieces;
    };
    return { keep, listed, list, bytes: record => listed(record).subarray(1) };
}

;// CONCATENATED MODULE: ./src/report/log.ts



/** A list that could not be read (a skipped one is a warning annotation; a failed one is told again in the failure message). */
function logFailures(failures) {
    for (const failure of failures.filter(f => !f.warningOnly))
        (0,workflow_commands/* info */.pq)(`Could not list ${failure.type.id}: ${(0,src_text/* forLog */.Ig)(failure.reason)}`);
}
function requestLine(record) {
    const comment = record.comment ? `: ${(0,src_text/* forLog */.Ig)(record.comment, 200)}` : '';
    return `[${(0,src_text/* forLog */.Ig)(stateText(record), 40)}] ${(0,src_text/* forLog */.Ig)(requestLabel(record))} by ${(0,src_text/* forLog */.Ig)(record.requester || 'unknown')}, ${ageText(record)} old${comment}`;
}
/** Request lines the log holds at most: the most urgent; the report files have them all. */
const LOGGED_REQUESTS = 200;
/** The most urgent requests, a line each, written at once. */
function logRequests(records, title) {
    const lines = records.slice(0, LOGGED_REQUESTS).map(requestLine);
    const more = records.length - lines.length;
    if (more > 0)
        lines.push(`… and ${more} more, less urgent: the job summary and the report-json file list them.`);
    (0,workflow_commands/* group */.Os)(`${title} (${records.length})`, lines.join('\n'));
}
function logCall(call, dryRun) {
    const body = call.body ? ` ${(0,src_text/* forLog */.Ig)(JSON.stringify(call.body), 400)}` : '';
    const result = dryRun ? 'dry run, not made' : call.ok ? `${call.status}` : `failed${call.status === null ? '' : ` ${call.status}`} ${(0,src_text/* forLog */.Ig)(call.message ?? '')}`;
    (0,workflow_commands/* info */.pq)(`${call.method} ${(0,src_text/* forLog */.Ig)(call.path)}${body} → ${result}`);
}

// EXTERNAL MODULE: external "node:crypto"
var external_node_crypto_ = __webpack_require__(7598);
// EXTERNAL MODULE: external "node:fs"
var external_node_fs_ = __webpack_require__(3024);
;// CONCATENATED MODULE: ./src/file-commands.ts
/**
 * The step's file commands: its outputs (the runner's GITHUB_OUTPUT file)
 * and its job summary (GITHUB_STEP_SUMMARY), written as `@actions/core`
 * writes them (see ./workflow-commands.ts for why it is not loaded). Only
 * the report needs them: the entry point does not load this module.
 */





/**
 * The step's outputs: each `name<<delimiter` … `delimiter` appended to the
 * runner's GITHUB_OUTPUT file, a fresh random delimiter for each that
 * neither name nor value may hold; without that file, the older
 * `::set-output::` command. A value given as a Buffer of UTF-8 (a large JSON
 * output) is written as it is, never made into a string.
 */
function setOutputs(outputs) {
    const file = process.env.GITHUB_OUTPUT;
    const entries = Object.entries(outputs).map(([name, value]) => [name, Buffer.isBuffer(value) ? value : (0,workflow_commands/* commandValue */.pt)(value)]);
    if (!file) {
        process.stdout.write(entries.map(([name, value]) => `${external_node_os_.EOL}${(0,workflow_commands/* command */.G5)('set-output', value.toString(), { name })}`).join(''));
        return;
    }
    if (!(0,external_node_fs_.existsSync)(file))
        throw new Error(`Missing file at path: ${file}`);
    const pieces = entries.flatMap(([name, value]) => {
        const delimiter = `ghadelimiter_${(0,external_node_crypto_.randomUUID)()}`;
        if (name.includes(delimiter) || value.includes(delimiter))
            throw new Error(`Unexpected input: the output ${name} holds its delimiter`);
        return [Buffer.from(`${name}<<${delimiter}${external_node_os_.EOL}`), Buffer.isBuffer(value) ? value : Buffer.from(value), Buffer.from(`${external_node_os_.EOL}${delimiter}${external_node_os_.EOL}`)];
    });
    const fd = (0,external_node_fs_.openSync)(file, 'a');
    try {
        for (const piece of pieces)
            writeAll(fd, piece);
    }
    finally {
        (0,external_node_fs_.closeSync)(fd);
    }
}
/** Writes every byte of `bytes` to `fd`, however many calls it takes. */
function writeAll(fd, bytes) {
    for (let done = 0; done < bytes.length;)
        done += (0,external_node_fs_.writeSync)(fd, bytes, done, bytes.length - done);
}
/** Adds `markdown` to the job summary (the runner's GITHUB_STEP_SUMMARY file). */
async function appendSummary(markdown) {
    const file = process.env.GITHUB_STEP_SUMMARY;
    if (!file)
        throw new Error('Unable to find environment variable for $GITHUB_STEP_SUMMARY. Check if your runtime environment supports job summaries.');
    try {
        await (0,promises_.access)(file, promises_.constants.R_OK | promises_.constants.W_OK);
    }
    catch {
        throw new Error(`Unable to access summary file: '${file}'. Check if the file has correct read/write permissions.`);
    }
    await (0,promises_.appendFile)(file, markdown, 'utf8');
}

;// CONCATENATED MODULE: ./src/report/outputs.ts

const REQUESTS_LIMIT_BYTES = 1_000_000;
const COMMA = Buffer.from(',');
/** JSON of as many records (most urgent first) as fit in `limit` bytes, and how many were left out; `bytes` gives a record's JSON as UTF-8. */
function requestsJson(records, limit = REQUESTS_LIMIT_BYTES, bytes = record => Buffer.from(JSON.stringify(record))) {
    const parts = [];
    let size = 2; // the brackets
    for (const record of records) {
        const part = bytes(record);
        const added = part.length + (parts.length > 0 ? 1 : 0);
        if (size + added > limit)
            break;
        parts.push(part);
        size += added;
    }
    const json = Buffer.concat([Buffer.from('['), ...parts.flatMap((part, i) => (i > 0 ? [COMMA, part] : [part])), Buffer.from(']')], size);
    return { json, count: records.length, leftOut: records.length - parts.length };
}
/** The warning printed when `requests` had to leave records out. */
function trimWarnings(open) {
    if (open.leftOut === 0)
        return [];
    return [
        {
            level: 'warning',
            message: `The requests output would pass 1 MB: ${open.leftOut} of ${open.count} open requests (the least urgent) were left out of it. The report-json file has them all.`,
            properties: {}
        }
    ];
}
function writeOutputs(counts, open, reviews, paths, metrics) {
    setOutputs({
        total: counts.total,
        open: counts.open,
        stale: counts.stale,
        expiring: counts.expiring,
        reviewed: reviews?.reviewed ?? 0,
        'review-failures': reviews?.failures ?? 0,
        requests: open.json,
        'report-json': paths.json,
        'report-markdown': paths.markdown,
        // Empty without metrics, or without a single response: no number is better than a made-up one.
        'expired-unanswered': metrics ? metrics.overall.expired_unanswered : '',
        'median-response-hours': metrics?.overall.median_first_response_hours ?? ''
    });
}

;// CONCATENATED MODULE: ./src/report/markdown.ts
/** Markdown building blocks for the job summary: table rows and safe links. Cells must already be escaped. */
function tableRow(cells) {
    return `| ${cells.join(' | ')} |`;
}
function table(columns, rows) {
    return [tableRow(columns), tableRow(columns.map(() => '---')), ...rows.map(tableRow)];
}
/**
 * A table of `items`, one row each, with as many rows (from the first) as
 * fit in `budget` bytes, and how many it leaves out; rows past the budget
 * are never rendered.
 */
function tableWithin(columns, items, row, budget) {
    const lines = table(columns, []);
    let bytes = byteLength(lines);
    for (const item of items) {
        const line = tableRow(row(item));
        const size = Buffer.byteLength(line) + 1;
        if (bytes + size > budget)
            break;
        lines.push(line);
        bytes += size;
    }
    const shown = lines.length - 2;
    return shown > 0 ? { lines, leftOut: items.length - shown, bytes } : { lines: [], leftOut: items.length, bytes: 0 };
}
/** A link only for http(s) URLs; the URL is percent-encoded so it cannot close the link. */
function markdown_link(text, url) {
    try {
        const parsed = new URL(url);
        if (parsed.protocol !== 'https:' && parsed.protocol !== 'http:')
            return text;
        return `[${text}](${parsed.href.replace(/[()<>"'|`\\[\]]/g, c => `%${c.charCodeAt(0).toString(16).toUpperCase()}`)})`;
    }
    catch {
        return text;
    }
}
/** Bytes the lines take in the summary, each with its newline. */
function byteLength(lines) {
    return lines.reduce((sum, line) => sum + Buffer.byteLength(line) + 1, 0);
}
/** As many of the lines, from the first, as fit in `budget` bytes. */
function linesWithin(lines, budget) {
    let left = budget;
    const shown = [];
    for (const line of lines) {
        left -= Buffer.byteLength(line) + 1;
        if (left < 0)
            break;
        shown.push(line);
    }
    return shown;
}

;// CONCATENATED MODULE: ./src/metrics.ts
/**
 * Review metrics over the time window, from every request fetched (all
 * statuses): how requests ended, how many expired with nobody answering,
 * how long the first response took, who responds and how fast, and where
 * the requests come from. Pure functions of the records.
 */



/** The middle value; the mean of the two middle ones for an even count; null for none. */
function median(values) {
    if (values.length === 0)
        return null;
    const sorted = [...values].sort((a, b) => a - b);
    const middle = Math.floor(sorted.length / 2);
    const upper = sorted[middle] ?? 0;
    return sorted.length % 2 === 1 ? upper : ((sorted[middle - 1] ?? 0) + upper) / 2;
}
/** The nearest-rank percentile: the smallest value with at least `p` percent of the values at or below it; null for none. */
function percentile(values, p) {
    if (values.length === 0)
        return null;
    const sorted = [...values].sort((a, b) => a - b);
    return sorted[Math.max(0, Math.ceil((p / 100) * sorted.length) - 1)] ?? null;
}
const metrics_tenths = (hours) => (hours === null ? null : Math.round(hours * 10) / 10);
/** Hours from the request to each response, in the responses' order; responses without a readable time are left out. */
function responseHours(record) {
    const created = Date.parse(record.created_at);
    if (!Number.isFinite(created))
        return [];
    return record.responses.flatMap(response => {
        const at = Date.parse(response.created_at);
        return Number.isFinite(at) ? [{ reviewer: response.reviewer, hours: Math.max(0, at - created) / HOUR }] : [];
    });
}
const TOP = 10;
/** The `TOP` names with the most requests; ties by name. */
function metrics_top(names) {
    const counts = new Map();
    for (const name of names)
        counts.set(name, (counts.get(name) ?? 0) + 1);
    return [...counts]
        .map(([name, requests]) => ({ name, requests }))
        .sort((a, b) => b.requests - a.requests || a.name.localeCompare(b.name))
        .slice(0, TOP);
}
function metricsOf(records) {
    const byStatus = {};
    for (const record of records) {
        const status = isOpenStatus(record.status) ? 'open' : record.status;
        byStatus[status] = (byStatus[status] ?? 0) + 1;
    }
    const firstResponses = [];
    const byReviewer = new Map();
    for (const record of records) {
        const responses = responseHours(record);
        const first = responses.length > 0 ? Math.min(...responses.map(r => r.hours)) : undefined;
        if (first !== undefined)
            firstResponses.push(first);
        for (const { reviewer, hours } of responses) {
            const given = byReviewer.get(reviewer);
            if (given)
                given.push(hours);
            else
                byReviewer.set(reviewer, [hours]);
        }
    }
    return {
        requests: records.length,
        by_status: byStatus,
        expired_unanswered: records.filter(r => r.status === 'expired' && r.responses.length === 0).length,
        answered: firstResponses.length,
        median_first_response_hours: metrics_tenths(median(firstResponses)),
        p90_first_response_hours: metrics_tenths(percentile(firstResponses, 90)),
        reviewers: [...byReviewer]
            .map(([reviewer, hours]) => ({ reviewer, responses: hours.length, median_response_hours: metrics_tenths(median(hours)) }))
            .sort((a, b) => b.responses - a.responses || a.reviewer.localeCompare(b.reviewer)),
        top_repositories: metrics_top(records.map(r => r.repository)),
        top_requesters: metrics_top(records.map(r => r.requester))
    };
}
function reviewMetrics(records) {
    const byType = {};
    for (const id of request_types/* TYPE_IDS */.Sk) {
        const ofType = records.filter(r => r.type === id);
        if (ofType.length > 0)
            byType[id] = metricsOf(ofType);
    }
    return { overall: metricsOf(records), by_type: byType };
}

;// CONCATENATED MODULE: ./src/report/metrics.ts
/**
 * The job summary's Review metrics section: how requests ended, how many
 * expired unanswered, how fast the first response came, per type and
 * overall; who reviews and how fast; where the requests come from.
 */






/** The most bytes the section takes (the reviewers' table is cut to fit; report-json has everything). */
const METRICS_BUDGET_BYTES = 100_000;
function hours(value) {
    return value === null ? '—' : (0,duration/* humanDuration */.UU)(value * HOUR);
}
/** Statuses shown per row; the others are counted together (GitHub knows eight). */
const STATUSES_SHOWN = 8;
/** Characters of a name (repository, requester, reviewer, status) shown. */
const NAME_LENGTH = 100;
/** `open 2 · approved 5 · expired 1`, most common first. */
function statusText(byStatus) {
    const sorted = Object.entries(byStatus).sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]));
    const others = sorted.slice(STATUSES_SHOWN).reduce((sum, [, count]) => sum + count, 0);
    const shown = sorted.slice(0, STATUSES_SHOWN).map(([status, count]) => `${(0,src_text/* forMarkdown */.Bm)(status, 40)} ${count}`);
    return [...shown, ...(others > 0 ? [`others ${others}`] : [])].join(' · ');
}
function metricsRow(name, m) {
    const firstResponse = m.answered === 0 ? 'none answered' : `${hours(m.median_first_response_hours)} / ${hours(m.p90_first_response_hours)} (${m.answered} answered)`;
    return [name, String(m.requests), statusText(m.by_status) || '—', String(m.expired_unanswered), firstResponse];
}
function rankedTable(heading, column, ranked) {
    if (ranked.length === 0)
        return [];
    return [
        heading,
        '',
        ...table([column, 'Requests'], ranked.map(r => [(0,src_text/* forMarkdown */.Bm)(r.name || '(none)', NAME_LENGTH), String(r.requests)])),
        ''
    ];
}
function metricsSection(metrics, timePeriod) {
    const { overall } = metrics;
    const types = Object.entries(metrics.by_type);
    const lines = [
        `### Review metrics (requests from the last ${timePeriod})`,
        '',
        `${overall.requests} requests; **${overall.expired_unanswered} expired with no response**; ` +
            `first response after ${hours(overall.median_first_response_hours)} (median), ${hours(overall.p90_first_response_hours)} (90th percentile).`,
        '',
        ...table(['Type', 'Requests', 'By final status', 'Expired unanswered', 'First response: median / 90th percentile'], [...types.map(([id, m]) => metricsRow((0,src_text/* forMarkdown */.Bm)((0,request_types/* requestType */.y9)(id).title), m)), metricsRow('**All types**', overall)]),
        ''
    ];
    if (overall.reviewers.length > 0) {
        const reviewers = tableWithin(['Reviewer', 'Responses', 'Median time to respond'], overall.reviewers, r => [(0,src_text/* forMarkdown */.Bm)(r.reviewer || '(unknown)', NAME_LENGTH), String(r.responses), hours(r.median_response_hours)], METRICS_BUDGET_BYTES / 2);
        lines.push('**Who responds, and how fast**', '', ...reviewers.lines, '');
        if (reviewers.leftOut > 0)
            lines.push(`${reviewers.leftOut} more reviewers in the report-json file.`, '');
    }
    lines.push(...rankedTable(`**Repositories with the most requests** (at most ${TOP})`, 'Repository', overall.top_repositories), ...rankedTable(`**Requesters with the most requests** (at most ${TOP})`, 'Requester', overall.top_requesters));
    // Whatever GitHub sent, the section stays within its budget (report-json has every figure).
    return linesWithin(lines, METRICS_BUDGET_BYTES);
}

;// CONCATENATED MODULE: ./src/report/reviews.ts





/** The most bytes the section takes, out of the summary's 1 MiB. */
const REVIEWS_BUDGET_BYTES = 300_000;
function notShown(count, what) {
    return count > 0 ? [`${(0,words/* plural */.L)(count, what)} not shown here: a job summary holds at most 1 MiB. The report-json file lists them all.`, ''] : [];
}
function reviewSection(report, budget = REVIEWS_BUDGET_BYTES) {
    const why = report.policy ? ' (the justification policy)' : '';
    const lines = [`### Reviews: ${report.review}${why}${report.dryRun ? ' (dry run: no call was made)' : ''}`, ''];
    if (report.errors.length > 0) {
        const errors = linesWithin(report.errors.map(e => `- ${(0,src_text/* forMarkdown */.Bm)(e, 1000)}`), budget / 4);
        lines.push('Nothing was reviewed:', '', ...errors, '', ...notShown(report.errors.length - errors.length, 'more reason'));
    }
    if (report.calls.length > 0) {
        if (!report.dryRun)
            lines.push(`${report.reviewed} succeeded, ${report.failures} failed.`, '');
        const calls = tableWithin(['Request', 'Action', 'Call', 'Body', 'Result'], report.calls, c => [
            (0,src_text/* forMarkdown */.Bm)(labelOf(c.type, c.repository, { noun: (0,request_types/* numberNoun */.Wi)((0,request_types/* requestType */.y9)(c.type)), number: c.number })),
            (0,src_text/* forMarkdown */.Bm)(c.action),
            (0,src_text/* forMarkdown */.Bm)(`${c.method} ${c.path}`),
            c.body ? (0,src_text/* forMarkdown */.Bm)(JSON.stringify(c.body), 200) : '—',
            report.dryRun ? 'not made (dry run)' : c.ok ? `✅ ${c.status}` : `❌ ${c.status ?? 'no answer'}: ${(0,src_text/* forMarkdown */.Bm)(c.message ?? '', 300)}`
        ], 
        // The calls may take half of what is left; the skipped requests the rest.
        (budget - byteLength(lines)) / 2);
        lines.push(...calls.lines, '', ...notShown(calls.leftOut, 'more call'));
    }
    else if (report.errors.length === 0) {
        lines.push('No review call was needed.', '');
    }
    if (report.skipped.length > 0) {
        const items = report.skipped.map(s => `- ${(0,src_text/* forMarkdown */.Bm)(requestLabel(s.record))}: ${(0,src_text/* forMarkdown */.Bm)(s.reason, 300)}`);
        const shown = linesWithin(items, budget - byteLength(lines) - 1000);
        lines.push(`<details><summary>${report.skipped.length} skipped</summary>`, '', ...shown, '', ...notShown(items.length - shown.length, 'more skipped request'), '</details>', '');
    }
    return lines;
}

;// CONCATENATED MODULE: ./src/report/summary.ts
/**
 * The job summary (and the report-markdown file, same text): the headline
 * counts, an "Act first" table of what runs out first, one table per request
 * type with the columns that type has, the review metrics and the reviews.
 * Every value that came from GitHub goes through forMarkdown, so no comment
 * can add a column, a link, a mention or HTML.
 */








const COMMENT_LENGTH = 120;
/**
 * GitHub refuses a job summary over 1 MiB (1,048,576 bytes) and then shows
 * none of it: the whole summary stays under this many bytes. The Reviews
 * and metrics sections take what they need within their own budgets; the
 * request tables take the rest, and say how many rows they leave out
 * (report-json has them all).
 */
const SUMMARY_LIMIT_BYTES = 1_000_000;
/** Room kept for each type's heading and "not shown" line. */
const SECTION_BYTES = 300;
/** Rows of the Act first table. */
const ACT_FIRST_ROWS = 10;
/** Rows of each type's table at most: its most urgent requests (report-json has them all). */
const TYPE_TABLE_ROWS = 100;
/** The columns every type's table has, around the type's own; `Alert` for dismissal requests whose alerts were fetched. */
function columnsOf(type, withAlerts = false) {
    const alert = withAlerts && type.alert ? ['Alert'] : [];
    return ['Request', 'Requester', 'Status · age', 'Time left', ...type.details.map(d => d.title), ...alert, 'Comment'];
}
/** The alert cell: an active secret stands out. */
function alertCell(record) {
    const text = alertText(record);
    if (text === undefined)
        return '—';
    return dismissesActiveSecret(record) ? `🔑 **${(0,src_text/* forMarkdown */.Bm)(text)}**` : (0,src_text/* forMarkdown */.Bm)(text);
}
/** The comment, after a mark when it fails the justification policy. */
function commentCell(record) {
    const policy = policyText(record);
    const comment = (0,src_text/* forMarkdown */.Bm)(record.comment, COMMENT_LENGTH) || '—';
    return policy ? `❗ **${(0,src_text/* forMarkdown */.Bm)(policy, 300)}** · ${comment}` : comment;
}
/** `octo-org/smile [request #12](…)`: the repository and the linked, labelled number. */
function requestCell(record) {
    return `${(0,src_text/* forMarkdown */.Bm)(record.repository || '(no repository)')} ${markdown_link(numberText(shownNumber(record)), record.html_url)}`;
}
/** A duration that a narrow column does not break in two (`3d 20h`). */
const unbroken = (duration) => duration.replace(/ /g, '\u00a0');
function statusCell(record) {
    const state = record.stale || record.expiring ? `**${stateText(record)}**` : (0,src_text/* forMarkdown */.Bm)(stateText(record));
    const review = reviewText(record);
    return `${state} · ${unbroken(ageText(record))}${review ? ` · ${(0,src_text/* forMarkdown */.Bm)(review)}` : ''}`;
}
/** Time left; an expiring request is marked. */
function timeLeftCell(record) {
    const left = unbroken(expiryText(record) ?? '—');
    return record.expiring ? `⚠️\u00a0**${left}**` : left;
}
function typeRow(record, type, withAlerts) {
    return [
        requestCell(record),
        (0,src_text/* forMarkdown */.Bm)(record.requester),
        statusCell(record),
        timeLeftCell(record),
        ...type.details.map(column => (0,src_text/* forMarkdown */.Bm)(column.fields
            .map(field => detailText(record, field))
            .filter(Boolean)
            .join(' · '), 200) || '—'),
        ...(withAlerts && type.alert ? [alertCell(record)] : []),
        commentCell(record)
    ];
}
function actFirstRow(record) {
    const type = dismissesActiveSecret(record) ? `${(0,src_text/* forMarkdown */.Bm)(record.type)} · 🔑 **secret still active**` : (0,src_text/* forMarkdown */.Bm)(record.type);
    return [type, requestCell(record), (0,src_text/* forMarkdown */.Bm)(record.requester), unbroken(ageText(record)), timeLeftCell(record)];
}
/** One group per type, in the order of the most urgent request each holds (`records` are most urgent first): its first TYPE_TABLE_ROWS records, and how many it has. */
function byType(records) {
    const groups = new Map();
    for (let i = 0; i < records.length; i++) {
        const record = records[i];
        const group = groups.get(record.type);
        if (!group)
            groups.set(record.type, { first: [record], total: 1 });
        else if (group.total++ < TYPE_TABLE_ROWS)
            group.first.push(record);
    }
    return groups;
}
/** What the justification policy and the alerts found, in a line each. */
function judgements(records) {
    let failing = 0;
    let active = 0;
    let unavailable = 0;
    for (let i = 0; i < records.length; i++) {
        const record = records[i];
        if (record.open && record.policy_violations.length > 0)
            failing++;
        if (dismissesActiveSecret(record))
            active++;
        if (record.alert?.available === false)
            unavailable++;
    }
    return [
        ...(active > 0 ? [`🔑 **${(0,words/* plural */.L)(active, 'open request')} to dismiss a secret that is still active** (listed first).`, ''] : []),
        ...(failing > 0 ? [`❗ **${(0,words/* plural */.L)(failing, 'open request')} ${failing === 1 ? 'fails' : 'fail'} the justification policy.**`, ''] : []),
        ...(unavailable > 0 ? [`${(0,words/* plural */.L)(unavailable, 'alert')} could not be fetched (alert unavailable): see report-json for why.`, ''] : [])
    ];
}
function actFirst(records, open, expiringWithin) {
    if (open === 0)
        return [];
    const table = tableWithin(['Type', 'Request', 'Requester', 'Age', 'Time left'], firstToRunOut(records, ACT_FIRST_ROWS, r => r.open), actFirstRow, 20_000);
    const more = open > ACT_FIRST_ROWS ? ` The ${ACT_FIRST_ROWS} of ${open} open requests that run out first.` : '';
    return [
        '### Act first',
        '',
        `What runs out first: requests to dismiss a secret that is still active, then soonest expiry, then oldest. ⚠️ marks a request that expires within ${(0,src_text/* forMarkdown */.Bm)(expiringWithin)}.${more}`,
        '',
        ...table.lines,
        ''
    ];
}
function summaryMarkdown({ now, settings, records, failures, reviews, metrics, counts = countRecords(records) }) {
    const lines = [
        `## Exemption requests for ${(0,src_text/* forMarkdown */.Bm)(settings.scopeName)} (${settings.scope})`,
        '',
        `**${counts.expiring} expiring** · **${counts.stale} stale** · **${counts.open} open** · ${counts.total} matched — ` +
            `requests from the last ${settings.timePeriod}, status ${settings.requestStatus}, stale after ${(0,src_text/* forMarkdown */.Bm)(settings.staleAfter)}, ` +
            `expiring within ${(0,src_text/* forMarkdown */.Bm)(settings.expiringWithin)}.`,
        ''
    ];
    for (const failure of failures) {
        lines.push(`> ${failure.warningOnly ? '⚠️ Skipped' : '❌ Could not list'} ${failure.type.id}: ${(0,src_text/* forMarkdown */.Bm)(failure.reason, 1000)}`, '');
    }
    if (records.length === 0) {
        lines.push(failures.some(f => !f.warningOnly) ? 'No requests matched in the lists that could be read.' : 'No exemption requests matched.', '');
    }
    lines.push(...judgements(records));
    lines.push(...actFirst(records, counts.open, settings.expiringWithin));
    const metricLines = metrics ? metricsSection(metrics, settings.timePeriod) : [];
    const reviewLines = reviews ? [...reviewSection(reviews), ''] : [];
    const footer = [`<sub>${(0,words/* plural */.L)(counts.total, 'request')} · generated ${new Date(now).toISOString()}</sub>`, ''];
    const groups = byType(records);
    // Every type's heading and "not shown" line are kept room for first, so that the tables alone spend the rest.
    let budget = SUMMARY_LIMIT_BYTES - byteLength(lines) - byteLength(metricLines) - byteLength(reviewLines) - byteLength(footer) - groups.size * SECTION_BYTES;
    for (const [typeId, { first, total }] of groups) {
        const type = (0,request_types/* requestType */.y9)(typeId);
        const heading = [`### ${type.title}s (${total})`, ''];
        const shown = tableWithin(columnsOf(type, settings.includeAlerts), first, record => typeRow(record, type, settings.includeAlerts), budget);
        const leftOut = total - first.length + shown.leftOut;
        const why = shown.leftOut > 0 ? 'a job summary holds at most 1 MiB' : `each table shows the ${TYPE_TABLE_ROWS} most urgent`;
        const note = leftOut > 0 ? [`${(0,words/* plural */.L)(leftOut, 'more request')} not shown: ${why}. The report-json file lists them all.`, ''] : [];
        budget -= shown.bytes + 1;
        lines.push(...heading, ...(shown.lines.length > 0 ? [...shown.lines, ''] : []), ...note);
    }
    lines.push(...metricLines, ...reviewLines, ...footer);
    return lines.join('\n');
}

;// CONCATENATED MODULE: ./src/review-outcome.ts
/**
 * The state after the run: every request the run reviewed (or skipped)
 * gains what the review did, and one this run approved or denied is no
 * longer open, so the gate and the reports speak of what is true now.
 */

/** GitHub's status once a review of this verb was accepted. */
const STATUS_AFTER = { approve: 'approved', deny: 'denied' };
function outcome(action, calls, dryRun) {
    if (dryRun)
        return { action, outcome: 'dry-run', http_status: null, message: null };
    const failed = calls.find(c => !c.ok);
    if (failed)
        return { action, outcome: 'failed', http_status: failed.status, message: failed.message ?? null };
    return { action, outcome: 'done', http_status: calls.at(-1)?.status ?? null, message: null };
}
function applied(record, review) {
    const status = review.outcome === 'done' ? STATUS_AFTER[review.action] : undefined;
    return status ? { ...record, status, open: false, stale: false, expiring: false, review } : { ...record, review };
}
/** `records` as they are after `report` was carried out, most urgent first. */
function afterReviews(records, plan, report) {
    const calls = new Map();
    plan.calls.forEach((planned, i) => {
        const made = report.calls[i];
        if (made)
            calls.set(planned.record, [...(calls.get(planned.record) ?? []), made]);
    });
    const skipped = new Map(plan.skipped.map(s => [s.record, s.reason]));
    return inOrderOfUrgency(records.map(record => {
        const made = calls.get(record);
        if (made)
            return applied(record, outcome(report.review, made, report.dryRun));
        const reason = skipped.get(record);
        if (reason === undefined)
            return record;
        const review = { action: report.review, outcome: 'skipped', http_status: null, message: reason };
        return { ...record, review };
    }));
}

// EXTERNAL MODULE: ./src/policy.ts
var policy = __webpack_require__(1237);
;// CONCATENATED MODULE: ./src/review-plan.ts







/** The review a plan makes: the `review` input's, or (policy-action deny) the justification policy's denials. */
function planAction(settings) {
    return settings.review === 'none' && settings.policyAction === 'deny' ? 'deny' : settings.review;
}
/** The message of a review: the one given, or the policy's deny message filled in for this request. */
function messageFor(record, settings) {
    if (settings.review !== 'none')
        return settings.reviewMessage;
    return (0,policy/* denyMessage */.kK)(settings.denyMessage, {
        reason: record.policy_violations.join('; '),
        requester: record.requester,
        type: record.type,
        repository: record.repository,
        number: String(shownNumber(record).number ?? '')
    });
}
function describe(record) {
    return (0,src_text/* forLog */.Ig)(record.target ?? requestLabel(record));
}
function matchesTarget(record, target) {
    return ((target.typeId === undefined || record.type === target.typeId) &&
        record.repository.toLowerCase() === target.repository.toLowerCase() &&
        targetNumber(record) === target.number);
}
/** A dismissal request that names the target's alert among several: it has no single alert to be reviewed by. */
function namesAlertAmongOthers(record, target) {
    return (record.alert_number === null &&
        record.alert_numbers.length > 1 &&
        record.alert_numbers.includes(target.number) &&
        (target.typeId === undefined || record.type === target.typeId) &&
        record.repository.toLowerCase() === target.repository.toLowerCase());
}
/** Candidates for the review: the named targets, or (`all`) every matched request. */
function selectRecords(settings, candidates, matched, errors) {
    if (settings.reviewTargets === 'all')
        return matched.map(record => ({ record, explicit: false }));
    const selected = [];
    const unknown = [];
    for (const target of settings.reviewTargets) {
        const found = candidates.filter(r => matchesTarget(r, target));
        // An alert can have an old, reviewed request and a new open one: the review acts on the open one.
        const open = found.filter(r => r.open);
        const current = open.length > 0 ? open : found;
        const types = [...new Set(current.map(r => r.type))];
        const ambiguous = found.length === 0 ? candidates.find(r => namesAlertAmongOthers(r, target)) : undefined;
        if (ambiguous) {
            errors.push(`Review target ${(0,src_text/* forLog */.Ig)(target.text)}: ${describe(ambiguous)} names ${ambiguous.alert_numbers.length} alerts ` +
                `(${ambiguous.alert_numbers.join(', ')}); the action never guesses which one a review is about. Review it on GitHub.`);
        }
        else if (found.length === 0)
            unknown.push(target.text);
        else if (types.length > 1) {
            errors.push(`Review target ${(0,src_text/* forLog */.Ig)(target.text)} matches requests of ${types.length} types (${types.join(', ')}): write it as type:${(0,src_text/* forLog */.Ig)(target.text)}.`);
        }
        else if (current[0] && !selected.some(s => s.record === current[0]))
            selected.push({ record: current[0], explicit: true });
    }
    if (unknown.length > 0) {
        errors.push(`${(0,words/* plural */.L)(unknown.length, 'Review target')} not found among the fetched requests: ${unknown.map(t => (0,src_text/* forLog */.Ig)(t)).join(', ')}. ` +
            'Check the number (the request number for bypass requests, the alert number for dismissal requests), the scope and the filters.');
    }
    return selected;
}
function reviewCalls(record, type, { owner, name }, settings, explicit, plan) {
    const verb = planAction(settings) === 'approve' ? 'approve' : 'deny';
    const refuse = (reason) => refuseReview(plan, record, explicit, reason);
    if (!type.review)
        return refuse(`GitHub's REST API cannot review ${type.title.toLowerCase()}s; review it on GitHub.`);
    if (!record.open)
        return void plan.skipped.push({ record, reason: `not open (status ${(0,src_text/* forLog */.Ig)(record.status)}), nothing to review` });
    const key = targetNumber(record);
    if (key === undefined) {
        return refuse(record.alert_numbers.length > 1
            ? `the request names ${record.alert_numbers.length} alerts (${record.alert_numbers.join(', ')}); the action never guesses which one a review is about`
            : 'the request names no alert number, so it cannot be reviewed');
    }
    // Only a positive integer key ever reaches a path.
    if (!Number.isSafeInteger(key) || key <= 0)
        return refuse(`its number ${key} is not a positive integer`);
    plan.calls.push({
        method: 'PATCH',
        path: `/repos/${owner}/${name}/${(0,request_types/* reviewPath */.GT)(type, key)}`,
        body: { status: type.review.verbs[verb], message: messageFor(record, settings) },
        record,
        action: verb
    });
}
/** A request the plan will not review: an error when the user named it, else skipped with the reason. */
function refuseReview(plan, record, explicit, reason) {
    if (explicit)
        plan.errors.push(`${describe(record)}: ${reason}`);
    else
        plan.skipped.push({ record, reason });
}
/** The types whose responses can be dismissed, as the request-type table says. */
const DISMISSABLE = request_types/* REQUEST_TYPES */.mG.filter(t => t.dismissResponse)
    .map(t => `${t.title.toLowerCase()}s`)
    .join(' and ');
function dismissCalls(record, type, { owner, name }, explicit, plan) {
    if (!type.dismissResponse)
        return refuseReview(plan, record, explicit, `only ${DISMISSABLE} have responses that can be dismissed.`);
    const given = record.responses.filter(r => r.status === 'approved' || r.status === 'denied');
    if (given.length === 0)
        return void plan.skipped.push({ record, reason: 'no approve or deny response to dismiss' });
    const responses = given.filter((r) => r.id !== null);
    if (responses.length < given.length) {
        return void plan.errors.push(`${describe(record)}: GitHub sent a response without a positive integer id; nothing is dismissed on a guess.`);
    }
    for (const response of responses) {
        plan.calls.push({
            method: 'DELETE',
            path: `/repos/${owner}/${name}/${type.dismissResponse.path.replace('{id}', String(response.id))}`,
            record,
            action: `dismiss ${response.status} response ${response.id} by ${(0,src_text/* forLog */.Ig)(response.reviewer)}`
        });
    }
}
/**
 * `candidates`: every fetched request that passed the repository and branch
 * filters (named targets are looked up there, whatever their status);
 * `matched`: those that also passed the status filter (all of them are
 * reviewed when no target is named). Both most urgent first.
 */
function planReviews(settings, candidates, matched) {
    const plan = { calls: [], skipped: [], errors: [] };
    const action = planAction(settings);
    if (action === 'none')
        return plan;
    // The policy's denials go to every open request that fails it; requests that pass are never approved.
    const selected = settings.review === 'none'
        ? matched.filter(r => r.open && r.policy_violations.length > 0).map(record => ({ record, explicit: false }))
        : selectRecords(settings, candidates, matched, plan.errors);
    for (const { record, explicit } of selected) {
        const type = (0,request_types/* requestType */.y9)(record.type);
        const repository = (0,repositories/* parseFullName */.St)(record.repository);
        if (record.problems.length > 0) {
            // Never reviewed: the action does not act on what it cannot interpret.
            const reason = `GitHub's item cannot be interpreted (${(0,src_text/* forLog */.Ig)(record.problems.join('; '))}), so it is never reviewed`;
            if (explicit)
                plan.errors.push(`${describe(record)}: ${reason}.`);
            else
                plan.skipped.push({ record, reason });
        }
        else if (!repository) {
            plan.errors.push(`${describe(record)}: GitHub sent a repository name that is not owner/name.`);
        }
        else if (action === 'dismiss-response') {
            dismissCalls(record, type, repository, explicit, plan);
        }
        else {
            reviewCalls(record, type, repository, settings, explicit, plan);
        }
    }
    if (plan.calls.length > settings.maxReviews) {
        plan.errors.push(`The plan has ${plan.calls.length} calls, more than max-reviews (${settings.maxReviews}): nothing was reviewed. ` +
            'Narrow the filters or name review-targets, or raise max-reviews.');
    }
    if (plan.errors.length > 0)
        plan.calls = [];
    return plan;
}

;// CONCATENATED MODULE: ./src/github/alerts.ts



/** The value at `path` in GitHub's answer, or undefined. */
function at(data, path) {
    return path.reduce((value, name) => (typeof value === 'object' && value !== null ? value[name] : undefined), data);
}
/** The alert, as kept: the fields the request-type table names for this kind of alert, redacted; never `secret`. */
function alertSummary({ fields }, data, redact) {
    const text = (field) => {
        const path = fields[field];
        const value = path ? at(data, path) : undefined;
        return typeof value === 'string' && value !== '' ? redact(value) : null;
    };
    return {
        available: true,
        state: text('state'),
        validity: text('validity'),
        secret_type: text('secret_type'),
        severity: text('severity'),
        description: text('description'),
        cve_id: text('cve_id'),
        error: null
    };
}
function unavailable(error) {
    return { available: false, state: null, validity: null, secret_type: null, severity: null, description: null, cve_id: null, error };
}
/** The call for a record's alert, or undefined when it has none to fetch (not open, no single alert, a bypass request). */
function alertCall(record) {
    const endpoint = (0,request_types/* requestType */.y9)(record.type).alert;
    const repository = (0,repositories/* parseFullName */.St)(record.repository);
    if (!endpoint || !repository || !record.open || record.alert_number === null || record.problems.length > 0)
        return undefined;
    return { endpoint, route: `/repos/${repository.owner}/${repository.name}/${endpoint.segment}/${record.alert_number}` };
}
async function fetchAlert(github, { endpoint, route }, redact) {
    try {
        const response = await github.request(`GET ${route}`, { ...endpoint.query });
        if (typeof response.data !== 'object' || response.data === null || Array.isArray(response.data)) {
            return unavailable(`GitHub's answer to GET ${route} was not the JSON object the API describes.`);
        }
        return alertSummary(endpoint, response.data, redact);
    }
    catch (error) {
        return unavailable(redact((0,errors/* describeFailure */.Ic)(error, `GET ${route}`)));
    }
}
/** Each open dismissal request among those `wanted` with its alert; the others as they are. */
async function withAlerts(github, limit, records, wanted, redact) {
    // One call per distinct alert, however many requests name it (GitHub compares names case-insensitively).
    const keys = records.map(record => {
        const call = wanted(record) ? alertCall(record) : undefined;
        return call && { key: call.route.toLowerCase(), call };
    });
    const calls = new Map(keys.flatMap(k => (k ? [[k.key, k.call]] : [])));
    const fetched = new Map(await Promise.all([...calls].map(async ([key, call]) => [key, await limit(() => fetchAlert(github, call, redact))])));
    return records.map((record, i) => {
        const key = keys[i]?.key;
        const alert = key === undefined ? undefined : fetched.get(key);
        return alert ? { ...record, alert } : record;
    });
}

;// CONCATENATED MODULE: ./src/main.ts
/**
 * The pipeline: inputs → fetch → classify and filter → review → gate → report.
 */






















/** Optional tuning from the environment: a whole number of milliseconds, or undefined. */
function milliseconds(name) {
    const value = Number(process.env[name]);
    return Number.isInteger(value) && value > 0 ? value : undefined;
}
async function run(options = {}) {
    // Until the token is known, unexpectedFailure's forLog redacts token-shaped strings; the token itself is masked by the runner.
    let redact = text => text;
    try {
        const settings = options.settings ?? (0,inputs/* readInputs */.Ko)(workflow_commands/* runnerInput */.zJ, { mask: workflow_commands/* maskValue */.QS, fail: workflow_commands/* failStep */.vy });
        if (!settings)
            return;
        redact = (0,src_text/* createRedactor */.lY)([settings.token]);
        await pipeline(settings, {
            timeoutMs: options.timeoutMs ?? milliseconds('EXEMPTION_REQUESTS_TIMEOUT_MS') ?? 30_000,
            rateLimitBudgetMs: options.rateLimitBudgetMs ?? milliseconds('EXEMPTION_REQUESTS_RATE_LIMIT_BUDGET_MS') ?? 300_000
        }, redact);
    }
    catch (error) {
        (0,workflow_commands/* failStep */.vy)((0,src_text/* unexpectedFailure */.mi)(error, redact));
    }
}
async function pipeline(settings, limits, redact) {
    // The clock, read once: every age, staleness and expiry is measured against it.
    const now = Date.now();
    // The report's folder is made while the lists are read; a failure to make it is told when the report is written.
    const folder = reportFolder();
    folder.catch(() => undefined);
    // Octokit is loaded only for a run whose inputs are valid: one that stops at an input error starts fast.
    const { createClient } = await Promise.all(/* import() */[__webpack_require__.e(684), __webpack_require__.e(385)]).then(__webpack_require__.bind(__webpack_require__, 2385));
    const github = createClient({
        token: settings.token,
        apiUrl: settings.apiUrl,
        ...limits,
        retries: 3,
        onWait: workflow_commands/* info */.pq
    });
    const limit = pLimit(settings.maxConcurrency);
    // Named review targets are looked up whatever their status, so a re-run finds them reviewed and plans nothing;
    // metrics need every status. Either way the status filter is applied locally, so the number of lists does not grow.
    const named = Array.isArray(settings.reviewTargets) && settings.reviewTargets.length > 0;
    const fetchStatus = named || settings.metrics ? 'all' : settings.requestStatus;
    // Every text from GitHub is redacted as it comes in; the whole outputs only need the run's own token masked.
    const mask = (0,src_text/* createMask */.Px)([settings.token]);
    const json = createRecordJson(mask);
    // Each record is classified, judged and written as JSON as soon as its page arrives, while later pages are on their way.
    const prepare = (record) => {
        const prepared = (0,policy/* judge */.S4)(classify(record, now, settings.staleAfterMs, settings.expiringWithinMs), settings.policy);
        json.keep(prepared);
        return prepared;
    };
    const fetched = await fetchRequests(github, limit, { ...settings, requestStatus: fetchStatus }, redact, prepare);
    logFailures(fetched.failures);
    const judged = matchingFilters(fetched.records, settings);
    const enriched = settings.includeAlerts ? await withAlerts(github, limit, judged, r => statusMatches(r, settings.requestStatus), redact) : judged;
    const candidates = inOrderOfUrgency(enriched);
    const matched = candidates.filter(r => statusMatches(r, settings.requestStatus));
    logRequests(matched, `Exemption requests for ${settings.scopeName}`);
    const plan = planReviews(settings, candidates, matched);
    const action = planAction(settings);
    const reviews = action === 'none'
        ? undefined
        : await applyReviews(github, plan, {
            review: action,
            policy: settings.review === 'none',
            dryRun: settings.dryRun,
            redact,
            onCall: call => logCall(call, settings.dryRun)
        });
    // From here on, everything speaks of the state after the run.
    const after = reviews ? afterReviews(matched, plan, reviews) : matched;
    const metrics = settings.metrics ? reviewMetrics(reviews ? afterReviews(candidates, plan, reviews) : candidates) : undefined;
    // The JSON report goes to its file while the rest of the report is made.
    const paths = await folder;
    const counts = countRecords(after);
    const jsonFile = await startWriting(paths.json, reportJsonBytes(reportJson(settings, now, after, fetched.failures, reviews, metrics, counts), json, mask));
    const verdict = gate({ records: after, failures: fetched.failures, failOn: settings.failOn, planErrors: plan.errors, reviews });
    const open = requestsJson(after.filter(r => r.open), REQUESTS_LIMIT_BYTES, json.bytes);
    const warnings = [...listWarnings(fetched.failures), ...problemWarnings(after), ...patternWarnings(settings.repositories, fetched.records), ...trimWarnings(open)];
    writeAnnotations(planAnnotations(settings.annotations ? after : null, settings, { stepFails: verdict.failed, warnings }));
    const markdown = mask(summaryMarkdown({ settings, now, records: after, failures: fetched.failures, reviews, metrics, counts }));
    // Every file is finished (the report JSON closed) before a failure of one is told: the step ends when this returns.
    const written = await Promise.allSettled([jsonFile.done, (0,promises_.writeFile)(paths.markdown, markdown), settings.jobSummary && appendSummary(markdown)]);
    for (const result of written)
        if (result.status === 'rejected')
            throw result.reason;
    writeOutputs(counts, open, reviews, paths, metrics);
    if (verdict.failed)
        (0,workflow_commands/* failStep */.vy)(mask(verdict.messages.join('\n')));
}


/***/ })

};
