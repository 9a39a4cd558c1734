import { describe, expect, it } from 'vitest';
import type { FileReport } from '../src/engine/file-report.ts';
import { cleanSharedReport, shareReports } from '../src/engine/shared-reports.ts';

const report = (path: string, source: string, severity?: 'error' | 'warning'): FileReport => ({
  path,
  source,
  diagnostics: severity ? [{ ruleId: 'required-section', severity, message: 'm', line: 1, column: 1, url: undefined }] : [],
});

describe('the pre-check hands its reports to the remark plugin', () => {
  it('only a clean report on the very same text spares a second check', () => {
    shareReports('/site', [report('content/plans/a/v1.mdx', 'A'), report('content/plans/b/v1.mdx', 'B', 'warning'), report('content/plans/c/v1.mdx', 'C', 'error')]);
    expect(cleanSharedReport('/site/content/plans/a/v1.mdx', 'A')?.path).toBe('content/plans/a/v1.mdx');
    expect(cleanSharedReport('/site/content/plans/b/v1.mdx', 'B')).toBeDefined();
    // Edited since the pre-check (as in dev), failing, or never checked: the plugin checks it itself.
    expect(cleanSharedReport('/site/content/plans/a/v1.mdx', 'A, edited')).toBeUndefined();
    expect(cleanSharedReport('/site/content/plans/c/v1.mdx', 'C')).toBeUndefined();
    expect(cleanSharedReport('/site/content/plans/d/v1.mdx', 'D')).toBeUndefined();
  });
});
