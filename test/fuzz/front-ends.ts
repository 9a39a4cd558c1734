import type { Root } from 'mdast';
import { checkParsed, checkPlan, type PlanCheck } from '../../src/engine/check-plan.ts';
import { planCriteria } from '../../src/model/plan-criteria.ts';
import { treeNodes } from '../../src/model/tree-nodes.ts';
import { parseWithRemark } from '../../src/parse/parse-with-remark.ts';
import { findUnclosedFence } from '../../src/parse/unclosed-fence.ts';
import type { Config } from '../../src/schemas/config-schema.ts';

/** What a check decided, in comparable form: every message with its place, and the criteria read. */
function verdict({ file, model }: PlanCheck) {
  return {
    messages: file.messages.map((message) => `${message.line}:${message.column} ${message.fatal ? 'error' : 'warning'} ${message.ruleId} ${message.reason}`).sort(),
    criteria: planCriteria(model),
  };
}

export type Verdict = ReturnType<typeof verdict>;

/**
 * Both front ends on one plan. The engine's (Sätteri) as `pilotplan check` runs it; remark's as the
 * build's remark plugin gets it: Astro's parse of the text as written, or the error that stops the build.
 */
export function bothFrontEnds(source: string, path: string, config: Config): { engine: Verdict; remark: Verdict | { error: string } } {
  const engine = verdict(checkPlan(source, path, config));
  let tree: Root;
  try {
    tree = parseWithRemark(source);
  } catch (error) {
    return { engine, remark: { error: error instanceof Error ? error.message : String(error) } };
  }
  const nodes = treeNodes(tree);
  const fence = findUnclosedFence(nodes, source);
  return { engine, remark: verdict(checkParsed({ source, path, config, tree, nodes, syntaxProblems: fence ? [fence] : [] })) };
}

/**
 * Equal verdicts: the same messages and criteria. Where the parsers cannot agree (one refuses what the
 * other reads), the engine must refuse it as `mdx-syntax`, so a plan that passes `check` never fails the build.
 */
export function differenceOf(source: string, path: string, config: Config): string | null {
  const { engine, remark } = bothFrontEnds(source, path, config);
  const refused = engine.messages.some((message) => / error mdx-syntax /.test(message));
  if ('error' in remark) return refused ? null : `remark refuses it (${remark.error}), the engine reports no mdx-syntax error`;
  if (refused && engine.messages.some((message) => /mdx-syntax Unreadable|mdx-syntax Unexpected (?:nesting|code block)/.test(message))) return null;
  const same = JSON.stringify(engine) === JSON.stringify(remark);
  return same ? null : `the verdicts differ:\n engine ${JSON.stringify(engine, null, 1)}\n remark ${JSON.stringify(remark, null, 1)}`;
}
