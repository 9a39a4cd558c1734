import { type ChangeObject, diffSentences } from 'diff';
import { describeThreshold, describeWindow } from '../criteria/describe-reading.ts';
import { criterionKey } from '../criteria/metric-key.ts';
import type { Criterion } from '../schemas/criterion-schema.ts';
import type { PlanVersion } from './plan-library.ts';

export interface CriterionChange {
  kind: 'changed' | 'added' | 'removed';
  list: 'exit' | 'rollback';
  /** A readable line: "CSAT threshold ≥ 4/5 → ≥ 4.2/5". */
  summary: string;
}

export interface SectionDiff {
  title: string;
  status: 'added' | 'removed' | 'changed';
  parts: ChangeObject<string>[];
}

/** A frontmatter field whose value differs between the two versions, as shown to readers. */
export interface FieldChange {
  label: string;
  /** The value before, or null when the field was not set: the page says "added" rather than striking out a dash. */
  before: string | null;
  /** The value after, or null when the field was removed. */
  after: string | null;
}

export interface VersionDiff {
  from: number;
  to: number;
  fields: FieldChange[];
  criteria: CriterionChange[];
  sections: SectionDiff[];
}

// Every frontmatter field but `version`, which always differs, in the order the plan header shows them.
const FIELDS: ReadonlyArray<readonly [string, (version: PlanVersion) => string | null]> = [
  ['Title', ({ data }) => data.title],
  ['Summary', ({ data }) => data.summary],
  ['Status', ({ data }) => data.status],
  ['Owner', ({ data }) => data.owner],
  ['Facilitator', ({ data }) => data.facilitator ?? null],
  ['Cohort size', ({ data }) => data.cohort.size.toLocaleString('en-US')],
  ['Cohort', ({ data }) => data.cohort.description],
  ['Stories', ({ data }) => data.stories.join(', ')],
  ['Start', ({ data }) => data.start],
  ['Time box', ({ data }) => data.duration.text],
  ['End', ({ end }) => end],
  ['Tags', ({ data }) => data.tags.join(', ') || null],
  ['Decision', ({ data }) => (data.decision ? `${data.decision.outcome} on ${data.decision.date} by ${data.decision.by}` : null)],
  ['Decision notes', ({ data }) => data.decision?.notes ?? null],
];

function compareFields(before: PlanVersion, after: PlanVersion): FieldChange[] {
  return FIELDS.flatMap(([label, read]) => (read(before) === read(after) ? [] : [{ label, before: read(before), after: read(after) }]));
}

// What a reader compares: the threshold with its rate, percentile, sequence and baseline, and the window apart.
const threshold = (criterion: Criterion) => describeThreshold({ ...criterion, window: null });
const windowText = (criterion: Criterion) => (criterion.window ? describeWindow(criterion.window) : 'none');

/** How one list of criteria changed: matched by metric and percentile, then compared by threshold and window. */
export function compareCriteria(list: 'exit' | 'rollback', before: readonly Criterion[], after: readonly Criterion[]): CriterionChange[] {
  const label = list === 'exit' ? 'Exit criterion' : 'Rollback trigger';
  const changes: CriterionChange[] = [];
  const old = new Map(before.map((criterion) => [criterionKey(criterion), criterion]));
  const seen = new Set<string>();
  for (const criterion of after) {
    const key = criterionKey(criterion);
    const previous = old.get(key);
    seen.add(key);
    if (!previous) {
      changes.push({ kind: 'added', list, summary: `${label} added: ${criterion.text}` });
      continue;
    }
    if (threshold(previous) !== threshold(criterion)) {
      changes.push({ kind: 'changed', list, summary: `${criterion.metric} ${list === 'exit' ? 'threshold' : 'trigger threshold'} ${threshold(previous)} → ${threshold(criterion)}` });
    }
    if (windowText(previous) !== windowText(criterion)) {
      changes.push({ kind: 'changed', list, summary: `${criterion.metric} ${list === 'exit' ? '' : 'trigger '}window ${windowText(previous)} → ${windowText(criterion)}`.replace('  ', ' ') });
    }
  }
  for (const criterion of before) {
    if (!seen.has(criterionKey(criterion))) changes.push({ kind: 'removed', list, summary: `${label} removed: ${criterion.text}` });
  }
  return changes;
}

/** What changed from one version of a plan to the next: frontmatter, then criteria, then each section's text. */
export function diffVersions(before: PlanVersion, after: PlanVersion): VersionDiff {
  const sections: SectionDiff[] = [];
  const oldSections = new Map(before.sections.map((section) => [section.key, section]));
  const newKeys = new Set(after.sections.map((section) => section.key));
  for (const section of after.sections) {
    const previous = oldSections.get(section.key);
    if (!previous) sections.push({ title: section.title, status: 'added', parts: [{ value: section.text, added: true, removed: false, count: 1 }] });
    // Whole sentences struck and added read more easily than a word here and a word there.
    else if (previous.text !== section.text) sections.push({ title: section.title, status: 'changed', parts: diffSentences(previous.text, section.text) });
  }
  for (const section of before.sections) {
    if (!newKeys.has(section.key)) sections.push({ title: section.title, status: 'removed', parts: [{ value: section.text, added: false, removed: true, count: 1 }] });
  }
  return {
    from: before.version,
    to: after.version,
    fields: compareFields(before, after),
    criteria: [...compareCriteria('exit', before.criteria.exit, after.criteria.exit), ...compareCriteria('rollback', before.criteria.rollback, after.criteria.rollback)],
    sections,
  };
}
