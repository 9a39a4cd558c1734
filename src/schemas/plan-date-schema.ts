import { z } from 'astro/zod';

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

function isRealDate(text: string): boolean {
  const date = new Date(`${text}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().slice(0, 10) === text;
}

/**
 * A calendar date. Authors write a YAML date (`2026-12-07`) or a quoted ISO string; Astro's YAML reader
 * turns the first into a `Date`, ours keeps a string, so both become the same `YYYY-MM-DD` text.
 */
export const PlanDateSchema = () =>
  z.union([z.date().transform((date) => date.toISOString().slice(0, 10)), z.string().trim()]).refine((text) => ISO_DATE.test(text) && isRealDate(text), {
    error: (issue) => `Unexpected date \`${String(issue.input)}\`, expected a real calendar date written as \`YYYY-MM-DD\`, such as \`2026-12-07\``,
  });
