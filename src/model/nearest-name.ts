// Three rows reused across calls: a catalogue check asks for thousands of distances, each allocation a cost.
let rows = [new Int32Array(64), new Int32Array(64), new Int32Array(64)];

/**
 * Edits (insert, delete, substitute, swap two neighbours) that turn `a` into `b`, or `limit + 1` as soon
 * as more than `limit` are needed: a "did you mean" only cares about near names, and a catalogue check
 * asks it for every unbound metric against every entry.
 */
function editDistance(a: string, b: string, limit: number): number {
  if (Math.abs(a.length - b.length) > limit) return limit + 1;
  if ((rows[0]?.length ?? 0) <= b.length) rows = [0, 1, 2].map(() => new Int32Array(b.length * 2 + 1));
  let [before, previous, row] = rows as [Int32Array, Int32Array, Int32Array];
  for (let j = 0; j <= b.length; j++) previous[j] = j;
  for (let i = 1; i <= a.length; i++) {
    row[0] = i;
    let smallest = i;
    const ai = a.charCodeAt(i - 1);
    for (let j = 1; j <= b.length; j++) {
      const bj = b.charCodeAt(j - 1);
      let value = Math.min((previous[j] as number) + 1, (row[j - 1] as number) + 1, (previous[j - 1] as number) + (ai === bj ? 0 : 1));
      if (i > 1 && j > 1 && ai === b.charCodeAt(j - 2) && a.charCodeAt(i - 2) === bj) value = Math.min(value, (before[j - 2] as number) + 1);
      row[j] = value;
      if (value < smallest) smallest = value;
    }
    if (smallest > limit) return limit + 1;
    [before, previous, row] = [previous, row, before];
  }
  return previous[b.length] ?? limit + 1;
}

/**
 * The candidate a misspelt or reworded name most likely meant, compared after `normalize`; null when
 * none is close enough to suggest (more than `1 / part` of the name, a third by default, would have to change).
 */
export function nearestName(name: string, candidates: Iterable<string>, normalize: (text: string) => string = (text) => text.toLowerCase(), part = 3): string | null {
  const wanted = normalize(name);
  const limit = Math.max(1, Math.floor(wanted.length / part));
  let best: { candidate: string; distance: number } | null = null;
  for (const candidate of candidates) {
    const distance = editDistance(wanted, normalize(candidate), best ? Math.min(limit, best.distance) : limit);
    if (distance <= limit && (!best || distance < best.distance)) best = { candidate, distance };
  }
  return best?.candidate ?? null;
}
