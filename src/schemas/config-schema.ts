import { z } from 'astro/zod';
import type { MetricCatalog } from './metric-catalog-schema.ts';
import { SECTION_CATALOG } from './section-catalog.ts';
import { RULE_IDS } from './rule-ids.ts';
import { SectionSchema } from './section-schema.ts';

const SeveritySchema = z.enum(['error', 'warning', 'off']);

/**
 * The project's checker settings, read from `content/pilotplan.config.json`.
 * @example
 * { "rules": { "personal-data": "warning" }, "components": ["Aside"] }
 */
export const ConfigSchema = () =>
  z.strictObject({
    /** Lets editors find the JSON Schema; not read by the checker. */
    $schema: z.string().optional(),
    /** Severity per rule id: `error`, `warning` or `off`. Rules not named keep their default. */
    rules: z.partialRecord(z.enum(RULE_IDS), SeveritySchema).default({}),
    /** The sections plans must contain, replacing the built-in list when given. */
    sections: z.array(SectionSchema()).default(() => SECTION_CATALOG.map((section) => ({ ...section, synonyms: [...section.synonyms] }))),
    /** MDX components plans may use; any other component is reported by `mdx-safety`. */
    components: z.array(z.string().regex(/^[A-Z][\w.]*$/)).default([]),
    /** Largest plan file checked, in bytes; larger ones get `file-too-large` and are not parsed. */
    maxFileSize: z.number().int().positive().default(1_048_576),
    /** Seconds one file may take to check before it is stopped and reported as `check-timeout`. */
    timeLimit: z.number().positive().max(600).default(3),
    /** Globs, relative to the content folder, of the files that are plans; other `.mdx` there (guides) is not checked. */
    plans: z.array(z.string().min(1)).nonempty().default(['plans/**/*.mdx', 'examples/**/*.mdx']),
  });

export type ConfigInput = z.input<ReturnType<typeof ConfigSchema>>;
export type Config = z.output<ReturnType<typeof ConfigSchema>> & {
  /** The metric catalogue from `metrics.yaml` beside the config file, when the project has one. */
  metrics?: MetricCatalog;
};
export type Severity = z.output<typeof SeveritySchema>;
