/** Words of other languages around a figure, rewritten into the ones the readers know: scales, lengths, periods, times. */
import type { Token } from '../tokenize.ts';
import { wordTable } from '../word-table.ts';

/** A rewrite at `index`: how many tokens it took (pushing what stands for them), or 0 where it does not apply. */
export type Rewrite = (tokens: readonly Token[], index: number, out: Token[]) => number;

// Scales in words of Turkish, Spanish, Italian, Portuguese, French and German: "1,5 milyon", "2 Mio.", "300 mila".
export const WORD_SCALES: Readonly<Record<string, number>> = wordTable({
  bin: 1000,
  tsd: 1000,
  tausend: 1000,
  milyon: 1e6,
  millones: 1e6,
  millón: 1e6,
  milioni: 1e6,
  milione: 1e6,
  milhões: 1e6,
  milhão: 1e6,
  mio: 1e6,
  mila: 1000,
  millions: 1e6,
  milliards: 1e9,
  millionen: 1e6,
  milyar: 1e9,
  mrd: 1e9,
  milliarden: 1e9,
  miliardi: 1e9,
});
// German abbreviations of a length, written with a point: "2 Std.", "300 Millisek.".
export const ABBREVIATIONS: Readonly<Record<string, string>> = wordTable({ Std: 'hours', Min: 'minutes', Sek: 'seconds', Millisek: 'ms', Tg: 'days' });

/** "2 volte la baseline", "3 veces el control", "2 fois la référence": times a baseline; "di fila" is in a row. */
export const timesOver: Rewrite = (tokens, index, out) => {
  const [token, next] = [tokens[index] as Token, tokens[index + 1]];
  if (token.lower === 'di' && next?.lower === 'fila') {
    out.push({ ...token, text: 'straight', lower: 'straight' });
    return 2;
  }
  if (token.kind !== 'number' || !TIMES.has(next?.lower ?? '') || !next) return 0;
  const article = ['la', 'el', 'o', 'a', 'le', 'il', 'die', 'das', 'den', 'der'].includes(tokens[index + 2]?.lower ?? '') ? 1 : 0;
  out.push(token, { ...next, text: 'x', lower: 'x', spaced: false });
  return 2 + article;
};
export const TIMES = new Set(['volte', 'veces', 'vezes', 'fois', 'mal']);

/** "1,5 milyon", "2 millones de", "2 Mio.", "500 Tsd.", "1,5 Mrd.", "2 milioni di": a scale in words of other languages. */
export const wordScale: Rewrite = (tokens, index, out) => {
  const [token, next] = [tokens[index] as Token, tokens[index + 1]];
  const scale = WORD_SCALES[next?.lower ?? ''];
  if (token.kind !== 'number' || scale === undefined || !next) return 0;
  const value = token.value * scale;
  out.push({ ...token, text: String(value), lower: String(value), value, end: next.end });
  // The point of "Mio." and the "of" of "millones de euros" go with the scale.
  const after = ['.', 'de', 'di', 'd'].includes(tokens[index + 2]?.lower ?? '') ? 1 : 0;
  return 2 + after;
};

/** "al día", "par jour", "pro Woche", "alla settimana", "por mês": "per" a period, as the readers know it. */
export const perPeriod: Rewrite = (tokens, index, out) => {
  const token = tokens[index] as Token;
  for (const [words, unit] of PER_PERIODS_BY_FIRST.get(token.lower) ?? []) {
    if (!words.every((word, offset) => tokens[index + offset]?.lower === word)) continue;
    out.push({ ...token, text: 'per', lower: 'per' }, { ...(tokens[index + words.length - 1] as Token), text: unit, lower: unit });
    return words.length;
  }
  return 0;
};
// "Per" a period in Spanish, Portuguese, French, German and Italian, by the period.
const PER_PERIOD_PHRASES: Readonly<Record<string, readonly string[]>> = wordTable({
  day: ['al día', 'por día', 'por dia', 'par jour', 'pro tag', 'al giorno'],
  week: ['a la semana', 'por semana', 'par semaine', 'pro woche', 'alla settimana'],
  month: ['al mes', 'por mes', 'por mês', 'par mois', 'pro monat', 'al mese'],
});
const PER_PERIODS: ReadonlyArray<readonly [readonly string[], string]> = Object.entries(PER_PERIOD_PHRASES).flatMap(([unit, phrases]) => phrases.map((phrase) => [phrase.split(' '), unit] as const));
// The phrases by their first word, so a token that opens none costs one look; their last words, to tell a bullet holds one.
const PER_PERIODS_BY_FIRST = new Map<string, Array<readonly [readonly string[], string]>>();
for (const phrase of PER_PERIODS) PER_PERIODS_BY_FIRST.set(phrase[0][0] ?? '', [...(PER_PERIODS_BY_FIRST.get(phrase[0][0] ?? '') ?? []), phrase]);
export const PERIOD_WORDS: ReadonlySet<string> = new Set(PER_PERIODS.map(([words]) => words.at(-1) ?? ''));

/** "> 2 Std.", "10 Min.", "30 Sek.": German abbreviations of a length, with their point. */
export const abbreviated: Rewrite = (tokens, index, out) => {
  const [token, next] = [tokens[index] as Token, tokens[index + 1]];
  const unit = ABBREVIATIONS[next?.text ?? ''];
  if (token.kind !== 'number' || unit === undefined || tokens[index + 2]?.text !== '.' || !next) return 0;
  out.push(token, { ...next, text: unit, lower: unit });
  return 3;
};

// "No" opening a count of none in German, French, Spanish, Portuguese, Italian, Dutch, the Nordic languages, Polish,
// Russian and Ukrainian: "Keine offenen P1/P2 Bugs", "Aucun bug bloquant", "Sin reportes críticos".
export const NONE_WORDS: ReadonlySet<string> = new Set(
  'kein keine keinen keinem keiner aucun aucune ningún ninguno ninguna sin nenhum nenhuma sem nessun nessuno nessuna senza geen ingen inga brak нет жодних жодного жодної'.split(' '),
);

/** Whether a word for "no" opens the bullet: not an initialism ("SEM"), not inside a sentence. */
const opensWithNone = (tokens: readonly Token[], index: number) => {
  const token = tokens[index] as Token;
  return NONE_WORDS.has(token.lower) && token.text !== token.text.toUpperCase() && !tokens.slice(0, index).some((each) => each.kind === 'word');
};

/**
 * A word for "no" that opens a bullet with no figure, read as "no": "Keine offenen P1/P2 Bugs". With a figure ("Nenhum erro
 * acima de 1%", "Sin embargo, error rate < 1%") it may turn a comparison round or be another word: `noneBeforeFigure` refuses it.
 */
export const noneWord: Rewrite = (tokens, index, out) => {
  const token = tokens[index] as Token;
  if (!opensWithNone(tokens, index) || tokens.some((each) => each.kind === 'number')) return 0;
  out.push({ ...token, lower: 'no' });
  return 1;
};

// Comparisons said in words of German, French, Spanish, Portuguese, Italian, Dutch, Russian and Ukrainian, before the
// figure as English ones are: "mindestens 2/3", "au moins 80 %", "не более 3". Prepositions alone ("über", "sotto") may
// only place a thing, so only phrases and words that compare and nothing else are here.
const COMPARISON_PHRASES: ReadonlyArray<readonly [string, string]> = [
  ['nicht mehr als', '≤'],
  ['nicht weniger als', '≥'],
  ['mindestens', '≥'],
  ['höchstens', '≤'],
  ['maximal', '≤'],
  ['weniger als', '<'],
  ['mehr als', '>'],
  ['pas plus de', '≤'],
  ['au moins', '≥'],
  ['au plus', '≤'],
  ['au maximum', '≤'],
  ['au minimum', '≥'],
  ['moins de', '<'],
  ['plus de', '>'],
  ['inférieur à', '<'],
  ['supérieur à', '>'],
  ['inférieure à', '<'],
  ['supérieure à', '>'],
  ['no más de', '≤'],
  ['al menos', '≥'],
  ['como mínimo', '≥'],
  ['como máximo', '≤'],
  ['menos de', '<'],
  ['más de', '>'],
  ['não mais que', '≤'],
  ['não mais de', '≤'],
  ['pelo menos', '≥'],
  ['no mínimo', '≥'],
  ['no máximo', '≤'],
  ['mais de', '>'],
  ['acima de', '>'],
  ['abaixo de', '<'],
  ['inferior a', '<'],
  ['superior a', '>'],
  ['non più di', '≤'],
  ['almeno', '≥'],
  ['al massimo', '≤'],
  ['meno di', '<'],
  ['più di', '>'],
  ['inferiore a', '<'],
  ['superiore a', '>'],
  ['ten minste', '≥'],
  ['minstens', '≥'],
  ['maximaal', '≤'],
  ['minder dan', '<'],
  ['meer dan', '>'],
  ['не более', '≤'],
  ['не менее', '≥'],
  ['не больше', '≤'],
  ['не меньше', '≥'],
  ['более', '>'],
  ['менее', '<'],
  ['не більше', '≤'],
  ['не менше', '≥'],
  ['більше', '>'],
  ['менше', '<'],
];
// The phrases by their first word, longest first, so a word that opens none costs one look.
const COMPARISONS_BY_FIRST = new Map<string, Array<readonly [readonly string[], string]>>();
for (const [phrase, sign] of COMPARISON_PHRASES) {
  const words = phrase.split(' ');
  COMPARISONS_BY_FIRST.set(
    words[0] ?? '',
    [...(COMPARISONS_BY_FIRST.get(words[0] ?? '') ?? []), [words, sign] as const].sort((a, b) => b[0].length - a[0].length),
  );
}
export const COMPARISON_FIRST_WORDS: ReadonlySet<string> = new Set(COMPARISONS_BY_FIRST.keys());

// Words right before a comparison that turn it round, hedge it or make it a change's size: "pas moins de", "kaum mehr als",
// "sinkt um mehr als", "augmente de plus de".
const BEFORE_COMPARISON = new Set(
  'nicht nie niet pas ne não nao non no ni не ні kaum knapp etwa etwas ungefähr rund leicht environ presque peu casi quase quasi circa ca ligeramente leggermente pouco iets почти майже чуть трохи um de di van на по'.split(
    ' ',
  ),
);
// Verbs of a change, in the same languages: with one, the figure is the change's size, which these rewrites do not read.
const CHANGE_VERBS = new Set(
  'steigt sinkt fällt wächst erhöht reduziert verbessert verschlechtert gestiegen gesunken augmente diminue baisse chute progresse recule aumenta disminuye baja cae sube crece mejora empeora diminui cai sobe cresce melhora piora reduz diminuisce scende sale cala migliora peggiora stijgt daalt groeit verbetert verslechtert упала упал выросла вырос снизилась увеличилась уменьшилась падает растёт растет впала впав зросла зріс знизилася збільшилася зменшилася'.split(
    ' ',
  ),
);
// Names of a baseline after the figure: "mindestens 10% über Baseline" is a change from it, which no level is.
const BASELINE_WORDS = new Set(
  'baseline basislinie basis kontrolle kontrollgruppe vorjahr vormonat control contrôle controle controllo référence referencia riferimento referentie базовой базовий контроль'.split(' '),
);

/** Whether a comparison phrase from `start` to `end` must stay as written: a word before it, a change verb or a baseline after. */
function comparisonBlocked(tokens: readonly Token[], start: number, end: number): boolean {
  if (BEFORE_COMPARISON.has(tokens[start - 1]?.lower ?? '') || tokens.slice(0, start).some((token) => NONE_WORDS.has(token.lower))) return true;
  return tokens.some((token) => CHANGE_VERBS.has(token.lower)) || tokens.slice(end).some((token) => BASELINE_WORDS.has(token.lower));
}

/** A comparison in words of another language before a figure, as its sign: "mindestens 2/3" reads "≥ 2/3". */
export const comparisonWords: Rewrite = (tokens, index, out) => {
  const token = tokens[index] as Token;
  for (const [words, sign] of COMPARISONS_BY_FIRST.get(token.lower) ?? []) {
    if (!words.every((word, offset) => tokens[index + offset]?.lower === word)) continue;
    // Only before a figure: "plus de détails" compares nothing; and not where another word may turn or hedge it.
    if (tokens[index + words.length]?.kind !== 'number' || comparisonBlocked(tokens, index, index + words.length)) return 0;
    const last = tokens[index + words.length - 1] as Token;
    out.push({ ...token, kind: 'symbol', text: sign, lower: sign, end: last.end, value: 0, ordinal: false });
    return words.length;
  }
  return 0;
};

// "за останні 60 хвилин", "за последние 24 часа": "over the last", in Ukrainian and Russian.
const LAST = new Set(['останні', 'останніх', 'последние', 'последних']);

/** "за останні 60 хвилин" reads "during last 60 minutes": the window of the figure, as the readers know it. */
export const overTheLast: Rewrite = (tokens, index, out) => {
  const [token, next] = [tokens[index] as Token, tokens[index + 1]];
  if (token.lower !== 'за' || !next || !LAST.has(next.lower) || tokens[index + 2]?.kind !== 'number') return 0;
  out.push({ ...token, text: 'during', lower: 'during' }, { ...next, text: 'last', lower: 'last' });
  return 2;
};

/** Why a bullet that opens with a word for "no" and holds a figure is not read: the reader cannot tell what the "no" turns. */
export function noneBeforeFigure(tokens: readonly Token[]): string | null {
  const at = tokens.findIndex((token) => token.kind === 'word');
  if (at < 0 || !opensWithNone(tokens, at) || !tokens.some((token) => token.kind === 'number')) return null;
  return `it opens with \`${tokens[at]?.text}\` ("no") before a figure, which may turn the comparison round or name what is counted; write the limit that must hold, such as "errors ≤ 1%", or the count, such as "P1 bugs = 0"`;
}
