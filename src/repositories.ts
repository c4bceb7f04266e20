/** `owner/name` globs from the `repositories` input: `*` and `?` wildcards, `!` excludes. */

export interface RepositoryFilter {
  include: RegExp[]
  exclude: RegExp[]
}

const GLOB = /^!?[A-Za-z0-9*?][A-Za-z0-9*?-]*\/[A-Za-z0-9._*?-]+$/

export function isRepositoryGlob(pattern: string): boolean {
  return GLOB.test(pattern)
}

function globToRegExp(glob: string): RegExp {
  const body = glob.replace(/[.+^${}()|[\]\\]/g, '\\$&').replace(/\*/g, '[^/]*').replace(/\?/g, '[^/]')
  return new RegExp(`^${body}$`, 'i')
}

export function repositoryFilter(patterns: readonly string[]): RepositoryFilter {
  const include = patterns.filter(p => !p.startsWith('!')).map(globToRegExp)
  const exclude = patterns.filter(p => p.startsWith('!')).map(p => globToRegExp(p.slice(1)))
  return { include, exclude }
}

/** Names are compared case-insensitively, as GitHub does. With only exclusions, everything else matches. */
export function repositoryMatches(filter: RepositoryFilter, fullName: string): boolean {
  if (filter.exclude.some(re => re.test(fullName))) return false
  return filter.include.length === 0 || filter.include.some(re => re.test(fullName))
}
