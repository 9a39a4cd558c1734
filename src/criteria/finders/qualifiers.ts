/** Finds what qualifies any threshold in a clause: asides in brackets, percentile, window, sequence, check cadence. */
import type { Clause } from '../clause.ts';
import { isIdentifierNumber } from '../identifier-number.ts';
import { COMPARING, GO_DECISIONS, LABEL_DIRECTIONS, STOP_DECISIONS, words } from '../lexicon.ts';
import { joinTokens as join } from '../metric-text.ts';
import { quantityAt, unitAt } from '../quantity.ts';
import type { Found, WordPart } from '../reading.ts';
import type { Token } from '../tokenize.ts';
import { isTimeUnit, TIME_NAMES, unitOf } from '../units.ts';
import { findDeadline } from './deadline.ts';
import { findLeadingWindow } from './leading-window.ts';
import { findPercentile } from './percentile.ts';
import { findScale } from './scale.ts';
import { findSequence } from './sequence.ts';
import { checkStatistics, referred, restated, scaled, statistic } from './told-asides.ts';
import { durationAt, findWindow, isAnchored } from './window.ts';
import { checkAsideWindow, windowAside } from './window-aside.ts';

/** Marks what a finder found as used and placed in `part`, and gives it back. */
function taken<T>(clause: Clause, found: Found<T> | null, part: WordPart): Found<T> | null {
  if (found) clause.use(found.start, found.end);
  if (found) clause.place(found.start, found.end, part);
  return found;
}

// Words that open an aside telling an earlier figure: "(from 41)", "(was 12%)".
const HISTORY = words('from was were currently today baseline previously');
const VERSUS = words('vs vs. versus');
// Words that open an aside holding a second claim, or narrowing what is counted, rather than a remark.
const CLAIM_OPENERS = words('and or nor but plus also excluding including except with without only ex excl exc incl inc');

/** An aside set apart from the reading, told with a note; one that holds a figure or a claim of its own makes the reading unsure. */
function setAside(clause: Clause, inner: readonly Token[]): void {
  // "<10 (from 41)", "(current baseline: 99.2%)", "(baseline: 1.2s)": where the figure stood before is told, not compared.
  const said = inner.filter((token) => token.text !== ':');
  const opener = said[0]?.lower === 'current' && HISTORY.has(said[1]?.lower ?? '') ? 1 : 0;
  const figure = quantityAt(said, opener + 1, false);
  // "(from 5 minutes)" may be a span; a unit comes only with a figure named as the baseline or where things stand.
  const standing = figure?.unit === null || figure?.unit === '%' || !['from', 'was', 'were'].includes(said[opener]?.lower ?? '');
  // "(vs 94% with PayPal)", "(vs 2% today)": the figure it is set against, told as where things stand.
  const against = VERSUS.has(said[0]?.lower ?? '') && said[1]?.kind === 'number' && figure !== null && figure.upper === null;
  if ((HISTORY.has(said[opener]?.lower ?? '') && said[opener + 1]?.kind === 'number' && figure?.end === said.length && figure.upper === null && standing) || against) {
    clause.setAside(inner, `Ignored the earlier figure \`(${join(inner)})\`.`);
    return;
  }
  clause.setAside(inner, `Ignored the aside \`(${join(inner)})\`.`);
  // "(Sev 2+)", "(P1 or P2)": a severity or a code narrows what is counted, so it is no remark either.
  const narrowing = (token: Token) => token.text === '+' || /^[a-z]{1,4}\d+\+?$/i.test(token.text);
  if (inner.some((token) => token.kind === 'number' || narrowing(token))) clause.numberedAside ??= `(${join(inner)})`;
  // "(and consistent with the old page)", "(no worse than today)": a second condition, not a remark.
  const each = ['all', 'each', 'every'].includes(inner[0]?.lower ?? '') && CLAIM_OPENERS.has(inner[1]?.lower ?? '');
  if (each || CLAIM_OPENERS.has(inner[0]?.lower ?? '') || inner.some((token) => COMPARING.has(token.lower) || ['only', 'except', 'excluding'].includes(token.lower)))
    clause.claimAside ??= `(${join(inner)})`;
}

/** "(rollback)", "(go)", "(trigger)": a bracket that says what the criterion decides is told, never part of the name. */
function decides(clause: Clause, inner: readonly Token[], open: number, close: number): boolean {
  const shown = `(${join(inner)})`;
  const stops = inner.length > 0 && inner.every((token) => STOP_DECISIONS.has(token.lower) || token.lower === 'trigger');
  const goes = inner.length > 0 && inner.every((token) => GO_DECISIONS.has(token.lower));
  // "(approx.)", "(estimate)", "(soft gate)": the figure is not one to hold the plan to.
  const hedged =
    inner.some((token) => HEDGES.has(token.lower.replace(/\.$/, ''))) ||
    /\b(?:to be confirmed|to be agreed|to confirm|may change|pending|best effort|for discussion|under discussion|working assumption|needs validation|open question|not blocking|non-blocking|kpi only|noch offen|zu klären|a ser confirmado|last year's figure|benchmark|industry average)\b|à valider|^\?$/i.test(
      join(inner),
    );
  // "(warning)", "(alert only)", "(investigate)": a bullet that does not gate says so.
  const informs =
    (inner.length <= 3 &&
      inner.some((token) => ['warning', 'warn', 'alert', 'investigate', 'informational', 'informative', 'fyi', 'advisory', 'non-blocking', 'non-gating', 'guidance'].includes(token.lower))) ||
    /\bnot a gate\b/i.test(join(inner));
  // "(vs baseline)": the figure is a change from a baseline the words before it do not say.
  // "(vs 94% with PayPal)" gives the figure it is set against, which the aside tells.
  const figured = VERSUS.has(inner[0]?.lower ?? '') && inner[1]?.kind === 'number';
  const versus = (!figured && inner.some((token) => VERSUS.has(token.lower))) || (inner.length <= 2 && inner.some((token) => token.lower === 'baseline'));
  // "Error rate > 2% (P1)", "(critical)" after a trigger's threshold: how severe the trigger is, or a narrowing of what is
  // counted; after an exit criterion's it narrows ("Resolution time < 24 hours (Sev 2)").
  const severity =
    clause.context.kind === 'rollback' &&
    clause.tokens.slice(0, open).some((token) => token.kind === 'number') &&
    /^(?:p[0-4]|sev ?\d|sev-\d|severity \d|critical|major|minor|high|low|hard|severe)$/i.test(join(inner));
  // "(relative)", "(absolute)": the kind of a change, where no change is written or its baseline is left out.
  const changeKind = inner.length === 1 && ['relative', 'absolute'].includes(inner[0]?.lower ?? '');
  const sustained = inner.length === 1 && ['sustained', 'persistent', 'persisting', 'consistently', 'ongoing', 'steady', 'stable', 'maintained'].includes(inner[0]?.lower ?? '');
  const kind = clause.context.kind;
  const misplaced = (stops && kind === 'exit') || (goes && kind === 'rollback');
  // Why the aside makes the reading unsure, the first that applies; none for a tag that only says what the bullet decides.
  const reasons: ReadonlyArray<readonly [boolean, string]> = [
    [severity, 'may say how severe the trigger is or narrow what is counted; write it in the name ("P1 error rate") or drop it'],
    [changeKind, 'says what kind of change, but the reading cannot hold it; write "≥ 3 points above baseline" or "≥ 3% above baseline"'],
    [sustained, 'says it must last, but not for how long; write the time, such as "for 10 minutes"'],
    [misplaced, `says it belongs under the ${kind === 'exit' ? 'rollback triggers' : 'exit criteria'}; move it there`],
    [informs, 'says it warns rather than decides; move it out of the list, or drop the aside'],
    [hedged, 'says the figure is not firm; write the threshold the plan holds to'],
  ];
  const found = reasons.find(([applies]) => applies);
  const reason = found ? `the aside \`${shown}\` ${found[1]}` : null;
  // The name keeps "(vs manual review)"; the reading checks later that it names a change.
  if (versus) clause.versusAside = shown;
  if (reason === null && !stops && !goes && !inner.every((token) => ['gate', 'blocker', 'blocking'].includes(token.lower))) return false;
  clause.setAside(inner, `Ignored the aside \`${shown}\`.`);
  clause.use(open, close + 1);
  if (reason !== null) clause.asideProblem = reason;
  return true;
}

// Words in brackets that say a figure is not firm.
// "(soglia da definire)", "(a definir)": a threshold still to be set, in Italian, Spanish, Portuguese, French and German.
const HEDGES = words(
  'approx approximately estimate estimated est provisional tentative soft indicative roughly about subject tbc tbd draft preliminary placeholder proposed ideally provvisorio provisoria awaiting wip ballpark guess guessed ca circa environ entwurf borrador rascunho bozza tahmini taslak geçici orientativo estimativa estimación geschätzt estimado stimato aproximado indicativo indicatif brouillon richtwert ungefähr rough strawman assumed assumption assumptions unvalidated suggested initial tentatively thinking definire definir définir definieren confermare confirmar confirmer vorläufig provisorisch provisoire provisorio provisório',
);

/** "Error rate (EU and US) below 1%": an aside before the threshold that narrows what is measured, which the reading would drop. */
function scopesBefore(clause: Clause, inner: readonly Token[], before: boolean): void {
  // "(orders, shipments, invoices)", "(i.e., …)" only give examples or a definition.
  const scopes = inner.some((token) => words('and or all both each every only excluding except without not').has(token.lower)) && !/^(?:i\.?e|e\.?g|such|incl|including)\b/i.test(inner[0]?.text ?? '');
  if (before && scopes)
    clause.asideProblem ??= `the aside \`(${join(inner)})\` before the threshold narrows what is measured; put its words in the name, such as "error rate in the EU and the US < 1%"`;
}

/**
 * Whether an aside is settled before any other look: a unit, a direction or a percentile for the label ("(ms)", "(p95)"),
 * or an aside that is told or refused whole (a scale, a statistic, a decision, a reference, a nought said again).
 */
function settled(clause: Clause, inner: readonly Token[], open: number, close: number): boolean {
  const { tokens } = clause;
  const percentileInside = findPercentile(inner);
  const labelLike =
    (inner.length === 1 && (unitOf(inner[0]?.lower ?? '') || LABEL_DIRECTIONS[inner[0]?.lower ?? ''] || /^p\d{2}/i.test(inner[0]?.text ?? ''))) ||
    (tokens[open - 1]?.lower === 'p' && !tokens[open]?.spaced) ||
    (percentileInside !== null && percentileInside.end - percentileInside.start === inner.length);
  return (
    scaled(clause, inner, open, close) ||
    statistic(clause, inner, open, close) ||
    Boolean(labelLike) ||
    decides(clause, inner, open, close) ||
    windowAside(clause, inner, open, close) ||
    referred(clause, inner, open, close) ||
    restated(clause, inner, open, close)
  );
}

/** Asides in brackets ("(< 100 policies)", "(i.e. …)") qualify the text; a unit, direction or percentile in brackets is a label's. */
function findAsides(clause: Clause, keepAsides: boolean): void {
  const { tokens } = clause;
  for (let index = 0; index < tokens.length; index++) {
    if (tokens[index]?.text !== '(') continue;
    const close = tokens.findIndex((token, at) => at > index && token.text === ')');
    if (close < 0) break;
    const inner = tokens.slice(index + 1, close);
    if (settled(clause, inner, index, close)) {
      index = close;
      continue;
    }
    // A short qualifier in brackets is part of the name: "accessibility violations (serious)", "throttled requests (429)".
    const firstNumber = tokens.findIndex((token, at) => token.kind === 'number' && (at < index || at > close));
    const code = inner.length === 1 && inner[0]?.kind === 'number' && /^\d+$/.test(inner[0].text);
    // "(Sev 2)", "(P2)": a severity's number names which issues are counted, as a word would.
    const named = (token: Token, at: number) => token.kind === 'word' || (token.kind === 'number' && isIdentifierNumber(inner, at));
    // "<3 defects open (with workarounds)" may narrow what is counted or state what each must have; "(with cache)"
    // after a measure narrows it.
    const counts = firstNumber >= 0 && quantityAt(tokens, firstNumber)?.unit === null;
    const states = counts && (inner[0]?.lower === 'with' || (['all', 'each', 'every'].includes(inner[0]?.lower ?? '') && inner[1]?.lower === 'with'));
    // "First→repeat conversion (60d)", "Repeat rate (30-day)": the span that names which figure, as "30-day" before a noun.
    const span = durationAt(inner, 0)?.end === inner.length || (inner.length === 3 && inner[1]?.text === '-' && durationAt([inner[0] as Token, inner[2] as Token], 0)?.end === 2);
    const qualifier = (inner.length <= 2 || span) && (code || span || inner.every(named)) && !keepAsides && (firstNumber < 0 || close < firstNumber) && !states;
    if (qualifier) {
      index = close;
      continue;
    }
    // A short aside of words after the threshold narrows what is counted: "≥ 92% (no assist required)" keeps it in the name.
    const narrows =
      !keepAsides &&
      !states &&
      close > firstNumber &&
      firstNumber >= 0 &&
      inner.length > 0 &&
      inner.length <= 6 &&
      inner.every((token, at) => named(token, at) || token.text === ',' || token.text === '/');
    if (narrows) {
      clause.nameAside ??= `(${join(inner)})`;
      clause.use(index, close + 1);
      index = close;
      continue;
    }
    if (keepAsides) {
      clause.use(index, index + 1);
      clause.use(close, close + 1);
      continue;
    }
    scopesBefore(clause, inner, close < firstNumber);
    setAside(clause, inner);
    clause.use(index, close + 1);
  }
}

/** Finds what qualifies any threshold in the clause: asides, percentile, window, sequence, check cadence. */
export function findQualifiers(clause: Clause, keepAsides: boolean): void {
  const { tokens } = clause;
  findAsides(clause, keepAsides);
  // A deadline names when the figure is taken, so the metric keeps it, as it keeps "in week 1"; only one that ends the clause.
  const free = clause.free();
  const due = findDeadline(free);
  const deadline = due && !free.slice(due.end).some((token) => token.kind === 'word') ? taken(clause, due, 'metric') : null;
  if (deadline) clause.period = deadline.value;
  clause.scale = taken(clause, findScale(clause.free()), 'unit');
  clause.percentile = taken(clause, findPercentile(clause.free()), 'percentile');
  checkStatistics(clause);
  const window = findLeadingWindow(clause.free(), clause.context.kind === 'rollback') ?? findWindow(clause.free(), clause.context.kind === 'rollback');
  // "in week 1", "within the first month": one period from the start names when, so the metric keeps it.
  const anchored = window !== null && isAnchored(clause.free(), window);
  checkAsideWindow(clause, window);
  clause.window = anchored ? null : (taken(clause, window, 'window') ?? clause.asideWindow);
  if (window && anchored) clause.period = [clause.period, join(taken(clause, window, 'metric') ? tokens.slice(window.start, window.end) : [])].filter(Boolean).join(' ');
  clause.sequence = taken(clause, findSequence(clause.free()), 'sequence');
  setCadence(clause);
}

const CADENCE_VERBS = words('checked evaluated measured sampled polled scraped reviewed reported');
// Verbs that say only how often a figure is looked at, not what span it covers.
const CHECKED = words('checked sampled polled scraped');

/** Check cadence ("checked every 15 minutes", "every 5 minutes", "measured weekly") says how often, not over what: told, not read. */
function setCadence(clause: Clause): void {
  const { tokens } = clause;
  for (let index = 1; index < tokens.length; index++) {
    if (clause.used[index] || !CADENCE_VERBS.has(tokens[index - 1]?.lower ?? '') || !words('hourly daily weekly monthly nightly').has(tokens[index]?.lower ?? '')) continue;
    clause.use(index - 1, index + 1);
    clause.cadence = join(tokens.slice(index - 1, index + 1));
    // "On-time delivery ≥ 95%, measured weekly": each week's figure, or the pilot's looked at each week.
    const period = { hourly: 'hour', daily: 'day', weekly: 'week', monthly: 'month', nightly: 'night' }[tokens[index]?.lower ?? ''];
    if (!CHECKED.has(tokens[index - 1]?.lower ?? '') && tokens.some((token) => token.text === '%'))
      clause.asideProblem ??= `\`${clause.cadence}\` may make each ${period}'s figure the one compared, or say how often the figure is looked at; write "over 1 ${period}" for each ${period}'s, or "checked ${tokens[index]?.lower}"`;
    clause.setAside(tokens.slice(index - 1, index + 1), `Read \`${clause.cadence}\` as how often it is checked.`);
  }
  for (let index = 0; index < tokens.length; index++) {
    if (tokens[index]?.lower !== 'every' || clause.used[index]) continue;
    const count = quantityAt(tokens, index + 1);
    const unit = count ? (count.unit ? { unit: count.unit, end: count.end } : null) : unitAt(tokens, index + 1);
    if (!unit || !isTimeUnit(unit.unit)) continue;
    const start = index - (CADENCE_VERBS.has(tokens[index - 1]?.lower ?? '') ? 1 : 0);
    clause.use(start, unit.end);
    clause.cadence = join(tokens.slice(start, unit.end));
    // "Error rate < 1% every day", "5 complaints every week": without a verb of checking, each day's figure or a count a week.
    if (start === index)
      clause.asideProblem ??= `\`${clause.cadence}\` may say how often it is checked or the span each figure covers; write "checked ${clause.cadence}", a window such as "in any ${count?.value ?? 1}-${TIME_NAMES[unit.unit] ?? 'day'} window", or "per ${join(tokens.slice(index + 1, unit.end))}" for a count`;
    clause.setAside(tokens.slice(start, unit.end), `Read \`${clause.cadence}\` as how often it is checked.`);
  }
}
