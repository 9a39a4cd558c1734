import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { checkPlan } from '../../src/engine/check-plan.ts';
import { findSection } from '../../src/model/section-names.ts';
import { ConfigSchema } from '../../src/schemas/config-schema.ts';
import { SECTION_CATALOG } from '../../src/schemas/section-catalog.ts';

const config = ConfigSchema().parse({});
// A complete plan: each row renames one of its section headings to the heading people wrote.
const complete = readFileSync(new URL('../fixtures/quantitative-criterion/ok.mdx', import.meta.url), 'utf8');

interface Row {
  heading: string;
  section: string;
  /** `synonym`: accepted as the section; `suggested`: the missing-section message points at it; `none`: neither. */
  outcome: 'synonym' | 'suggested' | 'none';
  source: string;
}

const rows: Row[] = readFileSync(new URL('headings.tsv', import.meta.url), 'utf8')
  .split('\n')
  .slice(1)
  .filter(Boolean)
  .map((line) => {
    const [heading = '', section = '', outcome = '', source = ''] = line.split('\t');
    return { heading, section, outcome: outcome as Row['outcome'], source };
  });

/** The message about the row's section when the plan has the row's heading in the section's place. */
function missingMessage(row: Row) {
  const title = SECTION_CATALOG.find((section) => section.id === row.section)?.title ?? '';
  const lines = complete.split('\n');
  const at = lines.indexOf(`## ${title}`);
  lines[at] = `## ${row.heading}`;
  const { file } = checkPlan(lines.join('\n'), 'content/plans/headings/v1.mdx', config);
  const message = file.messages.find((item) => /-section$/.test(item.ruleId ?? '') && item.reason.includes(`section \`${title}\``));
  return { message, line: at + 1 };
}

describe('section headings as people write them', () => {
  it('the corpus is large and names its sources', () => {
    expect(rows.length).toBeGreaterThanOrEqual(100);
    expect(new Set(rows.map((row) => row.section))).toEqual(new Set(SECTION_CATALOG.map((section) => section.id)));
  });

  it.each(rows)('[$outcome $section] $heading', (row) => {
    expect(row.source).not.toBe('');
    const found = findSection(row.heading, config.sections)?.id ?? null;
    if (row.outcome === 'synonym') {
      expect(found).toBe(row.section);
      return;
    }
    // Never taken for another section by mistake.
    expect(found).toBeNull();
    const { message, line } = missingMessage(row);
    expect(message).toBeDefined();
    if (row.outcome === 'suggested') {
      expect(message?.line).toBe(line);
      expect(message?.reason).toMatch(/Did you mean|sub-heading/);
    } else {
      expect(message?.reason).not.toMatch(/Did you mean|sub-heading/);
    }
  });
});

describe('a level-1 heading in the body', () => {
  it.each(['# Note', '# of tickets closed per day stays above 40'])('`%s` hides no section and empties no criteria', (line) => {
    const source = complete.replace('## Scope', `${line}\n\nSome words.\n\n## Scope`);
    const { file, model } = checkPlan(source, 'content/plans/headings/v1.mdx', config);
    expect(file.messages.filter((message) => /-section$/.test(message.ruleId ?? ''))).toEqual([]);
    expect(model.exitCriteria.map((entry) => entry.text)).toEqual(['Error rate ≤ 0.5%', 'P1 defects = 0']);
    expect(model.rollbackTriggers).toHaveLength(1);
  });
});

describe('the rules reference', () => {
  it.each([
    ['required', 'required-section'],
    ['recommended', 'recommended-section'],
  ] as const)('lists every %s section with all its synonyms', (level, page) => {
    const text = readFileSync(new URL(`../../content/authoring/rules/${page}.md`, import.meta.url), 'utf8');
    for (const section of SECTION_CATALOG.filter((each) => each.level === level)) {
      expect(text).toContain(`| ${section.title} | ${section.synonyms.map((name) => `\`${name}\``).join(', ')} |`);
    }
  });
});
