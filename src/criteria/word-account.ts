/**
 * Every word of a bullet accounted for. After a reading is built, each word of the clause must have a
 * place in it: the metric, the baseline, the window, the rate, the sequence, a unit, a comparison, a
 * condition or aside a note sets apart, or one of the function words of `ACCOUNTED`. Words left over mean
 * the reading dropped something the author wrote, so the bullet is reported instead of read.
 */
import type { Criterion } from '../schemas/criterion-schema.ts';
import { WORDS_AFTER, WORDS_BEFORE_BY_FIRST, LABEL_DIRECTIONS, OCCURS } from './comparator-words.ts';
import { ACCOUNTED, BASELINE_LINKS, CHANGE_BAD, CHANGE_DOWN, CHANGE_EITHER, CHANGE_GOOD, CHANGE_UP, FILLERS, EDGES, MODALS, NEGATIONS, PASS_VERBS, TIME_VERBS } from './lexicon.ts';
import type { Token } from './tokenize.ts';
import { unitOf } from './units.ts';
import { NUMBER_WORDS } from './number-words.ts';

type ParsedCriterion = Omit<Criterion, 'text' | 'line'>;

/** The words of comparisons, changes and function words: they place themselves wherever they stand. */
const FUNCTION_WORDS: ReadonlySet<string> = new Set([
  ...FILLERS, ...EDGES, ...BASELINE_LINKS.flat(), ...MODALS, ...NEGATIONS, ...ACCOUNTED, ...OCCURS,
  ...CHANGE_UP, ...CHANGE_DOWN, ...CHANGE_EITHER, ...CHANGE_BAD, ...CHANGE_GOOD,
  ...[...WORDS_BEFORE_BY_FIRST.values()].flat().flatMap(([phrase]) => phrase),
  ...WORDS_AFTER.flatMap(([phrase]) => phrase),
  ...Object.keys(LABEL_DIRECTIONS),
]);

/** A word as it is compared: lower case, no possessive, singular. */
function stem(word: string): string {
  const lower = word.toLowerCase().replace(/['’]s$/, '');
  if (/ies$/.test(lower) && lower.length > 4) return `${lower.slice(0, -3)}y`;
  if (/(?:ch|sh|x|ss)es$/.test(lower)) return lower.slice(0, -2);
  if (/[^su]s$/.test(lower) && lower.length > 3) return lower.slice(0, -1);
  return lower;
}

// A compound word places itself whole or by its parts: "user-perceived", "old/new", "PreScore+Score".
const parts = (word: string): string[] => word.split(/[-/+.]+/).filter(Boolean);

/** What a reading names: the stems of its words and parts, its numbers, and its text for code spans. */
interface Placed {
  stems: Set<string>;
  /** How many times each value stands in the reading: a number word holds one only where digits do not. */
  numbers: Map<number, number>;
  text: string;
}

function placedIn(criteria: readonly ParsedCriterion[]): Placed {
  const texts: string[] = [];
  const numbers = new Map<number, number>();
  const extra: string[] = [];
  for (const criterion of criteria) {
    texts.push(criterion.metric, criterion.baseline?.text ?? '', criterion.window?.text ?? '', criterion.per?.unit ?? '', criterion.sequence?.unit ?? '');
    for (const value of [criterion.value, criterion.upper, criterion.per?.count, criterion.sequence?.count, criterion.percentile]) if (typeof value === 'number') numbers.set(value, (numbers.get(value) ?? 0) + 1);
    // A verb the reading turned into a name: "served within 5 ms" is a time, "all tests pass" counts failing tests.
    for (const [verb, name] of Object.entries(TIME_VERBS)) if (criterion.metric.endsWith(name)) extra.push(verb);
    for (const [verb, state] of Object.entries(PASS_VERBS)) if (criterion.metric.startsWith(`${state} `)) extra.push(verb, 'all', 'every');
    if (/^failed /.test(criterion.metric)) extra.push('fail', 'fails');
    if (criterion.sequence) extra.push('consecutive', 'straight', 'successive', 'row', 'time');
  }
  const stems = new Set<string>(extra);
  for (const word of texts.join(' ').split(/[\s()`,:;"“”]+/).filter(Boolean)) {
    stems.add(stem(word));
    for (const part of parts(word)) stems.add(stem(part));
  }
  return { stems, numbers, text: texts.join(' ').toLowerCase() };
}

/** Whether a word has a place: a function word, a unit, a part of the reading, or a number word it holds. */
function isPlaced(token: Token, placed: Placed, digits: ReadonlyMap<number, number>): boolean {
  if (token.kind === 'code') return placed.text.includes(token.lower);
  if (FUNCTION_WORDS.has(token.lower) || unitOf(token.lower) !== null || /^p\d{2}(?:\.\d+)?$/i.test(token.text)) return true;
  const number = NUMBER_WORDS[token.lower];
  // A number word holds a value of the reading only if no number in digits could be the one that does.
  if (number !== undefined) return (placed.numbers.get(number) ?? 0) > (digits.get(number) ?? 0) || placed.text.includes(token.lower);
  return placed.stems.has(stem(token.text)) || parts(token.text).every((part) => placed.stems.has(stem(part)) || FUNCTION_WORDS.has(part.toLowerCase()));
}

/** Runs of consecutive words that have no place in the reading, as the author wrote them. */
export function leftoverWords(tokens: readonly Token[], criteria: readonly ParsedCriterion[], aside: readonly Token[]): string[] {
  const placed = placedIn(criteria);
  // Words a note sets aside (a condition, an aside in brackets) are told, not read; tokens are known by their place in the text.
  const told = new Set(aside.map((token) => token.start));
  const digits = new Map<number, number>();
  for (const token of tokens) if (token.kind === 'number') digits.set(token.value, (digits.get(token.value) ?? 0) + 1);
  const runs: string[][] = [];
  let run: string[] = [];
  for (const token of tokens) {
    const word = token.kind === 'word' || token.kind === 'code';
    if (word && !told.has(token.start) && !isPlaced(token, placed, digits)) run.push(token.kind === 'code' ? `\`${token.text}\`` : token.text);
    else if (run.length > 0 && (word || token.kind === 'number')) {
      runs.push(run);
      run = [];
    }
  }
  if (run.length > 0) runs.push(run);
  return runs.map((each) => each.join(' '));
}
