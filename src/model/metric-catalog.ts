import { criterionKey, metricKey } from '../criteria/metric-key.ts';
import type { Criterion } from '../schemas/criterion-schema.ts';
import { type MetricBinding, type MetricCatalog, MetricCatalogSchema } from '../schemas/metric-catalog-schema.ts';
import { explainIssues } from './describe-zod-issue.ts';
import { nearestName } from './nearest-name.ts';
import { readFullYaml } from './yaml-document.ts';
import type { YamlProblem } from './yaml-types.ts';

/** A criterion's metric found in the catalogue: the entry's name and how it is measured. */
export interface BoundMetric {
  name: string;
  binding: MetricBinding;
}

// Whether an entry speaks for a plan: entries without `plans` speak for all.
const appliesTo = (binding: MetricBinding, planId: string | null) => binding.plans === undefined || (planId !== null && binding.plans.includes(planId));

/** Every key an entry answers to: its name and synonyms, each as `metricKey` reads it. */
const keysOf = (name: string, binding: MetricBinding) => [name, ...binding.synonyms].map(metricKey);

/**
 * Reads `metrics.yaml`. Problems come back positioned, one per line; two entries that answer to the same
 * name in the same plan are a problem too, since a criterion could then bind either way.
 */
export function readMetricCatalog(source: string): { catalog: MetricCatalog | null; problems: YamlProblem[] } {
  const yaml = readFullYaml(source, 1, 'prometheus: { address: http://prometheus:9090 }');
  if (yaml.problems.length > 0) return { catalog: null, problems: yaml.problems };
  const schema = MetricCatalogSchema();
  const parsed = schema.safeParse(yaml.data, { reportInput: true });
  if (!parsed.success) return { catalog: null, problems: explainIssues(parsed.error.issues, schema, 'catalogue').map(({ path, key, message }) => ({ ...yaml.locate(path, key), message })) };
  const problems: YamlProblem[] = [];
  const entries = Object.entries(parsed.data.metrics);
  entries.forEach(([name, binding], index) => {
    for (const [otherName, other] of entries.slice(0, index)) {
      // An entry taking `{{quantile}}` answers for percentiles only, so it shares no criterion with one that does not.
      const sameKind = binding.query.includes('{{quantile}}') === other.query.includes('{{quantile}}');
      const overlap = sameKind && (binding.plans === undefined || other.plans === undefined || binding.plans.some((id) => other.plans?.includes(id)));
      const shared = keysOf(name, binding).find((key) => keysOf(otherName, other).includes(key));
      if (overlap && shared !== undefined) {
        problems.push({
          ...yaml.locate(['metrics'], name),
          message: `Unexpected \`${name}\` answering to \`${shared}\`, which \`${otherName}\` answers to as well in the same plans. Remove the name or synonym from one, or give each entry its own \`plans\``,
        });
      }
    }
  });
  return problems.length > 0 ? { catalog: null, problems } : { catalog: parsed.data, problems: [] };
}

/** What a catalogue answers many times over in one check, worked out once per catalogue. */
interface CatalogIndex {
  /** The entries, those for named plans first: an entry for this plan wins over one for all plans. */
  ordered: Array<{ name: string; binding: MetricBinding }>;
  /** Each entry's keys (`keysOf`). */
  keys: Map<string, string[]>;
  /** "Did you mean" answers, by plan scope and metric key. */
  nearest: Map<string, string | null>;
  /** Bindings found, by plan scope, percentile and metric. */
  found: Map<string, BoundMetric | null>;
  /** Whether any entry is for named plans, so that answers depend on the plan. */
  planScoped: boolean;
  /** The names a "did you mean" chooses from, by plan scope: built once, not for every unbound metric. */
  suggestions: Map<string, Suggestions>;
}

/** Names and synonyms that apply to a plan, in catalogue order, with their keys and, by word, where each word stands. */
interface Suggestions {
  names: string[];
  keys: string[];
  byWord: Map<string, number[]>;
}
const indexes = new WeakMap<MetricCatalog, CatalogIndex>();

function indexOf(catalog: MetricCatalog): CatalogIndex {
  let index = indexes.get(catalog);
  if (!index) {
    const entries = Object.entries(catalog.metrics);
    index = {
      ordered: entries.sort(([, a], [, b]) => Number(a.plans === undefined) - Number(b.plans === undefined)).map(([name, binding]) => ({ name, binding })),
      keys: new Map(entries.map(([name, binding]) => [name, keysOf(name, binding)])),
      nearest: new Map(),
      found: new Map(),
      planScoped: entries.some(([, binding]) => binding.plans !== undefined),
      suggestions: new Map(),
    };
    indexes.set(catalog, index);
  }
  return index;
}

const orderedEntries = (catalog: MetricCatalog) => indexOf(catalog).ordered;
const keysOfEntry = (catalog: MetricCatalog, name: string) => indexOf(catalog).keys.get(name) ?? [];

/** The catalogue entry a criterion's metric (with its percentile) is measured by in a plan; null when none. */
export function findBinding(criterion: Pick<Criterion, 'metric' | 'percentile'>, catalog: MetricCatalog, planId: string | null): BoundMetric | null {
  const { found, planScoped } = indexOf(catalog);
  const key = `${planScoped ? planId : ''}\u0000${criterion.percentile ?? ''}\u0000${criterion.metric}`;
  let binding = found.get(key);
  if (binding === undefined) {
    binding = bindingFor(criterion, catalog, planId);
    // An editor keeps one catalogue while its author types: forget rather than grow without end.
    if (found.size >= 50_000) found.clear();
    found.set(key, binding);
  }
  return binding;
}

function bindingFor(criterion: Pick<Criterion, 'metric' | 'percentile'>, catalog: MetricCatalog, planId: string | null): BoundMetric | null {
  const wanted = criterionKey(criterion);
  const plain = metricKey(criterion.metric);
  const matches = (name: string, binding: MetricBinding) => {
    if (!appliesTo(binding, planId)) return false;
    const quantile = binding.query.includes('{{quantile}}');
    // A query taking `{{quantile}}` measures any percentile of the metric, and nothing without one.
    return keysOfEntry(catalog, name).some((key) => (quantile ? criterion.percentile !== null && key === plain : key === wanted));
  };
  const found = orderedEntries(catalog).find(({ name, binding }) => matches(name, binding));
  return found ? { name: found.name, binding: found.binding } : null;
}

/** The catalogue name closest to a metric that has none, for "did you mean"; null when nothing is close. */
export function nearestBinding(criterion: Pick<Criterion, 'metric' | 'percentile'>, catalog: MetricCatalog, planId: string | null): string | null {
  const { nearest, planScoped } = indexOf(catalog);
  // Entries for named plans make the answer depend on the plan; otherwise one answer serves every plan.
  const key = `${planScoped ? planId : ''}\u0000${metricKey(criterion.metric)}`;
  const known = nearest.get(key);
  if (known !== undefined) return known;
  const found = nearestFor(criterion, catalog, planId);
  nearest.set(key, found);
  return found;
}

function suggestionsFor(catalog: MetricCatalog, planId: string | null): Suggestions {
  const index = indexOf(catalog);
  const scope = index.planScoped ? (planId ?? '') : '';
  const known = index.suggestions.get(scope);
  if (known) return known;
  const names = Object.entries(catalog.metrics)
    .filter(([, binding]) => appliesTo(binding, planId))
    .flatMap(([name, binding]) => [name, ...binding.synonyms]);
  const keys = names.map(metricKey);
  const byWord = new Map<string, number[]>();
  keys.forEach((key, at) => {
    for (const word of key.split(' ')) {
      const list = byWord.get(word);
      if (list) list.push(at);
      else byWord.set(word, [at]);
    }
  });
  const found = { names, keys, byWord };
  index.suggestions.set(scope, found);
  return found;
}

function nearestFor(criterion: Pick<Criterion, 'metric' | 'percentile'>, catalog: MetricCatalog, planId: string | null): string | null {
  const { names, keys, byWord } = suggestionsFor(catalog, planId);
  const wanted = metricKey(criterion.metric);
  const close = nearestName(wanted, keys, (key) => key, 2);
  if (close !== null) return names[keys.indexOf(close)] ?? null;
  // Failing a close spelling, the name sharing the most words: "checkout latency" for "page latency"; the first on a tie.
  const shared = new Map<number, number>();
  for (const word of new Set(wanted.split(' '))) for (const at of byWord.get(word) ?? []) shared.set(at, (shared.get(at) ?? 0) + 1);
  let best = -1;
  for (const [at, count] of shared) if (best < 0 || count > (shared.get(best) ?? 0) || (count === shared.get(best) && at < best)) best = at;
  return best < 0 ? null : (names[best] ?? null);
}
