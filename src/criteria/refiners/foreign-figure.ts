/** Figures in other languages' words that no reading holds, found before a reading is made. */
import type { Token } from '../tokenize.ts';
import { WORD_SCALES } from './foreign-words.ts';

// Words after a percentage that say how it is taken: an average, or held.
const AVERAGED = /^(?:de|em|en|im|in|a) (?:media|média|moyenne|durchschnitt|promedio|forma|maniera|modo|manera)$/;
// Currencies and units of measure with no part in a reading.
const UNKNOWN_UNITS = /^(?:tl|₺|원|krw|元|rmb|人民币|lira|liras|reais|pesos?|rupees?|won|yuan|rubles?|zł|zloty|k?wh|mwh|kg|tons?|tonnes?|km|ml|litres?|liters?|°[cf]|lbs?|miles?)$/i;

/** A figure in another language's words that no reading holds: "< 1% de media semanal", "500 bin TL", "3 元", "500 kWh". */
export function foreignFigure(written: readonly Token[], index: number): string | null {
  const token = written[index] as Token;
  const next = written[index + 1];
  // "< 1% de media semanal", "em média", "de forma sostenida": how the figure is taken, said in other languages.
  if (token.text === '%' && AVERAGED.test(`${next?.lower ?? ''} ${written[index + 2]?.lower ?? ''}`))
    return `\`${next?.text} ${written[index + 2]?.text}\` says how the figure is taken (an average, or held), which the reading cannot hold in these words; write "over 1 week" for a week's figure, or "for 10 minutes" for a hold`;
  if (token.kind !== 'number') return null;
  // "500 bin TL", "3 元", "500 kWh", "200 kg": a currency or a unit the reader has no part for, which a name would swallow.
  // A scale word of the rewrites' list, or "mil" (a thousand in Spanish and Portuguese, which they leave to the name).
  const scale = next?.kind === 'word' && (WORD_SCALES[next.lower] !== undefined || next.lower === 'mil' || /^[억만천万亿億千]+$/.test(next.text));
  const scaled = scale ? (written[index + 2]?.text === '.' ? 3 : 2) : 0;
  // "2 milhões de reais", "3 millones de pesos": the "of" between the scale and the currency.
  const of = scaled && ['de', 'di', 'd'].includes(written[index + scaled]?.lower ?? '') ? 1 : 0;
  const unit = written[index + (scaled || 1) + of];
  const unknown = UNKNOWN_UNITS.test(unit?.text ?? '') || /(?:元|₺|원)$/.test(next?.text ?? '') ? unit : undefined;
  if (unknown)
    return `\`${unknown.text}\` after \`${token.text}\` is a currency or a unit the reader has no part for; write the figure in one it knows, or name the unit in the metric, such as "energy use in kWh > 500"`;
  return null;
}
