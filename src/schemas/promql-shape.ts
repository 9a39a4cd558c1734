/**
 * Checks the shape of a catalogue query before any export pastes it into a rule: the exporters wrap it
 * as `(query) > threshold`, so a query that closes that bracket early, or comments out the rest of the
 * line, would change what every alert built from it means. This is a lexer, not a PromQL parser: the
 * tests run `promtool check rules` on every query of the repository for the rest.
 */

const OPENING: Record<string, string> = { '(': ')', '[': ']', '{': '}' };
const CLOSING = new Set(Object.values(OPENING));
// A placeholder: a name between double braces, spaces inside allowed. Unknown names are refused by the
// catalogue's own placeholder check.
const PLACEHOLDER = /^\{\{\s*([\w-]*)\s*\}\}/;

/** Where each placeholder may stand: `{{window}}` as a range, `{{quantile}}` as a number outside brackets. */
function placeholderProblem(name: string, open: readonly string[]): string | null {
  const innermost = open.at(-1);
  if (name === 'window' && innermost !== '[') return 'Unexpected `{{window}}` outside a range selector, expected it between `[` and `]`, as in `rate(requests_total[{{window}}])`';
  if (name === 'quantile' && (open.includes('[') || open.includes('{')))
    return 'Unexpected `{{quantile}}` inside a selector, expected it as a number argument, as in `histogram_quantile({{quantile}}, …)`';
  return null;
}

/** The first problem with a query's shape, as a message; null when brackets, strings and placeholders are sound. */
export function promqlShapeProblem(query: string): string | null {
  const open: string[] = [];
  for (let at = 0; at < query.length; at++) {
    const character = query.charAt(at);
    if (character === '"' || character === "'" || character === '`') {
      const end = stringEnd(query, at);
      if (end === -1) return `Unexpected unterminated string starting \`${query.slice(at, at + 20)}\`, expected a closing \`${character}\` on the same line`;
      at = end;
    } else if (query.startsWith('{{', at)) {
      // Exactly a known placeholder: anything else between braces would reach a target that reads
      // templates (Flagger) as template code.
      const placeholder = PLACEHOLDER.exec(query.slice(at));
      if (!placeholder) return `Unexpected \`${query.slice(at, at + 20)}\`, expected \`{{window}}\` or \`{{quantile}}\`: no template code may stand in a query. Write the value itself into the query`;
      const problem = placeholderProblem(placeholder[1] ?? '', open);
      if (problem) return problem;
      at += placeholder[0].length - 1;
    } else if (character === '#') {
      return 'Unexpected comment `#`, expected none: the exporters add the threshold after the query, and a comment would hide it';
    } else if (OPENING[character]) {
      open.push(character);
    } else if (CLOSING.has(character)) {
      const expected = OPENING[open.pop() ?? ''];
      if (character !== expected)
        return `Unexpected \`${character}\` at character ${at + 1}, expected ${expected ? `\`${expected}\`` : 'no closing bracket before its opening one'}. Balance the brackets: the query must be one expression`;
    }
  }
  const unclosed = open.at(-1);
  return unclosed ? `Unexpected end of the query with \`${unclosed}\` still open, expected \`${OPENING[unclosed]}\`. Balance the brackets: the query must be one expression` : null;
}

/** The index of the quote closing the string opened at `start`, or -1. Quoted strings stay on one line; raw strings may not. */
function stringEnd(query: string, start: number): number {
  const quote = query.charAt(start);
  for (let at = start + 1; at < query.length; at++) {
    const character = query.charAt(at);
    if (character === quote) return at;
    if (quote !== '`' && character === '\\') at++;
    else if (quote !== '`' && character === '\n') return -1;
  }
  return -1;
}
