import { describeReading } from '../../criteria/describe-reading.ts';
import { defineRule } from '../rule.ts';

export default defineRule({
  id: 'ambiguous-criterion',
  scope: 'body',
  messages: {
    joined: 'Ambiguous {{kind}} `{{text}}`: it joins {{options}} with "{{joint}}". {{fix}}',
    twoWays: 'Ambiguous {{kind}} `{{text}}`: it reads as {{options}}. {{fix}}',
  },
  check(plan, report) {
    for (const [kind, entries] of [
      ['exit criterion', plan.exitCriteria],
      ['rollback trigger', plan.rollbackTriggers],
    ] as const) {
      for (const { reading, node, text } of entries) {
        if (reading.status !== 'ambiguous') continue;
        const options = reading.options.map((option) => `\`${option.map(describeReading).join(' and ')}\``);
        report({
          place: node,
          ...(reading.joint
            ? { messageId: 'joined', data: { kind, text, options: options.join(' and '), joint: reading.joint, fix: reading.fix } }
            : { messageId: 'twoWays', data: { kind, text, options: options.join(' or as '), fix: reading.fix } }),
          actual: text,
          expected: reading.options.map((option) => option.map(describeReading).join(' and ')),
        });
      }
    }
  },
});
