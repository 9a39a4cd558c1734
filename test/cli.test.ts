import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { main } from '../src/cli/main.ts';

const fixtures = fileURLToPath(new URL('fixtures/cli/', import.meta.url));
const bin = fileURLToPath(new URL('../bin/pilotplan.js', import.meta.url));

interface Scenario {
  name: string;
  /** Folder under test/fixtures/cli/ used as the working folder. */
  fixture: string;
  args: string[];
  exitCode: 0 | 1 | 2;
}

// One row per scenario; each runs in-process and as a child process, and both must agree.
const scenarios: Scenario[] = [
  { name: 'clean content, default path and format', fixture: 'clean', args: ['check'], exitCode: 0 },
  { name: 'clean content as json', fixture: 'clean', args: ['check', '--format', 'json'], exitCode: 0 },
  { name: 'problems in two plans, pretty', fixture: 'problems', args: ['check'], exitCode: 1 },
  { name: 'problems as json', fixture: 'problems', args: ['check', 'content', '--format', 'json'], exitCode: 1 },
  { name: 'problems as github annotations', fixture: 'problems', args: ['check', '--format', 'github'], exitCode: 1 },
  { name: 'problems as sarif', fixture: 'problems', args: ['check', '--format=sarif'], exitCode: 1 },
  { name: 'one file named explicitly', fixture: 'problems', args: ['check', 'content/plans/saved-carts/v1.mdx'], exitCode: 1 },
  { name: 'warnings only', fixture: 'warnings', args: ['check'], exitCode: 0 },
  { name: 'a plan outside <id>/v<N>.mdx', fixture: 'misplaced', args: ['check', 'notes.mdx'], exitCode: 1 },
  { name: 'unknown format', fixture: 'clean', args: ['check', '--format', 'xml'], exitCode: 2 },
  { name: 'unknown option', fixture: 'clean', args: ['check', '--fast'], exitCode: 2 },
  { name: 'missing path', fixture: 'clean', args: ['check', 'nowhere'], exitCode: 2 },
  { name: 'invalid config', fixture: 'bad-config', args: ['check'], exitCode: 2 },
  { name: 'unknown command', fixture: 'clean', args: ['lint'], exitCode: 2 },
  { name: 'no command', fixture: 'clean', args: [], exitCode: 2 },
];

async function runInProcess(scenario: Scenario) {
  const stdout: string[] = [];
  const stderr: string[] = [];
  const code = await main({ argv: scenario.args, cwd: fixtures + scenario.fixture, logMessage: (t) => stdout.push(t), logError: (t) => stderr.push(t) });
  return { code, stdout: stdout.join('\n'), stderr: stderr.join('\n') };
}

describe('pilotplan CLI scenarios', () => {
  it.each(scenarios)('$name → exit $exitCode', async (scenario) => {
    const inProcess = await runInProcess(scenario);
    expect(inProcess.code).toBe(scenario.exitCode);
    const child = spawnSync(process.execPath, [bin, ...scenario.args], { cwd: fixtures + scenario.fixture, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' } });
    expect(child.status).toBe(scenario.exitCode);
    expect(child.stdout.trimEnd()).toBe(inProcess.stdout.trimEnd());
    expect(child.stderr).not.toMatch(/\n\s+at /);
    if (scenario.exitCode === 2) expect(inProcess.stderr).toMatch(/^pilotplan: /);
    else expect(inProcess.stderr).toBe('');
  });
});

describe('output formats', () => {
  const run = (fixture: string, ...args: string[]) => runInProcess({ name: '', fixture, args, exitCode: 0 });

  it('pretty groups problems by file with the source line and a caret', async () => {
    expect((await run('problems', 'check')).stdout).toMatchInlineSnapshot(`
      "content/plans/returns-portal/v2.mdx
        content/plans/returns-portal/v2.mdx:3:10  error    Unexpected \`version: 1\` in \`returns-portal/v2.mdx\`, expected \`version: 2\`. Make the frontmatter and the file name agree; a new version is a new file.  version-mismatch
          3 | version: 1
            |          ^
        content/plans/returns-portal/v2.mdx:15:1  error    Missing required section \`Change Control\`, expected a \`## Change Control\` heading. Add the section with its content.  required-section
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

      ✖ 5 problems (5 errors, 0 warnings) in 2 of 2 files"
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
              "comparator": "<=",
              "line": 33,
              "metric": "Error rate",
              "per": null,
              "scale": null,
              "text": "Error rate ≤ 0.5%",
              "unit": "%",
              "value": 0.5,
              "window": null,
            },
            {
              "comparator": "=",
              "line": 34,
              "metric": "P1 defects",
              "per": null,
              "scale": null,
              "text": "P1 defects = 0",
              "unit": null,
              "value": 0,
              "window": null,
            },
          ],
          "rollback": [
            {
              "comparator": ">",
              "line": 43,
              "metric": "error rate",
              "per": null,
              "scale": null,
              "text": "Trigger if error rate > 2% for 15 minutes",
              "unit": "%",
              "value": 2,
              "window": {
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
            "ruleId": "frontmatter-schema",
            "severity": "error",
          },
          {
            "column": 1,
            "line": 35,
            "message": "Unexpected exit criterion \`Performance is acceptable\` without a measurable threshold, expected a metric, a comparison and a number, such as \`error rate ≤ 0.5%\`, \`P1 defects = 0\`, \`CSAT ≥ 4.2/5\`. Rewrite it with a number.",
            "ruleId": "quantitative-criterion",
            "severity": "error",
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
      ::error file=content/plans/returns-portal/v2.mdx,line=15,col=1,title=required-section::Missing required section \`Change Control\`, expected a \`## Change Control\` heading. Add the section with its content.
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
    expect((await run('clean', 'check', '--format', 'xml')).stderr.split('\n')[0]).toMatchInlineSnapshot(`"pilotplan: Unknown format \`xml\`, expected one of pretty, json, github, sarif."`);
    expect((await run('bad-config', 'check')).stderr).toMatchInlineSnapshot(`
      "pilotplan: content/pilotplan.config.json: invalid config.
        rules: Unrecognized key: "no-such-rule""
    `);
  });

  it('schema prints the frontmatter JSON Schema for editors', async () => {
    const schema = JSON.parse((await run('clean', 'schema')).stdout);
    expect(schema.additionalProperties).toBe(false);
    expect(schema.required).toEqual(['title', 'version', 'status', 'summary', 'owner', 'stories', 'cohort', 'start', 'duration']);
    expect(schema.properties.status.enum).toContain('rolled-back');
  });
});
