import { defineCollection } from 'astro:content';
import { i18nLoader } from '@astrojs/starlight/loaders';
import { docsSchema, i18nSchema } from '@astrojs/starlight/schema';
import { file, glob } from 'astro/loaders';
import { planLoader } from '../plugins/plan-loader.ts';
import { ExamQuestionSchema } from './schemas/exam-question-schema.ts';

/**
 * Starlight builds the docs schema again for each `<StarlightPage>`, which every plan page is: about
 * 0.4 ms a page. That page's image helper is the same code on every call, so the schema built with it is
 * kept. Astro's own helper closes over each entry's path, so schemas for entries are built every time.
 */
function builtOnceForStarlightPage<Context extends { image: unknown }, Schema>(schema: (context: Context) => Schema): (context: Context) => Schema {
  let forPages: Schema | undefined;
  return (context) => {
    if (!String(context.image).includes('<StarlightPage>')) return schema(context);
    forPages ??= schema(context);
    return forPages;
  };
}

export const collections = {
  // Starlight's pages (home, guides, rule reference) live in content/, beside the plans.
  docs: defineCollection({ loader: glob({ pattern: ['index.mdx', '404.md', 'learn/**/*.{md,mdx}', 'authoring/**/*.{md,mdx}'], base: './content' }), schema: builtOnceForStarlightPage(docsSchema()) }),
  // Starlight's interface text: the edit link says what it does here, open a pull request.
  i18n: defineCollection({ loader: i18nLoader(), schema: i18nSchema() }),
  // Plans are checked by the checker, before the build and on every change in dev; these only render them.
  plans: defineCollection({ loader: planLoader('content/plans') }),
  questions: defineCollection({ loader: file('./content/learn/exam-questions.yaml'), schema: ExamQuestionSchema() }),
  examples: defineCollection({ loader: planLoader('content/examples') }),
};
