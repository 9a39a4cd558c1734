import type { z } from 'astro/zod';
import type { Heading, List, ListItem, Nodes, Root, RootContent } from 'mdast';
import { toString as nodeText } from 'mdast-util-to-string';
import type { Node } from 'unist';
import { type Reading, readCriterion } from '../criteria/criteria-grammar.ts';
import type { Config } from '../schemas/config-schema.ts';
import type { Criterion } from '../schemas/criterion-schema.ts';
import { type PlanFrontmatter, PlanFrontmatterSchema } from '../schemas/plan-frontmatter-schema.ts';
import type { Results } from '../schemas/results-schema.ts';
import type { Section as SectionConfig } from '../schemas/section-schema.ts';
import type { Frontmatter } from './frontmatter.ts';
import { findSection } from './section-names.ts';
import type { SyntaxProblem } from './syntax-problem.ts';
import { treeNodes } from './tree-nodes.ts';

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
  /** The bullet as written, code spans in backticks. */
  text: string;
  line: number;
  /** How the criteria grammar read it. */
  reading: Reading;
  /** The criteria it states: empty unless the reading is confident. */
  criteria: Criterion[];
}

export interface PlanModel {
  path: string;
  /** The file's text as written, frontmatter included. */
  source: string;
  tree: Root;
  /** Every node of the tree in document order, parents first: rules read this instead of walking the tree again. */
  nodes: readonly Nodes[];
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

// A sub-heading or a lead-in line over the triggers: "### Triggers", "Roll back if any of these holds:".
const TRIGGER_HEADING = /\b(?:triggers?|criteria|conditions|when to roll\s*back)\b/i;
// "Roll back after", "Halt the rollout if", "Abort when": a verb that stops the pilot, a few words, then the condition.
const STOP_WHEN = String.raw`(?:roll\s*back|rollback|revert|abort|halt|pause|stop)(?:\s+[\w-]+){0,3}?\s+(?:if|when|whenever|after|upon|once|on)\b`;
const TRIGGER_LEAD = new RegExp(String.raw`(?:\btriggers?\b|${STOP_WHEN}|rollback\s+(?:criteria|conditions)\b).*:\s*$`, 'i');
const TRIGGER_BULLET = new RegExp(String.raw`^\s*(?:triggers?\b|${STOP_WHEN}|if\b|when\b)`, 'i');

/**
 * Splits the body into sections. Their level is the level of the headings that name a known section
 * (usually `##`), so a stray `# Note`, or a line Markdown reads as a heading ("# of tickets …"),
 * starts a section of its own instead of swallowing the rest.
 */
function splitSections(tree: Root, config: Config): PlanSection[] {
  const headings = tree.children.filter((node): node is Heading => node.type === 'heading');
  const known = headings.filter((heading) => findSection(nodeText(heading).trim(), config.sections));
  const depth = Math.min(...(known.length > 0 ? known : headings).map((heading) => heading.depth));
  const sections: PlanSection[] = [];
  for (const node of tree.children) {
    if (node.type === 'heading' && node.depth <= depth) {
      const title = nodeText(node).trim();
      sections.push({ config: findSection(title, config.sections), heading: node, title, children: [] });
    } else {
      sections.at(-1)?.children.push(node);
    }
  }
  return sections;
}

/** The text of an item or paragraph as the criteria grammar reads it: code spans keep their backticks. */
export function inlineText(node: Node): string {
  if (node.type === 'inlineCode' && 'value' in node) return `\`${String(node.value)}\``;
  if (node.type === 'list' || node.type === 'break') return ' ';
  if ('value' in node && typeof node.value === 'string' && node.type !== 'mdxFlowExpression' && node.type !== 'mdxTextExpression') return node.value;
  if ('children' in node && Array.isArray(node.children)) return (node.children as Node[]).map((child) => inlineText(child)).join(node.type === 'listItem' || node.type === 'blockquote' ? ' ' : '');
  return '';
}

const ownText = (item: ListItem) =>
  inlineText({ ...item, children: item.children.filter((child) => child.type !== 'list') } as Node)
    .replace(/\s+/g, ' ')
    .trim();

/**
 * The criteria bullets in some blocks, each with the label of the item it is nested under: an item
 * that only groups nested items ("Checkout latency (ms):") is a label, not a criterion.
 */
function criterionItems(nodes: readonly RootContent[], ordered: boolean | null, label?: string): Array<{ item: ListItem; label: string | undefined }> {
  const found: Array<{ item: ListItem; label: string | undefined }> = [];
  for (const node of nodes) {
    if (node.type === 'list') {
      if (ordered !== null && Boolean(node.ordered) !== ordered) continue;
      for (const item of node.children) {
        const nested = item.children.filter((child): child is List => child.type === 'list');
        if (nested.length > 0) found.push(...criterionItems(nested, null, ownText(item)));
        else found.push({ item, label });
      }
    } else if ('children' in node && node.type !== 'heading') {
      found.push(...criterionItems(node.children as RootContent[], ordered, label));
    }
  }
  return found;
}

/**
 * A bullet written `- >= 10 tickets` is a block quote to Markdown, which drops the `>`: read as it is
 * left, `= 10`, it would mean something else. It is never read, and the message says how to write it.
 */
function quotedBullet(item: ListItem): { text: string; reading: Reading } | null {
  const [first] = item.children;
  if (first?.type !== 'blockquote') return null;
  const inner = ownText(item);
  const text = inner.startsWith('=') ? `>${inner}` : `> ${inner}`;
  const rest = inner.replace(/^=\s*/, '');
  const nearest = [`${inner.startsWith('=') ? 'at least' : 'more than'} ${rest}`];
  return {
    text,
    reading: { status: 'unsure', found: rest.match(/\d[\d,.]*/g) ?? [], reason: 'the bullet starts with `>`, which Markdown reads as a quote mark and drops, so the comparison is lost', nearest },
  };
}

function entry(item: ListItem, kind: 'exit' | 'rollback', label: string | undefined): CriterionEntry {
  const quoted = quotedBullet(item);
  const text = quoted?.text ?? ownText(item);
  const line = item.position?.start.line ?? 1;
  const reading = quoted?.reading ?? readCriterion(text, { kind, label });
  const criteria = reading.status === 'read' ? reading.criteria.map((criterion) => ({ text, line, ...criterion })) : [];
  return { node: item, text, line, reading, criteria };
}

function readRollback(section: PlanSection | undefined): { triggers: Array<{ item: ListItem; label: string | undefined }>; steps: List[] } {
  if (!section) return { triggers: [], steps: [] };
  const triggers: Array<{ item: ListItem; label: string | undefined }> = [];
  const steps: List[] = [];
  let underTriggers = false;
  let triggersDepth = 0;
  let sawTriggers = false;
  let leadIn = false;
  for (const node of section.children) {
    if (node.type === 'heading') {
      if (TRIGGER_HEADING.test(nodeText(node))) {
        underTriggers = true;
        sawTriggers = true;
        triggersDepth = node.depth;
      } else if (node.depth <= triggersDepth || !underTriggers) {
        underTriggers = false;
      }
      leadIn = false;
      continue;
    }
    // "Roll back if any of these holds:" makes the list after it the triggers.
    if (node.type === 'paragraph') {
      leadIn = TRIGGER_LEAD.test(nodeText(node));
      sawTriggers ||= leadIn;
      continue;
    }
    if (underTriggers || (leadIn && node.type === 'list' && !node.ordered)) triggers.push(...criterionItems([node], null));
    else if (node.type === 'list' && node.ordered) steps.push(node);
    leadIn = false;
  }
  if (!sawTriggers) triggers.push(...criterionItems(section.children, false).filter(({ item }) => TRIGGER_BULLET.test(nodeText(item))));
  return { triggers, steps };
}

export function buildPlanModel(input: {
  path: string;
  source: string;
  tree: Root;
  /** The tree's nodes, when the parser has listed them already. */
  nodes?: readonly Nodes[];
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
    source: input.source,
    tree,
    nodes: input.nodes ?? treeNodes(tree),
    frontmatter,
    validation: frontmatter && frontmatter.problems.length === 0 ? planSchema.safeParse(frontmatter.data, { reportInput: true }) : null,
    sections,
    exitCriteria: exit ? criterionItems(exit.children, null).map(({ item, label }) => entry(item, 'exit', label)) : [],
    rollbackTriggers: rollback.triggers.map(({ item, label }) => entry(item, 'rollback', label)),
    rollbackSteps: rollback.steps,
    syntaxProblems: input.syntaxProblems ?? [],
    results: input.results ?? null,
    config,
  };
}

/**
 * A file as rules that read only the tree and frontmatter see it, without sections, criteria or a validated frontmatter: for pages
 * that are not plans, and for a plan too deeply nested to build the rest of its model safely.
 */
export function treeOnlyModel(path: string, source: string, tree: Root, nodes: readonly Nodes[], config: Config, frontmatter: Frontmatter | null = null): PlanModel {
  return { path, source, tree, nodes, frontmatter, validation: null, sections: [], exitCriteria: [], rollbackTriggers: [], rollbackSteps: [], syntaxProblems: [], results: null, config };
}
