const CSP_META = /<meta http-equiv="content-security-policy" content="[^"]*">/;
const HEAD_START = /<head>(?:<meta charset="[^"]*"\/?>)?/;

/**
 * A built page with its CSP `<meta>` at the top of `<head>`. Astro writes it where head content is
 * rendered, after Starlight's `<title>` and theme script, and a policy covers only markup after it.
 */
export function hoistCspMeta(html: string): string {
  const meta = CSP_META.exec(html)?.[0];
  const head = HEAD_START.exec(html);
  if (!meta || !head) return html;
  const without = html.replace(meta, '');
  const at = head.index + head[0].length;
  return `${without.slice(0, at)}${meta}${without.slice(at)}`;
}
