/** What `action` writes to stdout while it runs, kept from the test's own output (awaited when `action` is async). */
export function stdoutOf(action: () => Promise<unknown>): Promise<string>
export function stdoutOf(action: () => void): string
export function stdoutOf(action: () => unknown): string | Promise<string> {
  const write = process.stdout.write
  let out = ''
  process.stdout.write = ((chunk: string | Uint8Array) => {
    out += typeof chunk === 'string' ? chunk : Buffer.from(chunk).toString('utf8')
    return true
  }) as typeof process.stdout.write
  const restore = () => {
    process.stdout.write = write
  }
  let result: unknown
  try {
    result = action()
  } catch (error) {
    restore()
    throw error
  }
  if (result instanceof Promise) return result.finally(restore).then(() => out)
  restore()
  return out
}
