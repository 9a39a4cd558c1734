/**
 * Reads one written criterion or trigger ("Fewer than 4 failed syncs per 1,000 devices", "p95 < 400
 * ms and error rate < 1%") into data. It tokenizes, finds what qualifies the threshold (percentile,
 * window, sequence, rate, baseline), then the comparison and its quantity, and builds the metric from
 * the words left. It never guesses: a reading it is not sure of comes back as ambiguous or unsure,
 * with what it found. Pure and synchronous; it runs on every plan on every keystroke in `astro dev`.
 */
import type { Comparator, Criterion, Unit } from '../schemas/criterion-schema.ts';
import { LABEL_DIRECTIONS, OCCURS, SYMBOL_COMPARATORS, WORDS_AFTER, WORDS_BEFORE_BY_FIRST } from './comparator-words.ts';
import { describeReading, formatNumber, formatQuantity } from './describe-reading.ts';
import { placeWords, type WordRun } from './word-account.ts';
import { isIdentifierNumber } from './identifier-number.ts';
import { joinTokens as join, metricText, notAMetric, singular } from './metric-text.ts';
import { applyLabel, findLabel } from './label.ts';
import { metricPolarity } from './metric-polarity.ts';
import { numberAt, quantityAt, unitAt, wordsAt, type Quantity } from './quantity.ts';
import { tokenize, type Token } from './tokenize.ts';
import { refineFractions } from './fractions.ts';
import { CURRENCY_SIGNS, isTimeUnit, SECONDS, TIME_NAMES, unitOf } from './units.ts';
import { findSequence, findWindow, type Found } from './windows.ts';
import { words, CHANGE_VERBS, CONSEQUENCES, DEFINING, FILLERS, EDGES, CONDITIONS, NOT_METRIC, LEAD, NEGATIONS, MODALS, CHANGE_UP, CHANGE_DOWN, CHANGE_EITHER, CHANGE_BAD, CHANGE_GOOD, BASELINE_NAMES, BASELINE_LINKS, PASS_VERBS, TIME_VERBS, SUBJECT_ENDS, SHARE_VERBS, PER_STOPS, QUALIFIERS, INTROS, COMPARING, ROLLOUT, OUTCOMES, MEASURES, PLACEHOLDERS } from './lexicon.ts';

export type ParsedCriterion = Omit<Criterion, 'text' | 'line'>;
type Op = Exclude<Comparator, 'between'>;
type Baseline = NonNullable<Criterion['baseline']>;
type Window = NonNullable<Criterion['window']>;
type Sequence = NonNullable<Criterion['sequence']>;

export interface ReadContext {
  /** Exit criteria say what must hold; rollback triggers what must not. */
  kind: 'exit' | 'rollback';
  /** The item this bullet is nested under ("Checkout latency (ms):"), which names a bare "max: 250". */
  label?: string | undefined;
}

export type Reading =
  /** Read with confidence; `notes` say where a convention decided something. */
  | { status: 'read'; criteria: ParsedCriterion[]; notes: string[]; /** Which words went where. */ words?: WordRun[] }
  /** Two readings are plausible, or two thresholds are joined by `joint` in a way a reading cannot hold; `fix` is the wording that picks one. */
  | { status: 'ambiguous'; options: ParsedCriterion[][]; joint: 'and' | 'or' | null; fix: string }
  /** Numbers are there but no confident reading: the numbers found, why they are not enough, and the nearest forms that would be read. */
  | {
      status: 'unsure';
      found: string[];
      reason: string;
      nearest: string[];
      /** The reading it would have taken, when only words were left over. */
      considered?: ParsedCriterion[];
      /** The words no part of that reading could place. */
      left?: string[];
      /** Which words went where in that reading. */
      words?: WordRun[];
      /** The metric's words do not name a metric: a label before a colon would. */
      unnamed?: true;
    }
  /** No measurable threshold at all. */
  | { status: 'none' };

// Inside the reader, a clause may be read under a label that will name it, so its own words need not.
type ClauseContext = ReadContext & { named?: boolean };

type ClauseResult = { criteria: ParsedCriterion[]; notes: string[]; aside: readonly Token[] } | { ambiguous: ParsedCriterion[]; fix: string } | { unsure: string; unnamed?: true } | { none: true };


const FLIP: Readonly<Record<Op, Op>> = { '<': '>=', '<=': '>', '>': '<=', '>=': '<', '=': '!=', '!=': '=' };
// A limit in a trigger fires when it is crossed: "max queue age: 15 min" rolls back above 15 min.
const CROSSED: Readonly<Record<Op, Op>> = { '<=': '>', '>=': '<', '<': '>=', '>': '<=', '=': '!=', '!=': '=' };

/** A criterion with every optional part empty, to fill in. */
function blank(metric: string, comparator: Comparator, value: number, unit: Unit | null): ParsedCriterion {
  return { metric, comparator, value, upper: null, unit, scale: null, per: null, window: null, percentile: null, sequence: null, baseline: null };
}

/** Drops what only frames a criterion: bullets, checkboxes, emoji, "Roll back if", "Trigger:", "Metric name:". */
function stripFrame(tokens: Token[]): Token[] {
  let start = 0;
  const opening = (token: Token | undefined) => token?.kind === 'symbol' && !SYMBOL_COMPARATORS[token.text] && !['$', '€', '£', '¥', '₹', '±', '~', '(', '/'].includes(token.text);
  while (start < tokens.length && opening(tokens[start])) start++;
  // "[ ]", "[x]", "(a)", "1." list markers.
  if (tokens[start]?.text === '(' && tokens[start + 2]?.text === ')' && (tokens[start + 1]?.text.length ?? 0) <= 2) start += 3;
  if (tokens[start]?.lower === 'x' && tokens[start + 1]?.text === ']') start += 2;
  if (tokens[start]?.kind === 'number' && tokens[start + 1]?.text === '.' && tokens[start + 2]?.spaced) start += 2;
  // "Roll back immediately if", "Rollback is triggered when", "Trigger:", "Go if", "Metric name:", "If", "When".
  let at = start;
  while (at < Math.min(tokens.length, start + 7) && LEAD.has(tokens[at]?.lower ?? '')) at++;
  const link = tokens[at];
  if (at > start && link && (['if', 'when', 'whenever', 'on', 'once', 'after', 'upon', 'should', 'is'].includes(link.lower) || [':', '–', '—', '-'].includes(link.text))) start = at + 1;
  if (['if', 'when', 'whenever', 'once'].includes(tokens[start]?.lower ?? '')) start++;
  // "Fast burn alert (1h window): Page if burn rate > 14.4x": a lead-in after the label.
  const leadIn = tokens.findIndex((token, index) => index > start && ['if', 'when', 'whenever'].includes(token.lower) && LEAD.has(tokens[index - 1]?.lower ?? '') && !['is', 'are', 'be', 'the', 'of', 'all', 'following'].includes(tokens[index - 1]?.lower ?? ''));
  if (leadIn > 0 && leadIn < tokens.length / 2) start = leadIn + 1;
  // A code comment ("// http errors should be less than 1%") repeats or explains; it is not the criterion.
  const comment = tokens.findIndex((token, index) => index > start && ((token.text === '/' && tokens[index + 1]?.text === '/' && !tokens[index + 1]?.spaced) || (token.text === '#' && token.spaced && tokens[index + 1]?.spaced && tokens.slice(start, index).some((each) => each.kind === 'number'))));
  let end = comment > start ? comment : tokens.length;
  while (end > start && ['.', ';', '!', ',', '…', ':'].includes(tokens[end - 1]?.text ?? '')) end--;
  // "…, roll back", "→ halt": what to do, after the condition.
  const consequence = tokens.findIndex((token, index) => index > start && (token.text === '→' || ((token.text === ',' || token.text === ':') && CONSEQUENCES.has(tokens[index + 1]?.lower ?? ''))));
  if (consequence > 0) end = Math.min(end, consequence);
  // A table row: the cells after the one that holds the threshold are other columns (severity, channel).
  if (tokens[start]?.text === '|' || tokens[start - 1]?.text === '|') {
    const number = tokens.findIndex((token, index) => index >= start && token.kind === 'number');
    const bar = number < 0 ? -1 : tokens.findIndex((token, index) => index > number && token.text === '|');
    if (bar > 0 && !tokens.slice(bar).some((token) => token.kind === 'number')) end = Math.min(end, bar);
  }
  return tokens.slice(start, end);
}

/** The comparison at `index`: a symbol or a phrase, and where its quantity starts. */
function comparisonAt(tokens: readonly Token[], index: number): { op: Op; end: number } | null {
  const token = tokens[index];
  if (!token) return null;
  const symbol = SYMBOL_COMPARATORS[token.text];
  if (symbol) return { op: symbol, end: index + 1 };
  for (const [phrase, op] of WORDS_BEFORE_BY_FIRST.get(token.lower) ?? []) if (wordsAt(tokens, index, phrase)) return { op, end: index + phrase.length };
  // "served in 60 seconds", "resolved in 2 days": a time verb then "in" is "within".
  if (token.lower === 'in' && TIME_VERBS[tokens[index - 1]?.lower ?? ''] !== undefined) return { op: '<=', end: index + 1 };
  return null;
}

/** Where a comparison's quantity starts: past "a", "the", "about", "~". */
function quantityStart(tokens: readonly Token[], at: number): number {
  let index = at;
  while (['a', 'an', 'the', 'of', 'around', 'about', 'approximately', 'roughly', '~', '≈', '±', '+/-'].includes(tokens[index]?.lower ?? '') && !numberAt(tokens, index)) index++;
  return index;
}

// A side states a threshold when a comparison has its quantity: "error rate < 1%", "3 or fewer defects".
const statesThreshold = (part: readonly Token[]) =>
  part.some((_, index) => {
    const comparison = comparisonAt(part, index);
    if (comparison && quantityAt(part, quantityStart(part, comparison.end))) return true;
    if (words('be is are equals').has(part[index]?.lower ?? '') && numberAt(part, index + 1)) return true;
    const quantity = isIdentifierNumber(part, index) ? null : quantityAt(part, index);
    return quantity !== null && (quantity.plus || WORDS_AFTER.some(([phrase]) => wordsAt(part, quantity.end, phrase)));
  });

/** Splits at "and", "or", ";" and "," where both sides state a threshold, and says which joints it split at. */
function splitClauses(tokens: Token[]): { clauses: Token[][]; or: boolean; and: boolean } {
  const joints: Array<{ index: number; width: number; or: boolean }> = [];
  let depth = 0;
  for (let index = 0; index < tokens.length; index++) {
    const token = tokens[index];
    if (!token) continue;
    if (token.text === '(') depth++;
    if (token.text === ')') depth = Math.max(0, depth - 1);
    if (depth > 0) continue;
    const between = tokens.slice(Math.max(0, index - 6), index).some((each) => each.lower === 'between');
    if ((token.lower === 'and' && !between) || token.text === ';' || token.lower === 'or' || token.text === ',' || token.text === '&' && tokens[index + 1]?.text === '&') {
      const width = (token.text === ';' || token.text === ',') && ['and', 'or'].includes(tokens[index + 1]?.lower ?? '') ? 2 : 1;
      joints.push({ index, width, or: token.lower === 'or' || tokens[index + 1]?.lower === 'or' });
    }
  }
  const clauses: Token[][] = [];
  let from = 0;
  let or = false;
  let and = false;
  joints.forEach((joint, position) => {
    const next = joints[position + 1];
    const left = tokens.slice(from, joint.index);
    const right = tokens.slice(joint.index + joint.width, next ? next.index : tokens.length);
    const quantified = (part: Token[]) => ['no', 'zero', 'all', 'every', 'none', 'any'].includes(part.find((token) => token.kind !== 'symbol')?.lower ?? '');
    if ((statesThreshold(left) || quantified(left)) && (statesThreshold(right) || quantified(right)) && !(quantified(left) && statesThreshold(left) === false && joint.or)) {
      clauses.push(left);
      from = joint.index + joint.width;
      or ||= joint.or;
      and ||= !joint.or;
    }
  });
  clauses.push(tokens.slice(from));
  return { clauses, or, and };
}

/** The percentile a clause is about: "p95", "P99", "p(95)", "95th percentile", "99% percentile", "median". */
function findPercentile(tokens: readonly Token[]): Found<number> | null {
  for (let index = 0; index < tokens.length; index++) {
    const token = tokens[index];
    if (!token) continue;
    const lead = ['at', 'for', 'on', '@', 'the', 'in'].includes(tokens[index - 1]?.lower ?? '') ? 1 : 0;
    // p10 to p99.9 are percentiles; P0 to P9 are priorities ("P1 defects").
    const short = /^p(\d{2}(?:\.\d+)?)$/i.exec(token.text);
    if (short?.[1] && token.kind === 'word') return { start: index - lead, end: index + 1, value: Number(short[1]) };
    if (token.lower === 'p' && tokens[index + 1]?.text === '(' && tokens[index + 2]?.kind === 'number' && tokens[index + 3]?.text === ')') return { start: index - lead, end: index + 4, value: tokens[index + 2]?.value ?? 0 };
    if (token.lower === 'median') return { start: index - lead, end: index + 1, value: 50 };
    if (token.kind === 'number' && token.value > 0 && token.value < 100) {
      let at = index + 1;
      if (tokens[at]?.text === '%' || tokens[at]?.text === '-') at++;
      if (['percentile', 'percentilen', 'pctl'].includes(tokens[at]?.lower ?? '')) return { start: index - lead, end: at + 1, value: token.value };
    }
    if (token.lower === 'percentile' && tokens[index + 1]?.kind === 'number') return { start: index - lead, end: index + 2, value: tokens[index + 1]?.value ?? 0 };
  }
  return null;
}

/** A time word as a rate counts it: "days" → "day", "hr" → "hour"; anything else as written. */
function timeName(word: string): string {
  const unit = unitOf(word);
  if (unit && isTimeUnit(unit)) return TIME_NAMES[unit] ?? word;
  if (/^months?$/i.test(word)) return 'month';
  return /^[A-Z][a-z]+$/.test(word) ? word.toLowerCase() : word;
}

/** A rate's denominator at `from`: "per 1,000 sessions", "per day", "a day", "in 200 orders", "daily". */
function findPer(tokens: readonly Token[], from: number): Found<{ count: number; unit: string }> | null {
  const token = tokens[from];
  if (!token) return null;
  const adverb: Readonly<Record<string, string>> = { daily: 'day', weekly: 'week', hourly: 'hour', monthly: 'month', nightly: 'night' };
  if (adverb[token.lower]) return { start: from, end: from + 1, value: { count: 1, unit: adverb[token.lower] ?? 'day' } };
  let at = from;
  if (['per', 'every', 'each', 'a', 'an', '/'].includes(token.lower)) at++;
  else if (wordsAt(tokens, from, ['for', 'every'])) at += 2;
  else if (wordsAt(tokens, from, ['out', 'of', 'every'])) at += 3;
  else if ((token.lower === 'in' || token.lower === 'of' || wordsAt(tokens, from, ['out', 'of'])) && numberAt(tokens, from + (token.lower === 'out' ? 2 : 1), false)) at += token.lower === 'out' ? 2 : 1;
  else return null;
  const number = numberAt(tokens, at, false);
  const count = number?.value ?? 1;
  if (number) at = number.end;
  const nouns: string[] = [];
  while (tokens[at]?.kind === 'word' && !EDGES.has(tokens[at]?.lower ?? '') && !CONDITIONS.has(tokens[at]?.lower ?? '') && !PER_STOPS.has(tokens[at]?.lower ?? '') && nouns.length < 3) {
    nouns.push(tokens[at]?.text ?? '');
    at++;
    const unit = unitOf(nouns[0] ?? '');
    if (unit && isTimeUnit(unit)) break;
  }
  if (nouns.length === 0) return null;
  const written = nouns.join(' ');
  // "a day", "an hour", "/s" only name times; "per" and "every" may count anything.
  const time = unitOf(written);
  if (['a', 'an', 'each', '/'].includes(token.lower) && !(time && isTimeUnit(time)) && !/^months?$/i.test(written)) return null;
  return { start: from, end: at, value: { count, unit: timeName(written) } };
}

/** A change word's direction, with the metric's polarity for "better" and "worse"; `unknown` when it cannot tell. */
function changeDirection(word: string, polarity: 'higher' | 'lower' | null): Baseline['direction'] | 'unknown' | null {
  if (CHANGE_UP.has(word)) return 'increase';
  if (CHANGE_DOWN.has(word)) return 'decrease';
  const bad = CHANGE_BAD.has(word);
  if (!bad && !CHANGE_GOOD.has(word)) return null;
  if (polarity === null) return 'unknown';
  return (polarity === 'lower') === bad ? 'increase' : 'decrease';
}

/** The words naming a baseline after a link: "the control group", "last quarter", "klog". */
function baselineText(tokens: readonly Token[], from: number): { text: string; end: number } {
  let end = from;
  while (end < tokens.length && tokens[end]?.text !== ',' && tokens[end]?.text !== ';' && !(CONDITIONS.has(tokens[end]?.lower ?? '') && end > from) && !(EDGES.has(tokens[end]?.lower ?? '') && !['the', 'a', 'of'].includes(tokens[end]?.lower ?? '')) && !findWindow(tokens.slice(end))?.start) end++;
  while (end > from && EDGES.has(tokens[end - 1]?.lower ?? '')) end--;
  return { text: join(tokens.slice(from, end)), end };
}

/** A label's own unit, direction and percentile: "Checkout latency (ms)", "Maximum queue age", "max", "p90". */
function readLabel(tokens: readonly Token[]): { metric: Token[]; unit: Unit | null; op: Op | null; percentile: number | null; condition: Token[] } {
  let unit: Unit | null = null;
  let op: Op | null = null;
  const metric: Token[] = [];
  for (let index = 0; index < tokens.length; index++) {
    const token = tokens[index];
    if (!token || token.text === ':' || token.text === '#') continue;
    if (token.text === '(' && tokens[index + 2]?.text === ')') {
      const inner = tokens[index + 1];
      const innerUnit = inner ? unitOf(inner.lower) : null;
      const innerOp = inner ? LABEL_DIRECTIONS[inner.lower] : undefined;
      if (innerUnit || innerOp) {
        unit = innerUnit ?? unit;
        op = innerOp ?? op;
        index += 2;
        continue;
      }
    }
    const direction = LABEL_DIRECTIONS[token.lower];
    // "max(result)" is a function in code, not a direction.
    const call = tokens[index + 1]?.text === '(' && !tokens[index + 1]?.spaced;
    if (direction && !call && (index === 0 || index === tokens.length - 1)) {
      op = direction;
      continue;
    }
    metric.push(token);
  }
  // "number of failed checks before rollback": the label's name ends where a condition starts.
  const condition = metric.findIndex((token, index) => index > 0 && CONDITIONS.has(token.lower));
  const dropped = condition > 0 ? metric.splice(condition) : [];
  const percentile = findPercentile(metric);
  return { metric: percentile ? [...metric.slice(0, percentile.start), ...metric.slice(percentile.end)] : metric, unit, op, percentile: percentile?.value ?? null, condition: dropped };
}

const leftoverReason = (numbers: readonly Token[]) =>
  `the ${numbers.length === 1 ? 'number' : 'numbers'} ${numbers.map((token) => `\`${token.text}\``).join(', ')} ${numbers.length === 1 ? 'has' : 'have'} no place in the reading`;

/** A clause being read: its tokens, and which of them a reading has accounted for. */
class Clause {
  readonly used: boolean[];
  readonly notes: string[] = [];
  /** Words set aside with a note saying so: conditions, asides in brackets, an opening phrase. */
  readonly aside: Token[] = [];
  percentile: Found<number> | null = null;
  window: Found<Window> | null = null;
  sequence: Found<Sequence> | null = null;

  readonly tokens: readonly Token[];
  readonly context: ClauseContext;

  constructor(tokens: readonly Token[], context: ClauseContext) {
    this.tokens = tokens;
    this.context = context;
    this.used = tokens.map(() => false);
  }

  /** A short aside of words after the threshold, kept in the metric's name: "(no assist required)". */
  nameAside: string | null = null;

  /** An aside in brackets with a number in it: it may be a second threshold, so a reading that sets it aside is not sure. */
  numberedAside: string | null = null;

  /** Conditions and openings the threshold was written under: no reading can hold them, so any makes the reading unsure. */
  readonly conditions: string[] = [];

  /** Sets a condition aside ("if traffic > 1,000 rps", ", as measured by …", "In the default scheduler,"): told, never read. */
  setCondition(tokens: readonly Token[], note: string): void {
    this.setAside(tokens, note);
    this.conditions.push(join(tokens));
  }

  /** Sets words aside from the reading, with the note that tells the author which and why. */
  setAside(tokens: readonly Token[], note: string): void {
    this.aside.push(...tokens);
    this.notes.push(note);
  }

  use(start: number, end: number): void {
    for (let index = Math.max(0, start); index < Math.min(end, this.tokens.length); index++) this.used[index] = true;
  }

  /** The tokens, with those already accounted for blanked, so later matches cannot reuse them. */
  free(): Token[] {
    return this.tokens.map((token, index) => (this.used[index] ? { ...token, text: '\u0000', lower: '\u0000', kind: 'symbol' as const } : token));
  }

  /** Numbers not yet accounted for and not part of a name: any left means no confident reading. */
  leftover(): Token[] {
    return this.tokens.filter((token, index) => !this.used[index] && token.kind === 'number' && !isIdentifierNumber(this.tokens, index));
  }

  /** A criterion with the clause's percentile, window and sequence. */
  qualified(criterion: ParsedCriterion): ParsedCriterion {
    const metric = this.nameAside && !criterion.metric.includes(this.nameAside) ? `${criterion.metric} ${this.nameAside}` : criterion.metric;
    return { ...criterion, metric, percentile: criterion.percentile ?? this.percentile?.value ?? null, window: criterion.window ?? this.window?.value ?? null, sequence: criterion.sequence ?? this.sequence?.value ?? null };
  }

  /** The result for a finished reading, unless numbers are left over or the metric is not one. */
  finish(criteria: ParsedCriterion[], notes: readonly string[] = []): ClauseResult {
    const leftover = this.leftover();
    if (leftover.length > 0) return { unsure: leftoverReason(leftover) };
    if (this.numberedAside) return { unsure: `the aside \`${this.numberedAside}\` holds a number the reading does not use` };
    const [condition] = this.conditions;
    if (condition) return { unsure: `it holds only under \`${condition}\`, which a reading cannot evaluate; state the threshold for every case, or name the case in the metric, such as \`error rate at peak traffic < 1%\`` };
    const ignored = this.ignored(criteria);
    if (ignored.after) return { unsure: `the words \`${ignored.after}\` after \`;\` have no place in the reading` };
    for (const criterion of criteria) {
      const problem = this.context.named ? null : notAMetric(criterion.metric);
      if (problem) return { unsure: problem, unnamed: true };
    }
    return { criteria: criteria.map((criterion) => this.qualified(criterion)), notes: [...this.notes, ...notes], aside: this.aside };
  }

  /** Runs of words no reading used, and whether a run follows a ";" (a second statement, not a qualifier). */
  private ignored(criteria: readonly ParsedCriterion[]): { runs: string[]; after: string | null } {
    const read = criteria.map((criterion) => `${criterion.metric} ${criterion.baseline?.text ?? ''} ${criterion.window?.text ?? ''} ${criterion.per?.unit ?? ''} ${criterion.unit ?? ''} p${criterion.percentile ?? ''}`).join(' ').toLowerCase();
    const noted = this.notes.join(' ').toLowerCase();
    const said = (word: string) => read.includes(word) || read.includes(singular(word)) || noted.includes(word) || unitOf(word) !== null;
    const runs: Token[][] = [];
    let after: string | null = null;
    let semicolon = false;
    let run: Token[] = [];
    this.tokens.forEach((token, index) => {
      if (token.text === ';') semicolon = true;
      const meaningful = !this.used[index] && token.kind === 'word' && !FILLERS.has(token.lower) && !EDGES.has(token.lower) && !LEAD.has(token.lower) && !said(token.lower);
      if (meaningful) run.push(token);
      else if (run.length > 0 && (token.kind !== 'word' || this.used[index])) {
        runs.push(run);
        run = [];
      }
      if (meaningful && semicolon) after ??= '';
    });
    if (run.length > 0) runs.push(run);
    const texts = runs.map((each) => join(each));
    if (after !== null) after = texts.at(-1) ?? '';
    return { runs: texts, after };
  }
}

/** Finds what qualifies any threshold in the clause: asides, percentile, window, sequence, check cadence. */
function findQualifiers(clause: Clause, keepAsides: boolean): void {
  const { tokens } = clause;
  // Asides in brackets ("(< 100 policies)", "(i.e. …)") qualify the text; a unit, direction or percentile in brackets is a label's.
  for (let index = 0; index < tokens.length; index++) {
    if (tokens[index]?.text !== '(') continue;
    const close = tokens.findIndex((token, at) => at > index && token.text === ')');
    if (close < 0) break;
    const inner = tokens.slice(index + 1, close);
    const percentileInside = findPercentile(inner);
    const labelLike = (inner.length === 1 && (unitOf(inner[0]?.lower ?? '') || LABEL_DIRECTIONS[inner[0]?.lower ?? ''] || /^p\d+$/i.test(inner[0]?.text ?? ''))) || (tokens[index - 1]?.lower === 'p' && !tokens[index]?.spaced) || (percentileInside !== null && percentileInside.end - percentileInside.start === inner.length);
    if (labelLike) {
      index = close;
      continue;
    }
    // A short qualifier in brackets is part of the name: "accessibility violations (serious)", "throttled requests (429)".
    const firstNumber = tokens.findIndex((token, at) => token.kind === 'number' && (at < index || at > close));
    const code = inner.length === 1 && inner[0]?.kind === 'number' && /^\d+$/.test(inner[0].text);
    const qualifier = inner.length <= 2 && (code || inner.every((token) => token.kind === 'word')) && !keepAsides && (firstNumber < 0 || close < firstNumber);
    if (qualifier) {
      index = close;
      continue;
    }
    // A short aside of words after the threshold narrows what is counted: "≥ 92% (no assist required)" keeps it in the name.
    const narrows = !keepAsides && close > firstNumber && firstNumber >= 0 && inner.length > 0 && inner.length <= 6 && inner.every((token) => token.kind === 'word' || token.text === ',' || token.text === '/');
    if (narrows) {
      clause.nameAside ??= `(${join(inner)})`;
      clause.use(index, close + 1);
      index = close;
      continue;
    }
    if (keepAsides) clause.use(index, index + 1);
    else {
      clause.setAside(inner, `Ignored the aside \`(${join(inner)})\`.`);
      if (inner.some((token, at) => token.kind === 'number' && !isIdentifierNumber(inner, at))) clause.numberedAside ??= `(${join(inner)})`;
      clause.use(index, close + 1);
      continue;
    }
    clause.use(close, close + 1);
  }
  clause.percentile = findPercentile(clause.free());
  if (clause.percentile) clause.use(clause.percentile.start, clause.percentile.end);
  clause.window = findWindow(clause.free());
  if (clause.window) clause.use(clause.window.start, clause.window.end);
  clause.sequence = findSequence(clause.free());
  if (clause.sequence) clause.use(clause.sequence.start, clause.sequence.end);
  // Check cadence ("checked every 15 minutes", "every 5 minutes") says how often, not over what.
  for (let index = 0; index < tokens.length; index++) {
    if (tokens[index]?.lower !== 'every' || clause.used[index]) continue;
    const count = quantityAt(tokens, index + 1);
    const unit = count ? (count.unit ? { unit: count.unit, end: count.end } : null) : unitAt(tokens, index + 1);
    if (!unit || !isTimeUnit(unit.unit)) continue;
    const start = index - (words('checked evaluated measured sampled polled scraped').has(tokens[index - 1]?.lower ?? '') ? 1 : 0);
    clause.use(start, unit.end);
    clause.setAside(tokens.slice(start, unit.end), `Read \`${join(tokens.slice(start, unit.end))}\` as how often it is checked.`);
  }
}

/** "N% of <population> …": a share criterion, or a percentile criterion when a time threshold follows. */
function readShare(clause: Clause, share: Quantity, op: Op | null, low: number | null = null): ClauseResult {
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

/** Names of series listed to share one threshold: "`a`, `b` and `c` should be 0", "ip_errors_total, reconcile_errors_total". */
function seriesNames(tokens: readonly Token[]): string[] | null {
  const names: string[] = [];
  for (const token of tokens) {
    if (token.text === ',' || token.lower === 'and') continue;
    if (token.kind === 'code' || /^[a-z][a-z0-9]*_[a-z0-9_]+$/.test(token.text)) names.push(token.kind === 'code' ? `\`${token.text}\`` : token.text);
    else if (!FILLERS.has(token.lower)) return null;
  }
  return names.length > 1 ? names : null;
}

/** A value with no comparison written: the label's direction, a zero or a `+` decide; otherwise it is ambiguous. */
function readUndirected(clause: Clause, metric: string, found: Quantity | null, label: { op: Op | null; unit: Unit | null; percentile: number | null; metric?: Token[] }, shown: string, per: ParsedCriterion['per'] = null): ClauseResult {
  const value = found?.value ?? 0;
  const unit = found?.unit ?? label.unit;
  const percentile = label.percentile ?? clause.percentile?.value ?? null;
  const name = metric || (percentile !== null && isTimeUnit(unit) ? 'latency' : '');
  if (!name) return { unsure: `it has the value \`${shown}\` but says not what is measured` };
  const make = (op: Comparator) => ({ ...blank(name, op, value, unit), percentile, per, scale: found?.scale ?? null, upper: op === 'between' ? (found?.upper ?? null) : null });
  const trigger = clause.context.kind === 'rollback';
  if (found && found.upper !== null) return clause.finish([make('between')]);
  if (label.op) return clause.finish([make(trigger ? CROSSED[label.op] : label.op)], trigger ? [`Read the ${label.op === '<=' ? 'maximum' : 'minimum'} as a trigger that fires once it is crossed.`] : []);
  const series = label.metric ? seriesNames(label.metric) : null;
  if (value === 0) return clause.finish(series ? series.map((each) => ({ ...make(trigger ? '>' : '='), metric: each })) : [make(trigger ? '>' : '=')], trigger ? ['Read a zero in a trigger as: fires on the first one.'] : []);
  if (found?.plus) return clause.finish([make('>=')]);
  if (percentile !== null && isTimeUnit(unit) && !trigger) return clause.finish([make('<=')], [`Read as a maximum: a ${percentile}th percentile of a duration is a ceiling.`]);
  if (clause.leftover().length > 0) return { unsure: leftoverReason(clause.leftover()) };
  const problem = notAMetric(name);
  if (problem) return { unsure: problem, unnamed: true };
  return { ambiguous: [clause.qualified(make('>=')), clause.qualified(make('<='))], fix: `Write \`at least ${shown}\` or \`at most ${shown}\`.` };
}

/** Criteria without a number: "any data corruption", "no P1 defects", "all smoke tests pass", "two consecutive failed checks". */
function readQuantifier(clause: Clause): ClauseResult {
  const view = clause.free();
  const body = view.filter((token, index) => !clause.used[index] && token.kind !== 'symbol');
  const first = body[0]?.lower ?? '';
  const rest = body.slice(1);
  const single = (metric: string, op: Op, value: number, notes: string[] = []) => {
    for (const token of body) clause.used[clause.tokens.indexOf(token)] = true;
    for (let index = 0; index < clause.tokens.length; index++) if (!clause.used[index] && view[index]?.kind === 'word') clause.used[index] = true;
    return clause.finish([blank(metric, op, value, null)], notes);
  };
  const plain = (list: readonly Token[], and = false, longest = 6) => list.length <= longest && !list.some((token) => words(`or but should must will increase increases spike spikes drop drops inform informs cause causes${and ? '' : ' and'}`).has(token.lower));
  // A noun phrase keeps what qualifies it ("orders shipped to the wrong address") and ends at a condition or a second claim.
  const phrase = (list: readonly Token[]) => {
    const end = list.findIndex((token, position) => position > 0 && (CONDITIONS.has(token.lower) || NOT_METRIC.has(token.lower) || ['and', 'or', 'but'].includes(token.lower)));
    return end > 0 ? list.slice(0, end) : list;
  };
  // "Two consecutive failed health checks": the sequence is the count.
  if (clause.sequence && plain(body)) {
    const metric = metricText(body.filter((token) => !OCCURS.has(token.lower)));
    if (metric) return single(metric, '>=', clause.sequence.value.count);
  }
  // "No P1 defects", "Zero data loss", "None of the pilot sites report data loss".
  if (['no', 'zero', 'none', 'without'].includes(first)) {
    // "No increase in p99 admission latency", "No regression in error rate": a change of zero from the baseline.
    const change = changeDirection(rest[0]?.lower ?? '', null) ?? (words('impact regression degradation change').has(rest[0]?.lower ?? '') ? 'unknown' : null);
    const subject = rest.slice(['in', 'on', 'to', 'of'].includes(rest[1]?.lower ?? '') ? 2 : 1);
    // "No regression from Stage 1 metrics": what follows "from", "against" or "vs" is the baseline, not the metric.
    const fromBaseline = EDGES.has(rest[1]?.lower ?? '') && !['in', 'on', 'to', 'of'].includes(rest[1]?.lower ?? '');
    if (change && subject.length > 0 && !fromBaseline) {
      const metric = metricText(phrase(subject.filter((token) => !OCCURS.has(token.lower))));
      const direction = change === 'unknown' ? (metricPolarity(metric) === 'higher' ? 'decrease' : metricPolarity(metric) === 'lower' ? 'increase' : 'either') : change;
      if (metric && plain(phrase(subject))) {
        for (let index = 0; index < clause.tokens.length; index++) if (view[index]?.kind === 'word') clause.used[index] = true;
        return clause.finish([{ ...blank(metric, '<=', 0, '%'), baseline: { text: 'baseline', change: 'relative', direction } }], ['Read the change against a baseline the plan does not name.']);
      }
    }
    const nouns = phrase(first === 'none' && rest[0]?.lower === 'of' ? rest.slice(1) : rest);
    const last = nouns.at(-1);
    const state = last && words('open outstanding unresolved remaining active').has(last.lower) ? last : null;
    const kept = (state ? [state, ...nouns.slice(0, -1)] : nouns).filter((token) => !OCCURS.has(token.lower) && !words('allowed permitted tolerated').has(token.lower));
    if (plain(kept, false, 8) && kept.length > 0) return single(metricText(kept), '=', 0);
  }
  // "Any data corruption", "A single failed payout", "A P1 defect occurs": a trigger that one event fires.
  if (['any', 'a', 'an', 'one', 'single'].includes(first) && clause.context.kind === 'rollback') {
    const nouns = ['single', 'new'].includes(rest[0]?.lower ?? '') ? rest.slice(1) : rest;
    const failing = ['fail', 'fails'].includes(nouns.at(-1)?.lower ?? '');
    const kept = (failing ? nouns.slice(0, -1) : nouns).filter((token) => !OCCURS.has(token.lower) && !words('is are gets get was been').has(token.lower));
    if (plain(kept) && kept.length > 0) {
      // "Any health check fails": failed health checks.
      const metric = `${failing ? 'failed ' : ''}${metricText(kept)}`;
      // The noun takes the plural, not a participle after it: "any note lost" counts notes lost.
      const plural = metric.replace(/(\w+)((?: (?:\w+ed|lost|broken|stolen|missed|sent|shown|seen|done|made|found))?)$/, (_, word: string, participle: string) => `${/(?:s|loss|data|corruption|downtime|leak|leakage|breach|exposure|outage|feedback|traffic|churn)$/i.test(word) ? word : `${word}s`}${participle}`);
      return single(plural, '>=', 1);
    }
  }
  // "All smoke tests pass", "All P1 defects closed": nothing left failing or open.
  if (first === 'all' || first === 'every') {
    const verbAt = rest.findIndex((token) => PASS_VERBS[token.lower] !== undefined);
    const nouns = phrase(rest.slice(0, Math.max(0, verbAt)).filter((token) => !words('are is have has been be').has(token.lower)));
    // What follows the verb may only qualify it ("with the feature enabled"), not add a second claim ("and no new bugs").
    const after = ['off', 'out', 'up', 'through'].includes(rest[verbAt + 1]?.lower ?? '') ? rest[verbAt + 2] : rest[verbAt + 1];
    const second = after && (['and', 'or', 'but', 'without'].includes(after.lower) || rest[rest.indexOf(after) + 1]?.lower === 'no');
    if (verbAt > 0 && plain(nouns, true) && (!after || (EDGES.has(after.lower) && !second))) {
      const verb = rest[verbAt]?.lower ?? '';
      const state = PASS_VERBS[verb] ?? 'failing';
      const noun = metricText(nouns).replace(/(\w+)$/, (word) => (first === 'every' && !word.endsWith('s') ? `${word}s` : word));
      // "All e2e tests pass with the feature enabled": the qualifier stays with what is counted.
      const qualifier = after ? join(rest.slice(rest.indexOf(after))) : '';
      const counted = `${state} ${noun}${qualifier ? ` ${qualifier}` : ''}`;
      return single(counted, '=', 0, [`Read "${first} … ${verb}" as no ${counted}.`]);
    }
  }
  // "Refund errors none": a count of zero written after its metric.
  const zero = body.findIndex((token) => ['zero', 'none', 'nil'].includes(token.lower));
  if (zero > 0 && zero === body.length - 1 && plain(body.slice(0, zero))) return single(metricText(body.slice(0, zero)), '=', 0);
  const numbers = clause.leftover();
  if (numbers.length > 0) return { unsure: `the ${numbers.length === 1 ? 'number' : 'numbers'} ${numbers.map((token) => `\`${token.text}\``).join(', ')} ${numbers.length === 1 ? 'has' : 'have'} no comparison` };
  return { none: true };
}

/** The baseline a change is measured against, after the quantity: "fewer calls than the control group", "of baseline". */
function findBaseline(view: readonly Token[], from: number, preDirection: Baseline['direction'] | null, polarity: 'higher' | 'lower' | null): { start: number; end: number; direction: Baseline['direction'] | 'unknown'; text: string; metric: Token[] } | null {
  let at = from;
  let direction: Baseline['direction'] | 'unknown' | null = preDirection;
  const word = changeDirection(view[at]?.lower ?? '', polarity);
  if (word) {
    direction ??= word;
    at++;
  }
  // "fewer calls than …": the metric can sit between the change word and the link.
  let linkAt = -1;
  for (let look = at; look < Math.min(view.length, at + 5) && linkAt < 0; look++) if (BASELINE_LINKS.some((link) => wordsAt(view, look, link))) linkAt = look;
  // "2% below the control group": a word of place is its own link.
  if (linkAt < 0 && word && words('below above under over').has(view[from]?.lower ?? '') && BASELINE_NAMES.test(view[at]?.lower === 'the' ? (view[at + 1]?.lower ?? '') : (view[at]?.lower ?? ''))) {
    const { text, end } = baselineText(view, at);
    return text ? { start: from, end, direction: word, text, metric: [] } : null;
  }
  if (linkAt < 0) return null;
  const link = BASELINE_LINKS.find((each) => wordsAt(view, linkAt, each)) ?? [];
  // "of", "over", "from" and "on" link a baseline only after a change, or before a baseline's name.
  const named = BASELINE_NAMES.test(view[linkAt + link.length]?.lower ?? '') || BASELINE_NAMES.test(view[linkAt + link.length + 1]?.lower ?? '');
  if (direction === null && !named && !['than', 'vs', 'vs.', 'versus', 'compared', 'relative', 'against'].includes(link[0] ?? '')) return null;
  if (['of', 'over', 'on'].includes(link[0] ?? '') && !named && word === null) return null;
  const { text, end } = baselineText(view, linkAt + link.length);
  if (!text) return null;
  return { start: from, end, direction: direction ?? 'either', text, metric: view.slice(at, linkAt) };
}

/** The direction of "reduced by", "down by", "up by" right before a quantity, or null. */
function changeBefore(view: readonly Token[], start: number): Baseline['direction'] | null {
  if (view[start - 1]?.lower !== 'by') return null;
  const direction = changeDirection(view[start - 2]?.lower ?? '', null);
  return direction === 'unknown' ? null : direction;
}

/** "Reduce manual refunds by ≥ 25%", "reduces post-triage wait by 50%+": a change verb, the metric, then "by" before `start`. */
function changeVerbBefore(view: readonly Token[], start: number, used: readonly boolean[]): { direction: Baseline['direction']; verb: number; by: number } | null {
  // The comparison's lead may already hold "by" ("by ≥ 25%" leads with it), or "by" comes right before the quantity.
  const by = view[start]?.lower === 'by' ? start : view[start - 1]?.lower === 'by' ? start - 1 : -1;
  if (by < 0) return null;
  for (let verb = by - 2; verb >= Math.max(0, by - 7); verb--) {
    if (used[verb]) return null;
    const direction = CHANGE_VERBS[view[verb]?.lower ?? ''];
    // "lower than the control group by 2 points" compares; the baseline reader takes it.
    if (direction && view[verb + 1]?.lower !== 'than') return { direction, verb, by };
  }
  return null;
}

/** A baseline named before the comparison: "Readmissions lower than in the control group by at least 2 points". */
function baselineBefore(view: readonly Token[], opStart: number, unit: Unit | null): { baseline: Baseline; start: number } | null {
  for (let index = 0; index < opStart; index++) {
    const direction = changeDirection(view[index]?.lower ?? '', null);
    if (!direction || direction === 'unknown' || view[index + 1]?.lower !== 'than') continue;
    let from = index + 2;
    if (['in', 'for', 'with'].includes(view[from]?.lower ?? '')) from++;
    const end = view[opStart - 1]?.lower === 'by' ? opStart - 1 : opStart;
    const text = join(view.slice(from, end));
    if (!text || index === 0) return null;
    return { baseline: { text, change: unit === 'x' ? 'ratio' : unit === '%' ? 'relative' : 'points', direction }, start: index };
  }
  return null;
}

/** Reads one clause: the threshold, what qualifies it, and the metric. */
function readClause(all: Token[], context: ClauseContext, keepAsides = false): ClauseResult {
  // A condition after the threshold ("… if traffic > 1,000 rps") is not part of it.
  // "than before the pilot" names a baseline, not a condition.
  // ", as measured by …" defines the metric after its threshold; it is told, like a condition.
  const defines = (index: number) => all[index]?.lower === 'as' && all[index - 1]?.text === ',' && DEFINING.has(all[index + 1]?.lower ?? '');
  const conditionAt = all.findIndex((token, index) => index > 0 && (CONDITIONS.has(token.lower) || defines(index)) && !words('than from vs vs. versus to with above below under over').has(all[index - 1]?.lower ?? '') && statesThreshold(all.slice(0, index)));
  let tokens = conditionAt > 0 ? all.slice(0, conditionAt) : all;
  // "The deployment is successful if six or more instances …": what comes before "if" is the consequence.
  const firstNumber = tokens.findIndex((token, index) => token.kind === 'number' || numberAt(tokens, index) !== null);
  const opening = tokens.findIndex((token, index) => index > 0 && index < firstNumber && ['if', 'when', 'whenever', 'once'].includes(token.lower) && tokens.slice(0, index).some((each) => OUTCOMES.has(each.lower)));
  const set: Array<{ tokens: Token[]; note: string; lead?: true }> = [];
  if (opening > 0) {
    set.push({ tokens: tokens.slice(0, opening + 1), note: `Read what follows \`${join(tokens.slice(0, opening + 1))}\`.`, lead: true });
    tokens = tokens.slice(opening + 1);
  }
  // An opening phrase before a comma ("In the default scheduler, …", "As a starting point, …") sets the scene.
  const comma = tokens.findIndex((token) => token.text === ',');
  const intro = comma > 0 ? tokens.slice(0, comma) : [];
  if (comma > 0 && INTROS.has(intro[0]?.lower ?? '') && !intro.some((token, index) => token.kind === 'number' || token.text === '(' || comparisonAt(intro, index))) {
    set.push({ tokens: intro, note: `Ignored the opening \`${join(intro)}\`.` });
    tokens = tokens.slice(comma + 1);
  }
  const clause = new Clause(tokens, context);
  // A definition of the metric is told, as metrics.yaml would define it; a condition cannot be read.
  const definition = conditionAt > 0 && (defines(conditionAt) || (all[conditionAt]?.lower === 'where' && all.slice(conditionAt).some((token) => DEFINING.has(token.lower))));
  if (conditionAt > 0) set.push({ tokens: all.slice(conditionAt), note: `Ignored the ${definition ? 'definition' : 'condition'} \`${join(all.slice(conditionAt))}\`.`, ...(definition ? { lead: true as const } : {}) });
  for (const each of set) if (each.lead) clause.setAside(each.tokens, each.note);
  else clause.setCondition(each.tokens, each.note);
  findQualifiers(clause, keepAsides);
  let view = clause.free();

  // A share of a population: "at least 85% of enrolled clinics submit a claim", "90% of searches return in under 800 ms".
  const shareAt = view.findIndex((token, index) => token.kind === 'number' && view[index + 1]?.text === '%' && view[index + 2]?.lower === 'of' && !['within', '±'].includes(view[index - 1]?.lower ?? '') && !BASELINE_NAMES.test(view[index + 3]?.lower ?? '') && !BASELINE_NAMES.test(view[index + 4]?.lower ?? ''));
  if (shareAt >= 0) {
    const share = quantityAt(view, shareAt);
    if (share) {
      // "at least 85% of …": the comparison that ends where the share starts.
      const leadAt = [5, 4, 3, 2, 1].map((back) => shareAt - back).find((index) => index >= 0 && comparisonAt(view, index)?.end === shareAt);
      if (leadAt !== undefined) clause.use(leadAt, shareAt);
      // "Between 30% and 50% of freed slots are rebooked": a share range.
      const lowAt = shareAt - 3;
      const range = view[lowAt - 1]?.lower === 'between' && view[lowAt]?.kind === 'number' && view[lowAt + 1]?.text === '%' && view[shareAt - 1]?.lower === 'and';
      if (range) clause.use(lowAt - 1, shareAt);
      return readShare(clause, share, leadAt === undefined ? null : (comparisonAt(view, leadAt)?.op ?? null), range ? (view[lowAt]?.value ?? null) : null);
    }
  }

  // The comparison and its quantity: "< 300 ms", "no more than a dozen", "between 150 and 250 ms", "3 or fewer", "200+".
  let op: Op | null = null;
  let quantity: Quantity | null = null;
  let opStart = -1;
  let between = false;
  let negated = false;
  let preChange: Baseline['direction'] | null = null;
  let timeOf: string | null = null;
  for (let index = 0; index < view.length && !quantity; index++) {
    if (clause.used[index]) continue;
    if (view[index]?.lower === 'between') {
      const low = quantityAt(view, index + 1);
      const high = low && view[low.end]?.lower === 'and' ? quantityAt(view, low.end + 1) : null;
      if (low && high && (low.unit === null || high.unit === null || low.unit === high.unit)) {
        quantity = { ...low, end: high.end, upper: high.value, unit: low.unit ?? high.unit };
        between = true;
        opStart = index;
        clause.use(index, index + 1);
        break;
      }
    }
    const comparison = comparisonAt(view, index);
    if (!comparison) continue;
    const at = quantityStart(view, comparison.end);
    const found = quantityAt(view, at);
    if (!found) continue;
    op = comparison.op;
    quantity = found;
    opStart = index;
    // Modal and linking words before the comparison belong to it, and a negation turns it round.
    let lead = index - 1;
    while (lead >= 0 && !clause.used[lead] && (MODALS.has(view[lead]?.lower ?? '') || NEGATIONS.has(view[lead]?.lower ?? '') || CHANGE_UP.has(view[lead]?.lower ?? '') || CHANGE_DOWN.has(view[lead]?.lower ?? '') || CHANGE_EITHER.has(view[lead]?.lower ?? ''))) {
      const word = view[lead]?.lower ?? '';
      if (NEGATIONS.has(word)) negated = true;
      // "should not increase by more than 5%": a change, with its direction.
      // "should not increase by more than 5%", "CTR drops >5%": a change, with its direction.
      if (CHANGE_EITHER.has(word) && view[lead + 1]?.lower === 'by') preChange = 'either';
      const change = CHANGE_UP.has(word) || CHANGE_DOWN.has(word);
      if (change && (view[lead + 1]?.lower === 'by' || (lead + 1 === index && SYMBOL_COMPARATORS[view[index]?.text ?? ''] !== undefined && words('drop drops fall falls decrease decreases increase increases rise rises jump jumps spike spikes grow grows').has(word)))) preChange = CHANGE_UP.has(word) ? 'increase' : 'decrease';
      lead--;
    }
    // "Log queries should return within 30 seconds": what is measured is their time.
    if (view[lead]?.lower === 'in' && TIME_VERBS[view[lead - 1]?.lower ?? ''] !== undefined) lead--;
    const verb = view[lead];
    if (verb && !clause.used[lead] && TIME_VERBS[verb.lower] !== undefined && isTimeUnit(found.unit) && (['within', 'in', 'under', 'below', 'less'].includes(view[index]?.lower ?? '') || ['take', 'takes', 'last', 'lasts'].includes(verb.lower))) {
      timeOf = TIME_VERBS[verb.lower] ?? 'time';
      lead--;
      while (lead >= 0 && !clause.used[lead] && (MODALS.has(view[lead]?.lower ?? '') || NEGATIONS.has(view[lead]?.lower ?? ''))) {
        if (NEGATIONS.has(view[lead]?.lower ?? '')) negated = true;
        lead--;
      }
    }
    clause.use(lead + 1, at);
    opStart = lead + 1;
  }
  if (!quantity) {
    // A number with what follows it: "3 or fewer P2 defects", "200+ sign-ups", "2–4 s".
    for (let index = 0; index < view.length && !quantity; index++) {
      if (clause.used[index] || isIdentifierNumber(view, index)) continue;
      const found = quantityAt(view, index);
      if (!found) continue;
      const after = WORDS_AFTER.find(([phrase]) => wordsAt(view, found.end, phrase) && view[found.end + phrase.length]?.text !== ':');
      if (after || found.plus || found.upper !== null) {
        op = after ? after[1] : found.plus ? '>=' : null;
        between = !after && !found.plus;
        quantity = found;
        opStart = index;
        if (after) clause.use(found.end, found.end + after[0].length);
      }
    }
  }
  if (quantity) clause.use(quantity.start, quantity.end);
  // "reduced by 25% or more", "down by 10%": the change word before "by" gives the direction.
  const changedBy = quantity ? changeBefore(view, quantity.start) : null;
  if (quantity && changedBy && !preChange && !clause.used[quantity.start - 2]) {
    preChange = changedBy;
    clause.use(quantity.start - 2, quantity.start);
  }
  const verbed = quantity && !preChange ? changeVerbBefore(view, opStart >= 0 ? opStart : quantity.start, clause.used) : null;
  if (verbed) {
    preChange = verbed.direction;
    clause.use(verbed.verb, verbed.verb + 1);
    clause.use(verbed.by, verbed.by + 1);
    opStart = Math.min(opStart, verbed.by);
  }
  if (op && negated) op = FLIP[op];
  // "within 1-10 ms": a range after "within" is the range; after any other comparison it is not clear which end counts.
  if (quantity && op && quantity.upper !== null && !between) {
    if (view[opStart]?.lower !== 'within') return { unsure: `it compares with the range \`${join(clause.tokens.slice(quantity.start, quantity.end))}\`; write one number, or "between … and …"` };
    between = true;
  }
  view = clause.free();

  // "Label: value" or "is 0", with no comparison written.
  if (!quantity) {
    // "50% increase in errors", "a 10% drop in conversion": a change from a baseline the plan does not name.
    const changeAt = view.findIndex((token, index) => token.kind === 'number' && !clause.used[index] && view[index + 1]?.text === '%');
    const value = changeAt >= 0 ? quantityAt(view, changeAt) : null;
    const change = value?.unit === '%' ? changeDirection(view[value.end]?.lower ?? '', null) : null;
    if (value && change && change !== 'unknown' && ['in', 'of'].includes(view[value.end + 1]?.lower ?? '')) {
      const subject: Token[] = [];
      for (let index = value.end + 2; index < view.length && !clause.used[index] && !EDGES.has(view[index]?.lower ?? '') && !NOT_METRIC.has(view[index]?.lower ?? '') && view[index]?.kind !== 'symbol'; index++) subject.push(view[index] as Token);
      clause.use(0, value.end + 2 + subject.length);
      const metric = metricText(subject);
      if (metric) return clause.finish([{ ...blank(metric, '>=', value.value, '%'), baseline: { text: 'baseline', change: 'relative', direction: change } }], [`Read as a change of at least ${value.value}% from a baseline the plan does not name.`]);
    }

    const colon = view.findIndex((token) => token.text === ':');
    const copula = view.findIndex((token, index) => index > 0 && words('is are be equals').has(token.lower) && numberAt(view, index + 1) !== null);
    const valueAt = colon >= 0 ? view.findIndex((token, index) => index > colon && (token.kind !== 'symbol' || CURRENCY_SIGNS.has(token.text))) : copula >= 0 ? copula + 1 : -1;
    const found = valueAt >= 0 ? quantityAt(view, valueAt) : null;
    const zero = ['none', 'zero', 'nil', 'nothing', 'no'].includes(view[valueAt]?.lower ?? '');
    if (valueAt >= 0 && (found || zero)) {
      const split = colon >= 0 ? colon : copula;
      let label = readLabel(view.slice(0, split).filter((_, index) => !clause.used[index]));
      if (label.condition.length > 0) clause.setAside(label.condition, `Ignored the condition \`${join(label.condition)}\`.`);
      // "Week 1: $20K recovered": a label that names a period is the window, not the metric.
      const period = /^(?:week|day|month|sprint)$/.test(label.metric[0]?.lower ?? '') && label.metric.length === 2 && label.metric[1]?.kind === 'number';
      const labelWindow = findWindow([{ ...(label.metric[0] as Token), text: 'over', lower: 'over' }, ...label.metric]);
      if (!period && labelWindow && labelWindow.end === label.metric.length + 1 && !clause.window) {
        clause.window = { start: 0, end: 0, value: { ...labelWindow.value, text: join(label.metric) } };
        label = { ...label, metric: [] };
      }
      if (period && !clause.window) {
        const unit = label.metric[0]?.lower ?? 'day';
        clause.window = { start: 0, end: 0, value: { seconds: unit === 'week' ? 604_800 : unit === 'month' ? 2_592_000 : unit === 'sprint' ? 1_209_600 : 86_400, text: join(label.metric), kind: 'period' } };
        label = { ...label, metric: [] };
      }
      let end = found ? found.end : valueAt + 1;
      const per = found ? findPer(view, end) : null;
      if (per && found) end = per.end;
      clause.use(0, end);
      // "Target: 99.9% uptime": words after the value name the metric when the label does not.
      const trailing = view.slice(end).filter((token, index) => !clause.used[end + index] && token.kind !== 'symbol');
      let metric = metricText(label.metric);
      if (!metric && trailing.length > 0) {
        metric = metricText(trailing);
        clause.use(end, view.length);
      }
      if (!metric && context.label) metric = metricText(readLabel(tokenize(context.label)).metric);
      return readUndirected(clause, metric, found, label, join(view.slice(valueAt, end)), per?.value ?? null);
    }
    // "We target 0.01% unsuccessful calls", "99.9% uptime": a value and its metric, with no direction.
    const bare = view.findIndex((token, index) => token.kind === 'number' && !clause.used[index] && !isIdentifierNumber(view, index));
    const amount = bare >= 0 ? quantityAt(view, bare) : null;
    // "Error rate 50% higher than baseline": a change with no comparison written reads as at least that change.
    const changedBy = amount ? changeBefore(view, amount.start) : null;
    const before = amount ? view.slice(0, amount.start - (changedBy ? 2 : 0)).filter((token, index) => !clause.used[index] && token.kind === 'word') : [];
    const versus = amount ? findBaseline(view, amount.end, changedBy, metricPolarity(join(before))) : null;
    // "15% fewer tickets than the control group": the metric may sit between the change word and the baseline.
    const subject = before.length > 0 ? before : (versus?.metric ?? []);
    if (amount && versus && versus.direction !== 'unknown' && subject.length > 0) {
      clause.use(0, versus.end);
      const change = amount.unit === 'x' ? 'ratio' : amount.unit === '%' ? 'relative' : 'points';
      return clause.finish([{ ...blank(metricText(subject), '>=', amount.value, amount.unit), baseline: { text: versus.text, change, direction: versus.direction } }], [`Read as a change of at least ${join(view.slice(amount.start, amount.end))}.`]);
    }
    if (amount && amount.unit !== null && view[amount.end]?.kind === 'word' && !EDGES.has(view[amount.end]?.lower ?? '')) {
      const after: Token[] = [];
      for (let index = amount.end; index < view.length && !clause.used[index] && !EDGES.has(view[index]?.lower ?? ''); index++) after.push(view[index] as Token);
      clause.use(0, amount.end + after.length);
      return readUndirected(clause, metricText(after, amount.unit), amount, { op: null, unit: null, percentile: null }, join(view.slice(amount.start, amount.end)));
    }
    const quantified = readQuantifier(clause);
    // No threshold outside brackets: "negligible impact (<5%)" has it inside.
    if (!('criteria' in quantified) && !keepAsides && clause.notes.some((note) => note.startsWith('Ignored the aside'))) return readClause(all, context, true);
    return quantified;
  }

  // A baseline: "20% fewer calls than the control group", "within 1 point of baseline", "> 2x baseline", "increase by more than 5% compared to …".
  let baseline: Baseline | null = null;
  let afterMetric: Token[] = [];
  if (!between) {
    const before = view.filter((token, index) => !clause.used[index] && token.kind === 'word' && index < quantity.start);
    const found = findBaseline(view, quantity.end, preChange, metricPolarity(join(before)));
    const ratio = quantity.unit === 'x' && !found && BASELINE_NAMES.test(view[quantity.end]?.lower === 'the' ? (view[quantity.end + 1]?.lower ?? '') : (view[quantity.end]?.lower ?? ''));
    if (found || ratio || preChange) {
      if (found?.direction === 'unknown') return { unsure: `it says better or worse than \`${found.text}\`, but the metric does not say which way is better; write "higher" or "lower"` };
      const within = clause.tokens.slice(opStart, quantity.start).some((token) => ['within', '±'].includes(token.lower));
      const direction: Baseline['direction'] = within ? 'either' : ((found?.direction as Baseline['direction'] | undefined) ?? preChange ?? 'increase');
      const ratioEnd = quantity.end + (view[quantity.end]?.lower === 'the' ? 2 : 1);
      const text = found?.text ?? (ratio ? join(view.slice(quantity.end, ratioEnd)) : 'baseline');
      baseline = { text, change: quantity.unit === 'x' ? 'ratio' : quantity.unit === '%' ? 'relative' : 'points', direction };
      if (found) {
        clause.use(found.start, found.end);
        afterMetric = found.metric;
      } else if (ratio) clause.use(quantity.end, ratioEnd);
      else clause.notes.push('Read the change against a baseline the plan does not name.');
      op ??= '>=';
    } else {
      const named = baselineBefore(view, opStart, quantity.unit);
      if (named) {
        baseline = named.baseline;
        clause.use(named.start, opStart);
      }
    }
  }
  view = clause.free();

  // A rate after the quantity ("per 1,000 sessions", "a day", "in 200 orders"); a percentage "per day" is measured daily.
  let per: ParsedCriterion['per'] = null;
  let dailyWindow: Window | null = null;
  for (let index = quantity.end; index < view.length && !per && !dailyWindow; index++) {
    if (clause.used[index]) continue;
    const found = findPer(view, index);
    if (found) {
      clause.use(found.start, found.end);
      const time = unitOf(found.value.unit);
      const seconds = time ? SECONDS[time] : found.value.unit === 'month' ? 2_592_000 : undefined;
      if (quantity.unit === '%' && seconds !== undefined) dailyWindow = { seconds: found.value.count * seconds, text: join(view.slice(found.start, found.end)), kind: 'period' };
      else per = found.value;
      break;
    }
    if (view[index]?.kind !== 'word') break;
  }
  // "support response time < 4 h within 24 hours": with the threshold found, a later "within" gives the period.
  if (!clause.window) {
    const within = view.findIndex((token, index) => index >= quantity.end && !clause.used[index] && token.lower === 'within');
    const period = within >= 0 ? findWindow([{ ...(view[within] as Token), text: 'over', lower: 'over' }, { ...(view[within] as Token), text: 'the', lower: 'the' }, ...view.slice(within + 1)]) : null;
    if (period && period.start === 0) {
      clause.window = { start: within, end: within + period.end - 1, value: { ...period.value, text: join(view.slice(within, within + period.end - 1)) } };
      clause.use(within, within + period.end - 1);
    }
  }
  // A slash-identifier right after the quantity is its unit of measure: "100-150 pods/s".
  let unitLabel = '';
  const next = view[quantity.end];
  if (next?.kind === 'word' && next.text.includes('/') && !clause.used[quantity.end]) {
    unitLabel = ` (${next.text})`;
    clause.use(quantity.end, quantity.end + 1);
  }
  // "… 99% of the time", "… in 99%": a share that makes the threshold a percentile.
  const trailingShare = view.findIndex((token, index) => index >= quantity.end && !clause.used[index] && token.kind === 'number' && view[index + 1]?.text === '%' && token.value > 0 && token.value < 100 && !(quantity.unit === '%' && comparisonAt(view, index - 1)));
  if (trailingShare >= 0 && !clause.percentile) {
    const tail = view.slice(trailingShare + 2, trailingShare + 6).map((token) => token.lower);
    if (tail.length === 0 || tail[0] !== 'of' || ['time', 'requests', 'cases', 'calls', 'samples', 'runs', 'the'].includes(tail[1] ?? '')) {
      clause.percentile = { start: trailingShare, end: trailingShare + 2, value: view[trailingShare]?.value ?? 0 };
      const end = tail[0] === 'of' ? trailingShare + 2 + (tail[1] === 'the' ? 3 : 2) : trailingShare + 2;
      clause.use(trailingShare - (['in', 'for', 'of'].includes(view[trailingShare - 1]?.lower ?? '') ? 1 : 0), end);
      if (view[trailingShare - 1]?.lower === 'least' && view[trailingShare - 2]?.lower === 'at') clause.use(trailingShare - 2, trailingShare);
    }
  }
  view = clause.free();

  // The metric: words before the comparison; or, when it comes first, the words after the quantity.
  let before = view.filter((_, index) => index < opStart && !clause.used[index]);
  // "Key signals: P95 latency delta under 5ms": with words after a label's colon, those name the metric.
  const colonAt = before.map((token) => token.text).lastIndexOf(':');
  const afterColon = before.slice(colonAt + 1).filter((token) => token.kind === 'word');
  if (colonAt >= 0 && afterColon.length > 0 && !EDGES.has(afterColon[0]?.lower ?? '')) before = before.slice(colonAt + 1);
  // "Watch (70-90% used)": the threshold sits in brackets after a name; the name is not the metric.
  const lastBefore = before.at(-1);
  const bracketed = lastBefore !== undefined && clause.tokens.slice(0, opStart).some((token, index) => token.text === '(' && index > view.indexOf(lastBefore));
  const label = readLabel(before);
  if (label.condition.length > 0) clause.setAside(label.condition, `Ignored the condition \`${join(label.condition)}\`.`);
  let metric = metricText(label.metric, quantity.unit);
  const counted: Token[] = [];
  for (let index = quantity.end; index < view.length; index++) {
    const token = view[index];
    if (!token || clause.used[index]) {
      if (counted.length > 0) break;
      continue;
    }
    if (counted.length === 0 && words('threshold limit mark level ceiling floor total overall absolute').has(token.lower)) {
      clause.used[index] = true;
      continue;
    }
    // What is counted keeps what qualifies it: "1 in 50 orders fail at checkout", "2 releases in Beta without major bugs".
    // A "without …" or "with no …" always stays: dropping it would drop a condition.
    const negative = token.lower === 'without' || (token.lower === 'with' && view[index + 1]?.lower === 'no');
    const qualifies = counted.length > 0 && (!metric || negative || counted.some((each) => ['without', 'no'].includes(each.lower)) || (per !== null && PER_STOPS.has(counted[0]?.lower ?? '')));
    const place = qualifies && (QUALIFIERS.has(token.lower) || (['the', 'a', 'an'].includes(token.lower) && QUALIFIERS.has(counted.at(-1)?.lower ?? ''))) && view[index + 1]?.kind === 'word' && !clause.used[index + 1];
    if (!place && (token.kind === 'number' || token.kind === 'symbol' || EDGES.has(token.lower) || CONDITIONS.has(token.lower) || NOT_METRIC.has(token.lower))) break;
    counted.push(token);
    clause.used[index] = true;
  }
  const countedText = metricText(counted);
  // "Endpoint availability: > 99.9% success rate": after a label, the words after the value name the metric.
  const labelled = before.filter((token) => token.kind !== 'symbol' || token.text === ':').at(-1)?.text === ':';
  if (!metric || (bracketed && countedText)) metric = countedText || metric;
  else if (labelled && countedText) metric = `${metric} ${countedText}`;
  else if (countedText && (counted.length <= 3 || counted.some((token) => QUALIFIERS.has(token.lower))) && !unitOf(counted[0]?.lower ?? '')) metric = MEASURES.test(metric) ? `${metric} (${countedText})` : `${countedText} ${metric}`;
  if (timeOf && metric) metric = `${metric.replace(/(\S+)$/, (word) => singular(word))} ${timeOf}`;
  if (!metric && afterMetric.length > 0) metric = metricText(afterMetric);
  if (!metric && unitLabel) {
    metric = unitLabel.slice(2, -1);
    unitLabel = '';
  }
  // "fewer than 1 in 200 orders fail": what the counted things do.
  if (per && countedText && before.every((token) => clause.used[clause.tokens.indexOf(token)] || token.kind === 'symbol') && metric === countedText && view.findIndex((_, index) => index > quantity.end && clause.used[index]) < view.indexOf(counted[0] as Token)) metric = `${per.unit} that ${countedText}`;
  const percentileOf = clause.percentile ?? (label.percentile === null ? null : { value: label.percentile });
  if (percentileOf && isTimeUnit(quantity.unit) && !metric) {
    metric = 'latency';
    clause.notes.push(`Read \`p${percentileOf.value}\` of a duration as p${percentileOf.value} latency.`);
  }
  if (!metric && context.label) metric = metricText(readLabel(tokenize(context.label)).metric);
  const ofAt = view.findIndex((_, index) => index >= quantity.end && !clause.used[index]);
  if (view[ofAt]?.lower === 'of' && ofAt === quantity.end) return { unsure: `\`${join(clause.tokens.slice(quantity.start, quantity.end))}\` is a share of \`${join(view.slice(ofAt + 1).filter((token) => token.kind !== 'symbol'))}\`, which is no figure to compare with` };
  if (!metric) return { unsure: `it has the threshold \`${join(clause.tokens.slice(quantity.start, quantity.end))}\` but says not what is measured` };
  if (!op && !between) return { unsure: `it has \`${join(clause.tokens.slice(quantity.start, quantity.end))}\` but no comparison` };

  const criterion: ParsedCriterion = {
    ...blank(metric + unitLabel, between ? 'between' : (op ?? '='), quantity.value, quantity.unit ?? label.unit),
    upper: between ? quantity.upper : null,
    scale: quantity.scale,
    per,
    window: dailyWindow,
    percentile: label.percentile,
    baseline,
  };
  // "ip_errors_total, reconcile_errors_total should be 0": one threshold for each named series.
  const names = metric.split(/\s*(?:,|\band\b)\s*/).filter(Boolean);
  if (names.length > 1 && names.every((name) => /^`[^`]+`$|^[a-z][a-z0-9]*_[a-z0-9_]+$/.test(name))) return clause.finish(names.map((name) => ({ ...criterion, metric: name })));
  return clause.finish([criterion]);
}

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

// Readings of bullets seen before: a plan's versions repeat most bullets, and `astro dev` reads a plan on
// every keystroke. Readings are frozen, as callers share them. Cleared when full, to bound the memory.
const readings = new Map<string, Reading>();
const READINGS_KEPT = 10_000;

/**
 * Reads one exit criterion or rollback trigger as written into criteria, or says why it cannot:
 * `ambiguous` with the readings it considered, `unsure` with the numbers it found, `none` without any.
 */
export function readCriterion(text: string, context: ReadContext): Reading {
  const key = `${context.kind}\u0000${context.label ?? ''}\u0000${text}`;
  const known = readings.get(key);
  if (known) return known;
  if (readings.size >= READINGS_KEPT) readings.clear();
  const reading = deepFreeze(read(text, context));
  readings.set(key, reading);
  return reading;
}

/** Freezes a reading all the way down, so a caller that changed a shared one would fail loudly. */
function deepFreeze<T>(value: T): T {
  if (value && typeof value === 'object' && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const item of Object.values(value)) deepFreeze(item);
  }
  return value;
}

function read(text: string, context: ReadContext): Reading {
  const written = tokenize(text);
  const tokens = refineFractions(stripFrame(written));
  if (tokens.length === 0) return { status: 'none' };
  const numbers = tokens.filter((token, index) => token.kind === 'number' && !isIdentifierNumber(tokens, index)).map((token) => token.text);
  const unsure = (reason: string): Extract<Reading, { status: 'unsure' }> => ({ status: 'unsure', found: numbers, reason, nearest: nearestForms(tokens) });
  // "within X minutes", "below XX%": a placeholder stands where the number belongs.
  const placeholder = tokens.find((token, index) => PLACEHOLDERS.test(token.text) && token.kind === 'word' && (comparisonAt(tokens, index - 1) !== null || tokens[index + 1]?.text === '%' || unitAt(tokens, index + 1) !== null));
  if (placeholder) return { status: 'unsure', found: numbers, reason: `\`${placeholder.text}\` stands where a number belongs`, nearest: [] };
  const whole = readClauses(tokens, context, numbers, unsure);
  // A label names what the words after it measure, even where those words alone do not name it well.
  const label = findLabel(tokens);
  const rest = !('aside' in whole) && label ? readClauses(tokens.slice(label.end + 1), { ...context, label: join(label.words), named: true }, numbers, unsure) : null;
  const byLabel = rest && 'aside' in rest && rest.criteria.length === 1 ? applyLabel(tokens, rest.criteria, rest.notes, rest.aside, true) : null;
  if (!byLabel && !('aside' in whole)) return whole;
  const named = byLabel ?? ('aside' in whole ? (applyLabel(tokens, whole.criteria, whole.notes, whole.aside) ?? whole) : whole);
  if (!('aside' in named)) return named;
  const words = [...framing(written, tokens), ...placeWords(tokens, named.criteria, named.aside)];
  const left = words.filter((run) => run.part === 'left').map((run) => run.text);
  if (left.length > 0) return { ...unsure(leftWordsReason(left, named.criteria)), considered: named.criteria, left, words, unnamed: true };
  return { status: 'read', criteria: named.criteria, notes: named.notes, words };
}

/** The clauses of a bullet read and joined, or the reason they cannot be: what is left to name and account for. */
function readClauses(tokens: Token[], context: ClauseContext, numbers: readonly string[], unsure: (reason: string) => Reading): { criteria: ParsedCriterion[]; notes: string[]; aside: Token[] } | Reading {
  const { clauses, or, and } = splitClauses(tokens);
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
  const criteria: ParsedCriterion[] = [];
  const notes: string[] = [];
  const aside: Token[] = [];
  for (const result of results) {
    if ('ambiguous' in result) return { status: 'ambiguous', options: result.ambiguous.map((option) => [option]), joint: null, fix: result.fix };
    if ('none' in result) return numbers.length > 0 ? unsure('no comparison was found') : { status: 'none' };
    if ('unsure' in result) return { ...unsure(result.unsure), ...(result.unnamed ? { unnamed: true as const } : {}) };
    criteria.push(...result.criteria);
    notes.push(...result.notes);
    aside.push(...result.aside);
  }
  return { criteria, notes, aside };
}

/** The words the frame took off before and after the criterion ("Roll back if", ", then page"), as runs for `--explain`. */
function framing(written: readonly Token[], kept: readonly Token[]): WordRun[] {
  const first = kept[0]?.start ?? Number.POSITIVE_INFINITY;
  const last = kept.at(-1)?.end ?? Number.NEGATIVE_INFINITY;
  const text = (list: readonly Token[]) => list.filter((token) => token.kind === 'word' || token.kind === 'code').map((token) => token.text).join(' ');
  const lead = text(written.filter((token) => token.end <= first));
  const after = text(written.filter((token) => token.start >= last));
  return [...(lead ? [{ text: lead, part: 'lead' as const }] : []), ...(after ? [{ text: after, part: 'told' as const }] : [])];
}

/** Why a reading was not taken: the words it could not place, and the reading it would have been. */
function leftWordsReason(left: readonly string[], considered: readonly ParsedCriterion[]): string {
  const one = left.length === 1 && !left[0]?.includes(' ');
  return `the ${one ? 'word' : 'words'} ${left.map((run) => `\`${run}\``).join(', ')} ${one ? 'has' : 'have'} no place in the reading \`${considered.map(describeReading).join(' ; ')}\``;
}
