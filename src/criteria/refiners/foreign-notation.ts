/**
 * Figures written in the notation of other languages, rewritten into the one the readers know: "95%以上" and "5件以下"
 * put their comparison after the figure, as Japanese and Chinese write it; "%0,5" puts the sign first and a decimal comma
 * in, as Turkish writes it; "(target: < 0.1%)" labels inside brackets. Words of a unit ("secondi", "秒") are the units
 * module's; this module moves only signs.
 */
import type { Token } from '../tokenize.ts';

// A comparison written after the figure, with the counter that may come before it ("件", "個", "回", "人", "台").
const AFTER: Readonly<Record<string, string>> = { 以上: '≥', 以下: '≤', 未満: '<', 超: '>', 超過: '>' };
const COUNTER = /^(?:件|個|回|人|台|本|名|次|个)/;
// Words of aiming that open a bracket: "(target: < 0.1%)", "（目標: P95 < 1秒）".
const AIMS = new Set(['target', 'goal', 'objective', '目標', '目标']);
// Any character of the scripts whose comparisons follow the figure.
const CJK = /[\u3040-\u30ff\u3400-\u9fff]/;

/** A symbol token of `text`, at the place of `at`. */
const symbol = (at: Token, text: string): Token => ({ ...at, kind: 'symbol', text, lower: text, value: 0, ordinal: false });

/** The tokens with such figures rewritten; most bullets hold none, and come back as they are. */
export function refineForeignNotation(tokens: Token[]): Token[] {
  const cjk = tokens.some((token) => CJK.test(token.text));
  const aimed = (index: number) => tokens[index]?.text === ':' && AIMS.has(tokens[index - 1]?.lower ?? '') && ['(', '（'].includes(tokens[index - 2]?.text ?? '');
  if (!cjk && !tokens.some((token, index) => token.text === '%' || token.text === ',' || aimed(index))) return tokens;
  const WIDE: Readonly<Record<string, string>> = { '（': '(', '）': ')', '：': ':' };
  const out: Token[] = [];
  for (let index = 0; index < tokens.length; index++) {
    const written = tokens[index] as Token;
    // "（目標: < 0.1%）": full-width brackets and colons are the ones the readers know.
    // Only around a target: "（自動回滾）" after a threshold is an aside whose words the readers cannot weigh.
    const wide = WIDE[written.text] !== undefined && (AIMS.has(tokens[index + 1]?.lower ?? '') || aimed(index) || (written.text === '）' && out.some((each) => each.text === '(')));
    const token = wide ? symbol(written, WIDE[written.text] as string) : written;
    const next = tokens[index + 1];
    // "Error rate (target: < 0.1%)": the colon after a word of aiming in brackets labels nothing.
    if (aimed(index)) continue;
    // "%100", "<= %0,5": the sign before the figure, and "0,5" a decimal, as no thousands start with nought.
    if (token.text === '%' && next?.kind === 'number' && !next.spaced && tokens[index - 1]?.kind !== 'number') {
      const decimal = next.text === '0' && tokens[index + 2]?.text === ',' && !tokens[index + 2]?.spaced && tokens[index + 3]?.kind === 'number' && !tokens[index + 3]?.spaced;
      const digits = decimal ? `0.${tokens[index + 3]?.text}` : next.text;
      const end = decimal ? (tokens[index + 3] as Token).end : next.end;
      out.push({ ...next, text: digits, lower: digits, value: Number(digits), start: token.start, end, spaced: token.spaced }, symbol({ ...token, start: end, end }, '%'));
      index += decimal ? 3 : 1;
      continue;
    }
    // "95%以上", "5件以下", "0件": the comparison goes before the figure; the counter goes.
    if (cjk && token.kind === 'number') {
      const sign = next?.text === '%' ? 1 : 0;
      const word = tokens[index + 1 + sign];
      const tail = word?.kind === 'word' ? word.text.replace(COUNTER, '') : '';
      const op = AFTER[tail];
      const counted = word?.kind === 'word' && COUNTER.test(word.text);
      if (op !== undefined || (counted && tail === '')) {
        // "Criticalバグ 0件": a name, then its count, as after a colon.
        if (op === undefined && tokens[index - 1]?.kind === 'word') out.push(symbol(token, ':'));
        if (op !== undefined) out.push(symbol(token, op));
        out.push(token);
        if (sign) out.push(next as Token);
        index += 1 + sign;
        continue;
      }
    }
    out.push(token);
  }
  return out;
}
