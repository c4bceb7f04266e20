/**
 * (d) The floor: every page count known in advance, all pages asked for at
 * once through p-limit(BENCH_CONCURRENCY), native fetch and JSON.parse and
 * nothing else. BENCH_PAGES: each segment's page count, comma-separated, in
 * BENCH_SEGMENTS's order. Prints the number of requests listed.
 */
import pLimit from 'p-limit'
import { getPage, pageUrl, segments } from './peer.mjs'

const limit = pLimit(Number(process.env.BENCH_CONCURRENCY))
const pageCounts = process.env.BENCH_PAGES.split(',').map(Number)
const urls = segments.flatMap((segment, i) => Array.from({ length: pageCounts[i] }, (_, p) => pageUrl(segment, p + 1)))
const pages = await Promise.all(urls.map(url => limit(() => getPage(url))))
console.log(pages.reduce((sum, page) => sum + page.items.length, 0))
