import type { Rule, RuleMeta } from '../rule.ts';
import ambiguousCriterion from './ambiguous-criterion.ts';
import approvedImmutable from './approved-immutable.ts';
import checkTimeout from './check-timeout.ts';
import decisionMismatch from './decision-mismatch.ts';
import duplicatePlan from './duplicate-plan.ts';
import emptySection from './empty-section.ts';
import fileTooLarge from './file-too-large.ts';
import frontmatterSafety from './frontmatter-safety.ts';
import frontmatterSchema from './frontmatter-schema.ts';
import internalError from './internal-error.ts';
import linkedFile from './linked-file.ts';
import mdxSafety from './mdx-safety.ts';
import mdxSyntax from './mdx-syntax.ts';
import pathologicalMarkdown from './pathological-markdown.ts';
import personalData from './personal-data.ts';
import placeholder from './placeholder.ts';
import quantitativeCriterion from './quantitative-criterion.ts';
import recommendedSection from './recommended-section.ts';
import requiredSection from './required-section.ts';
import resultsSchema from './results-schema.ts';
import rollbackSteps from './rollback-steps.ts';
import rollbackTrigger from './rollback-trigger.ts';
import unboundMetric from './unbound-metric.ts';
import unsafeFileName from './unsafe-file-name.ts';
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

/** The rules checked outside one plan's body (across files, on results, by the file gate): their meta and messages. */
export const projectRules: readonly RuleMeta[] = [fileTooLarge, checkTimeout, internalError, unsafeFileName, linkedFile, duplicatePlan, approvedImmutable, resultsSchema];
