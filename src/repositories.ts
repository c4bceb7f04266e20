/**
 * Repository names as GitHub writes them (`owner/name`), and the
 * `repositories` input's globs over them: `*` and `?` wildcards, `!` excludes.
 */

export interface RepositoryRef {
  owner: string
  name: string
}

/** A user or organization login: letters, digits and hyphens, at most 39 characters. */
export const OWNER = /^[A-Za-z0-9](?:[A-Za-z0-9-]{0,38})$/
/** A repository's name without its owner. */
export const REPO_NAME = /^(?!\.\.?$)[A-Za-z0-9._-]{1,100}$/

/** `owner/name` → its parts, or undefined when it is not one owner and one name. */
export function parseFullName(text: string): RepositoryRef | undefined {
  const [owner, name, extra] = text.split('/')
  if (extra !== undefined || owner === undefined || name === undefined) return undefined
  return OWNER.test(owner) && REPO_NAME.test(name) ? { owner, name } : undefined
}

export function fullName(repository: RepositoryRef): string {
  return `${repository.owner}/${repository.name}`
}

export interface RepositoryGlob {
  /** As written, without its `!`. */
  pattern: string
  regex: RegExp
}

export interface RepositoryFilter {
  include: RepositoryGlob[]
  exclude: RepositoryGlob[]
}

const GLOB = /^!?[A-Za-z0-9*?][A-Za-z0-9*?-]*\/[A-Za-z0-9._*?-]+$/

export function isRepositoryGlob(pattern: string): boolean {
  return GLOB.test(pattern)
}

function glob(pattern: string): RepositoryGlob {
  const body = pattern
    .replace(/[.+^${}()|[\]\\]/g, '\\$&')
    .replace(/\*/g, '[^/]*')
    .replace(/\?/g, '[^/]')
  return { pattern, regex: new RegExp(`^${body}$`, 'i') }
}

export function repositoryFilter(patterns: readonly string[]): RepositoryFilter {
  const include = patterns.filter(p => !p.startsWith('!')).map(glob)
  const exclude = patterns.filter(p => p.startsWith('!')).map(p => glob(p.slice(1)))
  return { include, exclude }
}

/** Names are compared case-insensitively, as GitHub does. With only exclusions, everything else matches. */
export function repositoryMatches(filter: RepositoryFilter, name: string): boolean {
  if (filter.exclude.some(g => g.regex.test(name))) return false
  return filter.include.length === 0 || filter.include.some(g => g.regex.test(name))
}

/** The patterns (as written, `!` kept) that match none of `names`: most likely a typo. */
export function unmatchedPatterns(filter: RepositoryFilter, names: readonly string[]): string[] {
  const unmatched = (globs: RepositoryGlob[], prefix: string) => globs.filter(g => !names.some(name => g.regex.test(name))).map(g => `${prefix}${g.pattern}`)
  return [...unmatched(filter.include, ''), ...unmatched(filter.exclude, '!')]
}
