import { type CodeAction, CodeActionKind, type Diagnostic, type Range, type TextEdit } from 'vscode-languageserver';
import { isSeq, parseDocument } from 'yaml';
import { metricKey } from '../criteria/metric-key.ts';
import { readMetricCatalog } from '../model/metric-catalog.ts';
import { nearestName } from '../model/nearest-name.ts';
import { planTemplate } from '../model/plan-template.ts';
import type { Catalogue } from './metric-definition.ts';

/**
 * An unbound metric whose message names the nearest catalogue entry: add the metric as that entry's
 * synonym, keeping the file's comments and layout. Only offered, never assumed: the title says which.
 */
function addSynonym(diagnostic: Diagnostic, catalogue: Catalogue | null): CodeAction | null {
  const { actual, expected } = (diagnostic.data ?? {}) as Replacement;
  const nearest = expected?.[0];
  if (diagnostic.code !== 'unbound-metric' || !catalogue || actual === undefined || !nearest) return null;
  // Only a near spelling is likely the same metric; a name that merely shares a word measures something else.
  if (nearestName(actual, [nearest], metricKey, 3) === null) return null;
  const { catalog } = readMetricCatalog(catalogue.text);
  // The nearest name may be a synonym: the synonym goes to the entry that answers to it.
  const entry = catalog
    ? Object.entries(catalog.metrics).find(([name, binding]) => metricKey(name) === metricKey(nearest) || binding.synonyms.some((synonym) => metricKey(synonym) === metricKey(nearest)))?.[0]
    : undefined;
  if (!entry) return null;
  const document = parseDocument(catalogue.text);
  if (document.errors.length > 0) return null;
  const synonyms = document.getIn(['metrics', entry, 'synonyms']);
  if (isSeq(synonyms)) synonyms.add(actual);
  else document.setIn(['metrics', entry, 'synonyms'], document.createNode([actual], { flow: true }));
  const crlf = catalogue.text.includes('\r\n');
  const written = document.toString({ lineWidth: 0 });
  const newText = crlf ? written.replace(/\r?\n/g, '\r\n') : written;
  // Offered only when the catalogue stays valid with it: a collision with another entry would drop the catalogue for every plan.
  if (readMetricCatalog(newText).catalog === null) return null;
  const lines = catalogue.text.split('\n');
  const whole = { start: { line: 0, character: 0 }, end: { line: lines.length - 1, character: lines.at(-1)?.length ?? 0 } };
  return {
    title: `Add \`${actual}\` to metrics.yaml as a synonym of \`${entry}\``,
    kind: CodeActionKind.QuickFix,
    diagnostics: [diagnostic],
    edit: { changes: { [catalogue.uri]: [{ range: whole, newText }] } },
  };
}

/** A section as the plan template writes it, heading and prompt text, for a plan that lacks it. */
function templateSection(heading: string): string {
  const template = planTemplate({ id: 'plan', title: 'Plan', owner: 'Owner', start: '2026-01-01' });
  const title = heading.replace(/^#+\s*/, '');
  const block = template.split(/\n(?=## )/).find((part) => part.startsWith(`## ${title}\n`));
  return (block ?? `## ${title}\n`).trimEnd().replace(/^## /, `${heading.match(/^#+/)?.[0] ?? '##'} `);
}

/** A frontmatter value YAML cannot read as written, whose message says to quote it: the value in double quotes (a JSON string is a YAML one). */
function quoteValue(uri: string, diagnostic: Diagnostic, text: string): CodeAction | null {
  if (diagnostic.code !== 'frontmatter-schema' || !String(diagnostic.message).includes('Quote the value')) return null;
  const line = text.split('\n')[diagnostic.range.start.line] ?? '';
  // A trailing `# comment` stays a comment, outside the quotes.
  const match = /^(\s*[\w-]+:\s*)(.+?)(?:\s+#.*)?\s*$/.exec(line);
  if (!match?.[1] || !match[2] || /^["']/.test(match[2])) return null;
  const start = { line: diagnostic.range.start.line, character: match[1].length };
  const end = { line: diagnostic.range.start.line, character: match[1].length + match[2].length };
  return {
    title: `Quote the value: ${JSON.stringify(match[2])}`,
    kind: CodeActionKind.QuickFix,
    diagnostics: [diagnostic],
    edit: { changes: { [uri]: [{ range: { start, end }, newText: JSON.stringify(match[2]) }] } },
  };
}

/** For a missing section the message names without a heading to rename: the section from the template, added at the end. */
function addSection(uri: string, diagnostic: Diagnostic, text: string): CodeAction | null {
  const { actual, expected } = (diagnostic.data ?? {}) as Replacement;
  const heading = expected?.[0];
  if (diagnostic.code !== 'required-section' && diagnostic.code !== 'recommended-section') return null;
  if (actual !== undefined || !heading) return null;
  const lines = text.split('\n');
  const end = { line: lines.length - 1, character: lines.at(-1)?.length ?? 0 };
  const gap = text.endsWith('\n\n') ? '' : text.endsWith('\n') ? '\n' : '\n\n';
  const added = `${gap}${templateSection(heading)}\n`;
  // In the plan's own line endings.
  const newText = text.includes('\r\n') ? added.replace(/\r?\n/g, '\r\n') : added;
  return { title: `Add section \`${heading}\` from the template`, kind: CodeActionKind.QuickFix, diagnostics: [diagnostic], edit: { changes: { [uri]: [{ range: { start: end, end }, newText }] } } };
}

/** What a message offers to write instead of what it quotes, carried in a diagnostic's `data`. */
interface Replacement {
  actual?: string;
  expected?: string[];
}

/** Where the quoted text stands on the diagnostic's line, from its start: the range a fix replaces. */
function quotedRange(diagnostic: Diagnostic, actual: string, text: string): Range | null {
  const line = text.split('\n')[diagnostic.range.start.line] ?? '';
  const at = line.indexOf(actual, diagnostic.range.start.character);
  const found = at >= 0 ? at : line.indexOf(actual);
  return found < 0 ? null : { start: { line: diagnostic.range.start.line, character: found }, end: { line: diagnostic.range.start.line, character: found + actual.length } };
}

/** The edit a diagnostic offers when its message names exactly one replacement for the text it quotes. */
export function replacementEdit(diagnostic: Diagnostic, text: string): TextEdit | null {
  const { actual, expected } = (diagnostic.data ?? {}) as Replacement;
  // An unbound metric names its nearest entry, which measures something else until the author says otherwise.
  if (diagnostic.code === 'unbound-metric' || actual === undefined || expected?.length !== 1 || expected[0] === undefined) return null;
  const range = quotedRange(diagnostic, actual, text);
  return range ? { range, newText: expected[0] } : null;
}

/**
 * Quick fixes for the diagnostics a client asks about: each that names one replacement ("did you mean
 * `owner`?") becomes an edit, and a rule with several such fixes in the file gets one that applies them all.
 */
export function quickFixes(uri: string, asked: readonly Diagnostic[], all: readonly Diagnostic[], text: string, catalogue: Catalogue | null = null): CodeAction[] {
  const actions: CodeAction[] = [];
  // The server's own diagnostics carry the replacement; a client may not send `data` back.
  const own = asked.flatMap((each) => all.filter((mine) => mine.code === each.code && mine.range.start.line === each.range.start.line && mine.range.start.character === each.range.start.character));
  for (const diagnostic of own) {
    const section = addSection(uri, diagnostic, text);
    if (section) actions.push(section);
    const synonym = addSynonym(diagnostic, catalogue);
    if (synonym) actions.push(synonym);
    const quoted = quoteValue(uri, diagnostic, text);
    if (quoted) actions.push(quoted);
    const edit = replacementEdit(diagnostic, text);
    if (!edit) continue;
    const { actual } = diagnostic.data as Replacement;
    // Never preferred: an editor applies a preferred fix at a keystroke, and a guess should be read first.
    actions.push({ title: `Replace \`${actual}\` with \`${edit.newText}\``, kind: CodeActionKind.QuickFix, diagnostics: [diagnostic], edit: { changes: { [uri]: [edit] } } });
    const same = all
      .filter((each) => each.code === diagnostic.code)
      .flatMap((each) => {
        const fix = replacementEdit(each, text);
        return fix ? [{ each, fix }] : [];
      });
    if (same.length > 1) {
      actions.push({
        title: `Fix all ${same.length} \`${String(diagnostic.code)}\` problems in this file`,
        kind: CodeActionKind.QuickFix,
        diagnostics: same.map(({ each }) => each),
        edit: { changes: { [uri]: same.map(({ fix }) => fix) } },
      });
    }
  }
  // One action per title: several messages may lead to the same fix.
  return actions.filter((action, index) => actions.findIndex((each) => each.title === action.title) === index);
}
