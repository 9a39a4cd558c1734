/** `npm run rules:pages`: rewrites each rule page's head from the registry, keeping its own text. */
import { readFileSync, writeFileSync } from 'node:fs';
import { RULE_IDS } from '../schemas/rule-registry.ts';
import { withRulePageHead } from './rule-page-head.ts';

for (const id of RULE_IDS) {
  const path = new URL(`../../content/authoring/rules/${id}.md`, import.meta.url);
  writeFileSync(path, withRulePageHead(id, readFileSync(path, 'utf8')));
}
