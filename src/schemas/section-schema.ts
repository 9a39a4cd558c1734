import { z } from 'astro/zod';

/** One section a plan must, or should, contain. */
export const SectionSchema = () =>
  z.strictObject({
    /** Stable id used in messages and by other rules (`exit-criteria`, `rollback` are read for criteria). */
    id: z.string().regex(/^[a-z][a-z0-9-]*$/),
    /** The heading authors are told to write. */
    title: z.string().min(1),
    /** `required` sections are errors when missing, `recommended` ones warnings, `optional` ones neither. */
    level: z.enum(['required', 'recommended', 'optional']).default('required'),
    /** Other headings that count as this section. */
    synonyms: z.array(z.string().min(1)).default([]),
  });

export type Section = z.output<ReturnType<typeof SectionSchema>>;
