import type { Heading } from 'mdast';
import { toString as nodeText } from 'mdast-util-to-string';
import type { Section } from '../schemas/section-schema.ts';
import { nearestName } from './nearest-name.ts';
import { normalizeHeading } from './section-names.ts';

/** A heading that probably stands for a missing section, and why it is thought to. */
export interface HeadingSuggestion {
  heading: Heading;
  title: string;
  /** `nested`: the section's own name under another section; `misspelt`: a near-miss of `name`; `similar`: it uses a word only that section's names use. */
  why: 'nested' | 'misspelt' | 'similar';
  /** For `misspelt`, the name it nearly is. */
  name?: string;
}

// Words too common in headings to tell sections apart.
const COMMON = new Set(['and', 'the', 'for', 'with', 'plan', 'planning', 'criteria', 'process', 'phase', 'what', 'this', 'that']);

const namesOf = (section: Section) => [section.title, ...section.synonyms];
const wordsOf = (text: string) =>
  normalizeHeading(text)
    .split(/[\s/]+/)
    .filter((word) => word.length > 3 && !COMMON.has(word));

/** Words that occur in the names of exactly one section: "rollback", "backout", "milestone". */
function distinctiveWords(sections: readonly Section[]): Map<string, string> {
  const owners = new Map<string, Set<string>>();
  for (const section of sections) for (const word of namesOf(section).flatMap(wordsOf)) owners.set(word, (owners.get(word) ?? new Set()).add(section.id));
  return new Map([...owners].flatMap(([word, ids]) => (ids.size === 1 ? [[word, [...ids][0] ?? '']] : [])));
}

/**
 * The heading an author most likely meant as a missing section: the section's name one level too deep,
 * else a heading that names no section and is a near-miss of its names or uses a word only it uses.
 */
export function suggestHeading(missing: Section, sections: readonly Section[], headings: readonly Heading[], depth: number): HeadingSuggestion | null {
  const names = namesOf(missing).map(normalizeHeading);
  const titled = headings.map((heading) => ({ heading, title: nodeText(heading).trim() }));
  const nested = titled.find(({ heading, title }) => heading.depth > depth && names.includes(normalizeHeading(title)));
  if (nested) return { ...nested, why: 'nested' };
  const known = new Set(sections.flatMap(namesOf).map(normalizeHeading));
  const free = titled.filter(({ title }) => !known.has(normalizeHeading(title)));
  for (const candidate of free) {
    // Stricter than for keys: headings are long, and "Entry Criteria" is no misspelling of "Exit Criteria".
    const name = nearestName(candidate.title, namesOf(missing), normalizeHeading, 6);
    if (name) return { ...candidate, why: 'misspelt', name };
  }
  const distinctive = distinctiveWords(sections);
  const sharing = free.find(({ title }) => wordsOf(title).some((word) => distinctive.get(word) === missing.id));
  return sharing ? { ...sharing, why: 'similar' } : null;
}
