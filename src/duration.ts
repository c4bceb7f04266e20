/** Durations as the inputs write them (`90m`, `36h`, `3d`, `1w`) and as people read them (`3d 4h`). */

const UNIT_MS = { m: 60_000, h: 3_600_000, d: 86_400_000, w: 604_800_000 } as const
const MINUTE = UNIT_MS.m

export const DURATION_FORMS = 'a whole number followed by m, h, d or w (90m, 36h, 3d, 1w)'

/** Milliseconds, or undefined when the text is not `<positive integer><m|h|d|w>`. */
export function parseDuration(text: string): number | undefined {
  const match = /^([1-9][0-9]{0,5})([mhdw])$/.exec(text.trim())
  if (!match) return undefined
  return Number(match[1]) * UNIT_MS[match[2] as keyof typeof UNIT_MS]
}

/** `3d 4h`, `5h 12m`, `7m`: the two largest units; under a minute reads `<1m`. */
export function humanDuration(ms: number): string {
  const minutes = Math.floor(Math.abs(ms) / MINUTE)
  if (Number.isNaN(minutes)) return ''
  if (minutes < 1) return '<1m'
  const days = Math.floor(minutes / 1440)
  const hours = Math.floor((minutes % 1440) / 60)
  const rest = minutes % 60
  // The largest unit, then the next one down unless it is zero.
  if (days > 0) return hours > 0 ? `${days}d ${hours}h` : `${days}d`
  if (hours > 0) return rest > 0 ? `${hours}h ${rest}m` : `${hours}h`
  return `${rest}m`
}
