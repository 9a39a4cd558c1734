import type { Comparator } from '../schemas/criterion-schema.ts';

type Op = Exclude<Comparator, 'between'>;

/** Comparison symbols, as written in plans and in code: `≤`, `<=`, `=<`. */
export const SYMBOL_COMPARATORS: Readonly<Record<string, Op>> = {
  '<': '<', '<=': '<=', '=<': '<=', '≤': '<=', '⩽': '<=',
  '>': '>', '>=': '>=', '=>': '>=', '≥': '>=', '⩾': '>=',
  '=': '=', '==': '=', '!=': '!=', '≠': '!=', '<>': '!=',
};

/**
 * Phrases that come before the number, each as its words. Matched longest first, so "no more than"
 * wins over "more than", and negations read the right way round ("must not exceed" is at most).
 */
const WORDS_BEFORE: ReadonlyArray<readonly [readonly string[], Op]> = (
  [
    ['at most', '<='], ['no more than', '<='], ['not more than', '<='], ['no greater than', '<='], ['not greater than', '<='],
    ['no higher than', '<='], ['not higher than', '<='], ['no larger than', '<='], ['no longer than', '<='], ['no slower than', '<='],
    ['not to exceed', '<='], ['not exceed', '<='], ['not exceeding', '<='], ['does not exceed', '<='], ['do not exceed', '<='],
    ['must not exceed', '<='], ['should not exceed', '<='], ['shall not exceed', '<='], ['will not exceed', '<='], ["doesn't exceed", '<='],
    ["don't exceed", '<='], ["shouldn't exceed", '<='], ["mustn't exceed", '<='], ['never exceeds', '<='], ['never exceed', '<='],
    ['not above', '<='], ['not over', '<='], ['up to', '<='], ['a maximum of', '<='], ['maximum of', '<='], ['max of', '<='], ['maximum', '<='],
    ['at or below', '<='], ['at or under', '<='], ['equal to or less than', '<='], ['less than or equal to', '<='],
    ['equal to or below', '<='], ['within', '<='], ['capped at', '<='], ['limited to', '<='],
    ['at least', '>='], ['no less than', '>='], ['not less than', '>='], ['no fewer than', '>='], ['not fewer than', '>='],
    ['no lower than', '>='], ['not lower than', '>='], ['not below', '>='], ['not under', '>='], ['a minimum of', '>='],
    ['minimum of', '>='], ['min of', '>='], ['minimum', '>='], ['at or above', '>='], ['at or over', '>='], ['equal to or greater than', '>='],
    ['greater than or equal to', '>='], ['more than or equal to', '>='], ['equal to or more than', '>='], ['equal to or above', '>='],
    ['reaches', '>='], ['reach', '>='], ['reached', '>='], ['hits', '>='], ['hit', '>='], ['as much as', '>='],
    ['never drops below', '>='], ['never falls below', '>='], ['must not drop below', '>='], ['must not fall below', '>='],
    ['should not drop below', '>='], ['should not fall below', '>='], ['does not drop below', '>='], ['does not fall below', '>='],
    ["doesn't drop below", '>='], ["doesn't fall below", '>='], ["shouldn't drop below", '>='], ["shouldn't fall below", '>='],
    ['fewer than', '<'], ['less than', '<'], ['lower than', '<'], ['shorter than', '<'], ['faster than', '<'], ['smaller than', '<'],
    ['below', '<'], ['under', '<'], ['beneath', '<'], ['falls below', '<'], ['falls under', '<'], ['fall below', '<'], ['fall under', '<'],
    ['drops below', '<'], ['drops under', '<'], ['drop below', '<'], ['drop under', '<'], ['dips below', '<'], ['dip below', '<'],
    ['goes below', '<'], ['go below', '<'], ['sinks below', '<'],
    ['more than', '>'], ['greater than', '>'], ['higher than', '>'], ['longer than', '>'], ['slower than', '>'], ['larger than', '>'],
    ['above', '>'], ['over', '>'], ['exceeds', '>'], ['exceed', '>'], ['exceeding', '>'], ['exceeded', '>'], ['in excess of', '>'],
    ['rises above', '>'], ['rise above', '>'], ['climbs above', '>'], ['climb above', '>'], ['spikes above', '>'], ['spike above', '>'],
    ['goes above', '>'], ['go above', '>'], ['goes over', '>'], ['go over', '>'], ['surpasses', '>'], ['surpass', '>'],
    ['jumps above', '>'], ['jump above', '>'], ['tops', '>'], ['beyond', '>'],
    ['spikes to', '>='], ['spike to', '>='], ['jumps to', '>='], ['jump to', '>='], ['rises to', '>='], ['rise to', '>='], ['climbs to', '>='],
    ['climb to', '>='], ['increases to', '>='], ['increase to', '>='], ['grows to', '>='], ['goes up to', '>='],
    ['drops to', '<='], ['drop to', '<='], ['falls to', '<='], ['fall to', '<='], ['dips to', '<='], ['dip to', '<='], ['decreases to', '<='],
    ['decrease to', '<='], ['sinks to', '<='], ['goes down to', '<='],
    ['equals', '='], ['equal to', '='], ['equal', '='], ['exactly', '='], ['is equal to', '='],
    ['not equal to', '!='], ['other than', '!='], ['anything but', '!='],
  ] as const
)
  .map(([words, op]) => [words.split(' '), op] as const)
  .sort((a, b) => b[0].length - a[0].length);

/** `WORDS_BEFORE` by first word, longest first within each: the grammar tries it at every token. */
export const WORDS_BEFORE_BY_FIRST: ReadonlyMap<string, ReadonlyArray<readonly [readonly string[], Op]>> = WORDS_BEFORE.reduce((index, entry) => {
  const first = entry[0][0] ?? '';
  index.set(first, [...(index.get(first) ?? []), entry]);
  return index;
}, new Map<string, Array<readonly [readonly string[], Op]>>());

/** Phrases that come after the number: "3 or fewer", "4.0 or higher", "two or more". */
export const WORDS_AFTER: ReadonlyArray<readonly [readonly string[], Op]> = (
  [
    ['or more', '>='], ['or higher', '>='], ['or above', '>='], ['or greater', '>='], ['or better', '>='], ['or over', '>='],
    ['and above', '>='], ['and up', '>='], ['and over', '>='], ['at minimum', '>='], ['at least', '>='], ['minimum', '>='], ['or longer', '>='],
    ['or fewer', '<='], ['or less', '<='], ['or lower', '<='], ['or below', '<='], ['or under', '<='], ['and below', '<='],
    ['and under', '<='], ['at most', '<='], ['at maximum', '<='], ['maximum', '<='], ['max', '<='], ['or shorter', '<='], ['or faster', '<='],
  ] as const
)
  .map(([words, op]) => [words.split(' '), op] as const)
  .sort((a, b) => b[0].length - a[0].length);

/** Words in a label that give its value a direction: "Maximum queue age: 15 min", "min: 97". */
export const LABEL_DIRECTIONS: Readonly<Record<string, Op>> = {
  max: '<=', 'max.': '<=', maximum: '<=', limit: '<=', ceiling: '<=', cap: '<=', upper: '<=', budget: '<=',
  min: '>=', 'min.': '>=', minimum: '>=', floor: '>=', lower: '>=',
};

/** Verbs that make a value an observed event for a trigger: "a P1 defect occurs", "any data loss is reported". */
export const OCCURS = new Set(['occurs', 'occur', 'occurred', 'happens', 'happen', 'appears', 'appear', 'reported', 'detected', 'found', 'logged', 'observed', 'raised', 'opened', 'confirmed', 'recorded', 'seen']);
