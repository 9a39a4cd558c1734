/**
 * Finds what a change is measured against and which way it goes: "20% fewer calls than the control
 * group", "within 1 point of baseline", "reduced by 25%", "lower than in the control group by 2 points".
 */

import type { Unit } from '../../schemas/criterion-schema.ts';
import { BASELINE_LINKS, BASELINE_NAMES, CHANGE_ADJECTIVES, CHANGE_BAD, CHANGE_DOWN, CHANGE_GOOD, CHANGE_UP, CHANGE_VERBS, CONDITIONS, EDGES, TIME_NAMES_SET, words } from '../lexicon.ts';
import { joinTokens as join } from '../metric-text.ts';
import { wordsAt } from '../quantity.ts';
import type { Baseline } from '../reading.ts';
import type { Token } from '../tokenize.ts';
import { wordTable } from '../word-table.ts';
import { findWindow } from './window.ts';

/** Which way is better for a metric, or a way to work it out only when a word of quality needs it. */
type Polarity = 'higher' | 'lower' | null;

/** A change word's direction, with the metric's polarity for "better" and "worse"; `unknown` when it cannot tell. */
export function changeDirection(word: string, polarity: Polarity | (() => Polarity)): Baseline['direction'] | 'unknown' | null {
  if (CHANGE_UP.has(word)) return 'increase';
  if (CHANGE_DOWN.has(word)) return 'decrease';
  const bad = CHANGE_BAD.has(word);
  if (!bad && !CHANGE_GOOD.has(word)) return null;
  const better = typeof polarity === 'function' ? polarity() : polarity;
  if (better === null) return 'unknown';
  return (better === 'lower') === bad ? 'increase' : 'decrease';
}

/** Where the baseline's name starting at `at` ends: "the control group" is one name, any other baseline word is one word. */
export function baselineNameEnd(tokens: readonly Token[], at: number): number {
  return tokens[at]?.lower === 'control' && tokens[at + 1]?.lower === 'group' ? at + 2 : at + 1;
}

/** The words naming a baseline after a link: "the control group", "last quarter", "klog". */
export function baselineText(tokens: readonly Token[], from: number): { text: string; end: number } {
  let end = from;
  while (
    end < tokens.length &&
    tokens[end]?.text !== ',' &&
    tokens[end]?.text !== ';' &&
    !(CONDITIONS.has(tokens[end]?.lower ?? '') && end > from) &&
    !(EDGES.has(tokens[end]?.lower ?? '') && !['the', 'a', 'of'].includes(tokens[end]?.lower ?? '')) &&
    !findWindow(tokens.slice(end))?.start
  )
    end++;
  while (end > from && EDGES.has(tokens[end - 1]?.lower ?? '')) end--;
  return { text: join(tokens.slice(from, end)), end };
}

/** The baseline a change is measured against, after the quantity: "fewer calls than the control group", "of baseline". */
// Nouns of the conditions a figure is measured in: "under normal load", "in usual conditions".
const CONDITION_NOUNS = words('load loads traffic conditions condition volume volumes usage operation operations operating hours weather staffing demand');

export function findBaseline(
  view: readonly Token[],
  from: number,
  preDirection: Baseline['direction'] | null,
  polarity: Polarity | (() => Polarity),
  within = false,
): { start: number; end: number; linkAt: number; direction: Baseline['direction'] | 'unknown'; text: string; metric: Token[] } | null {
  let at = from;
  let direction: Baseline['direction'] | 'unknown' | null = preDirection;
  const word = changeDirection(view[at]?.lower ?? '', polarity);
  if (word) {
    direction ??= word;
    at++;
  }
  // "fewer calls than …": the metric can sit between the change word and the link.
  let linkAt = -1;
  for (let look = at; look < Math.min(view.length, at + 5) && linkAt < 0; look++) if (BASELINE_LINKS.some((link) => wordsAt(view, look, link))) linkAt = look;
  // "2% below the control group": a word of place is its own link.
  // "under normal load", "under baseline traffic": the conditions it is measured in, not a baseline.
  const nameAt = view[at]?.lower === 'the' ? at + 1 : at;
  const conditions = CONDITION_NOUNS.has(view[nameAt + 1]?.lower ?? '');
  if (linkAt < 0 && word && !conditions && words('below above under over').has(view[from]?.lower ?? '') && BASELINE_NAMES.test(view[nameAt]?.lower ?? '')) {
    const { text, end } = baselineText(view, at);
    return text ? { start: from, end, linkAt: at, direction: word, text, metric: [] } : null;
  }
  if (linkAt < 0) return null;
  const link = BASELINE_LINKS.find((each) => wordsAt(view, linkAt, each)) ?? [];
  // "of", "over", "from" and "on" link a baseline only after a change, or before a baseline's name.
  const named = BASELINE_NAMES.test(view[linkAt + link.length]?.lower ?? '') || BASELINE_NAMES.test(view[linkAt + link.length + 1]?.lower ?? '');
  if (direction === null && !named && !['than', 'vs', 'vs.', 'versus', 'compared', 'relative', 'against'].includes(link[0] ?? '')) return null;
  // "2 days shorter length of stay", "10% lower cost of ownership": after an adjective, these link the name's own words.
  if (['of', 'over', 'on'].includes(link[0] ?? '') && !named && (word === null || CHANGE_ADJECTIVES.has(view[from]?.lower ?? ''))) return null;
  // "20% fewer errors from new customers": after "from", only a baseline's name or a period is one; anything else is where the figure comes from.
  const period = /^q[1-4]$/i.test(view[linkAt + link.length]?.text ?? '') || TIME_NAMES_SET.has(view[linkAt + link.length + 1]?.lower ?? '');
  if (link[0] === 'from' && !named && !period) return null;
  // "at least 95% of control" is a share of the baseline, not a change from it; "within 1 point of baseline" is a band.
  if (link[0] === 'of' && word === null && preDirection === null && !within) return null;
  const { text, end } = baselineText(view, linkAt + link.length);
  // "compared with 3% today", "more than once": a figure or a count after the link is history or a tally, not a baseline.
  if (!text || view[linkAt + link.length]?.kind === 'number' || /^(?:once|twice|thrice|\S+ times)\b/i.test(text)) return null;
  // "accuracy ≥ 95% versus manual counts" says what it is measured against, not a change; only a band ("within") or a change word has a direction.
  if (direction === null && !within) return null;
  return { start: from, end, linkAt, direction: direction ?? 'either', text, metric: view.slice(at, linkAt) };
}

/** The direction of "reduced by", "down by", "up by" right before a quantity, or null. */
export function changeBefore(view: readonly Token[], start: number): Baseline['direction'] | null {
  if (view[start - 1]?.lower !== 'by') return null;
  const direction = changeDirection(view[start - 2]?.lower ?? '', null);
  return direction === 'unknown' ? null : direction;
}

/** "Reduce manual refunds by ≥ 25%", "reduces post-triage wait by 50%+": a change verb, the metric, then "by" before `start`. */
const PAST_CHANGES: Readonly<Record<string, 'increase' | 'decrease'>> = wordTable({
  reduced: 'decrease',
  lowered: 'decrease',
  decreased: 'decrease',
  shortened: 'decrease',
  increased: 'increase',
  raised: 'increase',
  boosted: 'increase',
  grew: 'increase',
});

export function changeVerbBefore(view: readonly Token[], start: number, used: readonly boolean[]): { direction: Baseline['direction']; verb: number; by: number } | null {
  // The comparison's lead may already hold "by" ("by ≥ 25%" leads with it), or "by" comes right before the quantity.
  const by = view[start]?.lower === 'by' ? start : view[start - 1]?.lower === 'by' ? start - 1 : -1;
  if (by < 0) return null;
  for (let verb = by - 2; verb >= Math.max(0, by - 12); verb--) {
    if (used[verb]) return null;
    // "Reduced administrative time by 50%": a past verb opening the bullet says the same change.
    const direction = CHANGE_VERBS[view[verb]?.lower ?? ''] ?? (verb === 0 ? PAST_CHANGES[view[verb]?.lower ?? ''] : undefined);
    // "lower than the control group by 2 points" compares; the baseline reader takes it.
    if (direction && view[verb + 1]?.lower !== 'than') return { direction, verb, by };
  }
  return null;
}

/** A baseline named before the comparison: "Readmissions lower than in the control group by at least 2 points". */
export function baselineBefore(view: readonly Token[], opStart: number, unit: Unit | null): { baseline: Baseline; start: number } | null {
  for (let index = 0; index < opStart; index++) {
    const direction = changeDirection(view[index]?.lower ?? '', null);
    if (!direction || direction === 'unknown' || view[index + 1]?.lower !== 'than') continue;
    let from = index + 2;
    if (['in', 'for', 'with'].includes(view[from]?.lower ?? '')) from++;
    const end = view[opStart - 1]?.lower === 'by' ? opStart - 1 : opStart;
    const text = join(view.slice(from, end));
    if (!text || index === 0 || /^(?:once|twice|thrice|\S+ times)\b/i.test(text) || view[from]?.kind === 'number') return null;
    return { baseline: { text, change: unit === 'x' ? 'ratio' : unit === '%' ? 'relative' : 'points', direction }, start: index };
  }
  return null;
}
