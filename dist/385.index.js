export const id = 385;
export const ids = [385];
export const modules = {

/***/ 2385:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  createClient: () => (/* binding */ createClient)
});

// UNUSED EXPORTS: API_VERSION, MEDIA_TYPE, baseFetch, userAgent

// EXTERNAL MODULE: ./node_modules/@actions/http-client/lib/proxy.js
var proxy = __webpack_require__(9783);
// EXTERNAL MODULE: ./node_modules/@octokit/core/dist-src/index.js + 13 modules
var dist_src = __webpack_require__(5194);
// EXTERNAL MODULE: ./src/github/errors.ts
var errors = __webpack_require__(3116);
// EXTERNAL MODULE: external "node:http"
var external_node_http_ = __webpack_require__(7067);
var external_node_http_default = /*#__PURE__*/__webpack_require__.n(external_node_http_);
// EXTERNAL MODULE: external "node:https"
var external_node_https_ = __webpack_require__(4708);
var external_node_https_default = /*#__PURE__*/__webpack_require__.n(external_node_https_);
// EXTERNAL MODULE: external "node:stream/consumers"
var consumers_ = __webpack_require__(8321);
// EXTERNAL MODULE: external "node:zlib"
var external_node_zlib_ = __webpack_require__(8522);
;// CONCATENATED MODULE: ./src/github/http-fetch.ts
/**
 * What Octokit needs of `fetch`, over Node's own http and https modules:
 * a method, headers, a body and a signal going out; the status, headers and
 * body coming back; redirects returned, never followed (the client decides);
 * gzip, deflate and br answers decoded. Failures take fetch's shapes: a
 * `TypeError('fetch failed')` whose cause holds the system error's code,
 * and an aborted call rejects with its signal's reason.
 *
 * Node's global fetch (undici) is not used on the direct path because of
 * its memory: fetching and parsing the bench's 100 pages of 10,000 requests
 * peaks at 93–98 MB with it, 74–77 MB with node:http, and 81 MB with
 * node-fetch (which would still need its errors mapped to these shapes) —
 * the difference is a sixth of the 120 MB the action may use at 10,000
 * requests. Behind a proxy, undici's fetch is used (./proxy.ts).
 */




const DECODERS = { gzip: external_node_zlib_.createGunzip, 'x-gzip': external_node_zlib_.createGunzip, deflate: external_node_zlib_.createInflate, br: external_node_zlib_.createBrotliDecompress };
/** The answer's headers as fetch's Headers gives them to Octokit: `get` by any case, and every name (lower case) with its value. */
class AnswerHeaders {
    sent;
    constructor(sent) {
        this.sent = sent;
    }
    get(name) {
        const value = this.sent[name.toLowerCase()];
        return value === undefined ? null : Array.isArray(value) ? value.join(', ') : value;
    }
    *[Symbol.iterator]() {
        for (const name of Object.keys(this.sent).sort()) {
            const value = this.get(name);
            if (value !== null)
                yield [name, value];
        }
    }
}
/** The answer's body: its chunks, read once, as an async iterable (what the lists read), and `cancel` to release the connection unread. */
class AnswerBody {
    stream;
    constructor(stream) {
        this.stream = stream;
    }
    [Symbol.asyncIterator]() {
        return this.stream[Symbol.asyncIterator]();
    }
    async cancel() {
        this.stream.destroy();
    }
}
class Answer {
    url;
    status;
    statusText;
    ok;
    redirected = false;
    headers;
    body;
    constructor(url, status, statusText, headers, stream) {
        this.url = url;
        this.status = status;
        this.statusText = statusText;
        this.ok = status >= 200 && status < 300;
        this.headers = new AnswerHeaders(headers);
        this.body = new AnswerBody(stream);
    }
    arrayBuffer() {
        return (0,consumers_.arrayBuffer)(this.body);
    }
    text() {
        return (0,consumers_.text)(this.body);
    }
    json() {
        return (0,consumers_.json)(this.body);
    }
}
/** Answers that have no body, whatever their headers say: it is neither read nor decoded. */
const NO_BODY = new Set([204, 205, 304]);
/**
 * The body as sent, or decoded when the server compressed it; an encoding
 * the action cannot decode fails the call. A body nobody reads (Octokit
 * reads none for 204) is drained, so its connection goes back to the pool,
 * and its failure is an error of that body only: it never ends the process.
 */
function decoded(message, method) {
    message.on('error', () => undefined);
    if (NO_BODY.has(message.statusCode ?? 0) || method === 'HEAD')
        return message.resume();
    const encoding = String(message.headers['content-encoding'] ?? '')
        .trim()
        .toLowerCase();
    if (encoding === '' || encoding === 'identity')
        return message;
    const decoder = DECODERS[encoding];
    if (!decoder) {
        message.destroy(new Error(`the answer is encoded as ${JSON.stringify(encoding)}, which the action cannot decode`));
        return message;
    }
    const stream = decoder();
    stream.on('error', () => undefined);
    message.on('error', error => stream.destroy(error));
    // A decoded body stopped early (cancelled, aborted) releases its connection too.
    stream.on('close', () => message.destroy());
    return message.pipe(stream);
}
/** A fetch for Octokit over node:http and node:https (their keep-alive agents). */
function httpFetch(input, init = {}) {
    const url = URL.parse(String(input));
    if (!url)
        return Promise.reject(new TypeError(`Failed to parse URL from ${String(input)}`));
    const client = url.protocol === 'https:' ? (external_node_https_default()) : url.protocol === 'http:' ? (external_node_http_default()) : undefined;
    const { signal } = init;
    if (signal?.aborted)
        return Promise.reject(signal.reason);
    if (!client)
        return Promise.reject(new TypeError('fetch failed', { cause: new Error(`the protocol ${url.protocol} is not supported`) }));
    const body = init.body ?? undefined;
    const headers = { 'accept-encoding': 'gzip, deflate, br', ...init.headers };
    if (body !== undefined)
        headers['content-length'] = Buffer.byteLength(body);
    return new Promise((resolve, reject) => {
        let stream;
        const method = (init.method ?? 'GET').toUpperCase();
        const request = client.request(url, { method, headers }, message => {
            stream = decoded(message, method);
            // Once the body is read (or fails), the signal has nothing left to stop.
            stream.once('close', () => signal?.removeEventListener('abort', abort));
            resolve(new Answer(url.href, message.statusCode ?? 0, message.statusMessage ?? '', message.headers, stream));
        });
        // An abort stops the call, or the reading of its body, with the signal's reason, as fetch does.
        const abort = () => {
            const reason = signal?.reason;
            if (stream)
                stream.destroy(reason instanceof Error ? reason : new Error(String(reason)));
            else
                request.destroy();
            reject(reason);
        };
        signal?.addEventListener('abort', abort, { once: true });
        request.on('error', error => {
            signal?.removeEventListener('abort', abort);
            reject(signal?.aborted ? signal.reason : new TypeError('fetch failed', { cause: error }));
        });
        request.end(body);
    });
}

// EXTERNAL MODULE: ./src/github/resilience.ts
var resilience = __webpack_require__(4974);
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
/**
 * The fetch calls go through: node:http and node:https (./http-fetch.ts),
 * or, when the runner's proxy variables name a proxy for the API (and
 * `no_proxy` does not exempt it), the proxy-aware one @actions/github would
 * use, loaded only then.
 */
async function baseFetch(apiUrl) {
    if (!(0,proxy/* getProxyUrl */.s)(new URL(apiUrl)))
        return httpFetch;
    const { proxyFetch } = await Promise.all(/* import() */[__webpack_require__.e(779), __webpack_require__.e(231)]).then(__webpack_require__.bind(__webpack_require__, 8231));
    return proxyFetch(apiUrl);
}
/** `actions_orchestration_id/<id>` when the runner names the run's orchestration, as @actions/github adds to its user agent. */
function userAgent(name, orchestrationId = process.env.ACTIONS_ORCHESTRATION_ID?.trim()) {
    return orchestrationId ? `${name} actions_orchestration_id/${orchestrationId.replace(/[^a-z0-9_.-]/gi, '_')}` : name;
}
function createClient(options) {
    const fetchFor = baseFetch(options.apiUrl);
    const origin = new URL(options.apiUrl).origin;
    /** One attempt at one URL, within the time limit; redirects are returned, not followed. */
    const attempt = async (url, init) => {
        const timeout = AbortSignal.timeout(options.timeoutMs);
        const signal = init?.signal ? AbortSignal.any([init.signal, timeout]) : timeout;
        try {
            const fetch = await fetchFor;
            return await fetch(url, { ...init, signal, redirect: 'manual' });
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
            // A redirect's body is never read: release its connection.
            await response.body?.cancel();
            const location = response.headers.get('location');
            const path = new URL(url).pathname;
            if (!location)
                throw new errors/* RedirectRefusedError */.jw(response.status, path, 'it named no location');
            const target = URL.parse(location, url);
            if (!target)
                throw new errors/* RedirectRefusedError */.jw(response.status, path, 'its location is not a URL');
            if (target.origin !== origin) {
                throw new errors/* RedirectRefusedError */.jw(response.status, path, `it leads to another origin (${target.origin}), where the token is not sent`);
            }
            if (hops >= MAX_REDIRECTS)
                throw new errors/* RedirectRefusedError */.jw(response.status, path, `more than ${MAX_REDIRECTS} redirects`);
            url = target.href;
        }
    };
    const Client = dist_src/* Octokit */.E.plugin(failFast, (0,resilience/* resilience */.I)({ retries: options.retries, rateLimitBudgetMs: options.rateLimitBudgetMs, writeSpacingMs: 1000, onWait: options.onWait }));
    const github = new Client({
        auth: options.token,
        baseUrl: options.apiUrl,
        userAgent: userAgent('exemption-requests-action'),
        request: { fetch: guardedFetch }
    });
    github.hook.before('request', request => {
        request.headers['accept'] = MEDIA_TYPE;
        request.headers['x-github-api-version'] = API_VERSION;
    });
    return github;
}


/***/ })

};
