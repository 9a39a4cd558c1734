import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';

export interface BrokenLink {
  page: string;
  href: string;
  reason: 'missing page' | 'missing anchor';
}

const ATTRIBUTE = /\s(href|id)="([^"]*)"/g;

function decode(text: string): string {
  return text.replace(/&amp;/g, '&').replace(/&quot;/g, '"').replace(/&#39;/g, "'").replace(/&lt;/g, '<').replace(/&gt;/g, '>');
}

/** The HTML file a site path is served from, if any. */
function target(root: string, path: string): string | null {
  const file = join(root, decodeURIComponent(path));
  if (existsSync(file) && statSync(file).isFile()) return file;
  const index = join(file, 'index.html');
  return existsSync(index) ? index : null;
}

/**
 * Every internal link in a built site whose page or `#anchor` does not exist. Links in `<a>` only:
 * scripts, styles and images are the build's own and already resolved by it.
 */
export function findBrokenLinks(root: string): BrokenLink[] {
  const pages = readdirSync(root, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile() && entry.name.endsWith('.html'))
    .map((entry) => join(entry.parentPath, entry.name));
  const ids = new Map<string, Set<string>>();
  const idsOf = (file: string): Set<string> => {
    let found = ids.get(file);
    if (!found) {
      found = new Set([...readFileSync(file, 'utf8').matchAll(ATTRIBUTE)].filter((match) => match[1] === 'id').map((match) => decode(match[2] ?? '')));
      ids.set(file, found);
    }
    return found;
  };
  // Every page links the same navigation: look each address up on disk once.
  const targets = new Map<string, string | null>();
  const targetOf = (pathname: string): string | null => {
    if (!targets.has(pathname)) targets.set(pathname, target(root, pathname));
    return targets.get(pathname) ?? null;
  };
  const broken: BrokenLink[] = [];
  for (const page of pages) {
    const html = readFileSync(page, 'utf8');
    const base = `/${relative(root, page).split('\\').join('/')}`;
    for (const anchor of html.matchAll(/<a\b[^>]*>/g)) {
      const href = decode(/\shref="([^"]*)"/.exec(anchor[0])?.[1] ?? '');
      if (!href || /^[a-z][a-z0-9+.-]*:|^\/\//i.test(href)) continue;
      const url = new URL(href, `http://site${base}`);
      const file = targetOf(url.pathname);
      if (!file) broken.push({ page: base, href, reason: 'missing page' });
      else if (url.hash.length > 1 && !idsOf(file).has(decodeURIComponent(url.hash.slice(1)))) broken.push({ page: base, href, reason: 'missing anchor' });
    }
  }
  return broken;
}
