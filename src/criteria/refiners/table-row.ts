/**
 * A table row kept as a bullet: "| P0 bugs | 0 |" is a label and its value; "| Page load time | <3s | RUM metrics |"
 * is one too, with a cell that says where the figure comes from. Rows whose cells hold more than that are refused.
 */

import type { Unit } from '../../schemas/criterion-schema.ts';
import { comparisonAt } from '../finders/comparison.ts';
import { isIdentifierNumber } from '../identifier-number.ts';
import { words } from '../lexicon.ts';
import { quantityAt } from '../quantity.ts';
import type { Token } from '../tokenize.ts';

// The last word of a cell that names where a figure comes from: "k6 metrics", "Incident log", "Survey", "Drill test".
const EVIDENCE = words(
  'metrics metric logs log analytics survey surveys records record results count counts dashboard dashboards monitoring checks check queries query test tests report reports scores apm rum tracking audit tickets',
);
// A cell that holds nothing yet: a known placeholder in capitals ("[VALUE]%", "$[VALUE]", "[PASS/WARN]"), "TBD", or a tick;
// "[vs control]" or "[Per week]" says more.
// "[X]", "[X sec]", "[__%]" and "[__/5]" are a template's blanks too.
const BRACKETED = /^[$£€]?\[(?:VALUE|CALCULATING|PASS|FAIL|WARN|OK|TBD|ACTUAL|RESULT|STATUS|✓\/✗|X(?:[a-z%]{0,4})|_+(?:%|\/\d+|[a-z]{1,3})?)(?:\/(?:PASS|FAIL|WARN|OK))*\][%hm×x:1]*$/i;
// After a compared value: a result already in, where a verdict follows it ("**87.5%** | ✅ SUPERADO"), and the verdict itself.
const RESULT = /^[$£€]?\d[\d.,]*(?:%|[a-z]{1,4})?$/i;
// "🟢🟡🔴": a status column's choices, none chosen yet.
const VERDICT = /^(?:✅|✓|✔|❌|✗|🟢|🟡|🔴|🟢🟡🔴)?(?:superado|cumplido|passed|pass|failed|fail|met|ok|achieved)?$/iu;
// A trigger's action, named in its own cell: "Full rollback", "App rollback", "Immediate rollback".
// "| Error Rate | >5% for 5 minutes | Automatic rollback | Immediate |": how soon it is taken, in a cell of its own.
const ACTIONS = words('full app application immediate immediately automatic automated auto partial rollback roll back revert pause halt stop freeze');
const ACTION_VERBS = words('hold kill pause halt stop freeze disable revert roll page notify escalate alert suspend block');
const BLANK = /^(?:tbd|tbc|n\/a|pending|[-—–✅✓])$/i;
const cellText = (cell: readonly Token[]) => cell.map((token) => token.text).join('');
// A cell's text without the stars of bold: "**87.5%**" is a result as "87.5%" is.
const plainText = (cell: readonly Token[]) => cellText(cell).replace(/\*/g, '');

/** The unit of a cell's first figure: "**87.5%**" is a percentage, "**4.2 min**" minutes, "**0**" a count. */
const figureUnit = (cell: readonly Token[]): Unit | null => {
  const at = cell.findIndex((token) => token.kind === 'number');
  return at < 0 ? null : (quantityAt(cell, at)?.unit ?? null);
};

/** The row's cells, each as its tokens, without the bars at its ends; null if the text is not a row. */
function cells(tokens: readonly Token[]): Token[][] | null {
  if (!tokens.some((token) => token.text === '|')) return null;
  const split: Token[][] = [[]];
  for (const token of tokens) {
    if (token.text === '|') split.push([]);
    else split.at(-1)?.push(token);
  }
  if (split[0]?.length === 0) split.shift();
  if (split.at(-1)?.length === 0) split.pop();
  return split;
}

// Words a source's name may hold before its noun, besides a tool's own name: "Incident log", "Load test", "Usage analytics".
const SOURCE_WORDS = words(
  'incident ticket defect load drill usage application attendance validation query quiz test error survey uat system user customer health bug help desk pos finance payroll support helpdesk',
);

// Tools a figure comes from, named before a noun of sources: "k6 metrics", "Redis metrics", "Datadog dashboard".
const TOOLS = words('k6 apm rum hpa redis datadog grafana prometheus splunk jira sentry newrelic pagerduty cloudwatch kibana amplitude mixpanel lms crm erp emr ehr');

/**
 * Whether a cell says nothing about the threshold: empty, a placeholder or a tick, or where the figure comes from:
 * a noun of sources ("Survey", "Incident log", "k6 metrics") after a known tool, a kind of source or a word of the
 * name. Any other word may narrow it ("EU dashboard", "Q4 report", "Sev1 incident log", "API metrics").
 */
function inert(cell: readonly Token[], name: ReadonlySet<string>, compared: Unit | null | false, judged: boolean): boolean {
  const text = plainText(cell);
  if (cell.length === 0 || BRACKETED.test(text) || BLANK.test(text)) return true;
  // A result in the threshold's own unit; "| Error rate | > 5% | 10 min |" may be how long, "| … | < 20 s | 80% |" a share.
  if (compared !== false && (VERDICT.test(text) || (judged && RESULT.test(text) && figureUnit(cell) === compared))) return true;
  // "| Hold payments |", "| Kill the experiment |": a cell that opens with what to do is the trigger's action.
  if (cell.every((token) => ACTIONS.has(token.lower)) || ACTION_VERBS.has(cell[0]?.lower ?? '')) return true;
  const named = cell.filter((token) => token.kind === 'word');
  // "| DNS propagation | <1 hour | DNS checks |": a word the name already says narrows nothing.
  const source = (token: Token) => SOURCE_WORDS.has(token.lower) || TOOLS.has(token.lower) || name.has(token.lower);
  return named.length === cell.length && named.length <= 4 && EVIDENCE.has(named.at(-1)?.lower ?? '') && named.slice(0, -1).every(source);
}

/**
 * Whether a value beside a source says its threshold plainly: a number, not a signed change ("-20%", "+10 points"),
 * with a comparison or a unit, or counting what a plural name counts ("| Critical defects | 0 |"; "| Quality | 0 |" does not).
 */
function sized(name: readonly Token[], value: readonly Token[], compared: boolean): boolean {
  const number = value.findIndex((token) => token.kind === 'number');
  if (number < 0 || ['+', '-', '−'].includes(value[0]?.text ?? '')) return false;
  return compared || quantityAt(value, number)?.unit != null || /[a-z]s$/i.test(name.filter((token) => token.kind === 'word').at(-1)?.text ?? '');
}

/**
 * "| P0 bugs | 0 |", "| UAT test pass rate | >95% | Test results |": the name's cell and the value's cell are a label
 * and its value; the cells after it are left after the reading, where the word account tells them.
 */
export function refineTableLabel(tokens: Token[]): Token[] {
  const row = cells(tokens);
  if (!row || row.length < 2) return tokens;
  // The value comes after the name and any cells that hold a figure to come ("| Refund rate | [VALUE]% | ≤4% |"); the
  // cells after it say nothing about the threshold. A span like "(7-day)" names it; "(24h)" may be how long it holds.
  const [name = [], ...others] = row;
  const [value = [], ...rest] = others.slice(
    Math.max(
      0,
      others.findIndex((cell) => !BRACKETED.test(cellText(cell))),
    ),
  );
  const spanned = (index: number) => isIdentifierNumber(name, index) && name[index + 1]?.text === '-' && /^(?:day|week|month|year)$/.test(name[index + 2]?.lower ?? '');
  // A word that may compare ("Cache hit ratio") compares nothing in a cell without a number.
  const named = name.length > 0 && !name.some((token, index) => (token.kind === 'number' && !spanned(index)) || token.text === ':' || (token.kind === 'symbol' && comparisonAt(name, index) !== null));
  const said = new Set(name.map((token) => token.lower));
  const compared = value.some((_, index) => comparisonAt(value, index) !== null);
  const judged = rest.some((cell) => /\p{L}|[✅✓✔❌✗]/u.test(cellText(cell)) && VERDICT.test(plainText(cell)));
  if (!named || value.length === 0 || !rest.every((cell) => inert(cell, said, compared && figureUnit(value), judged))) return tokens;
  // Two cells: a value alone ("| P0 bugs | 0 |"); more: a value with or without its comparison, the others inert.
  if (row.length === 2 ? compared || value[0]?.kind !== 'number' : !sized(name, value, compared)) return tokens;
  const bar = tokens[tokens.indexOf(value[0] as Token) - 1] as Token;
  return [...name, { ...bar, text: ':', lower: ':' }, ...value];
}

/** "Business validation | Records verified | Manual | 50-100 records per entity": a name across four cells joins columns. */
export function tableProblem(tokens: readonly Token[]): string | null {
  if (!tokens.some((token) => token.text === '|')) return null;
  const first = tokens.findIndex((token) => token.kind !== 'symbol');
  const last = tokens.findLastIndex((token) => token.kind !== 'symbol');
  const bars = tokens.filter((token, index) => token.text === '|' && index > first && index < last).length;
  return bars >= 3 ? `its words come from ${bars + 1} table cells, which a reading cannot join; write the criterion as one sentence, the metric's name before its threshold` : null;
}
