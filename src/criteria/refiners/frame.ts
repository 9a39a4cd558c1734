/** Takes off what only frames a criterion: list markers, emoji, "Roll back if", "Trigger:", a consequence, a comment, other table columns. */
import { CONSEQUENCES, LEAD, SYMBOL_COMPARATORS } from '../lexicon.ts';
import type { WordRun } from '../reading.ts';
import type { Token } from '../tokenize.ts';

/** Drops what only frames a criterion: bullets, checkboxes, emoji, "Roll back if", "Trigger:", "Metric name:". */
export function stripFrame(tokens: Token[]): Token[] {
  let start = 0;
  const opening = (token: Token | undefined) => token?.kind === 'symbol' && !SYMBOL_COMPARATORS[token.text] && !['$', '€', '£', '¥', '₹', '±', '~', '(', '/'].includes(token.text);
  while (start < tokens.length && opening(tokens[start])) start++;
  // "[ ]", "[x]", "(a)", "1." list markers.
  if (tokens[start]?.text === '(' && tokens[start + 2]?.text === ')' && (tokens[start + 1]?.text.length ?? 0) <= 2) start += 3;
  if (tokens[start]?.lower === 'x' && tokens[start + 1]?.text === ']') start += 2;
  if (tokens[start]?.kind === 'number' && tokens[start + 1]?.text === '.' && tokens[start + 2]?.spaced) start += 2;
  // "Roll back immediately if", "Rollback is triggered when", "Trigger:", "Go if", "Metric name:", "If", "When".
  let at = start;
  while (at < Math.min(tokens.length, start + 7) && LEAD.has(tokens[at]?.lower ?? '')) at++;
  const link = tokens[at];
  if (at > start && link && (['if', 'when', 'whenever', 'on', 'once', 'after', 'upon', 'should', 'is'].includes(link.lower) || [':', '–', '—', '-'].includes(link.text))) start = at + 1;
  if (['if', 'when', 'whenever', 'once'].includes(tokens[start]?.lower ?? '')) start++;
  // "Fast burn alert (1h window): Page if burn rate > 14.4x": a lead-in after the label.
  const leadIn = tokens.findIndex((token, index) => index > start && ['if', 'when', 'whenever'].includes(token.lower) && LEAD.has(tokens[index - 1]?.lower ?? '') && !['is', 'are', 'be', 'the', 'of', 'all', 'following'].includes(tokens[index - 1]?.lower ?? ''));
  if (leadIn > 0 && leadIn < tokens.length / 2) start = leadIn + 1;
  // A code comment ("// http errors should be less than 1%") repeats or explains; it is not the criterion.
  const comment = tokens.findIndex((token, index) => index > start && ((token.text === '/' && tokens[index + 1]?.text === '/' && !tokens[index + 1]?.spaced) || (token.text === '#' && token.spaced && tokens[index + 1]?.spaced && tokens.slice(start, index).some((each) => each.kind === 'number'))));
  let end = comment > start ? comment : tokens.length;
  while (end > start && ['.', ';', '!', ',', '…', ':'].includes(tokens[end - 1]?.text ?? '')) end--;
  // "…, roll back", "→ halt": what to do, after the condition.
  const consequence = tokens.findIndex((token, index) => index > start && (token.text === '→' || ((token.text === ',' || token.text === ':') && CONSEQUENCES.has(tokens[index + 1]?.lower ?? ''))));
  if (consequence > 0) end = Math.min(end, consequence);
  // A table row: the cells after the one that holds the threshold are other columns (severity, channel).
  if (tokens[start]?.text === '|' || tokens[start - 1]?.text === '|') {
    const number = tokens.findIndex((token, index) => index >= start && token.kind === 'number');
    const bar = number < 0 ? -1 : tokens.findIndex((token, index) => index > number && token.text === '|');
    if (bar > 0 && !tokens.slice(bar).some((token) => token.kind === 'number')) end = Math.min(end, bar);
  }
  return tokens.slice(start, end);
}

/** The words the frame took off before and after the criterion ("Roll back if", ", then page"), as runs for `--explain`. */
export function framing(written: readonly Token[], kept: readonly Token[]): WordRun[] {
  const first = kept[0]?.start ?? Number.POSITIVE_INFINITY;
  const last = kept.at(-1)?.end ?? Number.NEGATIVE_INFINITY;
  const text = (list: readonly Token[]) => list.filter((token) => token.kind === 'word' || token.kind === 'code').map((token) => token.text).join(' ');
  const lead = text(written.filter((token) => token.end <= first));
  const after = text(written.filter((token) => token.start >= last));
  return [...(lead ? [{ text: lead, part: 'lead' as const }] : []), ...(after ? [{ text: after, part: 'told' as const }] : [])];
}
