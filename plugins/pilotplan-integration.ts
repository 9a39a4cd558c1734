import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration, AstroIntegrationLogger } from 'astro';
import { AstroError } from 'astro/errors';
import { checkDocuments } from '../src/engine/check-safety.ts';
import { type FileReport, summarize, unsafeBeyondPlans } from '../src/engine/file-report.ts';
import { collectContentFiles } from '../src/engine/plan-files.ts';
import { refusals, shareReports } from '../src/engine/shared-reports.ts';
import { loadConfig } from '../src/model/load-config.ts';
import { atomicOutput } from './atomic-output.ts';
import { checkPlansInBackground } from './background-check.ts';
import { type BackgroundCheckOutcome, checkPlans } from './check-plans.ts';
import { writeExportFiles } from './export-files.ts';

export interface PilotplanIntegrationOptions {
  /** The folder holding plans. */
  contentDir?: string;
}

/**
 * Checks every plan before Astro compiles any page, so a build reports all problems in all plans at
 * once (the content loader would stop at the first) and builds nothing when one is an error. List it
 * after Starlight, so that its output swap runs after Starlight's search index and sitemap.
 */
export default function pilotplan(options: PilotplanIntegrationOptions = {}): AstroIntegration {
  let writeExports: ((outDir: string) => number) | undefined;
  let pending: Promise<void> | undefined;
  return {
    name: 'pilotplan',
    hooks: {
      'astro:config:setup': async ({ command, config, logger, updateConfig }) => {
        if (command === 'preview') return;
        const root = fileURLToPath(config.root);
        const contentDir = resolve(root, options.contentDir ?? 'content');
        if (!existsSync(contentDir))
          throw quiet(new AstroError(`No content folder at ${contentDir}.`, 'Plans go in `content/plans/<id>/v1.mdx`; run `npx pilotplan new <id>` to write the first one.'));
        const settings = loadConfig(undefined, contentDir);
        const found = collectContentFiles([contentDir], contentDir, settings);
        // Guides and other pages get the safety rules before Astro parses any of them: its loader renders
        // them while it loads the content, where plans are only read.
        const documents = checkDocuments(found.documents, settings, root, contentDir);
        const input = { plans: found.plans, documents, config: settings, root, color: Boolean(process.stdout.isTTY) && !process.env.NO_COLOR };
        const settle = (outcome: BackgroundCheckOutcome) => {
          const reports = [...outcome.planReports, ...documents];
          report(reports, outcome.output, command, logger);
          shareReports(root, outcome.planReports);
          const catalog = settings.metrics;
          if (command === 'build' && catalog) writeExports = (outDir) => writeExportFiles(outDir, root, contentDir, reports, catalog);
        };
        if (command !== 'build') {
          settle(await checkPlans(input));
          return;
        }
        // The plans are checked on a worker while Astro loads the content, and waited for before Vite
        // compiles any of them; a page that fails the safety rules stops the build with the plans' report.
        const checking = checkPlansInBackground(input);
        if (summarize(documents).errors > 0) settle(await checking);
        else {
          pending = checking.then(settle);
          // Marked as handled, so an error found before Astro reaches the hook below waits there to be thrown.
          pending.catch(() => {});
        }
        const { integration, stagingDir } = atomicOutput(config.outDir);
        updateConfig({ outDir: stagingDir, integrations: [integration] });
      },
      // Astro calls this after loading the content and before Vite compiles a page.
      'astro:build:setup': async () => {
        await pending;
        pending = undefined;
      },
      // Before the output swap's link check, which the plan pages' download links must pass.
      'astro:build:done': ({ dir, logger }) => {
        const refused = refusals();
        if (refused.length > 0) {
          throw quiet(
            new AstroError(
              `${refused.length} ${refused.length === 1 ? 'file was' : 'files were'} refused while the site was built; the last site stays in place.\n\n${refused.join('\n')}`,
              'Fix the files, or run `npx pilotplan check` for the same report.',
            ),
          );
        }
        if (!writeExports) return;
        logger.info(`${writeExports(fileURLToPath(dir))} export files written`);
      },
    },
  };
}

/** Logs the check's report, and stops the build on an error (dev, only on one the site must not serve). */
function report(reports: readonly FileReport[], output: string, command: string, logger: AstroIntegrationLogger): void {
  const { errors, warnings } = summarize(reports);
  const plans = reports.filter((item) => item.plan).length;
  if (errors > 0) logger.error(`Plan check failed:\n\n${output}`);
  else if (warnings > 0) logger.warn(output);
  else logger.info(`${plans} plans and ${reports.length - plans} results files checked, no problems`);
  if (errors > 0 && (command === 'build' || unsafeBeyondPlans(reports))) {
    throw quiet(new AstroError(`${errors} ${errors === 1 ? 'error' : 'errors'} in plans (listed above); nothing was built.`, 'Fix the plans, or run `npx pilotplan check` for the same report.'));
  }
}

/** An error whose message is the whole story: a stack trace into this file would only bury it. */
function quiet(error: AstroError): AstroError {
  error.stack = '';
  return error;
}
