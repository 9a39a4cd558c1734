/** Why a multiple ("3x", "3 times") cannot be read: no baseline named, or "times" that may count occasions. */
import type { Clause } from '../clause.ts';
import { COMPARATOR_SIGNS } from '../describe-reading.ts';
import type { Threshold } from '../finders/threshold.ts';
import { words } from '../lexicon.ts';
import { joinTokens as join } from '../metric-text.ts';

// Words after "N times" that make it a multiple of something: "3 times the baseline", "3 times higher", "3 times vs last week".
const MULTIPLE_MARKERS = words(
  'the as higher lower more less larger greater bigger smaller than vs vs. versus compared relative over above below of that what its their normal usual typical baseline control',
);
// Verbs of something that happens, which may count how often: "spiked more than 3 times".
const EVENT_VERBS = words('spiked spikes spike dipped dips dip crashed failed flapped restarted paged alerted tripped breached fired surged jumped dropped');

/** "Error rate ≤ 2x", "latency ≤ 2× staging": a multiple of nothing named as a baseline; "burn rate < 1x" is one itself. */
export function multipleProblem(clause: Clause, threshold: Threshold, metric: string, shown: string, changed: boolean): string | null {
  if (threshold.quantity.unit !== 'x') return null;
  // "Error rate spiked more than 3 times": how many spikes, or how many times higher? After a verb of an event,
  // only "by" before "times" or a comparison after it ("the baseline", "higher", "vs last week") says it is a multiple.
  const { start, end } = threshold.quantity;
  const lead = clause.tokens.slice(threshold.opStart, start);
  const after = clause.window?.start === end ? '' : (clause.tokens[end]?.lower ?? '');
  const multiple = MULTIPLE_MARKERS.has(after) || lead.some((token) => token.lower === 'by');
  const occasions = changed && clause.tokens[end - 1]?.lower === 'times' && lead.some((token) => EVENT_VERBS.has(token.lower)) && !multiple;
  if (occasions)
    return `\`${join(clause.tokens.slice(threshold.opStart, end))}\` may count how often it happened or say how many times higher it went; write the count (such as "spikes > ${threshold.quantity.value}") or the multiple ("> ${threshold.quantity.value}x baseline")`;
  if (changed || /\b(?:burn|ratio|multiple|factor|speed-?up|multiplier|roas|x)\b/i.test(metric)) return null;
  return `\`${shown}\` is a multiple of what the bullet does not name as a baseline; write it, such as \`${metric} ${COMPARATOR_SIGNS[threshold.op ?? '<='] ?? '≤'} ${shown} baseline\``;
}
