import { existsSync, writeFileSync } from 'node:fs';
import { relative, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { SITE_URL } from '../engine/site-urls.ts';
import { EXPORT_TARGETS, exportFile } from '../export/export-targets.ts';
import { PlanExportError, planExportOf } from '../export/plan-export.ts';
import { loadConfig } from '../model/load-config.ts';
import { checkedPlan, exportProblemLines } from './checked-plan.ts';
import { CommandError, type CommandIo, UsageError } from './usage-error.ts';

export const EXPORT_OPTIONS = { to: { type: 'string' }, out: { type: 'string' }, config: { type: 'string' } } as const;

/**
 * `pilotplan export <plan> --to <target> [--out file]`: the plan's reviewed thresholds as a file the
 * monitoring or rollout tool reads. Exit 0 when written, 2 when the plan cannot be exported as it stands.
 */
export function runExport(args: readonly string[], io: CommandIo, cwd: string): number {
  const { values, positionals } = parseArgs({ args: [...args], allowPositionals: true, options: EXPORT_OPTIONS });
  const target = EXPORT_TARGETS.find((name) => name === values.to);
  if (!target)
    throw new UsageError(values.to === undefined ? `\`export\` needs --to, one of ${EXPORT_TARGETS.join(', ')}.` : `Unknown target \`${values.to}\`, expected one of ${EXPORT_TARGETS.join(', ')}.`);
  const [planArg, ...extra] = positionals;
  if (planArg === undefined || extra.length > 0) throw new UsageError('`export` takes exactly one plan file.');
  const planPath = resolve(cwd, planArg);
  if (!existsSync(planPath)) throw new UsageError(`No such plan file: ${planArg}`);
  const shownPlan = relative(cwd, planPath);

  const config = loadConfig(values.config === undefined ? undefined : resolve(cwd, values.config), resolve(cwd, 'content'), cwd);
  if (!config.metrics) throw new CommandError('No metric catalogue: write content/metrics.yaml (see `npx pilotplan schema metrics`), which says how each metric the plans name is queried.');
  const model = checkedPlan(planPath, shownPlan, config, 'exporting', cwd);
  let text: string;
  try {
    const plan = planExportOf(model, config.metrics, SITE_URL);
    if (!plan) throw new CommandError(`${shownPlan} is not a plan version: expected content/<collection>/<id>/v<N>.mdx.`);
    text = exportFile(plan, target);
  } catch (error) {
    if (!(error instanceof PlanExportError)) throw error;
    io.logError(`pilotplan: cannot export ${shownPlan} to ${target}; nothing was written:\n${exportProblemLines(shownPlan, error.problems)}`);
    return 2;
  }
  if (values.out === undefined) io.logMessage(text.trimEnd());
  else {
    try {
      writeFileSync(resolve(cwd, values.out), text);
    } catch (error) {
      throw new CommandError(`Cannot write ${values.out}: ${error instanceof Error ? error.message : String(error)}.`);
    }
  }
  return 0;
}
