import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { parsePlanTree } from './src/lib/parse-plan-tree.ts';
import { readFrontmatter } from './src/lib/frontmatter.ts';
import { buildPlanModel } from './src/lib/plan-model.ts';
import { runRules } from './plugins/run-rules.ts';
import { loadConfig } from './src/lib/load-config.ts';
import { VFile } from 'vfile';
const root = '/tmp/c1000/content/plans';
const files: [string,string][] = [];
for (const d of readdirSync(root)) for (const f of readdirSync(join(root,d))) files.push([join(root,d,f), readFileSync(join(root,d,f),'utf8')]);
const t = { parse: 0, fm: 0, model: 0, rules: 0 };
const config = (loadConfig(undefined, '/tmp/c1000/content')) as any;
const now = () => performance.now();
for (let pass=0; pass<1; pass++) { for (const k in t) (t as any)[k]=0;
for (const [path, src] of files) {
  let a = now(); const { tree, syntaxProblems } = parsePlanTree(src); let b = now(); t.parse += b-a;
  const fm = readFrontmatter(src); a = now(); t.fm += a-b;
  const model = buildPlanModel({ path, tree, frontmatter: fm, config: config.config ?? config, syntaxProblems, results: null }); b = now(); t.model += b-a;
  const file = new VFile({ path, value: src }); runRules(model, file); a = now(); t.rules += a-b;
}
console.log(pass, Object.fromEntries(Object.entries(t).map(([k,v])=>[k, Math.round(v)])));}
