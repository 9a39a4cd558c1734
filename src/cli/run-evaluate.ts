import { existsSync, renameSync, writeFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { formatEvaluationJson, formatEvaluationMarkdown, formatEvaluationPretty } from '../engine/formats/format-evaluation.ts';
import { evaluatePlan } from '../evaluate/evaluate-plan.ts';
import { fetchObservations } from '../export/fetch-observations.ts';
import { measureEach, PlanExportError, splitMeasured } from '../export/plan-export.ts';
import { PrometheusError } from '../export/prometheus-api.ts';
import { loadConfig } from '../model/load-config.ts';
import { mergeResults } from '../model/merge-results.ts';
import { planCriteria } from '../model/plan-criteria.ts';
import type { PlanModel } from '../model/plan-model.ts';
import { parsePlanPath } from '../model/plan-path.ts';
import { readResultsFile, resultsFor } from '../model/plan-results.ts';
import { present, projectRoot } from '../model/project-file.ts';
import { endDate, pilotDates } from '../model/time-box.ts';
import type { Config } from '../schemas/config-schema.ts';
import { checkedPlan, exportProblemLines } from './checked-plan.ts';
import { CommandError, type CommandIo, UsageError } from './usage-error.ts';

const FORMATS = ['pretty', 'json', 'markdown'] as const;
const FAIL_ON = ['rollback', 'iterate'] as const;

export const EVALUATE_OPTIONS = {
  results: { type: 'string' },
  format: { type: 'string', default: 'pretty' },
  'fail-on': { type: 'string' },
  config: { type: 'string' },
  'from-prometheus': { type: 'string' },
  print: { type: 'boolean' },
} as const;

const DAY = 86_400;

/**
 * Fetches the plan's metrics from Prometheus over the pilot's time box into the results file (or, with
 * `print`, to standard output). Nothing is written unless every query succeeded. Returns an exit code
 * to stop with, or null to go on and evaluate.
 */
async function fetchResults(
  model: PlanModel,
  config: Config,
  address: string,
  paths: { plan: string; results: string; root: string },
  shown: { plan: string; results: string },
  print: boolean,
  now: Date,
  io: CommandIo,
): Promise<number | null> {
  const resultsPath = paths.results;
  if (!config.metrics) throw new CommandError("No metric catalogue: --from-prometheus needs content/metrics.yaml to know each metric's query (see `npx pilotplan schema metrics`).");
  if (!model.validation?.success) throw new CommandError(`${shown.plan} has no valid frontmatter.`);
  const { start, duration, version } = model.validation.data;
  const from = Date.parse(`${start}T00:00:00Z`) / 1000;
  const to = Math.min(Date.parse(`${endDate(start, duration)}T00:00:00Z`) / 1000 + DAY, Math.floor(now.getTime() / 1000));
  if (to <= from) throw new CommandError(`The pilot starts on ${start}; there is nothing to fetch before then.`);
  const found = present(resultsPath) ? readResultsFile(resultsPath, dirname(paths.plan), paths.root) : null;
  const existing = found?.source ?? null;
  if (found) {
    if (!found.file.results) {
      io.logError(found.file.problems.map((problem) => `${shown.results}:${problem.line}:${problem.column}  error  ${problem.message}`).join('\n'));
      return 2;
    }
    if (found.version !== null && found.version !== version)
      throw new CommandError(
        `${shown.results} holds results for v${found.version}, and this is v${version}; nothing was fetched. Evaluate v${found.version}, or pass --results <file> for this version's results.`,
      );
  }
  let fetched: Awaited<ReturnType<typeof fetchObservations>>;
  try {
    const planId = parsePlanPath(paths.plan)?.id ?? null;
    const criteria = planCriteria(model);
    // What the catalogue cannot measure is not fetched, and said so; typed-in figures for it stay.
    const { measured, problems: unmeasured } = splitMeasured(measureEach([...criteria.rollback, ...criteria.exit], config.metrics, planId));
    if (unmeasured.length > 0) io.logError(exportProblemLines(shown.plan, unmeasured, 'warning  Not fetched: '));
    if (measured.length === 0) throw new CommandError(`Nothing to fetch: metrics.yaml measures none of the criteria of ${shown.plan}.`);
    fetched = await fetchObservations(measured, config.metrics.prometheus.interval.seconds, address, from, to);
  } catch (error) {
    if (error instanceof PlanExportError) {
      io.logError(`pilotplan: cannot fetch results for ${shown.plan}; ${shown.results} is untouched:\n${exportProblemLines(shown.plan, error.problems)}`);
      return 2;
    }
    if (error instanceof PrometheusError) {
      io.logError(`pilotplan: ${error.message} ${shown.results} is untouched.`);
      return 2;
    }
    throw error;
  }
  for (const note of fetched.notes) io.logError(`pilotplan: ${note}`);
  const text = mergeResults(existing, version, now.toISOString(), fetched.observations);
  if (print) {
    io.logMessage(text.trimEnd());
    return 0;
  }
  // Written whole or not at all: an evaluation must never read half a file.
  try {
    writeFileSync(`${resultsPath}.tmp`, text);
    renameSync(`${resultsPath}.tmp`, resultsPath);
  } catch (error) {
    throw new CommandError(`Cannot write ${shown.results}: ${error instanceof Error ? error.message : String(error)}.`);
  }
  io.logError(`pilotplan: wrote ${fetched.observations.length} observations from ${address} (${new Date(from * 1000).toISOString()} to ${new Date(to * 1000).toISOString()}) to ${shown.results}.`);
  return null;
}

/**
 * `pilotplan evaluate <plan> [--results file] [--format …] [--fail-on rollback|iterate]`.
 * Exit 0 whatever the decision unless --fail-on asks otherwise; 2 on a broken plan or results file.
 */
export async function runEvaluate(args: readonly string[], io: CommandIo, cwd: string, now = new Date()): Promise<number> {
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
  const address = values['from-prometheus'];
  if (values.print && address === undefined) throw new UsageError('--print goes with --from-prometheus.');
  if (address === undefined && !present(resultsPath))
    throw new UsageError(`No results file at ${shownResults}. Write one beside the plan, or pass --results <file>, or fetch it with --from-prometheus <url>.`);

  const config = loadConfig(values.config === undefined ? undefined : resolve(cwd, values.config), resolve(cwd, 'content'), cwd);
  const model = checkedPlan(planPath, shownPlan, config, 'evaluating', cwd);
  if (address !== undefined) {
    const stop = await fetchResults(
      model,
      config,
      address,
      { plan: planPath, results: resultsPath, root: projectRoot(resultsPath, cwd) },
      { plan: shownPlan, results: shownResults },
      values.print ?? false,
      now,
      io,
    );
    if (stop !== null) return stop;
  }
  const found = readResultsFile(resultsPath, dirname(planPath), projectRoot(resultsPath, cwd));
  const resultsFile = found.file;
  // Each problem at its place in the results file, with the plan's lines that explain it under it.
  const fail = (problems: ReadonlyArray<{ line: number; column: number; message: string; related?: ReadonlyArray<{ line: number; message: string }> }>) => {
    io.logError(
      [...problems]
        .sort((a, b) => a.line - b.line || a.column - b.column)
        .flatMap((problem) => [
          `${shownResults}:${problem.line}:${problem.column}  error  ${problem.message}`,
          ...(problem.related ?? []).map((place) => `  ↳ ${shownPlan}:${place.line}:1  ${place.message}`),
        ])
        .join('\n'),
    );
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
  const evaluation = evaluatePlan(planCriteria(model), results.observations, model.validation?.success ? pilotDates(model.validation.data) : null);
  const positioned = evaluation.problems.map((problem) => ({
    ...resultsFile.locate(['observations', problem.observation], problem.field ?? undefined),
    severity: problem.severity,
    message: problem.message,
    ...(problem.related ? { related: problem.related } : {}),
  }));
  if (positioned.some((problem) => problem.severity === 'error')) return fail(positioned.filter((problem) => problem.severity === 'error'));
  for (const warning of positioned) io.logError(`${shownResults}:${warning.line}:${warning.column}  warning  ${warning.message}`);

  const title = model.validation?.success ? model.validation.data.title : shownPlan;
  io.logMessage(format === 'json' ? formatEvaluationJson(evaluation) : format === 'markdown' ? formatEvaluationMarkdown(evaluation, title) : formatEvaluationPretty(evaluation, shownPlan));
  const failed = (failOn === 'rollback' && evaluation.decision === 'rollback') || (failOn === 'iterate' && evaluation.decision !== 'scale');
  return failed ? 1 : 0;
}
