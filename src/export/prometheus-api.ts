/** Prometheus could not answer a query: unreachable, refused it, or answered with something else. */
export class PrometheusError extends Error {
  override name = 'PrometheusError';
}

// Prometheus refuses a range query of more than 11,000 points per series.
const MAX_POINTS = 10_000;

/**
 * The most one answer may hold. 10,000 points of one series take about 400 KB as Prometheus writes
 * them; an answer this much larger is not one series, and is not read into memory whole.
 */
export const MAX_RESPONSE_BYTES = 16 * 1024 * 1024;

/** The body as text, read as it streams in and abandoned past `limit` bytes. */
async function readCapped(response: Response, limit: number, base: string): Promise<string> {
  if (!response.body) return '';
  const reader = response.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (let next = await reader.read(); !next.done; next = await reader.read()) {
    const chunk = next.value;
    size += chunk.byteLength;
    if (size > limit) {
      await reader.cancel();
      throw new PrometheusError(
        `Prometheus at ${base} answered with more than ${limit / 1024 / 1024} MiB for one query, the most one answer may hold; nothing was written. A query for one series over the time box is far smaller: check that the query in metrics.yaml aggregates to one series, and the address.`,
      );
    }
    chunks.push(chunk);
  }
  return Buffer.concat(chunks).toString('utf8');
}

function causeCode(error: unknown): string | undefined {
  const cause = (error as { cause?: { code?: string; errors?: Array<{ code?: string }> } }).cause;
  return cause?.code ?? cause?.errors?.[0]?.code;
}

// Prometheus writes non-finite values as strings JavaScript's Number does not read.
function sampleValue(text: string): number {
  if (text === '+Inf') return Infinity;
  if (text === '-Inf') return -Infinity;
  return Number(text);
}

interface RangeResponse {
  status?: string;
  errorType?: string;
  error?: string;
  data?: { resultType?: string; result?: Array<{ metric: Record<string, string>; values: Array<[number, string]> }> };
}

/** One `query_range` call: the points of the one series the query returns, or none. */
async function rangeOnce(base: string, query: string, start: number, end: number, step: number, timeoutMs: number): Promise<Array<[number, number]>> {
  const url = new URL('api/v1/query_range', base.endsWith('/') ? base : `${base}/`);
  const body = new URLSearchParams({ query, start: String(start), end: String(end), step: String(step) });
  let response: Response;
  let text: string;
  try {
    response = await fetch(url, { method: 'POST', body, signal: AbortSignal.timeout(timeoutMs) });
    text = await readCapped(response, MAX_RESPONSE_BYTES, base);
  } catch (error) {
    if (error instanceof PrometheusError) throw error;
    if (error instanceof Error && error.name === 'TimeoutError') throw new PrometheusError(`Prometheus at ${base} did not answer within ${timeoutMs / 1000} s.`);
    const code = causeCode(error);
    // A refused connection to a name with two addresses comes as an AggregateError with no message of its own.
    const reason = error instanceof Error ? (error.cause as Error | undefined)?.message || error.message : String(error);
    throw new PrometheusError(`Cannot reach Prometheus at ${base}${code ? ` (${code})` : ''}${reason && reason !== code ? `: ${reason}` : ''}. Check the address and that the server is running.`);
  }
  let json: RangeResponse;
  try {
    json = JSON.parse(text) as RangeResponse;
  } catch {
    throw new PrometheusError(`${url.href} answered HTTP ${response.status} with something that is not Prometheus's API: ${text.slice(0, 120).trim()}. Check the address, including any path prefix.`);
  }
  if (json.status !== 'success') throw new PrometheusError(`Prometheus refused the query (${json.errorType ?? `HTTP ${response.status}`}: ${json.error ?? 'no reason given'}): ${query}`);
  const result = json.data?.result ?? [];
  if (result.length > 1) throw new PrometheusError(`The query returns ${result.length} series, expected one: aggregate it (sum, max, avg …) in metrics.yaml. Query: ${query}`);
  return (result[0]?.values ?? []).map(([time, value]) => {
    // A reading at a time outside the range asked for (or no time at all) is no answer to this query.
    if (typeof time !== 'number' || !(time >= start && time <= end))
      throw new PrometheusError(
        `${url.href} answered with a reading at time \`${String(time).slice(0, 40)}\`, outside the range asked for (${start} to ${end}); that is not Prometheus's answer to this query. Check the address.`,
      );
    return [time, sampleValue(value)];
  });
}

/** The readings of a query over a time range, in steps, asked in pieces Prometheus accepts. */
export async function queryRange(base: string, query: string, start: number, end: number, step: number, timeoutMs = 30_000): Promise<Array<[number, number]>> {
  const points: Array<[number, number]> = [];
  for (let from = start; from <= end; from += MAX_POINTS * step) {
    points.push(...(await rangeOnce(base, query, from, Math.min(end, from + (MAX_POINTS - 1) * step), step, timeoutMs)));
  }
  return points;
}
