import { z } from 'astro/zod';
import { UNITS } from './criterion-schema.ts';
import { promqlShapeProblem } from './promql-shape.ts';

// Prometheus's duration syntax, as `for:` and range selectors take it: `90s`, `30m`, `1h30m`, `7d`.
const DURATION = /^(?:\d+(?:ms|s|m|h|d|w|y))+$/;
const DURATION_PART = /(\d+)(ms|s|m|h|d|w|y)/g;
const SECONDS: Record<string, number> = { ms: 0.001, s: 1, m: 60, h: 3_600, d: 86_400, w: 604_800, y: 31_536_000 };

/** Placeholders a query may hold; the exporters fill them per criterion. */
export const QUERY_PLACEHOLDERS = ['window', 'quantile'] as const;

const PLACEHOLDER = /\{\{\s*([^}]*?)\s*\}\}/g;

/** A Prometheus duration (`5m`, `1h30m`), read into seconds. */
export const PrometheusDurationSchema = () =>
  z
    .string()
    .regex(DURATION, 'Unexpected duration, expected Prometheus syntax such as `30s`, `5m` or `1h30m`')
    .transform((text) => ({ text, seconds: [...text.matchAll(DURATION_PART)].reduce((sum, [, count, unit]) => sum + Number(count) * (SECONDS[unit ?? 's'] ?? 1), 0) }))
    .refine((duration) => duration.seconds > 0, 'Unexpected zero duration, expected a positive one such as `5m`');

/** A PromQL query of one balanced expression, without comments, with only the placeholders the exporters know, where they belong. */
const QuerySchema = () =>
  z
    .string()
    .trim()
    .min(1)
    .superRefine((query, context) => {
      const shape = promqlShapeProblem(query);
      if (shape) context.addIssue({ code: 'custom', message: shape });
      for (const [, name] of query.matchAll(PLACEHOLDER)) {
        if (!QUERY_PLACEHOLDERS.some((known) => known === name)) {
          context.addIssue({
            code: 'custom',
            message: `Unexpected placeholder \`{{${name}}}\`, expected ${QUERY_PLACEHOLDERS.map((known) => `\`{{${known}}}\``).join(' or ')}. Write the value itself into the query`,
          });
        }
      }
    })
    // One spelling, `{{window}}`, so every filler finds it.
    .transform((query) => query.replace(PLACEHOLDER, (_, name: string) => `{{${name}}}`));

/** How one metric named in plans is measured. */
export const MetricBindingSchema = () =>
  z.strictObject({
    /** PromQL giving the metric as one number; `{{window}}` is the range it is measured over, `{{quantile}}` a percentile as 0.95. */
    query: QuerySchema(),
    /** The unit the query's value is in; thresholds are converted into it. Omit for a plain count or number. */
    unit: z.enum(UNITS).optional(),
    /** Other names plans use for this metric ("p95 checkout latency", "5xx rate"). */
    synonyms: z.array(z.string().trim().min(1)).default([]),
    /** The plan ids this entry applies to, when the same words mean different queries in different plans; all plans when omitted. */
    plans: z
      .array(z.string().regex(/^[a-z0-9][a-z0-9-]*$/, 'Unexpected plan id, expected a plan folder name such as `checkout-redesign`'))
      .nonempty()
      .optional(),
    /** The range `{{window}}` stands for when a criterion states no measuring window. */
    window: PrometheusDurationSchema().prefault('5m'),
    /** For a rate ("per 1,000 sessions"): how many the query's value is counted against. */
    per: z.number().positive().optional(),
    /** PromQL for the figure a baseline criterion compares with ("the control group", "last week"). */
    baseline: QuerySchema().optional(),
  });

/**
 * The project's metric catalogue, `content/metrics.yaml`: how each metric that plans name is measured
 * in Prometheus, so exit criteria and rollback triggers export as rules and analyses.
 * @example
 * prometheus: { address: http://prometheus.monitoring:9090 }
 * metrics:
 *   error rate: { query: 'sum(rate(http_errors_total[{{window}}])) / sum(rate(http_requests_total[{{window}}])) * 100', unit: '%' }
 */
export const MetricCatalogSchema = () =>
  z.strictObject({
    /** Lets editors find the JSON Schema; not read by the checker. */
    $schema: z.string().optional(),
    /** The Prometheus server the exported analyses query. */
    prometheus: z.strictObject({
      /** Its address as the rollout tools reach it, such as `http://prometheus.monitoring:9090`. */
      address: z.url({ protocol: /^https?$/, error: 'Unexpected address, expected an http or https URL such as `http://prometheus.monitoring:9090`' }),
      /** How often rules are evaluated and analyses measure: one check. */
      interval: PrometheusDurationSchema().prefault('1m'),
    }),
    /** Each metric name plans use, with its query. */
    metrics: z.record(z.string().trim().min(1), MetricBindingSchema()),
  });

export type MetricCatalogInput = z.input<ReturnType<typeof MetricCatalogSchema>>;
export type MetricCatalog = z.output<ReturnType<typeof MetricCatalogSchema>>;
export type MetricBinding = z.output<ReturnType<typeof MetricBindingSchema>>;
export type PrometheusDuration = z.output<ReturnType<typeof PrometheusDurationSchema>>;
