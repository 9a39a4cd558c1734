export interface Point {
  line: number;
  column: number;
}

export interface YamlProblem extends Point {
  message: string;
}

export interface YamlDocument {
  /** The parsed YAML, or `undefined` when it could not be read. */
  data: unknown;
  /** Syntax problems, positioned in the file the YAML came from. */
  problems: YamlProblem[];
  /** The position of the value (or, with `key`, of the key) at a path; the nearest parent when absent. */
  locate: (path: readonly PropertyKey[], key?: string) => Point;
}
