/** Why an exit criterion that says when the pilot fails cannot be read as what must hold. */
import { words } from '../lexicon.ts';
import type { Token } from '../tokenize.ts';

// "Go-live fails if", "Cutover aborted when", "Launch is blocked by", "Migration rolled back if".
const FAILING = words('fails fail failed failing failure aborted abort blocked halted stopped rejected back met');
const WHEN = words('if when whenever once should');
// "Exit fails on more than 3 P1 incidents", "Launch is blocked by …"; "Payments failed on retry" and "Transactions
// blocked by fraud rules" name what is counted.
const WITH = words('on with by');
// A label that names the failure: "Blocker:", "Showstopper:", "Knock-out criterion:", "Blocking issue:". "Issues:" and
// "Risk:" alone may name what is counted, so they count only beside one of these.
const FAILURE_LABELS = words(
  'blocker blockers blocking showstopper showstoppers show-stopper stop-ship ship-blocker dealbreaker deal-breaker veto knock-out knockout disqualifier disqualifying failing fail failure failed unacceptable no-go nogo',
);
const LABEL_NOUNS = words('risk risks issue issues problem problems criterion condition');
// A single one of these names a failure when a measure follows: "Risk: error rate > 2%".
const FAILURE_NOUNS = words('risk issue problem concern');
const QUICK = new Set([...FAILING, ...FAILURE_LABELS, ...FAILURE_NOUNS, 'ready']);

/**
 * "Go-live fails if error rate > 2%", "Blocker: crash-free sessions < 99%": under the exit criteria these say
 * when the pilot fails, and read as what must hold they would pass exactly when it should fail.
 */
export function failureProblem(written: readonly Token[], kind: 'exit' | 'rollback'): string | null {
  if (kind !== 'exit') return null;
  const first = written.findIndex((token) => token.kind === 'number' || token.text === ':');
  // Most bullets hold none of these words before their figure: no list is built for them.
  const end = first < 0 ? written.length : first;
  let any = false;
  for (let index = 0; index < end && !any; index++) any = QUICK.has(written[index]?.lower ?? '');
  if (!any) return null;
  const before = (first < 0 ? written : written.slice(0, first)).filter((token) => token.kind === 'word');
  const framed = before.findIndex(
    (token, at) =>
      FAILING.has(token.lower) &&
      (WHEN.has(before[at + 1]?.lower ?? '') || (WITH.has(before[at + 1]?.lower ?? '') && (['fails', 'fail'].includes(token.lower) || ['is', 'are', 'be'].includes(before[at - 1]?.lower ?? '')))) &&
      (token.lower !== 'back' || before[at - 1]?.lower === 'rolled') &&
      (token.lower !== 'met' || before[at - 1]?.lower === 'not'),
  );
  const ready = before.findIndex((token, at) => token.lower === 'ready' && before[at - 1]?.lower === 'not' && WHEN.has(before[at + 1]?.lower ?? ''));
  // "A fail is error rate > 2%": the failure named, then what it is.
  const named = before.findIndex((token, at) => ['fail', 'failure'].includes(token.lower) && ['is', 'means'].includes(before[at + 1]?.lower ?? ''));
  // "Risk: error rate > 2%" names a failure and then what fails; "Issues: < 5" names what is counted.
  const rest = written.slice(first + 1);
  const metricFirst = rest.findIndex((token) => token.kind === 'word') < rest.findIndex((token) => token.kind === 'number' || token.kind === 'symbol');
  const nounLabel = before.length === 1 && FAILURE_NOUNS.has(before[0]?.lower ?? '') && metricFirst;
  const labelled =
    written[first]?.text === ':' &&
    (nounLabel || (before.some((token) => FAILURE_LABELS.has(token.lower)) && before.every((token) => FAILURE_LABELS.has(token.lower) || LABEL_NOUNS.has(token.lower))));
  const at = framed >= 0 ? framed : ready >= 0 ? ready - 1 : named >= 0 ? named : labelled ? 0 : -1;
  if (at < 0) return null;
  const shown = labelled
    ? `${before.map((token) => token.text).join(' ')}:`
    : before
        .slice(Math.max(0, at - 1), at + 2)
        .map((token) => token.text)
        .join(' ');
  return `\`${shown}\` says when the pilot fails, and an exit criterion says what must hold; write the level that must hold (the comparison turned round), or move the bullet under the rollback triggers`;
}
