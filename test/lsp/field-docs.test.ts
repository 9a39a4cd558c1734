import { describe, expect, it } from 'vitest';
import { fieldDoc } from '../../src/lsp/field-docs.ts';
import { PlanFrontmatterSchema } from '../../src/schemas/plan-frontmatter-schema.ts';

describe('frontmatter hovers', () => {
  it('have a line for every key the plan schema accepts, read from its comments', () => {
    const missing = Object.keys(PlanFrontmatterSchema().shape).filter((key) => !fieldDoc(key));
    expect(missing).toEqual([]);
    expect(fieldDoc('duration')).toBe('The time box: "10 business days", "14 days" or "3 weeks".');
    expect(fieldDoc('nonsense')).toBeNull();
  });
});
