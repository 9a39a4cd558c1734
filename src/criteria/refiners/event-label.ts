/**
 * A label that names the failure a trigger watches for, over a measure of its own that is better higher: "Health Check
 * Failure: Pass rate < 95%" reads "health check pass rate < 95%", where "health check failure pass rate" named a thing
 * whose better way no one knows. The label's words scope the measure and the failure is told; "Payment failure: rate >
 * 2%" stays with the label, since "rate" alone is no measure with a better way.
 */
import { words } from '../lexicon.ts';
import { metricPolarity } from '../metric-polarity.ts';
import { metricText } from '../metric-text.ts';
import type { ReadParts } from '../reading.ts';
import type { Token } from '../tokenize.ts';
import { findLabel } from './label.ts';

// Nouns of a failure or a bad change that a label ends in: what the trigger watches for, not what it measures.
const EVENTS = words('failure failures spike spikes degradation outage outages breach breaches regression regressions surge slowdown');

/** The reading with the label as the scope of each measure, or null where the label is not such a heading. */
export function eventLabel(tokens: readonly Token[], parts: ReadParts): ReadParts | null {
  const label = findLabel(tokens);
  const named = label?.words.filter((token) => token.kind === 'word') ?? [];
  const event = named.at(-1);
  if (!label || named.length < 2 || !event || !EVENTS.has(event.lower)) return null;
  // The measures after the colon, whether or not the reading took the label into their names.
  const whole = `${metricText(named)} `.toLowerCase();
  const own = parts.criteria.map((criterion) => (criterion.metric.toLowerCase().startsWith(whole) ? criterion.metric.slice(whole.length) : criterion.metric));
  // Each must be a measure better higher by itself ("pass rate", "success rate"), which the failure's name would turn
  // round; under a label of a failure, a measure better lower ("API Outage: error rate") reads well with it.
  if (own.length === 0 || own.some((metric) => `${metric.toLowerCase()} ` === whole || metricPolarity(metric) !== 'higher')) return null;
  // "Uptime Failure: Uptime < 99%": a word the measure already says is not said twice.
  const scoped = (metric: string) => {
    const said = new Set(metric.toLowerCase().split(' '));
    return [metricText(named.slice(0, -1).filter((token) => !said.has(token.lower))), metric].filter(Boolean).join(' ');
  };
  return {
    ...parts,
    criteria: parts.criteria.map((criterion, index) => ({ ...criterion, metric: scoped(own[index] ?? criterion.metric) })),
    notes: [...parts.notes, `Read \`${event.text}\` in the label as the failure the trigger watches for.`],
    aside: [...parts.aside, event],
  };
}
