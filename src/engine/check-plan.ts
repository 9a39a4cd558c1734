import type { Nodes, Root } from 'mdast';
import { VFile } from 'vfile';
import { readFrontmatter } from '../model/frontmatter.ts';
import { buildPlanModel, type PlanModel, treeOnlyModel } from '../model/plan-model.ts';
import type { SyntaxProblem } from '../model/syntax-problem.ts';
import { deepestNode } from '../model/tree-depth.ts';
import { treeNodes } from '../model/tree-nodes.ts';
import { parsePlan } from '../parse/parse-plan.ts';
import type { Config } from '../schemas/config-schema.ts';
import type { Results } from '../schemas/results-schema.ts';
import { checkSafety } from './check-safety.ts';
import { MAX_DEPTH } from './rules/pathological-markdown.ts';
import { runRules } from './run-rules.ts';

export interface PlanCheck {
  file: VFile;
  model: PlanModel;
}

/** What the engine checks: a plan's text and the tree some parser made of it. */
export interface ParsedPlan {
  source: string;
  path: string;
  tree: Root;
  /** The tree's nodes in document order, when the parser listed them. */
  nodes?: readonly Nodes[];
  syntaxProblems: readonly SyntaxProblem[];
  config: Config;
  results?: Results | null;
  /** The file to record messages on; a new one when not given. */
  file?: VFile;
}

/**
 * Runs every rule on a parsed plan, whoever parsed it: the engine's own front end for the CLI and
 * the pre-build check, Astro's remark pipeline for the remark plugin. The frontmatter is read from
 * the text, as Astro blanks it out of the tree it hands on.
 */
export function checkParsed(plan: ParsedPlan): PlanCheck {
  const file = plan.file ?? new VFile({ path: plan.path, value: plan.source });
  // Too deep to model without running out of stack: only the safety rules run, the depth among them.
  if (deepestNode(plan.tree).depth > MAX_DEPTH) {
    const nodes = plan.nodes ?? treeNodes(plan.tree);
    checkSafety({ path: plan.path, source: plan.source, tree: plan.tree, nodes, config: plan.config, file });
    return { file, model: treeOnlyModel(plan.path, plan.source, plan.tree, nodes, plan.config) };
  }
  const model = buildPlanModel({
    path: plan.path,
    source: plan.source,
    tree: plan.tree,
    ...(plan.nodes ? { nodes: plan.nodes } : {}),
    frontmatter: readFrontmatter(plan.source),
    config: plan.config,
    syntaxProblems: [...plan.syntaxProblems],
    results: plan.results ?? null,
  });
  runRules(model, file);
  return { file, model };
}

/** Parses one plan file with the engine's front end and runs every rule on it: what the CLI, tests and pre-build check call. */
export function checkPlan(source: string, path: string, config: Config, results: Results | null = null): PlanCheck {
  return checkParsed({ source, path, config, results, ...parsePlan(source) });
}
