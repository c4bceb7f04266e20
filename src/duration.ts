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
  if (minutes < 1) return '<1m'
  const parts: [number, string][] = [
    [Math.floor(minutes / 1440), 'd'],
    [Math.floor((minutes % 1440) / 60), 'h'],
    [minutes % 60, 'm']
  ]
  const first = parts.findIndex(([n]) => n > 0)
  return parts
    .slice(first, first + 2)
    .filter(([n]) => n > 0)
    .map(([n, unit]) => `${n}${unit}`)
    .join(' ')
}
