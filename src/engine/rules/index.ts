import type { Rule } from '../rule.ts';
import ambiguousCriterion from './ambiguous-criterion.ts';
import decisionMismatch from './decision-mismatch.ts';
import emptySection from './empty-section.ts';
import frontmatterSafety from './frontmatter-safety.ts';
import frontmatterSchema from './frontmatter-schema.ts';
import mdxSafety from './mdx-safety.ts';
import mdxSyntax from './mdx-syntax.ts';
import pathologicalMarkdown from './pathological-markdown.ts';
import personalData from './personal-data.ts';
import placeholder from './placeholder.ts';
import quantitativeCriterion from './quantitative-criterion.ts';
import recommendedSection from './recommended-section.ts';
import requiredSection from './required-section.ts';
import rollbackSteps from './rollback-steps.ts';
import rollbackTrigger from './rollback-trigger.ts';
import unboundMetric from './unbound-metric.ts';
import unsafeUrl from './unsafe-url.ts';
import versionMismatch from './version-mismatch.ts';

/** Every rule, in the order their messages are most useful to read. */
export const rules: readonly Rule[] = [
  mdxSyntax,
  pathologicalMarkdown,
  frontmatterSchema,
  placeholder,
  versionMismatch,
  requiredSection,
  recommendedSection,
  emptySection,
  quantitativeCriterion,
  ambiguousCriterion,
  rollbackTrigger,
  rollbackSteps,
  mdxSafety,
  frontmatterSafety,
  unsafeUrl,
  personalData,
  decisionMismatch,
  unboundMetric,
];
