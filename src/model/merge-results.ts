import { randomUUID } from 'node:crypto';
import { type Document, isMap, isScalar, isSeq, YAMLSeq } from 'yaml';
import { observationKey } from '../criteria/metric-key.ts';
import { PrometheusDurationSchema } from '../schemas/metric-catalog-schema.ts';
import { parseYamlDocument } from './yaml-document.ts';

/** What merging needs of an observation: the metric and window it is for, and its readings. The rest is written as given. */
export interface ObservationData {
  criterion: string;
  window?: string;
  series?: ReadonlyArray<{ at: string; value: number; baseline?: number }>;
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
  // A week of readings a minute apart is ten thousand lines an observation; the YAML library took seconds
  // over them. Each series is set aside as its lines, and the library handles the rest of the document.
  const series = new SeriesLines();
  const document: Document = parseYamlDocument(series.setAside(existing ?? 'observations: []\n'));
  document.set('version', version);
  document.set('updated', updated);
  const fetchedKeys = new Set(fetched.map((observation) => keyOf(observation.criterion, observation.window)));
  const current = document.get('observations', true);
  const observations = isSeq(current) ? current : new YAMLSeq();
  // `observations: []` (a new file is one) would otherwise keep its brackets and put a week of readings on one line.
  observations.flow = false;
  observations.items = observations.items.filter((item) => !(isMap(item) && fetchedKeys.has(keyOf(scalar(item.get('criterion', true)), scalar(item.get('window', true))))));
  for (const observation of fetched) {
    const lines = observation.series?.map(seriesLine) ?? [];
    observations.items.push(document.createNode(lines.length > 0 ? { ...observation, series: series.hold(lines) } : observation));
  }
  document.set('observations', observations);
  return series.putBack(document.toString({ lineWidth: 0 }));
}

function scalar(node: unknown): unknown {
  return isScalar(node) ? node.value : undefined;
}

// A reading as a fetch writes it, one line each: `- { at: <UTC time>, value: <number>[, baseline: <number>] }`.
const SERIES_LINE = /^ *- \{ at: (\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(?:\.\d+)?Z), value: (-?\d+(?:\.\d+)?)(?:, baseline: (-?\d+(?:\.\d+)?))? \}$/;
const SERIES_KEY = /^( *)series:$/;

/** A number as the YAML library writes it. */
function yamlNumber(value: number): string {
  if (!Number.isFinite(value)) return Number.isNaN(value) ? '.nan' : value < 0 ? '-.inf' : '.inf';
  return Object.is(value, -0) ? '-0' : JSON.stringify(value);
}

/** A reading's line without its indent, as the YAML library writes the flow mapping. */
function seriesLine(point: { at: string; value: number; baseline?: number }): string {
  return `- { at: ${point.at}, value: ${yamlNumber(point.value)}${point.baseline === undefined ? '' : `, baseline: ${yamlNumber(point.baseline)}`} }`;
}

/** Whether the library would write this line back as it is: a time and numbers in their shortest form. */
function canonical(line: string): boolean {
  const match = SERIES_LINE.exec(line);
  return match !== null && [match[2], match[3]].every((number) => number === undefined || yamlNumber(Number(number)) === number);
}

/**
 * Series held out of the YAML document as placeholders, and written back in their place. A placeholder
 * carries a fresh random name, so no text in a results file can stand for one.
 */
class SeriesLines {
  private readonly name = `pilotplan-series-${randomUUID()}`;
  private readonly held: string[][] = [];

  /** Holds `lines` and returns the placeholder that stands for them. */
  hold(lines: string[]): string {
    this.held.push(lines);
    return `${this.name}-${this.held.length - 1}`;
  }

  /**
   * `text` with each series written one reading a line set aside: the readings two spaces under their key,
   * the next line with content back at the key's level or above. A series with anything else in it stays.
   */
  setAside(text: string): string {
    const lines = text.split('\n');
    const kept: string[] = [];
    for (let index = 0; index < lines.length; index++) {
      const line = lines[index] ?? '';
      const key = SERIES_KEY.exec(line)?.[1]?.length;
      let end = index + 1;
      while (key !== undefined && indent(lines[end] ?? '') === key + 2 && canonical(lines[end] ?? '')) end++;
      const next = lines.slice(end).find((each) => each.trim() !== '');
      if (key === undefined || end === index + 1 || (next !== undefined && indent(next) > key)) {
        kept.push(line);
        continue;
      }
      kept.push(`${' '.repeat(key)}series: ${this.hold(lines.slice(index + 1, end).map((each) => each.trimStart()))}`);
      index = end - 1;
    }
    return kept.join('\n');
  }

  /** `text` with each placeholder replaced by its series, indented under its key as the library indents a list. */
  putBack(text: string): string {
    if (this.held.length === 0) return text;
    const placeholder = new RegExp(`^( *)series: ${this.name}-(\\d+)$`, 'gm');
    return text.replace(placeholder, (_, spaces: string, at: string) => [`${spaces}series:`, ...(this.held[Number(at)] ?? []).map((line) => `${spaces}  ${line}`)].join('\n'));
  }
}

function indent(line: string): number {
  return line.length - line.trimStart().length;
}
