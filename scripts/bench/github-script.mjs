/**
 * (c) What an actions/github-script step does: the Octokit getOctokit gives,
 * and octokit.paginate over the five lists at once. Prints the number of
 * requests listed.
 */
import { getOctokit } from '@actions/github'
import { apiUrl, org, segments, token } from './peer.mjs'

const octokit = getOctokit(token, { baseUrl: apiUrl })
const lists = await Promise.all(
  segments.map(segment => octokit.paginate(`GET /orgs/{org}/${segment}`, { org, per_page: 100, request_status: 'open', time_period: 'month' }))
)
console.log(lists.reduce((sum, list) => sum + list.length, 0))
