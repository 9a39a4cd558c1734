/**
 * The sections a Pilot Plan is expected to have, with the other names authors give them.
 * A project can replace this list in `content/pilotplan.config.json`.
 */
export const SECTION_CATALOG = [
  { id: 'scope', title: 'Scope', level: 'required', synonyms: ['Pilot Scope', 'In Scope', 'Scope and Objectives', 'Objectives', 'Goals', 'Goals and Non-Goals', 'Purpose', 'Go-Live Objectives', 'Hypercare Objectives', 'Service Overview'] },
  { id: 'cohort', title: 'Cohort', level: 'required', synonyms: ['User Cohort', 'Participants', 'Pilot Group', 'Pilot Users', 'Pilot Participants', 'Pilot Sites', 'Target Users', 'Audience', 'Beta Groups', 'Beta Groups/Projects', 'Traffic Split', 'Traffic Progression'] },
  { id: 'environment', title: 'Environment and Data', level: 'required', synonyms: ['Environment', 'Environments', 'Data and Privacy', 'Environment and Test Data', 'Test Environment', 'Infrastructure'] },
  { id: 'entry-criteria', title: 'Entry Criteria', level: 'required', synonyms: ['Prerequisites', 'Readiness', 'Readiness Criteria', 'Readiness Checklist', 'Go-Live Readiness', 'Technical Readiness', 'Data Readiness', 'Pre-Launch Checklist', 'Entry Conditions', 'Preparation Phase'] },
  { id: 'exit-criteria', title: 'Exit Criteria', level: 'required', synonyms: ['Success Metrics', 'Success Criteria', 'Success Criteria and Validation', 'Go/No-Go Criteria', 'Go/No-Go Decision', 'Go/No-Go Decision Criteria', 'Exit Conditions', 'Graduation Criteria', 'Acceptance Criteria', 'Pilot Success Criteria', 'Hypercare Exit Criteria', 'Expectations', 'Canary Rules'] },
  { id: 'monitoring', title: 'Monitoring', level: 'required', synonyms: ['Monitoring and Metrics', 'Monitoring and Alerting', 'Monitoring Requirements', 'Monitoring Windows', 'Monitoring Focus Areas', 'Metrics', 'Telemetry', 'Observability', 'Key Performance Indicators', 'KPIs', 'Dashboards', 'Alerts', 'Alerting'] },
  { id: 'rollback', title: 'Rollback', level: 'required', synonyms: ['Rollback Plan', 'Rollback Steps', 'Rollback Procedure', 'Rollback Strategy', 'Rollback and Contingency', 'Rollback Triggers', 'Auto-Rollback Conditions', 'Backout Plan', 'Contingency', 'Contingency Plan', 'Fallback Plan', 'Feature Enablement and Rollback', 'Rollout, Upgrade and Rollback Planning'] },
  { id: 'timeline', title: 'Timeline', level: 'required', synonyms: ['Schedule', 'Milestones', 'Key Dates', 'Rollout Timeline', 'Rollout Plan', 'The Rollout Plan', 'Go-Live Timeline', 'Timeline and Milestones', 'Deployment Flow', 'Duration'] },
  { id: 'ownership', title: 'Ownership', level: 'required', synonyms: ['Owners', 'Roles', 'Roles and Responsibilities', 'RACI', 'RACI Matrix', 'Team', 'Contacts', 'Emergency Contacts', 'Escalation', 'Escalation Paths', 'Escalation Procedures'] },
  { id: 'change-control', title: 'Change Control', level: 'required', synonyms: ['Change Management', 'Change Process', 'Change Requests', 'Feedback and Change Control', 'Hotfix Process'] },
  { id: 'communications', title: 'Communications', level: 'recommended', synonyms: ['Communication Plan', 'Communications Plan', 'Stakeholder Communication', 'Stakeholders', 'Communication Readiness'] },
  { id: 'support-and-training', title: 'Support and Training', level: 'recommended', synonyms: ['Support', 'Training', 'Training and Support', 'User Support', 'Support Plan', 'Support Structure', 'Support Readiness', 'Hypercare', 'Troubleshooting'] },
  { id: 'risks', title: 'Risks', level: 'recommended', synonyms: ['Risks and Mitigations', 'Risk Management', 'Risk Assessment', 'Risks and Dependencies', 'What Could Go Wrong?', 'Drawbacks'] },
] as const;

/**
 * Heading text compared without case, punctuation, emoji, numbering, a plural -s, or the difference
 * between `&` and `and` or "Roll-back", "Roll back" and "Rollback".
 */
export function normalizeHeading(text: string): string {
  return text
    .toLowerCase()
    .replace(/&/g, ' and ')
    .replace(/^[^\p{L}\p{N}]*(?:\d+(?:\.\d+)*\.?|[a-z]\))\s+/u, '')
    .replace(/\b(roll|back|fall|sign)[\s-]+(back|out|off)\b/g, '$1$2')
    .replace(/[^\p{L}\p{N}/]+/gu, ' ')
    .replace(/\s*\/\s*/g, '/')
    .trim()
    .replace(/\b(\p{L}{4,}?)s\b/gu, (word, stem: string) => (word.endsWith('ss') ? word : stem));
}

type Named = { title: string; synonyms: readonly string[] };

// Each section list's names, normalised once: every heading of every plan is looked up in them.
const indexes = new WeakMap<readonly Named[], Map<string, Named>>();

/** The configured section a heading stands for, by its title or a synonym; null for any other heading. */
export function findSection<Section extends Named>(heading: string, sections: readonly Section[]): Section | null {
  let index = indexes.get(sections);
  if (!index) {
    index = new Map();
    // The first section to claim a name keeps it, as a search in list order would.
    for (const section of sections) for (const name of [section.title, ...section.synonyms]) if (!index.has(normalizeHeading(name))) index.set(normalizeHeading(name), section);
    indexes.set(sections, index);
  }
  return (index.get(normalizeHeading(heading)) as Section | undefined) ?? null;
}
