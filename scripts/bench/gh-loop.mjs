/**
 * (b) What a workflow step does with `gh api --paginate`: one type after the
 * other, page 1 then each Link `next`, one call at a time. Prints the number
 * of requests listed.
 */
import { getPage, pageUrl, segments } from './peer.mjs'

/** The URL of a Link header's rel="next", if any. */
function nextUrl(link) {
  return link?.match(/<([^>]+)>;\s*rel="next"/)?.[1]
}

let listed = 0
for (const segment of segments) {
  let url = pageUrl(segment, 1)
  while (url) {
    const page = await getPage(url)
    listed += page.items.length
    url = nextUrl(page.link)
  }
}
console.log(listed)
