/**
 * What the bench's peer scripts share: where to list (from the environment
 * the bench gives them) and a GET sent the way `gh api` sends it.
 *   BENCH_API_URL, BENCH_TOKEN  the fake GitHub and its token
 *   BENCH_ORG                   the organization whose lists are read
 *   BENCH_SEGMENTS              the request types' list segments, comma-separated
 */
export const apiUrl = process.env.BENCH_API_URL
export const token = process.env.BENCH_TOKEN
export const org = process.env.BENCH_ORG
export const segments = process.env.BENCH_SEGMENTS.split(',')

const QUERY = 'per_page=100&request_status=open&time_period=month'

/** The URL of one page of a segment's organization list. */
export function pageUrl(segment, page) {
  return `${apiUrl}/orgs/${org}/${segment}?${QUERY}&page=${page}`
}

/** GETs a list page; its items (parsed with JSON.parse) and its Link header. */
export async function getPage(url) {
  const response = await fetch(url, {
    headers: { authorization: `token ${token}`, accept: 'application/vnd.github+json', 'x-github-api-version': '2022-11-28' }
  })
  if (!response.ok) throw new Error(`GET ${url}: ${response.status}`)
  return { items: JSON.parse(await response.text()), link: response.headers.get('link') }
}
