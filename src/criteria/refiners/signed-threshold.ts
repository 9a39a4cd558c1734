// A sign between a comparison and its figure: "NPS: > +40", "Net margin ≥ -2%", "Freezer ≤ -18°C".
// A plus before a percentage is as often a change ("≤ +10% vs baseline"), so only a plain figure loses its sign.
const PLUS = /([<>]=?|[≤≥=])(\s*)\+(?=\s?\d[\d.,]*(?![\d.,]|\s*(?:%|pp\b|percent)))/g;
const MINUS = /(?:[<>]=?|[≤≥=])\s*[-−]\s?\d[\d.,]*\s*\S*/;

/** The text with a plus sign after a comparison made a space: "NPS > +40" is "NPS > 40", and every other word keeps its place. */
export function plainPlus(text: string): string {
  return text.includes('+') ? text.replace(PLUS, '$1$2 ') : text;
}

/**
 * Why a figure below zero after a comparison cannot be read: the reader holds no level below zero, and
 * read without its sign ("NPS: >= -10" as at least 10) the threshold would be another one.
 */
export function negativeLevel(text: string): string | null {
  const found = MINUS.exec(text)?.[0];
  return found ? `\`${found.trim()}\` is a level below zero, which the reader does not read; write the criterion so that its figure is above zero, such as a change from a baseline` : null;
}
