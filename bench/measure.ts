import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';

export interface Measurement {
  seconds: number;
  /** Peak resident memory of the process and its threads, in MB; null where GNU time is missing. */
  peakMb: number | null;
  ok: boolean;
}

const TIME = '/usr/bin/time';

/** Runs a command once and measures its wall time and, with GNU time, its peak memory. */
export function measure(command: string, args: string[], options: { cwd: string; env?: Record<string, string> }): Measurement {
  const withTime = existsSync(TIME);
  const started = process.hrtime.bigint();
  const result = spawnSync(withTime ? TIME : command, withTime ? ['-f', 'peak-kb=%M', command, ...args] : args, {
    cwd: options.cwd,
    env: { ...process.env, ASTRO_TELEMETRY_DISABLED: '1', ...options.env },
    encoding: 'utf8',
    maxBuffer: 256 * 1024 * 1024,
  });
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  const peak = /peak-kb=(\d+)/.exec(result.stderr ?? '');
  if (result.status !== 0 && !/check/.test(args.join(' '))) process.stderr.write(`${command} ${args.join(' ')} failed:\n${result.stderr?.slice(-2000)}\n`);
  return { seconds, peakMb: peak?.[1] ? Math.round(Number(peak[1]) / 1024) : null, ok: result.status === 0 };
}
