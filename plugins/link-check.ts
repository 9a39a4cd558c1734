import { existsSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';

export interface BrokenLink {
  page: string;
  href: string;
  reason: 'missing page' | 'missing anchor';
}

const ID = /\sid="([^"]*)"/g;
const ANCHOR = /<a\b[^>]*>/g;
const HREF = /\shref="([^"]*)"/;

function decode(text: string): string {
  return text
    .replace(/&amp;/g, '&')
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>');
}

/** The ids of a page: the anchors a link may point at. */
function idsOf(html: string): Set<string> {
  return new Set([...html.matchAll(ID)].map((match) => decode(match[1] ?? '')));
}

/** The HTML file a site path is served from, if any. */
function target(root: string, path: string): string | null {
  const file = join(root, decodeURIComponent(path));
  if (existsSync(file) && statSync(file).isFile()) return file;
  const index = join(file, 'index.html');
  return existsSync(index) ? index : null;
}

/**
 * Checks the internal links of built pages, fed one page at a time, keeping only what it must: each
 * address looked up once, and the links to an anchor on another page, whose ids are read at the end.
 * Links in `<a>` only: scripts, styles and images are the build's own and already resolved by it.
 */
export class LinkCheck {
  private readonly targets = new Map<string, string | null>();
  private readonly broken: BrokenLink[] = [];
  private readonly anchors: Array<{ page: string; href: string; file: string; id: string }> = [];
  private readonly root: string;

  constructor(root: string) {
    this.root = root;
  }

  private targetOf(pathname: string): string | null {
    if (!this.targets.has(pathname)) this.targets.set(pathname, target(this.root, pathname));
    return this.targets.get(pathname) ?? null;
  }

  /** One page: `file` is where it was written, `html` what it holds. */
  add(file: string, html: string): void {
    const page = `/${relative(this.root, file).split('\\').join('/')}`;
    let own: Set<string> | undefined;
    for (const anchor of html.matchAll(ANCHOR)) {
      const href = decode(HREF.exec(anchor[0])?.[1] ?? '');
      if (!href || /^[a-z][a-z0-9+.-]*:|^\/\//i.test(href)) continue;
      const url = new URL(href, `http://site${page}`);
      const found = this.targetOf(url.pathname);
      if (!found) this.broken.push({ page, href, reason: 'missing page' });
      else if (url.hash.length > 1) {
        const id = decodeURIComponent(url.hash.slice(1));
        if (found !== file) this.anchors.push({ page, href, file: found, id });
        else {
          own ??= idsOf(html);
          if (!own.has(id)) this.broken.push({ page, href, reason: 'missing anchor' });
        }
      }
    }
  }

  /** Every link whose page or `#anchor` does not exist. */
  finish(): BrokenLink[] {
    const ids = new Map<string, Set<string>>();
    for (const { page, href, file, id } of this.anchors) {
      if (!ids.has(file)) ids.set(file, idsOf(readFileSync(file, 'utf8')));
      if (!ids.get(file)?.has(id)) this.broken.push({ page, href, reason: 'missing anchor' });
    }
    return this.broken;
  }
}
