import { defineCollection } from 'astro:content';
import { docsSchema } from '@astrojs/starlight/schema';
import { glob } from 'astro/loaders';
import { PlanFrontmatterSchema } from './schemas/plan-frontmatter-schema.ts';

export const collections = {
  // Starlight's pages (home, guides, rule reference) live in content/, beside the plans.
  docs: defineCollection({ loader: glob({ pattern: ['index.mdx', '404.md', 'learn/**/*.{md,mdx}', 'authoring/**/*.{md,mdx}'], base: './content' }), schema: docsSchema() }),
  plans: defineCollection({ loader: glob({ pattern: '*/v*.mdx', base: './content/plans' }), schema: PlanFrontmatterSchema() }),
  examples: defineCollection({ loader: glob({ pattern: '*/v*.mdx', base: './content/examples' }), schema: PlanFrontmatterSchema() }),
};
