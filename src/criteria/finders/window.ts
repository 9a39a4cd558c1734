import type { Criterion } from '../../schemas/criterion-schema.ts';
import {
  EXTRA_SECONDS,
  MEASURED,
  OPENING,
  PER_PERIOD,
  PERIOD_LINKS,
  PERIOD_WORDS,
  SEQUENCE_STATES,
  SUSTAIN_LEADS,
  SUSTAINING,
  TIME_VERBS,
  UNIT_PERIODS,
  WINDOW_ARTICLES,
  WINDOW_NOUNS,
  WINDOW_QUALIFIERS,
  words,
} from '../lexicon.ts';
import { FIGURE_PERIODS, IN_A_ROW } from '../lexicon-counts.ts';
import { numberAt, unitAt, wordsAt } from '../quantity.ts';
import type { Found } from '../reading.ts';
import type { Token } from '../tokenize.ts';
import { SECONDS } from '../units.ts';
import { compares } from './comparison.ts';
import { countIn } from './count-in.ts';
import { holdsOrStarts, isAnchoring, noSpanOver } from './window-holds.ts';

export type Window = NonNullable<Criterion['window']>;

/** A length of time at `index`: "30 minutes", "24h", "an hour", "1-hour", "two weeks", "a month". */
export function durationAt(tokens: readonly Token[], index: number): { seconds: number; end: number } | null {
  const first = tokens[index];
  let count = 1;
  let at = index;
  // "a second consecutive week", "the second month": "second" is an ordinal there, not a length of time.
  if ((first?.lower === 'a' || first?.lower === 'an') && tokens[index + 1]?.lower === 'second' && tokens[index + 2]?.kind === 'word') return null;
  if (first?.lower === 'second' && PERIOD_WORDS[tokens[index + 1]?.lower ?? ''] !== undefined) return null;
  if (first?.lower === 'a' || first?.lower === 'an') at++;
  else {
    const number = numberAt(tokens, index);
    if (number) {
      count = number.value;
      at = number.end;
      if (tokens[at]?.text === '+' || tokens[at]?.text === '-') at++;
    }
  }
  const counted = at > index;
  if (wordsAt(tokens, at, ['consecutive']) || wordsAt(tokens, at, ['straight'])) at++;
  const word = tokens[at]?.lower ?? '';
  if (!counted && /[^m]s$/.test(word)) return null; // "for weeks", "for consecutive days": a plural with no count is no length.
  const extra = EXTRA_SECONDS[word] ?? EXTRA_SECONDS[word.replace(/-(?:long|day)$/, '')];
  if (extra !== undefined) return { seconds: count * extra, end: at + 1 };
  // "cluster-day", "business-day": the last part counts.
  const unit = unitAt(tokens, at) ?? (/-(?:day|days)$/.test(word) ? { unit: 'd' as const, end: at + 1 } : null);
  const size = unit ? SECONDS[unit.unit] : undefined;
  if (!unit || size === undefined || unit.unit === 'ms') return null;
  return { seconds: count * size, end: unit.end };
}

/** The words of a window as written, from `start` to `end`: "for 30 minutes", "1-hour". */
export const windowText = (tokens: readonly Token[], start: number, end: number) =>
  tokens
    .slice(start, end)
    .map((token) => token.text)
    .join(' ')
    .replace(/ (?=[-+])|(?<=-) /g, '');

// Whether a period word stands alone at `at`, with no number or article: "month end", "quarter end", "months".
const bare = (tokens: readonly Token[], at: number) => numberAt(tokens, at) === null && (PERIOD_WORDS[tokens[at]?.lower ?? ''] ?? EXTRA_SECONDS[tokens[at]?.lower ?? '']) !== undefined;

// Words after a length that say it runs unbroken: "3 hours straight", "30 minuti consecutivi".
const CONSECUTIVE_AFTER = new Set(['running', 'straight', 'consecutivi', 'consecutive', 'consecutivos', 'consecutivas', 'consécutives', 'consécutifs', 'seguidos', 'seguidas']);

/** Sustained: "for 30 minutes", "for at least 15 min", "sustained over 10 minutes", "lasting an hour". */
function sustainedAt(tokens: readonly Token[], index: number): Found<Window> | null {
  const word = tokens[index]?.lower ?? '';
  if (!SUSTAINING.has(word)) return null;
  // "No more than 10% of patients wait for more than 4 hours": after a share, "for" a length is what each waits.
  const shared = tokens.slice(0, index).some((token, at) => token.text === '%' && tokens[at + 1]?.lower === 'of');
  if (word === 'for' && shared && tokens[index - 1]?.kind === 'word' && compares(tokens[index + 1])) return null;
  let at = index + 1;
  if (word === 'sustained' || word === 'continuously') at += wordsAt(tokens, at, ['for']) || wordsAt(tokens, at, ['over']) ? 1 : 0;
  // "Downtime for >5 minutes" has no other comparison: there the symbol is the threshold's, not the hold's.
  const compared = tokens.slice(0, index).some((token) => compares(token) || token.kind === 'number' || ['no', 'zero', 'none'].includes(token.lower));
  for (const lead of SUSTAIN_LEADS) {
    if (wordsAt(tokens, at, lead) && (compared || /\w/.test(lead[0] ?? ''))) at += lead.length;
  }
  // "For month 3 – 40% retention", "for week 2", "for month end close", "for months": a period named, not a length.
  // "for 2 consecutive months" counts monthly figures in a row, which the sequence finder reads.
  // "for 3+ consecutive days": the plus goes with the number.
  const inARow = tokens[at + 1]?.text === '+' ? at + 2 : at + 1;
  if (bare(tokens, at) || (IN_A_ROW.has(tokens[inARow]?.lower ?? '') && FIGURE_PERIODS.test(tokens[inARow + 1]?.lower ?? ''))) return null;
  const duration = durationAt(tokens, at);
  if (!duration) return null;
  // "for 3 days in a row", "for 2 months running", "for 3 days straight": a day's or a month's figure in a row, which the sequence finder
  // reads; "for >10 minutes cumulative" adds up shorter spells, which no hold is.
  const run =
    duration.seconds >= 86_400 &&
    (wordsAt(tokens, duration.end, ['in', 'a', 'row']) || wordsAt(tokens, duration.end, ['back', 'to', 'back']) || CONSECUTIVE_AFTER.has(tokens[duration.end]?.lower ?? ''));
  if (run || ['cumulative', 'cumulatively', 'combined', 'total'].includes(tokens[duration.end]?.lower ?? '')) return null;
  const end = duration.end + (wordsAt(tokens, duration.end, ['in', 'a', 'row']) ? 3 : CONSECUTIVE_AFTER.has(tokens[duration.end]?.lower ?? '') ? 1 : 0);
  return { start: index, end, value: { seconds: duration.seconds, text: windowText(tokens, index, end), kind: 'sustained' } };
}

/** A period after a link: "over a rolling 24-hour window", "in any 1-hour window", "within the first 7 days", "during week 1". */
function periodAt(tokens: readonly Token[], index: number, countSpans: boolean): Found<Window> | null {
  const word = tokens[index]?.lower ?? '';
  if (!PERIOD_LINKS.has(word)) return null;
  // "during the day" is the daytime, not a day's window.
  if (['during', 'in'].includes(word) && tokens[index + 1]?.lower === 'the' && ['day', 'night', 'morning', 'afternoon', 'evening', 'week', 'hour'].includes(tokens[index + 2]?.lower ?? ''))
    return null;
  // "Calls resolved in one day ≥ 80%": how soon each is resolved, not the span the share is measured over.
  const share = tokens.some((token) => token.text === '%');
  const done = tokens[index - 1]?.lower ?? '';
  if (share && ['in', 'within'].includes(word) && (TIME_VERBS[done] !== undefined || !MEASURED.has(done)) && /[a-z]{2}(?:ed|en)$/.test(done)) return null;
  if (word === 'over' && noSpanOver(tokens, index)) return null;
  let at = index + 1;
  let qualified = false;
  // "over the pilot's first 14 days": articles, qualifiers and a possessive may lead the length.
  while (WINDOW_ARTICLES.has(tokens[at]?.lower ?? '') || WINDOW_QUALIFIERS.has(tokens[at]?.lower ?? '') || OPENING.has(tokens[at]?.lower ?? '') || /['’]s$/.test(tokens[at]?.lower ?? '')) {
    // "within a minute", "within the hour" is a limit as "within 1 minute" is; "within the first week" is a period.
    qualified ||= !(word === 'within' && ['a', 'an', 'the', 'one'].includes(tokens[at]?.lower ?? ''));
    at++;
  }
  // "during month end close", "over month end": a period word with no number or article is a name, not a length.
  const numbered = numberAt(tokens, at) === null && PERIOD_WORDS[tokens[at]?.lower ?? ''] !== undefined && numberAt(tokens, at + 1, false);
  const duration = numbered || (at === index + 1 && bare(tokens, at)) ? null : durationAt(tokens, at);
  if (duration) {
    // "a 7-day rolling window": a qualifier may stand between the length and its noun.
    const qualifierAfter = WINDOW_QUALIFIERS.has(tokens[duration.end]?.lower ?? '') && WINDOW_NOUNS.has(tokens[duration.end + 1]?.lower ?? '') ? 1 : 0;
    const noun = WINDOW_NOUNS.has(tokens[duration.end + qualifierAfter]?.lower ?? '');
    // A bare "over 30 minutes" or "within 5 minutes" is a threshold, not a window, unless a number
    // came before it: in "error rate ≥ 1% over 1 hour" or "> 10 in 1 hour" the threshold is stated and the link sets its window.
    // A share before it ("10% of calls wait over 5 minutes") is no threshold: there "over" is one.
    const afterThreshold =
      (word === 'over' || (word === 'in' && countSpans && countIn(tokens, index))) &&
      tokens.slice(0, index).some((_, before) => numberAt(tokens, before, false) !== null && !(tokens[before + 1]?.text === '%' && tokens[before + 2]?.lower === 'of'));
    // "Deliveries within the 2-hour window ≥ 95%": before the comparison, the window each delivery is promised in.
    const promised = word === 'within' && noun && tokens.slice(duration.end).some(compares);
    if (promised) return null;
    if (holdsOrStarts(tokens, index, at, duration.end)) return null;
    if (qualified || noun || afterThreshold || word === 'during' || word === 'throughout') {
      const end = duration.end + (noun ? 1 + qualifierAfter : 0);
      // "throughout 2 hours" holds the whole time, as "for 2 hours" does; "measured throughout 7 days" and "throughout
      // a rolling 1-hour window" are spans a figure is taken over.
      const averaged = tokens.some((token) => ['average', 'avg', 'mean', 'median', 'averaged'].includes(token.lower));
      const holds = word === 'throughout' && !noun && !averaged && !measuredBy(tokens[index - 1], tokens[index]) && !MEASURED.has(tokens[index - 1]?.lower ?? '');
      return { start: index, end, value: { seconds: duration.seconds, text: windowText(tokens, index, end), kind: holds ? 'sustained' : 'period' } };
    }
  }
  // "during week 1", "in week 2", "on day 3", "in the first week", "over the first month"; "within the hour" is a limit.
  const named = tokens[at]?.lower ?? '';
  if (word === 'within' && !qualified) return null;
  if (PERIOD_WORDS[named] === undefined || (!numberAt(tokens, at + 1, false) && !qualified)) return null;
  // "in a sprint", "in the last sprint": as long as the team's sprints. "the first sprint", "sprint 3" name when.
  if (named === 'sprint' && !tokens.slice(index + 1, at).some((token) => isAnchoring(token)) && !numberAt(tokens, at + 1, false)) return null;
  const end = numberAt(tokens, at + 1, false) ? at + 2 : at + 1;
  return { start: index, end, value: { seconds: PERIOD_WORDS[named] ?? 86_400, text: windowText(tokens, index, end), kind: 'period' } };
}

// The words that may stand between "on" and "day": an article, or the day a pilot counts from.
const DAY_WORDS = words('a an any each every the one single given same first last final launch go-live golive cutover cut-over opening release');

/** One unit of time or one day: "per-day percentage", "over day", "on launch day", "on day one". */
function dayAt(tokens: readonly Token[], index: number): Found<Window> | null {
  const word = tokens[index]?.lower ?? '';
  const hyphen = word.startsWith('per-') ? PER_PERIOD.exec(word)?.[1] : undefined;
  if (hyphen) return { start: index, end: index + 1, value: { seconds: PERIOD_WORDS[hyphen] ?? 3600, text: windowText(tokens, index, index + 1), kind: 'period' } };
  if (word === 'over' && UNIT_PERIODS.has(tokens[index + 1]?.lower ?? '') && !['end', 'start', 'close'].includes(tokens[index + 2]?.lower ?? '')) {
    return { start: index, end: index + 2, value: { seconds: PERIOD_WORDS[tokens[index + 1]?.lower ?? ''] ?? 3600, text: windowText(tokens, index, index + 2), kind: 'period' } };
  }
  if (word !== 'on') return null;
  const day = tokens.slice(index + 1, index + 4).findIndex((token) => token.lower === 'day' || token.lower.endsWith('-day'));
  if (day < 0) return null;
  // "on any day", "on launch day"; "on a typical day" or "on a busy day" names which days, so it is no window.
  const between = tokens.slice(index + 1, index + 1 + day);
  if (!between.every((token) => DAY_WORDS.has(token.lower) || token.kind === 'number')) return null;
  // "Cancellations on the day", "orders delivered on the same day": a same-day kind of thing, not the day it is measured over.
  if (between.every((token) => token.lower === 'the' || token.lower === 'same')) return null;
  const end = index + 2 + day + (numberAt(tokens, index + 2 + day) ? 1 : 0);
  return { start: index, end, value: { seconds: 86_400, text: windowText(tokens, index, end), kind: 'period' } };
}

/**
 * The window of a clause, if it has one. Sustained windows ("for 30 minutes", "sustained for 15
 * min") say how long a condition must hold; periods ("in any 1-hour window", "during week 1",
 * "over the last 5 minutes") say what time a figure is measured over.
 */
/** "measured", "collected", "tallied" before a window say how the figure is taken; any other participle only before "over" ("unshipped for more than 48 hours" lasts). */
const measuredBy = (token: Token | undefined, link: Token | undefined) =>
  token !== undefined && (MEASURED.has(token.lower) || (/^[a-z]{4,}ed$/.test(token.lower) && !SEQUENCE_STATES.has(token.lower) && link?.lower === 'over'));

/**
 * `countSpans`, under the triggers: a count before "in" is counted within that span ("> 10 in 1 hour"), as a trigger means it,
 * where in an exit criterion "in 30 days" is as often a deadline.
 */
export function findWindow(tokens: readonly Token[], countSpans = false): Found<Window> | null {
  for (let index = 0; index < tokens.length; index++) {
    const word = tokens[index]?.lower ?? '';
    // "week over week", "month over month": a change from the period before, no window.
    // "< 2 over 2 hours" is a window: only words repeat that way.
    if (word === 'over' && tokens[index - 1]?.kind === 'word' && tokens[index - 1]?.lower === tokens[index + 1]?.lower) continue;
    const found =
      sustainedAt(tokens, index) ??
      (word.startsWith('per-') || word === 'over' ? dayAt(tokens, index) : null) ??
      periodAt(tokens, index, countSpans) ??
      (word === 'on' ? dayAt(tokens, index) : null) ??
      (ROLLING.has(word) ? rollingAt(tokens, index) : null);
    // "…, measured over 1 hour", "averaged over 6 weeks": how the figure is taken belongs to its window.
    if (found && measuredBy(tokens[found.start - 1], tokens[found.start])) {
      // "on average over 7 days", "in aggregate over 7 days": the preposition goes with the word.
      const start = found.start - 1 - (['on', 'in'].includes(tokens[found.start - 2]?.lower ?? '') ? 1 : 0);
      return { ...found, start: start - (tokens[start - 1]?.text === ',' ? 1 : 0) };
    }
    if (found) return found;
  }
  return null;
}

const ROLLING = new Set(['rolling', 'trailing', 'moving', 'sliding']);

/** "≥ 95% rolling 14-day window": after a threshold, a rolling window needs no "over" before it. */
function rollingAt(tokens: readonly Token[], index: number): Found<Window> | null {
  const duration = durationAt(tokens, index + 1);
  if (!duration || !WINDOW_NOUNS.has(tokens[duration.end]?.lower ?? '') || !tokens.slice(0, index).some((_, before) => numberAt(tokens, before, false) !== null)) return null;
  return { start: index, end: duration.end + 1, value: { seconds: duration.seconds, text: windowText(tokens, index, duration.end + 1), kind: 'period' } };
}

/**
 * Whether a window found at `found` is one period counted from the start ("in week 1", "within the
 * first month", "on launch day") rather than any window of its length: such a period names when the
 * figure is taken, so it belongs in the metric's name, never in a rolling window.
 */
export function isAnchored(tokens: readonly Token[], found: Found<Window>): boolean {
  const span = tokens.slice(found.start, found.end);
  return span.some((token, index) => isAnchoring(token) || (PERIOD_WORDS[token.lower] !== undefined && numberAt(span, index + 1) !== null));
}
