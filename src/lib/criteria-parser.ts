/**
 * Turns one written threshold ("error rate ≤ 0.5%", "latency > 300 ms for 30 minutes") into data.
 * Pure and synchronous: the checker, the CLI, the site and the evaluator all call this one function.
 */

export type Comparator = '=' | '!=' | '<' | '<=' | '>' | '>=';
export type Unit = '%' | 'ms' | 's' | 'min' | 'h' | 'd';

export interface RateDenominator {
  count: number;
  unit: string;
}

export interface CriterionWindow {
  seconds: number;
  text: string;
}

export interface Criterion {
  text: string;
  line: number;
  metric: string;
  comparator: Comparator;
  value: number;
  unit: Unit | null;
  scale: number | null;
  per: RateDenominator | null;
  window: CriterionWindow | null;
}

const NUMBER_WORDS: Record<string, number> = {
  zero: 0, no: 0, a: 1, an: 1, one: 1, single: 1, two: 2, three: 3, four: 4, five: 5, six: 6,
  seven: 7, eight: 8, nine: 9, ten: 10, eleven: 11, twelve: 12, fifteen: 15, twenty: 20,
  thirty: 30, sixty: 60, ninety: 90, hundred: 100,
};

// Longest spellings first so "minutes" wins over "min" and "ms" over "m".
const UNIT_WORDS: ReadonlyArray<readonly [string, Unit]> = [
  ['percent', '%'], ['per cent', '%'], ['%', '%'],
  ['milliseconds', 'ms'], ['millisecond', 'ms'], ['msecs', 'ms'], ['msec', 'ms'], ['ms', 'ms'],
  ['seconds', 's'], ['second', 's'], ['secs', 's'], ['sec', 's'], ['s', 's'],
  ['minutes', 'min'], ['minute', 'min'], ['mins', 'min'], ['min', 'min'], ['m', 'min'],
  ['hours', 'h'], ['hour', 'h'], ['hrs', 'h'], ['hr', 'h'], ['h', 'h'],
  ['business days', 'd'], ['business day', 'd'], ['working days', 'd'], ['days', 'd'], ['day', 'd'], ['d', 'd'],
];

export const UNIT_SECONDS: Record<Exclude<Unit, '%'>, number> = {
  ms: 0.001, s: 1, min: 60, h: 3600, d: 86_400,
};

const WINDOW_UNIT_SECONDS: ReadonlyArray<readonly [RegExp, number]> = [
  [/^(?:ms|msecs?|milliseconds?)$/, 0.001],
  [/^(?:s|secs?|seconds?)$/, 1],
  [/^(?:m|mins?|minutes?)$/, 60],
  [/^(?:h|hrs?|hours?)$/, 3600],
  [/^(?:(?:business |working |calendar )?days?|d)$/, 86_400],
  [/^(?:weeks?|wks?)$/, 604_800],
];

const SYMBOLS: ReadonlyArray<readonly [string, Comparator]> = [
  ['<=', '<='], ['=<', '<='], ['≤', '<='], ['⩽', '<='],
  ['>=', '>='], ['=>', '>='], ['≥', '>='], ['⩾', '>='],
  ['!=', '!='], ['≠', '!='], ['<>', '!='], ['==', '='],
  ['<', '<'], ['>', '>'], ['=', '='], [':', '='],
];

// Phrases placed before the number, longest first so "no more than" wins over "more than".
const WORDS_BEFORE: ReadonlyArray<readonly [string, Comparator]> = ([
  ['at most', '<='], ['no more than', '<='], ['not more than', '<='], ['not to exceed', '<='],
  ['does not exceed', '<='], ['not exceeding', '<='], ['no greater than', '<='], ['no higher than', '<='],
  ['up to', '<='], ['a maximum of', '<='], ['maximum of', '<='], ['maximum', '<='], ['max', '<='],
  ['at least', '>='], ['no less than', '>='], ['not less than', '>='], ['no fewer than', '>='],
  ['no lower than', '>='], ['a minimum of', '>='], ['minimum of', '>='], ['minimum', '>='], ['min', '>='],
  ['reaches', '>='], ['reach', '>='], ['hits', '>='], ['hit', '>='],
  ['fewer than', '<'], ['less than', '<'], ['lower than', '<'], ['below', '<'], ['under', '<'],
  ['falls below', '<'], ['falls under', '<'], ['drops below', '<'], ['drops under', '<'],
  ['dips below', '<'], ['goes below', '<'], ['is below', '<'],
  ['more than', '>'], ['greater than', '>'], ['higher than', '>'], ['above', '>'], ['over', '>'],
  ['exceeds', '>'], ['exceed', '>'], ['exceeding', '>'], ['rises above', '>'], ['goes above', '>'],
  ['goes over', '>'], ['climbs above', '>'], ['spikes above', '>'], ['in excess of', '>'],
  ['equals', '='], ['equal to', '='], ['exactly', '='], ['of', '='], ['is', '='], ['are', '='],
  ['not equal to', '!='], ['other than', '!='],
] as Array<readonly [string, Comparator]>).sort((a, b) => b[0].length - a[0].length);

// Phrases placed after the number ("4.0 out of 5 or higher").
const WORDS_AFTER: ReadonlyArray<readonly [string, Comparator]> = [
  ['or higher', '>='], ['or more', '>='], ['or above', '>='], ['or greater', '>='], ['or better', '>='],
  ['and above', '>='], ['and up', '>='], ['or over', '>='], ['at minimum', '>='],
  ['or lower', '<='], ['or less', '<='], ['or fewer', '<='], ['or below', '<='], ['and below', '<='],
  ['or under', '<='], ['at most', '<='], ['at maximum', '<='],
];

// Words that may stand between the metric and its comparator without changing its meaning.
const FILLER = String.raw`(?:(?:must|should|shall|will|to|does|do|can|may)\s+)?(?:(?:stay|stays|remain|remains|be|is|are|keep|kept|hold|holds)\s+)?(?:at\s+(?=or\b))?`;

const NUM = String.raw`(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?|\.\d+`;
const NUMBER_WORD = Object.keys(NUMBER_WORDS).filter((w) => w !== 'no' && w !== 'a' && w !== 'an').join('|');
const escape = (text: string): string => text.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
const alternation = (pairs: ReadonlyArray<readonly [string, unknown]>): string =>
  pairs.map(([word]) => escape(word).replace(/ /g, '\\s+')).join('|');

const UNIT_RE = String.raw`(?:${UNIT_WORDS.map(([w]) => escape(w).replace(/ /g, '\\s+')).join('|')})(?![\p{L}\d])`;
const SCALE_RE = String.raw`\s*(?:\/|out\s+of\s+)\s*(${NUM})`;
const VALUE_TAIL = String.raw`(${NUM})\s*(${UNIT_RE})?(?:${SCALE_RE})?`;

const SYMBOL_PATTERN = new RegExp(
  String.raw`^(.+?)\s*(?::\s*(?=[<>=≤≥⩽⩾≠!]))?(${alternation(SYMBOLS)})\s*${VALUE_TAIL}(.*)$`,
  'iu',
);
const WORD_BEFORE_PATTERN = new RegExp(
  String.raw`^(.+?)\s+${FILLER}(${alternation(WORDS_BEFORE)})\s+${VALUE_TAIL}(.*)$`,
  'iu',
);
const WORD_AFTER_PATTERN = new RegExp(
  String.raw`^(.+?)\s+(?:(?:of|is|at|are|stays|remains|must\s+be|should\s+be)\s+)?${VALUE_TAIL}\s+(${alternation(WORDS_AFTER)})\b(.*)$`,
  'iu',
);
// "fewer than 2 P2 defects per 1,000 sessions": comparator and number first, metric after.
const LEADING_COMPARATOR_PATTERN = new RegExp(
  String.raw`^(${alternation(WORDS_BEFORE.filter(([w]) => !['of', 'is', 'are', 'max', 'min'].includes(w)))})\s+(${NUM}|${NUMBER_WORD})\s+(.+)$`,
  'iu',
);
// "two or more failed logins", "3 or more P2 defects".
const COUNT_OR_MORE_PATTERN = new RegExp(String.raw`^(${NUM}|${NUMBER_WORD})\s+or\s+more\s+(.+)$`, 'iu');
// "zero P1 defects", "no data loss".
const ZERO_PATTERN = /^(?:zero|no)\s+(.+)$/iu;
// "a P1 defect occurs", "any data loss incident".
const OCCURS_PATTERN = /^(?:a|an|any|one)\s+(?:new\s+)?(.+?)$/iu;
const OCCURS_VERBS = /\s+(?:occurs?|occurred|happens?|is\s+(?:reported|detected|found|logged|opened|raised|observed|confirmed)|are\s+(?:reported|detected|found|logged|observed)|gets?\s+(?:reported|logged))\b.*$/iu;

const LEAD_IN = /^(?:(?:roll\s*back|rollback|revert)\s+(?:immediately\s+)?(?:if|when)|triggers?\s*(?:[:\-–—]|if|when)?|if|when|whenever|on)\s+/iu;

const WINDOW_UNIT = String.raw`(?:(?:business|working|calendar)[\s-]+)?(?:milliseconds?|msecs?|ms|seconds?|secs?|s|minutes?|mins?|m|hours?|hrs?|h|days?|d|weeks?|wks?)`;
const WINDOW_COUNT = String.raw`(?:${NUM}|${NUMBER_WORD}|a|an)`;
const WINDOW_PATTERNS: readonly RegExp[] = [
  new RegExp(String.raw`\b(?:sustained\s+|continuously\s+)?for\s+(?:at\s+least\s+|more\s+than\s+|over\s+|longer\s+than\s+)?(${WINDOW_COUNT})\s*[-\s]?\s*(?:consecutive\s+|straight\s+)?(${WINDOW_UNIT})(?:\s+in\s+a\s+row)?\b`, 'iu'),
  new RegExp(String.raw`\b(?:in|over|during|across)\s+(?:any|a|one|each|every|the)\s+(?:single\s+|rolling\s+|given\s+)?(?:(${WINDOW_COUNT})\s*[-\s]?\s*)?(${WINDOW_UNIT})(?:\s+(?:window|period|interval))?\b`, 'iu'),
  new RegExp(String.raw`\bwithin\s+(?:the\s+first\s+)?(${WINDOW_COUNT})\s*[-\s]?\s*(${WINDOW_UNIT})\b`, 'iu'),
  new RegExp(String.raw`\bover\s+(?:the\s+)?(?:last|first|pilot's|whole|full|entire)?\s*(${WINDOW_COUNT})\s*[-\s]?\s*(${WINDOW_UNIT})\b`, 'iu'),
];

const PER_PATTERN = new RegExp(
  String.raw`\s*(?:\bper\b|\bfor\s+every\b|\bevery\b|\/)\s*(${NUM}|k)?\s*(k\b)?\s*([\p{L}][\p{L}\d-]*(?:\s+(?!for\b|in\b|over\b|within\b|during\b)[\p{L}][\p{L}\d-]*)?)`,
  'iu',
);

export function parseNumber(text: string): number | null {
  const lower = text.toLowerCase().trim();
  if (lower in NUMBER_WORDS) return NUMBER_WORDS[lower] ?? null;
  const value = Number(lower.replace(/,/g, ''));
  return Number.isFinite(value) ? value : null;
}

function normalizeUnit(text: string | undefined): Unit | null {
  if (!text) return null;
  const lower = text.toLowerCase().replace(/\s+/g, ' ');
  return UNIT_WORDS.find(([word]) => word === lower)?.[1] ?? null;
}

function windowSeconds(countText: string | undefined, unitText: string): number | null {
  const count = countText === undefined ? 1 : parseNumber(countText);
  const unit = unitText.toLowerCase().replace(/[\s-]+/g, ' ');
  const factor = WINDOW_UNIT_SECONDS.find(([pattern]) => pattern.test(unit))?.[1];
  return count === null || factor === undefined ? null : count * factor;
}

function extractWindow(text: string): { rest: string; window: CriterionWindow | null } {
  for (const pattern of WINDOW_PATTERNS) {
    const match = pattern.exec(text);
    const unit = match?.[2];
    if (!match || unit === undefined) continue;
    const seconds = windowSeconds(match[1], unit);
    if (seconds === null) continue;
    const rest = `${text.slice(0, match.index)} ${text.slice(match.index + match[0].length)}`;
    return { rest: tidy(rest), window: { seconds, text: match[0].trim() } };
  }
  return { rest: text, window: null };
}

function extractPer(text: string): { rest: string; per: RateDenominator | null } {
  const match = PER_PATTERN.exec(text);
  const unit = match?.[3];
  if (!match || unit === undefined || normalizeUnit(unit) === '%') return { rest: text, per: null };
  const thousands = match[1]?.toLowerCase() === 'k' || match[2] !== undefined;
  const base = match[1] && match[1].toLowerCase() !== 'k' ? parseNumber(match[1]) : 1;
  if (base === null) return { rest: text, per: null };
  const rest = `${text.slice(0, match.index)} ${text.slice(match.index + match[0].length)}`;
  return { rest: tidy(rest), per: { count: thousands ? base * 1000 : base, unit: unit.toLowerCase() } };
}

function tidy(text: string): string {
  return text.replace(/\s+/g, ' ').replace(/\s+([,.;])/g, '$1').trim();
}

function cleanMetric(text: string): string {
  return text
    .replace(/^(?:the|our|an?|any|average|total)\s+/iu, (word) => (/^(?:average|total)/iu.test(word) ? word : ''))
    .replace(/\s+(?:is|are|must|should|stays?|remains?|of|at|be|to)$/iu, '')
    .replace(/[\s:,;–—-]+$/u, '')
    .trim();
}

function lookup(pairs: ReadonlyArray<readonly [string, Comparator]>, word: string): Comparator | null {
  const normal = word.toLowerCase().replace(/\s+/g, ' ');
  return pairs.find(([w]) => w === normal)?.[1] ?? null;
}

interface Threshold {
  metric: string;
  comparator: Comparator;
  value: number;
  unit: Unit | null;
  scale: number | null;
}

function threshold(
  metric: string | undefined,
  comparator: Comparator | null,
  value: string | undefined,
  unit: string | undefined,
  scale: string | undefined,
): Threshold | null {
  const cleaned = cleanMetric(metric ?? '');
  const number = value === undefined ? null : parseNumber(value);
  if (!cleaned || comparator === null || number === null || !/[\p{L}]/u.test(cleaned)) return null;
  return { metric: cleaned, comparator, value: number, unit: normalizeUnit(unit), scale: scale === undefined ? null : parseNumber(scale) };
}

function matchThreshold(text: string): Threshold | null {
  let match = WORD_AFTER_PATTERN.exec(text);
  if (match) {
    const found = threshold(match[1], lookup(WORDS_AFTER, match[5] ?? ''), match[2], match[3], match[4]);
    if (found) return found;
  }
  match = SYMBOL_PATTERN.exec(text);
  if (match) {
    const found = threshold(match[1], lookup(SYMBOLS, match[2] ?? ''), match[3], match[4], match[5]);
    if (found) return found;
  }
  match = WORD_BEFORE_PATTERN.exec(text);
  if (match) {
    const found = threshold(match[1], lookup(WORDS_BEFORE, match[2] ?? ''), match[3], match[4], match[5]);
    if (found) return found;
  }
  match = LEADING_COMPARATOR_PATTERN.exec(text);
  if (match) {
    const found = threshold(match[3], lookup(WORDS_BEFORE, match[1] ?? ''), match[2], undefined, undefined);
    if (found) return found;
  }
  match = COUNT_OR_MORE_PATTERN.exec(text);
  if (match) return threshold(match[2]?.replace(OCCURS_VERBS, ''), '>=', match[1], undefined, undefined);
  match = ZERO_PATTERN.exec(text);
  if (match) return threshold(match[1]?.replace(OCCURS_VERBS, '').replace(/\s+(?:allowed|permitted|open|outstanding)$/iu, ''), '=', '0', undefined, undefined);
  match = OCCURS_PATTERN.exec(text);
  if (match && OCCURS_VERBS.test(` ${match[1] ?? ''}`) || (match && /^any\s/iu.test(text))) {
    return threshold(match[1]?.replace(OCCURS_VERBS, ''), '>=', '1', undefined, undefined);
  }
  return null;
}

/**
 * Parses one criterion or trigger. Returns null when the text holds no measurable threshold,
 * which the `quantitative-criterion` rule reports.
 */
export function parseCriterion(raw: string, line: number): Criterion | null {
  const text = tidy(raw);
  const stripped = tidy(text.replace(LEAD_IN, '').replace(/[.;!]+$/u, ''));
  const { rest: withoutWindow, window } = extractWindow(stripped);
  const { rest, per } = extractPer(withoutWindow);
  const found = matchThreshold(rest) ?? (per === null ? null : matchThreshold(withoutWindow));
  if (!found) return null;
  return { text, line, ...found, per: found.scale === null || per === null ? per : null, window };
}
