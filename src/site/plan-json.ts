import type { PlanEntry, PlanVersion } from './plan-library.ts';

/** One version as published in JSON: frontmatter, time box and parsed criteria, plus the evaluation. */
export function versionJson(version: PlanVersion) {
  return {
    id: version.id,
    ...version.data,
    duration: version.data.duration.text,
    end: version.end,
    criteria: version.criteria,
    // How each criterion is measured, from metrics.yaml: null without a catalogue.
    bindings: version.exported?.bindings ?? null,
    evaluation: version.evaluation && {
      decision: version.evaluation.decision,
      reasons: version.evaluation.reasons,
      criteria: version.evaluation.criteria.map((outcome) => ({ line: outcome.criterion.line, text: outcome.criterion.text, status: outcome.status, observed: outcome.observed })),
      triggers: version.evaluation.triggers.map((outcome) => ({ line: outcome.criterion.line, text: outcome.criterion.text, status: outcome.status, observed: outcome.observed })),
    },
  };
}

export function entryJson(entry: PlanEntry) {
  return { id: entry.id, collection: entry.collection, latest: entry.latest.version, versions: entry.versions.map(versionJson) };
}
