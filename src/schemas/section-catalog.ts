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
