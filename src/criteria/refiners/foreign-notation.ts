/**
 * Figures written in the notation of other languages, rewritten into the one the readers know: "95%以上" and "5件以下"
 * put their comparison after the figure, as Japanese and Chinese write it, "1万" its scale; "%0,5" puts the sign first and a
 * decimal comma in, as Turkish writes it; "95% del control" says "of" a baseline; "(target: < 0.1%)" labels inside
 * brackets. The words of other languages around a figure are rewritten by `foreign-words.ts`, units by the units module.
 */
import type { Token } from '../tokenize.ts';
import { wordTable } from '../word-table.ts';
import { ABBREVIATIONS, abbreviated, NONE_WORDS, noneWord, overTheLast, PERIOD_WORDS, perPeriod, type Rewrite, TIMES, timesOver, WORD_SCALES, wordScale } from './foreign-words.ts';

// A comparison written after the figure, with the counter that may come before it ("件", "個", "回", "人", "台").
const AFTER: Readonly<Record<string, string>> = wordTable({ 以上: '≥', 以下: '≤', 未満: '<', 超: '>', 超過: '>' });
const COUNTER = /^(?:件|個|回|人|台|本|名|次|个)/;
// "of" and the names of a baseline in other languages, to the words the readers know.
const OF = new Set(['de', 'del', 'da', 'do', 'della', 'dello', 'du', 'des', 'der', 'dei', 'dos']);
const BASELINES: Readonly<Record<string, string>> = wordTable({
  control: 'control',
  controle: 'control',
  controllo: 'control',
  contrôle: 'control',
  kontrolle: 'control',
  kontrollgruppe: 'control',
  baseline: 'baseline',
  basislinie: 'baseline',
  référence: 'baseline',
  referencia: 'baseline',
  riferimento: 'baseline',
});
// Words of lasting before a length in other languages, and the lengths they count in.
const FOR = new Set(['durante', 'pendant', 'für', 'fuer']);
const FOREIGN_LENGTHS = new Set([
  'minuti',
  'minutos',
  'minuten',
  'secondi',
  'segundos',
  'sekunden',
  'secondes',
  'ore',
  'horas',
  'heures',
  'stunden',
  'giorni',
  'días',
  'dias',
  'jours',
  'tage',
  'minutes',
  'minute',
]);
// Scales written after a figure, and words of lasting written before a length.
// Longest first: "千万" before "千". "w" is 万 in Chinese writing on the web ("日活 ≥ 1w").
const SCALES: Readonly<Record<string, number>> = wordTable({
  천만: 10_000_000,
  억: 100_000_000,
  만: 10_000,
  千万: 10_000_000,
  百万: 1_000_000,
  万: 10_000,
  萬: 10_000,
  億: 100_000_000,
  亿: 100_000_000,
  千: 1000,
  w: 10_000,
  W: 10_000,
});
const LASTING = new Set(['持续', '持續', '継続', '連続']);
// Words of aiming that open a bracket: "(target: < 0.1%)", "（目標: P95 < 1秒）".
const AIMS = new Set(['target', 'goal', 'objective', '目標', '目标']);
// Any character of the scripts whose comparisons follow the figure.
const CJK = /[\u3040-\u30ff\u3400-\u9fff\uac00-\ud7af]/;

/** A symbol token of `text`, at the place of `at`. */
const symbol = (at: Token, text: string): Token => ({ ...at, kind: 'symbol', text, lower: text, value: 0, ordinal: false });

/** "持续5分钟": written without spaces, a word of these scripts with a figure inside is three tokens. */
function splitDigits(token: Token): Token[] {
  const parts = token.kind === 'word' && CJK.test(token.text) ? token.text.split(/(?<![A-Za-z])(\d+(?:\.\d+)?)/).filter(Boolean) : [];
  if (parts.length < 2) return [token];
  let start = token.start;
  return parts.map((part, index) => {
    const number = /^\d/.test(part);
    const piece: Token = {
      ...token,
      kind: number ? 'number' : 'word',
      text: part,
      lower: part.toLowerCase(),
      start,
      end: start + part.length,
      value: number ? Number(part) : 0,
      spaced: index === 0 ? token.spaced : true,
    };
    start += part.length;
    return piece;
  });
}

/** "%100", "<= %0,5": the sign before the figure, and "0,5" a decimal, as no thousands start with nought. */
const signFirst: Rewrite = (tokens, index, out) => {
  const [token, next] = [tokens[index] as Token, tokens[index + 1]];
  if (token.text !== '%' || next?.kind !== 'number' || next.spaced || tokens[index - 1]?.kind === 'number') return 0;
  const decimal = next.text === '0' && tokens[index + 2]?.text === ',' && !tokens[index + 2]?.spaced && tokens[index + 3]?.kind === 'number' && !tokens[index + 3]?.spaced;
  const digits = decimal ? `0.${tokens[index + 3]?.text}` : next.text;
  const end = decimal ? (tokens[index + 3] as Token).end : next.end;
  out.push({ ...next, text: digits, lower: digits, value: decimal ? Number(digits) : next.value, start: token.start, end, spaced: token.spaced }, symbol({ ...token, start: end, end }, '%'));
  return decimal ? 4 : 2;
};

/** "95% del control", "150 % der Baseline": a share of a baseline, said in Spanish, Italian, Portuguese, French or German. */
const baselineOf: Rewrite = (tokens, index, out) => {
  const token = tokens[index] as Token;
  if (tokens[index - 1]?.text !== '%' || !OF.has(token.lower)) return 0;
  // "de l'objectif", "des Vorjahres": a share of something else is a share, as "of" makes it.
  const named = BASELINES[tokens[index + 1]?.lower ?? ''] ?? BASELINES[tokens[index + 2]?.lower ?? ''];
  out.push({ ...token, text: 'of', lower: 'of' });
  if (named === undefined) return 1;
  const article = BASELINES[tokens[index + 1]?.lower ?? ''] === undefined ? 1 : 0;
  out.push({ ...(tokens[index + 1 + article] as Token), text: named, lower: named });
  return 2 + article;
};

/** "per 10 minuti", "por 10 minutos", "durante 2 horas", "pendant 5 minutes", "für 10 Minuten", "持续5分钟": "for" a length. */
const lastingFor: Rewrite = (tokens, index, out) => {
  const token = tokens[index] as Token;
  if (tokens[index + 1]?.kind !== 'number') return 0;
  const unit = tokens[index + 2]?.lower ?? '';
  const foreign = FOREIGN_LENGTHS.has(unit) && (FOR.has(token.lower) || (['per', 'por'].includes(token.lower) && !['minutes', 'hours', 'days', 'seconds'].includes(unit)));
  if (!foreign && !LASTING.has(token.text)) return 0;
  out.push({ ...token, kind: 'word', text: 'for', lower: 'for', spaced: true });
  return 1;
};

/** "1万", "3億", "2千万", "1w": a scale written after the figure multiplies it; "1万人" keeps its counter's place. */
const scaleAfter: Rewrite = (tokens, index, out) => {
  const [token, next] = [tokens[index] as Token, tokens[index + 1]];
  const prefix = next?.kind === 'word' ? Object.keys(SCALES).find((each) => next.text.startsWith(each) && (each !== 'w' || (next.text === each && !next.spaced))) : undefined;
  if (token.kind !== 'number' || prefix === undefined || !next) return 0;
  const value = token.value * (SCALES[prefix] as number);
  out.push({ ...token, text: String(value), lower: String(value), value, end: next.end });
  // "1万件": the counter after the scale goes, as after a figure.
  const rest = next.text.slice(prefix.length).replace(COUNTER, '');
  if (rest) out.push({ ...next, text: rest, lower: rest.toLowerCase(), spaced: false });
  return 2;
};

/** "95%以上", "5件以下", "0件": the comparison goes before the figure; the counter goes; "Criticalバグ 0件" counts after a colon. */
const comparisonAfter: Rewrite = (tokens, index, out) => {
  const [token, next] = [tokens[index] as Token, tokens[index + 1]];
  if (token.kind !== 'number') return 0;
  const sign = next?.text === '%' ? 1 : 0;
  const word = tokens[index + 1 + sign];
  const tail = word?.kind === 'word' ? word.text.replace(COUNTER, '') : '';
  const op = AFTER[tail];
  if (op === undefined && !(word?.kind === 'word' && COUNTER.test(word.text) && tail === '')) return 0;
  if (op === undefined && tokens[index - 1]?.kind === 'word') out.push(symbol(token, ':'));
  if (op !== undefined) out.push(symbol(token, op));
  out.push(token, ...(sign ? [next as Token] : []));
  return 2 + sign;
};

// Full-width brackets and colons, as the readers know them: only around a target ("（目標: < 0.1%）"); "（自動回滾）" after a
// threshold is an aside whose words the readers cannot weigh.
const WIDE: Readonly<Record<string, string>> = wordTable({ '（': '(', '）': ')', '：': ':' });

// The words whose presence sends a bullet through the rewrites: lengths, scales, times, periods, "fila".
const TRIGGERS: ReadonlySet<string> = new Set(
  [...FOREIGN_LENGTHS, ...Object.keys(WORD_SCALES), ...TIMES, ...FOR, 'fila', ...PERIOD_WORDS, ...NONE_WORDS, 'за'].filter((word) => !['minutes', 'minute'].includes(word)),
);

/** Whether a bullet in a script with spaces holds anything the rewrites change; one plain pass, as nearly every bullet holds none. */
function needsRewrite(tokens: readonly Token[]): boolean {
  for (let index = 0; index < tokens.length; index++) {
    const token = tokens[index] as Token;
    if (TRIGGERS.has(token.lower)) return true;
    if (token.text === '%' && (tokens[index + 1]?.kind === 'number' || OF.has(tokens[index + 1]?.lower ?? ''))) return true;
    if (token.text === '.' && ABBREVIATIONS[tokens[index - 1]?.text ?? ''] !== undefined) return true;
    if (token.text === ':' && AIMS.has(tokens[index - 1]?.lower ?? '') && tokens[index - 2]?.text === '(') return true;
  }
  return false;
}

/** The tokens with such figures rewritten; most bullets hold none, and come back as they are. */
export function refineForeignNotation(written: Token[], text: string): Token[] {
  // Nearly every bullet holds none of it: one look at the text for a character of those scripts, one pass over the words.
  const cjk = CJK.test(text);
  if (!cjk && !needsRewrite(written)) return written;
  const tokens = cjk ? written.flatMap(splitDigits) : written;
  // "Error rate (target: < 0.1%)": the colon after a word of aiming in brackets labels nothing.
  const aimed = (index: number) => tokens[index]?.text === ':' && AIMS.has(tokens[index - 1]?.lower ?? '') && ['(', '（'].includes(tokens[index - 2]?.text ?? '');
  const rewrites: readonly Rewrite[] = cjk
    ? [signFirst, baselineOf, lastingFor, scaleAfter, comparisonAfter]
    : [signFirst, baselineOf, lastingFor, abbreviated, wordScale, timesOver, perPeriod, noneWord, overTheLast];
  const out: Token[] = [];
  for (let index = 0; index < tokens.length; index++) {
    const given = tokens[index] as Token;
    if (aimed(index)) continue;
    const wide = given.text === '：' || (WIDE[given.text] !== undefined && (AIMS.has(tokens[index + 1]?.lower ?? '') || (given.text === '）' && out.some((each) => each.text === '('))));
    if (wide) {
      out.push(symbol(given, WIDE[given.text] as string));
      continue;
    }
    const taken = rewrites.reduce((found, rewrite) => found || rewrite(tokens, index, out), 0);
    if (taken > 0) index += taken - 1;
    else out.push(given);
  }
  return out;
}
