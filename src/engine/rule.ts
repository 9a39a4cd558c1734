import type { Node, Position } from 'unist';
import type { Point } from '../model/frontmatter.ts';
import type { PlanModel } from '../model/plan-model.ts';
import { type RuleMeta as RegistryEntry, RULES, type RuleId } from '../schemas/rule-registry.ts';
import { ruleDocsUrl } from './site-urls.ts';

/** The values a message template quotes by name: `{{section}}` in a template is `data.section`. */
export type MessageData = Readonly<Record<string, string | number>>;

/** Another place that explains a message: the other file that claims a plan, the criterion that decided. */
export interface Related {
  /** The file, when it is not the one the message is about. */
  path?: string;
  line: number;
  column: number;
  message: string;
}

export interface Report<M extends string = string> {
  /** Where the problem is: a node, a range or a point in the plan file. */
  place: Node | Position | Point | undefined;
  /** Which of the rule's message templates says what is wrong, what was expected and how to fix it. */
  messageId: M;
  /** The values the template quotes. */
  data?: MessageData;
  /** The offending text, for editors' quick fixes. */
  actual?: string;
  /** What would be accepted instead. */
  expected?: string[];
  /** Longer advice shown under the message. */
  note?: string;
  /** Other places that explain the problem, kept out of the message's text. */
  cause?: readonly Related[];
}

/** A rule's description of itself: the registry's entry, its docs page and its messages by id. */
export interface RuleMeta<M extends string = string> extends RegistryEntry {
  id: RuleId;
  docs: string;
  messages: Readonly<Record<M, string>>;
}

/** A rule that checks one plan. */
export interface Rule<M extends string = string> {
  meta: RuleMeta<M>;
  /** `file` rules still run when the MDX body could not be read at all. */
  scope: 'file' | 'body';
  check: (plan: PlanModel, report: (report: Report<M>) => void) => void;
}

/** What every safety rule says of an ignore comment that names it: the engine reports it, in the rule's name. */
export const IGNORED_SAFETY_RULE =
  'Unexpected ignore comment for `{{rule}}`, a safety rule: it cannot be ignored, so the comment has no effect. Remove `{{rule}}` from the comment and fix the line below it.';

/** A rule's meta from its id and its messages: severity, safety and description come from the registry, once. */
export function ruleMeta<M extends string>(id: RuleId, messages: Readonly<Record<M, string>>): RuleMeta<M> {
  const own = RULES[id].safety ? { ...messages, ignoredSafetyRule: IGNORED_SAFETY_RULE } : messages;
  return { ...RULES[id], id, docs: ruleDocsUrl(id), messages: own };
}

/** A rule that checks one plan, with its meta built from the registry. */
export function defineRule<M extends string>(definition: { id: RuleId; scope: Rule['scope']; messages: Readonly<Record<M, string>>; check: Rule<M>['check'] }): Rule<M> {
  return { meta: ruleMeta(definition.id, definition.messages), scope: definition.scope, check: definition.check };
}

/** A template with its `{{name}}` place-holders filled; a missing value is the rule's bug, so it throws. */
export function fillMessage(template: string, data: MessageData = {}): string {
  return template.replace(/\{\{\s*(\w+)\s*\}\}/g, (_, key: string) => {
    const value = data[key];
    if (value === undefined) throw new Error(`the message template needs \`${key}\`, which the report does not give`);
    return String(value);
  });
}

/** The message a report of this rule says. */
export const messageOf = <M extends string>(meta: RuleMeta<M>, report: Pick<Report<M>, 'messageId' | 'data'>): string => fillMessage(meta.messages[report.messageId], report.data);

/** A message of a rule checked outside one plan's body, ready to become a diagnostic. */
export interface Said {
  ruleId: RuleId;
  messageId: string;
  message: string;
}

/** One of a rule's messages, filled. */
export function said<M extends string>(meta: RuleMeta<M>, messageId: M, data?: MessageData): Said {
  return { ruleId: meta.id, messageId, message: messageOf(meta, { messageId, ...(data ? { data } : {}) }) };
}
