import { z } from 'astro/zod';
import type { MetricCatalog } from './metric-catalog-schema.ts';
import { RULE_IDS, SAFETY_RULE_IDS } from './rule-registry.ts';
import { SECTION_CATALOG } from './section-catalog.ts';
import { SectionSchema } from './section-schema.ts';

// The ceiling on `maxFileSize`: the build parses every plan the check passes, so the config bounds it too.
export const MAX_FILE_SIZE = 4 * 1024 * 1024;

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
    /** Severity per rule id: `error`, `warning` or `off`. Rules not named keep their default; safety rules stay errors. */
    rules: z
      .partialRecord(z.enum(RULE_IDS), SeveritySchema)
      .superRefine((rules, context) => {
        for (const [id, severity] of Object.entries(rules)) {
          if (severity === 'error' || !SAFETY_RULE_IDS.has(id as (typeof RULE_IDS)[number])) continue;
          context.addIssue({
            code: 'custom',
            path: [id],
            message: `Unexpected \`"${severity}"\` for \`${id}\`, a safety rule: it keeps plans from running code, reading files outside the project or stalling the build, so it is always an error. Remove \`${id}\` from \`rules\`.`,
          });
        }
      })
      .default({}),
    /** The sections plans must contain, replacing the built-in list when given. */
    sections: z.array(SectionSchema()).default(() => SECTION_CATALOG.map((section) => ({ ...section, synonyms: [...section.synonyms] }))),
    /** MDX components plans may use; any other component is reported by `mdx-safety`. */
    components: z.array(z.string().regex(/^[A-Z]\w*$/, 'Unexpected component name, expected a plain name such as `Aside`: a dotted name reaches into the object behind it')).default([]),
    /** Largest plan file checked, in bytes (at most 4 MiB); larger ones get `file-too-large` and are not parsed. */
    maxFileSize: z.number().int().positive().max(MAX_FILE_SIZE).default(1_048_576),
    /** Seconds one file may take to check (at most 30) before it is stopped and reported as `check-timeout`. */
    timeLimit: z.number().positive().max(30).default(3),
    /** Globs, relative to the content folder, of the files that are plans; other `.mdx` there (guides) is not checked. */
    plans: z.array(z.string().min(1)).nonempty().default(['plans/**/*.mdx', 'examples/**/*.mdx']),
  });

export type ConfigInput = z.input<ReturnType<typeof ConfigSchema>>;
export type Config = z.output<ReturnType<typeof ConfigSchema>> & {
  /** The metric catalogue from `metrics.yaml` beside the config file, when the project has one. */
  metrics?: MetricCatalog;
};
export type Severity = z.output<typeof SeveritySchema>;
