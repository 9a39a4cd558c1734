import type { Node, Position } from 'unist';
import type { VFile } from 'vfile';
import type { Point } from '../model/frontmatter.ts';
import type { PlanModel } from '../model/plan-model.ts';
import { type RuleId, SAFETY_RULE_IDS } from '../schemas/rule-registry.ts';
import { relatedCause } from './file-report.ts';
import { fillMessage, IGNORED_SAFETY_RULE, messageOf, type Report, type Rule } from './rule.ts';
import { ruleSeverity } from './rule-severity.ts';
import { rules } from './rules/index.ts';
import { ruleDocsUrl } from './site-urls.ts';

const IGNORE_COMMENT = /^\s*\/\*\s*pilotplan-ignore-next-line\b([^*]*)\*\/\s*$/;

interface IgnoreComment {
  node: Node;
  /** The rules it names; empty for all of them. */
  ruleIds: Set<string>;
}

/** Ignore comments `{/* pilotplan-ignore-next-line rule-id … *\/}` by the line they silence. */
function ignoreComments(plan: PlanModel): Map<number, IgnoreComment> {
  const lines = new Map<number, IgnoreComment>();
  for (const node of plan.nodes) {
    if ((node.type !== 'mdxFlowExpression' && node.type !== 'mdxTextExpression') || !('value' in node)) continue;
    const match = IGNORE_COMMENT.exec(String(node.value));
    const end = node.position?.end.line;
    if (!match || end === undefined) continue;
    lines.set(end + 1, { node, ruleIds: new Set((match[1] ?? '').split(/[\s,]+/).filter(Boolean)) });
  }
  return lines;
}

/** Whether a rule's messages may be silenced or lowered: never for the rules that hold the trust boundary. */
const isSafety = (id: RuleId) => SAFETY_RULE_IDS.has(id);

function placeOf(place: Report['place']): Position | Point | undefined {
  if (place && 'type' in place) return (place as Node).position;
  return place;
}

function lineOf(place: Position | Point | undefined): number | undefined {
  if (!place) return undefined;
  return 'start' in place ? place.start.line : place.line;
}

/** Records one message on the file at the rule's severity, with its id and the places that explain it. */
export function record(file: VFile, ruleId: RuleId, severity: 'error' | 'warning', text: string, report: Omit<Report, 'data'>): void {
  const message = withoutStack(() => file.message(text, { place: placeOf(report.place), ruleId, source: 'pilotplan', ...(report.cause?.length ? { cause: relatedCause(report.cause) } : {}) }));
  message.url = ruleDocsUrl(ruleId);
  message.fatal = severity === 'error';
  Object.assign(message, { messageId: report.messageId });
  if (report.actual !== undefined) message.actual = report.actual;
  if (report.expected !== undefined) message.expected = report.expected;
  if (report.note !== undefined) message.note = report.note;
}

/**
 * A message is an `Error`, and V8 records a stack trace for each, which vfile-message then empties: on
 * a check of thousands of plans, collecting them cost a twentieth of the time.
 */
function withoutStack<T>(make: () => T): T {
  const limit = Error.stackTraceLimit;
  Error.stackTraceLimit = 0;
  try {
    return make();
  } finally {
    Error.stackTraceLimit = limit;
  }
}

/**
 * Runs every rule on one plan and records its problems on the file as vfile messages, with the
 * project's severities applied and ignore comments honoured, except for safety rules, which are always
 * errors and cannot be ignored: naming one in an ignore comment is an error itself. Shared by the CLI
 * and the remark plugin.
 */
export function runRules(plan: PlanModel, file: VFile, selected: readonly Rule[] = rules): void {
  const ignored = ignoreComments(plan);
  const bodyUnread = plan.syntaxProblems.some((problem) => !problem.recovered);
  for (const rule of selected) {
    const { id } = rule.meta;
    const safety = isSafety(id);
    const severity = ruleSeverity(id, plan.config);
    if (severity === 'off' || (bodyUnread && rule.scope === 'body')) continue;
    for (const comment of safety ? ignored.values() : []) {
      if (comment.ruleIds.has(id)) record(file, id, 'error', fillMessage(IGNORED_SAFETY_RULE, { rule: id }), { place: comment.node, messageId: 'ignoredSafetyRule' });
    }
    rule.check(plan, (report) => {
      const silenced = ignored.get(lineOf(placeOf(report.place)) ?? 0)?.ruleIds;
      if (silenced && !safety && (silenced.size === 0 || silenced.has(id))) return;
      record(file, id, severity, messageOf(rule.meta, report), report);
    });
  }
}
