import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';

const dist = fileURLToPath(new URL('../../dist', import.meta.url));
const BUDGET = 60 * 1024;

const read = (path: string) => readFileSync(`${dist}${path}`, 'utf8');
const stylesheets = (html: string) => [...html.matchAll(/<link[^>]+rel="stylesheet"[^>]+href="([^"]+)"/g)].map((match) => match[1] ?? '');
/** Each script as its source URL, or its first characters when inline: enough to tell them apart. */
const scripts = (html: string) =>
  [...html.matchAll(/<script([^>]*)>([\s\S]*?)<\/script>/g)].map((match) => /src="([^"]+)"/.exec(match[1] ?? '')?.[1] ?? `inline:${(match[2] ?? '').trim().slice(0, 80)}`);

function planPages(): string[] {
  return readdirSync(`${dist}/plans`, { withFileTypes: true, recursive: true })
    .filter((entry) => entry.name === 'index.html' && /\/plans\/[^/]+(?:\/v\d+)?$/.test(entry.parentPath) && !/by-(?:status|tag)/.test(entry.parentPath))
    .map((entry) => `${entry.parentPath.slice(dist.length)}/index.html`);
}

describe('page weight of the built site', () => {
  it('the site is built', () => {
    expect(existsSync(`${dist}/index.html`)).toBe(true);
  });

  it('every plan page is at most 60 KB of compressed HTML and CSS', () => {
    const pages = planPages();
    expect(pages.length).toBeGreaterThan(3);
    for (const page of pages) {
      const html = read(page);
      const bytes = gzipSync(html).length + stylesheets(html).reduce((sum, href) => sum + gzipSync(read(href)).length, 0);
      expect({ page, bytes: bytes <= BUDGET ? 'within budget' : bytes }).toEqual({ page, bytes: 'within budget' });
    }
  });

  it('plan pages run no script of their own: only the chrome every docs page has (search, theme, navigation)', () => {
    const chrome = new Set(scripts(read('/learn/guide/index.html')));
    for (const page of planPages()) expect(scripts(read(page)).filter((script) => !chrome.has(script))).toEqual([]);
  });

  it('the quiz script is on the quiz page only', () => {
    const quiz = scripts(read('/learn/quiz/index.html')).filter((script) => script.includes('quiz-form'));
    expect(quiz).toHaveLength(1);
    expect(scripts(read('/plans/checkout-redesign/index.html')).some((script) => script.includes('quiz-form'))).toBe(false);
  });
});
