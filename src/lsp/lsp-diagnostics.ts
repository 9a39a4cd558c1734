import type { VFileMessage } from 'vfile-message';
import { type Diagnostic, DiagnosticRelatedInformation, DiagnosticSeverity, Location, type Range } from 'vscode-languageserver';
import { type Diagnostic as CheckDiagnostic, relatedPlaces } from '../engine/file-report.ts';
import type { Related } from '../engine/rule.ts';

/** The address of a related place's file: its own path, or none for the document the message is about. */
export type UriOf = (path: string | undefined) => string;

/** A message's cause, the places that explain it, as the editor's related information. */
function relatedInformation(cause: readonly Related[], uriOf: UriOf): { relatedInformation?: DiagnosticRelatedInformation[] } {
  if (cause.length === 0) return {};
  const at = (place: Related): Range => ({ start: { line: place.line - 1, character: place.column - 1 }, end: { line: place.line - 1, character: place.column - 1 } });
  return { relatedInformation: cause.map((place) => DiagnosticRelatedInformation.create(Location.create(uriOf(place.path), at(place)), place.message)) };
}

/** A vfile point or range (1-based lines and columns) as an LSP range (0-based); a point spans to the end of its line. */
export function rangeOf(place: VFileMessage['place'], lines: readonly string[]): Range {
  if (!place) return { start: { line: 0, character: 0 }, end: { line: 0, character: lines[0]?.length ?? 0 } };
  const start = 'start' in place ? place.start : place;
  const end = 'start' in place ? place.end : null;
  const line = Math.max(0, (start.line ?? 1) - 1);
  const from = { line, character: Math.max(0, (start.column ?? 1) - 1) };
  if (end && (end.line !== start.line || end.column !== start.column)) return { start: from, end: { line: Math.max(0, end.line - 1), character: Math.max(0, end.column - 1) } };
  return { start: from, end: { line, character: Math.max(from.character, lines[line]?.length ?? 0) } };
}

/** A message as `check` would print it, as an editor shows it: positioned, with its rule id, severity and the link to its page. */
export function toLspDiagnostic(message: VFileMessage, lines: readonly string[], uriOf: UriOf): Diagnostic {
  return {
    range: rangeOf(message.place, lines),
    severity: message.fatal ? DiagnosticSeverity.Error : DiagnosticSeverity.Warning,
    code: message.ruleId ?? 'pilotplan',
    ...(message.url ? { codeDescription: { href: message.url } } : {}),
    source: 'pilotplan',
    message: message.note ? `${message.reason}\n${message.note}` : message.reason,
    ...(message.actual !== undefined || message.expected !== undefined ? { data: { actual: message.actual, expected: message.expected } } : {}),
    ...relatedInformation(relatedPlaces(message), uriOf),
  };
}

/** A problem as `check` reports it (line and column, from the files on disk), as an editor shows it: to the end of its line. */
export function fromCheckDiagnostic(item: CheckDiagnostic, lines: readonly string[], uriOf: UriOf): Diagnostic {
  const line = Math.max(0, item.line - 1);
  const character = Math.max(0, item.column - 1);
  return {
    range: { start: { line, character }, end: { line, character: Math.max(character, lines[line]?.length ?? 0) } },
    severity: item.severity === 'error' ? DiagnosticSeverity.Error : DiagnosticSeverity.Warning,
    code: item.ruleId,
    ...(item.url ? { codeDescription: { href: item.url } } : {}),
    source: 'pilotplan',
    message: item.message,
    ...relatedInformation(item.cause ?? [], uriOf),
  };
}

/** In reading order, as `check` lists them. */
export const byPosition = (a: Diagnostic, b: Diagnostic) => a.range.start.line - b.range.start.line || a.range.start.character - b.range.start.character;
