/** The action's entry point. */
import { run } from './main.js'

/** Optional tuning from the environment: a whole number of milliseconds, or undefined. */
function milliseconds(name: string): number | undefined {
  const value = Number(process.env[name])
  return Number.isInteger(value) && value > 0 ? value : undefined
}

await run({
  timeoutMs: milliseconds('EXEMPTION_REQUESTS_TIMEOUT_MS'),
  rateLimitBudgetMs: milliseconds('EXEMPTION_REQUESTS_RATE_LIMIT_BUDGET_MS')
})
