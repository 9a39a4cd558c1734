import { splitFrontmatter } from '../model/frontmatter.ts';
import { parseYamlDocument } from '../model/yaml-document.ts';

/**
 * The next version of a plan as a draft copy of `source`: its frontmatter edited through the YAML
 * document, so comments, quoting and every other key stay as the author wrote them. Null when the
 * source has no readable frontmatter.
 */
export function nextVersionSource(source: string, version: number): string | null {
  const block = splitFrontmatter(source);
  if (!block) return null;
  const document = parseYamlDocument(block.yaml);
  if (document.errors.length > 0) return null;
  document.set('version', version);
  document.set('status', 'draft');
  // The go/no-go decision belongs to the version it was taken on.
  document.delete('decision');
  const yaml = document.toString({ lineWidth: 0 }).trimEnd();
  return `${source.slice(0, block.offset)}${yaml}${source.slice(block.offset + block.yaml.length)}`;
}
