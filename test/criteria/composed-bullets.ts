import { type ParsedCriterion, readCriterion } from '../../src/criteria/criteria-grammar.ts';
import { COMPARATOR_SIGNS, describeReading } from '../../src/criteria/describe-reading.ts';

/**
 * The reading of a bullet is the composition of the readings of its parts. Each part below is written
 * as people write it, with what it must contribute; every combination is generated and must read as
 * composed: the lead framed off, the whole metric kept, the comparison, quantity, unit and window each
 * in their place. Thousands of bullets, no two alike.
 */
type Op = ParsedCriterion['comparator'];

const LEADS = {
  exit: ['', 'Go if ', 'Exit criterion: ', 'Pass when '],
  rollback: ['', 'Roll back if ', 'Trigger: ', 'Halt the rollout when '],
} as const;

const METRICS = ['error rate', 'checkout latency', 'failed payments', 'orders shipped to the wrong address', 'complaints about billing', 'refund requests from pilot stores'];

// Before the number: symbols and words.
const BEFORE: ReadonlyArray<readonly [string, Op]> = [
  ['<', '<'],
  ['<=', '<='],
  ['≤', '<='],
  ['>', '>'],
  ['>=', '>='],
  ['≥', '>='],
  ['below', '<'],
  ['under', '<'],
  ['less than', '<'],
  ['at most', '<='],
  ['no more than', '<='],
  ['must not exceed', '<='],
  ['above', '>'],
  ['more than', '>'],
  ['at least', '>='],
  ['exceeds', '>'],
  ['no less than', '>='],
  ['is at least', '>='],
];

// After the number.
const AFTER: ReadonlyArray<readonly [string, Op]> = [
  ['or more', '>='],
  ['or fewer', '<='],
  ['or less', '<='],
  ['or higher', '>='],
  ['or lower', '<='],
];

const QUANTITIES: ReadonlyArray<readonly [string, number, ParsedCriterion['unit']]> = [
  ['2%', 2, '%'],
  ['0.5%', 0.5, '%'],
  ['300 ms', 300, 'ms'],
  ['4', 4, null],
  ['2 seconds', 2, 's'],
  ['1,500', 1500, null],
];

// A period counted from the start ("during the first week") names when: the metric keeps it, no window holds it.
type ExpectedWindow = { seconds: number; kind: 'sustained' | 'period' } | { sequence: number } | { named: string } | null;

const WINDOWS: ReadonlyArray<readonly [string, ExpectedWindow]> = [
  ['', null],
  [' for 30 minutes', { seconds: 1800, kind: 'sustained' }],
  [' sustained for 10 minutes', { seconds: 600, kind: 'sustained' }],
  [' over 1 hour', { seconds: 3600, kind: 'period' }],
  [' in any 1-hour window', { seconds: 3600, kind: 'period' }],
  [' during the first week', { named: 'during the first week' }],
  [' in week 2', { named: 'in week 2' }],
  [' on 3 consecutive checks', { sequence: 3 }],
];

// Shares of a population, in digits, fractions and number words, and what the population does.
const SHARES: ReadonlyArray<readonly [string, number]> = [
  ['60%', 60],
  ['half', 50],
  ['two thirds', 200 / 3],
  ['a quarter', 25],
  ['three quarters', 75],
  ['one third', 100 / 3],
];
const SHARE_BEFORE: ReadonlyArray<readonly [string, Op]> = [
  ['at least', '>='],
  ['at most', '<='],
  ['fewer than', '<'],
  ['more than', '>'],
  ['no more than', '<='],
  ['no less than', '>='],
];
const POPULATIONS: ReadonlyArray<readonly [string, string]> = [
  ['pilot users', 'log in weekly'],
  ['enrolled clinics', 'submit a claim'],
  ['store managers', 'complete the training'],
];

export interface Case {
  text: string;
  kind: 'exit' | 'rollback';
  expected: string;
}

/** What a composed bullet must read as, written with the same describer the site and `--explain` use. */
function composed(metric: string, op: Op, value: number, unit: ParsedCriterion['unit'], window: (typeof WINDOWS)[number][1], percentile: number | null = null): string {
  const criterion: ParsedCriterion = {
    metric: window && 'named' in window ? `${metric} ${window.named}` : metric,
    comparator: op,
    value,
    upper: null,
    unit,
    scale: null,
    per: null,
    percentile,
    baseline: null,
    window: window && 'seconds' in window ? { seconds: window.seconds, kind: window.kind, text: '' } : null,
    sequence: window && 'sequence' in window ? { count: window.sequence, unit: 'checks' } : null,
  };
  return describeReading(criterion);
}

// Under the triggers, "must not exceed 2%" says what must hold: read as what fires, it would fire while all is well.
const REQUIRED = 'unsure: it says what must hold (`must`), which is an exit criterion; under the triggers write what fires the rollback, such as "error rate > 2%"';
const required = (kind: 'exit' | 'rollback', words: string) => (kind === 'rollback' && words.startsWith('must ') ? REQUIRED : null);
// Under the triggers, "error rate < 2%" fires when the error rate is low, which is how it should be: turned round.
const BETTER_LOWER = new Set(['error rate', 'checkout latency']);
const turnedRound = (metric: string) =>
  `unsure: a lower \`${metric}\` is better, so a trigger that fires when it is low is turned round; write the level it must not rise above, such as "${metric} > …"`;
const turned = (kind: 'exit' | 'rollback', metric: string, op: Op) => (kind === 'rollback' && BETTER_LOWER.has(metric) && (op === '<' || op === '<=') ? turnedRound(metric) : null);
// "failed payments < 4" too, once it is a count of its own: a head that does not say, but a failure named, is better few.
// Of the others, "<" fires when it is low, and a low figure is not known to be the fault.
const failing = (kind: 'exit' | 'rollback', metric: string, op: Op) =>
  kind !== 'rollback' || op !== '<'
    ? null
    : metric === 'failed payments'
      ? turnedRound(metric)
      : `unsure: a trigger fires when \`${metric}\` is below the figure, and a low \`${metric}\` is not known to be the fault; write the level it must not rise above, such as "${metric} > …", or the fall, such as "${metric} drops below …"`;

// Under the triggers, "at least 60% of pilot users log in", a share written first, fires when most do what is wanted.
const doneWell = (kind: 'exit' | 'rollback', metric: string, op: Op) =>
  kind === 'rollback' && (op === '>' || op === '>=')
    ? `unsure: a share doing what it should fires when it is high, which is how things should be; write the level it must not fall below, such as "${metric} < …"`
    : null;

// Under the triggers, "complaints about billing ≤ 4" of a thing not known to be better higher gives a limit.
const limited = (kind: 'exit' | 'rollback', metric: string, op: Op, value: number) =>
  kind === 'rollback' && !BETTER_LOWER.has(metric) && op === '<=' && value !== 0
    ? `unsure: "at most" gives the limit that must hold, where a trigger gives the level that fires; write that level, such as "${metric} > …"`
    : null;

// "failed payments ≥ 4 for 30 minutes": a count held for a time, counted over it or above it throughout?
const summed = (metric: string, op: Op, quantity: string, unit: ParsedCriterion['unit'], window: ExpectedWindow) =>
  ['failed payments', 'refund requests from pilot stores'].includes(metric) && unit === null && window !== null && 'kind' in window && window.kind === 'sustained'
    ? `unsure: \`${metric}\` adds up over a span, where "for" holds a level throughout; write the span with "over", such as "${metric} ${COMPARATOR_SIGNS[op]} ${quantity} over …"`
    : null;

// "failed payments ≤ 300 ms": faults counted against a time, the span they are counted over or how long each lasts.
const timed = (kind: 'exit' | 'rollback', metric: string, quantity: string, unit: ParsedCriterion['unit']) =>
  metric === 'failed payments' && (unit === 'ms' || unit === 's')
    ? `unsure: \`${metric}\` counts events while \`${quantity}\` is a time: the span they are counted over, or how long each lasts; write the count with its span, such as \`${metric} ${kind === 'rollback' ? '≥ 1' : '= 0'} over ${quantity}\`, or name the time, such as \`failed payment duration ≤ ${quantity}\``
    : null;

/** How a bullet with no percentile reads, the first refusal that applies or the composed reading; "must …" only leads. */
const plainExpected = (kind: 'exit' | 'rollback', words: string, metric: string, op: Op, [quantity, value, unit]: (typeof QUANTITIES)[number], window: ExpectedWindow) =>
  required(kind, words) ??
  turned(kind, metric, op) ??
  timed(kind, metric, quantity, unit) ??
  summed(metric, op, quantity, unit, window) ??
  failing(kind, metric, op) ??
  limited(kind, metric, op, value) ??
  composed(metric, op, value, unit, window);

export function cases(): Case[] {
  const all: Case[] = [];
  for (const kind of ['exit', 'rollback'] as const) {
    for (const lead of LEADS[kind]) {
      for (const metric of METRICS) {
        for (const [quantity, value, unit] of QUANTITIES) {
          for (const [window, expectedWindow] of WINDOWS) {
            for (const [words, op] of BEFORE)
              all.push({
                kind,
                text: `${lead}${metric} ${words} ${quantity}${window}`,
                expected: plainExpected(kind, words, metric, op, [quantity, value, unit], expectedWindow),
              });
            // "4 or more failed payments": the comparison after the number, the metric after both.
            for (const [words, op] of AFTER)
              all.push({
                kind,
                text: `${lead}${quantity} ${words} ${metric}${window}`,
                expected: plainExpected(kind, words, metric, op, [quantity, value, unit], expectedWindow),
              });
            // "p95 checkout latency < 300 ms": a percentile before the metric.
            if (unit === 'ms' || unit === 's')
              for (const [words, op] of BEFORE)
                all.push({
                  kind,
                  text: `${lead}p95 ${metric} ${words} ${quantity}${window}`,
                  expected:
                    required(kind, words) ??
                    turned(kind, metric, op) ??
                    timed(kind, metric, quantity, unit) ??
                    failing(kind, metric, op) ??
                    limited(kind, metric, op, value) ??
                    composed(metric, op, value, unit, expectedWindow, 95),
                });
          }
        }
      }
      // "at least two thirds of enrolled clinics submit a claim": a share, with what the population does.
      for (const [share, value] of SHARES) {
        for (const [words, op] of SHARE_BEFORE) {
          for (const [population, doing] of POPULATIONS) {
            // After a share, "over 1 hour" could be the threshold of what the population does ("wait over 5 minutes"), so it is no window there.
            for (const [window, expectedWindow] of WINDOWS.filter(([text]) => !text.includes('consecutive') && !text.startsWith(' over'))) {
              const metric = `${population} that ${doing}`;
              const reading = composed(metric, op, value, '%', expectedWindow);
              all.push({ kind, text: `${lead}${words} ${share} of ${population} ${doing}${window}`, expected: doneWell(kind, reading.split(/ [>≥] /)[0] ?? metric, op) ?? reading });
            }
          }
        }
      }
    }
  }
  return all;
}

/** Each bullet that does not read as composed, with what it should have read as and what it did. */
export function misread(list: readonly Case[]): string[] {
  return list
    .map(({ text, kind, expected }) => {
      const reading = readCriterion(text, { kind });
      const got = reading.status === 'read' ? reading.criteria.map(describeReading).join(' ; ') : `${reading.status}${reading.status === 'unsure' ? `: ${reading.reason}` : ''}`;
      return got === expected ? null : `${kind}: ${text}\n    expected ${expected}\n    got      ${got}`;
    })
    .filter((line) => line !== null);
}
