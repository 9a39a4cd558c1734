/** Reads a share of a population: "at least 85% of enrolled clinics submit a claim", "90% of searches return in under 800 ms". */
import { type Clause, leftoverReason } from '../clause.ts';
import { formatNumber, formatQuantity } from '../describe-reading.ts';
import { comparisonAt, quantityStart } from '../finders/comparison.ts';
import { isIdentifierNumber } from '../identifier-number.ts';
import { COMPARING, CONDITIONS, EDGES, MODALS, NEGATIONS, QUANTIFIERS, ROLLOUT, SHARE_VERBS, SUBJECT_ENDS, TIME_NAMES_SET, TIME_VERBS, words } from '../lexicon.ts';
import { FAILING, onASystem, returning, STATES_OF_USE } from '../lexicon-counts.ts';
import { metricPolarity } from '../metric-polarity.ts';
import { describedText, joinTokens as join, metricText, singular } from '../metric-text.ts';
import { type Quantity, quantityAt } from '../quantity.ts';
import { blank, type ClauseResult, type Op } from '../reading.ts';
import type { Token } from '../tokenize.ts';
import { isTimeUnit, SECONDS } from '../units.ts';
import { countedShare, type Rest } from './counted-share.ts';

// Nouns for a population with no plural -s: "staff complete", "people report".
const MASS_POPULATIONS = words('staff people personnel faculty workforce team crew');

/** The metric of a percentile read from a share: "have a response time" names it; "searches return in" makes it their time. */
function percentileMetric(subject: readonly Token[], named: number, inner: Quantity): string {
  if (named >= 0) return metricText(subject.slice(named + 1));
  const verb = subject.findIndex((token, position) => position > 0 && (TIME_VERBS[token.lower] !== undefined || SUBJECT_ENDS.has(token.lower)));
  // "calls are answered": the verb of time may follow its auxiliary.
  const timeVerb = subject.find((token, position) => position >= verb && verb > 0 && TIME_VERBS[token.lower] !== undefined);
  const nouns = (verb > 0 ? subject.slice(0, verb) : subject).filter((token) => !['the', 'all', 'of', 'our'].includes(token.lower));
  const head = nouns.map((token, position) => (position === nouns.length - 1 ? { ...token, text: singular(token.text) } : token));
  // Business days count time too, though they convert into no other unit.
  const time = isTimeUnit(inner.unit) || inner.unit === 'business day';
  return `${metricText(head)} ${time ? (TIME_VERBS[timeVerb?.lower ?? ''] ?? 'time') : 'value'}`.trim();
}

type Inner = { index: number; comparison: { op: Op; end: number }; quantity: Quantity };

// Populations of people, whose "return" is a coming back.
const PEOPLE = words('users customers patients members visitors students people staff clients shoppers buyers subscribers learners participants residents callers');

// Verbs that read as "at least" alone, but before a limit say what happens: "reached within 8 minutes".
const REACHING = words('reach reaches reached hit hits');

/**
 * Whether a percentile's metric would hold every word before the limit: the population and one verb of
 * time ("searches return", "calls are answered"). "People start treatment within 6 weeks" holds more
 * than a time of the people, so it stays a share, with its limit in the name.
 */
function percentileHolds(subject: readonly Token[]): boolean {
  // "60% of users return within 7 days": people who return come back; it is no time of theirs to take a percentile of.
  if (PEOPLE.has(subject[0]?.lower ?? '') && subject.some((token) => ['return', 'returns'].includes(token.lower))) return false;
  if (subject.some((token) => ['have', 'has', 'with'].includes(token.lower))) return true;
  const verb = subject.findIndex((token, position) => position > 0 && (TIME_VERBS[token.lower] !== undefined || SUBJECT_ENDS.has(token.lower)));
  return verb < 0 || subject.slice(verb).every((token) => TIME_VERBS[token.lower] !== undefined || SUBJECT_ENDS.has(token.lower) || MODALS.has(token.lower));
}

/** The threshold inside a share's words, if any: "… return in under 800 ms", "… wait longer than 5 minutes". */
function innerThreshold(view: readonly Token[], rest: Rest): Inner | null {
  for (const { index } of rest) {
    let comparison = comparisonAt(view, index) ?? (['in', 'within', 'under', 'below', 'by'].includes(view[index]?.lower ?? '') ? { op: '<=' as Op, end: index + 1 } : null);
    if (!comparison) continue;
    const next = comparisonAt(view, comparison.end);
    // "calls reached within 8 minutes": "reached" is what the calls do; the limit starts at "within".
    const start = next && REACHING.has(view[index]?.lower ?? '') ? comparison.end : index;
    comparison = next ?? comparison;
    const quantity = quantityAt(view, quantityStart(view, comparison.end));
    if (quantity && quantity.unit !== '%') return { index: start, comparison, quantity };
  }
  return null;
}

/** "90% of searches return in under 800 ms": a share within an inner threshold is a percentile of it. */
function sharePercentile(clause: Clause, view: readonly Token[], share: Quantity, rest: Rest, found: Inner): ClauseResult {
  const { index, comparison, quantity: inner } = found;
  const shown = join(view.slice(share.start, share.end));
  // "90% of pages load in under 2 s at p75": two percentiles for one figure.
  if (clause.percentile)
    return {
      unsure: `it has the share \`${shown}\` and the percentile \`${join(clause.tokens.slice(clause.percentile.start, clause.percentile.end))}\`; write one of them`,
    };
  let subject = rest.filter(({ index: each }) => each < index).map(({ token }) => token);
  // A percentile is a target only in an exit criterion, and only of something good happening ("readmitted within 30 days" is not).
  const events = subject.filter((token) => /(?:ed|ing)$/.test(token.lower));
  // "5% of payments fail within 2 business days" bounds a share of failures, which no percentile of a time is.
  if (clause.context.kind === 'rollback' || metricPolarity(join(events)) === 'lower' || subject.some((token) => FAILING.has(token.lower)))
    return { unsure: `it has \`${shown}\` of what happens within a limit; write the percentile of the time it measures, such as \`p90 time to answer ≤ 20 s\`` };
  // "90% of drivers actively using the app within 30 days", "95% of deliveries completed … within 60 days": a state, or a
  // month or more, is the share by that day as much as each one's time.
  // "85% of stores on the new POS within 2 weeks": being on something is a state too, where nothing is done after it.
  const seconds = (SECONDS[inner.unit ?? 's'] ?? 0) * inner.value;
  const state = (seconds >= 86_400 && onASystem(subject.map((token) => token.text))) || subject.some((token) => STATES_OF_USE.has(token.lower));
  if (state || seconds >= 28 * 86_400 || returning(subject.map((token) => token.lower).join(' '))) {
    return {
      unsure: `\`${shown}\` within \`${formatQuantity(inner.value, inner.unit)}\` may be each one's time or the share by that day; write the share with its day, such as "${join(subject)} ≥ ${shown} ${inner.unit === 'd' ? `by day ${formatNumber(inner.value)}` : `after ${formatQuantity(inner.value, inner.unit)}`}", or the percentile of the time`,
    };
  }
  // "99.9% of ClusterIP allocations per day take less than 500 ms": measured over each day.
  const perDay = subject.findIndex((token, position) => token.lower === 'per' && ['day', 'hour', 'week', 'month'].includes(subject[position + 1]?.lower ?? ''));
  if (perDay >= 0 && !clause.window) {
    const unit = subject[perDay + 1]?.lower ?? 'day';
    clause.window = { start: 0, end: 0, value: { seconds: unit === 'hour' ? 3600 : unit === 'week' ? 604_800 : unit === 'month' ? 2_592_000 : 86_400, text: `per ${unit}`, kind: 'period' } };
    subject = [...subject.slice(0, perDay), ...subject.slice(perDay + 2)];
  }
  const named = subject.findIndex((token) => ['have', 'has', 'with'].includes(token.lower));
  const metric = percentileMetric(subject, named, inner);
  clause.use(index, inner.end);
  clause.place(index, inner.end, 'comparison');
  for (const { index: each, token } of rest) if (each < index && token.kind === 'word') clause.used[each] = true;
  // The population a percentile is taken over is told, not named: "95% of requests have a response time …".
  if (named >= 0) clause.setAside(subject.slice(0, named), `Read \`${shown} of ${join(subject.slice(0, named))}\` within the threshold as p${formatNumber(share.value)} of ${metric}.`);
  else clause.notes.push(`Read \`${shown}\` of them within the threshold as p${formatNumber(share.value)} of ${metric}.`);
  return clause.finish([{ ...blank(metric, comparison.op, inner.value, inner.unit), percentile: share.value }]);
}

/** The words of the population and what it does, with quoted names kept whole: "in \"approved complete\" status" holds no verb. */
function populationWords(kept: Rest): { tokens: Token[]; quoted: Set<Token> } {
  const quoted = new Set<Token>();
  let open = false;
  for (const { token } of kept) {
    if (['"', '“', '”'].includes(token.text)) open = token.text === '“' || (token.text === '"' && !open);
    else if (open) quoted.add(token);
  }
  return { tokens: kept.map(({ token }) => token).filter((token) => token.kind !== 'symbol' || token.text === '/' || ['"', '“', '”'].includes(token.text)), quoted };
}

/** A share: the population and what it does, as a noun phrase ("enrolled clinics that submit a claim"). */
function shareOfPopulation(clause: Clause, view: readonly Token[], share: Quantity, rest: Rest, how: { op: Op | null; low: number | null; population: string }): ClauseResult {
  const shown = join(view.slice(share.start, share.end));
  const conditionAt = rest.findIndex(({ token }) => CONDITIONS.has(token.lower));
  if (conditionAt > 0)
    clause.setCondition(
      rest.slice(conditionAt).map(({ token }) => token),
      `Ignored the condition \`${join(rest.slice(conditionAt).map(({ token }) => token))}\`.`,
    );
  const kept = conditionAt > 0 ? rest.slice(0, conditionAt) : rest;
  for (const { index } of rest.slice(kept.length)) clause.used[index] = true;
  const { tokens, quoted } = populationWords(kept);
  const comparing = tokens.find((token) => COMPARING.has(token.lower));
  if (comparing && tokens.indexOf(comparing) === tokens.length - 1) return { unsure: `the threshold after \`${comparing.text}\` is not a number` };
  if (tokens.length > 12) return { unsure: `it has the share \`${shown}\`, but the words after it are too many to name what is counted` };
  // What they do starts at a verb after the population's plural noun ("teachers stop using" has no such verb).
  const plural = (token: Token | undefined) => token !== undefined && (/[a-z]s$/i.test(token.text) || /^[A-Z0-9]+s?$/.test(token.text) || MASS_POPULATIONS.has(token.lower));
  const first = tokens.findIndex((token, position) => position > 0 && SHARE_VERBS.test(token.lower) && !quoted.has(token) && plural(tokens[position - 1]));
  // "API calls return a 2xx": of two verbs in a row, the first is a noun.
  const next = first > 0 && SHARE_VERBS.test(tokens[first + 1]?.lower ?? '') ? first + 1 : first;
  // "must" and "will" ask for it; "can" says they are able to, which is another figure ("100% of customers can log in").
  const verb = ['can', 'could'].includes(tokens[next - 1]?.lower ?? '') ? next - 1 : next;
  const named = verb > 0 ? tokens.slice(0, verb) : tokens;
  const population = describedText(named);
  const doing = verb > 0 ? join(tokens.slice(verb).filter((token) => !words('should must will shall would').has(token.lower))) : '';
  if (!population) return { unsure: `it has the share \`${shown}\` but says not of what` };
  const counted = !doing && how.op && tokens.length <= 3 ? countedShare(clause, view, share, how.op, population, rest) : null;
  if (counted) return counted;
  // Under a label that will name it ("User adoption: ≥50% of target users"), the population alone may follow.
  if (!doing && population.split(' ').length === 1 && !clause.context.named) return { unsure: `it has \`${shown} of ${how.population}\` but says not what they must do` };
  const numbers = rest.filter(({ token, index }) => token.kind === 'number' && !isIdentifierNumber(view, index)).map(({ token }) => token);
  if (numbers.length > 0) return { unsure: leftoverReason(numbers) };
  for (const { index } of rest) clause.used[index] = true;
  // "employees that use the system", "employees using the system": a participle needs no "that".
  const metric = doing ? `${population} ${/^\S+ing\b/.test(doing) ? '' : 'that '}${doing.replace(/^(?:are|is|be) /, 'are ')}` : population;
  if (how.low !== null) return clause.finish([{ ...blank(metric, 'between', how.low, '%'), upper: share.value }]);
  const exact = share.value === 0 || share.value === 100;
  // "100% of SKUs scanned at p95": a share has no percentile of its own.
  if (clause.percentile) return { unsure: `it has the share \`${shown}\` and the percentile \`${join(clause.tokens.slice(clause.percentile.start, clause.percentile.end))}\`; write one of them` };
  // "Up to 100% of staff trained", "at least 0%": a bound every share meets says nothing.
  if ((how.op === '<=' && share.value >= 100) || (how.op === '>=' && share.value <= 0)) return { unsure: `\`${shown}\` of \`${metric}\` holds for any share; write the share that must be reached` };
  // "100% of orders delayed" is no target to reach, whatever the reader's lists say of the words.
  if (!how.op && share.value === 100 && clause.context.kind === 'exit' && metricPolarity(metric) === 'lower')
    return { unsure: `\`${shown}\` of \`${metric}\` counts something to have less of, so it is no target to reach; write "at most …"` };
  // A share with no comparison is a target to reach only in an exit criterion, and only of something good to have.
  if (!how.op && !exact && clause.context.kind === 'rollback') return { unsure: `it has \`${shown} of ${population}\` with no comparison; write "more than ${shown}" or "fewer than ${shown}"` };
  if (!how.op && !exact && (metricPolarity(metric) ?? metricPolarity(clause.context.label ?? '')) === 'lower')
    return { unsure: `\`${shown}\` of \`${metric}\` counts something to have less of, so it is no target to reach; write "at most ${shown}" or "fewer than ${shown}"` };
  // "3% of patients return to ED within 72 hours": a coming back, good for a shop, bad for an emergency department.
  // Users or customers who return are retained; patients who return are back with a problem.
  if (!how.op && returning(metric)) return { unsure: `patients who return may be a readmission to have few of, or a follow-up to have many of; write "at least ${shown}" or "at most ${shown}"` };
  const overspent = !how.op && share.value === 100 && clause.context.kind === 'rollback' && /\b(?:budget|spen[dt]|consumed|used|capacity|quota)\b/i.test(metric);
  if (!how.op && share.value === 100 && clause.context.kind === 'rollback' && !overspent)
    return { unsure: `it has \`${shown} of ${population}\` with no comparison; write "fewer than ${shown}" or "${shown} or more"` };
  const notes = how.op
    ? []
    : [overspent ? 'Read as 100% or more: all of it, or beyond.' : exact ? `Read as exactly ${share.value}%.` : `Read as at least ${share.value}%: a share that must be reached.`];
  // In a trigger, "100% of budget spent" fires at 100% and beyond, as an overspent budget is more than all of it.
  const op = how.op ?? (exact && !overspent ? '=' : '>=');
  return clause.finish([blank(metric, op, share.value, '%')], notes);
}

/** "within 6 weeks of referral", "less than 6 weeks for a diagnostic test": words that end the limit and the clause, named by it. */
function limitTail(view: readonly Token[], from: number): number {
  if (!['of', 'for', 'from'].includes(view[from]?.lower ?? '')) return 0;
  const tail = view.slice(from + 1);
  const words = tail.filter((token) => token.kind !== 'symbol' || ['.', ';'].includes(token.text));
  // Only a name: "in each region", "unless delayed", "or later" would add a scope, a case or a claim.
  const named = (token: Token) => ['the', 'a', 'an', 'to'].includes(token.lower) || ![COMPARING, CONDITIONS, QUANTIFIERS, NEGATIONS, EDGES].some((list) => list.has(token.lower));
  const plain = words.every((token) => token.kind === 'symbol' || (token.kind === 'word' && named(token)));
  return plain && words.length === tail.length && words.filter((token) => token.kind === 'word').length <= 5 ? tail.length + 1 : 0;
}

/** "N% of <population> …": a share criterion, or a percentile criterion when a time threshold follows. */
export function readShare(clause: Clause, share: Quantity, op: Op | null, low: number | null = null): ClauseResult {
  const view = clause.free();
  const lead = view.slice(0, share.start).filter((token, index) => !clause.used[index] && token.kind === 'word');
  if (lead.some((token) => ROLLOUT.has(token.lower))) return { unsure: `\`${join(lead)} ${join(view.slice(share.start, share.end))}\` reads as a step of the rollout, not a criterion` };
  // "99% … of the time": a share of time says how often something else holds, which needs its own threshold.
  const population = view[share.end + 1]?.lower === 'the' ? view[share.end + 2] : view[share.end + 1];
  if (population?.lower === 'time') return { unsure: `it says \`${join(view.slice(share.start, share.end))} of the time\`, but not what holds that often` };
  clause.use(share.start, share.end + 1);
  clause.place(share.start, share.end + 1, 'quantity');
  const rest = view.map((token, index) => ({ token, index })).filter(({ index }) => index > share.end && !clause.used[index]);
  const inner = innerThreshold(view, rest);
  // "90% of searches return in under 800 ms" is p90 ≤ 800 ms; "80% of users give CSAT ≥ 4" bounds p20, so it keeps its words.
  const subject = inner ? rest.filter(({ index }) => index < inner.index).map(({ token }) => token) : [];
  if (inner && op === null && ['<', '<='].includes(inner.comparison.op) && percentileHolds(subject)) return sharePercentile(clause, view, share, rest, inner);
  if (!inner) return shareOfPopulation(clause, view, share, rest, { op, low, population: population?.text ?? '' });
  // "At least 90% of invited EORs complete onboarding within 14 days": a share with a comparison of its own keeps the
  // limit that ends it, written in words, in the name. Which percentile it would bound depends on both comparisons.
  // "within 3 months": a time the reader has no unit for still ends the limit.
  const timed = inner.quantity.end + (inner.quantity.unit === null && TIME_NAMES_SET.has(singular(view[inner.quantity.end]?.lower ?? '')) ? 1 : 0);
  const end = timed + limitTail(view, timed);
  const limit = view.slice(inner.index, end);
  const ends = rest.every(({ index, token }) => index < end || token.kind === 'symbol');
  if (limit.some((token) => token.kind === 'symbol') || !ends)
    return {
      unsure: `it compares a share (\`${join(view.slice(share.start, share.end))}\`) of what passes another threshold; end it with the limit in words ("within 14 days"), or write a percentile, such as \`p90 wait time ≤ 5 min\``,
    };
  clause.use(inner.index, end);
  clause.place(inner.index, end, 'metric');
  clause.period = [join(limit), clause.period].filter(Boolean).join(' ');
  const before = rest.filter(({ index }) => index < inner.index);
  return shareOfPopulation(clause, view, share, before, { op, low, population: population?.text ?? '' });
}
