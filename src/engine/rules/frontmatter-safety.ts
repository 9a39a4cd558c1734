import { type Point, splitFrontmatter } from '../../model/frontmatter.ts';
import { ALIAS_PROBLEM } from '../../model/yaml-document.ts';
import { PlanFrontmatterSchema } from '../../schemas/plan-frontmatter-schema.ts';
import { unsafeHtml } from '../raw-html.ts';
import { defineRule, type MessageData } from '../rule.ts';
import { unsafeScheme } from '../url-scheme.ts';

/*
 * Frontmatter is not only data to the site's build: MDX imports `layout` as a module, Starlight writes
 * `head` entries, `banner.content` and `hero.image.html` into the page raw, imports `hero.image.file`,
 * and turns `editUrl`, `prev` and `next` into links. So every file keeps to a short list of keys that are
 * data and the plan schema's; the few fields written as HTML or links are checked as such.
 */
const PAGE_KEYS = new Set(['title', 'description', 'template', 'hero', 'draft', 'editUrl', 'tableOfContents', 'lastUpdated', 'pagefind', 'sidebar']);
// Plans keep to their schema, which no Starlight key of that name acts on; both lists hold for every file.
const ALLOWED_KEYS = new Set([...Object.keys(PlanFrontmatterSchema().shape), ...PAGE_KEYS]);
const HERO_KEYS = new Set(['title', 'tagline', 'actions']);
const ACTION_KEYS = new Set(['text', 'link', 'icon', 'variant']);
const SIDEBAR_KEYS = new Set(['label', 'order', 'hidden', 'badge']);

// Astro's own pattern (@astrojs/internal-helpers): after a byte-order mark or blank lines, `---` or `+++`
// with anything after it on the line, closed by the first line starting `---` or `+++`.
const ASTRO_FRONTMATTER = /(?:^\uFEFF?|^\s*\n)(?:---|\+\+\+)([\s\S]*?\n)(?:---|\+\+\+)/;

/** Whether the build would read frontmatter where, or as far as, the checker does not. */
function hiddenFrontmatter(source: string): boolean {
  const astro = ASTRO_FRONTMATTER.exec(source);
  if (!astro) return false;
  const ours = splitFrontmatter(source);
  return ours === null || astro.index !== 0 || !source.startsWith('---') || (astro[1] ?? '').trim() !== ours.yaml.trim();
}

const MESSAGES = {
  key: 'Unexpected `{{key}}` in the frontmatter, expected only {{allowed}}: the site acts on other keys as code, raw HTML or links. Remove it.',
  html: 'Unexpected {{what}} in `hero.{{field}}`, expected plain text or formatting elements: the site writes this field into the page as HTML. Remove the markup, or write `<` as `&lt;`.',
  link: 'Unexpected `{{scheme}}:` link in `{{field}}`, expected an `https:` or relative link.',
  icon: 'Unexpected icon `{{icon}}`, expected the name of a Starlight icon, such as `right-arrow`.',
  hidden:
    'Unexpected frontmatter after a byte-order mark or blank lines, written as TOML (`+++`), or with text beside a `---` line, expected YAML between lines of `---` alone, from the very first line: the build would read it differently from the checker. Write the frontmatter so.',
  alias:
    'Unexpected YAML alias, expected every value written out: the build reads frontmatter with a YAML reader that expands aliases without limit, so a few lines can stall it. Repeat the value instead.',
  unreadable: 'Unexpected frontmatter the checker cannot read ({{problem}}), expected plain YAML: the build reads it with another reader, so its keys would go unchecked. Fix the YAML.',
  editUrl: 'Unexpected `editUrl` other than `false`, expected `editUrl: false` or none: the site links every page to its source already.',
} as const;

type Check = (place: Point, messageId: keyof typeof MESSAGES, data?: MessageData, actual?: string) => void;

const isObject = (value: unknown): value is Record<string, unknown> => Boolean(value) && typeof value === 'object' && !Array.isArray(value);

function checkKeys(value: unknown, allowed: ReadonlySet<string>, where: string, locate: (key: string) => Point, report: Check): void {
  if (!isObject(value)) return;
  for (const key of Object.keys(value)) {
    if (!allowed.has(key)) report(locate(key), 'key', { key: `${where}${key}`, allowed: [...allowed].map((name) => `\`${name}\``).join(', ') }, key);
  }
}

function checkHero(hero: unknown, locate: (path: Array<string | number>, key?: string) => Point, report: Check): void {
  if (!isObject(hero)) return;
  checkKeys(hero, HERO_KEYS, 'hero.', (key) => locate(['hero'], key), report);
  for (const field of ['title', 'tagline'] as const) {
    const unsafe = typeof hero[field] === 'string' ? unsafeHtml(hero[field]) : null;
    if (unsafe) report(locate(['hero', field]), 'html', { what: unsafe, field }, String(hero[field]));
  }
  const actions = Array.isArray(hero.actions) ? hero.actions : [];
  actions.forEach((action, index) => {
    checkKeys(action, ACTION_KEYS, `hero.actions[${index}].`, (key) => locate(['hero', 'actions', index], key), report);
    if (!isObject(action)) return;
    const scheme = typeof action.link === 'string' ? unsafeScheme(action.link) : null;
    if (scheme) report(locate(['hero', 'actions', index, 'link']), 'link', { scheme, field: `hero.actions[${index}].link` }, String(action.link));
    if (typeof action.icon === 'string' && !/^[\w-]+$/.test(action.icon)) report(locate(['hero', 'actions', index, 'icon']), 'icon', { icon: action.icon.slice(0, 40) }, action.icon);
  });
}

export default defineRule({
  id: 'frontmatter-safety',
  scope: 'file',
  messages: MESSAGES,
  check(plan, report) {
    const add: Check = (place, messageId, data, actual) => report({ place, messageId, ...(data ? { data } : {}), ...(actual === undefined ? {} : { actual }) });
    if (hiddenFrontmatter(plan.source)) add({ line: 1, column: 1 }, 'hidden');
    const frontmatter = plan.frontmatter;
    if (!frontmatter) return;
    for (const problem of frontmatter.problems) {
      if (problem.message.startsWith(ALIAS_PROBLEM)) add(problem, 'alias');
    }
    // What the checker cannot read, it cannot hold to the list of keys; the build's own reader may read it.
    const [unreadable] = frontmatter.problems;
    if (unreadable && !unreadable.message.startsWith(ALIAS_PROBLEM)) add(unreadable, 'unreadable', { problem: unreadable.message.replace(/\.$/, '') });
    const data = frontmatter.data;
    if (!isObject(data)) return;
    checkKeys(data, ALLOWED_KEYS, '', (key) => frontmatter.locate([], key), add);
    if ('editUrl' in data && data.editUrl !== false) add(frontmatter.locate(['editUrl']), 'editUrl', {}, String(data.editUrl));
    checkKeys(data.sidebar, SIDEBAR_KEYS, 'sidebar.', (key) => frontmatter.locate(['sidebar'], key), add);
    checkHero(data.hero, frontmatter.locate, add);
  },
});
