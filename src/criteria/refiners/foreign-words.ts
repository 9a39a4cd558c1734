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

// "No" opening a count of none in German, French, Spanish, Portuguese, Italian, Dutch, the Nordic languages, Russian
// and Ukrainian: "Keine offenen P1/P2 Bugs", "Aucun bug bloquant", "Nenhum incidente crítico". Not "inga" nor "brak",
// which are names too, nor "sin", "sem" and "senza", which are "without" and English words ("Sin City").
export const NONE_WORDS: ReadonlySet<string> = new Set(
  'kein keine keinen keinem keiner aucun aucune ningún ninguno ninguna nenhum nenhuma nessun nessuno nessuna geen ingen нет жодних жодного жодної'.split(' '),
);
// Words that turn a statement round or hedge it in those languages: beside a figure, the comparison may say the
// opposite of its sign, or a hope ("Fehlerrate nie > 1%", "Taxa de erro nunca > 2%", "Qualität: keine Fehler > 1%").
const TURNING: ReadonlySet<string> = new Set([
  ...NONE_WORDS,
  ..."nicht nie niemals nimmer keinesfalls keineswegs nirgends nirgendwo kaum selten idealerweise möglichst hoffentlich jamais pas n'est n'a ne guère rarement idéalement nunca jamás jamas tampoco ni idealmente não nao nem non nemmeno neanche niet nooit aldri aldrig inte ikke nigdy nikdy никогда ни не нигде отнюдь едва редко желательно ніколи ні жоден жодному жодній рідко бажано".split(
    ' ',
  ),
]);
// Words beside a count of none that make it more than one: a figure in words, a comparison, a change, a second "no".
const NOT_A_COUNT =
  /^(?:eins?|eines|einmal|zwei|drei|vier|fünf|sechs|sieben|acht|neun|zehn|zweimal|dreimal|deux|trois|cinq|dix|dos|tres|cinco|diez|três|dez|due|tre|cinque|dieci|twee|drie|vijf|tien|два|три|пять|п'ять|pour|cent|ciento|cento|prozent.*|procent.*|процент.*|відсот.*|über|unter|oberhalb|unterhalb|mehr|weniger|häufiger|seltener|höher|niedriger|plus|moins|au-delà|más|menos|mayor|menor|mais|acima|abaixo|più|meno|oltre|meer|minder|boven|onder|более|менее|больше|меньше|свыше|більше|менше|понад)$|^(?:anstieg|zunahme|rückgang|erhöh|steiger|einbruch|abfall|verlust|verschlechter|verbesser|effekt|einfluss|régression|baisse|hausse|augment|amélior|dégrad|détérior|diminu|effet|mejor|empeor|aumento|incremen|subida|caída|descenso|disminu|efecto|melhor|piora|queda|crescim|degrada|perda|efeito|miglior|peggior|calo|effetto|stijging|daling|toename|afname|verbeter|verslechter|рост|паден|ухудш|улучш|увелич|сниж|уменьш|зрост|падін|погірш|покращ|збільш|зниж|зменш)/;

/** Whether a word for "no" opens the bullet: not an initialism ("SEM"), not inside a sentence. */
const opensWithNone = (tokens: readonly Token[], index: number) => {
  const token = tokens[index] as Token;
  return NONE_WORDS.has(token.lower) && token.text !== token.text.toUpperCase() && !tokens.slice(0, index).some((each) => each.kind === 'word');
};

/**
 * A word for "no" that opens a bullet of a count of none, read as "no": "Keine offenen P1/P2 Bugs". With a figure
 * ("Nenhum erro acima de 1%", "Keine Fehlerrate > 1%"), `turnedFigure` refuses it; with a figure in words, a
 * comparison, a change or a second "no" ("Keine Fehler über fünf Prozent", "Kein Anstieg der Fehlerrate") it is left
 * as written, which no reader takes.
 */
export const noneWord: Rewrite = (tokens, index, out) => {
  const token = tokens[index] as Token;
  if (!opensWithNone(tokens, index) || tokens.some((each, at) => each.kind === 'number' || NOT_A_COUNT.test(each.lower) || (at > index && NONE_WORDS.has(each.lower)))) return 0;
  out.push({ ...token, lower: 'no' });
  return 1;
};

// "за останні 60 хвилин", "за последние 24 часа": "over the last", in Ukrainian and Russian.
const LAST = new Set(['останні', 'останніх', 'последние', 'последних']);

/** "за останні 60 хвилин" reads "during last 60 minutes": the window of the figure, as the readers know it. */
export const overTheLast: Rewrite = (tokens, index, out) => {
  const [token, next] = [tokens[index] as Token, tokens[index + 1]];
  if (token.lower !== 'за' || !next || !LAST.has(next.lower) || tokens[index + 2]?.kind !== 'number') return 0;
  // "за останні 60 хвилин після релізу": the last minutes before or after an event, one period that no rolling window is.
  if (tokens.slice(index + 3, index + 6).some((each) => ['до', 'після', 'после', 'перед', 'кроме'].includes(each.lower))) return 0;
  out.push({ ...token, text: 'during', lower: 'during' }, { ...next, text: 'last', lower: 'last' });
  return 2;
};

// Verbs of a change in other languages the readers have no direction for: beside a figure, it is the change's size.
const FOREIGN_CHANGE_VERBS = new Set(
  'steigt stieg sinkt sank fällt fiel wächst wuchs gestiegen gesunken gefallen augmente augmenté diminue diminué chute chuté progresse recule aumentó disminuyó bajó cayó subió crece creció aumentou diminuiu caiu subiu cresceu diminuisce diminuito scende sceso salito calato cresce cresciuto stijgt steeg daalt daalde groeit groeide упала упал упало выросла вырос выросло снизилась снизился увеличилась увеличился уменьшилась уменьшился падает растёт растет впала впав впало зросла зріс знизилася знизився збільшилася збільшився зменшилася зменшився'.split(
    ' ',
  ),
);

/** Why a bullet with a figure and a word that turns it round in another language is not read ("nie", "nunca", "keine"). */
export function turnedFigure(tokens: readonly Token[]): string | null {
  if (!tokens.some((token) => token.kind === 'number')) return null;
  const changed = tokens.find((token) => FOREIGN_CHANGE_VERBS.has(token.lower));
  if (changed) return `\`${changed.text}\` says a change, whose size the figure may be and whose baseline the bullet does not name; write it as "down by at least 10% compared with last week"`;
  // An initialism ("SEM conversions") turns nothing; "mai" is "never" in Italian, and "Mai" the month in German.
  const turning = tokens.find((token) => (TURNING.has(token.lower) && token.text !== token.text.toUpperCase()) || token.text === 'mai');
  if (!turning) return null;
  return `\`${turning.text}\` may turn the comparison round or hedge it ("not", "never", "ideally"); write the limit that must hold, such as "errors ≤ 1%", or the count, such as "P1 bugs = 0"`;
}
