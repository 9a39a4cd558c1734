import type { Point } from './yaml-document.ts';

/** Constructs MDX refuses, each with its own advice; decided from the source, whichever parser read it. */
export type SyntaxKind = 'less-than' | 'html-comment' | 'declaration' | 'instruction' | 'cdata' | 'esm-prose' | 'unclosed-fence' | 'nesting' | 'references' | 'unreadable';

export interface SyntaxProblem extends Point {
  kind: SyntaxKind;
  /** The construct as written, shortened to its first line; for `unreadable`, the parser's own message. */
  text: string;
  /** True when the rest of the file was still read; false leaves the body unchecked. */
  recovered: boolean;
}

/** What a `<` starts, read from the characters after it: a bare less-than, or HTML that MDX has no place for. */
export function lessThanKind(after: string): SyntaxKind {
  if (after.startsWith('!--')) return 'html-comment';
  if (after.startsWith('![CDATA[')) return 'cdata';
  if (after.startsWith('!')) return 'declaration';
  if (after.startsWith('?')) return 'instruction';
  return 'less-than';
}
