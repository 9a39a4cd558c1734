/** Takes off what only frames a criterion: list markers, emoji, "Roll back if", "Trigger:", a consequence, a comment, other table columns. */

import { compares, comparisonAt } from '../finders/comparison.ts';
import {
  BAD_STATES,
  CONDITIONS,
  CONSEQUENCE_OBJECTS,
  CONSEQUENCE_STATES,
  CONSEQUENCES,
  GO_DECISIONS,
  GO_LEADS,
  GOOD_STATES,
  HEADINGS,
  LEAD,
  NEGATIONS,
  ROLLBACK_LEADS,
  SIGNIFICANT,
  STOP_DECISIONS,
  SYMBOL_COMPARATORS,
  words,
} from '../lexicon.ts';
import { CATEGORIES, ROLLING, SELF_NAMED, TELLING } from '../lexicon-counts.ts';
import type { WordRun } from '../reading.ts';
import type { Token } from '../tokenize.ts';
import { unitOf } from '../units.ts';
import { withoutEmphasis } from './emphasis.ts';
import { explanationAt } from './explanation.ts';

/** Whether words the frame would cut off say something of the criterion: a number, a condition, a negation, "only". */
function carriesMeaning(tokens: readonly Token[]): boolean {
  return tokens.some(
    (token) =>
      token.kind === 'number' || CONDITIONS.has(token.lower) || SIGNIFICANT.has(token.lower) || NEGATIONS.has(token.lower) || REPEATS.has(token.lower) || SYMBOL_COMPARATORS[token.text] !== undefined,
  );
}

// A table row's columns after the threshold that only route it: severity, channel, action. "| p99 |" or "| EU region |" narrow it.
const ROUTING = words(
  'p0 p1 p2 p3 p4 sev1 sev2 sev3 sev4 sev critical high medium low major minor pagerduty slack email e-mail sms page pager opsgenie jira ticket teams phone rollback roll back halt pause stop alert notify escalate warn warning automatic auto manual on-call oncall yes',
);

// Words that make an outcome wait for the condition to come back: "→ roll back on second occurrence", "twice in a day".
const REPEATS = words('first second third fourth fifth twice thrice once occurrence occurrences again repeat repeated repeats consecutive discretion optional');

/** The tokens the frame took off: before the criterion ("Roll back if") and after it ("→ halt", other columns). */
export function frameWords(written: readonly Token[], kept: readonly Token[]): { lead: Token[]; after: Token[] } {
  const first = kept[0]?.start ?? Number.POSITIVE_INFINITY;
  const last = kept.at(-1)?.end ?? Number.NEGATIVE_INFINITY;
  return { lead: written.filter((token) => token.end <= first), after: written.filter((token) => token.start >= last) };
}

/**
 * Why the words that lead a bullet do not fit its list: "Roll back if …" under the exit criteria, "Go
 * if …" or "Target:" under the rollback triggers, or a lead that negates ("Don't proceed if …").
 */
export function leadProblem(written: readonly Token[], kept: readonly Token[], kind: 'exit' | 'rollback'): string | null {
  const cut = frameWords(written, kept);
  const lead = cut.lead.filter((token) => token.kind === 'word');
  const after = cut.after.filter((token) => token.kind === 'word');
  const shown = lead.map((token) => token.text).join(' ');
  if (lead.some((token) => NEGATIONS.has(token.lower.replace('’', "'"))))
    return `it starts with \`${shown}\`, which turns the criterion round; write the condition that must hold, or that fires the rollback`;
  if (kind === 'exit' && lead.some((token) => ROLLBACK_LEADS.has(token.lower)))
    return `it starts with \`${shown}\`, which makes it a rollback trigger; move it under the rollback triggers, or write the condition that must hold`;
  // "Error rate above 1% → no-go" under the exit criteria states the failure, not what must hold.
  // ", page the on-call" tells someone; without a word that rolls back, it is no trigger.
  const tells = after.some((token) => TELLING.has(token.lower)) && !after.some((token) => rolls(token.lower));
  if (kind === 'rollback' && (tells || after.some((token) => ['warning', 'warn', 'investigate', 'monitor', 'watch', 'notify', 'review'].includes(token.lower))))
    return `it ends with \`${after.map((token) => token.text).join(' ')}\`, which does not roll back; move it out of the rollback triggers, or end it with the rollback`;
  // "Page:", "Alert:" under the triggers and "Track:", "Monitor:" in either list: a label that tells someone or watches,
  // as the same words after the threshold do. Without a colon ("Monitor error rate (target < 1%)") they lead the name.
  const label = cut.lead.at(-1)?.text === ':' && lead.length > 0 ? lead.map((token) => token.lower) : [];
  if (kind === 'rollback' && label.length > 0 && label.every((word) => ALERTING.has(word)))
    return `it starts with \`${shown}\`, which does not roll back; move it out of the rollback triggers, or say the rollback`;
  if (label.length > 0 && label.every((word) => WATCHING_LEADS.has(word)))
    return `it starts with \`${shown}\`, which watches the figure and decides nothing; move it out of the list, or drop the word`;
  if (kind === 'exit' && after.some((token) => ROLLBACK_LEADS.has(token.lower)))
    return `it ends with \`${after.map((token) => token.text).join(' ')}\`, which makes it a rollback trigger; move it under the rollback triggers, or write the condition that must hold`;
  if (kind === 'rollback' && lead.some((token) => GO_LEADS.has(token.lower) || IMPERATIVES.has(token.lower)))
    return `it starts with \`${shown}\`, which makes it an exit criterion; move it under the exit criteria, or write the condition that fires the rollback`;
  return ['→', '='].includes(cut.after[0]?.text ?? '') ? outcomeProblem(after, kind) : null;
}

/**
 * Why the outcome after "→" or "=" does not fit the list: under the exit criteria it must say the
 * criterion is met ("→ go"), under the triggers that it rolls back ("= pause"). "< 80% → adoption issues
 * need addressing" under the exit criteria states a failure; read as what must hold, it would turn round.
 */
function outcomeProblem(after: readonly Token[], kind: 'exit' | 'rollback'): string | null {
  const lower = after.map((token) => token.lower);
  const going = lower.some((word) => GO_DECISIONS.has(word) || GO_LEADS.has(word) || GOOD_STATES.has(word) || ['met', 'ready', 'pass', 'passes', 'passed'].includes(word));
  // "→ page the on-call", "→ escalate to CISO" tell someone, which is no rollback: under the triggers they do not count.
  const stopping = kind === 'rollback' && lower.some((word) => TELLING.has(word)) ? lower.some(rolls) : lower.some(stops);
  const shown = after.map((token) => token.text).join(' ');
  if (kind === 'exit' && (!going || stopping))
    return `it ends with \`${shown}\`, which does not say the criterion is met; write the condition that must hold, or move a failing state under the rollback triggers`;
  if (kind === 'rollback' && (!stopping || going)) return `it ends with \`${shown}\`, which does not roll back; end it with the rollback, or move it out of the rollback triggers`;
  return null;
}

/** A dash that separates, not one inside a word: "—", "–", or a spaced "-". */
const isDash = (token: Token | undefined) => token !== undefined && (['—', '–'].includes(token.text) || (token.text === '-' && token.spaced));

// "Page:" and "Alert:" call someone; "Track:" and "Watch:" watch.
const ALERTING = new Set(['alert', 'alerts', 'page', 'pages', 'paging']);
const WATCHING_LEADS = new Set(['track', 'watch', 'monitor', 'observe']);

/** Whether a word after a threshold stops the rollout or says it fails: "roll back", "halt", "page", "Red". */
const stops = (word: string) => ROLLBACK_LEADS.has(word) || STOP_DECISIONS.has(word) || CONSEQUENCES.has(word) || BAD_STATES.has(word);
/** Whether a word after a threshold rolls back or stops the rollout, beside one that tells someone: "page on-call; release reverted". */
const rolls = (word: string) =>
  !TELLING.has(word) && !['then', 'critical', 'high', 'low'].includes(word) && (ROLLBACK_LEADS.has(word) || STOP_DECISIONS.has(word) || CONSEQUENCE_STATES.has(word) || ROLLING.has(word));

/** Whether an "=" gives an outcome after a threshold already stated: "< 80% = adoption issues", "below 4.0 = pause". */
function outcomeSign(tokens: readonly Token[], start: number, index: number): boolean {
  const before = tokens.slice(start, index);
  return tokens[index]?.text === '=' && tokens[index + 1]?.kind === 'word' && before.some((token) => token.kind === 'number') && before.some(compares);
}

/**
 * Where what to do after the condition starts ("…, roll back", "→ halt"), or `end`: never a second
 * threshold or a condition ("…, then ≥ 60% by month 3"). "→ extend 1 week" may say how long.
 */
function consequenceAt(tokens: readonly Token[], start: number, end: number): number {
  // "Data breach — rollback within 1 hour": a dash may lead to what to do too.
  // "…: deployment freeze", "…, deployment blocked": what it acts on may come first. "p99 < 10 ms — block storage":
  // after a dash, only a word that rolls back leads to what to do.
  const acts = (index: number) => {
    if (isDash(tokens[index])) return rolls(tokens[index + 1]?.lower ?? '');
    const [first, second] = [tokens[index + 1], tokens[index + 2]];
    // ", rollback failed", ", pages slow": a state after the word is a second claim, not what to do.
    if (second && FAILING.has(second.lower) && CONSEQUENCES.has(first?.lower ?? '')) return false;
    return CONSEQUENCES.has(first?.lower ?? '') || (CONSEQUENCE_OBJECTS.has(first?.lower ?? '') && CONSEQUENCE_STATES.has(second?.lower ?? ''));
  };
  const consequence = tokens.findIndex(
    (token, index) => index > start && (token.text === '→' || outcomeSign(tokens, start, index) || ((token.text === ',' || token.text === ':' || isDash(token)) && acts(index))),
  );
  if (consequence <= 0) return end;
  const outcome = tokens.slice(consequence + 1, end);
  // The verb, up to two words of what it acts on ("extend pilot"), then "for" or "by", then the time: nothing else.
  const number = outcome.findIndex((token) => token.kind === 'number');
  const object = outcome.slice(1, number).filter((token) => !['for', 'by'].includes(token.lower));
  const decided =
    (['→', '=', ':'].includes(tokens[consequence]?.text ?? '') || isDash(tokens[consequence])) &&
    STOP_DECISIONS.has(outcome[0]?.lower ?? '') &&
    number > 0 &&
    number === outcome.length - 2 &&
    unitOf(outcome[number + 1]?.lower ?? '') !== null &&
    object.length <= 2 &&
    object.every((token) => token.kind === 'word' && !carriesMeaning([token]));
  // The time's unit goes with its number: "min" is a statistic elsewhere.
  return carriesMeaning(decided ? outcome.filter((_, at) => at !== number && at !== number + 1) : outcome) ? end : consequence;
}

// States that make the words after a comma a claim: ", rollback failed", ", halt fails", ", pages slow".
const FAILING = words('failed fails failing blocked slow broken down unavailable stuck errors erroring timing timed');

// Verbs that open a criterion as an instruction to see it hold.
const IMPERATIVES = words('ensure monitor track report verify confirm');

/**
 * Where a criterion starts after a quality that heads it with a dash ("Adoption — Error rate < 1%"), and a numbered
 * heading before that ("Goal 2: Stability — Crash rate < 0.5%"): only before a capital that starts a name of its own,
 * a rate or a time, since "Adoption — nurses ≥ 80%" or "Availability — checkout service ≥ 99.95%" measure the quality.
 */
function afterCategory(tokens: readonly Token[], start: number): number {
  const numbered = HEADINGS.has(tokens[start]?.lower ?? '') && tokens[start + 1]?.kind === 'number' && tokens[start + 2]?.text === ':';
  const at = numbered ? start + 3 : start;
  if (!CATEGORIES.has(tokens[at]?.lower ?? '') || !isDash(tokens[at + 1])) return start;
  let end = at + 2;
  while (tokens[end]?.kind === 'word' && comparisonAt(tokens, end) === null) end++;
  const name = tokens.slice(at + 2, end);
  const named = name.length >= 2 && /^[A-Z][a-z]/.test(name[0]?.text ?? '') && SELF_NAMED.has(name.at(-1)?.lower ?? '');
  return named ? at + 2 : start;
}

/** Drops what only frames a criterion: bullets, checkboxes, emoji, "Roll back if", "Trigger:", "Metric name:". */
export function stripFrame(written: Token[]): Token[] {
  const tokens = withoutEmphasis(written);
  let start = 0;
  const opening = (token: Token | undefined) => token?.kind === 'symbol' && !SYMBOL_COMPARATORS[token.text] && !['$', '€', '£', '¥', '₹', '±', '~', '(', '/', '%'].includes(token.text);
  while (start < tokens.length && opening(tokens[start])) start++;
  // "[ ]", "[x]", "(a)", "1." list markers.
  if (tokens[start]?.text === '(' && tokens[start + 2]?.text === ')' && (tokens[start + 1]?.text.length ?? 0) <= 2) start += 3;
  if (tokens[start]?.lower === 'x' && tokens[start + 1]?.text === ']') start += 2;
  if (tokens[start]?.kind === 'number' && tokens[start + 1]?.text === '.' && tokens[start + 2]?.spaced) start += 2;
  // "Roll back immediately if", "Rollback is triggered when", "Trigger:", "Go if", "Metric name:", "If", "When".
  let at = start;
  while (at < Math.min(tokens.length, start + 7) && LEAD.has(tokens[at]?.lower ?? '')) at++;
  const link = tokens[at];
  // "STOP se:", "Rollback si", "Parar quando": "if" and "when" in Italian, Spanish, Portuguese, French and German.
  const linked = ['if', 'when', 'whenever', 'on', 'once', 'after', 'upon', 'should', 'is', 'se', 'si', 'quando', 'cuando', 'wenn', 'falls'].includes(link?.lower ?? '');
  if (at > start && link && (linked || [':', '–', '—', '-'].includes(link.text))) start = at + (linked && tokens[at + 1]?.text === ':' ? 2 : 1);
  if (['if', 'when', 'whenever', 'once'].includes(tokens[start]?.lower ?? '')) start++;
  // "There are zero critical defects", "There must be no P1 defects": the opening says only that what follows holds.
  if (tokens[start]?.lower === 'there') {
    const verb = ['must', 'should', 'will', 'shall'].includes(tokens[start + 1]?.lower ?? '') ? start + 2 : start + 1;
    if (['is', 'are', 'be', 'was', 'were'].includes(tokens[verb]?.lower ?? '')) start = verb + 1;
  }
  start = afterCategory(tokens, start);
  // "Ensure 90%+ pass rate", "Ensure that uptime ≥ 99.9%": the imperative says only that what follows must hold.
  // "Ensure System Stability - Maintain 99.9%+ uptime" is a heading, not an imperative: it stays.
  // "Ensure: error rate < 1%", "Monitor error rate (target < 1%)", "Track no-show rate": the verb says only that it must hold.
  const headed = tokens.slice(start + 2).some((token) => token.text === ':' || (['-', '—', '–'].includes(token.text) && token.spaced));
  // "Track record ≥ 95%" names a record: "monitor" and "track" open an instruction only before a target in brackets.
  const targeted = tokens.some((token, index) => token.text === '(' && ['target', 'goal', 'threshold'].includes(tokens[index + 1]?.lower ?? ''));
  const imperative = tokens[start]?.lower === 'ensure' || (IMPERATIVES.has(tokens[start]?.lower ?? '') && (targeted || tokens[start + 1]?.text === ':'));
  if (imperative && !headed && tokens.length > start + 2) start += ['that', ':'].includes(tokens[start + 1]?.lower ?? '') ? 2 : 1;
  // "Fast burn alert (1h window): Page if burn rate > 14.4x": a lead-in after the label.
  const leadIn = tokens.findIndex(
    (token, index) =>
      index > start &&
      ['if', 'when', 'whenever'].includes(token.lower) &&
      LEAD.has(tokens[index - 1]?.lower ?? '') &&
      !['is', 'are', 'be', 'the', 'of', 'all', 'following'].includes(tokens[index - 1]?.lower ?? ''),
  );
  if (leadIn > 0 && leadIn < tokens.length / 2) start = leadIn + 1;
  // A code comment ("// http errors should be less than 1%") repeats or explains; it is not the criterion.
  const comment = tokens.findIndex(
    (token, index) =>
      index > start &&
      ((token.text === '/' && tokens[index + 1]?.text === '/' && !tokens[index + 1]?.spaced) ||
        (token.text === '#' && token.spaced && tokens[index + 1]?.spaced && tokens.slice(start, index).some((each) => each.kind === 'number'))),
  );
  let end = comment > start ? comment : tokens.length;
  while (end > start && ['.', ';', '!', ',', '…', ':'].includes(tokens[end - 1]?.text ?? '')) end--;
  end = Math.min(end, consequenceAt(tokens, start, end), explanationAt(tokens, start, end));
  // A table row: the cells after the one that holds the threshold are other columns (severity, channel).
  if (tokens[start]?.text === '|' || tokens[start - 1]?.text === '|') {
    const number = tokens.findIndex((token, index) => index >= start && token.kind === 'number');
    const bar = number < 0 ? -1 : tokens.findIndex((token, index) => index > number && token.text === '|');
    const routing = tokens.slice(bar).every((token) => token.kind === 'symbol' || ROUTING.has(token.lower));
    if (bar > 0 && routing && !carriesMeaning(tokens.slice(bar))) end = Math.min(end, bar);
  }
  return tokens.slice(start, end);
}

/** The words the frame took off before and after the criterion ("Roll back if", ", then page"), as runs for `--explain`. */
export function framing(written: readonly Token[], kept: readonly Token[]): WordRun[] {
  const cut = frameWords(written, kept);
  const text = (list: readonly Token[]) =>
    list
      .filter((token) => token.kind === 'word' || token.kind === 'code')
      .map((token) => token.text)
      .join(' ');
  const lead = text(cut.lead);
  const after = text(cut.after);
  return [...(lead ? [{ text: lead, part: 'lead' as const }] : []), ...(after ? [{ text: after, part: 'told' as const }] : [])];
}
