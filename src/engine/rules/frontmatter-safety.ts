import { ALIAS_PROBLEM } from '../../model/yaml-document.ts';
import { unsafeHtml } from '../raw-html.ts';
import type { Rule } from '../rule.ts';

// Keys the site's build acts on as code or markup: MDX imports `layout` as a module, and Starlight writes
// `head` entries into the page's head as tags.
const ACTIVE_KEYS: Record<string, string> = {
  layout: 'MDX imports it as code when it compiles the page',
  head: "Starlight writes its entries into the page's head as raw tags",
};

// Fields Starlight writes into the page with `set:html`.
const HTML_FIELDS = [
  ['banner', 'content'],
  ['hero', 'title'],
  ['hero', 'tagline'],
] as const;

function fieldAt(data: unknown, path: readonly string[]): unknown {
  return path.reduce<unknown>((value, key) => (value && typeof value === 'object' ? (value as Record<string, unknown>)[key] : undefined), data);
}

const rule: Rule = {
  id: 'frontmatter-safety',
  defaultSeverity: 'error',
  summary: 'No frontmatter the build would run or write as raw HTML (`layout`, `head`, HTML in `banner` or `hero`), and no YAML aliases, which the build expands without limit.',
  scope: 'file',
  check(plan, report) {
    const frontmatter = plan.frontmatter;
    if (!frontmatter) return;
    for (const problem of frontmatter.problems) {
      if (!problem.message.startsWith(ALIAS_PROBLEM)) continue;
      report({ place: problem, reason: 'Unexpected YAML alias, expected every value written out: the build reads frontmatter with a YAML reader that expands aliases without limit, so a few lines can stall it. Repeat the value instead.' });
    }
    const data = frontmatter.data;
    if (!data || typeof data !== 'object') return;
    for (const [key, why] of Object.entries(ACTIVE_KEYS)) {
      if (key in data) report({ place: frontmatter.locate([], key), reason: `Unexpected \`${key}\` in the frontmatter, expected none: ${why}. Remove it.`, actual: key });
    }
    for (const path of HTML_FIELDS) {
      const value = fieldAt(data, path);
      const unsafe = typeof value === 'string' ? unsafeHtml(value) : null;
      if (unsafe) report({ place: frontmatter.locate(path), reason: `Unexpected ${unsafe} in \`${path.join('.')}\`, expected plain text or formatting elements: the site writes this field into the page as HTML. Remove the markup.`, actual: String(value) });
    }
  },
};

export default rule;
