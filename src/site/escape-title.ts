import { defineRouteMiddleware } from '@astrojs/starlight/route-data';
import { escapeHtml } from './escape-html.ts';

/**
 * Starlight writes each head entry's content as raw HTML, and a page's `<title>` carries its title,
 * which on plan pages is plan text. Escaping it here, after every other middleware, covers every page.
 */
export const onRequest = defineRouteMiddleware(async (context, next) => {
  await next();
  for (const entry of context.locals.starlightRoute.head) {
    if (entry.tag === 'title' && entry.content) entry.content = escapeHtml(entry.content);
  }
});
