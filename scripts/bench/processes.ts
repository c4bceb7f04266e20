/**
 * The bench's child processes: when each was spawned and when it exited,
 * its peak memory, and a plain way to run a Node script.
 *
 * Lifetimes are taken inside child_process.spawn itself, wrapped once for
 * every caller (runner.ts's runAction included), so a wall time runs from
 * spawn to exit and leaves out what a caller does before or after
 * (runAction's temporary folder, reading the files a run leaves).
 */
import childProcess, { spawn } from 'node:child_process'
import { readFileSync } from 'node:fs'
import { syncBuiltinESMExports } from 'node:module'

/** Milliseconds on the clock the fake's Call.endedAt uses. */
export const clock = (): number => performance.timeOrigin + performance.now()

export interface Lifetime {
  spawnedAt: number
  exitedAt: number
}

const lifetimes = new Map<number, Partial<Lifetime>>()

/** Wraps child_process.spawn (and, through syncBuiltinESMExports, every `import { spawn }` of it) to note each child's lifetime by pid. */
function noteLifetimes(): void {
  const original = childProcess.spawn
  const noting = (...args: unknown[]) => {
    const lifetime: Partial<Lifetime> = { spawnedAt: clock() }
    const child = Reflect.apply(original, childProcess, args) as childProcess.ChildProcess
    if (child.pid !== undefined) lifetimes.set(child.pid, lifetime)
    child.on('exit', () => (lifetime.exitedAt = clock()))
    return child
  }
  Object.assign(childProcess, { spawn: noting })
  syncBuiltinESMExports()
}
noteLifetimes()

/** The lifetime of the child `pid`, once it has exited (its 'close' has come), forgotten here so a reused pid starts afresh. */
export function takeLifetime(pid: number | undefined): Lifetime {
  const lifetime = pid === undefined ? undefined : lifetimes.get(pid)
  if (lifetime?.spawnedAt === undefined || lifetime.exitedAt === undefined) throw new Error(`no lifetime noted for child ${pid}`)
  lifetimes.delete(pid!)
  return { spawnedAt: lifetime.spawnedAt, exitedAt: lifetime.exitedAt }
}

export interface Finished extends Lifetime {
  code: number | null
  stdout: string
}

/** Runs `node <args>` with only PATH and `env` in its environment; stderr goes to ours. */
export async function runNode(args: string[], env: Record<string, string> = {}): Promise<Finished> {
  const child = spawn(process.execPath, args, { env: { PATH: process.env.PATH ?? '', ...env }, stdio: ['ignore', 'pipe', 'inherit'] })
  let stdout = ''
  child.stdout.on('data', chunk => (stdout += chunk))
  const code = await new Promise<number | null>(resolve => child.on('close', resolve))
  return { ...takeLifetime(child.pid), code, stdout }
}

/** Peak resident memory (VmHWM) of a process, sampled from /proc while it runs (Linux); the returned function stops sampling and gives it in MB. */
export function watchMemory(pid: number): () => number {
  let peakKb = 0
  const timer = setInterval(() => {
    try {
      const hwm = /VmHWM:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))
      if (hwm) peakKb = Math.max(peakKb, Number(hwm[1]))
    } catch {
      // The process has ended.
    }
  }, 20)
  return () => {
    clearInterval(timer)
    return peakKb / 1024
  }
}
