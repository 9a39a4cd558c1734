import type { VFile } from 'vfile';
import type { Node, Position } from 'unist';
import type { Point } from '../model/frontmatter.ts';
import type { PlanModel } from '../model/plan-model.ts';
import type { Report, Rule } from './rule.ts';
import { ruleDocsUrl } from './site-urls.ts';
import { rules } from './rules/index.ts';

const IGNORE_COMMENT = /^\s*\/\*\s*pilotplan-ignore-next-line\b([^*]*)\*\/\s*$/;

/** Lines an author silenced with `{/* pilotplan-ignore-next-line rule-id … *\/}`, with the rules named (empty: all). */
function ignoredLines(plan: PlanModel): Map<number, Set<string>> {
  const lines = new Map<number, Set<string>>();
  for (const node of plan.nodes) {
    if ((node.type !== 'mdxFlowExpression' && node.type !== 'mdxTextExpression') || !('value' in node)) continue;
    const match = IGNORE_COMMENT.exec(String(node.value));
    const end = node.position?.end.line;
    if (!match || end === undefined) continue;
    lines.set(end + 1, new Set((match[1] ?? '').split(/[\s,]+/).filter(Boolean)));
  }
  return lines;
}

function placeOf(place: Report['place']): Position | Point | undefined {
  if (place && 'type' in place) return (place as Node).position;
  return place;
}

function lineOf(place: Position | Point | undefined): number | undefined {
  if (!place) return undefined;
  return 'start' in place ? place.start.line : place.line;
}

/**
 * Runs every rule on one plan and records its problems on the file as vfile messages, with the
 * project's severities applied and ignore comments honoured. Shared by the CLI and the remark plugin.
 */
export function runRules(plan: PlanModel, file: VFile, selected: readonly Rule[] = rules): void {
  const ignored = ignoredLines(plan);
  const bodyUnread = plan.syntaxProblems.some((problem) => !problem.recovered);
  for (const rule of selected) {
    const severity = plan.config.rules[rule.id] ?? rule.defaultSeverity;
    if (severity === 'off' || (bodyUnread && rule.scope === 'body')) continue;
    rule.check(plan, (report) => {
      const place = placeOf(report.place);
      const silenced = ignored.get(lineOf(place) ?? 0);
      if (silenced && (silenced.size === 0 || silenced.has(rule.id))) return;
      const message = file.message(report.reason, { place, ruleId: rule.id, source: 'pilotplan' });
      message.url = ruleDocsUrl(rule.id);
      message.fatal = severity === 'error';
      if (report.actual !== undefined) message.actual = report.actual;
      if (report.expected !== undefined) message.expected = report.expected;
      if (report.note !== undefined) message.note = report.note;
    });
  }
}
