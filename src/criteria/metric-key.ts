import type { Criterion } from '../schemas/criterion-schema.ts';

// "p95", "P99.9", "95th percentile", "99% percentile", "median": the percentile a name speaks of.
const PERCENTILE = /\bp(\d{2}(?:\.\d+)?)\b|\b(\d{1,2}(?:\.\d+)?)(?:st|nd|rd|th|%)?[\s-]*percentile\b|\bmedian\b/i;

/**
 * A metric's name as it matches across a plan and its results: without case, punctuation or a
 * plural -s, and with any percentile moved to the end, so "p95 latency", "latency p95" and "95th
 * percentile latency" are one metric and "P1 defects" reads "a P1 defect occurs".
 */
export function metricKey(name: string): string {
  let key = keys.get(name);
  if (key === undefined) {
    // A check asks for the same names over and over (catalogue lookups, results, "did you mean").
    if (keys.size >= MAX_REMEMBERED) keys.clear();
    key = keyOf(name);
    keys.set(name, key);
  }
  return key;
}

const MAX_REMEMBERED = 50_000;
const keys = new Map<string, string>();

function keyOf(name: string): string {
  const found = PERCENTILE.exec(name);
  const percentile = found ? (found[1] ?? found[2] ?? '50') : null;
  const rest = found ? `${name.slice(0, found.index)} ${name.slice(found.index + found[0].length)}` : name;
  const words = rest
    .toLowerCase()
    .split(/[^\p{L}\p{N}%]+/u)
    .filter((word) => word && word !== 'at')
    .map((word) => (word.length > 3 && word.endsWith('s') && !word.endsWith('ss') ? word.slice(0, -1) : word));
  return [...words, ...(percentile === null ? [] : [`p${Number(percentile)}`])].join(' ');
}

/** The name a criterion's observations go by in `results.yaml`: its metric, with its percentile ("latency p95"). */
export function observationName(criterion: Pick<Criterion, 'metric' | 'percentile'>): string {
  return criterion.percentile === null ? criterion.metric : `${criterion.metric} p${criterion.percentile}`;
}

/** The key a criterion's observations go by: its metric, with its percentile. */
export function criterionKey(criterion: Pick<Criterion, 'metric' | 'percentile'>): string {
  return metricKey(observationName(criterion));
}

/**
 * The key an observation goes by, and a criterion finds it by: the metric's key, and the seconds of the
 * window it was measured over, when one is stated. `evaluate`, a fetch and a merge of results share it.
 */
export function observationKey(metric: string, windowSeconds: number | null = null): string {
  return `${metricKey(metric)}@${windowSeconds ?? ''}`;
}
