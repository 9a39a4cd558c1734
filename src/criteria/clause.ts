/** A clause being read: its tokens, which of them a reading has used, and what it set aside with a note. */
import { isIdentifierNumber } from './identifier-number.ts';
import { notAMetric } from './metric-name-problems.ts';
import { joinTokens as join } from './metric-text.ts';
import type { ClauseContext, ClauseResult, Found, ParsedCriterion, Sequence, Window, WordPart } from './reading.ts';
import type { Token } from './tokenize.ts';

const SIGNS: Readonly<Record<string, string>> = { '>=': '≥', '≥': '≥', '<=': '≤', '≤': '≤', '>': '>', '<': '<', '=': '=' };

export function leftoverReason(numbers: readonly Token[], tokens: readonly Token[] = []): string {
  // "Kappa ≥ 4/5", "Staff trained ≥ 4/5": with nothing named as a score, a score and four in five are both readings.
  // Only where the fraction is all that is left, and could be a score ("24/7" and "2012/13" are neither).
  const [top] = numbers.filter((token) => tokens[tokens.indexOf(token) - 1]?.text === '/');
  const over = top && tokens[tokens.indexOf(top) - 2];
  const sign = over && SIGNS[tokens[tokens.indexOf(over) - 1]?.text ?? ''];
  const value = Number(over?.text);
  // After a comparison sign only: "Stage 2/3" and "by 3/4" are no thresholds.
  if (top && sign && over?.kind === 'number' && value > 0 && value <= Number(top.text) && Number(top.text) <= 10 && numbers.every((token) => token === top || token === over)) {
    const share = Number(((value / Number(top.text)) * 100).toFixed(1));
    return `\`${over.text}/${top.text}\` may be a score out of ${top.text} or ${over.text} in every ${top.text} counted; name the score ("rating ${sign} ${over.text} out of ${top.text}") or write the share ("${sign} ${share}%")`;
  }
  return `the ${numbers.length === 1 ? 'number' : 'numbers'} ${numbers.map((token) => `\`${token.text}\``).join(', ')} ${numbers.length === 1 ? 'has' : 'have'} no place in the reading`;
}

/** A clause being read: its tokens, and which of them a reading has accounted for. */
export class Clause {
  readonly used: boolean[];
  readonly notes: string[] = [];
  /** Words set aside with a note saying so: conditions, asides in brackets, an opening phrase. */
  readonly aside: Token[] = [];
  /** Where the finders put words that carry meaning ("not", "up", "than", "max"), by their place in the text. */
  readonly placed = new Map<number, WordPart>();
  percentile: Found<number> | null = null;
  window: Found<Window> | null = null;
  /** A window written in brackets after the threshold: the window, unless another is written too. */
  asideWindow: Found<Window> | null = null;

  /** The word that opens the window ("for", "over", "lasting"), or '' without one. */
  get windowLink(): string {
    return this.window === null ? '' : (this.tokens[this.window.start]?.lower ?? '');
  }
  sequence: Found<Sequence> | null = null;
  /** The top of the scale a score is rated on, written in words: "on a scale of 1-4". */
  scale: Found<number> | null = null;

  readonly tokens: readonly Token[];
  readonly context: ClauseContext;

  constructor(tokens: readonly Token[], context: ClauseContext) {
    this.tokens = tokens;
    this.context = context;
    this.used = tokens.map(() => false);
  }

  /** A short aside of words after the threshold, kept in the metric's name: "(no assist required)". */
  nameAside: string | null = null;

  /** One period counted from the start ("in week 1", "within the first month"), kept in the metric's name. */
  period: string | null = null;

  /** An aside in brackets with a number in it: it may be a second threshold, so a reading that sets it aside is not sure. */
  numberedAside: string | null = null;
  /** An aside that states a claim of its own ("(and consistent with the old page)"): no reading may drop it. */
  claimAside: string | null = null;
  /** Why an aside makes any reading unsure: it hedges the figure, or names the other list. */
  asideProblem: string | null = null;
  /** How often the figure is checked ("measured weekly"): of a count, it may be a count per week instead. */
  cadence: string | null = null;
  /** An aside naming a baseline ("(vs baseline)"): the figure is a change, unless the name says so already ("savings"). */
  versusAside: string | null = null;

  /** Set when a count of none or any names things joined by "or" ("no downtime or data loss"): the name may hold the "or". */
  namesJoined = false;

  /** Conditions and openings the threshold was written under: no reading can hold them, so any makes the reading unsure. */
  readonly conditions: string[] = [];

  /** Sets a condition aside ("if traffic > 1,000 rps", ", as measured by …", "In the default scheduler,"): told, never read. */
  setCondition(tokens: readonly Token[], note: string): void {
    this.setAside(tokens, note);
    this.conditions.push(unbracketed(join(tokens)));
  }

  /** Sets words aside from the reading, with the note that tells the author which and why. */
  setAside(tokens: readonly Token[], note: string): void {
    this.aside.push(...tokens);
    this.notes.push(note);
  }

  /** Records that the words from `start` to `end` are the reading's `part`: the word account trusts no other place for them. */
  place(start: number, end: number, part: WordPart): void {
    for (let index = Math.max(0, start); index < Math.min(end, this.tokens.length); index++) {
      const token = this.tokens[index];
      if (token && !this.placed.has(token.start)) this.placed.set(token.start, part);
    }
  }

  /** Records that one token, wherever it stands, is the reading's `part`. */
  placeToken(token: Token | undefined, part: WordPart): void {
    if (token && !this.placed.has(token.start)) this.placed.set(token.start, part);
  }

  use(start: number, end: number): void {
    for (let index = Math.max(0, start); index < Math.min(end, this.tokens.length); index++) this.used[index] = true;
  }

  /** The last view `free` gave, and which tokens were used then: readers ask for it a dozen times a clause, mostly unchanged. */
  private view: { tokens: readonly Token[]; used: readonly boolean[] } | null = null;

  /** The tokens, with those already accounted for blanked, so later matches cannot reuse them. Shared: never change it. */
  free(): readonly Token[] {
    const used = this.used;
    const last = this.view;
    if (last?.used.every((flag, index) => flag === used[index])) return last.tokens;
    const tokens = this.tokens.map((token, index) => (used[index] ? { ...token, text: '\u0000', lower: '\u0000', kind: 'symbol' as const } : token));
    this.view = { tokens, used: [...used] };
    return tokens;
  }

  /** Numbers not yet accounted for and not part of a name: any left means no confident reading. */
  leftover(): Token[] {
    return this.tokens.filter((token, index) => !this.used[index] && token.kind === 'number' && !isIdentifierNumber(this.tokens, index));
  }

  /** A criterion with the clause's percentile, window and sequence. */
  qualified(criterion: ParsedCriterion, withPeriod = true): ParsedCriterion {
    const aside = this.nameAside && !criterion.metric.includes(this.nameAside) ? `${criterion.metric} ${this.nameAside}` : criterion.metric;
    const metric = this.period && withPeriod ? `${aside} ${this.period}` : aside;
    return {
      ...criterion,
      metric,
      scale: criterion.scale ?? this.scale?.value ?? null,
      percentile: criterion.percentile ?? this.percentile?.value ?? null,
      window: criterion.window ?? this.window?.value ?? null,
      sequence: criterion.sequence ?? this.sequence?.value ?? null,
    };
  }

  /** The result for a finished reading, unless numbers are left over or the metric is not one. */
  finish(criteria: ParsedCriterion[], notes: readonly string[] = []): ClauseResult {
    const leftover = this.leftover();
    if (leftover.length > 0) return { unsure: leftoverReason(leftover, this.tokens) };
    if (this.numberedAside) return { unsure: `the aside \`${this.numberedAside}\` holds a number the reading does not use` };
    if (this.claimAside) return { unsure: `the aside \`${this.claimAside}\` states a condition of its own, which the reading cannot hold; give it a bullet of its own, or drop it` };
    if (this.asideProblem) return { unsure: this.asideProblem };
    // "Reading score up 5 points": points of a score are not percentage points.
    const scored = criteria.find((criterion) => criterion.unit === 'pp' && /\b(?:scores?|ratings?|grades?|marks?)\b/i.test(criterion.metric) && !/satisfaction|csat|nps/i.test(criterion.metric));
    // "Library e-loans up 15% or more": a change whose "up" stayed in the name, with no baseline.
    const moved = criteria.find((criterion) => ['%', 'pp'].includes(criterion.unit ?? '') && criterion.baseline === null && /\s(?:up|down)$/.test(criterion.metric));
    if (moved) return { unsure: `\`${moved.metric}\` ends with a change, which needs what it is measured from; write "by at least … compared with last quarter"` };
    if (scored) return { unsure: `\`${scored.metric}\` is a score, whose points are not percentage points; write the change in the score's own units, or as a percentage` };
    const scale = this.scale?.value;
    if (scale !== undefined && criteria.some((criterion) => criterion.unit !== null || Math.max(criterion.value, criterion.upper ?? 0) > scale))
      return { unsure: `the scale \`${join(this.tokens.slice(this.scale?.start, this.scale?.end))}\` does not fit the threshold, which has a unit or a number above ${scale}` };
    // "Complaints under 5, measured weekly": five a week, or five in all counted each week.
    const counted = criteria.some((criterion) => criterion.unit === null && criterion.per === null && criterion.window === null && criterion.baseline === null);
    if (this.cadence && counted)
      return { unsure: `\`${this.cadence}\` after a count may say how often it is counted or a count for each period; write "per week" for a count each week, or leave out how often it is checked` };
    // "Booking growth < 10% MoM for 2 months": a change on the month before, over a span of months, is each month's.
    const periodic = criteria.find((criterion) => /\b(?:mom|wow|qoq|yoy|dod)\b/i.test(criterion.metric));
    if (periodic && this.window)
      return { unsure: `\`${periodic.metric}\` is a change on the period before, so a span after it may mean each period in a row; write "on 2 consecutive months" for that` };
    const [condition] = this.conditions;
    if (condition)
      return {
        unsure: `it holds only under \`${condition}\`, which a reading cannot evaluate; state the threshold for every case, or name the case in the metric, such as \`error rate at peak traffic < 1%\``,
      };
    const qualified = criteria.map((criterion) => this.qualified(criterion));
    // The period kept in the name ("in week 1") has its own words; the name before it must be a metric's.
    for (const criterion of criteria.map((each) => this.qualified(each, false))) {
      const problem = this.context.named ? null : notAMetric(criterion.metric, this.namesJoined);
      if (problem) return { unsure: problem, unnamed: true };
    }
    return { criteria: qualified, notes: [...this.notes, ...notes], aside: this.aside, placed: this.placed };
  }
}

/** A condition quoted without the one bracket it was cut from: `excluding maintenance)` reads `excluding maintenance`. */
function unbracketed(text: string): string {
  const opened = text.split('(').length - text.split(')').length;
  if (opened < 0 && text.endsWith(')')) return text.slice(0, -1).trimEnd();
  return opened > 0 && text.startsWith('(') ? text.slice(1).trimStart() : text;
}
