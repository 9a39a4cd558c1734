import type { Heading, List, ListItem, Root, RootContent } from 'mdast';
import { toString } from 'mdast-util-to-string';
import { visit } from 'unist-util-visit';
import type { z } from 'astro/zod';
import type { Config } from '../schemas/config-schema.ts';
import type { Results } from '../schemas/results-schema.ts';
import type { Section as SectionConfig } from '../schemas/section-schema.ts';
import { PlanFrontmatterSchema, type PlanFrontmatter } from '../schemas/plan-frontmatter-schema.ts';
import { parseCriterion, type Criterion } from './criteria-parser.ts';
import type { Frontmatter } from './frontmatter.ts';
import type { SyntaxProblem } from './syntax-problem.ts';
import { normalizeHeading } from './section-catalog.ts';

export interface PlanSection {
  /** The configured section this heading stands for, or null for a heading the catalogue does not know. */
  config: SectionConfig | null;
  heading: Heading;
  title: string;
  /** Everything between this heading and the next heading of the same or a higher level. */
  children: RootContent[];
}

export interface CriterionEntry {
  node: ListItem;
  text: string;
  line: number;
  /** The parsed threshold, or null when the text states none. */
  criterion: Criterion | null;
}

export interface PlanModel {
  path: string;
  tree: Root;
  frontmatter: Frontmatter | null;
  /** The frontmatter as the schema read it. */
  validation: z.ZodSafeParseResult<PlanFrontmatter> | null;
  sections: PlanSection[];
  exitCriteria: CriterionEntry[];
  rollbackTriggers: CriterionEntry[];
  /** Ordered lists in the Rollback section, outside its Triggers sub-section. */
  rollbackSteps: List[];
  syntaxProblems: SyntaxProblem[];
  /** Observed results for this version, when a valid `results.yaml` beside it applies. */
  results: Results | null;
  config: Config;
}

// Built once: a zod schema is costly to construct and is only ever read.
const planSchema = PlanFrontmatterSchema();

const TRIGGER_HEADING = /\btriggers?\b/i;
const TRIGGER_BULLET = /^\s*(?:triggers?\b|roll\s*back\s+(?:immediately\s+)?if\b|rollback\s+if\b|if\b)/i;

function findSectionConfig(title: string, sections: readonly SectionConfig[]): SectionConfig | null {
  const normal = normalizeHeading(title);
  return sections.find((section) => [section.title, ...section.synonyms].some((name) => normalizeHeading(name) === normal)) ?? null;
}

/** Splits the body at its top heading level: a plan's title lives in frontmatter, so `##` is usual. */
function splitSections(tree: Root, config: Config): PlanSection[] {
  const headings = tree.children.filter((node): node is Heading => node.type === 'heading');
  const depth = Math.min(...headings.map((heading) => heading.depth));
  const sections: PlanSection[] = [];
  for (const node of tree.children) {
    if (node.type === 'heading' && node.depth === depth) {
      const title = toString(node).trim();
      sections.push({ config: findSectionConfig(title, config.sections), heading: node, title, children: [] });
    } else {
      sections.at(-1)?.children.push(node);
    }
  }
  return sections;
}

function listItems(nodes: readonly RootContent[], ordered: boolean | null): ListItem[] {
  const items: ListItem[] = [];
  for (const node of nodes) {
    visit(node, 'listItem', (item, _index, parent) => {
      if (ordered !== null && parent?.type === 'list' && Boolean(parent.ordered) !== ordered) return;
      // An item that only groups nested items ("Business:") is a label, not a criterion.
      if (item.children.some((child) => child.type === 'list')) return;
      items.push(item);
    });
  }
  return items;
}

function entry(node: ListItem): CriterionEntry {
  const text = toString(node.children.filter((child) => child.type !== 'list')).replace(/\s+/g, ' ').trim();
  const line = node.position?.start.line ?? 1;
  return { node, text, line, criterion: parseCriterion(text, line) };
}

function readRollback(section: PlanSection | undefined): { triggers: ListItem[]; steps: List[] } {
  if (!section) return { triggers: [], steps: [] };
  const triggers: ListItem[] = [];
  const steps: List[] = [];
  let underTriggers = false;
  let triggersDepth = 0;
  let sawTriggerHeading = false;
  for (const node of section.children) {
    if (node.type === 'heading') {
      if (TRIGGER_HEADING.test(toString(node))) {
        underTriggers = true;
        sawTriggerHeading = true;
        triggersDepth = node.depth;
      } else if (node.depth <= triggersDepth || !underTriggers) {
        underTriggers = false;
      }
      continue;
    }
    if (underTriggers) triggers.push(...listItems([node], null));
    else if (node.type === 'list' && node.ordered) steps.push(node);
  }
  if (!sawTriggerHeading) {
    triggers.push(...listItems(section.children, false).filter((item) => TRIGGER_BULLET.test(toString(item))));
  }
  return { triggers, steps };
}

export function buildPlanModel(input: {
  path: string;
  tree: Root;
  frontmatter: Frontmatter | null;
  config: Config;
  syntaxProblems?: SyntaxProblem[];
  results?: Results | null;
}): PlanModel {
  const { path, tree, frontmatter, config } = input;
  const sections = splitSections(tree, config);
  const byId = (id: string) => sections.find((section) => section.config?.id === id);
  const exit = byId('exit-criteria');
  const rollback = readRollback(byId('rollback'));
  return {
    path,
    tree,
    frontmatter,
    validation: frontmatter && frontmatter.problems.length === 0 ? planSchema.safeParse(frontmatter.data, { reportInput: true }) : null,
    sections,
    exitCriteria: exit ? listItems(exit.children, null).map(entry) : [],
    rollbackTriggers: rollback.triggers.map(entry),
    rollbackSteps: rollback.steps,
    syntaxProblems: input.syntaxProblems ?? [],
    results: input.results ?? null,
    config,
  };
}
