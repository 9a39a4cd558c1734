// Astro's MDX pipeline finds frontmatter this way: at the start of the file (after a byte-order mark
// or blank lines), `---` or `+++`, anything up to a line ending, then the next `---` or `+++`.
const FRONTMATTER = /(?:^\uFEFF?|^\s*\n)(---|\+\+\+)([\s\S]*?\n)(---|\+\+\+)/;

/**
 * The text as Astro hands it to the MDX parser: the frontmatter block, fences included, turned into
 * spaces (line endings kept), so every position after it is where the author wrote it. The engine
 * parses the same text, so both parsers see the same document.
 */
export function blankFrontmatter(source: string): string {
  const match = FRONTMATTER.exec(source);
  if (!match) return source;
  const [block = '', open = '', body = '', close = ''] = match;
  const start = match.index + block.length - open.length - body.length - close.length;
  return `${source.slice(0, start)}${' '.repeat(open.length)}${body.replace(/[^\r\n]/g, ' ')}${' '.repeat(close.length)}${source.slice(start + open.length + body.length + close.length)}`;
}
