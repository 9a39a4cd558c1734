/** Numbers that name rather than measure: status codes, severities, weeks, dates, "#1". */
import { MONTHS, RATIO_NAMES, WINDOW_NOUNS, words } from './lexicon.ts';
import { unitAt } from './quantity.ts';
import type { Token } from './tokenize.ts';

// Words before a span that make it the one a figure is taken over: "over a 7-day window", "in any 1-hour period".
const SPAN_LEADS = words('over in for during within any a an the rolling trailing moving sliding last first every each per consecutive');

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
  // "30-day readmission rate", "90-day retention": a span that names which figure, before the name's noun; "a 1-hour
  // window", "over 7-day periods" and "for 2-hour stretches" are spans the figure is taken over.
  const span = tokens[index + 1]?.text === '-' && !tokens[index + 1]?.spaced && /^(?:day|week|month|year|hour)$/.test(tokens[index + 2]?.lower ?? '');
  if (span && (index === 0 || tokens[index - 1]?.kind === 'word') && !SPAN_LEADS.has(before) && tokens[index + 3]?.kind === 'word' && !WINDOW_NOUNS.has(tokens[index + 3]?.lower ?? '')) return true;
  // "Repeat rate (30-day)", "conversion (60d)": a span alone in brackets names which figure, as "30-day" before a noun does.
  if (before === '(') {
    const unit = unitAt(tokens, index + 1);
    if (unit !== null ? tokens[unit.end]?.text === ')' && !['%', 'x'].includes(unit.unit) : span && tokens[index + 3]?.text === ')') return true;
  }
  // A mobile network's generation: "3G", "5G".
  if (Number.isInteger(token.value) && token.value >= 2 && token.value <= 6 && tokens[index + 1]?.text === 'G' && !tokens[index + 1]?.spaced) return true;
  // A code in brackets after a name: "throttled requests (429)".
  if (before === '(' && tokens[index - 1]?.spaced && tokens[index + 1]?.text === ')' && tokens[index - 2]?.kind === 'word' && /^\d+$/.test(token.text)) return true;
  // A status code before "errors" or "responses": "500 errors", "429 responses".
  return Number.isInteger(token.value) && token.value >= 100 && token.value <= 599 && words('errors error responses response codes status statuses').has(tokens[index + 1]?.lower ?? '');
}
