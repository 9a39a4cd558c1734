/** A signed figure set against its baseline, "+30% vs baseline", "-20% compared with control": a change up or down. */
import { BASELINE_NAMES, SYMBOL_COMPARATORS } from '../lexicon.ts';
import { betterWay } from '../metric-polarity.ts';
import { unitAt, wordsAt } from '../quantity.ts';
import type { ParsedCriterion } from '../reading.ts';
import type { Token } from '../tokenize.ts';

const SIGNS: Readonly<Record<string, 'up' | 'down'>> = { '+': 'up', '-': 'down', '−': 'down' };
// The links that set a figure against a level, stricter than a baseline's: "+5% over 1 hour" is no change.
const LINKS: ReadonlyArray<readonly string[]> = [['vs'], ['vs', '.'], ['vs.'], ['versus'], ['against'], ['compared', 'to'], ['compared', 'with'], ['relative', 'to']];

// Words in a name that turn the way its other words would give: what is caught, saved, prevented or left over.
const TURNING_NAMES = new Set(
  'detection detected detect caught found prevented prevention avoided avoidance saved saves savings saving deflected deflection recovered recovery won blocked resolved auto-resolved headroom budget attainment reduction reductions reduced cut cuts missed lost lack free without'.split(
    ' ',
  ),
);

/** "up" or "down" for a sign at `index` that opens a figure followed by a link and a baseline's name, or null. */
export function signedChangeAt(tokens: readonly Token[], index: number): 'up' | 'down' | null {
  const sign = tokens[index];
  const number = tokens[index + 1];
  const direction = sign && Object.hasOwn(SIGNS, sign.text) ? SIGNS[sign.text] : undefined;
  if (!sign || !direction || number?.kind !== 'number' || number.spaced) return null;
  // "> +30%" compares already; "5-10%" is a range.
  const before = tokens[index - 1];
  if (before && (before.kind === 'number' || SYMBOL_COMPARATORS[before.text] !== undefined || !sign.spaced)) return null;
  const at = tokens[index + 2]?.text === '%' ? index + 3 : (unitAt(tokens, index + 2)?.end ?? index + 2);
  const link = LINKS.find((words) => wordsAt(tokens, at, words));
  if (!link) return null;
  const named = at + link.length + (tokens[at + link.length]?.lower === 'the' ? 1 : 0);
  return BASELINE_NAMES.test(tokens[named]?.lower ?? '') ? direction : null;
}

/** The tokens with each such sign as the word it stands for ("up", "down"), kept where it was written. */
export function refineSignedChange(tokens: Token[]): Token[] {
  if (!tokens.some((token) => Object.hasOwn(SIGNS, token.text))) return tokens;
  return tokens.map((token, index) => {
    const direction = signedChangeAt(tokens, index);
    return direction ? { ...token, kind: 'word', text: direction, lower: direction } : token;
  });
}

/**
 * Why a change written with a sign is not read: a sign says only which way, so the reading holds where the way is
 * known to be the one the list wants. In the exit list a change for the better ("Checkout time -20% vs control"); a
 * change for the worse there may be a tolerance ("AOV -5 USD vs control"). Under the triggers a change for the worse.
 */
export function signedChangeProblem(criteria: readonly ParsedCriterion[], written: readonly Token[], kind: 'exit' | 'rollback'): string | null {
  if (!written.some((_, index) => signedChangeAt(written, index) !== null)) return null;
  for (const { metric, baseline } of criteria) {
    if (!baseline || baseline.direction === 'either') continue;
    // "Defect detection rate", "time saved", "incidents prevented": a word that turns the name's way round.
    const turned = metric
      .toLowerCase()
      .split(/[\s-]+/)
      .some((word) => TURNING_NAMES.has(word));
    const better = turned ? null : betterWay(metric);
    const way = baseline.direction === 'increase' ? 'a rise' : 'a fall';
    if (better === null) return `a sign says ${way} of \`${metric}\`, and whether that is better or worse is not clear from its name; write "up by at least …" or "down by at most …"`;
    const improves = (baseline.direction === 'increase') === (better === 'higher');
    if (kind === 'exit' && !improves)
      return `${way} of \`${metric}\` is a change for the worse, which in the exit list may be a tolerance; write "${baseline.direction === 'increase' ? 'up' : 'down'} by at most …" or the change it must reach`;
    if (kind === 'rollback' && improves) return `${way} of \`${metric}\` is a change for the better, so the trigger would fire while all is well; write the change for the worse that fires it`;
  }
  return null;
}
