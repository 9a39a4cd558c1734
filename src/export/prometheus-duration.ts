const UNITS = [
  ['w', 604_800],
  ['d', 86_400],
  ['h', 3_600],
  ['m', 60],
  ['s', 1],
] as const;

/**
 * Seconds as a Prometheus duration in the largest unit that divides them: `30m`, `1h`, `7d`. With
 * `only` (Flagger accepts minutes and seconds only), the largest of those units.
 */
export function prometheusDuration(seconds: number, only: ReadonlyArray<(typeof UNITS)[number][0]> = ['w', 'd', 'h', 'm', 's']): string {
  const whole = Math.round(seconds);
  if (whole < 1 || Math.abs(whole - seconds) > 1e-9) return `${Math.max(1, Math.round(seconds * 1000))}ms`;
  const [unit, size] = UNITS.find(([name, size]) => only.includes(name) && whole % size === 0) ?? ['s', 1];
  return `${whole / size}${unit}`;
}
