import { checkFiles } from '../src/engine/check-files.ts';
import type { FileReport } from '../src/engine/file-report.ts';
import { formatPretty } from '../src/engine/formats/format-pretty.ts';
import type { Config } from '../src/schemas/config-schema.ts';

export interface BackgroundCheckInput {
  /** The plan files to check with every rule. */
  plans: readonly string[];
  /** The reports on the other pages, checked already, to be listed with the plans'. */
  documents: readonly FileReport[];
  config: Config;
  /** The project folder, which reports' paths are relative to. */
  root: string;
  color: boolean;
}

export interface BackgroundCheckOutcome {
  planReports: FileReport[];
  /** Every report, plans' and other pages', as the terminal shows it. */
  output: string;
}

/** Checks the plans and formats the whole report: what the worker does, and this thread when no worker can start. */
export async function checkPlans({ plans, documents, config, root, color }: BackgroundCheckInput): Promise<BackgroundCheckOutcome> {
  const planReports = await checkFiles(plans, config, root, { sections: true });
  return { planReports, output: formatPretty([...planReports, ...documents], { color }) };
}
