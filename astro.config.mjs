// @ts-check
import { unified } from '@astrojs/markdown-remark';
import starlight from '@astrojs/starlight';
import { defineConfig } from 'astro/config';
import remarkPilotplan from './plugins/remark-pilotplan.ts';
import pilotplan from './src/integration/pilotplan-integration.ts';
import { SITE_URL } from './src/lib/site.ts';

export default defineConfig({
  site: SITE_URL,
  markdown: {
    // Astro 7's default engine runs no remark plugins; the checks are one. Smart quotes stay off so a
    // criterion reads the same in the build as in `pilotplan check`.
    processor: unified({ remarkPlugins: [[remarkPilotplan, { contentDir: './content' }]], smartypants: false }),
  },
  integrations: [
    pilotplan({ contentDir: './content' }),
    starlight({
      title: 'Pilotplan',
      description: 'Pilot Plans for limited trial releases: written as MDX, checked on every pull request, published here.',
      sidebar: [
        { label: 'Plans', link: '/plans/' },
        { label: 'Rules', items: [{ autogenerate: { directory: 'authoring/rules' } }] },
      ],
    }),
  ],
});
