/** Reads criteria without a number: "any data corruption", "no P1 defects", "all smoke tests pass", "two consecutive failed checks". */
import type { Clause } from '../clause.ts';
import { changeDirection } from '../finders/baseline.ts';
import { CONDITIONS, EDGES, MODALS, NEGATIONS, NUMBER_WORDS, OCCURS, PASS_VERBS, QUANTIFIERS, QUANTIFYING, words } from '../lexicon.ts';
import { CHANGE_NOUNS, CHECKS, FAULTS, NOT_ONE, PROMISES, WANTED, WORK_ITEMS } from '../lexicon-counts.ts';
import { changePolarity, metricPolarity } from '../metric-polarity.ts';
import { joinTokens as join, metricText, pluralName } from '../metric-text.ts';
import { unoccurred } from '../occurrence-words.ts';
import { blank, type ClauseResult } from '../reading.ts';
import type { Token } from '../tokenize.ts';
import { namesGraveEvent } from './grave-event.ts';
import { joinsNames, LEFT_OPEN, phrase, plain, single, type Words } from './noun-phrase.ts';
import { secondClaim } from './second-claim.ts';

const changeReason = (kept: readonly Token[]) =>
  `\`${metricText(kept)}\` is a change, with no measured figure and no amount; name the figure and the change it may make, such as \`p95 latency ≤ 5% above baseline\``;

/** The head of a noun phrase: the word before what relates it ("impact on clinic throughput"), or its last word. */
function headOf(list: readonly Token[]): string {
  const edge = list.findIndex((token, position) => position > 0 && EDGES.has(token.lower) && token.lower !== 'or');
  return list[edge > 0 ? edge - 1 : list.length - 1]?.lower ?? '';
}

/** "No increase in p99 admission latency", "No regression in error rate": a change of zero from the baseline. */
function readNoChange({ clause, view, rest }: Words): ClauseResult | null {
  // "Zero falls on level 3", "No falls in the ICU", "Zero declines on the payment page" count; "No declines in conversion" is a change.
  const counted = ['falls', 'declines'].includes(rest[0]?.lower ?? '') && (!['in', 'of', 'to'].includes(rest[1]?.lower ?? '') || (rest[1]?.lower === 'in' && rest[2]?.lower === 'the'));
  const said = rest[0]?.lower ?? '';
  // "No change in X" holds it still; "no regression" or "no impact" is a change for the worse, which way the name says.
  const change = counted ? null : (changeDirection(said, null) ?? (said === 'change' ? 'either' : words('impact regression degradation').has(said) ? 'unknown' : null));
  const subject = rest.slice(['in', 'on', 'to', 'of'].includes(rest[1]?.lower ?? '') ? 2 : 1);
  // "No regression from Stage 1 metrics": what follows "from", "against" or "vs" is the baseline, not the metric.
  const fromBaseline = EDGES.has(rest[1]?.lower ?? '') && !['in', 'on', 'to', 'of'].includes(rest[1]?.lower ?? '');
  // "No regression defects": the change names a kind of fault, which is counted.
  const kind = !['in', 'on', 'to', 'of'].includes(rest[1]?.lower ?? '') && FAULTS.has(subject.at(-1)?.lower ?? '');
  if (!change || subject.length === 0 || fromBaseline || kind) return null;
  clause.placeToken(rest[0], 'baseline');
  const metric = metricText(phrase(unoccurred(subject)));
  if (!metric || !plain(phrase(subject))) return null;
  const better = changePolarity(metricText(phrase(subject)));
  if (change === 'unknown' && better === null) return { unsure: `whether a higher or a lower \`${metric}\` is a ${said} is not clear from its name; write the limit with its direction` };
  const direction = change === 'unknown' ? (better === 'higher' ? 'decrease' : 'increase') : change;
  for (let index = 0; index < clause.tokens.length; index++) if (view[index]?.kind === 'word') clause.used[index] = true;
  return clause.finish([{ ...blank(metric, '<=', 0, '%'), baseline: { text: 'baseline', change: 'relative', direction } }], ['Read the change against a baseline the plan does not name.']);
}

/** "No P1 defects", "Zero data loss", "None of the pilot sites report data loss". */
function readNone(input: Words): ClauseResult | null {
  const { first, rest } = input;
  // "0 critical payroll errors": a count of nought written in digits says "zero".
  if (!['no', 'zero', 'none', 'without', '0'].includes(first) || (first === '0' && rest.some((token) => token.kind === 'number' || token.lower === 'of'))) return null;
  const change = readNoChange(input);
  if (change) return change;
  const nouns = phrase(first === 'none' && rest[0]?.lower === 'of' ? rest.slice(1) : rest, true);
  const last = nouns.at(-1);
  // "No P1 defects remain open", "no open P1 issues remain": the verb only says they are still there.
  const remain = (token: Token | undefined) => ['remain', 'remains'].includes(token?.lower ?? '');
  const verbs = nouns.filter((token, position) => remain(token) && (position === nouns.length - 1 || (position === nouns.length - 2 && LEFT_OPEN.has(last?.lower ?? ''))));
  for (const verb of verbs) input.clause.placeToken(verb, 'filler');
  const named = nouns.filter((token) => !verbs.includes(token));
  const state = named.length > 1 && LEFT_OPEN.has(named.at(-1)?.lower ?? '') && !remain(named.at(-1)) ? named.at(-1) : null;
  // "0 Duplicate Sales: a few are tolerable": a count of none that allows some says two things.
  if (named.some((token) => ['few', 'handful', 'tolerable', 'acceptable', 'occasional'].includes(token.lower)))
    return { unsure: `\`${join(named)}\` allows some where the count says none; write the count that is allowed, such as "duplicate sales ≤ 3"` };
  // "No errors maintained": none kept up over the pilot is none.
  const kept = unoccurred(state ? [state, ...named.slice(0, -1)] : named).filter(
    (token, index, all) => !words('allowed permitted tolerated').has(token.lower) && !(token.lower === 'maintained' && index === all.length - 1),
  );
  if (!plain(kept, false, 12, true) || kept.length === 0) return null;
  // "No performance degradation": a change with no metric to measure it on and no amount; "No regressions" counts bugs.
  if (CHANGE_NOUNS.has(headOf(kept))) return { unsure: changeReason(kept) };
  // "No response SLA to failures" says there is no SLA: a promise or a rule is no count, as "No SLA breaches" is.
  if (PROMISES.has(headOf(kept))) return { unsure: `\`${metricText(kept)}\` says a promise or a rule is missing, which no count measures; name what is counted, such as "SLA breaches = 0"` };
  const joined = kept.some((token) => token.lower === 'or');
  input.clause.namesJoined = joined;
  // "If no P1 defect is open" as a trigger fires when all is well; "No heartbeat for 5 minutes" fires when something stops.
  const name = metricText(kept);
  // "No falls", "Zero patient harm events": none of a thing not known to be wanted is how things should be too;
  // "No heartbeat for 5 minutes", "No orders in 1 hour" say how long nothing came.
  const polarity = input.clause.context.kind === 'rollback' ? metricPolarity(name) : 'higher';
  if (polarity === 'lower') return { unsure: `none of \`${name}\` is how things should be, so it fires no rollback; write what fires it, such as "${name} ≥ 1"` };
  // With a length, only what should keep coming ("No heartbeat for 5 minutes"); "No mispicks for 1 day" is how things should be.
  if (polarity === null && (input.clause.window === null || !WANTED.test(name)))
    return {
      unsure: `none of \`${name}\` fires it, which is how things should be unless they are wanted; write what fires it, such as "${name} ≥ 1", or for what stopped, how long: "no ${name} for 30 minutes"`,
    };
  // "No missed SLA targets": a name that would lose its last word ("targets", a filler elsewhere) is not that count.
  const final = kept.at(-1);
  if (final?.kind === 'word' && !name.toLowerCase().endsWith(final.lower))
    return { unsure: `the name \`${join(kept)}\` would lose \`${final.text}\`; write the count under another name, such as "missed SLAs = 0"` };
  return single(input, name, '=', 0, joined ? [`Read "${first} … or …" as none of either.`] : []);
}

/** "Feature has no outstanding P0 bugs": none of them in what the subject names, a short name before "has no". */
function readHasNone(input: Words): ClauseResult | null {
  const { body } = input;
  const at = body.findIndex((token, position) => ['has', 'have'].includes(token.lower) && ['no', 'zero'].includes(body[position + 1]?.lower ?? ''));
  const subject = body.slice(body[0]?.lower === 'the' ? 1 : 0, Math.max(0, at));
  const named = subject.every(
    (token) => token.kind === 'word' && !CONDITIONS.has(token.lower) && !MODALS.has(token.lower) && !NOT_ONE.has(token.lower) && NUMBER_WORDS[token.lower] === undefined && !/ly$/.test(token.lower),
  );
  // "If the build has no errors, ship": a comma ends the noun phrase in the words the reading joins.
  if (at < 1 || subject.length === 0 || subject.length > 3 || !named || input.view.some((token) => [',', ';'].includes(token.text))) return null;
  // Faults only, named without a relation: "no impact on users" is a change, "Old code has no tests" a lack.
  const things = body.slice(at + 2);
  if (!FAULTS.has(things.at(-1)?.lower ?? '') || things.some((token) => EDGES.has(token.lower) && token.lower !== 'or')) return null;
  const none = readNone({ ...input, body: body.slice(at + 1), first: body[at + 1]?.lower ?? '', rest: body.slice(at + 2) });
  if (!none || !('criteria' in none)) return none;
  input.clause.placeToken(body[at], 'filler');
  input.clause.placeToken(body[at + 1], 'comparison');
  const criteria = none.criteria.map((criterion) => ({ ...criterion, metric: `${criterion.metric} in ${metricText(subject)}` }));
  return { ...none, criteria };
}

/** "Any data corruption", "A single failed payout", "A P1 defect occurs": a trigger that one event fires. */
function readAny(input: Words): ClauseResult | null {
  const { clause, first, rest, body } = input;
  // "Safety incident occurs": an event the trigger names, with no quantifier before it.
  // "Pre-rollout webhooks fail": a check that fails, as "Any health check fails" is; "Payments fail" or "Two nodes fail" say how many less plainly.
  const checkFails =
    ['fail', 'fails'].includes(body.at(-1)?.lower ?? '') &&
    CHECKS.has(body.at(-2)?.lower ?? '') &&
    !body.some((token) => NOT_ONE.has(token.lower) || NUMBER_WORDS[token.lower] !== undefined || /ly$/.test(token.lower));
  const occurs =
    (OCCURS.has(body.at(-1)?.lower ?? '') || checkFails) && body.length > 1 && body.length <= 5 && !body.some((token) => NEGATIONS.has(token.lower.replace('’', "'")) || MODALS.has(token.lower));
  const event = namesGraveEvent(clause, body);
  if ((!['any', 'a', 'an', 'one', 'single'].includes(first) && !occurs && !event) || clause.context.kind !== 'rollback') return null;
  // "Any P1 bug (critical)": a bracket after the name may narrow it or rate the trigger; "Any P0 bug in 48 hours": when.
  if (clause.tokens.some((token) => token.text === '(') || body.some((token) => token.kind === 'number')) return null;
  // "Any defect fixed": a fix fires no rollback.
  if (body.some((token) => PASS_VERBS[token.lower] !== undefined && /(?:ed|passing)$/.test(token.lower))) return null;
  // "Any Sev1 incident occurs twice": how often is a count the reading of one occurrence cannot hold.
  if (body.some((token) => ['twice', 'thrice', 'again', 'repeatedly', 'times'].includes(token.lower))) return null;
  const nouns = ['single', 'new'].includes(rest[0]?.lower ?? '') ? rest.slice(1) : ['any', 'a', 'an', 'one', 'single'].includes(first) ? rest : body;
  const failing = ['fail', 'fails'].includes(nouns.at(-1)?.lower ?? '');
  const counted = unoccurred(failing ? nouns.slice(0, -1) : nouns).filter((token) => !words('is are gets get was been').has(token.lower));
  // "Any P1 defect is open": the state says which are counted, before the noun it would otherwise pluralise.
  // A participle ("unresolved") follows its noun as written, and the plural below leaves it be.
  const open = counted.length > 1 && ['open', 'outstanding', 'active', 'remaining'].includes(counted.at(-1)?.lower ?? '') ? counted.at(-1) : undefined;
  const kept = open ? [open, ...counted.slice(0, -1)] : counted;
  // "Any performance degradation", "Any customer impact": a change with no figure, as after "no".
  if (CHANGE_NOUNS.has(headOf(kept))) return { unsure: changeReason(kept) };
  // "Data breaches: any confirmed": a quantifier inside the name leaves no one name to count.
  if (kept.some((token, position) => position > 0 && QUANTIFIERS.has(token.lower))) return null;
  const joined = kept.some((token, position) => token.lower === 'or' && joinsNames(kept, position));
  if (!plain(kept, false, joined ? 12 : 6, joined) || kept.length === 0 || (joined && kept.some((token, position) => token.lower === 'or' && !joinsNames(kept, position)))) return null;
  input.clause.namesJoined = joined;
  // "Any health check fails": failed health checks.
  const metric = `${failing ? 'failed ' : ''}${metricText(kept)}`;
  return single(input, pluralName(metric), '>=', 1, joined ? [`Read "${first} … or …" as one of either.`] : []);
}

// Words that count some of a plural, so "Some conflicts have been resolved" says nothing about the rest.
const PARTIAL = words('some most many several few half both either neither certain other others remaining critical-path majority lots dozens multiple numerous various enough select only');
// Verbs of being done whose "all" a plural alone does not say: "Transactions are approved" is a policy, "Targets are met" names nothing.
const NOT_ALL_DONE = words('approved met signed');
// Words before a plural that say less than all of it, or hope, or when.
const HEDGES = words('all of almost maybe perhaps too sufficient enough mainly sometimes whether expected some');
// What passes: "Grace periods have passed" is time gone by, "Limits are passed" exceeded.
const TESTED = words('tests checks suites scans audits jobs');

/**
 * "User conflicts have been resolved": a plural with no quantifier before a verb of being done, and
 * nothing after it, means all of them; "Payments are approved at 95%" or "Bugs are fixed in the next
 * sprint" say more than that, and are left to the other readers.
 */
function readPluralDone(input: Words): ClauseResult | null {
  const { clause, first, body } = input;
  if (QUANTIFYING.has(first) || PARTIAL.has(first) || clause.context.kind !== 'exit') return null;
  if (clause.window || clause.period || clause.sequence || clause.percentile || clause.leftover().length > 0) return null;
  const verbAt = body.length - 1;
  const verb = body[verbAt]?.lower ?? '';
  if (PASS_VERBS[verb] === undefined || NOT_ALL_DONE.has(verb)) return null;
  const been = body[verbAt - 1]?.lower === 'been' && ['have', 'has'].includes(body[verbAt - 2]?.lower ?? '');
  // "Regression tests have passed": "have" alone before a verb that ends in -ed.
  const auxiliary = been ? 2 : ['are', 'were'].includes(body[verbAt - 1]?.lower ?? '') || (body[verbAt - 1]?.lower === 'have' && verb.endsWith('ed')) ? 1 : 0;
  const subject = body.slice(0, verbAt - auxiliary);
  const last = subject.at(-1)?.lower ?? '';
  if (auxiliary === 0 || !WORK_ITEMS.has(last) || (PASS_VERBS[verb] === 'failing' && !TESTED.has(last))) return null;
  // The subject is a short name of a work item, with nothing that hedges, counts some, or sets a condition ("Almost all",
  // "Hopefully", "Once", "Nine of ten issues"), and no aside after it: "The system will proceed … if thresholds are met" is a sentence.
  const qualified = (token: Token) => token.kind === 'number' || NUMBER_WORDS[token.lower] !== undefined || /ly$/.test(token.lower) || CONDITIONS.has(token.lower) || HEDGES.has(token.lower);
  const named = subject.length <= 3 && !subject.some(qualified) && !clause.tokens.some((token) => token.text === '(');
  if (!named || !plain(subject) || phrase(subject).length < subject.length) return null;
  return readAll({ ...input, rest: body }, `… ${join(body.slice(verbAt - auxiliary, verbAt))} `);
}

/** "All smoke tests pass", "All P1 defects closed": nothing left failing or open. `implied`: how a plural said "all" instead. */
function readAll(input: Words, implied?: string): ClauseResult | null {
  const { first, rest } = input;
  if (first !== 'all' && first !== 'every' && implied === undefined) return null;
  const lead = implied ?? `${first} … `;
  // "All defects fixed" under the triggers fires when all is well.
  if (input.clause.context.kind === 'rollback')
    return { unsure: `"${first} … " says what must hold, which is an exit criterion; under the triggers write what fires the rollback, such as "failing tests ≥ 1"` };
  const verbAt = rest.findIndex((token) => PASS_VERBS[token.lower] !== undefined);
  // "All RC criteria continue to pass": they pass still.
  const still = verbAt > 2 && rest[verbAt - 1]?.lower === 'to' && ['continue', 'continues'].includes(rest[verbAt - 2]?.lower ?? '') ? 2 : 0;
  const nouns = phrase(rest.slice(0, Math.max(0, verbAt - still)).filter((token) => !words('are is have has been be').has(token.lower)));
  // What follows the verb may only qualify it ("with the feature enabled"), not add a second claim ("and no new bugs").
  const after = ['off', 'out', 'up', 'through'].includes(rest[verbAt + 1]?.lower ?? '') ? rest[verbAt + 2] : rest[verbAt + 1];
  const second = after && (['and', 'or', 'but', 'without'].includes(after.lower) || rest[rest.indexOf(after) + 1]?.lower === 'no');
  // "All tests pass at 95%", "… in 9 of 10 runs", "… if the flag is on": a figure or a condition after the verb says more than all.
  // "… fixed by 1.1-RC1" names when, not how many.
  const figured = (token: Token, index: number) => token.kind === 'number' && rest[verbAt + index]?.lower !== 'by';
  if (rest.slice(verbAt + 1).some((token, index) => figured(token, index) || CONDITIONS.has(token.lower))) return null;
  if (verbAt <= 0 || !plain(nouns, true) || (after && (!EDGES.has(after.lower) || second))) return null;
  for (const token of rest.slice(verbAt - still, verbAt)) input.clause.placeToken(token, 'filler');
  const verb = rest[verbAt]?.lower ?? '';
  const state = PASS_VERBS[verb] ?? 'failing';
  const noun = metricText(nouns).replace(/(\w+)$/, (word) => (first === 'every' && !word.endsWith('s') ? `${word}s` : word));
  // "All e2e tests pass with the feature enabled": the qualifier stays with what is counted.
  const qualifier = after ? join(rest.slice(rest.indexOf(after))) : '';
  const counted = `${state} ${noun}${qualifier ? ` ${qualifier}` : ''}`;
  return single(input, counted, '=', 0, [`Read "${lead}${verb}" as no ${counted}.`]);
}

/** Criteria without a number: "any data corruption", "no P1 defects", "all smoke tests pass", "two consecutive failed checks". */
export function readQuantifier(clause: Clause): ClauseResult {
  const view = clause.free();
  const body = view.filter((token, index) => !clause.used[index] && token.kind !== 'symbol');
  if (body[0]?.kind === 'number' && body[0].text === '0') clause.placeToken(body[0], 'quantity');
  const input: Words = { clause, view, body, first: body[0]?.lower ?? '', rest: body.slice(1) };
  // "No", "any", "all", "every": the quantifier is the comparison.
  if (QUANTIFYING.has(input.first)) clause.placeToken(body[0], 'comparison');
  // "Two consecutive failed health checks": the sequence is the count.
  // "0 P0 bugs on 3 consecutive days": with a figure of its own, the run is no count; nor is a run that only qualifies
  // the clause ("Any P0 bug on 2 consecutive days"): the run counts only where it opens the bullet.
  const opening = clause.tokens.findIndex((token) => token.kind !== 'symbol');
  const led = clause.sequence !== null && (['for', 'on', 'in', 'over'].includes(clause.tokens[clause.sequence.start]?.lower ?? '') || clause.sequence.start > opening);
  const sequence = clause.sequence && !led && plain(body) && !body.some((token) => token.kind === 'number') ? metricText(unoccurred(body)) : '';
  if (sequence && clause.sequence) return single(input, sequence, '>=', clause.sequence.value.count);
  // Found before a reading marks every word used; it refuses only a reading, so a bullet with none stays without one.
  const claim = QUANTIFYING.has(input.first) || input.first === '0' ? secondClaim(clause, view, body) : null;
  const read = readNone(input) ?? readHasNone(input) ?? readAny(input) ?? readAll(input) ?? readPluralDone(input);
  if (read && claim && 'criteria' in read) return { unsure: claim };
  // "| Zero incidentes SEV1 | 0 | Canal de suporte |": a table's cells are no one noun phrase to count.
  if (read && 'criteria' in read && view.some((token) => token.text === '|')) return { unsure: 'its words come from table cells, which a count cannot join; write the criterion as one sentence' };
  if (read) return read;
  // "Refund errors none": a count of zero written after its metric.
  const zero = body.findIndex((token) => ['zero', 'none', 'nil'].includes(token.lower));
  if (zero > 0 && zero === body.length - 1 && plain(body.slice(0, zero))) return single(input, metricText(body.slice(0, zero)), '=', 0);
  const numbers = clause.leftover();
  if (numbers.length > 0)
    return { unsure: `the ${numbers.length === 1 ? 'number' : 'numbers'} ${numbers.map((token) => `\`${token.text}\``).join(', ')} ${numbers.length === 1 ? 'has' : 'have'} no comparison` };
  return { none: true };
}
