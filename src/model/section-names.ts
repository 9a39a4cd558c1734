/**
 * Heading text compared without case, punctuation, emoji, numbering, a plural -s, or the difference
 * between `&` and `and` or "Roll-back", "Roll back" and "Rollback".
 */
export function normalizeHeading(text: string): string {
  let normal = normalized.get(text);
  if (normal === undefined) {
    if (normalized.size > 10_000) normalized.clear();
    normal = normalize(text);
    normalized.set(text, normal);
  }
  return normal;
}

// Headings repeat across plans and versions; each is normalised once.
const normalized = new Map<string, string>();

function normalize(text: string): string {
  return text
    .toLowerCase()
    .replace(/&/g, ' and ')
    .replace(/^[^\p{L}\p{N}]*(?:\d+(?:\.\d+)*\.?|[a-z]\))\s+/u, '')
    .replace(/\b(roll|back|fall|sign)[\s-]+(back|out|off)\b/g, '$1$2')
    .replace(/[^\p{L}\p{N}/]+/gu, ' ')
    .replace(/\s*\/\s*/g, '/')
    .trim()
    .replace(/\b(\p{L}{4,}?)s\b/gu, (word, stem: string) => (word.endsWith('ss') ? word : stem));
}

type Named = { title: string; synonyms: readonly string[] };

// Each section list's names, normalised once: every heading of every plan is looked up in them.
const indexes = new WeakMap<readonly Named[], Map<string, Named>>();

/** The configured section a heading stands for, by its title or a synonym; null for any other heading. */
export function findSection<Section extends Named>(heading: string, sections: readonly Section[]): Section | null {
  let index = indexes.get(sections);
  if (!index) {
    index = new Map();
    // The first section to claim a name keeps it, as a search in list order would.
    for (const section of sections) for (const name of [section.title, ...section.synonyms]) if (!index.has(normalizeHeading(name))) index.set(normalizeHeading(name), section);
    indexes.set(sections, index);
  }
  return (index.get(normalizeHeading(heading)) as Section | undefined) ?? null;
}
