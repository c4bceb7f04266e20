export const id = 348;
export const ids = [348];
export const modules = {

/***/ 9348:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  createClient: () => (/* binding */ createClient)
});

// UNUSED EXPORTS: API_VERSION, MEDIA_TYPE

// EXTERNAL MODULE: ./node_modules/@actions/github/lib/github.js
var lib_github = __webpack_require__(1351);
// EXTERNAL MODULE: ./node_modules/@actions/github/lib/utils.js + 20 modules
var utils = __webpack_require__(8665);
// EXTERNAL MODULE: ./src/github/errors.ts
var errors = __webpack_require__(3116);
;// CONCATENATED MODULE: ./src/github/resilience.ts
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
    const retryAfter = Number(headers['retry-after']);
    if (headers['retry-after'] !== undefined && Number.isFinite(retryAfter))
        return { kind: 'Secondary', seconds: Math.max(Math.ceil(retryAfter), 1) };
    if (/secondary rate limit/i.test(message))
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

;// CONCATENATED MODULE: ./src/github/client.ts
/**
 * The Octokit the action talks to GitHub with: the API version and media
 * type GitHub documents, retries with backoff for transient failures and
 * rate limits waited out within a bounded budget (./resilience.ts), and a
 * time limit on every attempt.
 * Redirects are followed only within the API's origin, so the token never
 * goes elsewhere; an API that cannot be reached at all fails at once.
 */




const API_VERSION = '2022-11-28';
const MEDIA_TYPE = 'application/vnd.github+json';
const REDIRECTS = new Set([301, 302, 303, 307, 308]);
const MAX_REDIRECTS = 5;
function errorCode(error) {
    const cause = error.cause;
    const code = cause?.code ?? cause?.errors?.[0]?.code;
    return typeof code === 'string' ? code : undefined;
}
/** An Octokit plugin, inside the retries: errors no retry can mend come out as themselves, with no status to retry on. */
function failFast(octokit) {
    octokit.hook.error('request', error => {
        const cause = error.cause;
        if (cause instanceof errors/* UnreachableError */.Jk || cause instanceof errors/* RedirectRefusedError */.jw)
            throw cause;
        throw error;
    });
}
function createClient(options) {
    const proxyFetch = (utils/* defaults */.NT.request?.fetch ?? globalThis.fetch);
    const origin = new URL(options.apiUrl).origin;
    /** One attempt at one URL, within the time limit; redirects are returned, not followed. */
    const attempt = async (url, init) => {
        const timeout = AbortSignal.timeout(options.timeoutMs);
        const signal = init?.signal ? AbortSignal.any([init.signal, timeout]) : timeout;
        try {
            return await proxyFetch(url, { ...init, signal, redirect: 'manual' });
        }
        catch (error) {
            const code = errorCode(error);
            if (code && code in errors/* UNREACHABLE */.Dr)
                throw new errors/* UnreachableError */.Jk(options.apiUrl, code);
            throw error;
        }
    };
    /** Reads follow redirects within the API's origin only; a write's redirect is returned to the caller, which fails it. */
    const guardedFetch = async (input, init) => {
        let url = typeof input === 'string' ? input : input instanceof URL ? input.href : input.url;
        const read = (init?.method ?? 'GET').toUpperCase() === 'GET';
        for (let hops = 0;; hops++) {
            const response = await attempt(url, init);
            if (!read || !REDIRECTS.has(response.status))
                return response;
            const location = response.headers.get('location');
            const target = location ? new URL(location, url) : undefined;
            const path = new URL(url).pathname;
            if (!target)
                throw new errors/* RedirectRefusedError */.jw(response.status, path, 'it named no location');
            if (target.origin !== origin) {
                throw new errors/* RedirectRefusedError */.jw(response.status, path, `it leads to another origin (${target.origin}), where the token is not sent`);
            }
            if (hops >= MAX_REDIRECTS)
                throw new errors/* RedirectRefusedError */.jw(response.status, path, `more than ${MAX_REDIRECTS} redirects`);
            url = target.href;
        }
    };
    const github = (0,lib_github/* getOctokit */.Q)(options.token, {
        baseUrl: options.apiUrl,
        userAgent: 'exemption-requests-action',
        request: { fetch: guardedFetch }
    }, failFast, resilience({ retries: options.retries, rateLimitBudgetMs: options.rateLimitBudgetMs, writeSpacingMs: 1000, onWait: options.onWait }));
    github.hook.before('request', request => {
        request.headers['accept'] = MEDIA_TYPE;
        request.headers['x-github-api-version'] = API_VERSION;
    });
    return github;
}


/***/ })

};
