import type { Token } from '../tokenize.ts';

/**
 * The tokens without emphasis markers ("**Critical bugs**: 0"), which a plan's parsed text never holds and which carry no
 * meaning; a sign between two operands ("p50 * 1.05", "1.05*baseline") multiplies and stays.
 */
export function withoutEmphasis(written: Token[]): Token[] {
  // It runs on every bullet, and most have no star at all.
  if (!written.some((token) => token.text === '*')) return written;
  const operand = (token: Token | undefined) => token?.kind === 'number' || token?.kind === 'word';
  const sign = (index: number) =>
    operand(written[index - 1]) &&
    operand(written[index + 1]) &&
    (written[index - 1]?.kind === 'number' || written[index + 1]?.kind === 'number' || written[index]?.spaced === written[index + 1]?.spaced);
  return written.filter((token, index) => token.text !== '*' || sign(index));
}
