/** Reads one clause: the threshold, what qualifies it, and the metric. */
import { Clause } from './clause.ts';
import { baselineNameEnd } from './finders/baseline.ts';
import { comparisonAt, statesThreshold } from './finders/comparison.ts';
import { findDeadline } from './finders/deadline.ts';
import { findQualifiers } from './finders/qualifiers.ts';
import { findThreshold } from './finders/threshold.ts';
import { BASELINE_NAMES, CONDITIONS, DEFINING, INTROS, MODALS, NEGATIONS, NUMBER_WORDS, OUTCOMES, PERIOD_LINKS, SYMBOL_COMPARATORS, words } from './lexicon.ts';
import { GRAVE_EVENTS, LINGERING } from './lexicon-counts.ts';
import { joinTokens as join } from './metric-text.ts';
import { numberAt, quantityAt } from './quantity.ts';
import { readAgainstBaseline } from './readers/against-baseline.ts';
import { readChangeTo } from './readers/change-to.ts';
import { readComparison } from './readers/comparison.ts';
import { readValue } from './readers/no-comparison.ts';
import { readQuantifier } from './readers/quantifier.ts';
import { readShare } from './readers/share.ts';
import type { ClauseContext, ClauseResult } from './reading.ts';
import { bracketedClaim, claimProblem } from './refiners/bracketed-criterion.ts';
import type { Token } from './tokenize.ts';
import { unitOf } from './units.ts';

/**
 * "… after 30 days" ending an exit criterion: when the figure is taken, kept in the name as "by month 3" is, not a
 * condition. Under a trigger "> 2% after 1 hour" says it persists; "Tickets unresolved ≤ 10 after 5 days" counts those open that long.
 */
function endsOnPeriod(all: readonly Token[], index: number, context: ClauseContext): boolean {
  if (context.kind !== 'exit' || all.some((token) => LINGERING.has(token.lower))) return false;
  const due = all[index]?.lower === 'after' ? findDeadline(all.slice(index - 1)) : null;
  return due !== null && due.start === 1 && all.slice(index - 1 + due.end).every((token) => token.kind === 'symbol');
}

/**
 * A clause with what only sets its scene set apart: a condition after the threshold ("… if traffic >
 * 1,000 rps"), which makes the reading unsure; a definition (", as measured by …") and an outcome
 * before "if" ("The deployment is successful if …"), which are told; an opening before a comma.
 */
function openClause(all: Token[], context: ClauseContext): Clause {
  // "than before the pilot" names a baseline, not a condition.
  // ", as measured over 30 days" gives the window, read as ", measured over 30 days" is.
  const defines = (index: number) => all[index]?.lower === 'as' && all[index - 1]?.text === ',' && DEFINING.has(all[index + 1]?.lower ?? '') && !PERIOD_LINKS.has(all[index + 2]?.lower ?? '');
  const conditionAt = all.findIndex(
    (token, index) =>
      index > 0 &&
      (CONDITIONS.has(token.lower) || defines(index)) &&
      !words('than from vs vs. versus to with above below under over').has(all[index - 1]?.lower ?? '') &&
      !endsOnPeriod(all, index, context) &&
      statesThreshold(all.slice(0, index)),
  );
  let tokens = conditionAt > 0 ? all.slice(0, conditionAt) : all;
  const set: Array<{ tokens: Token[]; note: string; told: boolean }> = [];
  const firstNumber = tokens.findIndex((token, index) => token.kind === 'number' || numberAt(tokens, index) !== null);
  const opening = tokens.findIndex(
    (token, index) => index > 0 && index < firstNumber && ['if', 'when', 'whenever', 'once'].includes(token.lower) && tokens.slice(0, index).some((each) => OUTCOMES.has(each.lower)),
  );
  if (opening > 0) {
    set.push({ tokens: tokens.slice(0, opening + 1), note: `Read what follows \`${join(tokens.slice(0, opening + 1))}\`.`, told: true });
    tokens = tokens.slice(opening + 1);
  }
  // "In the default scheduler, …", "As a starting point, …": an opening phrase before a comma sets the scene.
  const comma = tokens.findIndex((token) => token.text === ',');
  const intro = comma > 0 ? tokens.slice(0, comma) : [];
  if (comma > 0 && INTROS.has(intro[0]?.lower ?? '') && !intro.some((token, index) => token.kind === 'number' || token.text === '(' || comparisonAt(intro, index))) {
    set.push({ tokens: intro, note: `Ignored the opening \`${join(intro)}\`.`, told: false });
    tokens = tokens.slice(comma + 1);
  }
  // A definition of the metric is told, as metrics.yaml would define it; a condition cannot be read.
  const definition = conditionAt > 0 && (defines(conditionAt) || (all[conditionAt]?.lower === 'where' && all.slice(conditionAt).some((token) => DEFINING.has(token.lower))));
  if (conditionAt > 0) set.push({ tokens: all.slice(conditionAt), note: `Ignored the ${definition ? 'definition' : 'condition'} \`${join(all.slice(conditionAt))}\`.`, told: definition });
  // ", as measured by the p99", ", as measured per 1,000 customers", "…, as measured in the treatment arm": a definition that
  // names a statistic, a number, a rate or a scope changes what is compared; only one naming a source ("by Datadog") is told.
  // A formula ("as measured by the number of errors divided by the total …") is told; what comes first says which it is.
  const defined = all.slice(conditionAt);
  const verb = defined.findIndex((token) => DEFINING.has(token.lower));
  const telling = definition && defined.find((token, index) => token.kind === 'number' || (index > verb && index <= verb + 4 && DEFINITION_CONTENT.test(token.lower)));
  const clause = new Clause(tokens, context);
  clause.asideProblem = joinedEvent(tokens, context);
  if (telling)
    clause.asideProblem = `the definition \`${join(all.slice(conditionAt))}\` holds \`${telling.text}\`, which changes what is compared; write it into the criterion, such as "p99 latency < 300 ms over 7 days"`;
  for (const each of set)
    if (each.told) clause.setAside(each.tokens, each.note);
    else clause.setCondition(each.tokens, each.note);
  return clause;
}

/** "Network outage and > 5% error rate": an event with no figure joined to a threshold, which one name would swallow. */
function joinedEvent(tokens: readonly Token[], context: ClauseContext): string | null {
  let joined = false;
  for (const token of tokens) joined ||= token.lower === 'and' || token.lower === 'or' || token.text === '&';
  if (!joined) return null;
  // "Network outage and > 5% error rate"; "Network outage and error rate > 5%", "Go-live and error rate < 1%": an event first.
  const event = (list: readonly Token[]) => list.some((token) => EVENTS.has(token.lower));
  const joint = tokens.findIndex((token, index) => ['and', 'or', '&'].includes(token.lower) && (SYMBOL_COMPARATORS[tokens[index + 1]?.text ?? ''] !== undefined || event(tokens.slice(0, index))));
  const before = tokens.slice(0, Math.max(joint, 0));
  if (joint <= 0 || !before.some((token) => token.kind === 'word') || before.some((token) => token.kind === 'number' || SYMBOL_COMPARATORS[token.text] !== undefined)) return null;
  if (!statesThreshold(tokens.slice(joint + 1))) return null;
  return `\`${tokens[joint]?.text}\` joins \`${join(before)}\`, which has no figure, to a threshold; write each as a bullet of its own, such as "${join(before)} ${context.kind === 'rollback' ? '≥ 1' : '= 0'}"`;
}

// Events that happen rather than measure: before "and" and a threshold, a condition of their own.
const EVENTS = new Set([...GRAVE_EVENTS, ...words('go-live golive cutover launch failover')]);

// Words of a definition that change what is compared: a statistic, a rate, a span, a scope, a moment.
const DEFINITION_CONTENT =
  /^(?:p\d{1,2}(?:\.\d+)?|percentiles?|median|mean|average|max|maximum|min|minimum|peak|total|per|every|each|daily|weekly|hourly|monthly|nightly|over|in|during|within|at|across|excluding|including|only|day|week|month|days|weeks|months)$/;

/** How many tokens after a number spell its percent sign: `%`, `percent`, `pct`, `per cent`; 0 for none. */
function percentSign(view: readonly Token[], number: number): number {
  const next = view[number + 1];
  if (next?.text === '%' || next?.lower === 'percent' || next?.lower === 'pct') return 1;
  return next?.lower === 'per' && view[number + 2]?.lower === 'cent' ? 2 : 0;
}

/** "at least 85% of enrolled clinics submit a claim", "Between 30% and 50% of freed slots …", "95 per cent of …": a share of a population. */
function readShareAt(clause: Clause, view: readonly Token[]): ClauseResult | null {
  const shareAt = view.findIndex((token, index) => {
    const sign = percentSign(view, index);
    const after = index + 1 + sign;
    return (
      token.kind === 'number' &&
      sign > 0 &&
      // "80%+ of cleaning staff": a share with its "at least" after the sign.
      (view[after]?.lower === 'of' || (view[after]?.text === '+' && view[after + 1]?.lower === 'of')) &&
      !['within', '±'].includes(view[index - 1]?.lower ?? '') &&
      !BASELINE_NAMES.test(view[after + 1]?.lower ?? '') &&
      !BASELINE_NAMES.test(view[after + 2]?.lower ?? '')
    );
  });
  const share = shareAt >= 0 ? quantityAt(view, shareAt) : null;
  if (!share) return null;
  // "at least 85% of …": the comparison that ends where the share starts.
  const leadAt = [5, 4, 3, 2, 1].map((back) => shareAt - back).find((index) => index >= 0 && comparisonAt(view, index)?.end === shareAt);
  if (leadAt !== undefined) clause.use(leadAt, shareAt);
  // "stay below 1% of orders": the modal before the comparison is the comparison's.
  let modal = leadAt ?? shareAt;
  while (modal > 0 && (MODALS.has(view[modal - 1]?.lower ?? '') || NEGATIONS.has(view[modal - 1]?.lower ?? '')) && !clause.used[modal - 1]) modal--;
  if (leadAt !== undefined) clause.place(modal, shareAt, 'comparison');
  // "between 30% and 50% of", "between 30 per cent and 50 per cent of": the low end with its own sign.
  const lowAt = [3, 4].map((back) => shareAt - back).find((index) => view[index]?.kind === 'number' && percentSign(view, index) === shareAt - index - 2) ?? -1;
  const range = lowAt > 0 && view[lowAt - 1]?.lower === 'between' && view[shareAt - 1]?.lower === 'and';
  if (range) clause.use(lowAt - 1, shareAt);
  if (range) clause.place(lowAt - 1, shareAt, 'comparison');
  const plus = view[share.end - 1]?.text === '+' ? '>=' : null;
  return readShare(clause, share, leadAt === undefined ? plus : (comparisonAt(view, leadAt)?.op ?? null), range ? (view[lowAt]?.value ?? null) : null);
}

/**
 * A comparison sign before a word that names a level ("≥ baseline", "> SLO", "≤ budget") where more of the
 * clause follows: the number after it would be read as the threshold, with the level glued into the name.
 */
function namedLevel(view: readonly Token[]): string | null {
  // A spaced word after a sign other than "=": "result=error" and "<br>" are code and markup.
  const level = (token: Token | undefined) => token?.kind === 'word' && token.spaced && NUMBER_WORDS[token.lower] === undefined && !unitOf(token.lower);
  const at = view.findIndex((token, index) => token.text !== '=' && SYMBOL_COMPARATORS[token.text] !== undefined && level(view[index + 1]));
  if (at < 0) return null;
  const first = view[at + 1]?.lower === 'the' ? at + 2 : at + 1;
  const name = baselineNameEnd(view, first);
  return view.slice(name).some((token) => token.kind !== 'symbol') ? join(view.slice(at, name)) : null;
}

/** A reader's result, or null with the words it placed taken back: a reader that gives up leaves no word accounted for. */
function attempt(clause: Clause, read: () => ClauseResult | null): ClauseResult | null {
  const before = new Set(clause.placed.keys());
  const result = read();
  if (!result) for (const start of clause.placed.keys()) if (!before.has(start)) clause.placed.delete(start);
  return result;
}

/** Reads one clause: the threshold, what qualifies it, and the metric, by the reader for its form. */
export function readClause(all: Token[], context: ClauseContext, keepAsides = false): ClauseResult {
  const clause = openClause(all, context);
  findQualifiers(clause, keepAsides);
  const changeTo = attempt(clause, () => readChangeTo(clause, clause.free()));
  if (changeTo) return changeTo;
  const share = attempt(clause, () => readShareAt(clause, clause.free()));
  if (share) return share;
  const named = namedLevel(clause.free());
  if (named) return { unsure: `\`${named}\` compares with a level named in words, beside other figures; write it as a bullet of its own, such as \`error rate ≤ baseline\`` };
  const threshold = findThreshold(clause, clause.free());
  if (threshold && 'unsure' in threshold) return threshold;
  if (threshold) return readComparison(clause, threshold, context);
  const value = attempt(clause, () => readValue(clause, clause.free(), context));
  if (value) return value;
  const against = attempt(clause, () => readAgainstBaseline(clause, clause.free()));
  if (against) return against;
  const quantified = readQuantifier(clause);
  // No threshold outside brackets: "negligible impact (<5%)" has it inside.
  if (!('criteria' in quantified) && !keepAsides && clause.notes.some((note) => note.startsWith('Ignored the aside'))) {
    // "Conversion drop (< 3%)", "Data breach (> 0)" as an exit criterion: the words outside say which side the figure is.
    const bracketed = bracketedClaim(all);
    const claim = bracketed ? claimProblem(bracketed.before, context.kind) : null;
    return claim ? { unsure: claim } : readClause(all, context, true);
  }
  return quantified;
}
