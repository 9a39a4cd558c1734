/**
 * What the shapes that once took minutes cost now, against a plain plan: the check of each
 * pathological shape, and the site build of the largest shapes the check lets through. The tests
 * only check that each finishes and is read; the speed targets are here.
 */
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { PATHOLOGICAL_SHAPES, worstAcceptedBodies } from '../test/fixtures/hostile-shapes.ts';
import { measure } from './measure.ts';

/** Builds of the worst accepted shapes may take this many times a plain plan's build; checks of a shape this many times a plain plan's check. */
export const SHAPE_TARGETS = { build: 6, check: 20 } as const;

/** A project with one plan whose Scope starts with `extra`, named `id`. */
function planProject(dir: string, plan: string, plans: Record<string, string>): string {
  const root = mkdtempSync(join(dir, 'shape-'));
  for (const [id, extra] of Object.entries(plans)) {
    mkdirSync(join(root, 'content/plans', id), { recursive: true });
    writeFileSync(join(root, 'content/plans', id, 'v1.mdx'), plan.replace('## Scope\n', `## Scope\n\n${extra}\n`).replace('Saved carts pilot', `${id} pilot`));
  }
  return root;
}

/** One line per measure, with its ratio to a plain plan and its target. */
export function measureShapes(repo: string, work: string): string[] {
  const node = process.execPath;
  const bin = join(repo, 'src/cli/pilotplan-bin.js');
  const astro = join(repo, 'node_modules/astro/bin/astro.mjs');
  const plan = readFileSync(join(repo, 'test/fixtures/required-section/ok.mdx'), 'utf8');
  const dir = mkdtempSync(join(work, 'shapes-'));
  const sites: string[] = [];
  try {
    const check = (plans: Record<string, string>) => measure(node, [bin, 'check', 'content', '--no-cache'], { cwd: planProject(dir, plan, plans) });
    const plain = check({ plain: '' });
    const lines = Object.entries(PATHOLOGICAL_SHAPES).map(([name, extra]) => {
      const shape = check({ [name]: extra });
      return `check of the \`${name}\` shape / a plain plan: ${shape.seconds.toFixed(2)} s / ${plain.seconds.toFixed(2)} s = ×${(shape.seconds / plain.seconds).toFixed(2)} (target ≤ ×${SHAPE_TARGETS.check})`;
    });
    // The fixture site: the remark plugin and the integration as the site uses them, without Starlight's
    // weight. Its config imports them three folders up, so it sits right under bench/.work.
    const site = (plans: Record<string, string>) => {
      const root = mkdtempSync(join(work, 'shape-site-'));
      sites.push(root);
      cpSync(join(repo, 'test/fixtures/site'), root, { recursive: true });
      cpSync(join(planProject(dir, plan, plans), 'content'), join(root, 'content'), { recursive: true });
      return measure(node, [astro, 'build', '--root', root], { cwd: root });
    };
    const plainBuild = site({ plain: '' });
    const worst = site(worstAcceptedBodies());
    lines.push(
      `site build of the largest shapes the check accepts (three plans) / one plain plan: ${worst.seconds.toFixed(2)} s${worst.ok ? '' : ' (failed)'} / ${plainBuild.seconds.toFixed(2)} s = ×${(worst.seconds / plainBuild.seconds).toFixed(2)} (target ≤ ×${SHAPE_TARGETS.build})`,
    );
    return lines;
  } finally {
    rmSync(dir, { recursive: true, force: true });
    for (const root of sites) rmSync(root, { recursive: true, force: true });
  }
}
