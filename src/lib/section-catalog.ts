/**
 * The sections a Pilot Plan is expected to have, with the other names authors give them.
 * A project can replace this list in `content/pilotplan.config.json`.
 */
export const SECTION_CATALOG = [
  { id: 'scope', title: 'Scope', level: 'required', synonyms: ['Pilot Scope', 'In Scope'] },
  { id: 'cohort', title: 'Cohort', level: 'required', synonyms: ['User Cohort', 'Participants'] },
  { id: 'environment', title: 'Environment and Data', level: 'required', synonyms: ['Environment', 'Data and Privacy'] },
  { id: 'entry-criteria', title: 'Entry Criteria', level: 'required', synonyms: ['Prerequisites', 'Readiness Criteria'] },
  { id: 'exit-criteria', title: 'Exit Criteria', level: 'required', synonyms: ['Success Metrics', 'Success Criteria', 'Go/No-Go Criteria'] },
  { id: 'monitoring', title: 'Monitoring', level: 'required', synonyms: ['Monitoring and Metrics', 'Telemetry'] },
  { id: 'rollback', title: 'Rollback', level: 'required', synonyms: ['Rollback and Contingency', 'Back-out Plan', 'Contingency Plan'] },
  { id: 'timeline', title: 'Timeline', level: 'required', synonyms: ['Schedule'] },
  { id: 'ownership', title: 'Ownership', level: 'required', synonyms: ['Roles', 'Roles and Responsibilities', 'RACI'] },
  { id: 'change-control', title: 'Change Control', level: 'required', synonyms: [] },
  { id: 'communications', title: 'Communications', level: 'recommended', synonyms: ['Communication Plan'] },
  { id: 'support-and-training', title: 'Support and Training', level: 'recommended', synonyms: ['Support', 'Training'] },
  { id: 'risks', title: 'Risks', level: 'recommended', synonyms: ['Risks and Mitigations'] },
] as const;

/** Heading text compared without case, punctuation, numbering or the difference between `&` and `and`. */
export function normalizeHeading(text: string): string {
  return text
    .toLowerCase()
    .replace(/&/g, ' and ')
    .replace(/^\s*(?:\d+(?:\.\d+)*\.?|[a-z]\))\s+/, '')
    .replace(/[^\p{L}\p{N}/]+/gu, ' ')
    .replace(/\s*\/\s*/g, '/')
    .trim();
}
