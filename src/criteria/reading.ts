/**
 * What a reading is: the criteria read from a bullet, or why there are none, and the types the
 * finders, readers and refiners share. The contract `readCriterion` keeps for the site, export and evaluate.
 */

import type { Comparator, Criterion, Unit } from '../schemas/criterion-schema.ts';
import type { Token } from './tokenize.ts';

export type ParsedCriterion = Omit<Criterion, 'text' | 'line'>;

export type Op = Exclude<Comparator, 'between'>;

export type Baseline = NonNullable<Criterion['baseline']>;

export type Window = NonNullable<Criterion['window']>;

export type Sequence = NonNullable<Criterion['sequence']>;

export interface ReadContext {
  /** Exit criteria say what must hold; rollback triggers what must not. */
  kind: 'exit' | 'rollback';
  /** The item this bullet is nested under ("Checkout latency (ms):"), which names a bare "max: 250". */
  label?: string | undefined;
}

export type Reading =
  /** Read with confidence; `notes` say where a convention decided something. */
  | { status: 'read'; criteria: ParsedCriterion[]; notes: string[] /** Which words went where. */; words?: WordRun[] }
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
export type ClauseContext = ReadContext & { named?: boolean };

export type ClauseResult =
  | { criteria: ParsedCriterion[]; notes: string[]; aside: readonly Token[]; placed: ReadonlyMap<number, WordPart> }
  | { ambiguous: ParsedCriterion[]; fix: string }
  | { unsure: string; unnamed?: true }
  | { none: true };

/** A criterion with every optional part empty, to fill in. */
export function blank(metric: string, comparator: Comparator, value: number, unit: Unit | null): ParsedCriterion {
  return { metric, comparator, value, upper: null, unit, scale: null, per: null, window: null, percentile: null, sequence: null, baseline: null };
}

/** Where a word went: the lead ("Roll back if"), a part of the reading, set aside with a note (`told`), a function word, or nowhere (`left`). */
export type WordPart = 'lead' | 'metric' | 'comparison' | 'quantity' | 'unit' | 'window' | 'rate' | 'percentile' | 'sequence' | 'baseline' | 'told' | 'filler' | 'left';

/** A run of words that went to one part, as the author wrote them. */
export interface WordRun {
  text: string;
  part: WordPart;
}

/** Something found in a clause: the tokens it spans, and what it means. */
export interface Found<T> {
  start: number;
  end: number;
  value: T;
}

/** What the clauses of a bullet made of it, before a label and the word account: the criteria, the notes, the words set aside and where the finders put the words that carry meaning. */
export interface ReadParts {
  criteria: ParsedCriterion[];
  notes: string[];
  aside: Token[];
  placed: ReadonlyMap<number, WordPart>;
}
