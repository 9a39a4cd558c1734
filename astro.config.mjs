// @ts-check

import { fileURLToPath } from 'node:url';
import { unified } from '@astrojs/markdown-remark';
import sitemap from '@astrojs/sitemap';
import starlight from '@astrojs/starlight';
import { defineConfig } from 'astro/config';
import pilotplan from './plugins/pilotplan-integration.ts';
import remarkPilotplan from './plugins/remark-pilotplan.ts';
import { REPO_URL, SITE_URL } from './src/engine/site-urls.ts';
import { COLLECTION_NAMES } from './src/site/plan-collections.ts';
import { starlightInlineScriptHashes } from './src/site/starlight-inline-hashes.ts';
import { latestVersionRedirects } from './src/site/version-href.ts';

// Beside this file, wherever the build is started from (`astro build --root …` included).
const contentDir = fileURLToPath(new URL('./content/', import.meta.url));
// `npm run bench` builds with PILOTPLAN_CHECKS=off to measure what the checks cost; nothing else sets it.
// The safety rules still run on every content file then: no setting turns them off.
const checks = process.env.PILOTPLAN_CHECKS !== 'off';

export default defineConfig({
  site: SITE_URL,
  // A 1,000-plan site writes 3,700 files (pages, JSON, redirects); rendering two at a time lets one page
  // render while the last one is written, where one at a time left the build idle for a seventh of it.
  build: { concurrency: 2 },
  // A plan's latest version is rendered once, at the plan's own address; its `/v<N>/` address stays a
  // permalink, written by Astro as a redirect without rendering a page.
  redirects: latestVersionRedirects(contentDir, COLLECTION_NAMES),
  // Defence in depth behind escaping: no script runs unless it is the site's own. The build moves the
  // policy to the top of each page's head (plugins/hoist-csp.ts), so it covers the title too.
  security: {
    csp: {
      directives: ["default-src 'self'", "img-src 'self' data:", "object-src 'none'", "base-uri 'self'", "form-action 'self'"],
      scriptDirective: {
        // Pagefind compiles its WebAssembly on the page when its worker cannot start.
        resources: ["'self'", "'wasm-unsafe-eval'"],
        hashes: starlightInlineScriptHashes(),
      },
      // `style=""` attributes (icon sizes, sidebar depth, code colours) cannot run script.
      styleDirective: { resources: [{ resource: "'unsafe-inline'", kind: 'attribute' }] },
    },
  },
  vite: {
    build: {
      rolldownOptions: {
        // Astro's MDX output draws one harmless warning per file (withastro/astro#18087); with many plans
        // they would bury the plan check's report.
        onwarn(warning, warn) {
          if (warning.code === 'MODULE_LEVEL_DIRECTIVE' && warning.message.includes('astro:head-inject')) return;
          warn(warning);
        },
      },
    },
  },
  markdown: {
    // Astro 7's default engine runs no remark plugins; the checks are one. Smart quotes stay off so a
    // criterion reads the same in the build as in `pilotplan check`.
    // Starlight highlights code with Expressive Code; Shiki's inline styles would only draw a CSP warning.
    syntaxHighlight: false,
    processor: unified({ remarkPlugins: [[remarkPilotplan, { contentDir, rules: checks ? 'all' : 'safety' }]], smartypants: false }),
  },
  integrations: [
    starlight({
      title: 'Pilotplan',
      description: 'Pilot Plans for limited trial releases: written as MDX, checked on every pull request, published here.',
      sidebar: [
        { label: 'Plans', link: '/plans/' },
        {
          label: 'Examples',
          items: [
            { label: 'Example plans', link: '/examples/' },
            { label: 'Flawed plans', link: '/examples/flawed/' },
          ],
        },
        {
          label: 'Learn',
          items: [
            { label: 'Guide', link: '/learn/guide/' },
            { label: 'Quiz', link: '/learn/quiz/' },
          ],
        },
        {
          label: 'Authoring',
          items: [
            { label: 'Writing a plan', link: '/authoring/' },
            { label: 'Evaluating a pilot', link: '/authoring/evaluating/' },
            { label: 'Editing with live checks', link: '/authoring/editing/' },
            // One link, not a list of every rule: each rule in the sidebar of every page cost the build
            // about 100 MB at 1,000 plans. The page lists them all.
            { label: 'Rules', link: '/authoring/rules/' },
          ],
        },
      ],
      customCss: ['./src/styles/site.css'],
      // Page titles are plan text, and Starlight writes the `<title>` element raw.
      routeMiddleware: './src/site/escape-title.ts',
      editLink: { baseUrl: `${REPO_URL}/edit/main/` },
      lastUpdated: true,
    }),
    // Replaces the sitemap Starlight would add; redirects (the latest versions' `/v<N>/`) stay out of it.
    sitemap(),
    // After Starlight: the plan check still runs before any content is read, and the swap of the
    // finished site into dist/ runs after Starlight's search index and sitemap are written.
    ...(checks ? [pilotplan({ contentDir })] : []),
  ],
});
