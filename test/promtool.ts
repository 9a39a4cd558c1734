import { existsSync } from 'node:fs';

/** Debian's `prometheus` package puts both tools here; `.ci/run` installs it. */
export const PROMTOOL = '/usr/bin/promtool';
export const PROMETHEUS = '/usr/bin/prometheus';

/**
 * Whether the Prometheus tests run: always in CI, where a missing tool must fail them, and locally
 * only when the tools are installed.
 */
export const prometheusTests = existsSync(PROMTOOL) && existsSync(PROMETHEUS) ? true : Boolean(process.env.CI);

export function requirePrometheus(): void {
  if (!existsSync(PROMTOOL) || !existsSync(PROMETHEUS)) throw new Error(`No ${PROMTOOL} or ${PROMETHEUS}; CI must install Debian's prometheus package (.ci/run does).`);
}
