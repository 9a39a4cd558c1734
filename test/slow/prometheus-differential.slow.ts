import { describe, it } from 'vitest';
import { differential, plans } from '../prometheus-differential.ts';
import { prometheusTests } from '../promtool.ts';

describe('exported alerts fire exactly when `evaluate` says, for every plan in the repository', () => {
  it.runIf(prometheusTests).each(plans)('%s', (path) => differential(path));
});
