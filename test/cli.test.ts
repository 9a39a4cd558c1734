import { spawn, spawnSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { parseDocument } from 'yaml';
import { CHECK_OPTIONS, main, USAGE } from '../src/cli/main.ts';
import { EVALUATE_OPTIONS } from '../src/cli/run-evaluate.ts';
import { NEW_OPTIONS } from '../src/cli/run-new.ts';
import { bin, fixtures, runInProcess, scenarioHolds, scenarios } from './cli-scenarios.ts';

// Every scenario goes through the bin in a child process in `npm run test:slow`; here, one for each exit
// code of each command and each output format.
const THROUGH_THE_BIN = new Set([
  'clean content, default path and format',
  'problems as json',
  'problems as github annotations',
  'problems as sarif',
  'readings explained',
  'unknown option',
  'invalid config',
  'check --help',
  '--version',
  'no command',
  'evaluate: roll back, markdown',
  'evaluate: iterate fails --fail-on iterate',
  'evaluate: broken results file',
]);

describe('pilotplan CLI scenarios', () => {
  it('names only scenarios that exist for the child process', () => {
    expect([...THROUGH_THE_BIN].filter((name) => !scenarios.some((scenario) => scenario.name === name))).toEqual([]);
  });

  it.each(scenarios)('$name → exit $exitCode', (scenario) => scenarioHolds(scenario, THROUGH_THE_BIN.has(scenario.name)));
});

describe('output formats', () => {
  const run = (fixture: string, ...args: string[]) => runInProcess({ name: '', fixture, args, exitCode: 0 });

  it('pretty groups problems by file with the source line and a caret', async () => {
    expect((await run('problems', 'check')).stdout).toMatchInlineSnapshot(`
      "content/plans/returns-portal/v2.mdx
        content/plans/returns-portal/v2.mdx:3:10  error    Unexpected \`version: 1\` in \`returns-portal/v2.mdx\`, expected \`version: 2\`. Make the frontmatter and the file name agree; a new version is a new file.  version-mismatch
          3 | version: 1
            |          ^
        content/plans/returns-portal/v2.mdx:15:1  error    Missing required section \`Change Control\`, expected a \`## Change Control\` heading (or \`Change Management\`, \`Change Process\`, \`Change Requests\`, …). Add the section with its content.  required-section
          15 | ## Scope
             | ^
        content/plans/returns-portal/v2.mdx:33:14  error    Unexpected \`<\` starting a component, expected text. In MDX, \`<\` followed by anything but a space starts a component. Write \`≤\` or \`<\` followed by a space, or escape it as \`\\<\` or \`&lt;\`.  mdx-syntax
          33 | - Error rate <= 0.5%
             |              ^

      content/plans/saved-carts/v1.mdx
        content/plans/saved-carts/v1.mdx:4:9  error    Unexpected \`live\` for \`status\`, expected one of \`draft\`, \`review\`, \`approved\`, \`active\`, \`completed\`, \`rolled-back\`, \`withdrawn\`.  frontmatter-schema
          4 | status: live
            |         ^
        content/plans/saved-carts/v1.mdx:35:1  error    Unexpected exit criterion \`Performance is acceptable\` without a measurable threshold, expected a metric, a comparison and a number, such as \`error rate ≤ 0.5%\`, \`P1 defects = 0\`, \`CSAT ≥ 4.2/5\`. Rewrite it with a number.  quantitative-criterion
          35 | - Performance is acceptable
             | ^

      Rules:
        frontmatter-schema      https://pilotplan.github.io/authoring/rules/frontmatter-schema/
        mdx-syntax              https://pilotplan.github.io/authoring/rules/mdx-syntax/
        quantitative-criterion  https://pilotplan.github.io/authoring/rules/quantitative-criterion/
        required-section        https://pilotplan.github.io/authoring/rules/required-section/
        version-mismatch        https://pilotplan.github.io/authoring/rules/version-mismatch/

      ✖ 5 problems (5 errors, 0 warnings) in 2 of 2 files"
    `);
  });

  it('--explain shows each criterion and trigger as written and as read, before the problems', async () => {
    expect((await run('problems', 'check', '--explain', 'content/plans/saved-carts/v1.mdx')).stdout).toMatchInlineSnapshot(`
      "content/plans/saved-carts/v1.mdx
        Exit criteria:
          line 33: Error rate ≤ 0.5% → error rate ≤ 0.5%
            Words: metric \`Error rate\` · comparison \`≤\` · quantity \`0.5%\`
          line 34: P1 defects = 0 → P1 defects = 0
            Words: metric \`P1 defects\` · comparison \`=\` · quantity \`0\`
          line 35: Performance is acceptable → not read.
            No number to compare with.
        Rollback triggers:
          line 43: Trigger if error rate > 2% for 15 minutes → error rate > 2% for 15 min
            Words: lead \`Trigger if\` · metric \`error rate\` · comparison \`>\` · quantity \`2%\` · window \`for 15 minutes\`

        content/plans/saved-carts/v1.mdx:4:9  error    Unexpected \`live\` for \`status\`, expected one of \`draft\`, \`review\`, \`approved\`, \`active\`, \`completed\`, \`rolled-back\`, \`withdrawn\`.  frontmatter-schema
          4 | status: live
            |         ^
        content/plans/saved-carts/v1.mdx:35:1  error    Unexpected exit criterion \`Performance is acceptable\` without a measurable threshold, expected a metric, a comparison and a number, such as \`error rate ≤ 0.5%\`, \`P1 defects = 0\`, \`CSAT ≥ 4.2/5\`. Rewrite it with a number.  quantitative-criterion
          35 | - Performance is acceptable
             | ^

      Rules:
        frontmatter-schema      https://pilotplan.github.io/authoring/rules/frontmatter-schema/
        quantitative-criterion  https://pilotplan.github.io/authoring/rules/quantitative-criterion/

      ✖ 2 problems (2 errors, 0 warnings) in 1 of 1 file"
    `);
  });

  it('--explain in json lists every bullet with its status, readings and notes', async () => {
    const { stdout } = await run('problems', 'check', '--explain', '--format', 'json', 'content/plans/saved-carts/v1.mdx');
    expect(JSON.parse(stdout).files[0].explained).toMatchInlineSnapshot(`
      [
        {
          "kind": "exit",
          "line": 33,
          "notes": [],
          "readings": [
            "error rate ≤ 0.5%",
          ],
          "status": "read",
          "text": "Error rate ≤ 0.5%",
          "words": [
            {
              "part": "metric",
              "text": "Error rate",
            },
            {
              "part": "comparison",
              "text": "≤",
            },
            {
              "part": "quantity",
              "text": "0.5%",
            },
          ],
        },
        {
          "kind": "exit",
          "line": 34,
          "notes": [],
          "readings": [
            "P1 defects = 0",
          ],
          "status": "read",
          "text": "P1 defects = 0",
          "words": [
            {
              "part": "metric",
              "text": "P1 defects",
            },
            {
              "part": "comparison",
              "text": "=",
            },
            {
              "part": "quantity",
              "text": "0",
            },
          ],
        },
        {
          "kind": "exit",
          "line": 35,
          "notes": [
            "No number to compare with.",
          ],
          "readings": [],
          "status": "none",
          "text": "Performance is acceptable",
        },
        {
          "kind": "rollback",
          "line": 43,
          "notes": [],
          "readings": [
            "error rate > 2% for 15 min",
          ],
          "status": "read",
          "text": "Trigger if error rate > 2% for 15 minutes",
          "words": [
            {
              "part": "lead",
              "text": "Trigger if",
            },
            {
              "part": "metric",
              "text": "error rate",
            },
            {
              "part": "comparison",
              "text": ">",
            },
            {
              "part": "quantity",
              "text": "2%",
            },
            {
              "part": "window",
              "text": "for 15 minutes",
            },
          ],
        },
      ]
    `);
  });

  it('json is exactly one object with diagnostics, criteria and a summary', async () => {
    const { stdout } = await run('problems', 'check', '--format', 'json');
    const parsed = JSON.parse(stdout);
    expect(parsed.summary).toEqual({ files: 2, errors: 5, warnings: 0 });
    expect(parsed.files.map((file: { path: string; plan: string; version: number }) => [file.path, file.plan, file.version])).toEqual([
      ['content/plans/returns-portal/v2.mdx', 'returns-portal', 2],
      ['content/plans/saved-carts/v1.mdx', 'saved-carts', 1],
    ]);
    expect(parsed.files[1]).toMatchInlineSnapshot(`
      {
        "criteria": {
          "exit": [
            {
              "baseline": null,
              "comparator": "<=",
              "line": 33,
              "metric": "error rate",
              "per": null,
              "percentile": null,
              "scale": null,
              "sequence": null,
              "text": "Error rate ≤ 0.5%",
              "unit": "%",
              "upper": null,
              "value": 0.5,
              "window": null,
            },
            {
              "baseline": null,
              "comparator": "=",
              "line": 34,
              "metric": "P1 defects",
              "per": null,
              "percentile": null,
              "scale": null,
              "sequence": null,
              "text": "P1 defects = 0",
              "unit": null,
              "upper": null,
              "value": 0,
              "window": null,
            },
          ],
          "rollback": [
            {
              "baseline": null,
              "comparator": ">",
              "line": 43,
              "metric": "error rate",
              "per": null,
              "percentile": null,
              "scale": null,
              "sequence": null,
              "text": "Trigger if error rate > 2% for 15 minutes",
              "unit": "%",
              "upper": null,
              "value": 2,
              "window": {
                "kind": "sustained",
                "seconds": 900,
                "text": "for 15 minutes",
              },
            },
          ],
        },
        "diagnostics": [
          {
            "column": 9,
            "line": 4,
            "message": "Unexpected \`live\` for \`status\`, expected one of \`draft\`, \`review\`, \`approved\`, \`active\`, \`completed\`, \`rolled-back\`, \`withdrawn\`.",
            "messageId": "invalid",
            "ruleId": "frontmatter-schema",
            "severity": "error",
            "url": "https://pilotplan.github.io/authoring/rules/frontmatter-schema/",
          },
          {
            "column": 1,
            "line": 35,
            "message": "Unexpected exit criterion \`Performance is acceptable\` without a measurable threshold, expected a metric, a comparison and a number, such as \`error rate ≤ 0.5%\`, \`P1 defects = 0\`, \`CSAT ≥ 4.2/5\`. Rewrite it with a number.",
            "messageId": "noThreshold",
            "ruleId": "quantitative-criterion",
            "severity": "error",
            "url": "https://pilotplan.github.io/authoring/rules/quantitative-criterion/",
          },
        ],
        "path": "content/plans/saved-carts/v1.mdx",
        "plan": "saved-carts",
        "version": 1,
      }
    `);
  });

  it('github annotations escape what would end or split the command', async () => {
    expect((await run('problems', 'check', '--format', 'github')).stdout).toMatchInlineSnapshot(`
      "::error file=content/plans/returns-portal/v2.mdx,line=3,col=10,title=version-mismatch::Unexpected \`version: 1\` in \`returns-portal/v2.mdx\`, expected \`version: 2\`. Make the frontmatter and the file name agree; a new version is a new file.
      ::error file=content/plans/returns-portal/v2.mdx,line=15,col=1,title=required-section::Missing required section \`Change Control\`, expected a \`## Change Control\` heading (or \`Change Management\`, \`Change Process\`, \`Change Requests\`, …). Add the section with its content.
      ::error file=content/plans/returns-portal/v2.mdx,line=33,col=14,title=mdx-syntax::Unexpected \`<\` starting a component, expected text. In MDX, \`<\` followed by anything but a space starts a component. Write \`≤\` or \`<\` followed by a space, or escape it as \`\\<\` or \`&lt;\`.
      ::error file=content/plans/saved-carts/v1.mdx,line=4,col=9,title=frontmatter-schema::Unexpected \`live\` for \`status\`, expected one of \`draft\`, \`review\`, \`approved\`, \`active\`, \`completed\`, \`rolled-back\`, \`withdrawn\`.
      ::error file=content/plans/saved-carts/v1.mdx,line=35,col=1,title=quantitative-criterion::Unexpected exit criterion \`Performance is acceptable\` without a measurable threshold, expected a metric, a comparison and a number, such as \`error rate ≤ 0.5%25\`, \`P1 defects = 0\`, \`CSAT ≥ 4.2/5\`. Rewrite it with a number."
    `);
  });

  it('sarif names the tool, its rules and each result location', async () => {
    const sarif = JSON.parse((await run('problems', 'check', '--format', 'sarif')).stdout);
    expect(sarif.version).toBe('2.1.0');
    expect(sarif.runs[0].tool.driver.rules.map((rule: { id: string }) => rule.id)).toContain('quantitative-criterion');
    expect(sarif.runs[0].results[0]).toMatchInlineSnapshot(`
      {
        "level": "error",
        "locations": [
          {
            "physicalLocation": {
              "artifactLocation": {
                "uri": "content/plans/returns-portal/v2.mdx",
              },
              "region": {
                "startColumn": 10,
                "startLine": 3,
              },
            },
          },
        ],
        "message": {
          "text": "Unexpected \`version: 1\` in \`returns-portal/v2.mdx\`, expected \`version: 2\`. Make the frontmatter and the file name agree; a new version is a new file.",
        },
        "ruleId": "version-mismatch",
      }
    `);
  });

  it('usage errors say what was wrong and how to call the command', async () => {
    expect((await run('clean', 'check', '--format', 'xml')).stderr.split('\n')[0]).toMatchInlineSnapshot(
      `"pilotplan: Unknown format \`xml\`, expected one of pretty, json, github, sarif. Run \`pilotplan check --help\` for usage."`,
    );
    expect((await run('bad-config', 'check')).stderr).toMatchInlineSnapshot(`
      "pilotplan: content/pilotplan.config.json: invalid config.
        content/pilotplan.config.json:1:3  rules: Unrecognized key: "no-such-rule""
    `);
  });

  it('schema prints the frontmatter JSON Schema for editors', async () => {
    const schema = JSON.parse((await run('clean', 'schema')).stdout);
    expect(schema.additionalProperties).toBe(false);
    expect(schema.required).toEqual(['title', 'version', 'status', 'summary', 'owner', 'stories', 'cohort', 'start', 'duration']);
    expect(schema.properties.status.enum).toContain('rolled-back');
  });
});

describe('evaluate output', () => {
  const run = (...args: string[]) => runInProcess({ name: '', fixture: 'evaluate', args, exitCode: 0 });

  it('pretty: the decision, its reasons, then each criterion and trigger', async () => {
    expect((await run('evaluate', 'plans/carts-rollback/v1.mdx')).stdout).toMatchInlineSnapshot(`
      "Decision: Roll back
        Trigger fired: \`Trigger if error rate > 2% for 15 minutes\` (line 42): Condition held 15 min (2026-12-08T10:05:00Z to 2026-12-08T10:20:00Z); the window is for 15 minutes.

      Exit criteria
        not met    plans/carts-rollback/v1.mdx:33  Error rate ≤ 0.5%  (observed 3.1%, threshold ≤ 0.5%)
        met        plans/carts-rollback/v1.mdx:34  P1 defects = 0  (observed 0, threshold = 0)

      Rollback triggers
        fired      plans/carts-rollback/v1.mdx:42  Trigger if error rate > 2% for 15 minutes  (observed 3.1%, threshold > 2% for 15 min)"
    `);
  });

  it('ranges, percentiles, baselines and checks in a row, each against its observation', async () => {
    const { stdout } = await run('evaluate', 'plans/carts-readings/v1.mdx', '--format', 'json');
    const { criteria, triggers } = JSON.parse(stdout) as { criteria: Array<{ status: string; note: string }>; triggers: Array<{ status: string; note: string }> };
    expect([...criteria, ...triggers].map(({ status, note }) => `${status}: ${note}`)).toMatchInlineSnapshot(`
      [
        "met: Observed 0.21 s.",
        "not-met: Observed 910 ms.",
        "met: Observed 14.2% below the control group (412 against 480).",
        "met: Observed 0.5 pp from baseline (3.6 against 4.1).",
        "not-fired: Observed 0.4%.",
        "not-fired: Condition held 1 reading (2026-12-08T10:00:00Z to 2026-12-08T10:00:00Z); it takes 2 consecutive health checks.",
      ]
    `);
  });

  it('json: one object with the decision and plan lines', async () => {
    expect(JSON.parse((await run('evaluate', 'plans/carts-iterate/v1.mdx', '--format', 'json')).stdout)).toMatchInlineSnapshot(`
      {
        "criteria": [
          {
            "baseline": null,
            "comparator": "<=",
            "line": 33,
            "metric": "error rate",
            "note": "Observed 0.8%.",
            "observed": 0.8,
            "per": null,
            "percentile": null,
            "scale": null,
            "sequence": null,
            "shown": "0.8%",
            "status": "not-met",
            "text": "Error rate ≤ 0.5%",
            "threshold": "≤ 0.5%",
            "unit": "%",
            "upper": null,
            "value": 0.5,
            "window": null,
          },
          {
            "baseline": null,
            "comparator": "=",
            "line": 34,
            "metric": "P1 defects",
            "note": "No observation of \`P1 defects\` in the results.",
            "observed": null,
            "per": null,
            "percentile": null,
            "scale": null,
            "sequence": null,
            "shown": null,
            "status": "no-data",
            "text": "P1 defects = 0",
            "threshold": "= 0",
            "unit": null,
            "upper": null,
            "value": 0,
            "window": null,
          },
        ],
        "decision": "iterate",
        "reasons": [
          "Not met: \`Error rate ≤ 0.5%\` (line 33): Observed 0.8%.",
          "No data: \`P1 defects = 0\` (line 34): No observation of \`P1 defects\` in the results.",
        ],
        "triggers": [
          {
            "baseline": null,
            "comparator": ">",
            "line": 42,
            "metric": "error rate",
            "note": "Observed 0.8%.",
            "observed": 0.8,
            "per": null,
            "percentile": null,
            "scale": null,
            "sequence": null,
            "shown": "0.8%",
            "status": "not-fired",
            "text": "Trigger if error rate > 2% for 15 minutes",
            "threshold": "> 2% for 15 min",
            "unit": "%",
            "upper": null,
            "value": 2,
            "window": {
              "kind": "sustained",
              "seconds": 900,
              "text": "for 15 minutes",
            },
          },
        ],
      }
    `);
  });

  it('markdown: a pull-request comment', async () => {
    expect((await run('evaluate', 'plans/carts-scale/v1.mdx', '--format', 'markdown')).stdout).toMatchInlineSnapshot(`
      "### Go/no-go: Scale — Saved carts pilot

      - All 2 exit criteria met and no rollback trigger fired.

      | Exit criterion | Line | Threshold | Observed | Status |
      | --- | --- | --- | --- | --- |
      | Error rate ≤ 0.5% | 33 | ≤ 0.5% | 0.22% | **met** |
      | P1 defects = 0 | 34 | = 0 | 0 | **met** |

      | Rollback trigger | Line | Threshold | Observed | Status |
      | --- | --- | --- | --- | --- |
      | Trigger if error rate > 2% for 15 minutes | 42 | > 2% for 15 min | 0.2% | **not fired** |"
    `);
  });

  it('a broken results file gets positioned messages', async () => {
    expect((await run('evaluate', 'plans/carts-bad-results/v1.mdx')).stderr).toMatchInlineSnapshot(`
      "plans/carts-bad-results/results.yaml:5:5  error  Observation \`P1 defects\` needs exactly one of \`value\`, \`count\` (with \`per\`), \`series\` or \`from\` (with \`to\`) (at \`observations[1]\`).
      plans/carts-bad-results/results.yaml:6:5  error  Unknown results key \`observations[1].vaule\`, did you mean \`value\`? Correct its spelling."
    `);
  });

  it('one observation for criteria that measure differently is refused, with both criteria under the message', async () => {
    const evaluated = await run('evaluate', 'plans/carts-shared/v1.mdx');
    expect(evaluated.code).toBe(2);
    expect(evaluated.stderr).toContain('plans/carts-shared/results.yaml:6:5  error  Unexpected one observation of `complaints` for criteria that measure it differently');
    expect(evaluated.stderr).toContain('\n  ↳ plans/carts-shared/v1.mdx:35:1  `No more than 3 complaints per 1,000 carts` measures per 1,000 carts, over the pilot.');
    expect(evaluated.stderr).toContain('\n  ↳ plans/carts-shared/v1.mdx:44:1  `Trigger if more than three complaints in one week` measures a count or value in one week.');
    // check gives the same two places as the message's cause, in the plan's file.
    const checked = JSON.parse((await run('check', 'plans/carts-shared', '--format', 'json')).stdout);
    const [problem] = checked.files.find((file: { path: string }) => file.path === 'plans/carts-shared/results.yaml').diagnostics;
    expect(problem.cause).toEqual([expect.objectContaining({ path: 'plans/carts-shared/v1.mdx', line: 35 }), expect.objectContaining({ path: 'plans/carts-shared/v1.mdx', line: 44 })]);
  });

  it('results for another version are refused, not evaluated against this one', async () => {
    expect((await run('evaluate', 'plans/carts-versions/v1.mdx')).stderr).toMatchInlineSnapshot(
      `"plans/carts-versions/results.yaml:1:10  error  Unexpected results for \`version: 2\`, expected results for v1, the version being evaluated. Evaluate \`plans/carts-versions/v2.mdx\` instead, or give results for this version with --results."`,
    );
  });

  it('check reports a broken results file beside a plan', async () => {
    const { stdout } = await run('check', 'plans/carts-bad-results', '--format', 'json');
    expect(JSON.parse(stdout).files.map((file: { path: string; diagnostics: unknown[] }) => [file.path, file.diagnostics])).toMatchInlineSnapshot(`
      [
        [
          "plans/carts-bad-results/v1.mdx",
          [],
        ],
        [
          "plans/carts-bad-results/results.yaml",
          [
            {
              "column": 5,
              "line": 5,
              "message": "Observation \`P1 defects\` needs exactly one of \`value\`, \`count\` (with \`per\`), \`series\` or \`from\` (with \`to\`) (at \`observations[1]\`).",
              "messageId": "invalid",
              "ruleId": "results-schema",
              "severity": "error",
              "url": "https://pilotplan.github.io/authoring/rules/results-schema/",
            },
            {
              "column": 5,
              "line": 6,
              "message": "Unknown results key \`observations[1].vaule\`, did you mean \`value\`? Correct its spelling.",
              "messageId": "invalid",
              "ruleId": "results-schema",
              "severity": "error",
              "url": "https://pilotplan.github.io/authoring/rules/results-schema/",
            },
          ],
        ],
      ]
    `);
  });
});

describe('config and the cache', () => {
  it('a cached check reuses the validated config until the file changes, then validates it again', async () => {
    const { cpSync, mkdtempSync, rmSync, writeFileSync } = await import('node:fs');
    const { tmpdir } = await import('node:os');
    const cwd = mkdtempSync(`${tmpdir()}/pilotplan-config-`);
    cpSync(`${fixtures}warnings`, cwd, { recursive: true });
    const config = `${cwd}/content/pilotplan.config.json`;
    const check = async () => {
      const out: string[] = [];
      const code = await main({ argv: ['check', '--format', 'json'], cwd, logMessage: (text) => out.push(text), logError: (text) => out.push(text) });
      return { code, out: out.join('\n') };
    };
    try {
      writeFileSync(config, JSON.stringify({ rules: { 'recommended-section': 'error' } }));
      expect((await check()).code).toBe(1);
      expect((await check()).code).toBe(1);
      writeFileSync(config, JSON.stringify({ rules: { 'recommended-section': 'off' } }));
      expect(await check()).toEqual({ code: 0, out: expect.not.stringContaining('recommended-section') });
      writeFileSync(config, JSON.stringify({ rules: { 'recommended-section': 'loud' } }));
      expect(await check()).toEqual({ code: 2, out: expect.stringContaining('invalid config') });
    } finally {
      rmSync(cwd, { recursive: true, force: true });
    }
  });
});

describe('--explain and the cache', () => {
  it('a file cached by a run without --explain is read again to explain it', async () => {
    const { cpSync, mkdtempSync, rmSync } = await import('node:fs');
    const { tmpdir } = await import('node:os');
    const cwd = mkdtempSync(`${tmpdir()}/pilotplan-explain-`);
    cpSync(`${fixtures}clean`, cwd, { recursive: true });
    const explained = async (...extra: string[]) => {
      const out: string[] = [];
      await main({ argv: ['check', '--format', 'json', ...extra], cwd, logMessage: (text) => out.push(text), logError: (text) => out.push(text) });
      return (JSON.parse(out.join('\n')) as { files: Array<{ explained?: unknown[] }> }).files.map((file) => file.explained?.length ?? null);
    };
    try {
      expect(await explained()).toEqual([null]);
      expect((await explained('--explain'))[0]).toBeGreaterThan(0);
    } finally {
      rmSync(cwd, { recursive: true, force: true });
    }
  });
});

describe('--explain of a bullet with no number', () => {
  it('gives the reason alone, never "Found , but"', async () => {
    const cwd = mkdtempSync(`${tmpdir()}/pilotplan-explain-`);
    cpSync(`${fixtures}clean`, cwd, { recursive: true });
    const plan = `${cwd}/content/plans/saved-carts/v1.mdx`;
    writeFileSync(plan, readFileSync(plan, 'utf8').replace('- P1 defects = 0', '- No significant negative review patterns'));
    const out: string[] = [];
    try {
      await main({ argv: ['check', '--explain', '--format', 'json'], cwd, logMessage: (text) => out.push(text), logError: (text) => out.push(text) });
      const explained: Array<{ text: string; notes: string[] }> = JSON.parse(out.join('\n')).files[0].explained;
      expect(explained.find((item) => item.text === 'No significant negative review patterns')?.notes).toEqual([
        '`significant` leaves which ones count to judgement; name which, such as `P1 incidents`, or give the figure that counts.',
      ]);
    } finally {
      rmSync(cwd, { recursive: true, force: true });
    }
  });
});

describe('pilotplan new', () => {
  it('scaffolds a plan that passes the schema, then a next version as a draft copy', async () => {
    const cwd = mkdtempSync(`${tmpdir()}/pilotplan-new-`);
    const io = { logMessage: () => {}, logError: () => {} };
    try {
      expect(await main({ argv: ['new', 'saved-carts', '--title', 'Saved carts pilot'], cwd, today: '2026-12-07', ...io })).toBe(0);
      let json = '';
      expect(await main({ argv: ['check', '--format', 'json'], cwd, logMessage: (text) => (json = text), logError: () => {} })).toBe(1);
      const diagnostics: Array<{ ruleId: string; line: number }> = JSON.parse(json).files[0].diagnostics;
      expect(diagnostics.filter((item) => item.ruleId === 'frontmatter-schema')).toEqual([]);
      expect(new Set(diagnostics.map((item) => item.ruleId))).toEqual(new Set(['placeholder', 'empty-section', 'rollback-trigger', 'rollback-steps']));
      // The frontmatter the template asks the author to fill: summary, stories, cohort size and description.
      expect(diagnostics.filter((item) => item.ruleId === 'placeholder').map((item) => item.line)).toEqual([5, 7, 9, 10]);
      expect(await main({ argv: ['new', 'saved-carts'], cwd, ...io })).toBe(0);
      const v2 = readFileSync(`${cwd}/content/plans/saved-carts/v2.mdx`, 'utf8');
      expect(v2).toMatch(/^version: 2$/m);
      expect(v2).toMatch(/^status: draft$/m);
      expect(await main({ argv: ['new', 'Saved Carts'], cwd, ...io })).toBe(2);
    } finally {
      rmSync(cwd, { recursive: true, force: true });
    }
  });

  // Every plan and example in the repository, the way an author starts their next version.
  const repository = fileURLToPath(new URL('../content/', import.meta.url));
  const folders = ['plans', 'examples'].flatMap((collection) => readdirSync(`${repository}${collection}`).map((id) => [collection, id] as const));
  it.each(folders)('a next version of %s/%s passes the check, decision dropped and status draft', async (collection, id) => {
    const cwd = mkdtempSync(`${tmpdir()}/pilotplan-next-`);
    try {
      cpSync(`${repository}${collection}/${id}`, `${cwd}/content/${collection}/${id}`, { recursive: true });
      const latest = Math.max(
        ...readdirSync(`${cwd}/content/${collection}/${id}`)
          .flatMap((name) => /^v(\d+)\.mdx$/.exec(name)?.[1] ?? [])
          .map(Number),
      );
      const io = { logMessage: () => {}, logError: () => {} };
      expect(await main({ argv: ['new', id, '--dir', `content/${collection}`], cwd, ...io })).toBe(0);
      const next = `content/${collection}/${id}/v${latest + 1}.mdx`;
      const source = readFileSync(`${cwd}/${next}`, 'utf8');
      const frontmatter = parseDocument(/^---\n([\s\S]*?)\n---/.exec(source)?.[1] ?? '').toJS() as Record<string, unknown>;
      expect(frontmatter).toMatchObject({ version: latest + 1, status: 'draft' });
      expect(frontmatter).not.toHaveProperty('decision');
      let json = '';
      const code = await main({ argv: ['check', '--format', 'json', next], cwd, logMessage: (text) => (json = text), logError: () => {} });
      expect(JSON.parse(json).files.flatMap((file: { diagnostics: unknown[] }) => file.diagnostics)).toEqual([]);
      expect(code).toBe(0);
    } finally {
      rmSync(cwd, { recursive: true, force: true });
    }
  });
});

describe('pilotplan --help', () => {
  const run = (fixture: string, ...args: string[]) => runInProcess({ name: '', fixture, args, exitCode: 0 });

  it.each(['check', 'new', 'evaluate', 'export', 'schema'])('%s --help prints that command alone, exit 0', async (command) => {
    const { code, stdout, stderr } = await run('clean', command, '--help');
    expect(code).toBe(0);
    expect(stderr).toBe('');
    expect(stdout).toMatch(new RegExp(`^Usage: pilotplan ${command} `));
    expect(stdout).not.toContain('Commands:');
  });

  it('a usage error is one line that names the command help', async () => {
    expect((await run('clean', 'check', '--fast')).stderr).toBe('pilotplan: Unknown option `--fast`. Run `pilotplan check --help` for usage.');
    expect((await run('clean', 'evaluate')).stderr).toBe('pilotplan: `evaluate` takes exactly one plan file. Run `pilotplan evaluate --help` for usage.');
    expect((await run('clean', 'lint')).stderr).toBe('pilotplan: Unknown command `lint`. Run `pilotplan --help` for usage.');
    // A message that ends without a stop gets one before the pointer to the help.
    expect((await run('clean', 'check', 'no-such-folder')).stderr).toMatch(/^pilotplan: No such file or folder: \S*no-such-folder\. Run `pilotplan check --help` for usage\.$/);
    expect((await run('clean', 'schema', 'toString')).code).toBe(2);
    expect((await run('clean', 'schema', 'nope')).stderr).toBe(
      'pilotplan: Unknown schema `nope`, expected `plan`, `config`, `metrics`, `criteria` or `evaluation`. Run `pilotplan schema --help` for usage.',
    );
  });

  it('a reader that closes the pipe early ends the output quietly, without a stack trace', async () => {
    const child = spawn(process.execPath, [fileURLToPath(new URL('../src/cli/pilotplan-bin.js', import.meta.url)), 'rules'], { stdio: ['ignore', 'pipe', 'pipe'] });
    let stderr = '';
    child.stderr.on('data', (chunk) => {
      stderr += chunk;
    });
    child.stdout.once('data', () => child.stdout.destroy());
    const code = await new Promise((resolve) => child.on('close', resolve));
    expect(stderr).toBe('');
    expect(code).toBe(0);
  });

  it('rules lists every rule of the registry with its default severity and page', async () => {
    const { code, stdout } = await run('clean', 'rules');
    expect(code).toBe(0);
    expect(stdout).toMatch(/^unbound-metric +warning\n {2}When the project has a `metrics\.yaml`.*\n {2}https:\/\/pilotplan\.github\.io\/authoring\/rules\/unbound-metric\/$/m);
    expect(stdout).toMatch(/^mdx-safety +error +safety$/m);
  });

  it('--version prints the package version', async () => {
    expect((await run('clean', '--version')).stdout).toBe(`${JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')).version}`);
  });

  it.each([
    ['check', CHECK_OPTIONS],
    ['new', NEW_OPTIONS],
    ['evaluate', EVALUATE_OPTIONS],
  ] as const)('lists every option of %s', (command, options) => {
    const section = USAGE.split(`Options for ${command}:`)[1]?.split('\n\n')[0] ?? '';
    expect(Object.keys(options).filter((name) => !section.includes(`--${name}`))).toEqual([]);
  });

  // The machine's own Node, outside node_modules/.bin; these machines ship Node 20.
  const systemPath = { PATH: '/usr/local/bin:/usr/bin:/bin' };
  const [major = 0, minor = 0] = (/^v(\d+)\.(\d+)/.exec(spawnSync('node', ['--version'], { encoding: 'utf8', env: systemPath }).stdout ?? '') ?? []).slice(1).map(Number);
  it.skipIf(major > 22 || (major === 22 && minor >= 18))('an old Node gets a sentence and exit code 2, not a SyntaxError', () => {
    const result = spawnSync('node', [bin, '--help'], { encoding: 'utf8', env: systemPath });
    expect(result.status).toBe(2);
    expect(result.stderr).toContain('pilotplan needs Node.js 22.18 or newer');
    expect(result.stderr).not.toContain('SyntaxError');
  });
});

describe('the JSON report of a plan with many unbound metrics', () => {
  it('gives one unbound-metric message naming each metric with its line, not one per criterion', async () => {
    const project = mkdtempSync(join(tmpdir(), 'pilotplan-grouped-'));
    try {
      mkdirSync(join(project, 'content/plans/carts'), { recursive: true });
      const plan = readFileSync(new URL('fixtures/required-section/ok.mdx', import.meta.url), 'utf8').replace(
        '- P1 defects = 0',
        '- P1 defects = 0\n- Refund errors < 3\n- Basket timeouts < 2\n- Cart latenct < 2 seconds at p95',
      );
      writeFileSync(join(project, 'content/plans/carts/v1.mdx'), plan);
      writeFileSync(join(project, 'content/metrics.yaml'), readFileSync(new URL('fixtures/unbound-metric/metrics.yaml', import.meta.url)));
      let output = '';
      await main({ argv: ['check', '--format', 'json', '--no-cache'], cwd: project, logMessage: (text) => (output += text), logError: () => {} });
      const unbound = JSON.parse(output).files[0].diagnostics.filter((item: { ruleId: string }) => item.ruleId === 'unbound-metric');
      const lines = plan.split('\n');
      const at = (start: string) => lines.findIndex((line) => line.startsWith(start)) + 1;
      expect(unbound).toEqual([
        expect.objectContaining({
          line: at('- Refund errors'),
          lines: [at('- Refund errors'), at('- Basket timeouts'), at('- Cart latenct')],
          message: expect.stringMatching(
            /^Unbound metrics in 3 criteria: `refund errors` \(line \d+, nearest `error rate`\), `basket timeouts` \(line \d+\), `cart latenct` \(line \d+, nearest `cart latency`\), expected/,
          ),
        }),
      ]);
      // The terminal report gives the advice once, then each criterion at its own place, with its nearest name.
      let pretty = '';
      await main({ argv: ['check', '--no-cache'], cwd: project, logMessage: (text) => (pretty += `${text}\n`), logError: () => {} });
      expect(pretty.match(/warning {2}Unbound metric/g)).toEqual(['warning  Unbound metric']);
      expect(pretty).toContain(`content/plans/carts/v1.mdx:${at('- Refund errors')}:1  warning  Unbound metrics in 3 criteria (each below), expected a name or synonym`);
      expect(pretty.match(/↳ .*/g)).toEqual([
        `↳ content/plans/carts/v1.mdx:${at('- Refund errors')}:1  \`refund errors\`, nearest \`error rate\``,
        `↳ content/plans/carts/v1.mdx:${at('- Basket timeouts')}:1  \`basket timeouts\``,
        `↳ content/plans/carts/v1.mdx:${at('- Cart latenct')}:1  \`cart latenct\`, nearest \`cart latency\``,
      ]);
      // The totals still count a warning for each criterion.
      expect(pretty).toContain('3 problems (0 errors, 3 warnings)');
    } finally {
      rmSync(project, { recursive: true, force: true });
    }
  });
});
