/**
 * The time between two instants, as an observation of a duration gives it (`from`, `to`). In business
 * days only Monday to Friday count, in UTC, so "resolved within 2 business days" is judged on weekdays:
 * a ticket opened on Friday at 16:00 and closed on Monday at 10:00 took 0.75 of one.
 */

const DAY_MS = 86_400_000;

/** Whether a UTC day (midnight, in milliseconds) is a Saturday or a Sunday. */
const weekend = (dayStart: number) => [0, 6].includes(new Date(dayStart).getUTCDay());

/** Milliseconds between the two instants that fall on weekdays. */
export function weekdayMs(fromMs: number, toMs: number): number {
  let total = 0;
  for (let at = fromMs; at < toMs; ) {
    const dayStart = Math.floor(at / DAY_MS) * DAY_MS;
    const next = Math.min(dayStart + DAY_MS, toMs);
    if (!weekend(dayStart)) total += next - at;
    at = next;
  }
  return total;
}

/** The time between the instants in seconds, or in business days when the criterion counts those. */
export function elapsed(fromMs: number, toMs: number, unit: string | null): number {
  return unit === 'business day' ? weekdayMs(fromMs, toMs) / DAY_MS : (toMs - fromMs) / 1000;
}
