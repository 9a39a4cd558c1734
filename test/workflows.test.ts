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
    // biome-ignore lint/suspicious/noTemplateCurlyInString: the workflow's own shell variable, as written in it
    expect(runs).toContain('npx pilotplan check --format github --base "origin/${GITHUB_BASE_REF}"');
    expect(runs).toContain('npm run build');
    expect(JSON.stringify(workflow)).not.toMatch(/secrets\./);
  });

  it.each(['pull-request.yml', 'deploy.yml'])('%s restores the check cache after npm ci, which would empty it', (name) => {
    const workflow = parse(readFileSync(new URL(name, folder), 'utf8'));
    const steps: { run?: string; uses?: string; with?: { path?: string } }[] = Object.values(workflow.jobs as Record<string, { steps: never[] }>)[0]?.steps ?? [];
    const install = steps.findIndex((step) => step.run === 'npm ci');
    const cache = steps.findIndex((step) => step.uses?.startsWith('actions/cache@'));
    expect(install).toBeGreaterThanOrEqual(0);
    expect(cache).toBeGreaterThan(install);
    expect(steps[cache]?.with?.path).toBe('node_modules/.cache/pilotplan');
  });
});
