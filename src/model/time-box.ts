import type { PlanFrontmatter } from '../schemas/plan-frontmatter-schema.ts';

type TimeBox = PlanFrontmatter['duration'];

const DAY = 86_400_000;

/** The first and last day of a pilot, both counted (`YYYY-MM-DD`). */
export interface PilotDates {
  start: string;
  end: string;
}

/** A plan's first and last day, from its valid frontmatter. */
export function pilotDates(frontmatter: Pick<PlanFrontmatter, 'start' | 'duration'>): PilotDates {
  return { start: frontmatter.start, end: endDate(frontmatter.start, frontmatter.duration) };
}

/**
 * The last day of the time box, counting the start as day one. Business days skip Saturdays and
 * Sundays; a start on a weekend counts from the next Monday.
 */
export function endDate(start: string, box: TimeBox): string {
  let day = Date.parse(`${start}T00:00:00Z`);
  if (box.unit === 'days') return new Date(day + (box.count - 1) * DAY).toISOString().slice(0, 10);
  if (box.unit === 'weeks') return new Date(day + (box.count * 7 - 1) * DAY).toISOString().slice(0, 10);
  const isWeekend = (time: number) => [0, 6].includes(new Date(time).getUTCDay());
  while (isWeekend(day)) day += DAY;
  for (let counted = 1; counted < box.count; ) {
    day += DAY;
    if (!isWeekend(day)) counted++;
  }
  return new Date(day).toISOString().slice(0, 10);
}
