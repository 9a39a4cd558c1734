import { existsSync, readFileSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { relative, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { BaseRefError } from '../engine/base-ref-error.ts';
import { CheckCache } from '../engine/check-cache.ts';
import { checkFiles } from '../engine/check-files.ts';
import { type FileReport, summarize } from '../engine/file-report.ts';
import { collectContentFiles } from '../engine/plan-files.ts';
import { ConfigError, configFileKey, readConfigFile } from '../model/config-file.ts';
import { ProjectFileError } from '../model/project-file.ts';
import { CommandError, UsageError } from './usage-error.ts';

export interface MainOptions {
  argv: readonly string[];
  /** Where results go (stdout). */
  logMessage: (text: string) => void;
  /** Where usage and internal errors go (stderr). */
  logError: (text: string) => void;
  cwd?: string;
  /** Colour the pretty output; the bin passes whether stdout is a terminal. */
  color?: boolean;
  /** The date new plans start on; tests fix it. */
  today?: string;
  /** The time `evaluate --from-prometheus` fetches up to; tests fix it. */
  now?: Date;
}

/** Exit codes, as documented in the README. */
export const EXIT = { clean: 0, problems: 1, failure: 2 } as const;

export const USAGE = `Usage: pilotplan <command> [options]

Commands:
  check [paths…]       Check plan files and folders (default: content/)
  new <id>             Start content/plans/<id>/v1.mdx from the template, or the next version of an
                       existing plan as a draft copy of its latest
  evaluate <plan>      Evaluate observed results against a plan: scale, iterate or roll back
  export <plan>        Write the plan's criteria and triggers as alerting rules or a canary analysis
  schema [plan|config|metrics|criteria|evaluation]
                       Print the JSON Schema of plan frontmatter (default), of the config file, of
                       the metric catalogue (metrics.yaml), of one criterion in the JSON output
                       (also \`schema --criteria\`), or of \`evaluate --format json\`
  lsp --stdio          Serve the Language Server Protocol to an editor: every open plan checked as
                       you type, each criterion's reading as an inlay hint and its account on hover
  rules                List every rule: its default severity, whether it is a safety rule, what it
                       checks and its page
  help                 Print this text (also --help, -h); \`<command> --help\` prints one command's
  --version            Print pilotplan's version

Options for check:
  --format <name>      pretty (default), json, github or sarif
  --config <file>      Config file (default: content/pilotplan.config.json)
  --explain            Also show how each exit criterion and rollback trigger was read
  --no-cache           Check every file again, ignoring results of earlier runs
  --base <git-ref>     Also report edits to versions approved, active or completed at <git-ref>
  --concurrency <n>    Threads to check on: a number, or auto (the default), one per core; each
                       thread takes 64 plans or more

Options for new:
  --title <text>       Title of a new plan (default: from the id)
  --owner <text>       Owner of a new plan (default: Product Owner)
  --dir <folder>       Folder that holds the plans (default: content/plans)

Options for evaluate:
  --results <file>     Observed results (default: results.yaml beside the plan)
  --format <name>      pretty (default), json or markdown
  --fail-on <what>     Exit 1 on \`rollback\`, or on anything short of scale with \`iterate\`
  --config <file>      Config file (default: content/pilotplan.config.json)
  --from-prometheus <url>
                       First fetch each metric in metrics.yaml from this Prometheus over the pilot's
                       time box into the results file (other observations in it are kept)
  --print              With --from-prometheus: print the fetched results instead of writing them

Options for export:
  --to <target>        prometheus, prometheus-operator, argo-rollouts or flagger
  --out <file>         Write the file there (default: standard output)
  --config <file>      Config file; metrics.yaml is read beside it (default: content/)

Exit codes: check: 0 no errors, 1 errors found; evaluate: 0, or 1 with --fail-on;
all commands: 2 for a usage error, a broken plan, results, config or metrics file, a plan that
cannot be exported, or an internal error.`;

const COMMANDS = ['check', 'new', 'evaluate', 'export', 'schema', 'rules', 'lsp'] as const;

/** One command's part of the usage text: its line under Commands and its options, cut from `USAGE`. */
export function commandHelp(command: (typeof COMMANDS)[number]): string {
  const lines = USAGE.split('\n');
  const start = lines.findIndex((line) => line.startsWith(`  ${command} `));
  const end = lines.findIndex((line, index) => index > start && /^ {2}\S/.test(line));
  const options = USAGE.split(`Options for ${command}:\n`)[1]?.split('\n\n')[0];
  return [`Usage: pilotplan ${lines.slice(start, end).join('\n').trim()}`, ...(options ? ['', 'Options:', options] : [])].join('\n');
}

/** The package's version, from its package.json. */
function version(): string {
  return (JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as { version: string }).version;
}

const FORMATS = ['pretty', 'json', 'github', 'sarif'] as const;

export const CHECK_OPTIONS = {
  format: { type: 'string', default: 'pretty' },
  config: { type: 'string' },
  explain: { type: 'boolean', default: false },
  'no-cache': { type: 'boolean', default: false },
  base: { type: 'string' },
  concurrency: { type: 'string', default: 'auto' },
} as const;

/** The threads `--concurrency` asks for: `auto` is one per core. */
function threadsFor(value: string): number {
  if (value === 'auto') return availableParallelism();
  if (!/^[1-9]\d{0,2}$/.test(value)) throw new UsageError(`Unknown concurrency \`${value}\`, expected a number from 1 to 999, or auto.`);
  return Number(value);
}

// Formats and commands load on demand: a cached check should not pay for the MDX parser or SARIF.
async function formatReports(format: Exclude<(typeof FORMATS)[number], 'pretty'>, reports: FileReport[], explain: boolean): Promise<string> {
  switch (format) {
    case 'json':
      return (await import('../engine/formats/format-json.ts')).formatJson(reports, { explain });
    case 'github':
      return (await import('../engine/formats/format-github.ts')).formatGithub(reports);
    case 'sarif':
      return (await import('../engine/formats/format-sarif.ts')).formatSarif(reports);
  }
}

async function runCheck(args: readonly string[], options: MainOptions, cwd: string): Promise<number> {
  const { values, positionals } = parseArgs({
    args: [...args],
    allowPositionals: true,
    options: CHECK_OPTIONS,
  });
  const format = FORMATS.find((name) => name === values.format);
  if (!format) throw new UsageError(`Unknown format \`${values.format}\`, expected one of ${FORMATS.join(', ')}.`);
  if (values.explain && format !== 'pretty' && format !== 'json') throw new UsageError(`--explain works with the pretty and json formats, not \`${format}\`.`);
  const threads = threadsFor(values.concurrency);
  const contentDir = resolve(cwd, 'content');
  const configFile = readConfigFile(values.config === undefined ? undefined : resolve(cwd, values.config), contentDir, cwd);
  const cache = new CheckCache(!values['no-cache'], cwd);
  // A config validated by an earlier run is reused, so a cached check never loads the schema library.
  const config = cache.config(configFileKey(configFile)) ?? cache.rememberConfig(configFileKey(configFile), (await import('../model/load-config.ts')).parseConfig(configFile));
  const targets = (positionals.length > 0 ? positionals : ['content']).map((path) => resolve(cwd, path));
  const missing = targets.filter((path) => !existsSync(path));
  if (missing.length > 0) throw new UsageError(`No such file or folder: ${missing.join(', ')}`);
  const { plans, documents } = collectContentFiles(targets, contentDir, config);
  // As ESLint does: checking nothing is a mistake in how check was called, not a clean result.
  if (plans.length === 0 && documents.length === 0) {
    const where = targets.map((path) => relative(cwd, path) || '.').join(', ');
    throw new CommandError(
      `No plan files in ${where}: a plan is an .mdx file matching \`plans\` in pilotplan.config.json (${config.plans.map((glob) => `\`${glob}\``).join(', ')}, under content/), such as content/plans/<id>/v1.mdx. Start one with \`npx pilotplan new <id>\`.`,
    );
  }
  const checked = await checkFiles(plans, config, cwd, { cache, criteria: format === 'json', explain: values.explain, threads, ...(values.base === undefined ? {} : { base: values.base }) });
  // Pages beside the plans get the rules the build holds them to before it parses them.
  const reports = documents.length > 0 ? [...checked, ...(await import('../engine/check-safety.ts')).checkDocuments(documents, config, cwd, contentDir)] : checked;
  // The terminal's report is written a file at a time: ten thousand plans' problems need not stand in memory whole.
  if (format === 'pretty') (await import('../engine/formats/format-pretty.ts')).writePretty(reports, { color: options.color ?? false, explain: values.explain }, options.logMessage);
  else {
    const output = await formatReports(format, reports, values.explain);
    if (output) options.logMessage(output);
  }
  return summarize(reports).errors > 0 ? EXIT.problems : EXIT.clean;
}

/** The whole CLI, callable in-process by tests; returns the exit code and never throws. */
export async function main(options: MainOptions): Promise<number> {
  const cwd = options.cwd ?? process.cwd();
  const [command, ...rest] = options.argv;
  const known = COMMANDS.find((name) => name === command);
  try {
    if (known && (rest.includes('--help') || rest.includes('-h'))) {
      options.logMessage(commandHelp(known));
      return EXIT.clean;
    }
    switch (command) {
      case 'check':
        return await runCheck(rest, options, cwd);
      case 'schema':
        return (await import('./run-schema.ts')).runSchema(rest, options);
      case 'rules':
        return (await import('./run-rules.ts')).runRules(rest, options);
      case 'lsp':
        // Clients add their own flags: `--stdio` again, or `--clientProcessId=<pid>`.
        if (!rest.includes('--stdio') || rest.some((arg) => arg !== '--stdio' && !/^--clientProcessId=\d+$/.test(arg)))
          throw new UsageError('`lsp` speaks the Language Server Protocol over standard input and output only: run `pilotplan lsp --stdio`.');
        return await (await import('../lsp/run-lsp.ts')).runLsp();
      case 'evaluate':
        return await (await import('./run-evaluate.ts')).runEvaluate(rest, options, cwd, options.now);
      case 'export':
        return (await import('./run-export.ts')).runExport(rest, options, cwd);
      case 'new':
        return (await import('./run-new.ts')).runNew(rest, options, cwd, options.today ?? new Date().toISOString().slice(0, 10));
      case '--help':
      case '-h':
      case 'help':
        options.logMessage(USAGE);
        return EXIT.clean;
      case '--version':
      case '-v':
        options.logMessage(version());
        return EXIT.clean;
      case undefined:
        throw new UsageError('Missing command.');
      default:
        throw new UsageError(`Unknown command \`${command}\`.`);
    }
  } catch (error) {
    if (error instanceof BaseRefError) {
      options.logError(`pilotplan: ${error.message}`);
    } else if (error instanceof UsageError || (error instanceof TypeError && 'code' in error && String(error.code).startsWith('ERR_PARSE_ARGS'))) {
      // One line: what was wrong, and where the whole story is.
      // One sentence, ended, then where to read more: "No such file or folder: content. Run …".
      const message = error.message.replace(/^Unknown option '([^']+)'.*$/s, 'Unknown option `$1`.').replace(/([^.!?])$/, '$1.');
      options.logError(`pilotplan: ${message} Run \`pilotplan ${known ? `${known} --help` : '--help'}\` for usage.`);
    } else if (error instanceof ConfigError || error instanceof CommandError) {
      options.logError(`pilotplan: ${error.message}`);
    } else if (error instanceof ProjectFileError) {
      options.logError(`pilotplan: ${relative(cwd, error.path) || error.path}: ${error.message}`);
    } else {
      options.logError(`pilotplan: internal error: ${error instanceof Error ? error.message : String(error)}`);
    }
    return EXIT.failure;
  }
}
