import { splitFrontmatter } from '../model/frontmatter.ts';
import type { SyntaxProblem } from '../model/syntax-problem.ts';

/**
 * Characters a parser reads as plain text, put in place of ones it would read as syntax (`<`, the `i`
 * of `import`), one UTF-16 unit each so every later line and column stays where the author wrote it.
 * They are private-use characters the file itself does not contain, so putting the author's
 * characters back never touches one the author wrote.
 */
export interface StandIns {
  /** The stand-in for each character replaced. */
  for: Readonly<Record<string, string>>;
  /** Matches any stand-in, to put the characters back. */
  pattern: RegExp;
  /** The character each stand-in stands for. */
  back: Readonly<Record<string, string>>;
}

const REPLACED = ['<', 'i', 'e'];

export function standInsFor(source: string): StandIns {
  const chosen: string[] = [];
  for (let code = 0xe000; chosen.length < REPLACED.length; code++) {
    const character = String.fromCharCode(code);
    if (!source.includes(character)) chosen.push(character);
  }
  const unicodeEscape = (character: string) => `\\u${character.charCodeAt(0).toString(16)}`;
  return {
    for: Object.fromEntries(REPLACED.map((character, index) => [character, chosen[index] ?? ''])),
    pattern: new RegExp(`[${chosen.map(unicodeEscape).join('')}]`, 'g'),
    back: Object.fromEntries(chosen.map((character, index) => [character, REPLACED[index] ?? ''])),
  };
}

// No plan nests quotes or lists this deep; parsers and tree walks recurse per level and would overflow the stack.
const MAX_NESTING = 100;
const QUOTE_MARKERS = /^(?:[ \t]*>)+/;
const FENCE = /^(?:[ \t]*>)*[ \t]*(`{3,}|~{3,})/;
// What MDX would read as an import or export; any other line starting with those words is prose.
const ESM_LINE = /^(?:import\s+(?:[\w$]+\s*,?\s*)?(?:\{[^}]*\}|\*\s+as\s+[\w$]+)?\s*(?:from\s*)?['"]|export\s+(?:default\b|const\b|let\b|var\b|function\b|async\s+function\b|class\b|\{|\*))/;
const ESM_START = /^(import|export)\s/;

/** Puts a stand-in in place of the character at `offset`, so a parser reads it as plain text. */
export function standIn(text: string, offset: number, standIns: StandIns): string {
  return `${text.slice(0, offset)}${standIns.for[text.charAt(offset)] ?? text.charAt(offset)}${text.slice(offset + 1)}`;
}

/**
 * One pass over a plan's lines before any parser runs. Refuses nesting no plan needs, and turns a
 * prose line that starts with `import` or `export` (which MDX would read as code) into text, reporting
 * it, so the rest of the file is still read. Runs in linear time.
 */
export function prescan(source: string, standIns: StandIns): { text: string; problems: SyntaxProblem[] } {
  const problems: SyntaxProblem[] = [];
  const block = splitFrontmatter(source);
  let text = source;
  let fence: string | null = null;
  let line = 1;
  for (let start = 0; start < source.length; line++) {
    const end = source.indexOf('\n', start);
    const content = source.slice(start, end === -1 ? source.length : end);
    const inFrontmatter = block !== null && start < block.offset + block.yaml.length;
    if (!inFrontmatter) {
      const quotes = QUOTE_MARKERS.exec(content)?.[0] ?? '';
      const depth = quotes.split('>').length - 1 + Math.floor((content.length - quotes.length - content.slice(quotes.length).trimStart().length) / 2);
      if (depth > MAX_NESTING) return { text: source, problems: [{ line, column: 1, kind: 'nesting', text: String(depth), recovered: false }] };
      const marker = FENCE.exec(content)?.[1];
      if (marker && (fence === null || (marker.startsWith(fence.charAt(0)) && marker.length >= fence.length && content.trim() === marker))) {
        fence = fence === null ? marker : null;
      } else if (fence === null && ESM_START.test(content) && !ESM_LINE.test(content)) {
        problems.push({ line, column: 1, kind: 'esm-prose', text: content.split(/\s/)[0] ?? '', recovered: true });
        text = standIn(text, start, standIns);
      }
    }
    if (end === -1) break;
    start = end + 1;
  }
  return { text, problems };
}
