/** A trigger that fires while all is well: a thing better higher, high; better lower, low; or "at most" a limit. */
import type { Clause } from '../clause.ts';
import { COMPARATOR_SIGNS } from '../describe-reading.ts';
import type { Threshold } from '../finders/threshold.ts';
import { CHANGE_DOWN, CHANGE_MOVES, CHANGE_UP } from '../lexicon.ts';
import { FAILURES_NAMED, FAILURES_TURNED, JOBS, RESOURCES, TURNED, WANTED } from '../lexicon-counts.ts';
import { headPolarity, metricPolarity } from '../metric-polarity.ts';
import { joinTokens as join } from '../metric-text.ts';
import type { Baseline, ParsedCriterion } from '../reading.ts';
import type { Token } from '../tokenize.ts';

// What is left to use, whatever it is of: "Error budget below 10% during the freeze", "Capacity headroom"; not what is spent of it.
const LEFT = /\b(?:budget|headroom|runway)\b(?! (?:burn|burned|spend|spent|used|consumed|consumption|variance|overrun))|\bopen rate\b/i;
// Words before a wanted head that make it a backlog or a fault: "Unshipped orders", "Pending orders", "Unmatched transactions".
const UNDONE =
  /\b(?:un[a-z]+|non-?[a-z]+|mis-?[a-z]+|dead-letter(?:ed)?|throttled|rate-limited|backordered|flagged|orphaned|quarantined|retried|skipped|timed-out|pending|outstanding|open|late|failed|stuck|queued|held|blocked|rejected|cancell?ed|abandoned|refunded|returned|disputed|duplicated?|lost|damaged|reversed|voided|crashed|locked-out|locked|errored|dropped|requiring)\s/i;
// Heads better higher that name a goal, where the words alone lean no way: "Payment success", "Apdex", "Clean claim rate",
// and a share of people or things that do what is wanted ("More than 98% of payments succeed").
const WANTED_HEADS =
  /\b(?:success|revenue|sales|apdex|otif|hygiene|compliance|clean claim rate|first call resolution|first-pass yield|yield|uptime|availability|match rate|straight-through processing rate|deflection rate|answer rate|service level|approval rate|vaccination rate|recovery rate|fcr|completion rate|completion|adherence|coverage|authori[sz]ation rate|adjudication rate|capture rate|click-through rate|delivery rate|resolution|perfect order rate|screening rate|submission rate|open rate|efficiency)(?: as a share of .*)?$/i;
// What a share of things may do that is wanted: "payments succeed", "orders ship on time", "claims paid first time".
const WANTED_DOING =
  /\b(?:that )?(?:succeed|pass|complete|convert|renew|adopt|activate|log in|sign in|pay|ship on time|on time|correct|approved|answered within|seen within|resolved within|green|delivered|on target|paid|paid first time)\b/i;
// What a share of things may do that is a fault: "More than 5% of orders returned" fires as written.
// Words that open a share written first, and signs of comparison.
const SHARE_LEADS = new Set(['more', 'over', 'at', 'less', 'fewer', 'under', 'above', 'below', 'no', 'not', 'up']);
const SIGNS = new Set(['>', '≥', '>=', '<', '≤', '<=']);
const FAILING_SHARE =
  /\b(?:mis[a-z]+|under[a-z]+ed|more than|longer than|over \d|exceed|exceeds|chargebacks?|spent|consumed|burned|exhausted|corrupt|corrupted|corruption|fail|fails|failed|failing|declined|rejected|returned|refunded|cancell?ed|abandoned|late|delayed|lost|dropped|missed|bounced|errored|timed out|reopened|escalated|disputed|charged back|voided|flagged|blocked|throttled|retried|duplicated|wrong|incorrect|incorrectly|breach|breached|churned|complain|complained|opted out|unsubscribed|readmitted|crashed|stuck|overdue|expired)\b/i;
// Goals named in Spanish, Portuguese, Italian, French, German and Turkish.
const FOREIGN_GOALS =
  /(?:^|\s)(?:tasa de conversión|taxa de conversão|tasso di conversione|taux de conversion|konversionsrate|disponibilidad|disponibilidade|disponibilità|disponibilité|verfügbarkeit|tasa de éxito|taxa de sucesso|tasso di successo|erfolgsquote|taux de réussite|başarı oranı|erişilebilirlik|dönüşüm oranı|precisión|acurácia|precisione|genauigkeit|précision|taux de service|servicegrad|livello di servizio|nivel de servicio|nível de serviço)(?:\s|$)/i;
// A share of a plan, in English and other languages.
const PLANS = / as a share of (?:the |la |el )?(?:forecast|plan|plans|budget|target|goal|quota|objective|objetivo|meta|pronóstico|previsión|prévision|previsione|ziel|vorjahres|vormonats)\b/;
// Free of crashes, in Chinese and Japanese.
const CRASH_FREE = /无崩溃|無崩潰|クラッシュフリー/;
// Parts of a Chinese or Japanese name that say which way is better.
const CJK_LOWER = /错误|錯誤|エラー|失败|失敗|故障|崩溃|崩潰|クラッシュ|延迟|遅延|投诉|苦情|缺陷|不良|拒否|拒绝/;
const CJK_HIGHER = /成功|可用|转化|轉化|転換|コンバージョン|稼働|达成|達成|満足|满意|覆盖|カバレッジ|留存|定着/;
// Words of place that follow a change said in words: "drops below", "rises above".
const PLACES = new Set(['below', 'under', 'beneath', 'above', 'over', 'beyond', 'to']);

/** "Fraud success rate": a word before the head turns a goal round. */
const turnedByWords = (metric: string) => TURNED.test(metric.replace(/\s*\S+$/, ''));

/** Which way is better for a trigger's metric, as far as its words tell: the head, what is left or wanted, a resource, the words. */
export function triggerWay(metric: string): 'higher' | 'lower' | null {
  const known = ways.get(metric);
  if (known !== undefined) return known;
  if (ways.size >= 20_000) ways.clear();
  const way = weighWay(metric);
  ways.set(metric, way);
  return way;
}

// Ways already weighed, by metric: names repeat across bullets, and the weighing runs a dozen patterns.
const ways = new Map<string, 'higher' | 'lower' | null>();

function weighWay(metric: string): 'higher' | 'lower' | null {
  const head = headPolarity(metric);
  // "Fraud success rate": a word before the head turns it.
  if (turnedByWords(metric)) return null;
  if (LEFT.test(metric)) return 'higher';
  // "支付成功率", "エラー率": in these scripts a word holds its parts without spaces; "无崩溃" is free of crashes.
  if (CRASH_FREE.test(metric)) return 'higher';
  if (CJK_LOWER.test(metric)) return 'lower';
  if (CJK_HIGHER.test(metric)) return 'higher';
  // "Less than 1% of requests fail", "Crash rate": a failure named is better few, whatever else the words say.
  if (FAILURES_NAMED.test(metric) && !FAILURES_TURNED.test(metric)) return 'lower';
  // "Disk usage", "Heap usage": a resource used is better low, whatever "usage" of a product says.
  if (RESOURCES.test(metric)) return 'lower';
  // "Logins from blocked IPs", "Voided sales": what is wanted, gone wrong.
  if (UNDONE.test(`${metric} `)) return null;
  if (head === 'higher' || WANTED_HEADS.test(metric) || FOREIGN_GOALS.test(metric)) return 'higher';
  const words = head ?? metricPolarity(metric);
  if ((WANTED.test(metric) || JOBS.has(metric.split(' ').at(-1) ?? '')) && words !== 'lower' && !UNDONE.test(metric)) return 'higher';
  return words;
}

/** "Conversion reaches 2%" as a trigger fires when a thing better higher is high: the trigger is turned round. */
export function healthyTrigger(clause: Clause, threshold: Threshold, metric: string, change: Baseline | null): string | null {
  if (clause.context.kind !== 'rollback') return null;
  // "Success rate drop ≤ 2 pp" fires on small changes, and none at all: the change that fires is the larger one.
  // "Booking growth < 10% MoM" fires on too little of a change for the better, as it says.
  const head = headPolarity(metric);
  // Looked up only where a rule needs it: the words' polarity is the dearest part.
  const better = () => head ?? metricPolarity(metric);
  const below = threshold.op === '<' || threshold.op === '<=';
  const worse = (way = better()) => (way === 'higher' && change?.direction === 'decrease') || (way === 'lower' && change?.direction === 'increase');
  // "Orders fall ≤ 10%": "at most" a change of a thing whose better way is not known fires while it barely moves too.
  if (change && change.change !== 'ratio' && below && (worse() || (threshold.op === '<=' && better() === null)))
    return `a trigger on a change of at most a limit fires while \`${metric}\` barely moves; write the change that fires, such as "${metric} > ${join(clause.tokens.slice(threshold.quantity.start, threshold.quantity.end))} ${change.direction === 'increase' ? 'above' : 'below'} baseline"`;
  // "Conversion ≥ 95% of control", "Error rate within 10% of baseline": near the baseline, or on its better side, is well.
  const within = clause.tokens[threshold.opStart]?.lower === 'within';
  // "Error rate ≥ 80% of baseline", "Conversion < 110% of control": a ratio that holds at the baseline fires on it.
  const value = threshold.quantity.value;
  const op = threshold.op;
  // "> 1x baseline", "> 0% above baseline": any move at all fires it, noise included.
  const atBaseline =
    (change?.change === 'ratio' && (((op === '>' || op === '>=') && value <= 1) || ((op === '<' || op === '<=') && value >= 1))) || (change !== null && change.change !== 'ratio' && value === 0);
  const ratioWell = change?.change === 'ratio' && (atBaseline || (better() === 'higher' && !below) || (better() === 'lower' && below));
  if (change && (within || ratioWell))
    return `\`${metric}\` ${within ? 'within a margin of' : `${COMPARATOR_SIGNS[threshold.op ?? '>='] ?? ''} a share of`} \`${change.text}\` is how things should be, so it fires no rollback; write the level or the change that fires it, such as "${metric} ${better() === 'lower' ? '> 1.2x' : '< 0.9x'} ${change.text}"`;
  if (change) return null;
  // "When error rate drops below 1%", "Failed payments < 2%": a thing better lower, low.
  const lower = head === 'lower' || (threshold.op === '<' && head === null && FAILURES_NAMED.test(metric) && !FAILURES_TURNED.test(metric));
  if (below && lower) return `a lower \`${metric}\` is better, so a trigger that fires when it is low is turned round; write the level it must not rise above, such as "${metric} > …"`;
  // "Outstanding claims < 1,000", "Infections < 1%": "<" fires when it is low, a fault only of a thing known better high;
  // "drops below", "falls under" say the fall is the fault.
  const fell = PLACES.has(clause.tokens[threshold.opStart]?.lower ?? '') && CHANGE_DOWN.has(clause.tokens[threshold.opStart - 1]?.lower ?? '');
  if (threshold.op === '<' && !fell && triggerWay(metric) !== 'higher')
    return `a trigger fires when \`${metric}\` is below the figure, and a low \`${metric}\` is not known to be the fault; write the level it must not rise above, such as "${metric} > …", or the fall, such as "${metric} drops below …"`;
  // "AHT ≤ 420 s", "Failed payments ≤ 2%" under the triggers: "at most" is how a limit that must hold is written, and
  // only of a thing better higher does it give the level that fires ("≥ 1 bug" fires as it says).
  // "Disk usage ≤ 80%": a resource used is better low, whatever "usage" of a product says.
  if (threshold.op === '<=') {
    const written = clause.tokens.slice(threshold.opStart, threshold.quantity.start).map((token) => token.lower);
    const atMost = written[0] !== 'within' && !(written.length > 1 && ['below', 'under'].includes(written.at(-1) ?? ''));
    // "Fraud success rate ≤ 1%", "Coverage gap ≤ 5%": other words turn a head better higher round.
    const way = TURNED.test(metric) ? null : triggerWay(metric);
    const changing = metric.split(' ').some((word) => CHANGE_UP.has(word) || CHANGE_DOWN.has(word) || CHANGE_MOVES.has(word));
    if (atMost && (way !== 'higher' || changing)) return `"at most" gives the limit that must hold, where a trigger gives the level that fires; write that level, such as "${metric} > …"`;
  }
  // "Security incidents = 0" fires when there are none; "Orders = 0 for 30 minutes" says how long nothing came.
  if (threshold.op === '=' && threshold.quantity.value === 0 && clause.window === null && triggerWay(metric) !== 'higher')
    return `\`${metric} = 0\` fires when there are none, which is how things should be unless they are wanted; write what fires it, such as "${metric} ≥ 1"`;
  if (!['>', '>='].includes(threshold.op ?? '') || head !== 'higher') return null;
  return `a higher \`${metric}\` is better, so a trigger that fires when it is high is turned round; write the level it must not fall below, such as "${metric} < …"`;
}

/**
 * The last look at a trigger's reading, whatever read it (a share, a label, a table row): one that fires while all is well.
 * "Payment success > 98%", "Failed logins < 5% of attempts", "Security incidents = 0"; "drops below" says the fall is the fault.
 */
export function triggerSense(criterion: ParsedCriterion, tokens: readonly Token[]): string | null {
  // "Error rate above baseline": a change of nothing at all fires on noise.
  if (criterion.baseline !== null)
    return criterion.baseline.change !== 'ratio' && criterion.value === 0 && criterion.baseline.direction !== 'either'
      ? `\`${criterion.metric}\` any amount ${criterion.baseline.direction === 'increase' ? 'above' : 'below'} \`${criterion.baseline.text}\` fires on noise; write the change that fires, such as "${criterion.metric} > 10% above ${criterion.baseline.text}"`
      : null;
  const { metric, comparator } = criterion;
  // "NPS (poor customer experience)": what the brackets say of it is no part of which way is better.
  const way = triggerWay(metric.includes('(') ? metric.replace(/\s*\([^)]*\)/g, '') : metric);
  // "drops below", "rises above": a change said in words before the comparison's own word, not a name ("Declines < 5%").
  const moved = (list: ReadonlySet<string>) => tokens.some((token, index) => list.has(token.lower) && PLACES.has(tokens[index + 1]?.lower ?? ''));
  // "Less than 95% of calls answered within 20 seconds": the share comes first, and names who does it after.
  const shareAt = tokens.findIndex((token, index) => token.kind === 'number' && tokens[index + 1]?.text === '%' && tokens[index + 2]?.lower === 'of');
  if (comparator === '<' || comparator === '<=') return belowSense(criterion, way, shareAt >= 0, () => moved(CHANGE_DOWN));
  if (comparator === '>' || comparator === '>=') return aboveSense(criterion, tokens, way, shareAt, () => moved(CHANGE_UP));
  if (comparator === '=' && criterion.value === 0 && criterion.window === null && criterion.sequence === null && way !== 'higher')
    return `\`${metric} = 0\` fires when there are none, which is how things should be unless they are wanted; write what fires it, such as "${metric} ≥ 1"`;
  return null;
}

/** "Outstanding claims < 1,000", "Orders < 120% of forecast": below, under the triggers. */
function belowSense(criterion: ParsedCriterion, way: 'higher' | 'lower' | null, shareFirst: boolean, fell: () => boolean): string | null {
  const { metric } = criterion;
  // "At most 60% of pilot users log in weekly": a share of people doing a thing, which its reader weighed; "Fewer than 1%
  // of orders mispicked", a share that does something wrong, low, is how things should be.
  const doing = (/ that /.test(metric) || shareFirst) && way !== 'lower' && !(shareFirst && FAILING_SHARE.test(metric));
  if (way !== 'higher' && !doing && !fell())
    return `a trigger fires when \`${metric}\` is below the figure, and a low \`${metric}\` is not known to be the fault; write the level it must not rise above, such as "${metric} > …", or the fall, such as "${metric} drops below …"`;
  return criterion.value > 100 ? planned(metric, way) : null;
}

/** "Payment success > 98%", "More than 97% of parcels scanned at dispatch": above, under the triggers. */
function aboveSense(criterion: ParsedCriterion, tokens: readonly Token[], way: 'higher' | 'lower' | null, shareAt: number, rose: () => boolean): string | null {
  const { metric } = criterion;
  // A share doing something, written first ("More than 97% of …"), is of what is wanted unless it fails.
  const opening = tokens.findIndex((token) => token.kind !== 'symbol' || SIGNS.has(token.text));
  const lead = tokens[opening];
  const shared = shareAt >= 0 && shareAt <= opening + 3 && (lead?.kind === 'number' || SHARE_LEADS.has(lead?.lower ?? '') || SIGNS.has(lead?.text ?? ''));
  if (shared && !FAILING_SHARE.test(metric) && (way !== 'lower' || WANTED_DOING.test(metric)) && !rose())
    return `a share doing what it should fires when it is high, which is how things should be; write the level it must not fall below, such as "${metric} < …"`;
  // Only a head that says it ("Payment success", "Revenue as a share of forecast"): "Fallback activation" is no goal.
  const goal = WANTED_HEADS.test(metric) || ((shared || / that /.test(metric)) && WANTED_DOING.test(metric)) || FOREIGN_GOALS.test(metric) || CJK_HIGHER.test(metric) || CRASH_FREE.test(metric);
  const head = headPolarity(metric.replace(/ as a share of .*$/, '')) ?? (goal ? 'higher' : null);
  if (head === 'higher' && (way !== 'lower' || goal) && !turnedByWords(metric) && !rose())
    return `a higher \`${metric}\` is better, so a trigger that fires when it is high is turned round; write the level it must not fall below, such as "${metric} < …"`;
  return planned(metric, way);
}

/** "Orders > 80% of forecast", "Revenue ≥ 90% of plan", "Orders < 120% of forecast": at or above a plan is how things should be. */
function planned(metric: string, way: 'higher' | 'lower' | null): string | null {
  if (way === 'lower' || !PLANS.test(metric)) return null;
  return `\`${metric}\` at or above its plan is how things should be, so it fires no rollback; write the level it must not fall below, such as "${metric.replace(/ as a share of .*/, '')} < 80% of forecast"`;
}
