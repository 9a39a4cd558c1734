import type { YAMLError } from 'yaml';

const quoted = (text: string) => `\`${text.replace(/`/g, "'")}\``;

/**
 * One YAML syntax error as a sentence an author can act on: what is wrong, what was expected, how to
 * fix it, instead of the YAML library's own terms. `text` is the YAML the error points into.
 */
export function describeYamlError(error: YAMLError, text: string): string {
  const [start, end] = error.pos;
  const found = text.slice(start, Math.max(end, start + 1)).split('\n')[0] ?? '';
  const lineStart = text.lastIndexOf('\n', start - 1) + 1;
  const line = text.slice(lineStart, text.indexOf('\n', start) === -1 ? text.length : text.indexOf('\n', start));
  const key = /^\s*-?\s*([^:#]+?):/.exec(line)?.[1]?.trim() ?? 'this key';
  switch (error.code) {
    case 'BLOCK_AS_IMPLICIT_KEY':
    case 'MULTILINE_IMPLICIT_KEY':
      return text.slice(start, lineStart + line.length).includes(': ')
        ? `Unexpected \`: \` inside the value of \`${key}\`, expected plain text. Quote the value: a colon followed by a space starts a new key, as in \`${key}: "Goal: fewer abandoned carts"\``
        : `Unexpected indented line under the value of \`${key}\`, expected the next \`key: value\` at the same indentation as \`${key}\`. Line it up with the keys above, or quote a value that runs over several lines`;
    case 'TAB_AS_INDENT':
      return 'Unexpected tab in the indentation, expected spaces. Indent with spaces only';
    case 'BAD_INDENT':
      if (/flow sequence/i.test(error.message)) return 'Unexpected end of a `[…]` list, expected a closing `]` on the same line. Close the list, or write one `- item` per line';
      if (/flow map/i.test(error.message)) return 'Unexpected end of a `{…}` mapping, expected a closing `}`. Close it, or write one `key: value` per line';
      return 'Unexpected indentation, expected the entries of one mapping or list to start at the same column. Line this line up with the entries beside it';
    case 'DUPLICATE_KEY':
      return `Unexpected second ${quoted(found.replace(/:.*$/, ''))} key, expected each key once. Remove one of them`;
    case 'MULTIPLE_DOCS':
      return 'Unexpected `---` or `...` inside the frontmatter, expected a single block of `key: value` lines. Remove the marker; the frontmatter ends at the closing `---`';
    case 'TAG_RESOLVE_FAILED':
      return `Unexpected YAML tag ${quoted(found.split(/\s/)[0] ?? found)}, expected a plain value. Remove the tag`;
    case 'BAD_DQ_ESCAPE':
      return `Unexpected escape ${quoted(found)} in a double-quoted value, expected \`\\"\`, \`\\\\\` or \`\\n\`. Use single quotes to keep backslashes as they are`;
    case 'BAD_SCALAR_START':
      return `Unexpected ${quoted(found.charAt(0))} at the start of a value, expected text. Quote the value`;
    case 'MISSING_CHAR':
      return `Unexpected end of a value, expected ${/quote/i.test(error.message) ? 'its closing quote' : 'a closing bracket'}. Close it on the same value`;
    case 'KEY_OVER_1024_CHARS':
      return 'Unexpected key of over 1,024 characters, expected a short name. Check for a missing line break';
    default:
      return `${error.message.split('\n')[0] ?? error.message}. Check the YAML syntax at this position`;
  }
}
