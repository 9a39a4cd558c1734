import { checkPlan } from '../engine/check-plan.ts';
import { summarize, toDiagnostics } from '../engine/file-report.ts';
import { formatPretty } from '../engine/formats/format-pretty.ts';
import type { ExportError } from '../export/export-error.ts';
import type { PlanModel } from '../model/plan-model.ts';
import { projectRoot, readProjectFile } from '../model/project-file.ts';
import type { Config } from '../schemas/config-schema.ts';
import { CommandError } from './usage-error.ts';

/** A plan read and checked for a command that acts on it; with errors, the command stops and prints the check. */
export function checkedPlan(path: string, shown: string, config: Config, before: string, cwd: string): PlanModel {
  const source = readProjectFile(path, projectRoot(path, cwd), config.maxFileSize);
  const { file, model } = checkPlan(source, shown, config);
  const report = { path: shown, source, diagnostics: toDiagnostics(file.messages) };
  if (summarize([report]).errors > 0) throw new CommandError(`the plan has errors; fix them before ${before}.\n\n${formatPretty([report], { color: false })}`);
  return model;
}

/** Criteria a command cannot act on, one per line, at their place in the plan. */
export function exportProblemLines(shown: string, problems: readonly ExportError[], prefix = ''): string {
  return problems.map((problem) => `${shown}:${problem.line}:1  ${prefix}${problem.detail}`).join('\n');
}
