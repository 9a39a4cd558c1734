/** Why words left in a reading's name change what it says: a negation, a projection, a quantifier, an average held, a list. */
import type { ParsedCriterion } from '../reading.ts';
import type { Token } from '../tokenize.ts';

// "wasn't above", "hasn't dropped below": a negation just before the comparison, which it did not take. Inside the
// name ("users who can't log in") it is what is counted.
const NEGATED = /\b\w+n['’]t$/i;
// "on track to exceed", "heading above", "at risk of exceeding": where it is going, not where it is. "Tracking" and
// "trending" only just before the comparison ("Spend tracking above $50,000"): "Order tracking latency" names a page.
const PROJECTED = /\b(?:on track|heading|headed|at risk|on pace|trajectory|on course)\b|\b(?:tracking|trending)$/i;
// "A majority of users", "nearly all orders": a share in words, which the name would swallow.
const QUANTIFIED = /\b(?:majority|minority|nearly all|almost all|virtually all|practically all|most of|bulk of)\b/i;
// "averages above 2% for 10 minutes": the average over the span, or the average held the whole time?
const AVERAGING = /\b(?:averages|averaging)\b/i;
// What a first clause's scope may be ("Checkout error rate", "EU error rate", "Sev-1 response") and what a second,
// bare, measures: "… and latency under 300 ms".
const SCOPES = new Set([
  'checkout',
  'payments',
  'payment',
  'search',
  'login',
  'eu',
  'us',
  'uk',
  'mobile',
  'web',
  'ios',
  'android',
  'api',
  'sev-1',
  'sev1',
  'p1',
  'p0',
  'sev-2',
  'cart',
  'pilot',
  'canary',
]);
const BARE_MEASURES = new Set([
  'latency',
  'error rate',
  'success rate',
  'availability',
  'uptime',
  'throughput',
  'resolution',
  'response',
  'resolution time',
  'response time',
  'crash rate',
  'conversion',
]);
// Headings of a healthy state: under the triggers, what they describe is all well.
const HEALTHY = ['expected', 'typical', 'steady', 'baseline'];

/** The first reason a reading's name, or the list it is under, makes the reading another criterion than the one written. */
export function nameWordProblem(criteria: readonly ParsedCriterion[], written: readonly Token[], kind: 'exit' | 'rollback'): string | null {
  for (const { metric, window } of criteria) {
    const negated = NEGATED.exec(metric)?.[0];
    if (negated) return `\`${negated}\` turns the comparison round; write the level that must hold without it, such as "error rate ≤ 1%"`;
    const projected = PROJECTED.exec(metric)?.[0];
    if (projected) return `\`${projected}\` says where \`${metric.replace(PROJECTED, '').trim()}\` is going, not where it is; write the level it must not pass now`;
    const quantified = QUANTIFIED.exec(metric)?.[0];
    if (quantified) return `\`${quantified}\` is a share in words; write it as a percentage, such as "at least 90% of …"`;
    if (window?.kind === 'sustained' && AVERAGING.test(metric))
      return `\`${AVERAGING.exec(metric)?.[0]}\` with \`${window.text}\` may take the average over the span or hold it the whole time; write "averaged over …" or "for …"`;
  }
  const colon = written.findIndex((token) => token.text === ':');
  const heading = colon === 1 ? written[0]?.lower : undefined;
  if (kind === 'rollback' && heading && HEALTHY.includes(heading)) return `\`${written[0]?.text}:\` describes the healthy state, which a trigger must not fire on; write the level that is a fault`;
  // "CPU, memory and disk below 80%", "Both iOS and Android crash rate below 1%": a limit for each, not one pooled figure.
  if (criteria.length !== 1 || (criteria[0]?.comparator === '=' && criteria[0]?.value === 0)) return null;
  // "No downtime, data loss or errors" is left out above: none of any is none of each.
  let comma = false;
  let joined = false;
  for (const token of written) {
    if (token.kind === 'number') break;
    comma ||= token.text === ',';
    joined ||= token.lower === 'and' || token.lower === 'or';
  }
  if ((comma && joined) || written[0]?.lower === 'both') return 'it names several measures before one limit; write a bullet for each, or one clause each with its own limit';
  return null;
}

/**
 * "Checkout error rate under 1% and p95 latency under 400 ms": the second clause may share the first one's scope
 * (checkout latency) or measure everything; a bare measure after a scoped one is read neither way.
 */
export function sharedScopeProblem(criteria: readonly ParsedCriterion[]): string | null {
  const [first, ...others] = criteria;
  const scope = first?.metric.split(' ') ?? [];
  if (scope.length < 2 || !SCOPES.has(scope[0]?.toLowerCase() ?? '')) return null;
  const bare = others.find(
    (criterion) =>
      !criterion.metric
        .toLowerCase()
        .split(' ')
        .includes(scope[0]?.toLowerCase() ?? '') && BARE_MEASURES.has(criterion.metric.toLowerCase()),
  );
  return bare ? `\`${bare.metric}\` may be ${scope[0]}'s, as \`${first?.metric}\` is, or everything's; write the scope in each clause, such as "${scope[0]} ${bare.metric}"` : null;
}
