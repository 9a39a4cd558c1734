/**
 * A label that names the failure or the bad change a trigger watches for ("Churn Spike:", "Health Check Failure:"),
 * over words that name a measure of their own that is better higher. Glued together they name neither ("churn
 * retention"), and the label's words may be the measure's scope ("Payment Outage: Success rate") or the bad thing
 * itself ("Churn Spike: Retention"): such a bullet is refused, save a failure over the success or pass rate of the same
 * thing, "Health Check Failure: Pass rate < 95%", which reads "health check pass rate < 95%".
 */
import { words } from '../lexicon.ts';
import { SEVERITY_TIERS } from '../lexicon-counts.ts';
import { betterWay } from '../metric-polarity.ts';
import { joinTokens, metricText } from '../metric-text.ts';
import type { ReadParts } from '../reading.ts';
import type { Token } from '../tokenize.ts';
import { findLabel, isHeading } from './label.ts';

// Nouns of a failure or a bad change that a label ends in: what the trigger watches for, not what it measures.
const EVENTS = words('failure failures spike spikes degradation outage outages breach breaches regression regressions surge slowdown shortage');
// Words that say how a failure fails, not what fails.
const FAILURE_KINDS = words('partial total complete full silent critical catastrophic general minor major intermittent');
// The measures a failure's label scopes: the rate at which that same thing succeeds.
const SUCCESS_RATES = /^(?:success|pass|completion|delivery) (?:rate|ratio)$/;

/** The reading with the label read as such a heading, why it cannot be read, or null where the label is no such heading. */
export function eventLabel(tokens: readonly Token[], parts: ReadParts, written: readonly Token[]): ReadParts | { unsure: string } | null {
  const label = findLabel(tokens);
  const named = label?.words.filter((token) => token.kind === 'word') ?? [];
  const event = named.at(-1);
  // Only a label before a colon, and not a heading ("Critical breach:" heads what follows).
  if (!label || tokens[label.end]?.text !== ':' || isHeading(label.words) || named.length < 2 || !event || !EVENTS.has(event.lower)) return null;
  // The measures after the colon, whether or not the reading took the label into their names.
  const whole = `${metricText(named)} `.toLowerCase();
  const own = parts.criteria.map((criterion) => (criterion.metric.toLowerCase().startsWith(whole) ? criterion.metric.slice(whole.length) : criterion.metric));
  // "Error Spike: > 5%": with no measure of their own, the label's words are the name. A measure better lower goes the
  // way of the failure ("API Outage: error rate > 5%"), and the label's words stay in its name, as before.
  // Where the measure's way is not known ("Payment failure: rate"), the label stays in its name too.
  if (own.length === 0 || own.some((metric) => `${metric.toLowerCase()} ` === whole || betterWay(metric) !== 'higher')) return null;
  // A failure over the success rate of the same thing scopes it: the label's words before its failure name the thing.
  const trailing = named.length - [...named].reverse().findIndex((token) => !EVENTS.has(token.lower));
  const failure = named.slice(trailing).some((token) => ['failure', 'failures'].includes(token.lower));
  // "SLA breach (< 99.9% availability)": the words in brackets define the event the label names, and are the reading.
  const defined = !written.some((token) => token.text === ':');
  if (defined && !failure)
    return {
      ...parts,
      criteria: parts.criteria.map((criterion, index) => ({ ...criterion, metric: own[index] ?? criterion.metric })),
      notes: [...parts.notes, `Read under the heading \`${joinTokens(label.words)}\`.`],
      aside: [...parts.aside, ...label.words],
    };
  // "Major Failure:", "Partial Failure:": a word that says how bad the failure is scopes nothing.
  const graded = named.slice(0, trailing).some((token) => SEVERITY_TIERS.has(token.lower) || FAILURE_KINDS.has(token.lower));
  if (!failure || trailing <= 0 || graded || !own.every((metric) => SUCCESS_RATES.test(metric.toLowerCase())))
    // "Churn Spike: Retention", "Payment Outage: Success rate": the label's words may name the measure's scope or the bad
    // thing itself, and only its author knows which.
    return {
      unsure: `the label \`${metricText(named)}\` names what the trigger watches for, and \`${own.join(', ')}\` a measure of its own; write the measure alone, such as "${own[0]} < …", or with the words that scope it, such as "${metricText(named.slice(0, trailing))} ${own[0]} < …"`,
    };
  const scope = metricText(named.slice(0, trailing));
  return {
    ...parts,
    criteria: parts.criteria.map((criterion, index) => ({ ...criterion, metric: `${scope} ${own[index] ?? criterion.metric}` })),
    notes: [...parts.notes, `Read \`${joinTokens(named.slice(trailing))}\` in the label as the failure the trigger watches for.`],
    aside: [...parts.aside, ...named.slice(trailing)],
  };
}

// What a tier of severity grades when it opens the name: "Major: defects = 0" counts major defects.
const GRADED = words('bug bugs defect defects incident incidents regression regressions outage outages event events issue issues vulnerability vulnerabilities finding findings glitch glitches');

/**
 * Why a label of one tier of severity ("Medium:", "Major:") cannot be read: before a count of faults it grades them
 * ("Major: defects = 0"), before "priority" or "version" it is part of the name; before anything else ("Medium: User
 * complaints > 100") it may say how severe the trigger is, or which are counted.
 */
export function tierProblem(tokens: readonly Token[], parts: ReadParts): string | null {
  const named = findLabel(tokens)?.words.filter((token) => token.kind === 'word') ?? [];
  const tier = named.length === 1 ? named[0] : undefined;
  // "Critical:" heads what follows and leaves the name; before a count of faults it grades them, which the name lost.
  const critical = tier?.lower === 'critical' || tier?.lower === 'blocker';
  if (!tier || (!SEVERITY_TIERS.has(tier.lower) && !critical)) return null;
  const own = parts.criteria.map((criterion) =>
    criterion.metric
      .toLowerCase()
      .replace(new RegExp(`^${tier.lower}\\s+`), '')
      .split(/\s+/),
  );
  // "High: 5xx errors", "Low: incidents": high, medium and low are as often the trigger's own tier.
  // "Major: bugs = 0; minor bugs ≤ 10": a name with a grade of its own is not the label's to grade again.
  // "Major: bugs = 0; minor bugs ≤ 10", "Major: bugs = 0; bugs overall ≤ 10": over more than one count, the label grades
  // only bare names, each once; a name with words of its own, or one named twice, is not the label's to grade again.
  const shared = own.length > 1 && (own.some((list) => list.length > 1) || new Set(own.map((list) => list.join(' '))).size < own.length);
  const grades = (list: readonly string[]) => !critical && !shared && !['high', 'medium', 'low'].includes(tier.lower) && GRADED.has(list.at(-1) ?? '');
  if (own.every((list) => ['priority', 'severity', 'version'].includes(list[0] ?? '') || grades(list)) || (critical && !own.some((list) => GRADED.has(list.at(-1) ?? '')))) return null;
  if (shared) return `\`${tier.text}\` grades every count after it, and they are not all its own: write one bullet for each`;
  return `\`${tier.text}\` may say how severe the trigger is, or which are counted; write it in the name ("${tier.lower} ${own[0]?.join(' ') ?? ''}") or drop it`;
}
