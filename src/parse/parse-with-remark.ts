import type { Root } from 'mdast';
import remarkGfm from 'remark-gfm';
import remarkMdx from 'remark-mdx';
import remarkParse from 'remark-parse';
import { unified } from 'unified';
import { blankFrontmatter } from './blank-frontmatter.ts';
import { unravel } from './unravel.ts';

const parser = unified().use(remarkParse).use(remarkGfm).use(remarkMdx).freeze();

/**
 * A plan's MDX read by remark, as the site build reads it: the frontmatter blanked, then MDX and GFM,
 * with JSX-only paragraphs unravelled. Throws the parser's message on a syntax error. The build's remark plugin gets
 * this tree from Astro; tests use this one to hold the engine's own parser to it, and the benchmark to
 * measure what remark costs.
 */
export function parseWithRemark(source: string): Root {
  return unravel(parser.parse(blankFrontmatter(source)));
}
