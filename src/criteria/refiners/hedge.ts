/** Why a bullet cannot gate as written, whatever its reading: a hedge, a question, a clock time, a tolerance either side. */
import { APPROXIMATE, NOT_GATING, NOT_GATING_PHRASES, NUMBER_WORDS, SYMBOL_COMPARATORS, words } from '../lexicon.ts';
import { IN_A_ROW, TRIGGER_FIGURE_PERIODS } from '../lexicon-counts.ts';
import { joinTokens as join } from '../metric-text.ts';
import { unitAt } from '../quantity.ts';
import type { Token } from '../tokenize.ts';
import { CURRENCY_SIGNS, isTimeUnit, unitOf } from '../units.ts';
import { foreignFigure } from './foreign-figure.ts';
import { signedChangeAt } from './signed-change.ts';

// Words that say a level lasts, in English, Spanish and Portuguese.
const LASTING = words(
  'sustained constant constantly persistent persistently persisting persists lasting continuously continually consistently maintained steady steadily non-stop nonstop ongoing throughout permanently prolonged chronic constante constantes sostenido sostenida sostenidos contínuo contínua continuo continua anhaltend dauerhaft soutenue',
);
// Under the triggers, these say it lasts too: "Error rate stays above 2%", "> 2% consistently", "Sustained error rate > 2%".
const LASTING_TRIGGER = words(
  'remains remain stays stay holds still consistently steady steadily repeatedly recurring sustained prolonged chronic persistent persistently continuously transient blip stable stuck lingers lingering',
);
// Words of a comparison in words, after which a word of lasting says how the level holds.
const COMPARED = words('above below over under exceeds exceed than');
// Words that add figures up: a sum held "for" a time is no hold.
const SUMS = words('cumulative cumulatively accumulated total totals totalling totaling altogether aggregate sum combined summed');
// Any word the pass over lasting and sums looks for ("in total" has "total").
const LASTING_OR_SUMS: ReadonlySet<string> = new Set([...LASTING, ...LASTING_TRIGGER, ...SUMS, 'overall', 'all', 'average', 'averaged', 'avg', 'mean']);
// Words before a span of months: "over 12 months", "for 3 months", "over the next 12 months".
const SPAN_LINKS = words('over in during across throughout last past first next for');
// Words of a comparison an approximation may stand beside as well as a figure: "approximately more than 3%".
const NEAR_WORDS = words('more less fewer over under above below');
// A figure in digits or in words: "0 errors", "Zero errors", "No errors".
const figured = (token: Token) => token.kind === 'number' || NUMBER_WORDS[token.lower] !== undefined || ['no', 'none'].includes(token.lower);

/**
 * Why a bullet cannot gate as written: it says it does not gate ("(stretch goal)", "Waived:", "warn only"), hedges
 * its number ("about 1%", "approximately more than 3%"), asks a question, marks the failing state in the exit list
 * (❌), gives a clock time or a compound duration the reader has no part for ("1h30"), or a figure no reading holds.
 */
export function hedge(written: readonly Token[], kind: 'exit' | 'rollback'): string | null {
  if (!written.some((token) => token.kind === 'number')) return written.some(figured) ? endingProblem(written) : null;
  const near = (index: number) => [written[index - 1], written[index + 1]].some((token) => token?.kind === 'number' || token?.text === '%' || NEAR_WORDS.has(token?.lower ?? ''));
  const word = written.find((token, index) => NOT_GATING.has(token.lower) || (APPROXIMATE.has(token.lower) && near(index)));
  const at = (index: number) => PHRASES_BY_FIRST.get(written[index]?.lower ?? '')?.find((words) => words.every((each, offset) => written[index + offset]?.lower === each));
  const phrase = written.map((_, index) => at(index)).find((found) => found !== undefined);
  const said = word?.text ?? phrase?.join(' ');
  if (said) return `it says \`${said}\`: a criterion that does not gate, or whose number is a hope or an approximation, is no threshold; drop the word, or move the bullet out of the list`;
  if (written.at(-1)?.text === '?') return 'it asks a question; write the threshold as a statement';
  if (kind === 'exit' && written.some((token) => ['❌', '✗', '✘', '⛔'].includes(token.text)))
    return 'it is marked as failing (❌), which makes it a rollback trigger; move it, or write the condition that must hold';
  const clock = written.findIndex(
    (token, index) => token.kind === 'number' && written[index + 1]?.text === ':' && !written[index + 1]?.spaced && written[index + 2]?.kind === 'number' && !written[index + 2]?.spaced,
  );
  if (clock >= 0) return `\`${written[clock]?.text}:${written[clock + 2]?.text}\` is a clock time or a compound duration the reader cannot compare; write the limit in one unit`;
  // "1.000 per day": a point before three zeros is a thousands separator in much of Europe.
  const grouped = written.find((token) => token.kind === 'number' && /^[1-9]\d{0,2}\.\d{3}$/.test(token.text));
  if (grouped) return `\`${grouped.text}\` could be a decimal or a thousand; write it as \`${grouped.text.replace('.', ',')}\` or with fewer decimals`;
  // "Error rate < 0.5%, 5 min": a bare length after the threshold may be how long it must hold or what it is measured over.
  const length = written.findIndex((token, index) => written[index - 1]?.text === ',' && token.kind === 'number' && bareLength(written, index) !== null);
  if (length > 0) {
    const shown = join(written.slice(length, bareLength(written, length) ?? undefined));
    return `\`${shown}\` after the threshold may be how long it must hold or what it is measured over; write "for ${shown}" or "over ${shown}"`;
  }
  const lasts = lastingProblem(written, kind);
  if (lasts) return lasts;
  // "Queue depth > 1,000 for 2 consecutive days" under the triggers: held throughout, or each day's figure? A hold fires
  // later than a day's figure would; an exit criterion keeps the stricter hold.
  const run = (kind === 'rollback' ? written : []).findIndex(
    (token, index) =>
      ['for', 'over', 'during'].includes(token.lower) &&
      (written[index + 1]?.kind === 'number' || NUMBER_WORDS[written[index + 1]?.lower ?? ''] !== undefined) &&
      IN_A_ROW.has(written[index + (written[index + 2]?.text === '+' ? 3 : 2)]?.lower ?? ''),
  );
  // "for 3 consecutive business days": the period is the noun after "business" or "working".
  const after = run + (written[run + 2]?.text === '+' ? 4 : 3);
  const period = written[after + (['business', 'working', 'school', 'calendar'].includes(written[after]?.lower ?? '') ? 1 : 0)]?.lower ?? '';
  if (run >= 0 && TRIGGER_FIGURE_PERIODS.test(period))
    return `\`${written[run]?.lower} ${written[run + 1]?.text} consecutive ${period}\` may hold the level throughout or count each ${period.replace(/s$/, '')}'s figure; write "for ${written[run + 1]?.text} ${period}" or "on ${written[run + 1]?.text} consecutive ${period}"`;
  // "YES Technical team available": a checklist's answer before the criterion, not a part of it.
  const opening = written.findIndex((token) => token.kind === 'word');
  const answer = written[opening]?.text ?? '';
  const marked = /^(?:yes|no|sí|si|oui|non|ja|nein)$/i.test(answer) && ['-', ':', '–', '—', '/'].includes(written[opening + 1]?.text ?? '');
  const last = written.findLastIndex((token) => token.kind === 'word');
  const closing = written[last]?.text ?? '';
  const bracketed = written[last - 1]?.text === '(' && /^(?:yes|no)$/i.test(closing);
  if ((/^(?:YES|NO|OUI|NON|SÍ)$/.test(closing) || bracketed) && written.length > 2) return `it ends with an answer (\`${closing}\`), which belongs to a checklist; write the criterion alone`;
  if (opening <= 2 && (marked || /^(?:YES|NO|Y|N|SÍ|SI|OUI|NON|JA|NEIN)$/.test(answer)) && written.slice(opening + 1).some((token) => token.kind === 'word'))
    return `it starts with an answer (\`${answer}\`), which belongs to a checklist; write the criterion alone`;
  const figure = figureProblem(written, kind);
  if (figure) return figure;
  const compound = written.find((token) => /^(?:[hms]\d+[hms]?|\d+[hm]\d+[ms]?)$/i.test(token.text));
  if (compound) return `\`${compound.text}\` is a compound duration the reader cannot compare; write the limit in one unit, such as \`90 minutes\``;
  return null;
}

// The phrases that say a bullet does not gate, by their first word: one pass over the bullet finds them all.
const PHRASES_BY_FIRST = new Map<string, Array<readonly string[]>>();
for (const words of NOT_GATING_PHRASES) PHRASES_BY_FIRST.set(words[0] ?? '', [...(PHRASES_BY_FIRST.get(words[0] ?? '') ?? []), words]);

/**
 * "> 2% for >10 minutes (cumulative)", "Total errors > 500 for 10 minutes": a sum, where a hold counts minutes in a row;
 * "> 200 overall for 10 minutes" adds up, where "Overall error rate" names the pooled rate. "Error rate > 2% sustained",
 * "> 2s constante": it must last, but the bullet says not how long; before the figure it may be an adjective
 * ("Persistent absence"). One pass over the words.
 */
function lastingProblem(written: readonly Token[], kind: 'exit' | 'rollback'): string | null {
  // Most bullets hold none of these words: one look each, before the pass that weighs them.
  if (!written.some((token) => LASTING_OR_SUMS.has(token.lower))) return null;
  let held = false;
  let summed: Token | undefined;
  let figure = false;
  let lasting = -1;
  let triggerLasting = -1;
  let depth = 0;
  let consistent = -1;
  for (let index = 0; index < written.length; index++) {
    const token = written[index] as Token;
    const before = written[index - 1];
    if (token.lower === 'for' && (written[index + 1]?.kind === 'number' || written[index + 2]?.kind === 'number')) held = true;
    if (SUMS.has(token.lower) || (token.lower === 'in' && written[index + 1]?.lower === 'total') || (token.lower === 'overall' && (before?.kind === 'number' || before?.text === '%')))
      summed ??= token;
    // "> 2% all day": the whole day, held or the day's figure.
    const allDay = token.lower === 'all' && ['day', 'night', 'week', 'weekend', 'month'].includes(written[index + 1]?.lower ?? '');
    // "(teachers use it consistently)": in brackets the word explains; it does not set how the threshold holds.
    depth += token.text === '(' ? 1 : token.text === ')' ? -1 : 0;
    // "Error rate consistently < 1%": before the comparison too, each figure or the pilot's.
    if (token.lower === 'consistently' && kind === 'exit' && !figure && depth <= 0) consistent = index;
    if (lasting < 0 && depth <= 0 && (figure || endsHeld(written, index)) && (LASTING.has(token.lower) || allDay)) lasting = index;
    if (kind === 'rollback' && LASTING_TRIGGER.has(token.lower)) triggerLasting = index;
    // After a comparison, the word says how the level holds; before it, it may name the metric ("Persistent absence").
    if (SYMBOL_COMPARATORS[token.text] !== undefined || COMPARED.has(token.lower)) figure = true;
  }
  // "Wait time above 4 hours on average for a day": an average over a span, where "for" holds a level throughout.
  const averaged = written.find((token) => ['average', 'averaged', 'avg', 'mean'].includes(token.lower));
  const heldSpan = held || written.some((token, index) => token.lower === 'for' && ['a', 'an', 'one', 'the'].includes(written[index + 1]?.lower ?? ''));
  if (averaged && heldSpan) return `\`${averaged.text}\` takes a figure over a span, where "for" holds a level throughout; write the span with "over", such as "… over 1 day"`;
  if (summed && held)
    return `\`${summed.lower === 'in' ? 'in total' : summed.text}\` adds up over a span, where "for" holds a level throughout; write the span with "over", such as "… over 10 minutes", or the time above the level as a metric of its own`;
  // "sustained 15 minutes", "persisting for 10 min": the length follows the word. Under the triggers "stays above 2%"
  // or "(not a blip)" asks for a length however a figure follows.
  const lengthAfter = (at: number) => {
    const from = at + (['for', 'over'].includes(written[at + 1]?.lower ?? '') ? 2 : 1);
    return written[from]?.kind === 'number' && isTimeUnit(unitOf(written[from + 1]?.lower ?? ''));
  };
  if (consistent >= 0 && !held) lasting = consistent;
  else if (triggerLasting >= 0 && !held && !lengthAfter(triggerLasting)) lasting = triggerLasting;
  else if (lasting >= 0 && (held || lengthAfter(lasting) || written.slice(lasting + 1, lasting + 4).some((token) => token.kind === 'number'))) lasting = -1;
  return lasting >= 0 ? mustLast(written[lasting]?.lower === 'all' ? `all ${written[lasting + 1]?.lower}` : (written[lasting]?.text ?? '')) : null;
}

// Words that, ending a bullet after its figure, say the figure must hold: "0 errors maintained".
const HELD_AT_END = words('maintained sustained consistently');

/**
 * "Error rate 1% maintained": the last word says how the figure holds, as after a comparison. Of none at all ("0 errors
 * maintained") it says nothing more: none over the pilot is none on each day of it.
 */
const endsHeld = (written: readonly Token[], index: number) =>
  HELD_AT_END.has(written[index]?.lower ?? '') &&
  written.slice(index + 1).every((after) => after.kind !== 'word') &&
  written.slice(0, index).some(figured) &&
  !written.some((token) => (token.kind === 'number' && token.value === 0) || ['zero', 'no', 'none', 'nil'].includes(token.lower));

/** Why a word of lasting with no length cannot be read: "consistently", "maintained", "all day". */
const mustLast = (said: string) => `\`${said}\` says it must last, but not how long; write the length, such as "for 10 minutes"`;

/** A bullet whose figure is in words ("Zero errors maintained") ends with a word of lasting. */
function endingProblem(written: readonly Token[]): string | null {
  const last = written.findLastIndex((token) => token.kind === 'word');
  return endsHeld(written, last) ? mustLast(written[last]?.text ?? '') : null;
}

/** Where a number and a unit of time at `index` end, when they end the bullet or its part ("…, 5 min"); else null. */
function bareLength(tokens: readonly Token[], index: number): number | null {
  const unit = unitAt(tokens, index + 1);
  return unit !== null && isTimeUnit(unit.unit) && [undefined, ',', ';', '.'].includes(tokens[unit.end]?.text) ? unit.end : null;
}

/** "over two months", "over the quarter": months in words, and a quarter of any count, as a span. */
function wordSpan(written: readonly Token[], index: number): string | null {
  const [token, next] = [written[index] as Token, written[index + 1]];
  if (token.kind !== 'word' || !['months', 'quarter', 'quarters'].includes(next?.lower ?? '') || !SPAN_LINKS.has(written[index - 1]?.lower ?? '')) return null;
  const spans = NUMBER_WORDS[token.lower] ?? (['the', 'a', 'one'].includes(token.lower) ? 1 : undefined);
  if (spans === undefined || (next?.lower === 'months' && spans < 2)) return null;
  return `\`${token.text} ${next?.text}\` as a span has no fixed length; write it in weeks or days, such as \`over 13 weeks\``;
}

/**
 * A figure written so that no one reading holds it, found in one pass: a tolerance either side ("±5%"), "month on month",
 * a signed figure with no comparison ("Conversion: +5%"), two currencies ("$45 NZD"), "25 bps" and "$2MM", "60 pc", and
 * "2.5m" (minutes, millions or metres).
 */
function figureProblem(written: readonly Token[], kind: 'exit' | 'rollback'): string | null {
  for (let index = 0; index < written.length; index++) {
    const token = written[index] as Token;
    const next = written[index + 1];
    if ((token.text === '±' || (token.text === '+' && next?.text === '/' && written[index + 2]?.text === '-')) && written[index - 1]?.lower !== 'within')
      return 'it gives a tolerance either side (`±`), which no one-sided threshold holds; write the band, such as "within ±5% of baseline", or the limit of the error, such as "forecast error ≤ 5%"';
    // "down 10% month on month": a change from the period before, whose baseline no finder reads.
    // "week-on-week", written as one word, is the same change.
    const hyphened = /^(day|week|month|quarter|year)-on-\1$/.exec(token.lower);
    if (hyphened) return `\`${token.text}\` is a change from the ${hyphened[1]} before; write it with its baseline, such as "up by at least 5% compared with the previous ${hyphened[1]}"`;
    if (/^(?:day|week|month|quarter|year)$/.test(token.lower) && ['on', 'over'].includes(next?.lower ?? '') && written[index + 2]?.lower === token.lower)
      return `\`${token.text} ${next?.text} ${token.text}\` is a change from the ${token.lower} before; write it with its baseline, such as "down by at least 10% compared with the previous ${token.lower}"`;
    const spanned = next !== undefined && (next.lower === 'months' || next.lower === 'quarter' || next.lower === 'quarters') ? wordSpan(written, index) : null;
    const foreign = spanned ?? (token.kind === 'number' || token.text === '%' ? foreignFigure(written, index) : null);
    if (foreign) return foreign;
    if (token.kind !== 'number') {
      const signed = ['+', '-', '−'].includes(token.text) && next?.kind === 'number' && !next.spaced && [':', '|', undefined].includes(written[index - 1]?.text) && !signedChangeAt(written, index);
      if (signed && !written.some((each) => SYMBOL_COMPARATORS[each.text] !== undefined))
        return `\`${token.text}${next?.text}\` is a change from a level the bullet does not name; write it with its baseline, such as "up by at least 5% compared with last quarter"`;
      continue;
    }
    const after = written[index + 2];
    const code = next?.text === '(' ? written[index + 2] : next;
    if (written[index - 1]?.text === '$' && /^[A-Z]{3}$/.test(code?.text ?? '') && code?.text !== 'USD')
      return `\`$${token.text} ${code?.text}\` names two currencies; write the amount with its code alone, such as \`${code?.text} ${token.text}\``;
    // "25 bps", "$2MM", "5 lacs": units and scales the reader has no part for.
    // "100 mil euros" is thousands in Spanish and Portuguese, millions in English shorthand.
    if (['bps', 'bp', 'mm', 'mln', 'mil', 'lac', 'lacs'].includes(next?.lower ?? '') && next?.text !== 'mm')
      return `\`${token.text} ${next?.text}\` is in a unit or a scale the reader does not know${next?.lower === 'mil' ? ' (thousands, or millions)' : ''}; write it in percentage points or the number in full`;
    if (next?.lower === 'pc') return `\`${token.text} pc\` may be per cent or a count of computers; write \`${token.text}%\` or the count's name`;
    // "Latency < 5M", "Wait < 5 mn": after a time, millions or minutes; "$5M", "Users ≥ 5M" and "5M users" are millions.
    const mega = /\d(?:M|mn)$/.test(token.text) || next?.lower === 'mn';
    const timed = () =>
      written
        .slice(0, index)
        .some((word) => /time|^(?:latency|wait|waits|duration|delay|delays|response|lag|mttr|mttd|mtta|mtbf|ttfb|aht|rto|rpo|turnaround|load|stay|staleness|outage)$/.test(word.lower));
    if (mega && timed() && !CURRENCY_SIGNS.has(written[index - 1]?.text ?? '') && (next?.kind !== 'word' || next.lower === 'mn'))
      return `\`${token.text}${next?.lower === 'mn' ? ' mn' : ''}\` could be millions or minutes; write \`${token.text.replace(/M$|mn$/, '')} million\` or \`${token.text.replace(/M$|mn$/, '')} minutes\``;
    // "DAU ≥ 2w": weeks, or 万 (ten thousand) as Chinese writing on the web has it; after "for" or "over" it is a length.
    if (next?.text === 'w' && !next.spaced && !['for', 'within', 'over', 'in', 'every', 'sustained', 'last'].includes(written[index - 1]?.lower ?? ''))
      return `\`${token.text}w\` could be weeks or ten thousands (万); write \`${token.text} weeks\` or the number in full`;
    const minutes = next?.text === 'm' && !next.spaced;
    // After "for", "within" or "over", "5m" is a time, as alerts write it; anywhere else it may be minutes, millions or metres.
    const counted = /^[a-z]+s$/.test(after?.lower ?? '') && unitOf(after?.lower ?? '') === null;
    if (minutes && (counted || !['for', 'within', 'over', 'in', 'every', 'sustained', 'last'].includes(written[index - 1]?.lower ?? '')))
      return `\`${token.text}m\` could be minutes or millions; write \`${token.text} million\` or \`${token.text} minutes\``;
    // An exit criterion is judged over weeks: there "over 12m" or "for 3m" may as well be months ("Churn below 3% over 12m").
    if (minutes && kind === 'exit') return `\`${token.text}m\` could be minutes or months; write \`${token.text} minutes\` or \`${token.text} months\``;
    // "Churn < 5% over 12 months": months and quarters as a span have no fixed length; 30 days each drifts from the calendar.
    // "for 2 months in a row", "2 months running": each month's figure, which the sequence finder reads.
    const run = ['running', 'straight', 'consecutive'].includes(written[index + 2]?.lower ?? '') || (written[index + 2]?.lower === 'in' && written[index + 4]?.lower === 'row');
    if (token.value >= 2 && !run && /^(?:months|quarters|mos)$/.test(next?.lower ?? '') && SPAN_LINKS.has(written[index - 1]?.lower ?? ''))
      return `\`${token.text} ${next?.text}\` as a span has no fixed length; write it in weeks or days, such as \`over ${Math.round(token.value * (next?.lower === 'quarters' ? 13 : 4.35))} weeks\`, or each ${next?.lower === 'quarters' ? 'quarter' : 'month'}'s figure, such as "on ${token.text} consecutive ${next?.text}"`;
    // "Payback period < 12 months": a limit in months or years, which have no fixed length and no unit in the reading.
    const compared = SYMBOL_COMPARATORS[written[index - 1]?.text ?? ''] !== undefined || ['than', 'below', 'under', 'above', 'most', 'least'].includes(written[index - 1]?.lower ?? '');
    if (compared && /^(?:months?|mos?|years?|yrs?|quarters?)$/.test(next?.lower ?? ''))
      return `\`${token.text} ${next?.text}\` is a length in months or years, which have no fixed length; write it in weeks or days, such as \`52 weeks\``;
  }
  return null;
}
