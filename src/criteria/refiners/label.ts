/**
 * A name the author chooses: a label before a colon. "**Opt-out rate**: STOP replies stay below 2% of
 * patients messaged" reads `opt-out rate < 2%`, the words after the colon defining the rate. A label
 * over words that name their own metric keeps its words in the name ("Checkout: p95 latency < 300 ms" is
 * `checkout latency`), a heading word ("Target:", "Key signals:") names nothing, and a label that says
 * the criterion does not gate ("Optional:") or is the opposite state ("Healthy:" over a trigger) is
 * reported, never dropped.
 */

import { compares } from '../finders/comparison.ts';
import { findPercentile } from '../finders/percentile.ts';
import {
  BAD_STATES,
  GO_DECISIONS,
  GO_LEADS,
  GOOD_STATES,
  HEADINGS,
  INSTRUCTIONS,
  LABEL_DIRECTIONS,
  MEASURES,
  MIDDLE_DECISIONS,
  NEGATIONS,
  NON_GATING,
  NUMBER_WORDS,
  ROLLBACK_LEADS,
  SCOPE_OPENERS,
  STATES,
  STOP_DECISIONS,
  words,
} from '../lexicon.ts';
import { FAULTS } from '../lexicon-counts.ts';
import { notAMetric } from '../metric-name-problems.ts';
import { joinTokens, metricText } from '../metric-text.ts';
import type { ParsedCriterion, ReadParts } from '../reading.ts';
import type { Token } from '../tokenize.ts';
import { unitOf } from '../units.ts';
import { undecidedHeading, WATCHING } from './undecided-heading.ts';
import { leftoverWords } from './word-account.ts';

// A label that names a rate outright, which the words after its colon may define.
const RATE_LABEL = /\b(?:rate|ratio|percentage|share|proportion)$/i;

// A label is short: a name, not a sentence ending in a colon.
const LONGEST_LABEL = 8;

/** The label before the bullet's first colon, if the words before it can name a metric. */
export function findLabel(tokens: readonly Token[]): { end: number; words: Token[] } | null {
  const colon = tokens.findIndex((token) => token.text === ':');
  if (colon < 1 || colon > LONGEST_LABEL) return null;
  // "Error rate: < 1%; latency: < 300 ms": a second label after a joint heads its own clause, so neither heads the bullet.
  const joint = tokens.findIndex((token, index) => index > colon && ([';', ','].includes(token.text) || ['and', 'or'].includes(token.lower)));
  if (joint > 0 && tokens.slice(joint).some((token) => token.text === ':')) return null;
  const words = tokens.slice(0, colon);
  // "Key Result #1", "Milestone 4": a heading's number only counts headings.
  const counted = (index: number) => words[index - 1]?.text === '#' || HEADINGS.has(words[index - 1]?.lower ?? '');
  const named = words.every(
    (token, index) =>
      token.kind === 'word' ||
      token.kind === 'code' ||
      ['(', ')', '/', '-', '&', '—', '–'].includes(token.text) ||
      (token.text === '#' && words[index + 1]?.kind === 'number') ||
      (token.kind === 'number' && index === words.length - 1 && counted(index)),
  );
  // A label that carries its own unit, percentile or direction ("Checkout p90 (ms)", "Max error rate") is read with its value.
  const own = (token: Token, index: number) =>
    compares(token) || LABEL_DIRECTIONS[token.lower] !== undefined || /^p\d{2}/i.test(token.text) || (words[index - 1]?.text === '(' && unitOf(token.lower) !== null);
  if (!named || words.some(own)) return null;
  return { end: colon, words };
}

/** "Metric 3", "KPI #2": a numbered heading names nothing, so the words after its colon are the whole criterion. */
export function isNumberedHeading(words: readonly Token[]): boolean {
  // A small count: "Target 2026:" names a year, which the reading would drop.
  const last = words.at(-1);
  return last?.kind === 'number' && Number.isInteger(last.value) && last.value < 100 && words.every((token) => token.kind !== 'word' || HEADINGS.has(token.lower));
}

/** Whether a label names only decisions ("Go / expand", "Hold / remediate"): it heads the criteria that lead to them. */
export function isDecision(words: readonly Token[]): boolean {
  const plain = words.filter((token) => token.kind === 'word');
  const decision = (token: Token | undefined) => token !== undefined && (GO_DECISIONS.has(token.lower) || STOP_DECISIONS.has(token.lower) || MIDDLE_DECISIONS.has(token.lower));
  // "Go — expand to all stores", "Scale up": a decision first, then what it does.
  const elaborated = decision(words[0]) && (['—', '–', '-'].includes(words[1]?.text ?? '') || words[1]?.lower === 'to' || (words[1]?.lower === 'up' && words.length === 2));
  return plain.length > 0 && (elaborated || plain.every(decision));
}

/** Whether a label that opens with a state names what is measured: faults counted, or a measure ("path latency"). */
const namesMeasure = (plain: readonly Token[]) =>
  plain.length > 1 &&
  (plain.slice(1).some((token) => FAULTS.has(token.lower) || ['cves', 'alerts', 'tickets'].includes(token.lower)) ||
    /\b(?:latency|time|rate|duration|throughput|uptime|ratio|percentage|score|count)$/i.test(joinTokens(plain)));

/** Whether a label heads rather than names: "Target", "Key signals", "Stable", "Bad behavior threshold". */
export function isHeading(words: readonly Token[]): boolean {
  const plain = words.filter((token) => token.kind === 'word');
  return (
    plain.length === 0 ||
    WATCHING.test(joinTokens(plain).toLowerCase()) ||
    isDecision(words) ||
    // "Failed health checks:" names checks that fail; "Checks:" and "Key checks:" head.
    (HEADINGS.has(plain.at(-1)?.lower ?? '') &&
      !(/^checks?$/.test(plain.at(-1)?.lower ?? '') && plain.length > 1 && /^(?:health|failed|failing|passed|passing|synthetic)$/.test(plain.at(-2)?.lower ?? ''))) ||
    // "Critical:", "Red zone:", "Warning level:" are states; "Critical bugs:", "Critical path latency:" name what is measured.
    (STATES.has(plain[0]?.lower ?? '') && !namesMeasure(plain)) ||
    // "Blood bank depleted": a short label ending in a state says how things stand.
    (plain.length <= 3 && BAD_STATES.has(plain.at(-1)?.lower ?? '')) ||
    plain[0]?.lower === 'not' ||
    plain.some((token) => NON_GATING.has(token.lower))
  );
}

/** Why a heading cannot head this list: a criterion that does not gate, or a state of the other list. */
function headingProblem(words: readonly Token[], kind: 'exit' | 'rollback'): string | null {
  const shown = joinTokens(words);
  const lower = words.map((token) => token.lower);
  const undecided = undecidedHeading(words);
  if (undecided) return undecided;
  if (kind === 'exit' && lower.some((word) => ROLLBACK_LEADS.has(word) || STOP_DECISIONS.has(word))) return `the heading \`${shown}\` makes it a rollback trigger; move it under the rollback triggers`;
  if (kind === 'rollback' && lower.some((word) => GO_LEADS.has(word) || GO_DECISIONS.has(word))) return `the heading \`${shown}\` makes it an exit criterion; move it under the exit criteria`;
  const state = lower[0] ?? '';
  if (kind === 'exit' && BAD_STATES.has(state)) return `the heading \`${shown}\` names a failing state, which belongs under the rollback triggers`;
  if (kind === 'rollback' && GOOD_STATES.has(state)) return `the heading \`${shown}\` names a healthy state, which belongs under the exit criteria`;
  return null;
}

/** A label's words kept in a metric the words after it named: "checkout latency", "latency (v1 unary calls)". */
function withLabel(name: string, metric: string): string {
  // "Holiday refunds: fewer than 3 refunds a day": the label already says every word of the metric.
  const named = new Set(
    name
      .toLowerCase()
      .split(/\s+/)
      .map((word) => word.replace(/s$/, '')),
  );
  if (
    metric
      .toLowerCase()
      .split(/\s+/)
      .every((word) => named.has(word.replace(/s$/, '')))
  )
    return name;
  if (metric.toLowerCase().startsWith(name.toLowerCase())) return metric;
  // "Median wait time: … wait time for walk-ins": the metric goes on from the label's last words.
  const nameWords = name.split(' ');
  for (let count = nameWords.length - 1; count > 0; count--) {
    const tail = nameWords.slice(-count).join(' ');
    if (metric.toLowerCase().startsWith(`${tail.toLowerCase()} `)) return `${name}${metric.slice(tail.length)}`;
  }
  return MEASURES.test(name) ? `${name} (${metric})` : `${name} ${metric}`;
}

/** A label kept with the words that define it, unless one already holds the other: "adoption (teachers that use dashboard weekly)". */
function labelAndDefinition(name: string, definition: string): string {
  const stem = (word: string) => word.toLowerCase().replace(/s$/, '');
  const named = new Set(name.split(/\s+/).map(stem));
  if (definition.toLowerCase().startsWith(name.toLowerCase())) return definition;
  if (definition.split(/\s+/).every((word) => named.has(stem(word)))) return name;
  return `${name} (${definition})`;
}

/** Whether the label may name the one criterion and the words after it define it: a ratio or a share they describe, nothing they add. */
function definesRatio(rest: readonly Token[], only: ParsedCriterion, parts: ReadParts, restOnly: boolean): boolean {
  const left = leftoverWords(rest, parts);
  // Words after the colon may define the name, never add a second claim, a count or a negation: "… or unresolved issues", "two triggers".
  const adds =
    rest.some((token) => ['or', 'nor', ';'].includes(token.lower)) ||
    left.some((run) => run.split(' ').some((word) => NUMBER_WORDS[word.toLowerCase()] !== undefined || NEGATIONS.has(word.toLowerCase())));
  return !adds && (only.unit === '%' || only.scale !== null) && (/ as a share of | that /.test(only.metric) || restOnly);
}

/** Why a label can name nothing: an instruction ("Validate process improvements:"), or "Across stores:", which the name would drop. */
function labelProblem(words: readonly Token[], name: string): string | null {
  if (INSTRUCTIONS.has(words[0]?.lower ?? '')) return notAMetric(name) ?? `\`${name}\` is an instruction`;
  // Each store's figure, or all of them pooled.
  if (words[0]?.lower === 'across')
    return `\`${joinTokens(words)}:\` may give each one's figure or all of them pooled; write a bullet for each, or the pooled figure in the name, such as "error rate across stores combined < 1%"`;
  return null;
}

/**
 * The reading with its label applied: named by it when the words after the colon define a ratio it
 * names, otherwise with the label's words kept in each metric's name. `restOnly`: the criteria come
 * from the words after the colon alone, so the label must name them or the reading is not taken (null).
 */
export function applyLabel(tokens: readonly Token[], parts: ReadParts, kind: 'exit' | 'rollback', restOnly = false): ReadParts | { unsure: string } | null {
  const label = findLabel(tokens);
  // "Healthy (< 70% of budget used)": a state's name heads the band written in brackets after it.
  const state = !label && tokens[0] && STATES.has(tokens[0].lower) && tokens[1]?.text === '(' ? [tokens[0]] : null;
  const heading = state ?? (label && isHeading(label.words) ? label.words : null);
  if (heading) {
    const problem = headingProblem(heading, kind);
    if (problem) return { unsure: problem };
    if (restOnly && !isDecision(heading) && !isNumberedHeading(heading)) return null;
    // "Mobile target: error rate < 1%" keeps its scope; a state heading ("GREEN (Go):") and heading words name nothing.
    const named = heading.filter((token) => token.kind === 'word');
    const stated = STATES.has(named[0]?.lower ?? '') || (named.length <= 3 && BAD_STATES.has(named.at(-1)?.lower ?? '')) || isDecision(heading);
    const scope = stated ? [] : heading.filter((token) => token.kind === 'word' && !HEADINGS.has(token.lower));
    const shown = metricText(heading);
    // A heading the reading took into a metric's name ("SLA: The cut-over period …") comes back out of it.
    const prefix = new RegExp(`^${shown.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}\\s+(?:the\\s+)?`, 'i');
    // "First-time request completion success: >= 85%": a long name of what succeeds, with only a value after it, names it.
    const naming = heading.filter((token) => token.kind === 'word' && !words('overall pilot project program programme key main total').has(token.lower));
    const succeeds = naming.length >= 3 && heading.at(-1)?.lower === 'success';
    if (succeeds && parts.criteria.length === 1 && parts.criteria[0]?.metric.toLowerCase() === shown.toLowerCase()) return parts;
    if (parts.criteria.some((criterion) => criterion.metric.toLowerCase() === shown.toLowerCase()))
      return { unsure: `the heading \`${joinTokens(heading)}\` names no metric, and the words after it name none either; write what is measured after the colon` };
    const unheaded = parts.criteria.map((criterion) => ({ ...criterion, metric: (shown && criterion.metric.replace(prefix, '')) || criterion.metric }));
    // "P0 (Critical): 0 open": without the heading, a state alone names nothing.
    const unnamed = unheaded.map((criterion) => notAMetric(criterion.metric)).find(Boolean);
    if (unnamed && !parts.criteria.some((criterion) => notAMetric(criterion.metric))) return { unsure: unnamed };
    const criteria = scope.length > 0 ? unheaded.map((criterion) => ({ ...criterion, metric: withLabel(metricText(scope), criterion.metric) })) : unheaded;
    return { ...parts, criteria, notes: [...parts.notes, `Read under the heading \`${joinTokens(heading)}\`.`], aside: [...parts.aside, ...heading.filter((token) => !scope.includes(token))] };
  }
  if (!label) return parts;
  // "Median request creation time:" names the time; its percentile is the reading's.
  const percentile = findPercentile(label.words);
  const name = metricText(
    percentile && parts.criteria.every((criterion) => criterion.percentile !== null) ? [...label.words.slice(0, percentile.start), ...label.words.slice(percentile.end)] : label.words,
  );
  const only = parts.criteria.length === 1 ? parts.criteria[0] : undefined;
  const problem = labelProblem(label.words, name);
  if (problem) return { unsure: problem };
  const rest = tokens.slice(label.end + 1);
  // Read from the words after the colon with the label's name already: they are accounted for as usual.
  if (restOnly && only && only.metric === name && (only.unit !== null || only.scale !== null)) return parts;
  if (only && name && only.metric !== name && definesRatio(rest, only, parts, restOnly)) {
    // "Opt-out rate:" names a rate its words define; "Adoption:" or "Active users:" names less than they say, so both stay.
    // A definition with a figure of its own ("sessions within 5 minutes") or a period ("by Day 30") says more than the name.
    const scoped = SCOPE_OPENERS.has(only.metric.split(' ')[0]?.toLowerCase() ?? '');
    if (!RATE_LABEL.test(name) || /\d/.test(only.metric) || scoped) return { ...parts, criteria: [{ ...only, metric: labelAndDefinition(name, only.metric) }] };
    return {
      ...parts,
      criteria: [{ ...only, metric: name }],
      notes: [...parts.notes, `Named \`${name}\` by its label; the words after the colon say what it measures.`],
      aside: [...parts.aside, ...rest],
    };
  }
  if (restOnly || !name) return null;
  // "Error rate: < 1% and latency < 300 ms": the label named the first threshold, and the second names its own.
  const labelled = parts.criteria.filter((criterion) => criterion.metric.toLowerCase() === name.toLowerCase());
  if (labelled.length > 0 && labelled.length < parts.criteria.length) return { unsure: `the label \`${name}\` names one threshold, and the others name their own; write one bullet for each` };
  return { ...parts, criteria: parts.criteria.map((criterion) => ({ ...criterion, metric: withLabel(name, criterion.metric) })) };
}
