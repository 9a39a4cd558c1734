import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';

const folder = new URL('../.github/workflows/', import.meta.url);
const workflows = readdirSync(folder).map((name) => [name, readFileSync(new URL(name, folder), 'utf8')] as const);

describe('GitHub workflows', () => {
  it.each(workflows)('%s pins every action to a full commit SHA', (_name, text) => {
    const uses = [...text.matchAll(/uses:\s*(\S+)/g)].map((match) => match[1]);
    expect(uses.length).toBeGreaterThan(0);
    for (const action of uses) expect(action).toMatch(/^[\w.-]+\/[\w.-]+@[0-9a-f]{40}$/);
  });

  it('the pull-request workflow runs on pull_request only, read-only, and checks with annotations', () => {
    const workflow = parse(readFileSync(new URL('pull-request.yml', folder), 'utf8'));
    expect(Object.keys(workflow.on)).toEqual(['pull_request']);
    expect(workflow.permissions).toEqual({ contents: 'read' });
    const runs = workflow.jobs.check.steps.map((step: { run?: string }) => step.run).filter(Boolean);
    expect(runs).toContain('npx pilotplan check --format github --base "origin/${GITHUB_BASE_REF}"');
    expect(runs).toContain('npm run build');
    expect(JSON.stringify(workflow)).not.toMatch(/secrets\./);
  });
});
