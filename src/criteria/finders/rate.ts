/** Finds a rate's denominator after a quantity: "per 1,000 sessions", "a day", "in 200 orders", "daily". */
import { CONDITIONS, EDGES, PER_STOPS, PERIOD_LINKS, SCALE_WORDS } from '../lexicon.ts';
import { JOBS } from '../lexicon-counts.ts';
import { numberAt, wordsAt } from '../quantity.ts';
import type { Found } from '../reading.ts';
import type { Token } from '../tokenize.ts';
import { isTimeUnit, TIME_NAMES, unitOf } from '../units.ts';
import { wordTable } from '../word-table.ts';

/** A time word as a rate counts it: "days" → "day", "hr" → "hour"; anything else as written. */
function timeName(word: string): string {
  const unit = unitOf(word);
  if (unit && isTimeUnit(unit)) return TIME_NAMES[unit] ?? word;
  if (/^months?$/i.test(word)) return 'month';
  return /^[A-Z][a-z]+$/.test(word) ? word.toLowerCase() : word;
}

// "Daily", "weekly": one a period.
const ADVERB_PERIODS: Readonly<Record<string, string>> = wordTable({ daily: 'day', weekly: 'week', hourly: 'hour', monthly: 'month', nightly: 'night' });

/** A rate's denominator at `from`: "per 1,000 sessions", "per day", "a day", "in 200 orders", "daily". */
export function findPer(tokens: readonly Token[], from: number): Found<{ count: number; unit: string }> | null {
  const token = tokens[from];
  if (!token) return null;
  // "2 nightly backup failures" counts failures of the nightly backup: before a job's name and what befalls it, the
  // adverb is part of the name. "5 daily syncs", "3 daily reports of dizziness", "10 daily uploads failing" count per day.
  const after = tokens[from + 2];
  const job = JOBS.has(tokens[from + 1]?.lower ?? '') && after?.kind === 'word' && !EDGES.has(after.lower) && !CONDITIONS.has(after.lower) && !/(?:ing|ed)$/.test(after.lower);
  const adverb = ADVERB_PERIODS[token.lower];
  if (adverb && !job) return { start: from, end: from + 1, value: { count: 1, unit: adverb } };
  let at = from;
  if (['per', 'every', 'each', 'a', 'an', '/'].includes(token.lower)) at++;
  else if (wordsAt(tokens, from, ['for', 'every'])) at += 2;
  else if (wordsAt(tokens, from, ['out', 'of', 'every'])) at += 3;
  else if ((token.lower === 'in' || token.lower === 'of' || wordsAt(tokens, from, ['out', 'of'])) && numberAt(tokens, from + (token.lower === 'out' ? 2 : 1), false))
    at += token.lower === 'out' ? 2 : 1;
  else return null;
  const number = numberAt(tokens, at, false);
  // "per thousand requests": a scale word is the count.
  const scale = number ? undefined : SCALE_WORDS[tokens[at]?.lower ?? ''];
  const count = number?.value ?? scale ?? 1;
  if (number) at = number.end;
  else if (scale) at++;
  // "every other day", "per mille", "2 out of 3": no rate the reader can hold.
  if (['other', 'mille', 'cent', 'out'].includes(tokens[at]?.lower ?? '')) return null;
  const nouns: string[] = [];
  while (tokens[at]?.kind === 'word' && !EDGES.has(tokens[at]?.lower ?? '') && !CONDITIONS.has(tokens[at]?.lower ?? '') && !PER_STOPS.has(tokens[at]?.lower ?? '') && nouns.length < 3) {
    nouns.push(tokens[at]?.text ?? '');
    at++;
    const unit = unitOf(nouns[0] ?? '');
    if (unit && isTimeUnit(unit)) break;
  }
  if (nouns.length === 0) return null;
  const written = nouns.join(' ');
  // "a day", "an hour", "/s" only name times; "per" and "every" may count anything.
  const time = unitOf(written);
  if (['a', 'an', 'each', '/'].includes(token.lower) && !(time && isTimeUnit(time)) && !/^months?$/i.test(written)) return null;
  // "within a minute", "in an hour", "in half an hour": a span of time, not a rate.
  if (['a', 'an'].includes(token.lower) && (PERIOD_LINKS.has(tokens[from - 1]?.lower ?? '') || tokens[from - 1]?.lower === 'half')) return null;
  // "> 10 in 1 hour" counts within one span of an hour, a window; "1 in 200 orders" is the rate.
  if (token.lower === 'in' && time && isTimeUnit(time)) return null;
  // "> 3 escalations in 2 business days", "> 5 bugs in 1 sprint": a span too, which an average per span would hide.
  if (token.lower === 'in' && (time === 'business day' || /^(?:sprint|iteration|(?:(?:night|day|on-call) )?shift|business week|release cycle)s?$/i.test(written))) return null;
  return { start: from, end: at, value: { count, unit: timeName(written) } };
}
