import { describe, it } from 'vitest';
import { scenarioHolds, scenarios } from '../cli-scenarios.ts';

describe('pilotplan CLI scenarios, each also through the bin in a child process', () => {
  it.each(scenarios)('$name → exit $exitCode', (scenario) => scenarioHolds(scenario, true));
});
