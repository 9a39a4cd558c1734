import { VFileMessage } from 'vfile-message';
import type { ExplainedCriterion, PlanCriteria } from '../model/plan-criteria.ts';
import type { PilotDates } from '../model/time-box.ts';
import { type RuleId, SAFETY_RULE_IDS } from '../schemas/rule-registry.ts';
import type { Related } from './rule.ts';

/** Where a section lies in the source: its heading's key and title, and the body's offsets. */
export interface SectionSpan {
  key: string;
  title: string;
  start: number;
  end: number;
}

/** What the checker found in one file, as every output format reads it. */
export interface FileReport {
  /** The path as the user gave it, relative to the working folder. */
  path: string;
  source: string;
  /** Plain data, so reports can come from a worker thread or the cache. */
  diagnostics: readonly Diagnostic[];
  /** The plan the file is, with the details the run asked for: criteria unless left out, readings with `--explain`, sections for the site. */
  plan?: { id: string | null; version: number | null; criteria?: PlanCriteria; dates?: PilotDates | null; explained?: ExplainedCriterion[]; sections?: SectionSpan[] };
}

export interface Diagnostic {
  ruleId: string;
  severity: 'error' | 'warning';
  message: string;
  line: number;
  column: number;
  url: string | undefined;
  /** The value the message quotes, when it names one: for a report that groups messages, or a fix. */
  actual?: string;
  /** What the message suggests instead, when it suggests something. */
  expected?: string[];
  /** Which of the rule's message templates it is, for tools that act on one kind of message. */
  messageId?: string;
  /** Other places that explain it: the other file, the criterion that decided. */
  cause?: Related[];
}

/** Related places as vfile-message's `cause`: each a message of its own, the next one its cause in turn. */
export function relatedCause(related: readonly Related[] | undefined): VFileMessage | undefined {
  let cause: VFileMessage | undefined;
  for (const place of [...(related ?? [])].reverse()) {
    const message = new VFileMessage(place.message, { place: { line: place.line, column: place.column }, ...(cause ? { cause } : {}) });
    if (place.path !== undefined) message.file = place.path;
    cause = message;
  }
  return cause;
}

/** The chain of vfile-message causes as related places. */
export function relatedPlaces(message: VFileMessage): Related[] {
  const places: Related[] = [];
  for (let cause = message.cause; cause instanceof VFileMessage; cause = cause.cause)
    places.push({ ...(cause.file ? { path: cause.file } : {}), line: cause.line ?? 1, column: cause.column ?? 1, message: cause.reason });
  return places;
}

export function toDiagnostic(message: VFileMessage): Diagnostic {
  return {
    ruleId: message.ruleId ?? 'unknown',
    severity: message.fatal ? 'error' : 'warning',
    message: message.reason,
    line: message.line ?? 1,
    column: message.column ?? 1,
    url: message.url,
    ...(message.actual === undefined ? {} : { actual: message.actual }),
    ...(message.expected === undefined ? {} : { expected: message.expected }),
    ...('messageId' in message && typeof message.messageId === 'string' ? { messageId: message.messageId } : {}),
    ...(message.cause instanceof VFileMessage ? { cause: relatedPlaces(message) } : {}),
  };
}

/** A file's messages as sorted diagnostics, so every format lists them in reading order. */
export function toDiagnostics(messages: readonly VFileMessage[]): Diagnostic[] {
  return messages.map(toDiagnostic).sort((a, b) => a.line - b.line || a.column - b.column);
}

export function summarize(reports: readonly FileReport[]): { files: number; errors: number; warnings: number } {
  const all = reports.flatMap((report) => report.diagnostics);
  return {
    files: reports.length,
    errors: all.filter((item) => item.severity === 'error').length,
    warnings: all.filter((item) => item.severity === 'warning').length,
  };
}

/**
 * Whether a safety rule refused something other than a plan: a link, an option-like file name, a page
 * beside the plans. A broken plan is shown in dev as its report and never compiled, but Astro compiles
 * every other page, follows links and hands file names to git while it serves, so dev must not start.
 */
export function unsafeBeyondPlans(reports: readonly FileReport[]): boolean {
  return reports.some((report) => !report.plan && report.diagnostics.some((item) => item.severity === 'error' && SAFETY_RULE_IDS.has(item.ruleId as RuleId)));
}
