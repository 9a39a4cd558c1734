import { z } from 'astro/zod';
import { UNITS } from './criterion-schema.ts';
import { PrometheusDurationSchema } from './metric-catalog-schema.ts';

/** An instant: an ISO date-time with `Z` or an offset, such as `2026-12-08T10:00:00Z`. */
const InstantSchema = () =>
  z
    .union([
      z.date().transform((date) => date.toISOString()),
      z.iso.datetime({ offset: true, error: 'Unexpected time, expected an ISO date-time with `Z` or an offset, such as `2026-12-08T10:00:00Z`' }),
    ])
    .transform((text) => ({ text, ms: Date.parse(text) }));

/** One reading in a time series. */
export const SeriesPointSchema = () =>
  z.strictObject({
    /** When it was read: an ISO date-time with `Z` or an offset, such as `2026-12-08T10:00:00Z`. */
    at: InstantSchema(),
    /** The reading, in the observation's unit. */
    value: z.number().finite(),
    /** For a criterion measured against a baseline, the baseline's figure at the same time, when it moves. */
    baseline: z.number().finite().optional(),
  });

/**
 * One observed metric. Give exactly one of `value`, `count` with `per`, or `series`.
 */
export const ObservationSchema = () =>
  z
    .strictObject({
      /** The criterion's metric as the plan writes it ("Error rate"); case and a plural -s are ignored. */
      criterion: z.string().trim().min(1),
      /** A single observed value. */
      value: z.number().finite().optional(),
      /** For a rate such as "per 1,000 sessions": how many events were counted… */
      count: z.number().int().nonnegative().optional(),
      /** …out of how many sessions, users or records. */
      per: z.number().positive().optional(),
      /** Readings over time, for triggers with a window ("for 30 minutes"). */
      series: z.array(SeriesPointSchema()).nonempty().optional(),
      /** For a duration, when it began: with `to`, the time between them is the value; in business days only weekdays count. */
      from: InstantSchema().optional(),
      /** For a duration, when it ended. */
      to: InstantSchema().optional(),
      /** The unit of `value` or `series`; defaults to the criterion's. Times convert into each other, and so do sizes. */
      unit: z.enum(UNITS).optional(),
      /** For a criterion measured against a baseline ("within 1 point of baseline"): the baseline's own figure, in the unit of `value`. */
      baseline: z.number().finite().optional(),
      /** The spacing of the `series` readings when they are taken at regular times (`1m`): a missing reading then stops a run, as it restarts Prometheus's `for:`. */
      interval: PrometheusDurationSchema().optional(),
      /** The window the figures were measured over (`1h`), when a criterion states one ("in any 1-hour window"); they then serve criteria with that window only. */
      window: PrometheusDurationSchema().optional(),
      /** The top of the score's scale when it differs from the criterion's ("8.4 out of 10"). */
      scale: z.number().positive().optional(),
      /** Where the figure came from, shown beside it. */
      source: z.string().trim().optional(),
    })
    .superRefine((observation, context) => {
      const spanned = observation.from !== undefined || observation.to !== undefined;
      const given = [observation.value !== undefined, observation.count !== undefined, observation.series !== undefined, spanned].filter(Boolean).length;
      if (given !== 1) {
        context.addIssue({
          code: 'custom',
          path: [],
          message: `Observation \`${observation.criterion}\` needs exactly one of \`value\`, \`count\` (with \`per\`), \`series\` or \`from\` (with \`to\`)`,
        });
      }
      if (spanned && (observation.from === undefined) !== (observation.to === undefined)) {
        context.addIssue({ code: 'custom', path: [observation.from === undefined ? 'from' : 'to'], message: '`from` and `to` go together: when the time began, and when it ended' });
      }
      if (observation.from && observation.to && observation.to.ms < observation.from.ms) {
        context.addIssue({ code: 'custom', path: ['to'], message: `Unexpected \`to: ${observation.to.text}\` before \`from: ${observation.from.text}\`, expected the end after the start` });
      }
      if ((observation.count === undefined) !== (observation.per === undefined)) {
        context.addIssue({ code: 'custom', path: [observation.count === undefined ? 'per' : 'count'], message: '`count` and `per` go together: events counted, and out of how many' });
      }
    });

/** Observed results of a running pilot: `content/plans/<id>/results.yaml`. */
export const ResultsSchema = () =>
  z.strictObject({
    /** The plan version the observations are for; defaults to the latest. */
    version: z.number().int().positive().optional(),
    /** When the figures were last updated. */
    updated: z.union([z.date().transform((date) => date.toISOString()), z.string().trim()]).optional(),
    /** One entry per observed metric. */
    observations: z.array(ObservationSchema()),
  });

export type Observation = z.output<ReturnType<typeof ObservationSchema>>;
export type Results = z.output<ReturnType<typeof ResultsSchema>>;
