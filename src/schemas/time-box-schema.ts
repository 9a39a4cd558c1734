import { z } from 'astro/zod';

const TIME_BOX = /^(\d+)\s+(business days?|working days?|days?|weeks?)$/i;

/** How long the pilot runs: "10 business days", "14 days" or "3 weeks", expanded into data. */
export const TimeBoxSchema = () =>
  z
    .string()
    .trim()
    .regex(TIME_BOX, {
      error: (issue) => `Unexpected time box \`${String(issue.input)}\`, expected "N business days", "N days" or "N weeks", such as \`10 business days\``,
    })
    .transform((text) => {
      const [, count = '0', unit = ''] = TIME_BOX.exec(text) ?? [];
      const lower = unit.toLowerCase();
      return {
        /** The time box as the author wrote it. */
        text,
        /** How many units the pilot runs for. */
        count: Number(count),
        /** Business days skip weekends when the end date is computed. */
        unit: lower.startsWith('week') ? ('weeks' as const) : /business|working/.test(lower) ? ('business-days' as const) : ('days' as const),
      };
    })
    .refine((box) => box.count > 0, { error: 'Unexpected time box of zero, expected at least one day or week' });
