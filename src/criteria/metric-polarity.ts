/**
 * Which way a metric is better, from the words in its name: higher uptime, lower latency. Read only
 * where the author gave a value without a direction ("Uptime: 99.9%"); a name with words of both
 * kinds, or of neither, has no polarity and the value stays ambiguous.
 */
const HIGHER = ['uptime', 'availability', 'available', 'success', 'successful', 'succeed', 'conversion', 'csat', 'nps', 'satisfaction', 'adoption', 'retention', 'coverage', 'throughput', 'completion', 'completed', 'crash-free', 'accuracy', 'engagement', 'activation', 'pass', 'passing', 'passed', 'uptake', 'take-up', 'usage', 'rating', 'score', 'health', 'healthy', 'signups', 'sign-ups', 'logins', 'reliability', 'apdex', 'hit', 'opt-in', 'resolved', 'savings'];
const LOWER = ['error', 'errors', 'failure', 'failures', 'failed', 'failing', 'defect', 'defects', 'bug', 'bugs', 'incident', 'incidents', 'latency', 'duration', 'response', 'time', 'crash', 'crashes', 'churn', 'ticket', 'tickets', 'complaint', 'complaints', 'cost', 'costs', 'abandonment', 'bounce', 'downtime', 'timeout', 'timeouts', 'rollback', 'rollbacks', 'drop-off', 'wait', 'queue', 'lag', 'rejection', 'rejections', 'escalation', 'escalations', 'outage', 'outages', 'anr', 'anrs', 'restarts', 'retries', 'loss', 'leak', 'leaks', 'violations', 'alerts', 'pages', 'open', 'unsuccessful', 'unresolved', 'slow', 'backlog', 'delay', 'p99', 'p95', 'p90', 'p50'];

const HIGHER_SET = new Set(HIGHER);
const LOWER_SET = new Set(LOWER);

/** `higher` or `lower` is better for a metric, or null when its name does not tell. */
export function metricPolarity(metric: string): 'higher' | 'lower' | null {
  const words = metric.toLowerCase().split(/[^\p{L}\p{N}-]+/u);
  const up = words.some((word) => HIGHER_SET.has(word));
  const down = words.some((word) => LOWER_SET.has(word));
  if (up === down) return null;
  return up ? 'higher' : 'lower';
}
