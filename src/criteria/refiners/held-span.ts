/** Why a window taken over a span cannot be read where the words say the level holds, or is reached by then. */
import { OVER_HOLDING } from '../finders/window-holds.ts';
import { words } from '../lexicon.ts';
import type { ParsedCriterion } from '../reading.ts';
import type { Token } from '../tokenize.ts';

// Words that hold a level the whole time: "stayed below 1% over 7 days", "never exceeded 500 ms in the last 24 hours".
// The adverbs that hold a level before "over" ("consistently over 2 hours") hold it before any span.
const HOLDING = new Set([...OVER_HOLDING, ...words("never didn't stayed stays remained remains kept keeps held holds maintained maintains sustained always steady stable stably reliably unbroken")]);

// "No more than", "no less than": a comparison, not a lead that holds.
const COMPARING = words('more less fewer greater higher lower longer later shorter worse better');

/**
 * "Error rate stayed below 1% over 7 days" may hold the level the whole week or take one figure over it; "Backlog
 * under 100 within 2 weeks" may be reached by then. A window taken over a span reads neither way for certain.
 */
export function heldSpanProblem(criteria: readonly ParsedCriterion[], written: readonly Token[], kind: 'exit' | 'rollback'): string | null {
  const spanned = criteria.find((criterion) => criterion.window?.kind === 'period');
  const window = spanned?.window;
  if (!spanned || !window) return null;
  // Under the triggers, "> 5 complaints within 1 hour" counts in a span, as it must.
  if (kind === 'exit' && /^within\b/i.test(window.text))
    return `\`${window.text}\` after a level may be when it must be reached or the span it is taken over; write "by day …" in the name for a deadline, or "over …" for the span`;
  // "No Sev 1 in the last 7 days": none in the span is none at any time in it.
  if (!/^(?:over|in|during|across)\b/i.test(window.text) || (spanned.comparator === '=' && spanned.value === 0)) return null;
  const held = written.find((token, index) => HOLDING.has(token.lower) || (index === 0 && token.lower === 'no' && !COMPARING.has(written[1]?.lower ?? '')));
  return held ? `\`${held.text}\` with \`${window.text}\` may hold the level the whole time or take one figure over the span; write "for …" to hold it, or "averaged over …" for one figure` : null;
}
