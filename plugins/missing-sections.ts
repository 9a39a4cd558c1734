import type { PlanModel } from '../src/lib/plan-model.ts';
import type { Report } from '../src/lib/rule.ts';

/** Reports each configured section of one level that no heading of the plan stands for. */
export function reportMissingSections(plan: PlanModel, level: 'required' | 'recommended', report: (report: Report) => void): void {
  const present = new Set(plan.sections.map((section) => section.config?.id));
  const place = plan.sections[0]?.heading ?? plan.tree.children.find((node) => node.type !== 'yaml') ?? { line: 1, column: 1 };
  for (const section of plan.config.sections) {
    if (section.level !== level || present.has(section.id)) continue;
    const others = section.synonyms.length ? ` (or ${section.synonyms.map((name) => `\`${name}\``).join(', ')})` : '';
    report({
      place,
      reason: `Missing ${level} section \`${section.title}\`, expected a \`## ${section.title}\` heading${others}. Add the section with its content.`,
      expected: [`## ${section.title}`],
    });
  }
}
