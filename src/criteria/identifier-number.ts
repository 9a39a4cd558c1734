/** Numbers that name rather than measure: status codes, severities, weeks, dates, "#1". */
import { MONTHS, RATIO_NAMES, words } from './lexicon.ts';
import { unitAt } from './quantity.ts';
import type { Token } from './tokenize.ts';

/** A number that names something rather than measuring it: "HTTP 500 errors", "week 2", "Sev 1". */
export function isIdentifierNumber(tokens: readonly Token[], index: number): boolean {
  const before = tokens[index - 1]?.lower ?? '';
  const token = tokens[index];
  if (token?.kind !== 'number' || token.ordinal) return false;
  // "#1", "31 March", "March 31": a number that counts nothing.
  if (before === '#' || (Number.isInteger(token.value) && token.value >= 1 && token.value <= 31 && (MONTHS.has(tokens[index + 1]?.lower ?? '') || MONTHS.has(before)))) return true;
  if (
    words(
      'http status code codes sev severity priority level tier version v phase stage wave step sprint release iteration round group region site zone ring option item line kep rfc iso wcag section chapter part task story ticket jira issue pr mr q week day month year milestone kr',
    ).has(before)
  ) {
    // "Day 1 retention", "Week 4 active users": a day of the user's life names the rate that follows it; "by day 30" is a deadline.
    const cohortDay =
      ['day', 'week', 'month'].includes(before) &&
      RATIO_NAMES.has(tokens[index + 1]?.lower ?? '') &&
      !['by', 'on', 'until', 'before', 'after', 'from', 'at', 'in', 'within'].includes(tokens[index - 2]?.lower ?? '');
    return !unitAt(tokens, index + 1) && tokens[index + 1]?.text !== '%' && (cohortDay || !['week', 'day', 'month', 'year'].includes(before));
  }
  // A mobile network's generation: "3G", "5G".
  if (Number.isInteger(token.value) && token.value >= 2 && token.value <= 6 && tokens[index + 1]?.text === 'G' && !tokens[index + 1]?.spaced) return true;
  // A code in brackets after a name: "throttled requests (429)".
  if (before === '(' && tokens[index - 1]?.spaced && tokens[index + 1]?.text === ')' && tokens[index - 2]?.kind === 'word' && /^\d+$/.test(token.text)) return true;
  // A status code before "errors" or "responses": "500 errors", "429 responses".
  return Number.isInteger(token.value) && token.value >= 100 && token.value <= 599 && words('errors error responses response codes status statuses').has(tokens[index + 1]?.lower ?? '');
}
