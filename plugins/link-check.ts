import { existsSync, statSync } from 'node:fs';
import { join } from 'node:path';

export interface BrokenLink {
  page: string;
  href: string;
  reason: 'missing page' | 'missing anchor';
}

/** What a page links to and which anchors it offers: all the link check keeps of it. */
export interface PageLinks {
  hrefs: string[];
  ids: Set<string>;
}

const ID = /\sid="([^"]*)"/g;
const ANCHOR = /<a\b[^>]*>/g;
const HREF = /\shref="([^"]*)"/;

function decode(text: string): string {
  return text.replace(/&amp;/g, '&').replace(/&quot;/g, '"').replace(/&#39;/g, "'").replace(/&lt;/g, '<').replace(/&gt;/g, '>');
}

/** The links in `<a>` of a page, and its ids; scripts, styles and images are the build's own and already resolved by it. */
export function pageLinks(html: string): PageLinks {
  const hrefs = [...html.matchAll(ANCHOR)].map((anchor) => decode(HREF.exec(anchor[0])?.[1] ?? '')).filter((href) => href && !/^[a-z][a-z0-9+.-]*:|^\/\//i.test(href));
  return { hrefs, ids: new Set([...html.matchAll(ID)].map((match) => decode(match[1] ?? ''))) };
}

/** The HTML file a site path is served from, if any. */
function target(root: string, path: string): string | null {
  const file = join(root, decodeURIComponent(path));
  if (existsSync(file) && statSync(file).isFile()) return file;
  const index = join(file, 'index.html');
  return existsSync(index) ? index : null;
}

/**
 * Every internal link of the built pages whose page or `#anchor` does not exist. `pages` holds each
 * page's links by its file, and `base` turns a file into its address.
 */
export function findBrokenLinks(root: string, pages: ReadonlyMap<string, PageLinks>, base: (file: string) => string): BrokenLink[] {
  // Every page links the same navigation: look each address up on disk once.
  const targets = new Map<string, string | null>();
  const targetOf = (pathname: string): string | null => {
    if (!targets.has(pathname)) targets.set(pathname, target(root, pathname));
    return targets.get(pathname) ?? null;
  };
  const broken: BrokenLink[] = [];
  for (const [page, { hrefs }] of pages) {
    const address = base(page);
    for (const href of hrefs) {
      const url = new URL(href, `http://site${address}`);
      const file = targetOf(url.pathname);
      if (!file) broken.push({ page: address, href, reason: 'missing page' });
      else if (url.hash.length > 1 && !pages.get(file)?.ids.has(decodeURIComponent(url.hash.slice(1)))) broken.push({ page: address, href, reason: 'missing anchor' });
    }
  }
  return broken;
}
