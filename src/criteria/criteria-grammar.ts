/**
 * Reads one written criterion or trigger ("Fewer than 4 failed syncs per 1,000 devices", "p95 < 400
 * ms and error rate < 1%") into data, as a pipeline: tokenize; refiners take off the frame and read
 * fractions; the clauses are split and each is read by the reader for its form (share, comparison,
 * label value, change, quantifier) with the finders for percentile, window, sequence, rate and
 * baseline; refiners apply a label and account for every word. It never guesses: a reading it is not
 * sure of comes back as ambiguous or unsure, with what it found. Pure and synchronous; it runs on every
 * plan on every keystroke in `astro dev`.
 */

import { describeReading, formatNumber, formatQuantity } from './describe-reading.ts';
import { comparisonAt } from './finders/comparison.ts';
import { findLeadingWindow, leadingLength } from './finders/leading-window.ts';
import { isIdentifierNumber } from './identifier-number.ts';
import { lastLook } from './last-look.ts';
import { PLACEHOLDERS } from './lexicon.ts';
import { joinTokens as join } from './metric-text.ts';
import { quantityAt, unitAt } from './quantity.ts';
import { readClause } from './read-clause.ts';
import type { ClauseContext, ParsedCriterion, ReadContext, Reading, ReadParts, WordPart } from './reading.ts';
import { refineBaselineShares } from './refiners/baseline-share.ts';
import { refineBracketedCriterion } from './refiners/bracketed-criterion.ts';
import { unwrapCodeValues } from './refiners/code-values.ts';
import { eachProblem } from './refiners/each-label.ts';
import { eventLabel, tierProblem } from './refiners/event-label.ts';
import { refineForeignNotation } from './refiners/foreign-notation.ts';
import { turnedFigure } from './refiners/foreign-words.ts';
import { refineFractions } from './refiners/fractions.ts';
import { frameWords, framing, stripFrame } from './refiners/frame.ts';
import { hedge } from './refiners/hedge.ts';
import { applyLabel, findLabel, isDecision, isHeading, isNumberedHeading } from './refiners/label.ts';
import { openingProblem } from './refiners/opening.ts';
import { refineReached } from './refiners/reached.ts';
import { refineSignedChange } from './refiners/signed-change.ts';
import { plainPlus } from './refiners/signed-threshold.ts';
import { standingProblem } from './refiners/standing-figures.ts';
import { refineTableLabel, tableProblem } from './refiners/table-row.ts';
import { placeWords } from './refiners/word-account.ts';
import { splitClauses } from './split-clauses.ts';
import { type Token, tokenize } from './tokenize.ts';

export type { ParsedCriterion, ReadContext, Reading } from './reading.ts';

/**
 * Reads one criterion or trigger as written. `text` is the bullet's text with code spans in
 * backticks; the context says whether it is an exit criterion or a rollback trigger, and gives the
 * label of the item it is nested under.
 */
/**
 * The forms nearest to an unclear bullet that would be read: its last quantity (a threshold usually
 * comes last) with each direction. The metric stays a placeholder: guessing it put words in authors' mouths.
 */
function nearestForms(tokens: readonly Token[]): string[] {
  const at = tokens.findLastIndex((token, index) => token.kind === 'number' && !isIdentifierNumber(tokens, index) && tokens[index - 1]?.text !== '[');
  const quantity = at < 0 ? null : quantityAt(tokens, at);
  if (!quantity) return [];
  if (quantity.upper !== null) return [`<metric> between ${formatNumber(quantity.value)} and ${formatQuantity(quantity.upper, quantity.unit)}`];
  const shown = formatQuantity(quantity.value, quantity.unit, quantity.scale);
  return [`<metric> ≤ ${shown}`, `<metric> ≥ ${shown}`];
}

// Words that make a bullet a requirement: under the triggers it states what must hold, not what fires.
const REQUIRING = new Set(['must', 'should', 'shall', 'mustn’t', "mustn't", "shouldn't", 'never', 'maintain', 'maintains', 'required', 'ought', 'supposed']);
// "should the error rate exceed 2%" asks a condition; "must be rolled back" names the rollback.
const REQUIRING_NOT_BEFORE = new Set(['the', 'we', 'it', 'rollback', 'roll']);

/** The word that makes the bullet a requirement, outside brackets ("(users leave and never return)" describes). */
function requirement(tokens: readonly Token[]): Token | undefined {
  let depth = 0;
  return tokens.find((token, index) => {
    depth += token.text === '(' ? 1 : token.text === ')' ? -1 : 0;
    return depth === 0 && REQUIRING.has(token.lower) && !REQUIRING_NOT_BEFORE.has(tokens[index + 1]?.lower ?? '');
  });
}

// Readings of bullets seen before: a plan's versions repeat most bullets, and `astro dev` reads a plan on
// every keystroke. Readings are frozen, as callers share them. Cleared when full, to bound the memory.
// Kept by context, then by text: the text itself is the key, with no key string built for each bullet.
const readings = new Map<string, Map<string, Reading>>();
let readingsKept = 0;

const READINGS_KEPT = 10_000;

/**
 * Reads one exit criterion or rollback trigger as written into criteria, or says why it cannot:
 * `ambiguous` with the readings it considered, `unsure` with the numbers it found, `none` without any.
 */
export function readCriterion(text: string, context: ReadContext): Reading {
  const scope = `${context.kind}\u0000${context.label ?? ''}`;
  const known = readings.get(scope)?.get(text);
  if (known) return known;
  if (readingsKept >= READINGS_KEPT) {
    readings.clear();
    readingsKept = 0;
  }
  const reading = deepFreeze(read(text, context));
  const kept = readings.get(scope) ?? new Map<string, Reading>();
  readings.set(scope, kept.set(text, reading));
  readingsKept++;
  return reading;
}

/** Freezes a reading all the way down, so a caller that changed a shared one would fail loudly. */
function deepFreeze<T>(value: T): T {
  if (value && typeof value === 'object' && !Object.isFrozen(value)) {
    Object.freeze(value);
    // Arrays by index and objects by key, without the array Object.values would build for each: readings hold many small parts.
    if (Array.isArray(value)) for (const item of value) deepFreeze(item);
    else for (const key in value) deepFreeze(value[key]);
  }
  return value;
}

function read(given: string, context: ReadContext): Reading {
  // "doesn’t" as "doesn't": the word lists hold the straight apostrophe, and the text keeps its length.
  const text = plainPlus(unwrapCodeValues(given)).replaceAll('’', "'");
  const written = tokenize(text);
  const tokens = refineReached(refineBracketedCriterion(refineTableLabel(refineBaselineShares(refineFractions(stripFrame(refineSignedChange(refineForeignNotation(written, text)))))), context.kind));
  if (tokens.length === 0) return { status: 'none' };
  const misplaced = openingProblem(written, tokens, text, context.kind);
  const numbers = tokens.filter((token, index) => token.kind === 'number' && !isIdentifierNumber(tokens, index)).map((token) => token.text);
  const unsure = (reason: string): Extract<Reading, { status: 'unsure' }> => ({ status: 'unsure', found: numbers, reason, nearest: nearestForms(tokens) });
  // "within X minutes", "below XX%": a placeholder stands where the number belongs.
  const placeholder = tokens.find(
    (token, index) => PLACEHOLDERS.test(token.text) && token.kind === 'word' && (comparisonAt(tokens, index - 1) !== null || tokens[index + 1]?.text === '%' || unitAt(tokens, index + 1) !== null),
  );
  if (placeholder) return { status: 'unsure', found: numbers, reason: `\`${placeholder.text}\` stands where a number belongs`, nearest: [] };
  if (misplaced) return unsure(misplaced);
  const standing = tableProblem(tokens) ?? standingProblem(tokens);
  if (standing) return unsure(standing);
  const length = leadingLength(tokens, context.kind === 'rollback');
  if (length)
    return unsure(
      `\`${join(tokens.slice(0, length))}\` before the threshold may be how long it must hold, a sample, or a span to count in; write the window after the threshold, such as "for 2 weeks", or "14 consecutive days with …"`,
    );
  // A table row's cells after its value ("| TBD |", "| [PASS/WARN] |") are where the result goes, not a hedge of the threshold.
  const row = written.some((token) => token.text === '|') && !tokens.some((token) => token.text === '|');
  const hedged = turnedFigure(written) ?? hedge(row ? written.filter((token) => token.start < (tokens.at(-1)?.end ?? 0)) : written, context.kind);
  if (hedged) return unsure(hedged);
  // "Error rate must not exceed 2%", "must stay below 1%", "Maintain error rate below 1%" under the triggers say what
  // must hold; read as what fires the rollback, the trigger would fire while all is well.
  const required = context.kind === 'rollback' && numbers.length > 0 ? requirement(tokens) : undefined;
  if (required) return unsure(`it says what must hold (\`${required.text}\`), which is an exit criterion; under the triggers write what fires the rollback, such as "error rate > 2%"`);
  const condition = leadingCondition(written, tokens);
  if (condition) return unsure(condition);
  const whole = readClauses(tokens, context, numbers, unsure);
  // A label names what the words after it measure, even where those words alone do not name it well.
  const label = findLabel(tokens);
  const each = label && eachProblem(label.words);
  if (each) return unsure(each);
  // A heading ("Red flag:", "Target:") names nothing the words after it could lack.
  const numbered = label !== null && isNumberedHeading(label.words);
  const restContext = label && !numbered ? { ...context, label: isHeading(label.words) ? undefined : join(label.words), named: true } : context;
  const rest = label && (!('aside' in whole) || numbered) ? readClauses(tokens.slice(label.end + 1), restContext, numbers, unsure) : null;
  // Under a decision ("Go / expand:") the words after the colon are the whole criterion, however many clauses.
  const labelled = rest && 'aside' in rest && (rest.criteria.length === 1 || (label && isDecision(label.words)));
  const byLabel = labelled ? (eventLabel(tokens, rest, written) ?? applyLabel(tokens, rest, context.kind, true)) : null;
  if (byLabel && 'unsure' in byLabel) return unsure(byLabel.unsure);
  if (!byLabel && !('aside' in whole)) return whole;
  const named = byLabel ?? ('aside' in whole ? (eventLabel(tokens, whole, written) ?? applyLabel(tokens, whole, context.kind) ?? whole) : whole);
  if ('unsure' in named) return unsure(named.unsure);
  if (!('aside' in named)) return named;
  const tiered = tierProblem(tokens, named);
  if (tiered) return unsure(tiered);
  const words = [...framing(written, tokens), ...placeWords(tokens, named)];
  const left = words.filter((run) => run.part === 'left').map((run) => run.text);
  if (left.length > 0) return { ...unsure(leftWordsReason(left, named.criteria)), considered: named.criteria, left, words, unnamed: true };
  const turned = lastLook(named.criteria, tokens, written, context.kind);
  if (turned) return unsure(turned);
  return { status: 'read', criteria: named.criteria, notes: named.notes, words };
}

/** "If traffic > 1,000 rps, error rate < 1%", "When traffic is high, …": after a leading "if", the part before the comma is a condition. */
function leadingCondition(written: readonly Token[], tokens: readonly Token[]): string | null {
  const conditional = frameWords(written, tokens).lead.some((token) => ['if', 'when', 'whenever', 'once', 'unless'].includes(token.lower));
  let depth = 0;
  const comma = tokens.findIndex((token) => {
    depth += token.text === '(' ? 1 : token.text === ')' ? -1 : 0;
    return depth === 0 && token.text === ',';
  });
  if (!conditional || comma <= 0 || !tokens.slice(comma + 1).some((token) => token.kind === 'number')) return null;
  return `it opens with a condition (\`${join(tokens.slice(0, comma))}\`) before the threshold, which a reading cannot evaluate; write the threshold alone, or name the case in the metric`;
}

/** The clauses of a bullet read and joined, or the reason they cannot be: what is left to name and account for. */
function readClauses(tokens: Token[], context: ClauseContext, numbers: readonly string[], unsure: (reason: string) => Reading): ReadParts | Reading {
  const { clauses, or, and } = splitClauses(tokens);
  // "Glucose below 4 or above 10 mmol/L": the second threshold shares the first one's name, and perhaps lends it its unit.
  const elided = clauses.slice(1).find(
    (clause) =>
      comparisonAt(
        clause,
        clause.findIndex((token) => token.kind !== 'symbol'),
      ) !== null,
  );
  if (elided)
    return unsure(
      `\`${join(elided)}\` has no name of its own, and its unit may or may not be the first threshold's; write the name and the unit in each, such as "glucose < 4 mmol/L or glucose > 10 mmol/L"`,
    );
  const results = clauses.map((clause) => readClause(clause, context));
  // Every exit criterion must hold and any trigger rolls back, so "and" in an exit criterion and "or" in a
  // trigger split exactly; the other joint asks for one condition made of two, which a reading cannot hold.
  const trigger = context.kind === 'rollback';
  if ((trigger ? and : or) && results.length > 1 && results.every((result) => 'criteria' in result)) {
    const fix = trigger
      ? 'A trigger that needs both at once cannot be evaluated. If either alone should roll back, write one bullet per threshold.'
      : 'Meeting either one cannot be an exit criterion: every criterion in the list must hold. If both must hold, write one bullet per threshold; otherwise keep the one that decides.';
    return { status: 'ambiguous', options: results.flatMap((result) => ('criteria' in result ? [result.criteria] : [])), joint: trigger ? 'and' : 'or', fix };
  }
  // "Error rate > 1% or p99 > 1 s for 5 minutes": a window at the end may qualify every threshold or the last alone.
  const readings = results.flatMap((result) => ('criteria' in result ? [result.criteria] : []));
  const timed = (list: readonly ParsedCriterion[]) => list.some((criterion) => criterion.window !== null || criterion.sequence !== null);
  if (readings.length === results.length && readings.length > 1 && timed(readings.at(-1) ?? []) && readings.slice(0, -1).some((list) => !timed(list)))
    return unsure('its window or sequence ends the last threshold, and may qualify the others too; give each threshold its own, or write one bullet per threshold');
  // "14 consecutive days with ≥ 99.9% match rate and zero divergences": a window before the first threshold may hold for all.
  if (results.length > 1 && findLeadingWindow(tokens))
    return unsure('its window opens the first threshold, and may qualify the others too; give each threshold its own, or write one bullet per threshold');
  const criteria: ParsedCriterion[] = [];
  const notes: string[] = [];
  const aside: Token[] = [];
  const placed = new Map<number, WordPart>();
  for (const result of results) {
    if ('ambiguous' in result) return { status: 'ambiguous', options: result.ambiguous.map((option) => [option]), joint: null, fix: result.fix };
    if ('none' in result) return numbers.length > 0 ? unsure('no comparison was found') : { status: 'none' };
    if ('unsure' in result) return { ...unsure(result.unsure), ...(result.unnamed ? { unnamed: true as const } : {}) };
    criteria.push(...result.criteria);
    notes.push(...result.notes);
    aside.push(...result.aside);
    for (const [start, part] of result.placed) placed.set(start, part);
  }
  return { criteria, notes, aside, placed };
}

/** Why a reading was not taken: the words it could not place, and the reading it would have been. */
function leftWordsReason(left: readonly string[], considered: readonly ParsedCriterion[]): string {
  const one = left.length === 1 && !left[0]?.includes(' ');
  const noun = left.every((run) => /^[\d.,]+$/.test(run)) ? 'number' : 'word';
  return `the ${noun}${one ? '' : 's'} ${left.map((run) => `\`${run}\``).join(', ')} ${one ? 'has' : 'have'} no place in the reading \`${considered.map(describeReading).join(' ; ')}\``;
}
