/**
 * Every word of a bullet accounted for. After a reading is built, each word of the clause must have a
 * place in it: the metric, the baseline, the window, the rate, the sequence, the percentile, a unit, a
 * comparison, a condition or aside a note sets apart, or one of the function words of the lexicon.
 * Words left over mean the reading dropped something the author wrote, so the bullet is reported
 * instead of read; `--explain` shows the same account, word by word.
 */
import {
  ACCOUNTED,
  BASELINE_LINKS,
  CHANGE_VERBS,
  EDGES,
  FILLERS,
  GLUE,
  LABEL_DIRECTIONS,
  MODALS,
  NEGATIONS,
  NUMBER_WORDS,
  OCCURS,
  PASS_VERBS,
  SIGNIFICANT,
  SYMBOL_COMPARATORS,
  TIME_VERBS,
  WORDS_AFTER,
  WORDS_BEFORE_BY_FIRST,
} from '../lexicon.ts';
import { CHANGES } from '../lexicon-counts.ts';
import type { ParsedCriterion, ReadParts, WordPart, WordRun } from '../reading.ts';
import type { Token } from '../tokenize.ts';
import { unitOf } from '../units.ts';

const COMPARISON_WORDS: ReadonlySet<string> = new Set([
  ...[...WORDS_BEFORE_BY_FIRST.values()].flat().flatMap(([phrase]) => phrase),
  ...WORDS_AFTER.flatMap(([phrase]) => phrase),
  ...Object.keys(LABEL_DIRECTIONS),
  ...NEGATIONS,
]);
const CHANGE_WORDS: ReadonlySet<string> = new Set([...Object.keys(CHANGE_VERBS), ...CHANGES, ...BASELINE_LINKS.flat()]);
const HOW_OFTEN: ReadonlySet<string> = new Set(['hourly', 'daily', 'nightly', 'weekly', 'monthly']);
const FUNCTION_WORDS: ReadonlySet<string> = new Set([...FILLERS, ...EDGES, ...MODALS, ...ACCOUNTED, ...OCCURS]);
// Each time verb with the name it gives a metric, matched as whole words; built once, as the account runs on every distinct bullet.
const TIME_VERB_NAMES: ReadonlyArray<readonly [string, RegExp]> = Object.entries(TIME_VERBS).map(([verb, name]) => [verb, new RegExp(`\\b${name}\\b`)]);
// Any of those names: most metrics hold none, and one test then stands for all of them.
const ANY_TIME_NAME = new RegExp(`\\b(?:${[...new Set(Object.values(TIME_VERBS))].join('|')})\\b`);
const PERCENTILE_WORD = /^(?:p\d{2}(?:\.\d+)?|percentilen?|pctl|median|th)$/i;

// Stems already worked out: the account stems every word of every distinct bullet, and words repeat. Cleared when full.
const stems = new Map<string, string>();

/** A word as it is compared: lower case, no possessive, singular. */
function stem(word: string): string {
  const known = stems.get(word);
  if (known !== undefined) return known;
  if (stems.size >= 50_000) stems.clear();
  const lower = word.toLowerCase().replace(/['’]s$/, '');
  const stemmed =
    /ies$/.test(lower) && lower.length > 4 ? `${lower.slice(0, -3)}y` : /(?:ch|sh|x|ss)es$/.test(lower) ? lower.slice(0, -2) : /[^su]s$/.test(lower) && lower.length > 3 ? lower.slice(0, -1) : lower;
  stems.set(word, stemmed);
  return stemmed;
}

// A compound word places itself whole or by its parts: "user-perceived", "old/new", "PreScore+Score", "3G".
const parts = (word: string): string[] => (/[-/+.\d]/.test(word) ? word.split(/[-/+.]+|(?<=\d)(?=[a-z])/i).filter(Boolean) : [word]);
// The pass verbs by the state they name, as "all tests pass" reads failing tests: a name's first word finds its verbs.
const PASS_STATES = new Map<string, string>();
for (const [verb, state] of Object.entries(PASS_VERBS)) PASS_STATES.set(state, `${PASS_STATES.get(state) ?? ''} ${verb}`);

/** What a reading names, part by part: stems of its words, its numbers, and its text for code spans. */
interface Placed {
  stems: Map<string, WordPart>;
  /** How many times each value stands in the reading, and where: a number word holds one only where digits do not. */
  numbers: Map<number, { count: number; part: WordPart }>;
  text: Array<[string, WordPart]>;
  units: Set<string>;
  /** Where the finders put the words that carry meaning, by their place in the text. */
  byFinder: ReadonlyMap<number, WordPart>;
}

function placedIn(criteria: readonly ParsedCriterion[], byFinder: ReadonlyMap<number, WordPart>): Placed {
  const placed: Placed = { stems: new Map(), numbers: new Map(), text: [], units: new Set(), byFinder };
  const add = (text: string, part: WordPart) => {
    if (!text) return;
    placed.text.push([text.toLowerCase(), part]);
    for (const word of text.split(/[\s()`,:;"“”]+/).filter(Boolean)) {
      for (const each of [word, ...parts(word)]) {
        const stemmed = stem(each);
        if (!placed.stems.has(stemmed)) placed.stems.set(stemmed, part);
      }
    }
  };
  const count = (value: number | null | undefined, part: WordPart) => {
    if (typeof value !== 'number') return;
    placed.numbers.set(value, { count: (placed.numbers.get(value)?.count ?? 0) + 1, part: placed.numbers.get(value)?.part ?? part });
  };
  for (const criterion of criteria) {
    add(criterion.metric, 'metric');
    if (criterion.unit) placed.units.add(criterion.unit);
    // A verb the reading turned into a name: "served within 5 ms" is a time, "all tests pass" counts failing tests.
    if (ANY_TIME_NAME.test(criterion.metric)) for (const [verb, name] of TIME_VERB_NAMES) if (name.test(criterion.metric)) add(verb, 'metric');
    const space = criterion.metric.indexOf(' ');
    const passed = space > 0 ? PASS_STATES.get(criterion.metric.slice(0, space)) : undefined;
    if (passed) add(`${passed} all every`, 'metric');
    if (/^failed /.test(criterion.metric)) add('fail fails', 'metric');
    add(criterion.baseline?.text ?? '', 'baseline');
    add(criterion.window?.text ?? '', 'window');
    add(criterion.per?.unit ?? '', 'rate');
    if (criterion.sequence) add(`${criterion.sequence.unit} consecutive straight successive row time`, 'sequence');
    count(criterion.value, 'quantity');
    count(criterion.upper, 'quantity');
    count(criterion.scale, 'quantity');
    count(criterion.per?.count, 'rate');
    count(criterion.sequence?.count, 'sequence');
    count(criterion.percentile, 'percentile');
  }
  return placed;
}

/** Where one token went. */
function partOf(tokens: readonly Token[], index: number, placed: Placed, digits: ReadonlyMap<number, number>): WordPart | null {
  const token = tokens[index] as Token;
  const found = placed.byFinder.get(token.start);
  if (found) return found;
  // A dollar of a country the reader has no unit for ("NZ$") was dropped with its currency.
  if (token.kind === 'symbol') return SYMBOL_COMPARATORS[token.text] ? 'comparison' : ['%', '‰', '‱'].includes(token.text) || /^[A-Z]+\$$/.test(token.text) ? 'left' : null;
  // "sprint 3 and sprint 4": an identifier's number no name holds was dropped with it.
  if (token.kind === 'number') return placed.numbers.get(token.value)?.part ?? placed.text.find(([text]) => text.includes(token.lower))?.[1] ?? 'left';
  if (token.kind === 'code') return placed.text.find(([text]) => text.includes(token.lower))?.[1] ?? 'left';
  const number = NUMBER_WORDS[token.lower];
  if (number !== undefined) {
    // A number word holds a value of the reading only if no number in digits could be the one that does.
    const held = placed.numbers.get(number);
    if (held && held.count > (digits.get(number) ?? 0)) return held.part;
    return placed.text.find(([text]) => text.includes(token.lower))?.[1] ?? 'left';
  }
  // "for minutes", "over weeks": a plural period with no count after a link is no rate's word, though it shares one.
  if (/^(?:seconds|minutes|hours|days|weeks|months|years)$/.test(token.lower) && ['for', 'over', 'within', 'during'].includes(tokens[index - 1]?.lower ?? '')) return 'left';
  const own = placed.stems.get(stem(token.text));
  if (own) return own;
  if (PERCENTILE_WORD.test(token.text)) return 'percentile';
  // A unit word places itself only as the unit the reading has: "+8 to +15 points" read without points leaves them.
  const unit = unitOf(token.lower);
  if (unit !== null && (placed.units.has(unit) || !COMPARISON_WORDS.has(token.lower))) return placed.units.has(unit) ? 'unit' : 'left';
  if (['a', 'an', 'the'].includes(token.lower)) return 'filler';
  // "by May 31", "in May": the month, not the modal, when it is capitalised inside the bullet or follows a preposition of time.
  if (token.lower === 'may' && index > 0 && (token.text === 'May' || ['by', 'in', 'during', 'until', 'before', 'after', 'since', 'end'].includes(tokens[index - 1]?.lower ?? ''))) return 'left';
  // A negation, change or comparison word no finder used, and no name holds, was dropped: "not allowed", "up", "than".
  if (SIGNIFICANT.has(token.lower) || ((COMPARISON_WORDS.has(token.lower) || CHANGE_WORDS.has(token.lower)) && !GLUE.has(token.lower))) return 'left';
  // "held up > 1%": a verb whose particle the name took.
  if (MODALS.has(token.lower) && ['up', 'down'].includes(tokens[index + 1]?.lower ?? '')) return 'left';
  // "Uptime ≥ 99.9% | weekly": a word of how often that no window, rate or cadence took was dropped.
  if (FUNCTION_WORDS.has(token.lower)) return HOW_OFTEN.has(token.lower) ? 'left' : 'filler';
  const pieces = parts(token.text);
  if (pieces.length > 1 && pieces.every((piece) => placed.stems.has(stem(piece)) || FUNCTION_WORDS.has(piece.toLowerCase()))) return placed.stems.get(stem(pieces[0] ?? '')) ?? 'filler';
  return 'left';
}

/**
 * Each word of the clause with the part it went to, in runs of one part, as the author wrote them.
 * `aside` holds the tokens a note sets apart; tokens are known by their place in the text.
 */
export function placeWords(tokens: readonly Token[], { criteria, aside, placed: byFinder }: Pick<ReadParts, 'criteria' | 'aside' | 'placed'>): WordRun[] {
  const placed = placedIn(criteria, byFinder);
  const told = new Set(aside.map((token) => token.start));
  const digits = new Map<number, number>();
  for (const token of tokens) if (token.kind === 'number') digits.set(token.value, (digits.get(token.value) ?? 0) + 1);
  const runs: WordRun[] = [];
  for (const [index, token] of tokens.entries()) {
    const part = told.has(token.start) ? 'told' : partOf(tokens, index, placed, digits);
    if (part === null) continue;
    const text = token.kind === 'code' ? `\`${token.text}\`` : token.text;
    const last = runs.at(-1);
    if (last && last.part === part) last.text += `${token.spaced ? ' ' : ''}${text}`;
    else runs.push({ text, part });
  }
  return runs;
}

/** Runs of words that have no place in the reading, as the author wrote them. */
export function leftoverWords(tokens: readonly Token[], parts: Pick<ReadParts, 'criteria' | 'aside' | 'placed'>): string[] {
  return placeWords(tokens, parts)
    .filter((run) => run.part === 'left')
    .map((run) => run.text);
}
