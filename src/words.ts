/** Wording shared by every message: counts with the right plural. */

/** `1 request`, `2 requests`; `plural(2, 'request is', 'requests are')` for other forms. */
export function plural(count: number, one: string, many = `${one}s`): string {
  return `${count} ${count === 1 ? one : many}`
}
