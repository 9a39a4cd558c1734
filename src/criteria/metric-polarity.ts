import { HIGHER_WORDS, LOWER_WORDS } from './lexicon.ts';

const HIGHER_SET = new Set(HIGHER_WORDS);
const LOWER_SET = new Set(LOWER_WORDS);

/** `higher` or `lower` is better for a metric, or null when its name does not tell. */
export function metricPolarity(metric: string): 'higher' | 'lower' | null {
  const words = metric.toLowerCase().split(/[^\p{L}\p{N}-]+/u);
  const up = words.some((word) => HIGHER_SET.has(word));
  const down = words.some((word) => LOWER_SET.has(word));
  if (up === down) return null;
  return up ? 'higher' : 'lower';
}
