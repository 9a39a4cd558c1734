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
  'linked-file',
  'pathological-markdown',
  'frontmatter-safety',
  'unsafe-file-name',
] as const;

export type RuleId = (typeof RULE_IDS)[number];

/**
 * Rules that hold the trust boundary: content arrives by pull request, and these keep it from running
 * code, reading files outside the project or stalling the build. They are always errors; the config
 * cannot lower them and ignore comments do not silence them.
 */
export const SAFETY_RULE_IDS: ReadonlySet<RuleId> = new Set<RuleId>([
  'mdx-safety',
  'frontmatter-safety',
  'unsafe-url',
  'file-too-large',
  'check-timeout',
  'linked-file',
  'unsafe-file-name',
  'pathological-markdown',
]);
