import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { stringify } from 'yaml';
import { criterionKey } from '../src/criteria/metric-key.ts';
import { checkPlan } from '../src/engine/check-plan.ts';
import { planCriteria } from '../src/model/plan-criteria.ts';
import { ConfigSchema } from '../src/schemas/config-schema.ts';
import type { Criterion } from '../src/schemas/criterion-schema.ts';

/**
 * A metric catalogue for a generated corpus: an entry for every metric its criteria name, with the unit,
 * denominator and baseline they need, so the site build exports every plan as a real project's would.
 * A metric read in two units or two denominators gets no entry, as a real catalogue could give it only one.
 * With `share` below 1, only that share of the metrics get one.
 */
export function corpusCatalogue(plansFolder: string, share = 1): { yaml: string; metrics: number } {
  const config = ConfigSchema().parse({});
  const byKey = new Map<string, Criterion[]>();
  for (const entry of readdirSync(plansFolder, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile() || !entry.name.endsWith('.mdx')) continue;
    const path = join(entry.parentPath, entry.name);
    const criteria = planCriteria(checkPlan(readFileSync(path, 'utf8'), path, config).model);
    for (const criterion of [...criteria.exit, ...criteria.rollback]) byKey.set(criterionKey(criterion), [...(byKey.get(criterionKey(criterion)) ?? []), criterion]);
  }
  const metrics: Record<string, object> = {};
  [...byKey].forEach(([key, list], index) => {
    const units = new Set(list.map((criterion) => criterion.unit));
    const pers = new Set(list.map((criterion) => criterion.per?.count ?? null));
    // `share` of the metrics get an entry, as a project binds some of its plans' metrics and not others.
    if (units.size > 1 || pers.size > 1 || index % Math.round(1 / share) !== 0) return;
    const [unit = null] = units;
    const [per = null] = pers;
    metrics[key] = {
      query: `avg(avg_over_time(pilot_metric_${index}[{{window}}]))`,
      ...(unit === null ? {} : { unit: unit === 'pp' ? '%' : unit }),
      ...(per === null ? {} : { per }),
      ...(list.some((criterion) => criterion.baseline) ? { baseline: `avg(avg_over_time(pilot_baseline_${index}[{{window}}]))` } : {}),
    };
  });
  return { yaml: stringify({ prometheus: { address: 'http://prometheus.monitoring:9090' }, metrics }), metrics: Object.keys(metrics).length };
}
