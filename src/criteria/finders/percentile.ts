/** Finds the percentile a clause is about: "p95", "95th percentile", "99% percentile", "median". */
import type { Found } from '../reading.ts';
import type { Token } from '../tokenize.ts';
import { isTimeUnit, unitOf } from '../units.ts';

// Statistics of a figure: a share of requests after one would be a second.
const STATISTICS = /^(?:average|avg|mean|median|max|maximum|min|minimum|p\d+)$/i;
// Names of a time: "Timeouts < 1 s for 99% of requests" counts timeouts, which have no time of their own.
const TIME_NAMES = /^(?:time|latency|duration|load|response|resolution|wait|delay|lag|rtt|ttfb|turnaround|processing|render|startup|completion)$/i;
// What a time is taken of, one per request: "< 3 s for 95% of requests" is the p95 of that time.
const TIMED_EACH = new Set(['requests', 'calls', 'queries', 'transactions', 'cases', 'loads', 'responses', 'searches', 'lookups', 'operations', 'sessions', 'users', 'scans']);

// Words before the time that say at most it: "< 3 s for 95% of requests" is p95; "> 3 s for 5%" is not p5.
const AT_MOST = new Set(['<', '<=', '≤', '=<', 'under', 'below', 'within']);

/** "… < 3 s for 95% of requests": one word of requests at the end, right after "at most" a time and nothing else figured, is a percentile. */
function shareOfRequests(tokens: readonly Token[], index: number): Found<number> | null {
  const token = tokens[index];
  if (token?.kind !== 'number' || !['for', 'in'].includes(tokens[index - 1]?.lower ?? '') || tokens[index + 1]?.text !== '%' || tokens[index + 2]?.lower !== 'of') return null;
  const nouns = tokens.slice(index + 3).filter((each) => each.kind !== 'symbol' || each.text !== '.');
  const named = nouns.length === 1 && TIMED_EACH.has(nouns[0]?.lower ?? '');
  // "… < 3 s for", "… within 30 minutes for": the time just before "for", at most, and no other figure or statistic.
  const timed = isTimeUnit(unitOf(tokens[index - 2]?.lower ?? '')) && tokens[index - 3]?.kind === 'number' && AT_MOST.has(tokens[index - 4]?.lower ?? '');
  const before = tokens.slice(0, index - 4);
  const alone = !before.some((each) => each.kind === 'number' || STATISTICS.test(each.text)) && before.some((each) => TIME_NAMES.test(each.text));
  return named && timed && alone && token.value > 0 && token.value < 100 ? { start: index - 1, end: tokens.length, value: token.value } : null;
}

// Words that open a percentile: "at p95", "the 99th percentile".
const LEADS = new Set(['at', 'for', 'on', '@', 'the', 'in']);

/** The percentile a clause is about: "p95", "P99", "p(95)", "95th percentile", "99% percentile", "median". */
export function findPercentile(tokens: readonly Token[]): Found<number> | null {
  for (let index = 0; index < tokens.length; index++) {
    const token = tokens[index];
    if (!token) continue;
    const lead = LEADS.has(tokens[index - 1]?.lower ?? '') ? 1 : 0;
    // p10 to p99.9 are percentiles; P0 to P9 are priorities ("P1 defects").
    const short = token.lower.startsWith('p') ? /^p(\d{2}(?:\.\d+)?)$/i.exec(token.text) : null;
    if (short?.[1] && token.kind === 'word') return { start: index - lead, end: index + 1, value: Number(short[1]) };
    if (token.lower === 'p' && tokens[index + 1]?.text === '(' && tokens[index + 2]?.kind === 'number' && tokens[index + 3]?.text === ')')
      return { start: index - lead, end: index + 4, value: tokens[index + 2]?.value ?? 0 };
    if (token.lower === 'median') return { start: index - lead, end: index + 1, value: 50 };
    const ofRequests = shareOfRequests(tokens, index);
    if (ofRequests) return ofRequests;
    if (token.kind === 'number' && token.value > 0 && token.value < 100) {
      let at = index + 1;
      if (tokens[at]?.text === '%' || tokens[at]?.text === '-') at++;
      if (['percentile', 'percentilen', 'pctl'].includes(tokens[at]?.lower ?? '')) return { start: index - lead, end: at + 1, value: token.value };
    }
    if (token.lower === 'percentile' && tokens[index + 1]?.kind === 'number') return { start: index - lead, end: index + 2, value: tokens[index + 1]?.value ?? 0 };
  }
  return null;
}
