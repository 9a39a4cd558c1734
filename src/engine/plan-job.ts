import { explainCriteria, planCriteria } from '../model/plan-criteria.ts';
import { pilotDates } from '../model/time-box.ts';
import type { Config } from '../schemas/config-schema.ts';
import { checkPlan } from './check-plan.ts';
import { checkerFailed } from './file-gate.ts';
import { toDiagnostics } from './file-report.ts';
import type { PlanJob, PlanOutcome } from './plan-outcome.ts';
import { ruleDocsUrl } from './site-urls.ts';

/** Checks one plan; a crash in the checker becomes a message on that file, not the end of the run. */
export function runPlanJob(job: PlanJob, config: Config): PlanOutcome {
  try {
    const { file, model } = checkPlan(job.source, job.shown, config, job.results);
    const sections = () =>
      model.sections.map((section, index) => ({
        key: section.config?.id ?? section.title.toLowerCase(),
        title: section.title,
        start: section.heading.position?.end.offset ?? 0,
        end: model.sections[index + 1]?.heading.position?.start.offset ?? job.source.length,
      }));
    return {
      diagnostics: toDiagnostics(file.messages),
      ...(job.criteria ? { criteria: planCriteria(model), dates: model.validation?.success ? pilotDates(model.validation.data) : null } : {}),
      ...(job.explain ? { explained: explainCriteria(model) } : {}),
      ...(job.sections ? { sections: sections() } : {}),
    };
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    return {
      diagnostics: [
        {
          ...checkerFailed(reason),
          severity: 'error',
          line: 1,
          column: 1,
          url: ruleDocsUrl('internal-error'),
        },
      ],
      ...(job.criteria ? { criteria: { exit: [], rollback: [] } } : {}),
    };
  }
}
