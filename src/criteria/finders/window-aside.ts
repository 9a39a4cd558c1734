/** A window written in brackets after the threshold: "(over 24 hours)", "(measured over 7 days)", "(rolling 24h window)". */
import type { Clause } from '../clause.ts';
import { words } from '../lexicon.ts';
import { joinTokens as join } from '../metric-text.ts';
import type { Found, Window } from '../reading.ts';
import type { Token } from '../tokenize.ts';
import { findWindow, isAnchored } from './window.ts';

// Links that open a window in brackets; "in" and "within" are as often a deadline or a limit, and stay asides.
const LINKS = words('over across during');
// Verbs that only say how the figure is taken over the span: not "averaged", whose span names another statistic.
const MEASURING = words('measured evaluated calculated computed assessed monitored tracked observed');
// Words of a name a span in brackets defines: how slow, long, late, old or waiting each one is.
const DEFINED_BY_SPAN = words(
  'slow slower long longer long-running late stale aged old older idle dormant pending unacked unacknowledged overdue delayed waiting queued open outstanding lingering inactive expired',
);
// Words that make a span a window with no link: "(rolling 24h window)", "(trailing 7 days)".
const ROLLING = words('rolling trailing sliding');

/**
 * The window an aside after the threshold gives, whole, or null: the words read as they would be without the
 * brackets, a link put before a rolling span. It is taken only where no other window is written.
 */
export function windowAside(clause: Clause, inner: readonly Token[], open: number, close: number): boolean {
  if (!clause.tokens.slice(0, open).some((token) => token.kind === 'number')) return false;
  // "Slow requests > 1% (over 2 s)", "Aged tickets (over 30 days)": the span says which are slow or aged, not a window.
  if (clause.tokens.slice(0, open).some((token) => DEFINED_BY_SPAN.has(token.lower))) return false;
  // A link first, or after a verb of measuring ("(measured over 7 days)"), not any participle ("(unshipped over 48
  // hours)" lasts); a rolling span takes one before it.
  const linked = LINKS.has(inner[0]?.lower ?? '') || (LINKS.has(inner[1]?.lower ?? '') && MEASURING.has(inner[0]?.lower ?? ''));
  if (!linked && !inner.some((token) => ROLLING.has(token.lower))) return false;
  const over: Token = { ...(inner[0] as Token), kind: 'word', text: 'over', lower: 'over' };
  const read = linked ? inner : [over, ...inner];
  // Read after the words before it, as the window finder needs the threshold before a bare "over 24 hours".
  const before = clause.tokens.slice(0, open);
  const found = findWindow([...before, ...read]);
  // A span under a minute is how long each one took ("(over 2 s)"), not a window a figure is taken over.
  if (!found || found.start !== open || found.end !== open + read.length || found.value.kind !== 'period' || found.value.seconds < 60) return false;
  // "(over the first week)" names when the figure is taken, which the name keeps: not a window, and left as it was.
  if (isAnchored(read, { ...found, start: 0, end: read.length })) return false;
  const window: Found<Window> = { start: open, end: close + 1, value: { ...found.value, text: join(inner) } };
  clause.asideWindow = window;
  clause.use(window.start, window.end);
  clause.place(window.start, window.end, 'window');
  return true;
}

/** "Error rate < 1% (over 24 hours) for 10 minutes": a window in brackets beside another, of which a reading holds one. */
export function checkAsideWindow(clause: Clause, window: Found<Window> | null): void {
  const aside = clause.asideWindow;
  if (aside && window) clause.asideProblem ??= `the aside \`(${aside.value.text})\` gives a window beside \`${join(clause.tokens.slice(window.start, window.end))}\`; keep one`;
}
