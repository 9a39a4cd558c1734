/** Reads one clause: the threshold, what qualifies it, and the metric. */
import { Clause } from './clause.ts';
import { baselineBefore, changeBefore, changeDirection, changeVerbBefore, findBaseline } from './finders/baseline.ts';
import { comparisonAt, FLIP, quantityStart, statesThreshold } from './finders/comparison.ts';
import { findQualifiers } from './finders/qualifiers.ts';
import { findPer } from './finders/rate.ts';
import { findWindow } from './finders/window.ts';
import { isIdentifierNumber } from './identifier-number.ts';
import { BASELINE_NAMES, CHANGE_DOWN, CHANGE_EITHER, CHANGE_UP, CONDITIONS, DEFINING, EDGES, INTROS, MEASURES, MODALS, NEGATIONS, NOT_METRIC, OUTCOMES, PER_STOPS, QUALIFIERS, SYMBOL_COMPARATORS, TIME_VERBS, words, WORDS_AFTER } from './lexicon.ts';
import { metricPolarity } from './metric-polarity.ts';
import { joinTokens as join, metricText, singular } from './metric-text.ts';
import { numberAt, type Quantity, quantityAt, wordsAt } from './quantity.ts';
import { readLabel, readUndirected } from './readers/label-value.ts';
import { readQuantifier } from './readers/quantifier.ts';
import { readShare } from './readers/share.ts';
import { type Baseline, blank, type ClauseContext, type ClauseResult, type Op, type ParsedCriterion, type Window } from './reading.ts';
import { type Token, tokenize } from './tokenize.ts';
import { CURRENCY_SIGNS, isTimeUnit, SECONDS, unitOf } from './units.ts';

/** Reads one clause: the threshold, what qualifies it, and the metric. */
export function readClause(all: Token[], context: ClauseContext, keepAsides = false): ClauseResult {
  // A condition after the threshold ("… if traffic > 1,000 rps") is not part of it.
  // "than before the pilot" names a baseline, not a condition.
  // ", as measured by …" defines the metric after its threshold; it is told, like a condition.
  const defines = (index: number) => all[index]?.lower === 'as' && all[index - 1]?.text === ',' && DEFINING.has(all[index + 1]?.lower ?? '');
  const conditionAt = all.findIndex((token, index) => index > 0 && (CONDITIONS.has(token.lower) || defines(index)) && !words('than from vs vs. versus to with above below under over').has(all[index - 1]?.lower ?? '') && statesThreshold(all.slice(0, index)));
  let tokens = conditionAt > 0 ? all.slice(0, conditionAt) : all;
  // "The deployment is successful if six or more instances …": what comes before "if" is the consequence.
  const firstNumber = tokens.findIndex((token, index) => token.kind === 'number' || numberAt(tokens, index) !== null);
  const opening = tokens.findIndex((token, index) => index > 0 && index < firstNumber && ['if', 'when', 'whenever', 'once'].includes(token.lower) && tokens.slice(0, index).some((each) => OUTCOMES.has(each.lower)));
  const set: Array<{ tokens: Token[]; note: string; lead?: true }> = [];
  if (opening > 0) {
    set.push({ tokens: tokens.slice(0, opening + 1), note: `Read what follows \`${join(tokens.slice(0, opening + 1))}\`.`, lead: true });
    tokens = tokens.slice(opening + 1);
  }
  // An opening phrase before a comma ("In the default scheduler, …", "As a starting point, …") sets the scene.
  const comma = tokens.findIndex((token) => token.text === ',');
  const intro = comma > 0 ? tokens.slice(0, comma) : [];
  if (comma > 0 && INTROS.has(intro[0]?.lower ?? '') && !intro.some((token, index) => token.kind === 'number' || token.text === '(' || comparisonAt(intro, index))) {
    set.push({ tokens: intro, note: `Ignored the opening \`${join(intro)}\`.` });
    tokens = tokens.slice(comma + 1);
  }
  const clause = new Clause(tokens, context);
  // A definition of the metric is told, as metrics.yaml would define it; a condition cannot be read.
  const definition = conditionAt > 0 && (defines(conditionAt) || (all[conditionAt]?.lower === 'where' && all.slice(conditionAt).some((token) => DEFINING.has(token.lower))));
  if (conditionAt > 0) set.push({ tokens: all.slice(conditionAt), note: `Ignored the ${definition ? 'definition' : 'condition'} \`${join(all.slice(conditionAt))}\`.`, ...(definition ? { lead: true as const } : {}) });
  for (const each of set) if (each.lead) clause.setAside(each.tokens, each.note);
  else clause.setCondition(each.tokens, each.note);
  findQualifiers(clause, keepAsides);
  let view = clause.free();

  // A share of a population: "at least 85% of enrolled clinics submit a claim", "90% of searches return in under 800 ms".
  const shareAt = view.findIndex((token, index) => token.kind === 'number' && view[index + 1]?.text === '%' && view[index + 2]?.lower === 'of' && !['within', '±'].includes(view[index - 1]?.lower ?? '') && !BASELINE_NAMES.test(view[index + 3]?.lower ?? '') && !BASELINE_NAMES.test(view[index + 4]?.lower ?? ''));
  if (shareAt >= 0) {
    const share = quantityAt(view, shareAt);
    if (share) {
      // "at least 85% of …": the comparison that ends where the share starts.
      const leadAt = [5, 4, 3, 2, 1].map((back) => shareAt - back).find((index) => index >= 0 && comparisonAt(view, index)?.end === shareAt);
      if (leadAt !== undefined) clause.use(leadAt, shareAt);
      // "Between 30% and 50% of freed slots are rebooked": a share range.
      const lowAt = shareAt - 3;
      const range = view[lowAt - 1]?.lower === 'between' && view[lowAt]?.kind === 'number' && view[lowAt + 1]?.text === '%' && view[shareAt - 1]?.lower === 'and';
      if (range) clause.use(lowAt - 1, shareAt);
      return readShare(clause, share, leadAt === undefined ? null : (comparisonAt(view, leadAt)?.op ?? null), range ? (view[lowAt]?.value ?? null) : null);
    }
  }

  // The comparison and its quantity: "< 300 ms", "no more than a dozen", "between 150 and 250 ms", "3 or fewer", "200+".
  let op: Op | null = null;
  let quantity: Quantity | null = null;
  let opStart = -1;
  let between = false;
  let negated = false;
  let preChange: Baseline['direction'] | null = null;
  let timeOf: string | null = null;
  for (let index = 0; index < view.length && !quantity; index++) {
    if (clause.used[index]) continue;
    if (view[index]?.lower === 'between') {
      const low = quantityAt(view, index + 1);
      const high = low && view[low.end]?.lower === 'and' ? quantityAt(view, low.end + 1) : null;
      if (low && high && (low.unit === null || high.unit === null || low.unit === high.unit)) {
        quantity = { ...low, end: high.end, upper: high.value, unit: low.unit ?? high.unit };
        between = true;
        opStart = index;
        clause.use(index, index + 1);
        break;
      }
    }
    const comparison = comparisonAt(view, index);
    if (!comparison) continue;
    const at = quantityStart(view, comparison.end);
    const found = quantityAt(view, at);
    if (!found) continue;
    op = comparison.op;
    quantity = found;
    opStart = index;
    // Modal and linking words before the comparison belong to it, and a negation turns it round.
    let lead = index - 1;
    while (lead >= 0 && !clause.used[lead] && (MODALS.has(view[lead]?.lower ?? '') || NEGATIONS.has(view[lead]?.lower ?? '') || CHANGE_UP.has(view[lead]?.lower ?? '') || CHANGE_DOWN.has(view[lead]?.lower ?? '') || CHANGE_EITHER.has(view[lead]?.lower ?? ''))) {
      const word = view[lead]?.lower ?? '';
      if (NEGATIONS.has(word)) negated = true;
      // "should not increase by more than 5%": a change, with its direction.
      // "should not increase by more than 5%", "CTR drops >5%": a change, with its direction.
      if (CHANGE_EITHER.has(word) && view[lead + 1]?.lower === 'by') preChange = 'either';
      const change = CHANGE_UP.has(word) || CHANGE_DOWN.has(word);
      if (change && (view[lead + 1]?.lower === 'by' || (lead + 1 === index && SYMBOL_COMPARATORS[view[index]?.text ?? ''] !== undefined && words('drop drops fall falls decrease decreases increase increases rise rises jump jumps spike spikes grow grows').has(word)))) preChange = CHANGE_UP.has(word) ? 'increase' : 'decrease';
      lead--;
    }
    // "Log queries should return within 30 seconds": what is measured is their time.
    if (view[lead]?.lower === 'in' && TIME_VERBS[view[lead - 1]?.lower ?? ''] !== undefined) lead--;
    const verb = view[lead];
    if (verb && !clause.used[lead] && TIME_VERBS[verb.lower] !== undefined && isTimeUnit(found.unit) && (['within', 'in', 'under', 'below', 'less'].includes(view[index]?.lower ?? '') || ['take', 'takes', 'last', 'lasts'].includes(verb.lower))) {
      timeOf = TIME_VERBS[verb.lower] ?? 'time';
      lead--;
      while (lead >= 0 && !clause.used[lead] && (MODALS.has(view[lead]?.lower ?? '') || NEGATIONS.has(view[lead]?.lower ?? ''))) {
        if (NEGATIONS.has(view[lead]?.lower ?? '')) negated = true;
        lead--;
      }
    }
    clause.use(lead + 1, at);
    opStart = lead + 1;
  }
  if (!quantity) {
    // A number with what follows it: "3 or fewer P2 defects", "200+ sign-ups", "2–4 s".
    for (let index = 0; index < view.length && !quantity; index++) {
      if (clause.used[index] || isIdentifierNumber(view, index)) continue;
      const found = quantityAt(view, index);
      if (!found) continue;
      const after = WORDS_AFTER.find(([phrase]) => wordsAt(view, found.end, phrase) && view[found.end + phrase.length]?.text !== ':');
      if (after || found.plus || found.upper !== null) {
        op = after ? after[1] : found.plus ? '>=' : null;
        between = !after && !found.plus;
        quantity = found;
        opStart = index;
        if (after) clause.use(found.end, found.end + after[0].length);
      }
    }
  }
  if (quantity) clause.use(quantity.start, quantity.end);
  // "reduced by 25% or more", "down by 10%": the change word before "by" gives the direction.
  const changedBy = quantity ? changeBefore(view, quantity.start) : null;
  if (quantity && changedBy && !preChange && !clause.used[quantity.start - 2]) {
    preChange = changedBy;
    clause.use(quantity.start - 2, quantity.start);
  }
  const verbed = quantity && !preChange ? changeVerbBefore(view, opStart >= 0 ? opStart : quantity.start, clause.used) : null;
  if (verbed) {
    preChange = verbed.direction;
    clause.use(verbed.verb, verbed.verb + 1);
    clause.use(verbed.by, verbed.by + 1);
    opStart = Math.min(opStart, verbed.by);
  }
  if (op && negated) op = FLIP[op];
  // "within 1-10 ms": a range after "within" is the range; after any other comparison it is not clear which end counts.
  if (quantity && op && quantity.upper !== null && !between) {
    if (view[opStart]?.lower !== 'within') return { unsure: `it compares with the range \`${join(clause.tokens.slice(quantity.start, quantity.end))}\`; write one number, or "between … and …"` };
    between = true;
  }
  view = clause.free();

  // "Label: value" or "is 0", with no comparison written.
  if (!quantity) {
    // "50% increase in errors", "a 10% drop in conversion": a change from a baseline the plan does not name.
    const changeAt = view.findIndex((token, index) => token.kind === 'number' && !clause.used[index] && view[index + 1]?.text === '%');
    const value = changeAt >= 0 ? quantityAt(view, changeAt) : null;
    const change = value?.unit === '%' ? changeDirection(view[value.end]?.lower ?? '', null) : null;
    if (value && change && change !== 'unknown' && ['in', 'of'].includes(view[value.end + 1]?.lower ?? '')) {
      const subject: Token[] = [];
      for (let index = value.end + 2; index < view.length && !clause.used[index] && !EDGES.has(view[index]?.lower ?? '') && !NOT_METRIC.has(view[index]?.lower ?? '') && view[index]?.kind !== 'symbol'; index++) subject.push(view[index] as Token);
      clause.use(0, value.end + 2 + subject.length);
      const metric = metricText(subject);
      if (metric) return clause.finish([{ ...blank(metric, '>=', value.value, '%'), baseline: { text: 'baseline', change: 'relative', direction: change } }], [`Read as a change of at least ${value.value}% from a baseline the plan does not name.`]);
    }

    const colon = view.findIndex((token) => token.text === ':');
    const copula = view.findIndex((token, index) => index > 0 && words('is are be equals').has(token.lower) && numberAt(view, index + 1) !== null);
    const valueAt = colon >= 0 ? view.findIndex((token, index) => index > colon && (token.kind !== 'symbol' || CURRENCY_SIGNS.has(token.text))) : copula >= 0 ? copula + 1 : -1;
    const found = valueAt >= 0 ? quantityAt(view, valueAt) : null;
    const zero = ['none', 'zero', 'nil', 'nothing', 'no'].includes(view[valueAt]?.lower ?? '');
    if (valueAt >= 0 && (found || zero)) {
      const split = colon >= 0 ? colon : copula;
      let label = readLabel(view.slice(0, split).filter((_, index) => !clause.used[index]));
      if (label.condition.length > 0) clause.setAside(label.condition, `Ignored the condition \`${join(label.condition)}\`.`);
      // "Week 1: $20K recovered": a label that names a period is the window, not the metric.
      const period = /^(?:week|day|month|sprint)$/.test(label.metric[0]?.lower ?? '') && label.metric.length === 2 && label.metric[1]?.kind === 'number';
      const labelWindow = findWindow([{ ...(label.metric[0] as Token), text: 'over', lower: 'over' }, ...label.metric]);
      if (!period && labelWindow && labelWindow.end === label.metric.length + 1 && !clause.window) {
        clause.window = { start: 0, end: 0, value: { ...labelWindow.value, text: join(label.metric) } };
        label = { ...label, metric: [] };
      }
      if (period && !clause.window) {
        const unit = label.metric[0]?.lower ?? 'day';
        clause.window = { start: 0, end: 0, value: { seconds: unit === 'week' ? 604_800 : unit === 'month' ? 2_592_000 : unit === 'sprint' ? 1_209_600 : 86_400, text: join(label.metric), kind: 'period' } };
        label = { ...label, metric: [] };
      }
      let end = found ? found.end : valueAt + 1;
      const per = found ? findPer(view, end) : null;
      if (per && found) end = per.end;
      clause.use(0, end);
      // "Target: 99.9% uptime": words after the value name the metric when the label does not.
      const trailing = view.slice(end).filter((token, index) => !clause.used[end + index] && token.kind !== 'symbol');
      let metric = metricText(label.metric);
      if (!metric && trailing.length > 0) {
        metric = metricText(trailing);
        clause.use(end, view.length);
      }
      if (!metric && context.label) metric = metricText(readLabel(tokenize(context.label)).metric);
      return readUndirected(clause, metric, found, label, join(view.slice(valueAt, end)), per?.value ?? null);
    }
    // "We target 0.01% unsuccessful calls", "99.9% uptime": a value and its metric, with no direction.
    const bare = view.findIndex((token, index) => token.kind === 'number' && !clause.used[index] && !isIdentifierNumber(view, index));
    const amount = bare >= 0 ? quantityAt(view, bare) : null;
    // "Error rate 50% higher than baseline": a change with no comparison written reads as at least that change.
    const changedBy = amount ? changeBefore(view, amount.start) : null;
    const before = amount ? view.slice(0, amount.start - (changedBy ? 2 : 0)).filter((token, index) => !clause.used[index] && token.kind === 'word') : [];
    const versus = amount ? findBaseline(view, amount.end, changedBy, metricPolarity(join(before))) : null;
    // "15% fewer tickets than the control group": the metric may sit between the change word and the baseline.
    const subject = before.length > 0 ? before : (versus?.metric ?? []);
    if (amount && versus && versus.direction !== 'unknown' && subject.length > 0) {
      clause.use(0, versus.end);
      const change = amount.unit === 'x' ? 'ratio' : amount.unit === '%' ? 'relative' : 'points';
      return clause.finish([{ ...blank(metricText(subject), '>=', amount.value, amount.unit), baseline: { text: versus.text, change, direction: versus.direction } }], [`Read as a change of at least ${join(view.slice(amount.start, amount.end))}.`]);
    }
    if (amount && amount.unit !== null && view[amount.end]?.kind === 'word' && !EDGES.has(view[amount.end]?.lower ?? '')) {
      const after: Token[] = [];
      for (let index = amount.end; index < view.length && !clause.used[index] && !EDGES.has(view[index]?.lower ?? ''); index++) after.push(view[index] as Token);
      clause.use(0, amount.end + after.length);
      return readUndirected(clause, metricText(after, amount.unit), amount, { op: null, unit: null, percentile: null }, join(view.slice(amount.start, amount.end)));
    }
    const quantified = readQuantifier(clause);
    // No threshold outside brackets: "negligible impact (<5%)" has it inside.
    if (!('criteria' in quantified) && !keepAsides && clause.notes.some((note) => note.startsWith('Ignored the aside'))) return readClause(all, context, true);
    return quantified;
  }

  // A baseline: "20% fewer calls than the control group", "within 1 point of baseline", "> 2x baseline", "increase by more than 5% compared to …".
  let baseline: Baseline | null = null;
  let afterMetric: Token[] = [];
  if (!between) {
    const before = view.filter((token, index) => !clause.used[index] && token.kind === 'word' && index < quantity.start);
    const found = findBaseline(view, quantity.end, preChange, metricPolarity(join(before)));
    const ratio = quantity.unit === 'x' && !found && BASELINE_NAMES.test(view[quantity.end]?.lower === 'the' ? (view[quantity.end + 1]?.lower ?? '') : (view[quantity.end]?.lower ?? ''));
    if (found || ratio || preChange) {
      if (found?.direction === 'unknown') return { unsure: `it says better or worse than \`${found.text}\`, but the metric does not say which way is better; write "higher" or "lower"` };
      const within = clause.tokens.slice(opStart, quantity.start).some((token) => ['within', '±'].includes(token.lower));
      const direction: Baseline['direction'] = within ? 'either' : ((found?.direction as Baseline['direction'] | undefined) ?? preChange ?? 'increase');
      const ratioEnd = quantity.end + (view[quantity.end]?.lower === 'the' ? 2 : 1);
      const text = found?.text ?? (ratio ? join(view.slice(quantity.end, ratioEnd)) : 'baseline');
      baseline = { text, change: quantity.unit === 'x' ? 'ratio' : quantity.unit === '%' ? 'relative' : 'points', direction };
      if (found) {
        clause.use(found.start, found.end);
        afterMetric = found.metric;
      } else if (ratio) clause.use(quantity.end, ratioEnd);
      else clause.notes.push('Read the change against a baseline the plan does not name.');
      op ??= '>=';
    } else {
      const named = baselineBefore(view, opStart, quantity.unit);
      if (named) {
        baseline = named.baseline;
        clause.use(named.start, opStart);
      }
    }
  }
  view = clause.free();

  // A rate after the quantity ("per 1,000 sessions", "a day", "in 200 orders"); a percentage "per day" is measured daily.
  let per: ParsedCriterion['per'] = null;
  let dailyWindow: Window | null = null;
  for (let index = quantity.end; index < view.length && !per && !dailyWindow; index++) {
    if (clause.used[index]) continue;
    const found = findPer(view, index);
    if (found) {
      clause.use(found.start, found.end);
      const time = unitOf(found.value.unit);
      const seconds = time ? SECONDS[time] : found.value.unit === 'month' ? 2_592_000 : undefined;
      if (quantity.unit === '%' && seconds !== undefined) dailyWindow = { seconds: found.value.count * seconds, text: join(view.slice(found.start, found.end)), kind: 'period' };
      else per = found.value;
      break;
    }
    if (view[index]?.kind !== 'word') break;
  }
  // "support response time < 4 h within 24 hours": with the threshold found, a later "within" gives the period.
  if (!clause.window) {
    const within = view.findIndex((token, index) => index >= quantity.end && !clause.used[index] && token.lower === 'within');
    const period = within >= 0 ? findWindow([{ ...(view[within] as Token), text: 'over', lower: 'over' }, { ...(view[within] as Token), text: 'the', lower: 'the' }, ...view.slice(within + 1)]) : null;
    if (period && period.start === 0) {
      clause.window = { start: within, end: within + period.end - 1, value: { ...period.value, text: join(view.slice(within, within + period.end - 1)) } };
      clause.use(within, within + period.end - 1);
    }
  }
  // A slash-identifier right after the quantity is its unit of measure: "100-150 pods/s".
  let unitLabel = '';
  const next = view[quantity.end];
  if (next?.kind === 'word' && next.text.includes('/') && !clause.used[quantity.end]) {
    unitLabel = ` (${next.text})`;
    clause.use(quantity.end, quantity.end + 1);
  }
  // "… 99% of the time", "… in 99%": a share that makes the threshold a percentile.
  const trailingShare = view.findIndex((token, index) => index >= quantity.end && !clause.used[index] && token.kind === 'number' && view[index + 1]?.text === '%' && token.value > 0 && token.value < 100 && !(quantity.unit === '%' && comparisonAt(view, index - 1)));
  if (trailingShare >= 0 && !clause.percentile) {
    const tail = view.slice(trailingShare + 2, trailingShare + 6).map((token) => token.lower);
    if (tail.length === 0 || tail[0] !== 'of' || ['time', 'requests', 'cases', 'calls', 'samples', 'runs', 'the'].includes(tail[1] ?? '')) {
      clause.percentile = { start: trailingShare, end: trailingShare + 2, value: view[trailingShare]?.value ?? 0 };
      const end = tail[0] === 'of' ? trailingShare + 2 + (tail[1] === 'the' ? 3 : 2) : trailingShare + 2;
      clause.use(trailingShare - (['in', 'for', 'of'].includes(view[trailingShare - 1]?.lower ?? '') ? 1 : 0), end);
      if (view[trailingShare - 1]?.lower === 'least' && view[trailingShare - 2]?.lower === 'at') clause.use(trailingShare - 2, trailingShare);
    }
  }
  view = clause.free();

  // The metric: words before the comparison; or, when it comes first, the words after the quantity.
  let before = view.filter((_, index) => index < opStart && !clause.used[index]);
  // "Key signals: P95 latency delta under 5ms": with words after a label's colon, those name the metric.
  const colonAt = before.map((token) => token.text).lastIndexOf(':');
  const afterColon = before.slice(colonAt + 1).filter((token) => token.kind === 'word');
  if (colonAt >= 0 && afterColon.length > 0 && !EDGES.has(afterColon[0]?.lower ?? '')) before = before.slice(colonAt + 1);
  // "Watch (70-90% used)": the threshold sits in brackets after a name; the name is not the metric.
  const lastBefore = before.at(-1);
  const bracketed = lastBefore !== undefined && clause.tokens.slice(0, opStart).some((token, index) => token.text === '(' && index > view.indexOf(lastBefore));
  const label = readLabel(before);
  if (label.condition.length > 0) clause.setAside(label.condition, `Ignored the condition \`${join(label.condition)}\`.`);
  let metric = metricText(label.metric, quantity.unit);
  const counted: Token[] = [];
  for (let index = quantity.end; index < view.length; index++) {
    const token = view[index];
    if (!token || clause.used[index]) {
      if (counted.length > 0) break;
      continue;
    }
    if (counted.length === 0 && words('threshold limit mark level ceiling floor total overall absolute').has(token.lower)) {
      clause.used[index] = true;
      continue;
    }
    // What is counted keeps what qualifies it: "1 in 50 orders fail at checkout", "2 releases in Beta without major bugs".
    // A "without …" or "with no …" always stays: dropping it would drop a condition.
    const negative = token.lower === 'without' || (token.lower === 'with' && view[index + 1]?.lower === 'no');
    const qualifies = counted.length > 0 && (!metric || negative || counted.some((each) => ['without', 'no'].includes(each.lower)) || (per !== null && PER_STOPS.has(counted[0]?.lower ?? '')));
    const place = qualifies && (QUALIFIERS.has(token.lower) || (['the', 'a', 'an'].includes(token.lower) && QUALIFIERS.has(counted.at(-1)?.lower ?? ''))) && view[index + 1]?.kind === 'word' && !clause.used[index + 1];
    if (!place && (token.kind === 'number' || token.kind === 'symbol' || EDGES.has(token.lower) || CONDITIONS.has(token.lower) || NOT_METRIC.has(token.lower))) break;
    counted.push(token);
    clause.used[index] = true;
  }
  const countedText = metricText(counted);
  // "Endpoint availability: > 99.9% success rate": after a label, the words after the value name the metric.
  const labelled = before.filter((token) => token.kind !== 'symbol' || token.text === ':').at(-1)?.text === ':';
  if (!metric || (bracketed && countedText)) metric = countedText || metric;
  else if (labelled && countedText) metric = `${metric} ${countedText}`;
  else if (countedText && (counted.length <= 3 || counted.some((token) => QUALIFIERS.has(token.lower))) && !unitOf(counted[0]?.lower ?? '')) metric = MEASURES.test(metric) ? `${metric} (${countedText})` : `${countedText} ${metric}`;
  if (timeOf && metric) metric = `${metric.replace(/(\S+)$/, (word) => singular(word))} ${timeOf}`;
  if (!metric && afterMetric.length > 0) metric = metricText(afterMetric);
  if (!metric && unitLabel) {
    metric = unitLabel.slice(2, -1);
    unitLabel = '';
  }
  // "fewer than 1 in 200 orders fail": what the counted things do.
  if (per && countedText && before.every((token) => clause.used[clause.tokens.indexOf(token)] || token.kind === 'symbol') && metric === countedText && view.findIndex((_, index) => index > quantity.end && clause.used[index]) < view.indexOf(counted[0] as Token)) metric = `${per.unit} that ${countedText}`;
  const percentileOf = clause.percentile ?? (label.percentile === null ? null : { value: label.percentile });
  if (percentileOf && isTimeUnit(quantity.unit) && !metric) {
    metric = 'latency';
    clause.notes.push(`Read \`p${percentileOf.value}\` of a duration as p${percentileOf.value} latency.`);
  }
  if (!metric && context.label) metric = metricText(readLabel(tokenize(context.label)).metric);
  const ofAt = view.findIndex((_, index) => index >= quantity.end && !clause.used[index]);
  if (view[ofAt]?.lower === 'of' && ofAt === quantity.end) return { unsure: `\`${join(clause.tokens.slice(quantity.start, quantity.end))}\` is a share of \`${join(view.slice(ofAt + 1).filter((token) => token.kind !== 'symbol'))}\`, which is no figure to compare with` };
  if (!metric) return { unsure: `it has the threshold \`${join(clause.tokens.slice(quantity.start, quantity.end))}\` but says not what is measured` };
  if (!op && !between) return { unsure: `it has \`${join(clause.tokens.slice(quantity.start, quantity.end))}\` but no comparison` };

  const criterion: ParsedCriterion = {
    ...blank(metric + unitLabel, between ? 'between' : (op ?? '='), quantity.value, quantity.unit ?? label.unit),
    upper: between ? quantity.upper : null,
    scale: quantity.scale,
    per,
    window: dailyWindow,
    percentile: label.percentile,
    baseline,
  };
  // "ip_errors_total, reconcile_errors_total should be 0": one threshold for each named series.
  const names = metric.split(/\s*(?:,|\band\b)\s*/).filter(Boolean);
  if (names.length > 1 && names.every((name) => /^`[^`]+`$|^[a-z][a-z0-9]*_[a-z0-9_]+$/.test(name))) return clause.finish(names.map((name) => ({ ...criterion, metric: name })));
  return clause.finish([criterion]);
}
