import type { Config } from '../schemas/config-schema.ts';
import type { Results } from '../schemas/results-schema.ts';
import { checkPlan } from './check-plan.ts';
import { explainCriteria, planCriteria, type ExplainedCriterion, type PlanCriteria } from '../model/plan-criteria.ts';
import { ruleDocsUrl } from './site-urls.ts';
import { toDiagnostics, type Diagnostic, type SectionSpan } from './file-report.ts';

/** One plan file to check: everything a worker thread needs, as plain data. */
export interface PlanJob {
  path: string;
  shown: string;
  source: string;
  results: Results | null;
  /** Also record how every criterion was read, for `check --explain`; off otherwise, as it doubles what a worker sends back. */
  explain?: boolean;
}

export interface PlanOutcome {
  diagnostics: Diagnostic[];
  criteria: PlanCriteria;
  /** With `explain`, every bullet of the criteria and triggers with how it was read. */
  explained?: ExplainedCriterion[];
  sections: SectionSpan[];
}

/** Checks one plan; a crash in the checker becomes a message on that file, not the end of the run. */
export function runPlanJob(job: PlanJob, config: Config): PlanOutcome {
  try {
    const { file, model } = checkPlan(job.source, job.shown, config, job.results);
    const sections = model.sections.map((section, index) => ({
      key: section.config?.id ?? section.title.toLowerCase(),
      title: section.title,
      start: section.heading.position?.end.offset ?? 0,
      end: model.sections[index + 1]?.heading.position?.start.offset ?? job.source.length,
    }));
    return { diagnostics: toDiagnostics(file.messages), criteria: planCriteria(model), ...(job.explain ? { explained: explainCriteria(model) } : {}), sections };
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    return {
      diagnostics: [{ ruleId: 'internal-error', severity: 'error', message: `The checker failed on this file (${reason}). The rest was checked; please report this file.`, line: 1, column: 1, url: ruleDocsUrl('internal-error') }],
      criteria: { exit: [], rollback: [] },
      sections: [],
    };
  }
}
