/** Reads a share of a population: "at least 85% of enrolled clinics submit a claim", "90% of searches return in under 800 ms". */
import { Clause, leftoverReason } from '../clause.ts';
import { formatNumber } from '../describe-reading.ts';
import { comparisonAt, quantityStart } from '../finders/comparison.ts';
import { isIdentifierNumber } from '../identifier-number.ts';
import { COMPARING, CONDITIONS, MODALS, ROLLOUT, SHARE_VERBS, SUBJECT_ENDS, TIME_VERBS, words } from '../lexicon.ts';
import { joinTokens as join, metricText, singular } from '../metric-text.ts';
import { type Quantity, quantityAt } from '../quantity.ts';
import { blank, type ClauseResult, type Op } from '../reading.ts';
import type { Token } from '../tokenize.ts';
import { isTimeUnit } from '../units.ts';

/** "N% of <population> …": a share criterion, or a percentile criterion when a time threshold follows. */
export function readShare(clause: Clause, share: Quantity, op: Op | null, low: number | null = null): ClauseResult {
  const view = clause.free();
  const lead = view.slice(0, share.start).filter((token, index) => !clause.used[index] && token.kind === 'word');
  if (lead.some((token) => ROLLOUT.has(token.lower))) return { unsure: `\`${join(lead)} ${join(view.slice(share.start, share.end))}\` reads as a step of the rollout, not a criterion` };
  // "99% … of the time": a share of time says how often something else holds, which needs its own threshold.
  const population = view[share.end + 1]?.lower === 'the' ? view[share.end + 2] : view[share.end + 1];
  if (population?.lower === 'time') return { unsure: `it says \`${join(view.slice(share.start, share.end))} of the time\`, but not what holds that often` };
  clause.use(share.start, share.end + 1);
  const rest = view.map((token, index) => ({ token, index })).filter(({ index }) => index > share.end && !clause.used[index]);
  // The inner threshold: "return in under 800 ms", "complete within 5s", "are below 200ms".
  for (const { index } of rest) {
    let comparison = comparisonAt(view, index) ?? (['in', 'within', 'under', 'below', 'by'].includes(view[index]?.lower ?? '') ? { op: '<=' as Op, end: index + 1 } : null);
    if (!comparison) continue;
    const second = comparisonAt(view, comparison.end);
    if (second) comparison = second;
    const inner = quantityAt(view, quantityStart(view, comparison.end));
    if (!inner || inner.unit === '%') continue;
    let subject = rest.filter(({ index: each }) => each < index).map(({ token }) => token);
    // "99.9% of ClusterIP allocations per day take less than 500 ms": measured over each day.
    const perDay = subject.findIndex((token, position) => token.lower === 'per' && ['day', 'hour', 'week', 'month'].includes(subject[position + 1]?.lower ?? ''));
    if (perDay >= 0 && !clause.window) {
      const unit = subject[perDay + 1]?.lower ?? 'day';
      clause.window = { start: 0, end: 0, value: { seconds: unit === 'hour' ? 3600 : unit === 'week' ? 604_800 : unit === 'month' ? 2_592_000 : 86_400, text: `per ${unit}`, kind: 'period' } };
      subject = [...subject.slice(0, perDay), ...subject.slice(perDay + 2)];
    }
    // "have a response time below 200ms": the metric is named; "searches return in under 800 ms": it is their time.
    const named = subject.findIndex((token) => ['have', 'has', 'with'].includes(token.lower));
    let metric: string;
    if (named >= 0) metric = metricText(subject.slice(named + 1));
    else {
      const verb = subject.findIndex((token, position) => position > 0 && (TIME_VERBS[token.lower] !== undefined || SUBJECT_ENDS.has(token.lower)));
      const nouns = (verb > 0 ? subject.slice(0, verb) : subject).filter((token) => !['the', 'all', 'of', 'our'].includes(token.lower));
      const head = nouns.map((token, position) => (position === nouns.length - 1 ? { ...token, text: singular(token.text) } : token));
      metric = `${metricText(head)} ${isTimeUnit(inner.unit) ? (TIME_VERBS[subject[verb]?.lower ?? ''] ?? 'time') : 'value'}`.trim();
    }
    clause.use(index, inner.end);
    for (const { index: each, token } of rest) if (each < index && token.kind === 'word') clause.used[each] = true;
    // The population a percentile is taken over is told, not named: "95% of requests have a response time …".
    if (named >= 0) clause.setAside(subject.slice(0, named), `Read \`${join(view.slice(share.start, share.end))} of ${join(subject.slice(0, named))}\` within the threshold as p${formatNumber(share.value)} of ${metric}.`);
    else clause.notes.push(`Read \`${join(view.slice(share.start, share.end))}\` of them within the threshold as p${formatNumber(share.value)} of ${metric}.`);
    return clause.finish([{ ...blank(metric, comparison.op, inner.value, inner.unit), percentile: share.value }]);
  }
  // A share: the population and what it does, as a noun phrase ("enrolled clinics that submit a claim").
  const conditionAt = rest.findIndex(({ token }) => CONDITIONS.has(token.lower));
  if (conditionAt > 0) clause.setCondition(rest.slice(conditionAt).map(({ token }) => token), `Ignored the condition \`${join(rest.slice(conditionAt).map(({ token }) => token))}\`.`);
  const kept = conditionAt > 0 ? rest.slice(0, conditionAt) : rest;
  for (const { index } of rest.slice(kept.length)) clause.used[index] = true;
  // A quoted name is one word: "in \"approved complete\" status" holds no verb.
  const quoted = new Set<Token>();
  let open = false;
  for (const { token } of kept) {
    if (['"', '“', '”'].includes(token.text)) open = token.text === '“' || (token.text === '"' && !open);
    else if (open) quoted.add(token);
  }
  const tokens = kept.map(({ token }) => token).filter((token) => token.kind !== 'symbol' || token.text === '/' || ['"', '“', '”'].includes(token.text));
  const comparing = tokens.find((token) => COMPARING.has(token.lower));
  if (comparing && tokens.indexOf(comparing) === tokens.length - 1) return { unsure: `the threshold after \`${comparing.text}\` is not a number` };
  if (tokens.length > 12) return { unsure: `it has the share \`${join(view.slice(share.start, share.end))}\`, but the words after it are too many to name what is counted` };
  const verb = tokens.findIndex((token, position) => position > 0 && SHARE_VERBS.test(token.lower) && !quoted.has(token));
  const populationText = metricText(verb > 0 ? tokens.slice(0, verb) : tokens);
  const doing = verb > 0 ? join(tokens.slice(verb).filter((token) => !words('should must will shall would can could').has(token.lower))) : '';
  if (!populationText) return { unsure: `it has the share \`${join(view.slice(share.start, share.end))}\` but says not of what` };
  // "Refund requests stay below 1% of orders": what is counted comes first, the population after "of".
  const colon = view.slice(0, share.start).map((token) => token.text).lastIndexOf(':');
  const counted = metricText(view.slice(colon + 1, share.start).filter((token, index) => !clause.used[colon + 1 + index] && !MODALS.has(token.lower)));
  // "Healthy (< 70% of budget used)": a share inside brackets is the band of the name before them.
  const before = clause.tokens.slice(colon + 1, share.start);
  const bracketed = before.filter((token) => token.text === '(').length > before.filter((token) => token.text === ')').length;
  if (!doing && counted && op && !bracketed && tokens.length <= 3 && !rest.some(({ token }) => token.kind === 'number')) {
    for (let index = colon + 1; index < share.start; index++) if (view[index]?.kind === 'word') clause.used[index] = true;
    for (const { index } of rest) clause.used[index] = true;
    return clause.finish([blank(`${counted} as a share of ${populationText}`, op, share.value, '%')]);
  }
  if (!doing && populationText.split(' ').length === 1) return { unsure: `it has \`${join(view.slice(share.start, share.end))} of ${population?.text ?? ''}\` but says not what they must do` };
  const numbers = rest.filter(({ token, index }) => token.kind === 'number' && !isIdentifierNumber(view, index)).map(({ token }) => token);
  if (numbers.length > 0) return { unsure: leftoverReason(numbers) };
  for (const { index } of rest) clause.used[index] = true;
  const metric = doing ? `${populationText} that ${doing.replace(/^(?:are|is|be) /, 'are ')}` : populationText;
  if (low !== null) return clause.finish([{ ...blank(metric, 'between', low, '%'), upper: share.value }]);
  const comparator: Op = op ?? (share.value === 0 || share.value === 100 ? '=' : '>=');
  const notes = op ? [] : [share.value === 0 || share.value === 100 ? `Read as exactly ${share.value}%.` : `Read as at least ${share.value}%: a share that must be reached.`];
  return clause.finish([blank(metric, comparator, share.value, '%')], notes);
}
