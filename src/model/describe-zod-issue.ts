import { z } from 'astro/zod';
import { nearestName } from './nearest-name.ts';

// What to write, per top-level field, so a message can show a fix and not only a complaint.
const EXAMPLES: Readonly<Record<string, string>> = {
  title: 'title: Checkout redesign pilot',
  version: 'version: 1',
  status: 'status: draft',
  summary: 'summary: One or two sentences on what the pilot validates.',
  owner: 'owner: Dana Reyes (Product Owner)',
  facilitator: 'facilitator: Sam Okafor (Scrum Master)',
  stories: 'stories: [US-145, US-152]',
  cohort: 'cohort: { size: 200, description: Internal users in Region A, opt-in }',
  start: 'start: 2026-12-07',
  duration: 'duration: 10 business days',
  tags: 'tags: [web, payments]',
  decision: 'decision: { outcome: scale, date: 2026-12-21, by: Dana Reyes }',
};

const quote = (value: unknown): string => `\`${typeof value === 'string' ? value : JSON.stringify(value)}\``;

export function fieldName(path: readonly PropertyKey[]): string {
  return path
    .map((segment) => (typeof segment === 'number' ? `[${segment}]` : String(segment)))
    .join('.')
    .replace(/\.\[/g, '[');
}

/** One zod issue (other than an unknown key) as a message: what is wrong, what is expected, how to fix it. */
function describeZodIssue(issue: z.core.$ZodIssue, where: string): string {
  const field = fieldName(issue.path);
  const head = String(issue.path[0]);
  const example = Object.hasOwn(EXAMPLES, head) ? EXAMPLES[head] : undefined;
  const fix = example ? ` For example: \`${example}\`.` : '';
  switch (issue.code) {
    case 'invalid_type':
      if (issue.input === undefined) return `Missing \`${field}\` in ${where}, expected ${issue.expected === 'array' ? 'a list' : `a ${issue.expected}`}. Add it.${fix}`;
      return `Unexpected ${typeof issue.input} ${quote(issue.input)} for \`${field}\`, expected ${issue.expected === 'array' ? 'a list' : `a ${issue.expected}`}.${fix}`;
    case 'invalid_value':
      if (issue.input === undefined) return `Missing \`${field}\` in ${where}, expected one of ${issue.values.map(quote).join(', ')}. Add it.${fix}`;
      return `Unexpected ${quote(issue.input)} for \`${field}\`, expected one of ${issue.values.map(quote).join(', ')}.`;
    case 'too_big':
      return `Unexpected \`${field}\` of ${typeof issue.input === 'string' ? `${issue.input.length} characters` : quote(issue.input)}, expected at most ${String(issue.maximum)}. Shorten it.`;
    case 'too_small':
      if (issue.origin === 'array') return `Unexpected empty \`${field}\`, expected at least ${String(issue.minimum)} item.${fix}`;
      if (issue.origin === 'string') return `Unexpected empty \`${field}\`, expected some text.${fix}`;
      return `Unexpected ${quote(issue.input)} for \`${field}\`, expected ${issue.minimum === 0 && !issue.inclusive ? 'a positive number' : `at least ${String(issue.minimum)}`}.${fix}`;
    case 'invalid_union':
      return `Unexpected ${quote(issue.input)} for \`${field}\`.${fix || ' Check the documented format.'}`;
    default:
      return `${issue.message.replace(/^Invalid input: /, 'Unexpected value: ')} (at \`${field}\`).${fix}`;
  }
}

/** The keys an object schema accepts at `path`, looking through optional, default and transform wrappers. */
function keysAt(schema: z.core.$ZodType, path: readonly PropertyKey[]): string[] {
  let current: z.core.$ZodType | undefined = schema;
  for (let depth = 0; current; ) {
    const def = current._zod.def as z.core.$ZodTypeDef & { innerType?: z.core.$ZodType; in?: z.core.$ZodType; element?: z.core.$ZodType };
    if (def.type === 'optional' || def.type === 'default' || def.type === 'nullable') current = def.innerType;
    else if (def.type === 'pipe') current = def.in;
    else if (depth === path.length) return current instanceof z.ZodObject ? Object.keys(current.shape) : [];
    else if (current instanceof z.ZodObject) current = current.shape[String(path[depth++])];
    else if (def.type === 'array' && typeof path[depth] === 'number') {
      current = def.element;
      depth++;
    } else return [];
  }
  return [];
}

/** A zod issue ready to be positioned: the path of the value (and the key, for an unknown key) and the message. */
export interface ExplainedIssue {
  path: readonly PropertyKey[];
  key: string | undefined;
  message: string;
  /** For a misspelt key or value, what it most likely meant: what an editor's quick fix writes instead. */
  meant?: string;
  /** For a misspelt value, the value as written (for a key, `key` is). */
  written?: string;
}

/**
 * The allowed value a written one misspells, if it is a typo and nothing more: one word, at most two
 * edits away, and not the allowed value with a negation added (`inactive`, `unapproved`, `not approved`).
 */
function typoOf(written: string, allowed: readonly string[]): string | null {
  const word = written.trim().toLowerCase();
  if (/\s/.test(word)) return null;
  const meant = nearestName(word, allowed, (text) => text.toLowerCase(), Math.max(3, word.length / 2));
  if (meant === null || word.endsWith(meant.toLowerCase()) || /^(?:un|in|non-?|dis)/.test(word.slice(0, word.length - meant.length + 2))) return null;
  return meant;
}

/**
 * Every issue of one validation as a message. An unknown key that is a near miss of an accepted one
 * is reported as a misspelling at that key, and the key it meant is not also reported missing.
 */
export function explainIssues(issues: readonly z.core.$ZodIssue[], schema: z.core.$ZodType, where = 'frontmatter'): ExplainedIssue[] {
  const missing = issues.filter((issue) => issue.input === undefined && issue.path.length > 0);
  const explained = new Set<z.core.$ZodIssue>();
  const out: ExplainedIssue[] = [];
  for (const issue of issues) {
    if (issue.code !== 'unrecognized_keys') continue;
    const known = keysAt(schema, issue.path);
    for (const key of issue.keys) {
      const meant = nearestName(key, known);
      const field = fieldName([...issue.path, key]);
      if (meant === null) {
        out.push({ path: issue.path, key, message: `Unexpected ${where} key \`${field}\`, expected one of ${known.map((name) => `\`${name}\``).join(', ')}. Remove it or correct its spelling.` });
        continue;
      }
      const parent = [...issue.path, meant].join('\u0000');
      for (const each of missing) if (each.path.join('\u0000') === parent) explained.add(each);
      out.push({ path: issue.path, key, meant, message: `Unknown ${where} key \`${field}\`, did you mean \`${meant}\`? Correct its spelling.` });
    }
  }
  for (const issue of issues) {
    if (issue.code === 'unrecognized_keys' || explained.has(issue)) continue;
    // A value the schema lists its choices for ("aproved" for a status): the nearest choice is the fix.
    const meant = issue.code === 'invalid_value' && typeof issue.input === 'string' ? typoOf(issue.input, issue.values.map(String)) : null;
    out.push({ path: issue.path, key: undefined, message: describeZodIssue(issue, where), ...(meant ? { meant, written: issue.input as string } : {}) });
  }
  return out;
}
