/** Why a criterion marked as not in force, not a gate or only an example cannot be read as one. */
import { words } from '../lexicon.ts';
import type { Token } from '../tokenize.ts';
import { findLabel } from './label.ts';
import { undecidedHeading } from './undecided-heading.ts';

// In brackets: "(removed)", "(superseded)", "(on hold)", "(monitor)", "(example)", "(forecast)", "(waiver granted)".
// Only in brackets, since "Dropped calls" and "Cancelled orders" name what is counted.
const STATUS = words(
  'removed dropped superseded obsolete withdrawn cancelled canceled descoped de-scoped parked retired archived inactive paused skipped disabled waived preferred monitor watch track observe forecast hypothesis example illustrative unmeasurable replaced',
);
// Whole asides of more than one word that say the same: "(on hold)", "(no longer required)", "(e.g.)".
const STATUS_ASIDES =
  /^(?:on hold|under review|for info(?:rmation)?|waiver granted|exception approved|needs sign-off|not measured|no data|does not block|(?:no longer |not )required|context(?: only)?|e\.g\.?|for example|expected|.*\bnot (?:a )?(?:hard )?gate)$/;
const EXAMPLES = [['such', 'as'], ['like'], ['e.g.'], ['for', 'example'], ['for', 'instance']];
const EXAMPLE_LEADS = new Set(EXAMPLES.map((phrase) => phrase[0] ?? ''));

/**
 * "Error rate < 1% (removed)", "Warning only: …", "Such as error rate < 1%": the bullet says it does not
 * gate, or is an example; read as a criterion it would decide the pilot all the same.
 */
export function statusProblem(written: readonly Token[], kind: 'exit' | 'rollback'): string | null {
  // Most bullets have no bracket and no example lead: they are passed over at once.
  const lead = written[0]?.lower ?? '';
  const colon = written.some((token) => token.text === ':');
  if (!colon && !written.some((token) => token.text === '(') && !EXAMPLE_LEADS.has(lead)) return null;
  // "Warning only: SLA breach", "Soft target: …": a label that decides nothing, whether or not a figure follows.
  const label = colon ? findLabel(written) : null;
  const undecided = label ? undecidedHeading(label.words, false) : null;
  if (undecided) return undecided;
  const said = (shown: string) => `\`${shown}\` says the bullet does not ${kind === 'exit' ? 'gate the pilot' : 'roll back'}, or is an example; drop the bullet, or the words if it does`;
  let open = -1;
  for (const [index, token] of written.entries()) {
    if (token.text === '(') open = index;
    else if (token.text === ')' && open >= 0) {
      const inner = written.slice(open + 1, index).filter((each) => each.kind === 'word');
      const text = inner.map((each) => each.text).join(' ');
      if (inner.some((each) => STATUS.has(each.lower)) || STATUS_ASIDES.test(text.toLowerCase())) return said(`(${text})`);
      open = -1;
    }
  }
  if (!EXAMPLE_LEADS.has(lead)) return null;
  const leading = written.filter((token) => token.kind === 'word').map((token) => token.lower);
  const example = EXAMPLES.find((phrase) => phrase.every((word, at) => leading[at] === word));
  return example ? said(example.join(' ')) : null;
}
