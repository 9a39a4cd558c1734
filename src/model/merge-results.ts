import { type Document, isMap, isScalar, isSeq, YAMLSeq } from 'yaml';
import { observationKey } from '../criteria/metric-key.ts';
import { PrometheusDurationSchema } from '../schemas/metric-catalog-schema.ts';
import { parseYamlDocument } from './yaml-document.ts';

/** What merging needs of an observation: the metric and window it is for. The rest is written as given. */
export interface ObservationData {
  criterion: string;
  window?: string;
}

const duration = PrometheusDurationSchema();

// A window is compared by its length: `60m` written by hand is the `1h` a fetch writes.
const keyOf = (criterion: unknown, window: unknown) => {
  if (window === undefined || window === null) return observationKey(String(criterion));
  const length = duration.safeParse(String(window));
  // A window that is no duration matches nothing fetched; the results check reports it.
  return length.success ? observationKey(String(criterion), length.data.seconds) : `${observationKey(String(criterion))}${String(window)}`;
};

/**
 * `results.yaml` with fetched observations in it: each replaces the observation of the same metric and
 * window, others (a survey's score typed in by hand) stay as they were, with their comments.
 */
export function mergeResults(existing: string | null, version: number, updated: string, fetched: readonly ObservationData[]): string {
  const document: Document = parseYamlDocument(existing ?? 'observations: []\n');
  document.set('version', version);
  document.set('updated', updated);
  const fetchedKeys = new Set(fetched.map((observation) => keyOf(observation.criterion, observation.window)));
  const current = document.get('observations', true);
  const observations = isSeq(current) ? current : new YAMLSeq();
  // `observations: []` (a new file is one) would otherwise keep its brackets and put a week of readings on one line.
  observations.flow = false;
  observations.items = observations.items.filter((item) => !(isMap(item) && fetchedKeys.has(keyOf(scalar(item.get('criterion', true)), scalar(item.get('window', true))))));
  for (const observation of fetched) {
    const node = document.createNode(observation);
    // One line per reading: a pilot's readings run to thousands.
    const series = node.get('series', true);
    if (isSeq(series)) for (const point of series.items) if (isMap(point)) point.flow = true;
    observations.items.push(node);
  }
  document.set('observations', observations);
  return document.toString({ lineWidth: 0 });
}

function scalar(node: unknown): unknown {
  return isScalar(node) ? node.value : undefined;
}
