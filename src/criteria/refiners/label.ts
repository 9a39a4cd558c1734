/**
 * A name the author chooses: a label before a colon names what is measured. "**Opt-out rate**: STOP
 * replies stay below 2% of patients messaged" reads `opt-out rate < 2%`, the words after the colon
 * saying what the rate counts. A label that only heads the criterion ("Target:", "Key signals:") names
 * nothing, and a label over a bullet whose own words read in full is a heading.
 */
import { COMPARING, HEADINGS, LABEL_DIRECTIONS, MEASURES, NEGATIONS, NUMBER_WORDS, STATES, SYMBOL_COMPARATORS } from '../lexicon.ts';
import { joinTokens, metricText } from '../metric-text.ts';
import type { ParsedCriterion } from '../reading.ts';
import { leftoverWords } from './word-account.ts';
import type { Token } from '../tokenize.ts';
import { unitOf } from '../units.ts';

// A label is short: a name, not a sentence ending in a colon.
const LONGEST_LABEL = 8;

/** The label before the bullet's first colon, if the words before it can name a metric. */
export function findLabel(tokens: readonly Token[]): { end: number; words: Token[] } | null {
  const colon = tokens.findIndex((token) => token.text === ':');
  if (colon < 1 || colon > LONGEST_LABEL) return null;
  const words = tokens.slice(0, colon);
  const named = words.every((token) => token.kind === 'word' || token.kind === 'code' || ['(', ')', '/', '-', '&'].includes(token.text));
  // A label that carries its own unit, percentile or direction ("Checkout p90 (ms)", "Max error rate") is read with its value.
  const own = (token: Token, index: number) => COMPARING.has(token.lower) || SYMBOL_COMPARATORS[token.text] !== undefined || LABEL_DIRECTIONS[token.lower] !== undefined || /^p\d{2}/i.test(token.text) || (words[index - 1]?.text === '(' && unitOf(token.lower) !== null);
  if (!named || words.some(own)) return null;
  return { end: colon, words };
}

/** Whether a label heads rather than names: "Target", "Key signals", "Stable", "Bad behavior threshold". */
function isHeading(words: readonly Token[]): boolean {
  const plain = words.filter((token) => token.kind === 'word');
  return plain.length === 0 || HEADINGS.has(plain.at(-1)?.lower ?? '') || STATES.has(plain[0]?.lower ?? '');
}

/**
 * The reading with its label applied. The label names the one criterion unless it only heads it: a
 * heading word ("Target"), a category over a bullet that names its own measure ("Performance: error
 * rate < 1%"), or a name the reading already starts with ("Support ticket resolution: >90% same-day").
 * `restOnly`: the criteria come from the words after the colon alone, so the label must name them or
 * the reading is not taken (null).
 */
export function applyLabel(tokens: readonly Token[], criteria: ParsedCriterion[], notes: string[], aside: Token[], restOnly = false): { criteria: ParsedCriterion[]; notes: string[]; aside: Token[] } | null {
  const label = findLabel(tokens);
  // "Healthy (< 70% of budget used)": a state's name heads the band written in brackets after it.
  const state = tokens[0] && STATES.has(tokens[0].lower) && tokens[1]?.text === '(' ? tokens[0] : null;
  if (!label && state) return { criteria, notes: [...notes, `Read under the heading \`${state.text}\`.`], aside: [...aside, state] };
  if (!label) return { criteria, notes, aside };
  const rest = tokens.slice(label.end + 1);
  const name = metricText(label.words);
  const only = criteria.length === 1 ? criteria[0] : undefined;
  const left = leftoverWords(rest, criteria, aside);
  const unread = left.length > 0;
  // Words after the colon may define the name, never add a second claim or a count: "… or unresolved issues", "two triggers".
  const definable = !rest.some((token) => ['or', 'nor', ';'].includes(token.lower)) && !left.some((run) => run.split(' ').some((word) => NUMBER_WORDS[word.toLowerCase()] !== undefined || NEGATIONS.has(word.toLowerCase())));
  const category = only !== undefined && MEASURES.test(only.metric) && !MEASURES.test(name);
  // A count's own words name what is counted ("three release cycles"): a label may name a count only if it says the same noun.
  const counted = only?.metric.split(' ').at(-1)?.toLowerCase().replace(/s$/, '') ?? '';
  const measured = only !== undefined && (only.unit !== null || only.scale !== null || (counted !== '' && only.metric !== name && name.toLowerCase().split(' ').some((word) => word.replace(/s$/, '') === counted)));
  const names = !isHeading(label.words) && only && name && measured && definable && (restOnly || unread || !(category || (only.metric.startsWith(name) && only.metric !== name)));
  if (names && only) {
    const note = only.metric === name ? [] : [`Named \`${name}\` by its label; the words after the colon say what it measures.`];
    return { criteria: [{ ...only, metric: name }], notes: [...notes, ...note], aside: [...aside, ...rest] };
  }
  if (restOnly) return null;
  // A heading the reading took into a metric's name ("SLA: The cut-over period …") comes back out of it.
  const prefix = new RegExp(`^${name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}\\s+(?:the\\s+)?`, 'i');
  const headed = isHeading(label.words) && name ? criteria.map((criterion) => ({ ...criterion, metric: criterion.metric.replace(prefix, '') || criterion.metric })) : criteria;
  if (leftoverWords(label.words, headed, aside).length === 0) return { criteria: headed, notes, aside };
  return { criteria: headed, notes: [...notes, `Read under the heading \`${joinTokens(label.words)}\`.`], aside: [...aside, ...label.words] };
}
