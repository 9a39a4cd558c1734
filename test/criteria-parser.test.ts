import { describe, expect, it } from 'vitest';
import { parseCriterion, type Criterion } from '../src/lib/criteria-parser.ts';

type Expected = Omit<Criterion, 'text' | 'line' | 'per' | 'window' | 'unit' | 'scale'> &
  Partial<Pick<Criterion, 'per' | 'window' | 'unit' | 'scale'>>;

// Each row: how people write a threshold, and the data it must become.
const phrasings: ReadonlyArray<readonly [string, Expected]> = [
  ['error rate ≤ 0.5%', { metric: 'error rate', comparator: '<=', value: 0.5, unit: '%' }],
  ['Error rate <= 0.5%', { metric: 'Error rate', comparator: '<=', value: 0.5, unit: '%' }],
  ['error rate =< 0.5 %', { metric: 'error rate', comparator: '<=', value: 0.5, unit: '%' }],
  ['P1 defects = 0', { metric: 'P1 defects', comparator: '=', value: 0 }],
  ['P1 defects: 0', { metric: 'P1 defects', comparator: '=', value: 0 }],
  ['P1 defects == 0', { metric: 'P1 defects', comparator: '=', value: 0 }],
  ['Open P1 defects ≠ 1', { metric: 'Open P1 defects', comparator: '!=', value: 1 }],
  ['failed payments != 3', { metric: 'failed payments', comparator: '!=', value: 3 }],
  ['P2 defects < 2 per 1,000 sessions', { metric: 'P2 defects', comparator: '<', value: 2, per: { count: 1000, unit: 'sessions' } }],
  ['95th percentile latency < 300 ms', { metric: '95th percentile latency', comparator: '<', value: 300, unit: 'ms' }],
  ['CSAT ≥ 4.2/5', { metric: 'CSAT', comparator: '>=', value: 4.2, scale: 5 }],
  ['CSAT >= 4.2 / 5', { metric: 'CSAT', comparator: '>=', value: 4.2, scale: 5 }],
  ['CSAT of 4.0 out of 5 or higher', { metric: 'CSAT', comparator: '>=', value: 4, scale: 5 }],
  ['CSAT 4.0 out of 5 or higher', { metric: 'CSAT', comparator: '>=', value: 4, scale: 5 }],
  ['latency > 300 ms for 30 minutes', { metric: 'latency', comparator: '>', value: 300, unit: 'ms', window: { seconds: 1800, text: 'for 30 minutes' } }],
  ['Trigger if latency > 300 ms for 30 minutes', { metric: 'latency', comparator: '>', value: 300, unit: 'ms', window: { seconds: 1800, text: 'for 30 minutes' } }],
  ['Roll back if error rate exceeds 2% in any 1-hour window', { metric: 'error rate', comparator: '>', value: 2, unit: '%', window: { seconds: 3600, text: 'in any 1-hour window' } }],
  ['If checkout success rate falls below 97% for 15 minutes', { metric: 'checkout success rate', comparator: '<', value: 97, unit: '%', window: { seconds: 900, text: 'for 15 minutes' } }],
  ['Trigger: a P1 defect occurs', { metric: 'P1 defect', comparator: '>=', value: 1 }],
  ['Trigger if a P1 defect occurs', { metric: 'P1 defect', comparator: '>=', value: 1 }],
  ['Any data loss incident', { metric: 'data loss incident', comparator: '>=', value: 1 }],
  ['any data loss incident occurs', { metric: 'data loss incident', comparator: '>=', value: 1 }],
  ['zero P1 defects', { metric: 'P1 defects', comparator: '=', value: 0 }],
  ['No P1 defects open', { metric: 'P1 defects', comparator: '=', value: 0 }],
  ['two or more P2 defects', { metric: 'P2 defects', comparator: '>=', value: 2 }],
  ['3 or more failed logins in a single day', { metric: 'failed logins', comparator: '>=', value: 3, window: { seconds: 86400, text: 'in a single day' } }],
  ['error rate at most 0.5%', { metric: 'error rate', comparator: '<=', value: 0.5, unit: '%' }],
  ['error rate of at most 0.5 percent', { metric: 'error rate', comparator: '<=', value: 0.5, unit: '%' }],
  ['Availability at least 99.9%', { metric: 'Availability', comparator: '>=', value: 99.9, unit: '%' }],
  ['availability is at least 99.95 percent', { metric: 'availability', comparator: '>=', value: 99.95, unit: '%' }],
  ['support tickets no more than 20 per day', { metric: 'support tickets', comparator: '<=', value: 20, per: { count: 1, unit: 'day' } }],
  ['fewer than 2 P2 defects per 1,000 sessions', { metric: 'P2 defects', comparator: '<', value: 2, per: { count: 1000, unit: 'sessions' } }],
  ['page load time less than 2 seconds', { metric: 'page load time', comparator: '<', value: 2, unit: 's' }],
  ['page load time under 2.5 s', { metric: 'page load time', comparator: '<', value: 2.5, unit: 's' }],
  ['p95 latency below 300ms', { metric: 'p95 latency', comparator: '<', value: 300, unit: 'ms' }],
  ['NPS above 30', { metric: 'NPS', comparator: '>', value: 30 }],
  ['NPS over 30', { metric: 'NPS', comparator: '>', value: 30 }],
  ['adoption more than 60%', { metric: 'adoption', comparator: '>', value: 60, unit: '%' }],
  ['task completion rate greater than 90 %', { metric: 'task completion rate', comparator: '>', value: 90, unit: '%' }],
  ['queue depth exceeds 10,000 messages for 10 minutes', { metric: 'queue depth', comparator: '>', value: 10000, window: { seconds: 600, text: 'for 10 minutes' } }],
  ['CPU utilisation over 85% for 15 min', { metric: 'CPU utilisation', comparator: '>', value: 85, unit: '%', window: { seconds: 900, text: 'for 15 min' } }],
  ['conversion rate drops below 2.1% for 2 hours', { metric: 'conversion rate', comparator: '<', value: 2.1, unit: '%', window: { seconds: 7200, text: 'for 2 hours' } }],
  ['weekly active users 150 or more', { metric: 'weekly active users', comparator: '>=', value: 150 }],
  ['crash-free sessions 99.5% or higher', { metric: 'crash-free sessions', comparator: '>=', value: 99.5, unit: '%' }],
  ['crash rate 0.2% or lower', { metric: 'crash rate', comparator: '<=', value: 0.2, unit: '%' }],
  ['time to first byte ≤ 200 milliseconds', { metric: 'time to first byte', comparator: '<=', value: 200, unit: 'ms' }],
  ['batch duration < 4 hours', { metric: 'batch duration', comparator: '<', value: 4, unit: 'h' }],
  ['reconciliation lag < 1 h for 3 consecutive days', { metric: 'reconciliation lag', comparator: '<', value: 1, unit: 'h', window: { seconds: 259200, text: 'for 3 consecutive days' } }],
  ['data mismatches = 0 for 7 consecutive days', { metric: 'data mismatches', comparator: '=', value: 0, window: { seconds: 604800, text: 'for 7 consecutive days' } }],
  ['support response time < 4 h within 24 hours', { metric: 'support response time', comparator: '<', value: 4, unit: 'h', window: { seconds: 86400, text: 'within 24 hours' } }],
  ['median resolution time ≤ 2 d', { metric: 'median resolution time', comparator: '<=', value: 2, unit: 'd' }],
  ['Error rate ≤ 0.5% (dashboard P-01)', { metric: 'Error rate', comparator: '<=', value: 0.5, unit: '%' }],
  ['Error rate ≤ 0.5%.', { metric: 'Error rate', comparator: '<=', value: 0.5, unit: '%' }],
  ['Roll back if 5xx rate > 1% for 5 minutes', { metric: '5xx rate', comparator: '>', value: 1, unit: '%', window: { seconds: 300, text: 'for 5 minutes' } }],
  ['When API error rate is above 1% over any 10-minute window', { metric: 'API error rate', comparator: '>', value: 1, unit: '%', window: { seconds: 600, text: 'over any 10-minute window' } }],
  ['login failures reach 50 in any 1 hour window', { metric: 'login failures', comparator: '>=', value: 50, window: { seconds: 3600, text: 'in any 1 hour window' } }],
  ['SUS score ≥ 70', { metric: 'SUS score', comparator: '>=', value: 70 }],
  ['usability score at least 4 out of 5', { metric: 'usability score', comparator: '>=', value: 4, scale: 5 }],
  ['escalations to tier 2 fewer than 5 per week', { metric: 'escalations to tier 2', comparator: '<', value: 5, per: { count: 1, unit: 'week' } }],
  ['duplicate records equals 0', { metric: 'duplicate records', comparator: '=', value: 0 }],
  ['Rollback if sync errors exceed 25 per 10,000 records', { metric: 'sync errors', comparator: '>', value: 25, per: { count: 10000, unit: 'records' } }],
  ['If the error budget burn rate > 2 for 1 hour', { metric: 'error budget burn rate', comparator: '>', value: 2, window: { seconds: 3600, text: 'for 1 hour' } }],
  ['If p99 latency exceeds 1.2 s for an hour', { metric: 'p99 latency', comparator: '>', value: 1.2, unit: 's', window: { seconds: 3600, text: 'for an hour' } }],
  ['accessibility violations (serious) = 0', { metric: 'accessibility violations (serious)', comparator: '=', value: 0 }],
  ['memory usage must stay below 1,500 MB', { metric: 'memory usage', comparator: '<', value: 1500 }],
];

// Phrases with no measurable threshold: the quantitative-criterion rule flags these.
const vague = [
  'Performance is acceptable',
  'Minimal defects',
  'Users are happy with the new flow',
  'Stakeholders sign off',
  'Latency is low',
  'Trigger if things go wrong',
];

describe('parseCriterion', () => {
  it.each(phrasings)('%s', (text, expected) => {
    const parsed = parseCriterion(text, 7);
    expect(parsed).toEqual({
      text: text.trim(),
      line: 7,
      unit: null,
      scale: null,
      per: null,
      window: null,
      ...expected,
    });
  });

  it.each(vague)('finds no threshold in %j', (text) => {
    expect(parseCriterion(text, 1)).toBeNull();
  });
});
