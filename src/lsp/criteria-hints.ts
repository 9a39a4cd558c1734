import { type Hover, type InlayHint, InlayHintKind, MarkupKind, type Position } from 'vscode-languageserver';
import type { ExplainedCriterion } from '../model/plan-criteria.ts';

/** The hint set after a criterion: its reading, or why there is none. */
export function hintLabel(criterion: ExplainedCriterion): string {
  switch (criterion.status) {
    case 'read':
      return `→ ${criterion.readings.join(' ; ')}`;
    case 'ambiguous':
      return '→ ambiguous';
    default:
      return '→ not read';
  }
}

/** The account `check --explain` gives of one criterion, as Markdown for a hover or a hint's tooltip. */
export function explainMarkdown(criterion: ExplainedCriterion): string {
  const heading = { read: 'Read as', ambiguous: 'Reads two ways', unsure: 'Not read', none: 'Not read: no threshold' }[criterion.status];
  const readings = criterion.readings.map((reading) => `- \`${reading}\``);
  const words = criterion.words?.length ? [`**Words:** ${criterion.words.map((run) => `${run.part} \`${run.text}\``).join(' · ')}`] : [];
  const kind = criterion.kind === 'exit' ? 'Exit criterion' : 'Rollback trigger';
  return [`**${kind}: ${heading}**`, ...readings, ...criterion.notes.map((note) => `- ${note}`), ...words].join('\n\n');
}

/** Where a hint goes: the end of the criterion's first line. */
function endOfLine(lines: readonly string[], line: number): Position {
  return { line: line - 1, character: (lines[line - 1] ?? '').replace(/\r$/, '').length };
}

/** One hint per criterion in the lines asked for, after the bullet, with the account as its tooltip. */
export function criteriaHints(explained: readonly ExplainedCriterion[], lines: readonly string[], from: number, to: number): InlayHint[] {
  return explained
    .filter((criterion) => criterion.line - 1 >= from && criterion.line - 1 <= to)
    .map((criterion) => ({
      position: endOfLine(lines, criterion.line),
      label: hintLabel(criterion),
      kind: InlayHintKind.Type,
      paddingLeft: true,
      tooltip: { kind: MarkupKind.Markdown, value: explainMarkdown(criterion) },
    }));
}

/** The hover on a criterion's line: the account of how it was read. */
export function criterionHover(explained: readonly ExplainedCriterion[], line: number): Hover | null {
  const criterion = explained.find((each) => each.line - 1 === line);
  return criterion ? { contents: { kind: MarkupKind.Markdown, value: explainMarkdown(criterion) } } : null;
}
