/** Why the words a reading would take for a metric's name are not one: a sentence, a group, a state, a count. */
import { CHANGE_VERBS, COMPARING, CONDITIONS, EDGES, INSTRUCTIONS, NEGATIONS, NOT_METRIC, QUANTIFIERS, STATES, VERDICTS, words } from './lexicon.ts';
import { AGREEING, CHANGES, DATA_SETS, LINGERING, PLACES } from './lexicon-counts.ts';

// "Statistically significant" and kin say which ones count; "significant" alone leaves it to judgement.
const DEFINED_DEGREE = /\b(?:statistically|clinically) significant\b|\bsignificant deficienc|\bmeaningful use\b/i;
const VAGUE_DEGREE = /\b(?:significant|significantly|noticeable|noticeably|meaningful|substantial|substantially|notable|appreciable|appreciably)\b/i;

/** Why a metric's words are a sentence, not a name: a failure to hold it, a comparison inside it, code that compares. */
function sentenceProblem(metric: string): string | null {
  if (/\.\s+[A-Z]|&&|\|\||(?:^|\s)it(?:\s|$)/.test(metric)) return `the words \`${metric}\` around it do not name what is measured`;
  // "Unable to keep uptime above 99%": a failure to hold the threshold turns it round; the name would hide it.
  if (/(?:^|\s)(?:unable|failure|fail|failed|inability|cannot|can't)\s+to\b/i.test(metric) || /^cannot\b/i.test(metric))
    return `\`${metric}\` says the threshold is not held, which turns it round; write the condition itself, such as \`uptime < 99%\``;
  // "response time vs. go-live baseline": a comparison with a baseline inside the name is no name.
  if (/(?:^|\s)(?:vs\.?|versus|compared)(?:\s|$)/i.test(metric))
    return `\`${metric}\` compares with something inside the name; write the change with its baseline, such as \`response time ≤ 20% above baseline\``;
  // "`p95 > 400ms` for 2 windows": a comparison in backticks is code the reader does not read, not a name.
  // "Error rate: `1%` over 7 days": a figure in backticks is code the reader does not read.
  if (/`\s*[-+−]?\d[\d,.]*\s*%?\s*`/.test(metric)) return `\`${metric}\` holds a figure inside backticks; write it outside them, such as \`error rate < 1%\``;
  if (/`[^`]*(?:[<>≤≥]|\s=\s)[^`]*`/.test(metric)) return `\`${metric}\` holds a comparison inside backticks; write it outside them, such as \`p95 latency > 400 ms\``;
  // "No significant negative review patterns": which ones count is left to judgement; "statistically significant",
  // "clinically significant", "significant deficiencies", "meaningful use" and a definition in brackets say which.
  const degree = VAGUE_DEGREE.exec(metric);
  if (degree && !DEFINED_DEGREE.test(metric) && !metric.includes('('))
    return `\`${degree[0]}\` leaves which ones count to judgement; name which, such as \`P1 incidents\`, or give the figure that counts`;
  return null;
}

/** A name that is a set-up, a word of when or what to do, or a group of metrics: none is one thing measured. */
function groupProblem(list: readonly string[], metric: string): string | null {
  // "Latency and error rate < 1%", "Crash and ANR rates": two measures under one threshold, which one figure cannot hold.
  if (/^(?:latency|error rates?|errors?|crash(?:es)?|crash rates?|uptime|availability|throughput|conversion|cpu|memory) and \w/i.test(metric))
    return `\`${metric}\` names two measures joined by "and"; write one bullet for each`;
  // "consecutive days any P0 bugs": "any" inside a name quantifies what follows it, which no one figure holds
  // ("respond to any incident" names the response).
  const any = list.indexOf('any');
  if (any > 0 && !EDGES.has(list[any - 1] ?? ''))
    return `\`${metric}\` says how many of them, not what is measured; write the count or the share, such as "${list.filter((word) => !QUANTIFIERS.has(word)).join(' ')} ≥ 1"`;
  // "Measure error rate", "Verify uptime", "Check error rate daily": an instruction, not a name; "watch time" and
  // "review time" are names.
  const instruction =
    INSTRUCTIONS.has(list[0] ?? '') ||
    (list[0] === 'track' && list.length > 2) ||
    (list[0] === 'report' && list.length > 2 && list[1] !== 'rate') ||
    (['watch', 'review', 'check'].includes(list[0] ?? '') && !['time', 'times', 'duration', 'failures', 'failure', 'count', 'hours', 'pass', 'rate'].includes(list[1] ?? ''));
  if (instruction && list.length > 1) return `\`${metric}\` starts with \`${list[0]}\`, an instruction; write what is measured and its threshold, such as "${list.slice(1).join(' ')} < …"`;
  // "NPS two weeks running": a run in the name, which the reading cannot count.
  // "2 consecutive nightly backup failures = 0": a run inside the name, which no one figure counts.
  if (/\b(?:days|weeks|nights|months|times|shifts) running\b|\b(?:\d+|two|three|four|five) (?:consecutive|straight|successive)\b/.test(list.join(' ')))
    return `\`${metric}\` holds a run; write it as "on 2 consecutive weeks"`;
  // "none observed", "nine out of ten": a count or a share in the name.
  if (list.includes('none') || /\bout of\b/.test(list.join(' ')))
    return `\`${metric}\` holds a count or a share of its own; write it as the threshold, such as "memory leaks = 0" or "at least 90% of callers"`;
  // "Sales back ≥ baseline": a return to a level, not the name of what returns.
  if (list.length > 1 && list.at(-1) === 'back') return `\`${metric}\` ends with "back", a return to a level; write the level it must reach, such as "${list.slice(0, -1).join(' ')} ≥ …"`;
  // "Monitoring in place for error rate": a set-up the plan needs, not what is measured.
  if (/\bin place\b/.test(metric.toLowerCase())) return `\`${metric}\` says something must be set up, not what is measured; write the threshold on its own`;
  // "… and < 0.5% otherwise", ", alert > 0.8%": a word that says when, or what to do, names nothing measured.
  if (list.length === 1 && LONE_NON_NAMES.has(list[0] ?? '')) return `\`${metric}\` says when or what to do, not what is measured; write the metric's name in each criterion`;
  // "Key metrics of checkout" is a group; "Regression from Stage 1 metrics" names one thing about them.
  // "Any SLO < 99%", "Any KPI > 10% below baseline": one of a group, which no one figure is.
  if (['any', 'each', 'every'].includes(list[0] ?? '') && /^(?:slo|sli|kpi|metric|measure|indicator)s?$/.test(list[1] ?? ''))
    return `\`${metric}\` names any one of a group of metrics; write each metric with its own threshold`;
  const edge = list.findIndex((word) => EDGES.has(word));
  const head = edge < 0 ? list : list.slice(0, edge);
  if (/^(?:metrics|kpis|measures|indicators|numbers|figures|stats|statistics|slos|slis|okrs|vitals)$/.test(head.at(-1) ?? ''))
    return `\`${metric}\` names a group of metrics, not one; write each metric with its own threshold`;
  return null;
}

// Words that, alone, name a platform, a time or what to do, not a measure: "mobile", "otherwise", "alert", "target".
const LONE_NON_NAMES = words(
  'web api mobile ios android desktop else otherwise elsewhere aspiration aspirational stretch off-peak peak overnight daytime nighttime weekends weekdays alert alerts warn warning page target goal threshold limit ceiling floor',
);

// "Daily runs ≥ 3" read with "runs" as its verb, "Open: 0": how often or a state, alone, names nothing measured.
const HOW_OFTEN = /^(?:hourly|daily|nightly|weekly|monthly|quarterly|yearly|annually)$/;
// A state alone, not a noun that names a queue: "backlog", "waitlist" and "boarding" do.
const STATE_ALONE = new Set([...LINGERING].filter((word) => !['backlog', 'waitlist', 'boarding'].includes(word)));
/** What a one-word name says instead of a measure: how often ("daily") or a state ("open", "degraded"), else null. */
const aloneProblem = (list: readonly string[]) =>
  list.length !== 1 ? null : HOW_OFTEN.test(list[0] ?? '') ? 'says how often' : STATE_ALONE.has(list[0] ?? '') || STATES.has(list[0] ?? '') ? 'names a state' : null;

// Counts a name may start with ("single sign-on" is a name): one to twelve.
const COUNT_WORDS = ['one', 'two', 'three', 'four', 'five', 'six', 'seven', 'eight', 'nine', 'ten', 'eleven', 'twelve'];

/**
 * Whether a word that is mostly a verb of doing is a noun here: "the test set" (after a kind of data), "night shift errors"
 * and "shift handover time" (a work shift: after a time of day, or before what a shift has).
 */
export function nounNotVerb(word: string, before: string, after: string): boolean {
  // "Test set to run nightly", "Golden set updated weekly": before "to" or a participle, "set" is still a verb.
  if (word === 'set') return DATA_SETS.has(before) && after !== 'to' && (after === '' || EDGES.has(after) || SET_MEASURES.has(after));
  return word === 'shift' && (SHIFT_KINDS.has(before) || SHIFT_PARTS.has(after));
}

// What a data set's figure may be: "test set accuracy".
const SET_MEASURES = words('accuracy size coverage precision recall score scores performance results error errors loss f1 auc');
const SHIFT_KINDS = words('night day morning evening weekend late early overnight graveyard each every per');
const SHIFT_PARTS = words('handover handovers handoff handoffs change changes coverage swap swaps lead leads report reports errors incidents start end length');

/** Why a metric's words are not a metric: a person or an action ("we halt feature work"), or too long to be a name. */
export function notAMetric(metric: string, namesJoined = false): string | null {
  const sentence = sentenceProblem(metric);
  if (sentence) return sentence;
  const list = metric.toLowerCase().split(/\s+/);
  const person = list.find((word, index) => (NOT_METRIC.has(word) && !nounNotVerb(word, list[index - 1] ?? '', list[index + 1] ?? '')) || COMPARING.has(word));
  if (person || list.some((word, index) => index > 0 && EDGES.has(word) && EDGES.has(list[index - 1] ?? '') && !['of', 'the', 'a', 'an'].includes(word)))
    return `the words \`${metric}\` around it do not name what is measured`;
  // "All match within $0.50": all things agreeing name no figure; the difference between them is one.
  if (['all', 'every', 'each', 'both'].includes(list[0] ?? '') && list.some((word) => AGREEING.has(word)))
    return `\`${metric}\` says things agree, not what is measured; write the difference, such as "largest payslip difference ≤ $0.50"`;
  // "months payback" (from "Payback within 12 months"): a unit without its count went into the name.
  if (/^(?:months?|years?|mths|mos?|quarters?)$/.test(list[0] ?? '') && list[1] !== undefined && list[1] !== 'of')
    return `\`${metric}\` starts with \`${list[0]}\`, a unit the reader has no length for; write the limit in weeks or days, such as "payback ≤ 52 weeks"`;
  const alone = aloneProblem(list);
  if (alone) return `\`${metric}\` ${alone}, not what is measured`;
  // "any regression", "no crash rate": a quantifier or a change word alone names nothing measured.
  // Patients' falls and card declines are counted things: "Fewer than 2 falls per 1,000 occupied bed days".
  const counted = list.length === 1 && ['falls', 'declines'].includes(list[0] ?? '');
  if (!counted && list.every((word) => QUANTIFIERS.has(word) || CHANGES.has(word))) return `\`${metric}\` names a change, not what is measured`;
  // "increase the share of students ≤ 90%": a change verb before the name asks for a change the comparison does not state.
  if (CHANGE_VERBS[list[0] ?? ''] !== undefined)
    return `\`${metric}\` starts with \`${list[0]}\`, a change the threshold does not state; write the level it must reach, such as "${list.slice(1).join(' ')} ≥ …", or the change, such as "${list[0]} ${list.slice(1).join(' ')} by at least …"`;
  if (list[0] === 'no' || list[0] === 'not') return `\`${metric}\` starts with "${list[0]}": write the limit as a comparison, such as "${list.slice(1).join(' ')} ≤ …"`;
  // "not allowed", "unacceptable", "fails": a verdict or a negation in the name turns the threshold round.
  // Words in a bracketed aside narrow the name ("(no assist required)"); outside brackets they judge it.
  const outside = metric
    .replace(/\([^)]*\)/g, ' ')
    .toLowerCase()
    .split(/\s+/);
  const verdict = outside.find((word) => NEGATIONS.has(word.replace('’', "'")) || VERDICTS.has(word.replace(/[()]/g, '')) || /^\((?:fails?|pass(?:es)?|blocks?)\)$/.test(word));
  if (verdict)
    return `\`${metric}\` holds \`${verdict}\`, which ${NEGATIONS.has(verdict.replace('’', "'")) ? 'turns the threshold round' : 'judges the threshold rather than naming what is measured'}; write the limit that must hold as a comparison`;
  // "unless error rate", "e.g. errors": a condition or an example in the name; "SEM conversions" opens with an initialism.
  const initialism = /^[A-Z]{2,}$/.test(metric.slice(0, metric.indexOf(' ')));
  if ((CONDITIONS.has(list[0] ?? '') && !initialism) || list.some((word) => /^(?:i\.?e|e\.?g)\.?$/.test(word)))
    return `\`${metric}\` holds a condition or an example, not only what is measured; write the threshold that must hold on its own`;
  const odd = oddWord(list);
  // "Business metrics exceed baseline", "all KPIs ≥ target": a group of metrics, not one that can be measured.
  const grouped = groupProblem(list, metric);
  if (grouped) return grouped;
  // "a quarter of an hour" read as a share of hours: a fraction of a time is a duration the reader did not read.
  if (/ as a share of (?:an? )?(?:hour|minute|day|week|month|year|second)s?$/.test(metric)) return `\`${metric}\` is a fraction of a time; write the duration, such as \`15 minutes\``;
  // "under a quarter of a percent": a fraction of a percentage is a smaller percentage the reader did not work out.
  if (/ as a share of (?:an? )?(?:percent|per cent|percentage(?: points?)?)$/.test(metric)) return `\`${metric}\` is a fraction of a percentage; write the percentage, such as \`0.25%\``;
  // "failure rate budget exhausted": a state after the name says how it stands, which is no part of it.
  if (!odd && list.slice(1).some((word) => ['exhausted', 'depleted'].includes(word)))
    return `\`${metric}\` holds a state, which is no part of a metric's name; write the metric, the comparison and the number on their own`;
  // "Shrink across stores", "error rate across all shifts": each store's figure, or all of them pooled?
  const bare = list.some((word) => word.includes('across')) ? list.map((word) => word.replace(/[()]/g, '')) : [];
  const across = bare.findIndex((word, index) => word === 'across' && [1, 2].some((ahead) => PLACES.has(bare[index + ahead] ?? '') || GROUPS.test(bare[index + ahead] ?? '')));
  const pooled = () => list.some((word) => ['combined', 'overall', 'pooled', 'total'].includes(word));
  if (odd === 'all' || odd === 'both' || (across >= 0 && !pooled()))
    return `\`${metric}\` may give each one's figure or all of them pooled; add "combined" for the pooled figure, or write a bullet for each`;
  if (odd) return `\`${metric}\` holds \`${odd}\`, which is no part of a metric's name; write the metric, the comparison and the number on their own`;
  return tailProblem(list, metric, namesJoined);
}

/** What the name's words say beyond a name: how often, a fraction, business days, a count, more than one thing, too many words. */
function tailProblem(list: readonly string[], metric: string, namesJoined: boolean): string | null {
  // "(most)", "three times", "typically": a hedge or a tally in the name says how often, which the reading cannot hold.
  // "Response times", "load times": the plural of a time after the thing timed, no tally.
  const hedge =
    /\b(?:most|always|typically|usually|mostly|once|twice|thrice|(?<!\b(?:response|load|loading|wait|waiting|processing|resolution|handle|handling|cycle|lead|turnaround|build|boot|startup|recovery|render|page|query|transaction|request|queue|travel|delivery|dispatch|run|execution|transit|refund|hold|service|settlement|login|auth|failover|checkout|search|sync) )times)\b/i.exec(
      metric,
    );
  if (hedge) return `\`${metric}\` holds \`${hedge[0]}\`, which says how often, not what is measured; write the limit that must always hold`;
  // "Half the calls", "two-thirds of tickets": a fraction in the name is a share the reader did not read.
  if (/^(?:half|(?:one|two|a)[- ]thirds?|(?:a|one|three)[- ]quarters?|quarter|third)\b/i.test(metric))
    return `\`${metric}\` starts with a fraction; write it as a share, such as "at least half of the calls are answered within 20 seconds"`;
  // Business days read as a limit's unit ("within 2 business days"); left in a name they are a window the reader cannot hold.
  if (/\b(?:business|working) days?\b/i.test(metric)) return `\`${metric}\` holds business days in what is measured; write them as the limit, such as "resolved within 2 business days"`;
  // "Two outages longer than 30 minutes": a count before the name is how many, not part of what is measured.
  // "error rate week" (from "A week below 1% error rate"): a period left in the name is a hold or a span.
  // "clinic hours", "patient day" and "after 4 weeks" name what is measured, or when.
  const period =
    list.length > 1 && /^(?:hour|day|week|month|year)s?$/.test(list.at(-1) ?? '') && /\b(?:rate|time|latency|errors|incidents|defects|uptime|availability)$/.test(list.slice(0, -1).join(' '));
  if (period) return `\`${metric}\` ends with \`${list.at(-1)}\`, a hold or a span the reading cannot place; write it after the threshold, such as "for 1 week"`;
  // "Two factor authentication", "Four hour performance", "Five star reviews": a count before a unit's noun makes a compound.
  const compound = (at: number) =>
    /^(?:factor|hour|star|week|day|month|year|minute|second|way|step|point|tier|level|digit|phase|stage|bed|person|man|woman|party|sided)$/.test(list[at + 1] ?? '') &&
    list[at + 2] !== undefined &&
    !EDGES.has(list[at + 2] ?? '');
  const count = COUNT_WORDS.indexOf(list[0] ?? '') + 1;
  // "One outage longer than 30 minutes": one of a thing in the singular is any one of them.
  if (count > 0 && list.length > 1 && !compound(0) && !(count === 1 && !/s$|^(?:hour|day|week|month|year|minute)$/.test(list[1] ?? '')))
    return `\`${metric}\` starts with a count, which is how many, not what is measured; write the count as the threshold, such as "${list.slice(1).join(' ')} ≥ ${count}"`;
  // "error rate two weeks" (from "Two weeks under 1% error rate"), "P1 or three P2 incidents", "attendance two sites": a
  // count inside is a length, a second threshold, or how many of what is measured.
  const inside = list.findIndex(
    (word, index) =>
      index > 0 &&
      COUNT_WORDS.includes(word) &&
      !/^(?:in|within|for|over|across|during)$/.test(list[index - 1] ?? '') &&
      (list[index - 1] === 'or' || /^(?:hours?|days?|weeks?|months?|sprints?)$/.test(list[index + 1] ?? '') || (/[a-z]s$/.test(list[index + 1] ?? '') && !compound(index))),
  );
  if (inside > 0) return `\`${metric}\` holds \`${list[inside]}\`, a count that is a length or a second threshold; write each threshold with its window as a bullet of its own`;
  if (list.includes('or') && !namesJoined) return `\`${metric}\` names more than one thing, joined by "or"`;
  if (list.length > 12) return `\`${metric}\` is too long to be the name of what is measured`;
  return null;
}

// Groups that each have a figure, besides places: "across nodes", "across AZs", "across carriers".
const GROUPS =
  /^(?:shifts|days|endpoints|services|nodes|clusters|zones|azs|dcs|datacenters|hubs|routes|carriers|issuers|specialties|pods|hosts|servers|devices|platforms|channels|groups|segments|tenants|merchants|classrooms|districts|territories|suppliers|vendors|partners|brands|psps|providers|lanes|counters|tills)$/;

/** A word that is no part of a metric's name: "latency improvement", "upper quartile wait", "zero P1s", "is achieved", "50p". */
function oddWord(list: readonly string[]): string | undefined {
  return list
    .map((word) => word.replace(/[()]/g, ''))
    .find(
      (word, index) =>
        /^(?:again|stalls?|stalled|plateaus?|plateaued|stagnates?|stagnated|better|worse|faster|slower|quicker|improves?|improved|improvement|worsens?|worsened|degrades|regresses|quartile|quintile|decile|tercile|zero|achieved|achieve|met|each|every|climbing|rising|falling|dropping|growing|increasing|decreasing|declining|trending|unable|excluded|included|hundred|thousand|dozen)$/.test(
          word,
        ) ||
        /^[b-z]$/.test(word) ||
        /^e-?\d+$/.test(word) ||
        // "attendance all sites" (from "All sites above 90% attendance"): each site, or all of them pooled?
        // "Triage all crashes within 1 day" is the time a task takes, done to each; "pass rate for all staff" pools them,
        // where "across all wards" may be each ward's or the pooled figure.
        (['all', 'both'].includes(word) &&
          index > 0 &&
          list.slice(index + 1, index + 3).some((each) => PLACES.has(each.replace(/[()]/g, ''))) &&
          !['for', 'of'].includes(list[index - 1] ?? '') &&
          !list.some((each) => ['combined', 'overall', 'pooled'].includes(each))) ||
        (index === 0 && /^(?:multiple|several|many|numerous|few)$/.test(word)) ||
        (index === 0 && word === 'all' && PLACES.has(list[1] ?? '')) ||
        // "ward-level" (from "Ward-level falls below 3"): an adjective alone, whose noun went to the comparison.
        (list.length === 1 && /-(?:level|wide|based)$/.test(word)),
    );
}
