import type { z } from 'astro/zod';

// What to write, per top-level field, so a message can show a fix and not only a complaint.
const EXAMPLES: Record<string, string> = {
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
  return path.map((segment) => (typeof segment === 'number' ? `[${segment}]` : String(segment))).join('.').replace(/\.\[/g, '[');
}

/** One zod issue as a message that says what is wrong, what is expected, and how to fix it. */
export function describeZodIssue(issue: z.core.$ZodIssue, key?: string, where = 'frontmatter'): string {
  const field = fieldName(key === undefined ? issue.path : [...issue.path, key]);
  const example = EXAMPLES[String(issue.path[0] ?? key)];
  const fix = example ? ` For example: \`${example}\`.` : '';
  switch (issue.code) {
    case 'unrecognized_keys':
      return `Unexpected ${where} key \`${field}\`, expected only the documented keys. Remove it or correct its spelling.`;
    case 'invalid_type':
      if (issue.input === undefined) return `Missing \`${field}\` in ${where}, expected ${issue.expected === 'array' ? 'a list' : `a ${issue.expected}`}. Add it.${fix}`;
      return `Unexpected ${typeof issue.input} ${quote(issue.input)} for \`${field}\`, expected ${issue.expected === 'array' ? 'a list' : `a ${issue.expected}`}.${fix}`;
    case 'invalid_value':
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
