export const id = 231;
export const ids = [231];
export const modules = {

/***/ 8231:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   proxyFetch: () => (/* binding */ proxyFetch)
/* harmony export */ });
/* harmony import */ var _actions_http_client__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(2779);
/* harmony import */ var undici__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(6752);
/**
 * The fetch for a runner behind a proxy: the one @actions/github gives its
 * Octokit (undici with @actions/http-client's proxy dispatcher, which reads
 * `https_proxy`, `http_proxy` and their credentials). Loaded only when a
 * proxy applies to the API: undici is a megabyte of code that a run without
 * a proxy does not need (./http-fetch.ts serves it).
 */


function proxyFetch(apiUrl) {
    const dispatcher = new _actions_http_client__WEBPACK_IMPORTED_MODULE_0__/* .HttpClient */ .Qq().getAgentDispatcher(apiUrl);
    return ((url, init) => (0,undici__WEBPACK_IMPORTED_MODULE_1__/* .fetch */ .hd)(url, { ...init, dispatcher }));
}


/***/ })

};
