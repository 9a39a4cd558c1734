/**
 * Every rule, once: its stable id, its default severity, whether it guards the trust boundary, and the
 * one line that describes it. The config schema, the engine's severities, SARIF, `pilotplan rules` and
 * the head of each rule's page (`content/authoring/rules/<id>.md`) all come from this table.
 * Renaming an id breaks users' config files and ignore comments.
 */

export interface RuleMeta {
  /** `error` fails the check; `warning` only reports. The project's config may change it unless `safety`. */
  defaultSeverity: 'error' | 'warning';
  /** Holds the trust boundary: always an error, not lowered by the config, not silenced by ignore comments. */
  safety: boolean;
  /** One line for the rules reference, SARIF and the rule's page. */
  description: string;
}

export const RULES = {
  'frontmatter-schema': { defaultSeverity: 'error', safety: false, description: 'The frontmatter is readable YAML and matches the plan schema: every key known, every required key present.' },
  placeholder: {
    defaultSeverity: 'error',
    safety: false,
    description: "No frontmatter value is left as a placeholder: the template's own summary, stories and cohort, or text such as `TBD` and `<owner>`.",
  },
  'required-section': { defaultSeverity: 'error', safety: false, description: 'Every required section (Scope, Cohort, Exit Criteria, Rollback, …) has a heading, under its name or a synonym.' },
  'recommended-section': { defaultSeverity: 'warning', safety: false, description: 'Recommended sections (Communications, Support and Training, Risks) are present.' },
  'empty-section': { defaultSeverity: 'error', safety: false, description: 'No section is empty or holds only a placeholder such as "TBD".' },
  'quantitative-criterion': {
    defaultSeverity: 'error',
    safety: false,
    description: 'Every exit criterion and rollback trigger states a measurable threshold that reads one way: a metric, a comparison and a number.',
  },
  'ambiguous-criterion': {
    defaultSeverity: 'error',
    safety: false,
    description: 'No exit criterion or rollback trigger reads two ways, such as two thresholds joined by "or", or a value with no direction ("threshold: 5").',
  },
  'rollback-trigger': { defaultSeverity: 'error', safety: false, description: 'The Rollback section has at least one quantitative trigger: when to reverse the pilot.' },
  'rollback-steps': { defaultSeverity: 'error', safety: false, description: 'The Rollback section lists its steps as an ordered list, so they can be rehearsed and followed under pressure.' },
  'version-mismatch': { defaultSeverity: 'error', safety: false, description: 'A plan lives at `<plan-id>/v<N>.mdx` and its frontmatter `version` equals N.' },
  'personal-data': { defaultSeverity: 'error', safety: false, description: 'No e-mail addresses or phone numbers in a published plan, in its body or its frontmatter.' },
  'mdx-safety': {
    defaultSeverity: 'error',
    safety: true,
    description: 'No imports, exports, `{expressions}` (comments aside) or components outside the allow-list: plans arrive by pull request and MDX runs code at build time.',
  },
  'unsafe-url': {
    defaultSeverity: 'error',
    safety: true,
    description: 'No `javascript:`, `vbscript:` or `data:` URLs in links, images or element attributes, however they are encoded, and no local image that is not an image file beside the page.',
  },
  'mdx-syntax': {
    defaultSeverity: 'error',
    safety: false,
    description: 'The file is valid MDX. A bare `<`, an HTML comment or a prose line starting with `import` is reported and the rest of the file is still checked.',
  },
  'decision-mismatch': { defaultSeverity: 'warning', safety: false, description: "The recorded go/no-go `decision.outcome` agrees with the evaluation of the plan's observed results." },
  'unbound-metric': {
    defaultSeverity: 'warning',
    safety: false,
    description: 'When the project has a `metrics.yaml`, every exit criterion and rollback trigger can be measured with a query it gives.',
  },
  'results-schema': { defaultSeverity: 'error', safety: false, description: "A plan's results.yaml is valid and every observation fits the criterion it measures." },
  'file-too-large': { defaultSeverity: 'error', safety: true, description: 'A plan file larger than the configured cap is not checked.' },
  'check-timeout': { defaultSeverity: 'error', safety: true, description: 'A plan that takes too long to check is stopped and reported; the others are still checked.' },
  'duplicate-plan': { defaultSeverity: 'error', safety: false, description: 'No two files claim the same plan id and version.' },
  'approved-immutable': { defaultSeverity: 'error', safety: false, description: 'An approved, active or completed version is not edited; a change is a new version.' },
  'linked-file': { defaultSeverity: 'error', safety: true, description: 'No symbolic link anywhere under content/, and no plan, results, catalogue or config file behind one.' },
  'pathological-markdown': {
    defaultSeverity: 'error',
    safety: true,
    description:
      "No nesting deeper than 64 levels, no more than 250 emphasis or link markers in one paragraph and no more than 100 `:::` lines in a file: shapes no plan needs, on which the site's build would crash or run for hours.",
  },
  'frontmatter-safety': {
    defaultSeverity: 'error',
    safety: true,
    description:
      'Frontmatter is data only: the keys of the plan schema or a short list for pages, no raw HTML or unsafe links in the fields written as such, frontmatter only as `---` YAML at the top, and no YAML aliases.',
  },
  'unsafe-file-name': { defaultSeverity: 'error', safety: true, description: 'No file or folder under content/ whose name starts with a hyphen.' },
  'internal-error': { defaultSeverity: 'error', safety: true, description: 'The checker itself failed on a file.' },
} as const satisfies Record<string, RuleMeta>;

export type RuleId = keyof typeof RULES;

export const RULE_IDS = Object.keys(RULES) as [RuleId, ...RuleId[]];

/**
 * Rules that hold the trust boundary: content arrives by pull request, and these keep it from running
 * code, reading files outside the project or stalling the build.
 */
export const SAFETY_RULE_IDS: ReadonlySet<RuleId> = new Set(RULE_IDS.filter((id) => RULES[id].safety));
