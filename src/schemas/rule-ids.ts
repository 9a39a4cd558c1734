/** Every rule's stable id. Renaming one breaks users' config files and ignore comments. */
export const RULE_IDS = [
  'frontmatter-schema',
  'placeholder',
  'required-section',
  'recommended-section',
  'empty-section',
  'quantitative-criterion',
  'ambiguous-criterion',
  'rollback-trigger',
  'rollback-steps',
  'version-mismatch',
  'personal-data',
  'mdx-safety',
  'unsafe-url',
  'mdx-syntax',
  'decision-mismatch',
  'unbound-metric',
  'results-schema',
  'file-too-large',
  'check-timeout',
  'duplicate-plan',
  'approved-immutable',
] as const;

export type RuleId = (typeof RULE_IDS)[number];
