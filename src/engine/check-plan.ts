import { VFile } from 'vfile';
import type { Config } from '../schemas/config-schema.ts';
import type { Results } from '../schemas/results-schema.ts';
import { runRules } from './run-rules.ts';
import { readFrontmatter } from '../model/frontmatter.ts';
import { parsePlanTree } from '../parse/parse-plan-tree.ts';
import { buildPlanModel, type PlanModel } from '../model/plan-model.ts';

export interface PlanCheck {
  file: VFile;
  model: PlanModel;
}

/** Parses one plan file once and runs every rule on it: what the CLI, tests and pre-build check call. */
export function checkPlan(source: string, path: string, config: Config, results: Results | null = null): PlanCheck {
  const file = new VFile({ path, value: source });
  const { tree, syntaxProblems } = parsePlanTree(source);
  const model = buildPlanModel({ path, tree, frontmatter: readFrontmatter(source), config, syntaxProblems, results });
  runRules(model, file);
  return { file, model };
}
