import { type CompletionItem, CompletionItemKind, type Position, type Range } from 'vscode-languageserver';
import { parsePlanPath } from '../model/plan-path.ts';
import { DECISION_OUTCOMES, PLAN_STATUSES, PlanFrontmatterSchema } from '../schemas/plan-frontmatter-schema.ts';
import type { PlanAnalysis } from './plan-analysis.ts';
import type { Project } from './project.ts';

const FRONTMATTER_KEYS = Object.keys(PlanFrontmatterSchema().shape);

/** The line after which the frontmatter ends (its closing `---`), or -1 without frontmatter. */
export function frontmatterEnd(lines: readonly string[]): number {
  if (lines[0]?.trim() !== '---') return -1;
  return lines.findIndex((line, index) => index > 0 && line.trim() === '---');
}

/** The section a line is in: the last heading of a known section above it. */
function sectionAt(analysis: PlanAnalysis, line: number): string | null {
  const above = analysis.model.sections.filter((section) => (section.heading.position?.start.line ?? Number.POSITIVE_INFINITY) - 1 < line);
  return above.at(-1)?.config?.id ?? null;
}

/** Frontmatter keys not yet written, at the start of a frontmatter line; the statuses after `status:`. */
function inFrontmatter(lines: readonly string[], line: string): CompletionItem[] {
  if (/^status:\s*[\w-]*$/.test(line)) return PLAN_STATUSES.map((status) => ({ label: status, kind: CompletionItemKind.EnumMember, detail: 'status' }));
  if (/^\s+outcome:\s*[\w-]*$/.test(line)) return DECISION_OUTCOMES.map((outcome) => ({ label: outcome, kind: CompletionItemKind.EnumMember, detail: 'decision.outcome' }));
  if (!/^[\w-]*$/.test(line)) return [];
  const written = new Set(lines.map((each) => /^([\w-]+):/.exec(each)?.[1]).filter(Boolean));
  return FRONTMATTER_KEYS.filter((key) => !written.has(key)).map((key) => ({ label: key, kind: CompletionItemKind.Property, insertText: `${key}: `, detail: 'frontmatter key' }));
}

/** The sections the project asks for that the plan has not written yet, after `## `. */
function headings(project: Project, analysis: PlanAnalysis): CompletionItem[] {
  const present = new Set(analysis.model.sections.map((section) => section.config?.id).filter(Boolean));
  return project.config.sections
    .filter((section) => !present.has(section.id))
    .map((section) => ({ label: section.title, kind: CompletionItemKind.Module, detail: `${section.level} section`, sortText: `${section.level === 'required' ? 0 : 1}${section.title}` }));
}

/** The catalogue's metrics and their synonyms that speak for this plan, inside a criterion or trigger bullet, replacing what is typed after the marker. */
function metrics(project: Project, path: string, replace: Range): CompletionItem[] {
  const catalog = project.config.metrics;
  if (!catalog) return [];
  const planId = parsePlanPath(path)?.id ?? null;
  return (
    Object.entries(catalog.metrics)
      .filter(([, binding]) => binding.plans === undefined || (planId !== null && binding.plans.includes(planId)))
      .flatMap(([name, binding]) => [
        { label: name, kind: CompletionItemKind.Field, detail: binding.query, documentation: 'metric in content/metrics.yaml' },
        ...binding.synonyms.map((synonym) => ({ label: synonym, kind: CompletionItemKind.Field, detail: `synonym of ${name}`, documentation: binding.query })),
      ])
      // A name of several words replaces all that is typed after the bullet marker, and is matched against it.
      .map((item) => ({ ...item, filterText: item.label, textEdit: { range: replace, newText: item.label } }))
  );
}

/** What may be written at `position`: frontmatter keys and statuses, missing section headings, or the catalogue's metrics in a criterion. */
export function completionsAt(project: Project, path: string, analysis: PlanAnalysis, position: Position): CompletionItem[] {
  const lines = analysis.text.split('\n');
  const before = (lines[position.line] ?? '').slice(0, position.character);
  const end = frontmatterEnd(lines);
  if (position.line > 0 && position.line < end) return inFrontmatter(lines.slice(1, end), before);
  if (/^#{2,3}\s+[^#]*$/.test(before)) return headings(project, analysis);
  const section = sectionAt(analysis, position.line);
  const marker = /^\s*[-*+]\s+/.exec(before);
  if (marker && (section === 'exit-criteria' || section === 'rollback')) return metrics(project, path, { start: { line: position.line, character: marker[0].length }, end: position });
  return [];
}
