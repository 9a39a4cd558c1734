/** Finds the percentile a clause is about: "p95", "95th percentile", "99% percentile", "median". */
import type { Found } from '../reading.ts';
import type { Token } from '../tokenize.ts';

/** The percentile a clause is about: "p95", "P99", "p(95)", "95th percentile", "99% percentile", "median". */
export function findPercentile(tokens: readonly Token[]): Found<number> | null {
  for (let index = 0; index < tokens.length; index++) {
    const token = tokens[index];
    if (!token) continue;
    const lead = ['at', 'for', 'on', '@', 'the', 'in'].includes(tokens[index - 1]?.lower ?? '') ? 1 : 0;
    // p10 to p99.9 are percentiles; P0 to P9 are priorities ("P1 defects").
    const short = /^p(\d{2}(?:\.\d+)?)$/i.exec(token.text);
    if (short?.[1] && token.kind === 'word') return { start: index - lead, end: index + 1, value: Number(short[1]) };
    if (token.lower === 'p' && tokens[index + 1]?.text === '(' && tokens[index + 2]?.kind === 'number' && tokens[index + 3]?.text === ')')
      return { start: index - lead, end: index + 4, value: tokens[index + 2]?.value ?? 0 };
    if (token.lower === 'median') return { start: index - lead, end: index + 1, value: 50 };
    if (token.kind === 'number' && token.value > 0 && token.value < 100) {
      let at = index + 1;
      if (tokens[at]?.text === '%' || tokens[at]?.text === '-') at++;
      if (['percentile', 'percentilen', 'pctl'].includes(tokens[at]?.lower ?? '')) return { start: index - lead, end: at + 1, value: token.value };
    }
    if (token.lower === 'percentile' && tokens[index + 1]?.kind === 'number') return { start: index - lead, end: index + 2, value: tokens[index + 1]?.value ?? 0 };
  }
  return null;
}
