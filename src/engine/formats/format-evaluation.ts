import { describeThreshold } from '../../criteria/describe-reading.ts';
import type { CriterionOutcome, Evaluation, TriggerOutcome } from '../../evaluate/evaluate-plan.ts';
import type { EvaluationReport } from '../../schemas/evaluation-report-schema.ts';

const DECISION_TEXT = { scale: 'Scale', iterate: 'Iterate', rollback: 'Roll back' } as const;
const STATUS_TEXT = { met: 'met', 'not-met': 'not met', 'no-data': 'no data', fired: 'fired', 'not-fired': 'not fired' } as const;

const observedText = (outcome: CriterionOutcome | TriggerOutcome): string => outcome.shown ?? '—';

// The threshold beside the observed value, as read: the bullet's own words may not show it ("A P1 defect occurs").
const againstText = (outcome: CriterionOutcome | TriggerOutcome): string => `observed ${observedText(outcome)}, threshold ${describeThreshold(outcome.criterion)}`;

/** One outcome as the JSON report gives it: the criterion as read, its threshold, and how it came out. */
const outcomeJson = (outcome: CriterionOutcome | TriggerOutcome) => ({
  ...outcome.criterion,
  threshold: describeThreshold(outcome.criterion),
  status: outcome.status,
  observed: outcome.observed,
  shown: outcome.shown,
  note: outcome.note,
});

/** The evaluation as one JSON object (`EvaluationReportSchema`), lines pointing into the plan file. */
export function formatEvaluationJson(evaluation: Evaluation): string {
  const report: EvaluationReport = {
    decision: evaluation.decision,
    reasons: evaluation.reasons,
    criteria: evaluation.criteria.map(outcomeJson) as EvaluationReport['criteria'],
    triggers: evaluation.triggers.map(outcomeJson) as EvaluationReport['triggers'],
  };
  return JSON.stringify(report);
}

/** For a terminal: the decision first, then each criterion and trigger with its status. */
export function formatEvaluationPretty(evaluation: Evaluation, planPath: string): string {
  const rows = (title: string, outcomes: ReadonlyArray<CriterionOutcome | TriggerOutcome>) =>
    outcomes.length === 0
      ? []
      : [title, ...outcomes.map((outcome) => `  ${STATUS_TEXT[outcome.status].padEnd(9)}  ${planPath}:${outcome.criterion.line}  ${outcome.criterion.text}  (${againstText(outcome)})`), ''];
  return [
    `Decision: ${DECISION_TEXT[evaluation.decision]}`,
    ...evaluation.reasons.map((reason) => `  ${reason}`),
    '',
    ...rows('Exit criteria', evaluation.criteria),
    ...rows('Rollback triggers', evaluation.triggers),
  ]
    .join('\n')
    .trimEnd();
}

const cell = (text: string) => text.replace(/\|/g, '\\|').replace(/\n/g, ' ');

/** A summary fit for a pull-request comment. */
export function formatEvaluationMarkdown(evaluation: Evaluation, planTitle: string): string {
  const table = (outcomes: ReadonlyArray<CriterionOutcome | TriggerOutcome>, what: string) =>
    outcomes.length === 0
      ? [`No ${what.toLowerCase()} in the plan.`]
      : [
          `| ${what} | Line | Threshold | Observed | Status |`,
          '| --- | --- | --- | --- | --- |',
          ...outcomes.map(
            (outcome) =>
              `| ${cell(outcome.criterion.text)} | ${outcome.criterion.line} | ${cell(describeThreshold(outcome.criterion))} | ${cell(observedText(outcome))} | **${STATUS_TEXT[outcome.status]}** |`,
          ),
        ];
  return [
    `### Go/no-go: ${DECISION_TEXT[evaluation.decision]} — ${cell(planTitle)}`,
    '',
    ...evaluation.reasons.map((reason) => `- ${reason}`),
    '',
    ...table(evaluation.criteria, 'Exit criterion'),
    '',
    ...table(evaluation.triggers, 'Rollback trigger'),
  ].join('\n');
}
