import { createHash } from 'node:crypto';

/**
 * A tag as it appears in a URL: letters and digits joined by hyphens. A tag with none (only symbols)
 * gets a short hash, so every tag has a working, distinct filter page.
 */
export function tagSlug(tag: string): string {
  const slug = tag
    .normalize('NFKD')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 60);
  return slug || `tag-${createHash('sha256').update(tag).digest('hex').slice(0, 8)}`;
}
