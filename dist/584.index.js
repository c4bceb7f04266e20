export const id = 584;
export const ids = [584];
export const modules = {

/***/ 6584:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   createClient: () => (/* binding */ createClient)
/* harmony export */ });
/* unused harmony exports API_VERSION, MEDIA_TYPE, baseFetch, userAgent */
/* harmony import */ var _actions_http_client_lib_proxy__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(9783);
/* harmony import */ var _octokit_core__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(5194);
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(3116);
/* harmony import */ var _resilience_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(4974);
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
        if (cause instanceof _errors_js__WEBPACK_IMPORTED_MODULE_1__/* .UnreachableError */ .Jk || cause instanceof _errors_js__WEBPACK_IMPORTED_MODULE_1__/* .RedirectRefusedError */ .jw)
            throw cause;
        throw error;
    });
}
/**
 * The fetch calls go through: Node's own, or, when the runner's proxy
 * variables name a proxy for the API (and `no_proxy` does not exempt it),
 * the proxy-aware one @actions/github would use, loaded only then.
 */
async function baseFetch(apiUrl) {
    if (!(0,_actions_http_client_lib_proxy__WEBPACK_IMPORTED_MODULE_0__/* .getProxyUrl */ .s)(new URL(apiUrl)))
        return globalThis.fetch;
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
            return await (await fetchFor)(url, { ...init, signal, redirect: 'manual' });
        }
        catch (error) {
            const code = errorCode(error);
            if (code && code in _errors_js__WEBPACK_IMPORTED_MODULE_1__/* .UNREACHABLE */ .Dr)
                throw new _errors_js__WEBPACK_IMPORTED_MODULE_1__/* .UnreachableError */ .Jk(options.apiUrl, code);
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
                throw new _errors_js__WEBPACK_IMPORTED_MODULE_1__/* .RedirectRefusedError */ .jw(response.status, path, 'it named no location');
            const target = URL.parse(location, url);
            if (!target)
                throw new _errors_js__WEBPACK_IMPORTED_MODULE_1__/* .RedirectRefusedError */ .jw(response.status, path, 'its location is not a URL');
            if (target.origin !== origin) {
                throw new _errors_js__WEBPACK_IMPORTED_MODULE_1__/* .RedirectRefusedError */ .jw(response.status, path, `it leads to another origin (${target.origin}), where the token is not sent`);
            }
            if (hops >= MAX_REDIRECTS)
                throw new _errors_js__WEBPACK_IMPORTED_MODULE_1__/* .RedirectRefusedError */ .jw(response.status, path, `more than ${MAX_REDIRECTS} redirects`);
            url = target.href;
        }
    };
    const Client = _octokit_core__WEBPACK_IMPORTED_MODULE_2__/* .Octokit */ .E.plugin(failFast, (0,_resilience_js__WEBPACK_IMPORTED_MODULE_3__/* .resilience */ .I)({ retries: options.retries, rateLimitBudgetMs: options.rateLimitBudgetMs, writeSpacingMs: 1000, onWait: options.onWait }));
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
