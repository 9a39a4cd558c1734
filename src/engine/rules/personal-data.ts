import { forEachString, type Point } from '../../model/frontmatter.ts';
import { defineRule, type Report } from '../rule.ts';

const EMAIL = /[\p{L}\p{N}._%+-]+@[\p{L}\p{N}-]+(?:\.[\p{L}\p{N}-]+)*\.\p{L}{2,}/gu;
const PHONE = /(?<![\w.,/-])(?:\+\d{1,3}[\s.-]?)?(?:\(\d{1,4}\)[\s.-]?)?\d{1,4}(?:[\s.-]\d{2,4}){2,4}(?![\w,/-]|\.\d)/g;
const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

function* findings(text: string): Generator<{ kind: string; value: string; index: number }> {
  // Cheap tests first: most text has no `@` and too few digits to hold a phone number.
  if (text.includes('@')) for (const match of text.matchAll(EMAIL)) yield { kind: 'e-mail address', value: match[0], index: match.index };
  if ((text.match(/\d/g)?.length ?? 0) < 8) return;
  for (const match of text.matchAll(PHONE)) {
    const digits = match[0].replace(/\D/g, '').length;
    if (digits >= 8 && digits <= 15 && !ISO_DATE.test(match[0])) yield { kind: 'phone number', value: match[0], index: match.index };
  }
}

export default defineRule({
  id: 'personal-data',
  scope: 'file',
  messages: {
    found: 'Unexpected {{kind}} `{{value}}` in a published plan, expected a role or a team channel (`Support lead`, `#pilot-checkout`). Remove it: plans are public pages.',
  },
  check(plan, report) {
    // A bare address is both a text node and a GFM autolink's `mailto:`; report it once.
    const seen = new Set<string>();
    const emit = (text: string, at: (index: number) => Report['place']) => {
      for (const found of findings(text)) {
        const place = at(found.index);
        const point = place && 'type' in place ? place.position?.start : place && 'start' in place ? place.start : place;
        const key = `${point?.line}:${point?.column}:${found.value}`;
        if (seen.has(key)) continue;
        seen.add(key);
        report({ place, messageId: 'found', data: { kind: found.kind, value: found.value }, actual: found.value });
      }
    };
    const { frontmatter } = plan;
    if (frontmatter) forEachString(frontmatter.data, (text, path) => emit(text, () => frontmatter.locate(path)));
    for (const node of plan.nodes) {
      const start = node.position?.start;
      if (!start) continue;
      const at = (index: number): Point => ({ line: start.line, column: start.column + index });
      if (node.type === 'text' || node.type === 'inlineCode') emit(node.value, node.type === 'text' ? at : () => start);
      else if (node.type === 'link' && node.url.startsWith('mailto:')) emit(node.url.slice('mailto:'.length), () => start);
    }
  },
});
