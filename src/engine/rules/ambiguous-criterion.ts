import { describeReading } from '../../criteria/describe-reading.ts';
import type { Rule } from '../rule.ts';

const rule: Rule = {
  id: 'ambiguous-criterion',
  scope: 'body',
  check(plan, report) {
    for (const [kind, entries] of [
      ['exit criterion', plan.exitCriteria],
      ['rollback trigger', plan.rollbackTriggers],
    ] as const) {
      for (const { reading, node, text } of entries) {
        if (reading.status !== 'ambiguous') continue;
        const options = reading.options.map((option) => `\`${option.map(describeReading).join(' and ')}\``);
        const how = reading.joint ? `it joins ${options.join(' and ')} with "${reading.joint}"` : `it reads as ${options.join(' or as ')}`;
        report({
          place: node,
          reason: `Ambiguous ${kind} \`${text}\`: ${how}. ${reading.fix}`,
          actual: text,
          expected: reading.options.map((option) => option.map(describeReading).join(' and ')),
        });
      }
    }
  },
};

export default rule;
