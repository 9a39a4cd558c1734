import { existsSync, readFileSync } from 'node:fs';
import type { VFileMessage } from 'vfile-message';
import { describe, expect, it } from 'vitest';
import { checkPlan } from '../src/engine/check-plan.ts';
import { relatedPlaces } from '../src/engine/file-report.ts';
import { fillMessage } from '../src/engine/rule.ts';
import { projectRules, rules } from '../src/engine/rules/index.ts';
import { MAX_DEPTH, MAX_FENCES, MAX_MARKERS } from '../src/engine/rules/pathological-markdown.ts';
import { readFrontmatter } from '../src/model/frontmatter.ts';
import { readMetricCatalog } from '../src/model/metric-catalog.ts';
import { readResults } from '../src/model/read-results.ts';
import { ConfigSchema } from '../src/schemas/config-schema.ts';
import { RULE_IDS, RULES } from '../src/schemas/rule-registry.ts';
import { rulePageHead } from '../src/site/rule-page-head.ts';

const config = ConfigSchema().parse({});

/** Checks a fixture with the `results.yaml` and `metrics.yaml` beside it, when the rule's folder has them. */
function checkFixture(ruleId: string, fixture: 'ok' | 'not-ok') {
  const source = readFileSync(new URL(`fixtures/${ruleId}/${fixture}.mdx`, import.meta.url), 'utf8');
  const resultsUrl = new URL(`fixtures/${ruleId}/results.yaml`, import.meta.url);
  const results = existsSync(resultsUrl) ? readResults(readFileSync(resultsUrl, 'utf8')).results : null;
  const metricsUrl = new URL(`fixtures/${ruleId}/metrics.yaml`, import.meta.url);
  const metrics = existsSync(metricsUrl) ? readMetricCatalog(readFileSync(metricsUrl, 'utf8')).catalog : null;
  return checkPlan(source, `content/plans/${ruleId}/v1.mdx`, metrics ? { ...config, metrics } : config, results);
}

/**
 * Checks a rule's fixture as if it were `content/plans/<rule>/v1.mdx`, the layout plans must have,
 * and returns only that rule's messages as `line:column severity message`.
 */
function messagesOf(ruleId: string, fixture: 'ok' | 'not-ok'): string[] {
  const { file } = checkFixture(ruleId, fixture);
  // A message's cause, the places that explain it, follows it: `↳ line:column message`.
  const causes = (message: VFileMessage) => relatedPlaces(message).map((place) => ` ↳ ${place.line}:${place.column} ${place.message}`);
  return file.messages
    .filter((message) => message.ruleId === ruleId)
    .map((message) => [`${message.line}:${message.column} ${message.fatal ? 'error' : 'warning'} ${message.reason}`, ...causes(message)].join(''));
}

describe('every rule', () => {
  it.each(rules.map((rule) => rule.meta.id))('%s passes its ok fixture', (ruleId) => {
    expect(messagesOf(ruleId, 'ok')).toEqual([]);
  });

  it.each(rules.map((rule) => rule.meta.id))('%s has a description and reports through file.message with a docs url', (ruleId) => {
    // A description is a sentence for the rules reference, not a stub.
    expect(RULES[ruleId].description).toMatch(/^[A-Z`].{30,}\.$/);
    const { file } = checkFixture(ruleId, 'not-ok');
    const own = file.messages.filter((message) => message.ruleId === ruleId);
    expect(own.length).toBeGreaterThan(0);
    for (const message of own) {
      expect(message.source).toBe('pilotplan');
      expect(message.url).toBe(`https://pilotplan.github.io/authoring/rules/${ruleId}/`);
      expect(message.line).toBeGreaterThan(0);
      expect(message.column).toBeGreaterThan(0);
    }
  });
});

describe('not-ok fixtures', () => {
  it('frontmatter-schema', () => {
    expect(messagesOf('frontmatter-schema', 'not-ok')).toMatchInlineSnapshot(`
      [
        "5:1 error Unexpected frontmatter key \`layout\`, expected one of \`title\`, \`version\`, \`status\`, \`summary\`, \`owner\`, \`facilitator\`, \`stories\`, \`cohort\`, \`start\`, \`duration\`, \`tags\`, \`decision\`. Remove it or correct its spelling.",
        "4:9 error Unexpected \`live\` for \`status\`, expected one of \`draft\`, \`review\`, \`approved\`, \`active\`, \`completed\`, \`rolled-back\`, \`withdrawn\`.",
        "6:10 error Unexpected \`summary\` of 359 characters, expected at most 300. Shorten it.",
        "2:1 error Missing \`owner\` in frontmatter, expected a string. Add it. For example: \`owner: Dana Reyes (Product Owner)\`.",
        "7:10 error Unexpected empty \`stories\`, expected at least 1 item. For example: \`stories: [US-145, US-152]\`.",
        "11:8 error Unexpected date \`2026-02-30\`, expected a real calendar date written as \`YYYY-MM-DD\`, such as \`2026-12-07\` (at \`start\`). For example: \`start: 2026-12-07\`.",
        "12:11 error Unexpected time box \`a fortnight\`, expected "N business days", "N days" or "N weeks", such as \`10 business days\` (at \`duration\`). For example: \`duration: 10 business days\`.",
      ]
    `);
  });
  it('placeholder', () => {
    expect(messagesOf('placeholder', 'not-ok')).toMatchInlineSnapshot(`
      [
        "5:10 error Unexpected \`summary: What the Saved carts pilot validates, in one or two sentences.\` from the plan template, expected one or two sentences on what this pilot validates. Write the real value before the plan goes to review.",
        "7:10 error Unexpected \`stories: [US-1]\` from the plan template, expected the ids of the stories in the pilot, such as \`[US-145, US-152]\`. Write the real value before the plan goes to review.",
        "9:9 error Unexpected \`cohort.size: 1\` from the plan template, expected how many people or accounts take part. Write the real value before the plan goes to review.",
        "10:16 error Unexpected \`cohort.description: Who takes part.\` from the plan template, expected who takes part and how they joined. Write the real value before the plan goes to review.",
        "6:8 error Unexpected placeholder \`<owner>\` in \`owner\`, expected the value itself. Write the real value before the plan goes to review.",
        "13:8 error Unexpected placeholder \`TBD\` in \`tags[0]\`, expected the value itself. Write the real value before the plan goes to review.",
        "14:53 error Unexpected placeholder \`NAME_OF_OWNER\` in \`decision.by\`, expected the value itself. Write the real value before the plan goes to review.",
        "14:75 error Unexpected placeholder \`XX\` in \`decision.notes\`, expected the value itself. Write the real value before the plan goes to review.",
      ]
    `);
  });
  it('required-section', () => {
    expect(messagesOf('required-section', 'not-ok')).toMatchInlineSnapshot(`
      [
        "31:1 error Missing required section \`Exit Criteria\`, expected a \`## Exit Criteria\` heading (or \`Success Metrics\`, \`Success Criteria\`, \`Success Criteria and Validation\`, …). Did you mean \`## Succes Criteria\` to be \`## Success Criteria\`? Correct its spelling.",
        "54:1 error Missing required section \`Change Control\`, expected a \`## Change Control\` heading (or \`Change Management\`, \`Change Process\`, \`Change Requests\`, …). \`### Change Control\` is a sub-heading of another section: make it \`## Change Control\`.",
      ]
    `);
  });
  it('recommended-section', () => {
    expect(messagesOf('recommended-section', 'not-ok')).toMatchInlineSnapshot(`
      [
        "15:1 warning Missing recommended section \`Communications\`, expected a \`## Communications\` heading (or \`Communication Plan\`, \`Communications Plan\`, \`Stakeholder Communication\`, …). Add the section with its content.",
        "15:1 warning Missing recommended section \`Risks\`, expected a \`## Risks\` heading (or \`Risks and Mitigations\`, \`Risk Management\`, \`Risk Assessment\`, …). Add the section with its content.",
      ]
    `);
  });
  it('empty-section', () => {
    expect(messagesOf('empty-section', 'not-ok')).toMatchInlineSnapshot(`
      [
        "36:1 error Unexpected empty section \`Monitoring\`, expected content under the heading. Write the section or remove the heading.",
        "46:1 error Unexpected placeholder \`TBD\` as the only content of section \`Timeline\`, expected real content. Write the section or remove the heading.",
      ]
    `);
  });
  it('quantitative-criterion', () => {
    expect(messagesOf('quantitative-criterion', 'not-ok')).toMatchInlineSnapshot(`
      [
        "35:1 error Unexpected exit criterion \`Performance is acceptable\` without a measurable threshold, expected a metric, a comparison and a number, such as \`error rate ≤ 0.5%\`, \`P1 defects = 0\`, \`CSAT ≥ 4.2/5\`. Rewrite it with a number.",
        "36:1 error Unexpected exit criterion \`Minimal defects\` without a measurable threshold, expected a metric, a comparison and a number, such as \`error rate ≤ 0.5%\`, \`P1 defects = 0\`, \`CSAT ≥ 4.2/5\`. Rewrite it with a number.",
        "37:1 error Unclear exit criterion \`99% of carts 300 ms\`, expected one metric, one comparison and one threshold. It has \`99\`, \`300\`, but the number \`300\` has no place in the reading. Write it as \`<metric> <comparison> <number>\`, such as \`<metric> ≤ 300 ms\` or \`<metric> ≥ 300 ms\`.",
        "38:1 error Unclear exit criterion \`Fewer than 3 refunds a day, mostly small ones\`, expected one metric, one comparison and one threshold. It has \`3\`, but the words \`mostly small ones\` have no place in the reading \`refunds < 3 per day\`. Write it as \`<metric> <comparison> <number>\` with every word in the metric's name, or name a rate with a label before a colon, such as \`**Opt-out rate**: STOP replies stay below 2% of patients messaged\`.",
        "49:1 error Unexpected rollback trigger \`If things go wrong\` without a measurable threshold, expected a metric, a comparison and a number, such as \`error rate ≤ 0.5%\`, \`P1 defects = 0\`, \`CSAT ≥ 4.2/5\`. Rewrite it with a number.",
      ]
    `);
  });
  it('ambiguous-criterion', () => {
    expect(messagesOf('ambiguous-criterion', 'not-ok')).toMatchInlineSnapshot(`
      [
        "34:1 error Ambiguous exit criterion \`Queue age: 15 min\`: it reads as \`queue age ≥ 15 min\` or as \`queue age ≤ 15 min\`. Write \`at least 15 min\` or \`at most 15 min\`.",
        "35:1 error Ambiguous exit criterion \`p95 latency < 400 ms or error rate < 1%\`: it joins \`latency < 400 ms at p95\` and \`error rate < 1%\` with "or". Meeting either one cannot be an exit criterion: every criterion in the list must hold. If both must hold, write one bullet per threshold; otherwise keep the one that decides.",
        "43:1 error Ambiguous rollback trigger \`Trigger if error rate > 2% and p95 latency > 2 s\`: it joins \`error rate > 2%\` and \`latency > 2 s at p95\` with "and". A trigger that needs both at once cannot be evaluated. If either alone should roll back, write one bullet per threshold.",
      ]
    `);
  });
  it('rollback-trigger', () => {
    expect(messagesOf('rollback-trigger', 'not-ok')).toMatchInlineSnapshot(`
      [
        "40:1 error Missing a quantitative rollback trigger in section \`Rollback\`, expected a \`### Triggers\` list, a list after a line such as "Roll back if any of these holds:", or a bullet starting with "Trigger if", "Roll back if" or "If", such as \`Trigger if latency > 300 ms for 30 minutes\`. Add one.",
      ]
    `);
  });
  it('rollback-steps', () => {
    expect(messagesOf('rollback-steps', 'not-ok')).toMatchInlineSnapshot(`
      [
        "40:1 error Missing rollback steps in section \`Rollback\`, expected an ordered list (\`1. Disable the feature flag\`, \`2. …\`). Write the steps in the order they are carried out.",
      ]
    `);
  });
  it('version-mismatch', () => {
    expect(messagesOf('version-mismatch', 'not-ok')).toMatchInlineSnapshot(`
      [
        "3:10 error Unexpected \`version: 3\` in \`version-mismatch/v1.mdx\`, expected \`version: 1\`. Make the frontmatter and the file name agree; a new version is a new file.",
      ]
    `);
  });
  it('personal-data', () => {
    expect(messagesOf('personal-data', 'not-ok')).toMatchInlineSnapshot(`
      [
        "6:8 error Unexpected e-mail address \`anna.jansen@example.nl\` in a published plan, expected a role or a team channel (\`Support lead\`, \`#pilot-checkout\`). Remove it: plans are public pages.",
        "65:36 error Unexpected phone number \`+31 20 794 6095\` in a published plan, expected a role or a team channel (\`Support lead\`, \`#pilot-checkout\`). Remove it: plans are public pages.",
        "65:60 error Unexpected e-mail address \`support-desk@example.nl\` in a published plan, expected a role or a team channel (\`Support lead\`, \`#pilot-checkout\`). Remove it: plans are public pages.",
        "65:93 error Unexpected phone number \`+31 6 1234 5678\` in a published plan, expected a role or a team channel (\`Support lead\`, \`#pilot-checkout\`). Remove it: plans are public pages.",
      ]
    `);
  });
  it('mdx-safety', () => {
    expect(messagesOf('mdx-safety', 'not-ok')).toMatchInlineSnapshot(`
      [
        "15:1 error Unexpected \`import\` statement, expected none: plans may not import or export code. Remove the line.",
        "19:72 error Unexpected expression \`{Math.random()}\`, expected plain text or a comment \`{/* … */}\`. Escape a literal brace as \`\\{\`.",
        "21:1 error Unexpected element \`<Chart>\`, expected plain Markdown or an allow-listed component (none are configured). MDX runs components at build time; remove it or add a reviewed component to \`components\` in pilotplan.config.json.",
        "21:1 error Unexpected expression in attribute \`data={window.secrets}\`, expected a quoted string. Write \`data="…"\`.",
        "21:1 error Unexpected spread attribute \`{...props}\` on \`<Chart>\`, expected plain \`name="value"\` attributes. Spell the attributes out.",
        "21:1 error Unexpected attribute \`onLoad\` on \`<Chart>\`, expected no event handlers or \`set:\` directives. Remove it.",
        "23:1 error Unexpected element \`<script>\`, expected plain Markdown or an allow-listed component (none are configured). MDX runs components at build time; remove it or add a reviewed component to \`components\` in pilotplan.config.json.",
      ]
    `);
  });
  it('unbound-metric', () => {
    expect(messagesOf('unbound-metric', 'not-ok')).toMatchInlineSnapshot(`
      [
        "36:1 warning Unbound metric \`cart abandonment\` in exit criterion \`Cart abandonment ≤ 70%\`, expected a name or synonym under \`metrics\` in metrics.yaml for plan \`unbound-metric\`. Add \`cart abandonment\` with its query, or as a synonym of \`cart load time\` (the nearest name) if that measures the same, so the criterion can be exported and fetched.",
        "37:1 warning Unexpected exit criterion \`P1 defects = 0 in any 24-hour window\` for its entry in metrics.yaml: the query for \`P1 defects\` has no \`{{window}}\`, so the window \`in any 24-hour window\` cannot apply. Add \`{{window}}\` to its range selectors.",
        "46:1 warning Unbound metric \`checkout errors\` in rollback trigger \`Trigger if checkout errors > 50 in an hour\`, expected a name or synonym under \`metrics\` in metrics.yaml for plan \`unbound-metric\`. Add \`checkout errors\` with its query, or as a synonym of \`error rate\` (the nearest name) if that measures the same, so the criterion can be exported and fetched.",
      ]
    `);
  });
  it('decision-mismatch', () => {
    expect(messagesOf('decision-mismatch', 'not-ok')).toMatchInlineSnapshot(`
      [
        "14:12 warning Unexpected \`decision.outcome: scale\`, expected \`rollback\` from the observed results. Correct the outcome, or explain in \`decision.notes\` why the team decided otherwise. ↳ 46:1 Trigger fired: \`Trigger if error rate > 2% for 15 minutes\`: Condition held 20 min (2026-12-10T09:00:00Z to 2026-12-10T09:20:00Z); the window is for 15 minutes.",
      ]
    `);
  });
  it('unsafe-url', () => {
    expect(messagesOf('unsafe-url', 'not-ok')).toMatchInlineSnapshot(`
      [
        "19:1 error Unexpected \`javascript:\` URL \`javascript:alert(1)\`, expected an \`https:\` or relative link. Such URLs run code or hide content when clicked; link to a page instead.",
        "19:30 error Unexpected \`javascript:\` URL \`javascript:alert(2)\`, expected an \`https:\` or relative link. Such URLs run code or hide content when clicked; link to a page instead.",
        "19:92 error Unexpected \`vbscript:\` URL \`VBScript:msgbox\`, expected an \`https:\` or relative link. Such URLs run code or hide content when clicked; link to a page instead.",
        "19:114 error Unexpected \`data:\` URL \`data:image/svg+xml;base64,PHN2Zz4=\`, expected an \`https:\` or relative link. Such URLs run code or hide content when clicked; link to a page instead.",
        "21:1 error Unexpected \`javascript:\` URL \`jav	ascript:alert(3)\`, expected an \`https:\` or relative link. Such URLs run code or hide content when clicked; link to a page instead.",
        "23:1 error Unexpected \`javascript:\` URL \`javascript:alert(4)\`, expected an \`https:\` or relative link. Such URLs run code or hide content when clicked; link to a page instead.",
      ]
    `);
  });
  it('mdx-syntax', () => {
    expect(messagesOf('mdx-syntax', 'not-ok')).toMatchInlineSnapshot(`
      [
        "33:14 error Unexpected \`<\` starting a component, expected text. In MDX, \`<\` followed by anything but a space starts a component. Write \`≤\` or \`<\` followed by a space, or escape it as \`\\<\` or \`&lt;\`.",
        "34:11 error Unexpected \`<\` starting a component, expected text. In MDX, \`<\` followed by anything but a space starts a component. Write \`≤\` or \`<\` followed by a space, or escape it as \`\\<\` or \`&lt;\`.",
      ]
    `);
  });
});

describe('the checker around the rules', () => {
  it('reports unreadable MDX once and leaves the body unchecked', () => {
    const source = readFileSync(new URL('fixtures/rollback-steps/ok.mdx', import.meta.url), 'utf8').replace('Guest carts are excluded.', 'Guest carts are {excluded.');
    const { file } = checkPlan(source, 'content/plans/broken/v1.mdx', config);
    expect(file.messages.map((message) => `${message.line}:${message.column} ${message.ruleId}`)).toMatchInlineSnapshot(`
      [
        "17:63 mdx-syntax",
      ]
    `);
    expect(file.messages[0]?.reason).toMatchInlineSnapshot(
      `"Unreadable MDX: Unexpected end of file in expression, expected a corresponding closing brace for \`{\`. Fix the syntax here; the rest of the body was not checked. A literal \`{\` must be escaped as \`\\{\`, a literal \`<\` as \`\\<\`."`,
    );
  });

  it('applies severities from the config, and `off` silences a rule', () => {
    const source = readFileSync(new URL('fixtures/personal-data/not-ok.mdx', import.meta.url), 'utf8');
    const relaxed = ConfigSchema().parse({ rules: { 'personal-data': 'warning', 'version-mismatch': 'off' } });
    const { file } = checkPlan(source, 'somewhere/not-a-plan-path.mdx', relaxed);
    expect(file.messages.map((message) => [message.ruleId, message.fatal])).toEqual([
      ['personal-data', false],
      ['personal-data', false],
      ['personal-data', false],
      ['personal-data', false],
    ]);
  });

  it('still reads criteria written with a bare `<` after reporting it', () => {
    const source = readFileSync(new URL('fixtures/mdx-syntax/not-ok.mdx', import.meta.url), 'utf8');
    const { model } = checkPlan(source, 'content/plans/mdx-syntax/v1.mdx', config);
    expect(model.exitCriteria.flatMap((entry) => entry.criteria.map((criterion) => [criterion.metric, criterion.comparator, criterion.value]))).toEqual([
      ['error rate', '<=', 0.5],
      ['latency', '<', 300],
      ['P1 defects', '=', 0],
      ['tickets', '<=', 20],
      ['crash rate', '<=', 1],
    ]);
  });

  it('takes a project section list, synonyms included', () => {
    const source = readFileSync(new URL('fixtures/required-section/not-ok.mdx', import.meta.url), 'utf8');
    const custom = ConfigSchema().parse({
      sections: [
        { id: 'exit-criteria', title: 'Exit Criteria', synonyms: ['Go Criteria'] },
        { id: 'scope', title: 'Scope' },
      ],
    });
    const { file } = checkPlan(source, 'content/plans/required-section/v1.mdx', custom);
    expect(file.messages.filter((message) => message.ruleId === 'required-section').map((message) => message.reason)).toEqual([
      'Missing required section `Exit Criteria`, expected a `## Exit Criteria` heading (or `Go Criteria`). Add the section with its content.',
    ]);
  });
});

describe('the rule registry', () => {
  it.each(RULE_IDS)('%s has a reference page whose head the registry wrote (`npm run rules:pages`)', (ruleId) => {
    const page = readFileSync(new URL(`../content/authoring/rules/${ruleId}.md`, import.meta.url), 'utf8');
    expect(page.startsWith(rulePageHead(ruleId))).toBe(true);
    expect(readFrontmatter(page)?.problems).toEqual([]);
  });

  it('has one meta per rule, with its docs page and its messages by id', () => {
    const metas = [...rules.map((rule) => rule.meta), ...projectRules];
    expect(metas.map((meta) => meta.id).sort()).toEqual([...RULE_IDS].sort());
    for (const meta of metas) {
      expect(meta).toMatchObject({ ...RULES[meta.id], docs: `https://pilotplan.github.io/authoring/rules/${meta.id}/` });
      expect(Object.keys(meta.messages).length).toBeGreaterThan(0);
      // Place-holders are `{{name}}`; a message opens as a sentence, or with the one value it passes on.
      for (const template of Object.values(meta.messages) as string[]) {
        expect(template.replace(/\{\{\w+\}\}/g, '')).not.toMatch(/\{\{|\}\}(?!\})/);
        expect(template).toMatch(/^(?:[A-Z]|\{\{\w+\}\}$)/);
      }
    }
  });

  it('says which template each message came from', () => {
    for (const rule of rules) {
      const { file } = checkFixture(rule.meta.id, 'not-ok');
      for (const message of file.messages.filter((each) => each.ruleId === rule.meta.id)) {
        expect(Object.keys(rule.meta.messages)).toContain((message as VFileMessage & { messageId?: string }).messageId);
      }
    }
  });

  it('gives a safety rule the message for an ignore comment that names it, among its own', () => {
    const source = `${readFileSync(new URL('fixtures/mdx-safety/not-ok.mdx', import.meta.url), 'utf8')}\n{/* pilotplan-ignore-next-line mdx-safety */}\n{process.env.HOME}\n`;
    const { file } = checkPlan(source, 'content/plans/mdx-safety/v1.mdx', config);
    const ignored = file.messages.find((message) => message.reason.startsWith('Unexpected ignore comment for `mdx-safety`'));
    expect((ignored as (VFileMessage & { messageId?: string }) | undefined)?.messageId).toBe('ignoredSafetyRule');
    expect(Object.keys(rules.find((rule) => rule.meta.id === 'mdx-safety')?.meta.messages ?? {})).toContain('ignoredSafetyRule');
    expect(Object.keys(rules.find((rule) => rule.meta.id === 'personal-data')?.meta.messages ?? {})).not.toContain('ignoredSafetyRule');
  });

  it('fills a template from its data, and fails loudly on a value the report left out', () => {
    expect(fillMessage('Missing `{{section}}` in `{{ file }}`.', { section: 'Scope', file: 'v1.mdx' })).toBe('Missing `Scope` in `v1.mdx`.');
    // A value is written as given, never read as a template again.
    expect(fillMessage('Unexpected `{{value}}`.', { value: '{{value}}' })).toBe('Unexpected `{{value}}`.');
    expect(() => fillMessage('Missing `{{section}}`.', {})).toThrow(/section/);
  });

  it('holds every rule the engine runs, and the limits its description quotes', () => {
    expect(rules.map((rule) => rule.meta.id).filter((id) => !RULE_IDS.includes(id))).toEqual([]);
    expect(RULES['pathological-markdown'].description).toContain(
      `deeper than ${MAX_DEPTH} levels, no more than ${MAX_MARKERS} emphasis or link markers in one paragraph and no more than ${MAX_FENCES} \`:::\` lines`,
    );
  });
});
