import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { checkPlan } from '../engine/check-plan.ts';
import { evaluatePlan } from '../evaluate/evaluate-plan.ts';
import { loadConfig } from '../model/load-config.ts';
import { planCriteria } from '../model/plan-criteria.ts';
import { readResultsFile, resultsFor } from '../model/plan-results.ts';
import { parsePlanPath } from '../model/plan-path.ts';
import { summarize, toDiagnostics } from '../engine/file-report.ts';
import { formatEvaluationJson, formatEvaluationMarkdown, formatEvaluationPretty } from '../engine/formats/format-evaluation.ts';
import { formatPretty } from '../engine/formats/format-pretty.ts';
import { UsageError, type CommandIo } from './usage-error.ts';

const FORMATS = ['pretty', 'json', 'markdown'] as const;
const FAIL_ON = ['rollback', 'iterate'] as const;

export const EVALUATE_OPTIONS = { results: { type: 'string' }, format: { type: 'string', default: 'pretty' }, 'fail-on': { type: 'string' }, config: { type: 'string' } } as const;

/**
 * `pilotplan evaluate <plan> [--results file] [--format …] [--fail-on rollback|iterate]`.
 * Exit 0 whatever the decision unless --fail-on asks otherwise; 2 on a broken plan or results file.
 */
export function runEvaluate(args: readonly string[], io: CommandIo, cwd: string): number {
  const { values, positionals } = parseArgs({
    args: [...args],
    allowPositionals: true,
    options: EVALUATE_OPTIONS,
  });
  const format = FORMATS.find((name) => name === values.format);
  if (!format) throw new UsageError(`Unknown format \`${values.format}\`, expected one of ${FORMATS.join(', ')}.`);
  const failOn = values['fail-on'];
  if (failOn !== undefined && !FAIL_ON.some((name) => name === failOn)) throw new UsageError(`Unknown --fail-on \`${failOn}\`, expected \`rollback\` or \`iterate\`.`);
  const [planArg, ...extra] = positionals;
  if (planArg === undefined || extra.length > 0) throw new UsageError('`evaluate` takes exactly one plan file.');
  const planPath = resolve(cwd, planArg);
  if (!existsSync(planPath)) throw new UsageError(`No such plan file: ${planArg}`);
  const resultsPath = resolve(cwd, values.results ?? join(dirname(planPath), 'results.yaml'));
  const shownPlan = relative(cwd, planPath);
  const shownResults = relative(cwd, resultsPath);
  if (!existsSync(resultsPath)) throw new UsageError(`No results file at ${shownResults}. Write one beside the plan, or pass --results <file>.`);

  const config = loadConfig(values.config === undefined ? undefined : resolve(cwd, values.config), resolve(cwd, 'content'), cwd);
  const planSource = readFileSync(planPath, 'utf8');
  const { file, model } = checkPlan(planSource, shownPlan, config);
  const report = { path: shownPlan, source: planSource, diagnostics: toDiagnostics(file.messages) };
  if (summarize([report]).errors > 0) {
    io.logError(`pilotplan: the plan has errors; fix them before evaluating.\n\n${formatPretty([report], { color: false })}`);
    return 2;
  }
  const found = readResultsFile(resultsPath, dirname(planPath));
  const resultsFile = found.file;
  const fail = (problems: ReadonlyArray<{ line: number; column: number; message: string }>) => {
    io.logError([...problems].sort((a, b) => a.line - b.line || a.column - b.column).map((problem) => `${shownResults}:${problem.line}:${problem.column}  error  ${problem.message}`).join('\n'));
    return 2;
  };
  if (!resultsFile.results) return fail(resultsFile.problems);
  const results = resultsFor(planPath, found);
  if (!results) {
    const planVersion = parsePlanPath(planPath)?.version;
    const stated = resultsFile.results.version === undefined ? `the latest version, v${found.version}` : `\`version: ${found.version}\``;
    return fail([
      {
        ...resultsFile.locate(['version']),
        message: `Unexpected results for ${stated}, expected results for ${planVersion === undefined ? 'this plan' : `v${planVersion}`}, the version being evaluated. Evaluate \`${join(dirname(shownPlan), `v${found.version}.mdx`)}\` instead, or give results for this version with --results.`,
      },
    ]);
  }
  const evaluation = evaluatePlan(planCriteria(model), results.observations);
  const positioned = evaluation.problems.map((problem) => ({
    ...resultsFile.locate(['observations', problem.observation], problem.field ?? undefined),
    severity: problem.severity,
    message: problem.message,
  }));
  if (positioned.some((problem) => problem.severity === 'error')) return fail(positioned.filter((problem) => problem.severity === 'error'));
  for (const warning of positioned) io.logError(`${shownResults}:${warning.line}:${warning.column}  warning  ${warning.message}`);

  const title = model.validation?.success ? model.validation.data.title : shownPlan;
  io.logMessage(format === 'json' ? formatEvaluationJson(evaluation) : format === 'markdown' ? formatEvaluationMarkdown(evaluation, title) : formatEvaluationPretty(evaluation, shownPlan));
  const failed = (failOn === 'rollback' && evaluation.decision === 'rollback') || (failOn === 'iterate' && evaluation.decision !== 'scale');
  return failed ? 1 : 0;
}
