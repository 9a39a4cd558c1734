/** Asides that say nothing the reading must hold: a reference to read more, or a nought said again after "No" or "Zero". */
import type { Clause } from '../clause.ts';
import { joinTokens as join } from '../metric-text.ts';
import type { Token } from '../tokenize.ts';
import { findPercentile } from './percentile.ts';

// Words beside a figure in brackets that make it a target, a history or a span.
const TIMING = new Set([
  'target',
  'goal',
  'rpo',
  'rto',
  'slo',
  'sla',
  'from',
  'in',
  'over',
  'within',
  'rolling',
  'last',
  'down',
  'up',
  'per',
  'since',
  'prev',
  'previous',
  'previously',
  'was',
  'before',
]);

/** "(see `RUNBOOK.md` §2)", "(cf. the SLO page)": where to read more, told and never part of the name. */
export function referred(clause: Clause, inner: readonly Token[], open: number, close: number): boolean {
  if (!['see', 'cf', 'cf.', 'ref', 'ref.', 'refer', 'details'].includes(inner[0]?.lower ?? '')) return false;
  clause.setAside(inner, `Ignored the reference \`(${join(inner)})\`.`);
  clause.use(open, close + 1);
  return true;
}

/**
 * After "No" or "Zero": "(0)" anywhere says the figure again; any other figure or definition in brackets ("(0 in 30 days)",
 * "(last pilot had 2)", "(P1 = customer-facing outage)") may narrow, time or count what is counted, and is refused.
 * "No Sev (1) defects": a code inside the name stays in it.
 */
export function restated(clause: Clause, inner: readonly Token[], open: number, close: number): boolean {
  const { tokens } = clause;
  if (!tokens.slice(0, open).some((token) => ['zero', 'no', 'none'].includes(token.lower))) return false;
  const nought = inner.length === 1 && inner[0]?.text === '0';
  const last = tokens.slice(close + 1).every((token) => token.kind === 'symbol');
  // "(0 in 30 days)", "(3 last quarter)", "(last pilot had 2)", "(P1 = …)"; "(WCAG 2.1 AA)" names a standard.
  // "(target 0)", "(RPO 0)", "(down from 3)", "(in 30 days)" too; "(WCAG 2.1 AA)" names a standard.
  const timed = inner.some((token) => TIMING.has(token.lower)) && inner.some((token) => token.kind === 'number');
  const figured = inner[0]?.kind === 'number' || timed || inner.some((token) => token.text === '=' || token.lower === 'had');
  if (!nought && !(figured && (last || inner.length > 1))) return false;
  clause.setAside(inner, `Ignored the aside \`(${join(inner)})\`.`);
  if (!nought)
    clause.asideProblem ??= `the aside \`(${join(inner)})\` after none may narrow, time or count what is counted; write the count alone, such as "P1 incidents = 0", or its span in words, such as "over 30 days"`;
  clause.use(open, close + 1);
  return true;
}

/** "Revenue ≥ 500 ($k)", "(in thousands)": the unit or scale of the figure, told apart from it, which the reading would drop. */
export function scaled(clause: Clause, inner: readonly Token[], open: number, close: number): boolean {
  const money = inner.some((token) => ['$', '€', '£', '¥', '₹'].includes(token.text));
  const scale = inner.some((token) => /^(?:k|m|mm|bn|thousands?|millions?|billions?|000s)$/i.test(token.text));
  // Before the figure, "Cost per order ($) < 2" gives the label's unit, which the reading keeps.
  const after = clause.tokens.slice(0, open).some((token) => token.kind === 'number');
  if (inner.length > 3 || !(money || scale) || !after || inner.some((token) => token.kind === 'number')) return false;
  clause.setAside(inner, `Ignored the aside \`(${join(inner)})\`.`);
  clause.asideProblem ??= `the aside \`(${join(inner)})\` gives the unit or the scale of the figure, which the reading would drop; write it with the figure, such as "$500k"`;
  clause.use(open, close + 1);
  return true;
}

/** "< 1% (p50 of daily values)", "(median)", "(7-day average)": the statistic compared, told apart, which the reading would drop. */
export function statistic(clause: Clause, inner: readonly Token[], open: number, close: number): boolean {
  const after = clause.tokens.slice(0, open).some((token) => token.kind === 'number');
  // "(p95)", "(median)", "(95th percentile)" alone are the percentile finder's, which the reading keeps.
  const alone = findPercentile(inner);
  if (alone !== null && alone.end - alone.start === inner.length) return false;
  if (!after || inner.length < 3 || !inner.some((token) => /^(?:p\d{2}(?:\.\d+)?|median|average|mean|avg|percentile)$/i.test(token.text))) return false;
  clause.setAside(inner, `Ignored the aside \`(${join(inner)})\`.`);
  clause.asideProblem ??= `the aside \`(${join(inner)})\` names the statistic compared, which the reading would drop; write it before the name, such as "p50 of daily error rate < 1%"`;
  clause.use(open, close + 1);
  return true;
}

/** "Median p95 latency", "Average wait time at p90", "p95 latency at p99": two statistics of one figure. */
export function checkStatistics(clause: Clause): void {
  const statistics = clause.tokens.filter((token) => /^(?:p\d{2}(?:\.\d+)?|median|average|mean|avg|percentile|max|maximum|minimum)$/i.test(token.text)).length;
  if (statistics > 1) clause.asideProblem ??= 'it names two statistics of one figure (a percentile with another, or with an average); write one of them';
}
