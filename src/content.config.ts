import { defineCollection } from 'astro:content';
import { i18nLoader } from '@astrojs/starlight/loaders';
import { docsSchema, i18nSchema } from '@astrojs/starlight/schema';
import { file, glob } from 'astro/loaders';
import { ExamQuestionSchema } from './schemas/exam-question-schema.ts';
import { planLoader } from '../plugins/plan-loader.ts';

/**
 * Starlight builds the docs schema again for each `<StarlightPage>`, which every plan page is: about
 * 0.4 ms a page. The schema depends only on the image helper it is given, which is the same code on each
 * call, so it is built once for each helper.
 */
function builtOnce<Context extends { image: unknown }, Schema>(schema: (context: Context) => Schema): (context: Context) => Schema {
  const built = new Map<string, Schema>();
  return (context) => {
    const key = String(context.image);
    const known = built.get(key);
    if (known) return known;
    const fresh = schema(context);
    built.set(key, fresh);
    return fresh;
  };
}

export const collections = {
  // Starlight's pages (home, guides, rule reference) live in content/, beside the plans.
  docs: defineCollection({ loader: glob({ pattern: ['index.mdx', '404.md', 'learn/**/*.{md,mdx}', 'authoring/**/*.{md,mdx}'], base: './content' }), schema: builtOnce(docsSchema()) }),
  // Starlight's interface text: the edit link says what it does here, open a pull request.
  i18n: defineCollection({ loader: i18nLoader(), schema: i18nSchema() }),
  // Plans are checked by the checker, before the build and on every change in dev; these only render them.
  plans: defineCollection({ loader: planLoader('content/plans') }),
  questions: defineCollection({ loader: file('./content/learn/exam-questions.yaml'), schema: ExamQuestionSchema() }),
  examples: defineCollection({ loader: planLoader('content/examples') }),
};
