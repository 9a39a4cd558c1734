/** Where the published site lives; every checker message links to a page under it. */
export const SITE_URL = 'https://pilotplan.github.io';

/** The absolute address of a rule's reference page. */
export function ruleDocsUrl(ruleId: string): string {
  return `${SITE_URL}/authoring/rules/${ruleId}/`;
}

/** The repository the site is built from, for edit-this-page links. */
export const REPO_URL = 'https://github.com/pilotplan/pilotplan';
