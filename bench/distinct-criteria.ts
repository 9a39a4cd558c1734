/**
 * Criteria for the bench's plans, composed from metrics, comparisons, quantities and windows so that no
 * two plans share a bullet: the reader's memo cannot answer them for free, as it could when every plan
 * copied its seed's bullets.
 */

type Kind = 'percent' | 'time' | 'count' | 'rate' | 'score';

/** Metrics by what they measure; each plan puts its own service word before them ("invoice error rate"). */
const METRICS: ReadonlyArray<readonly [string, Kind]> = [
  ['error rate', 'percent'],
  ['checkout failure rate', 'percent'],
  ['crash-free sessions', 'percent'],
  ['opt-out rate', 'percent'],
  ['refund rate', 'percent'],
  ['abandonment rate', 'percent'],
  ['adoption', 'percent'],
  ['sync success rate', 'percent'],
  ['latency', 'time'],
  ['search time', 'time'],
  ['page load time', 'time'],
  ['sync time', 'time'],
  ['time to first byte', 'time'],
  ['P1 defects', 'count'],
  ['support tickets', 'count'],
  ['failed payments', 'count'],
  ['duplicate invoices', 'count'],
  ['lost notes', 'count'],
  ['failed syncs', 'rate'],
  ['payment errors', 'rate'],
  ['login failures', 'rate'],
  ['CSAT', 'score'],
  ['staff satisfaction', 'score'],
];

const BELOW = ['<', '≤', 'below', 'under', 'at most', 'no more than', 'less than'];
const ABOVE = ['>', '≥', 'above', 'at least', 'more than', 'no less than'];
const FEWER = ['fewer than', 'at most', 'no more than', '<', '≤'];
const WINDOWS = ['', '', ' over 1 hour', ' in any 1-hour window', ' over 24 hours', ' during the first week', ' over a rolling 7-day window'];
const SUSTAINED = ['', ' for 15 minutes', ' for 30 minutes', ' sustained for 10 minutes', ' for 2 hours'];

/** A value for a kind, with its unit as written. */
function quantity(kind: Kind, next: () => number, high: boolean): string {
  if (kind === 'percent') return `${(high ? 90 + next() * 9.9 : 0.1 + next() * 4.9).toFixed(1)}%`;
  if (kind === 'time') return next() < 0.5 ? `${Math.round(100 + next() * 900)} ms` : `${(1 + next() * 9).toFixed(1)} seconds`;
  // From 1: "≥ 0" holds always and "< 0" never, which the check rightly refuses.
  if (kind === 'count') return String(1 + Math.floor(next() * 19));
  if (kind === 'rate') return `${1 + Math.floor(next() * 9)} per ${next() < 0.5 ? '1,000' : '10,000'} ${next() < 0.5 ? 'sessions' : 'devices'}`;
  return `${(3 + next() * 1.9).toFixed(1)}/5`;
}

const pick = <T>(list: readonly T[], next: () => number): T => list[Math.floor(next() * list.length)] as T;

/** Higher is better for these; lower for the rest. */
const HIGHER = /success|crash-free|adoption|CSAT|satisfaction/;

/** One bullet: an exit criterion says what must hold, a trigger what fires. */
function bullet(word: string, kind: 'exit' | 'rollback', next: () => number): string {
  const [metric, measure] = pick(METRICS, next);
  const higher = HIGHER.test(metric);
  const name = measure === 'count' || measure === 'score' || next() < 0.4 ? metric : `${word} ${metric}`;
  // An exit criterion keeps a metric on its good side; a trigger fires on the bad side.
  const good = kind === 'exit';
  const up = higher === good;
  const words = measure === 'count' || measure === 'rate' ? (up ? ['at least', '≥'] : FEWER) : up ? ABOVE : BELOW;
  const window = kind === 'rollback' && measure !== 'count' ? pick(SUSTAINED, next) : pick(WINDOWS, next);
  const value = quantity(measure, next, higher);
  const lead = kind === 'rollback' && next() < 0.3 ? 'Roll back if ' : '';
  const subject = lead ? name : name.charAt(0).toUpperCase() + name.slice(1);
  return `${lead}${subject} ${pick(words, next)} ${value}${window}`;
}

/** `count` distinct bullets of a kind for one plan. */
export function distinctCriteria(word: string, kind: 'exit' | 'rollback', count: number, next: () => number): string[] {
  const seen = new Set<string>();
  while (seen.size < count) seen.add(bullet(word, kind, next));
  return [...seen];
}
