import { EDGES, HIGHER_HEADS, HIGHER_WORDS, LOWER_HEADS, LOWER_WORDS, SCOPE_OPENERS, words as wordSet } from './lexicon.ts';

// Words that make a name the opposite of its head: "poor attendance", "free of crashes", "loss of availability".
const REVERSING = wordSet(
  'poor low lost loss lack missing degraded incomplete free without non no never reduced breach breaches risk gap gaps shortfall deficit failing avoidable preventable prevented avoided unplanned found detected caught',
);

const HIGHER_SET = new Set(HIGHER_WORDS);
const LOWER_SET = new Set(LOWER_WORDS);

/** `higher` or `lower` is better for a metric, or null when its name does not tell. */
export function metricPolarity(metric: string): 'higher' | 'lower' | null {
  // "doses administered on time": on time is good, whatever time alone says.
  const words = metric
    .toLowerCase()
    .replace(/\bon time\b/g, 'on-time')
    .split(/[^\p{L}\p{N}-]+/u);
  const up = words.some((word) => HIGHER_SET.has(word));
  const down = words.some((word) => LOWER_SET.has(word));
  if (up === down) return null;
  return up ? 'higher' : 'lower';
}

/** Which way is better when the name's last word says it alone ("monthly uptime", "P1 incidents", "error rate"), else null. */
export function headPolarity(metric: string): 'higher' | 'lower' | null {
  const all = metric.toLowerCase().split(/\s+/);
  // "time to resolution", "referral to treatment time": how long until something is done is better short.
  if ((all[0] === 'time' && all[1] === 'to') || (all.at(-1) === 'time' && all.includes('to')) || /\blength of stay\b/.test(metric.toLowerCase())) return 'lower';
  // "uptime during pilot": the head comes before what scopes it.
  const scoped = all.findIndex((word, index) => index > 0 && (SCOPE_OPENERS.has(word) || word === 'during' || word === 'after' || word === 'per'));
  const words = scoped > 0 ? all.slice(0, scoped) : all;
  // "Days without incidents", "Loss of availability", "Staff with low adoption": other words turn the head round.
  if (words.length > 3 || words.some((word) => EDGES.has(word)) || all.some((word) => REVERSING.has(word))) return null;
  const last = words.at(-1) ?? '';
  // "retention rate", "satisfaction score": a measure's own noun takes the word before it.
  const head = ['rate', 'score', 'ratio', 'percentage', 'time', 'depth', 'count'].includes(last) ? `${words.at(-2) ?? ''}-${last}` : last;
  // "on-time delivery", "active monthly users", "user activation rate": the share on time, active or activated is
  // better higher; "active blocked users" or "fallback activation" are not.
  if (words.includes('on-time') || /^active (?:(?:daily|weekly|monthly) )?users$/.test(words.join(' '))) return 'higher';
  if (/^(?:user|customer|account|member|patient|clinician|staff) (?:activation|engagement|uptake)(?: rate)?$/.test(words.join(' '))) return 'higher';
  // "error budget remaining", "free disk": what is left to use is better higher.
  if ((words.includes('budget') && ['remaining', 'left'].includes(last)) || words[0] === 'free') return 'higher';
  // "crash-free", "crash-free sessions": the share free of something bad is better higher.
  if (/^[a-z]+-free$/.test(last) || (words.length > 1 && /^[a-z]+-free$/.test(words.at(-2) ?? '') && ['sessions', 'users', 'rate', 'days', 'runs', 'orders'].includes(last))) return 'higher';
  return HIGHER_HEADS.has(head) ? 'higher' : LOWER_HEADS.has(head) ? 'lower' : null;
}

/**
 * Which way is better for a change said by its quality ("improves", "worse than control", "no regression in"):
 * only where the name's head says it and no other word says otherwise. "Open rate", "memory usage" and
 * "time in range" have words that lean one way and heads that do not say; a guess there turns the criterion round.
 */
export function changePolarity(metric: string): 'higher' | 'lower' | null {
  const head = headPolarity(metric);
  if (head === null) return null;
  // "Closed defects", "missed sales", "churned revenue": a word that leans the other way turns the head round, or may.
  const opposite = head === 'lower' ? HIGHER_SET : LOWER_SET;
  return metric
    .toLowerCase()
    .split(/[^\p{L}\p{N}]+/u)
    .some((word) => opposite.has(word))
    ? null
    : head;
}

/** Why a change can be no exit criterion: a rise of what is better lower, or a fall of what is better higher, aimed at. */
export function worseChange(metric: string, direction: string): string | null {
  const polarity = metricPolarity(metric);
  const worse = (direction === 'increase' && polarity === 'lower') || (direction === 'decrease' && polarity === 'higher');
  return worse
    ? `${direction === 'increase' ? 'an' : 'a'} ${direction} of \`${metric}\` is a change for the worse, which no exit criterion aims at; write the limit it must stay within, such as \`${metric} no more than 5% ${direction === 'increase' ? 'above' : 'below'} baseline\``
    : null;
}

/** Which way is better for a metric: by its last word where that tells, else by any word of its name; null where neither does. */
export function betterWay(metric: string): 'higher' | 'lower' | null {
  return headPolarity(metric) ?? metricPolarity(metric);
}
