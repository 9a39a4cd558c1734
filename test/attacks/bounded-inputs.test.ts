import { readFileSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { MAX_RESPONSE_BYTES, PrometheusError, queryRange } from '../../src/export/prometheus-api.ts';
import { cli, fixtureProject } from './attack-helpers.ts';

// Issue 17, item 6: unbounded answers, impossible times, and readings from outside the pilot.
const servers: Server[] = [];
afterAll(() => {
  for (const server of servers) server.close();
});

/** A server on a loopback port that answers every request with `answer`; returns its address. */
async function fakePrometheus(answer: (response: import('node:http').ServerResponse) => void): Promise<string> {
  const server = createServer((request, response) => {
    request.resume();
    request.on('end', () => answer(response));
  });
  servers.push(server);
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  const address = server.address();
  if (address === null || typeof address === 'string') throw new Error('no port');
  return `http://127.0.0.1:${address.port}`;
}

describe('answers from --from-prometheus are bounded', () => {
  it('an answer larger than the cap is abandoned as it streams, with a sentence', async () => {
    let sent = 0;
    const address = await fakePrometheus((response) => {
      response.writeHead(200, { 'content-type': 'application/json' });
      const chunk = Buffer.alloc(1024 * 1024, 0x20);
      // Writes until the client goes away, far past the cap: 64 MiB at most, so the test ends either way.
      const write = (): void => {
        while (sent < 64 * 1024 * 1024 && !response.destroyed) {
          sent += chunk.length;
          if (!response.write(chunk)) {
            response.once('drain', write);
            return;
          }
        }
        response.end();
      };
      response.on('close', () => (sent = Number.POSITIVE_INFINITY));
      write();
    });
    const error = await queryRange(address, 'up', 0, 60, 60).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(PrometheusError);
    expect((error as Error).message).toContain(`answered with more than ${MAX_RESPONSE_BYTES / 1024 / 1024} MiB for one query`);
  });

  it.each([1e20, -1e20, 'NaN'])('a reading at time %s is refused with a sentence, not "Invalid time value"', async (time) => {
    const address = await fakePrometheus((response) => {
      response.writeHead(200, { 'content-type': 'application/json' });
      response.end(`{"status":"success","data":{"resultType":"matrix","result":[{"metric":{},"values":[[${JSON.stringify(time)},"1"]]}]}}`);
    });
    const error = await queryRange(address, 'up', 1_000, 2_000, 60).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(PrometheusError);
    expect((error as Error).message).toContain('outside the range asked for (1000 to 2000)');
  });
});

describe('readings outside the pilot are reported and left out of the decision', () => {
  it('a breach before the start does not roll back a pilot that held during it', async () => {
    const root = fixtureProject('cli/evaluate');
    const results = join(root, 'plans/carts-rollback/results.yaml');
    // The same breach, a week before the pilot's start (2026-12-07), then quiet readings during it.
    writeFileSync(results, `${readFileSync(results, 'utf8').replaceAll('2026-12-08T10:', '2026-11-30T10:')}      - { at: 2026-12-08T10:00:00Z, value: 0.3 }\n`);
    const { code, stdout, stderr } = await cli(root, 'evaluate', 'plans/carts-rollback/v1.mdx', '--format', 'json');
    expect(code).toBe(0);
    expect(JSON.parse(stdout).decision).not.toBe('rollback');
    expect(stderr).toContain('warning  Unexpected 6 of 7 readings of `error rate` outside the pilot (2026-12-07 to 2026-12-20, UTC)');
    const checked = await cli(root, 'check', 'plans/carts-rollback', '--no-cache');
    expect(checked.output).toContain('Unexpected 6 of 7 readings of `error rate` outside the pilot');
  });
});
