/** Plain formatting elements that run nothing; anything else in a plan must be an allow-listed component. */
export const SAFE_ELEMENTS: ReadonlySet<string> = new Set(['abbr', 'br', 'del', 'details', 'em', 'ins', 'kbd', 'mark', 'small', 'strong', 'sub', 'summary', 'sup']);

const HTML_TAG = /<\/?([A-Za-z][\w:-]*)/g;
const HTML_HANDLER = /[\s/"'](on[a-z]+|set:[\w-]+)\s*=/i;

/**
 * What is unsafe in text that reaches a page as raw HTML (a `.md` page's HTML, a Starlight field that
 * is written with `set:html`): an element other than the formatting ones, or an event handler or
 * `set:` attribute. Null when it is only formatting.
 */
export function unsafeHtml(text: string): string | null {
  const unsafe = [...text.matchAll(HTML_TAG)].map((match) => (match[1] ?? '').toLowerCase()).find((name) => !SAFE_ELEMENTS.has(name));
  if (unsafe !== undefined) return `element \`<${unsafe}>\``;
  const handler = HTML_HANDLER.exec(text)?.[1];
  return handler === undefined ? null : `attribute \`${handler}\``;
}
