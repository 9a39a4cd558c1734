/** A metric's name from the words a reading gives it: fillers and symbols off, capitals of a title lowered. */

import type { Unit } from '../schemas/criterion-schema.ts';
import { EDGES, FILLERS, HIGHER_HEADS, HIGHER_WORDS, LOWER_HEADS, LOWER_WORDS, MEASURES, MODALS, words } from './lexicon.ts';
import { PARTICLES, PHRASAL } from './lexicon-counts.ts';
import { wordsAt } from './quantity.ts';
import type { Token } from './tokenize.ts';

// Words keep the spacing the author wrote; words that were not next to each other are spaced.
export const joinTokens = (all: readonly Token[]) => {
  // Words a reading has already used are blanked in its views; they never reach a name or a baseline.
  const tokens = all.filter((token) => token.text !== '\u0000');
  return tokens
    .map(
      (token, index) =>
        (index > 0 && (token.spaced || token.start > (tokens[index - 1]?.end ?? 0) + (tokens[index - 1]?.kind === 'code' ? 1 : 0) + (token.kind === 'code' ? 1 : 0)) ? ' ' : '') +
        (token.kind === 'code' ? `\`${token.text}\`` : token.text),
    )
    .join('');
};

/** Singular of a plural noun, for metric names: "searches" → "search", "queries" → "query". */
export function singular(word: string): string {
  if (/ies$/i.test(word)) return `${word.slice(0, -3)}y`;
  if (/(?:ch|sh|x|ss)es$/i.test(word)) return word.slice(0, -2);
  if (/[^su]s$/i.test(word) && word.length > 3) return word.slice(0, -1);
  return word;
}

// A capital that only opens a sentence: "Error rate", not "CSAT" or "P1".
const CAPITAL_WORD = /^[A-Z](?=[a-z]+(?:[\s-]|$))/;

const CLASSES = words('class category grade tier type level phase zone group band');

// Words after which "stay" or "hold" is a verb: "must stay", "to hold".
const STAY_LEADS = words('must should will would can could may might to does do is are be');
// Words inside a name that only link it to its value: "latency must be", "queue stays".
const LINKS = words('must should shall will be is are stay stays remain remains does do');

/**
 * "Median stay", "orders on hold": "stay" or "hold" after a word that is neither a plural nor one of `leads` is a noun
 * and part of the name; after a plural it is the name's verb: "Orders stay above 1,000".
 */
export function stayOrHoldNoun(word: string, before: string, leads: ReadonlySet<string>): boolean {
  return (word === 'stay' || word === 'hold') && !leads.has(before) && !/[^s]s$/.test(before);
}

// Words whose better way is known: a level of them may hold or stay.
const OWN_WAY: ReadonlySet<string> = new Set([...HIGHER_WORDS, ...LOWER_WORDS]);
// Comparisons below a level: after a thing better higher, "holds below 1%" names holds ("Compliance holds below 1%").
const BELOW = new Set(['below', 'under', '<', '≤', '<=', 'less', 'fewer']);

// The two verbs a name may end in as nouns: checked first, since every name's last word passes here.
export const HOLDS_OR_STAYS = new Set(['holds', 'stays']);

/**
 * "Credit holds", "Inpatient stays": after a word that names no measure, "holds" or "stays" may be a plural noun of the
 * name; "Uptime holds ≥ 99.9%" and "Queue stays above 100" are verbs, as "Compliance holds below 1%" is not.
 */
export function holdsOrStaysNoun(name: readonly Token[], word: string, next?: Token): boolean {
  const before = name.at(-1);
  if (!HOLDS_OR_STAYS.has(word) || before?.kind !== 'word') return false;
  // "`req/sec` per pod stays above 40", "Satisfaction score for AI-handled contacts stays …": a measure earlier in the name.
  const measure = (token: Token) =>
    token.kind === 'code' || token.text === '/' || MEASURES.test(token.lower) || HIGHER_HEADS.has(token.lower) || LOWER_HEADS.has(token.lower) || MODALS.has(token.lower) || OWN_WAY.has(token.lower);
  // "Time to release holds under 24 hours": after a verb's "to", they are what it acts on.
  return !name.some(measure) || name.at(-2)?.lower === 'to' || (word === 'holds' && HIGHER_HEADS.has(before.lower) && BELOW.has(next?.lower ?? ''));
}

const particle = (list: readonly Token[], at: number) => {
  const verb = list[at - 1]?.lower ?? '';
  return PARTICLES.has(list[at]?.lower ?? '') && (/[a-z]{2}(?:ing|ed)$/.test(verb) || PHRASAL.has(verb));
};

/** A metric's words, cleaned: fillers off the ends, symbols out, "percentage of" off a percentage, a capital lowered. */
export function metricText(tokens: readonly Token[], unit: Unit | null = null): string {
  const keep = (token: Token) => token.kind !== 'symbol' || ['+', '&', '/', '.', '(', ')'].includes(token.text) || (token.text === '-' && !token.spaced);
  // A dropped symbol still separates the words beside it: "failed:rate" reads "failed rate".
  const kept = tokens.flatMap((token, index) => (keep(token) ? [index > 0 && !keep(tokens[index - 1] as Token) ? { ...token, spaced: true } : token] : []));
  // "Class A", "Category A": a capital letter after a word of kind is a name, not the article.
  const lettered = (token: Token) => /^[A-Z]$/.test(token.text) && CLASSES.has(kept[kept.indexOf(token) - 1]?.lower ?? '');
  const edge = (token: Token | undefined) =>
    !token || (!lettered(token) && (FILLERS.has(token.lower) || EDGES.has(token.lower))) || (token.kind === 'symbol' && token.text !== '/' && token.text !== ')');
  const trim = (list: readonly Token[]) => {
    let start = 0;
    let end = list.length;
    // "Expected loss", "expected revenue": a name's adjective, where "expected to be" only leads.
    const adjective = (at: number) => list[at]?.lower === 'expected' && list[at + 1]?.kind === 'word' && list[at + 1]?.lower !== 'to' && at + 1 < end;
    while (start < end && edge(list[start]) && !adjective(start)) start++;
    // "Median stay" ends the name; so does a filler word after "of": "length of stay", "time of hold".
    const noun = (at: number) =>
      (at > start && stayOrHoldNoun(list[at]?.lower ?? '', list[at - 1]?.lower ?? '', STAY_LEADS)) ||
      (at > start && at === list.length - 1 && HOLDS_OR_STAYS.has(list[at]?.lower ?? '') && holdsOrStaysNoun(list.slice(start, at), list[at]?.lower ?? '')) ||
      (list[at - 1]?.lower === 'of' && at - 1 > start && list[at]?.kind === 'word' && !EDGES.has(list[at]?.lower ?? '') && !['the', 'a', 'an'].includes(list[at]?.lower ?? ''));
    // "version 3+", "v2+": a plus on a number names the versions from it on.
    const plus = (at: number) => list[at]?.text === '+' && !list[at]?.spaced && (list[at - 1]?.kind === 'number' || /\d$/.test(list[at - 1]?.text ?? '')) && at > start;
    while (end > start && (edge(list[end - 1]) || list[end - 1]?.text === '/') && !particle(list, end - 1) && !noun(end - 1) && !plus(end - 1)) end--;
    return list.slice(start, end);
  };
  let body = trim(kept).filter((token, index, all) => !(index > 0 && index < all.length - 1 && LINKS.has(token.lower)));
  // Brackets stay only in pairs: "violations (serious)" keeps them, "max(result" loses its half.
  for (let index = body.length - 1; index >= 0; index--) {
    const text = body[index]?.text;
    if (text !== '(' && text !== ')') continue;
    const partner =
      text === '('
        ? body.slice(index + 1).findIndex((token) => token.text === ')')
        : body
            .slice(0, index)
            .map((token) => token.text)
            .lastIndexOf('(');
    if (partner < 0) body.splice(index, 1);
    // "latency (p95)": brackets whose words another part took hold nothing of the name.
    else if (text === '(' && body[index + 1]?.text === ')') body.splice(index, 2);
  }
  body = trim(body);
  // "Percentage of API calls finishing with 5XX errors <= 1%": the unit says it is a percentage.
  if (unit === '%' && wordsAt(body, 1, ['of']) && words('percentage percent share proportion fraction ratio').has(body[0]?.lower ?? '')) body = body.slice(2);
  // "Error Rate", "Monitoring Period": a title's capitals go; "CSAT", "P1 defects", "iOS crashes" keep theirs.
  const title = body.length > 1 && body.every((token) => token.kind !== 'word' || /^[A-Z][a-z]+(?:-[A-Z][a-z]+)*$/.test(token.text) || EDGES.has(token.lower));
  const text = joinTokens(title ? body.map((token) => ({ ...token, text: token.kind === 'word' ? token.lower : token.text })) : body);
  // Each pass only where it may change something: every distinct bullet names a metric at least twice.
  const lowered = CAPITAL_WORD.test(text) ? `${text.charAt(0).toLowerCase()}${text.slice(1)}` : text;
  return lowered.includes('  ') ? lowered.replace(/ {2,}/g, ' ') : lowered;
}

/** A noun phrase after a quantity or "of": there "target" describes the noun ("3 target users"), where at a name's start it heads it. */
export function describedText(tokens: readonly Token[]): string {
  return tokens[0]?.lower === 'target' && tokens.length > 1 ? `target ${metricText(tokens.slice(1))}` : metricText(tokens);
}

/**
 * "Any P1 defect" counts P1 defects: the noun takes the plural, not a participle or a state after it ("any note lost",
 * "any service completely down"); a name with a phrase after its noun ("any harm to a patient", "any medication error
 * causing harm", "any employee paid incorrectly") stays as written.
 */
export function pluralName(metric: string): string {
  if (/ (?:to|of|for|with|in|on|by|from|at|after|before|during|since|until|not) | \w+ing | \w+ \w+ly$/.test(metric)) return metric;
  return metric.replace(
    /(\w+)((?:(?: \w+ly)? (?:\w+ed|lost|broken|stolen|missed|sent|shown|seen|done|made|found|down|offline|unavailable|unreachable|unhealthy|stuck))?)$/,
    (_, word: string, participle: string) => `${/(?:s|loss|data|corruption|downtime|leak|leakage|breach|exposure|outage|feedback|traffic|churn)$/i.test(word) ? word : `${word}s`}${participle}`,
  );
}
