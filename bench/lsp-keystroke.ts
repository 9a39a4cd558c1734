/**
 * How long the language server takes from a keystroke to its diagnostics, on a typical plan: 60 single
 * characters typed into a criterion of the repository's own plan, each timed from `didChange` sent to
 * `publishDiagnostics` received for that version. The target is 20 ms; the tests never time anything.
 */
import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { StreamMessageReader, StreamMessageWriter } from 'vscode-jsonrpc/node';
import { createProtocolConnection, type PublishDiagnosticsParams } from 'vscode-languageserver-protocol';

export const KEYSTROKE_TARGET_MS = 20;

export async function measureKeystrokes(repo: string): Promise<string> {
  const child = spawn(process.execPath, [join(repo, 'src/cli/pilotplan-bin.js'), 'lsp', '--stdio'], { cwd: repo, stdio: ['pipe', 'pipe', 'inherit'] });
  if (!child.stdout || !child.stdin) throw new Error('no pipes to the server');
  const connection = createProtocolConnection(new StreamMessageReader(child.stdout), new StreamMessageWriter(child.stdin));
  const arrived = new Map<number, number>();
  const waiters = new Map<number, () => void>();
  connection.onNotification('textDocument/publishDiagnostics', (params: PublishDiagnosticsParams) => {
    if (params.version === undefined) return;
    arrived.set(params.version, performance.now());
    waiters.get(params.version)?.();
  });
  connection.listen();
  await connection.sendRequest('initialize', { processId: process.pid, rootUri: pathToFileURL(repo).href, capabilities: {} });
  await connection.sendNotification('initialized', {});
  const path = join(repo, 'content/plans/checkout-redesign/v2.mdx');
  const uri = pathToFileURL(path).href;
  const text = readFileSync(path, 'utf8');
  const seen = (version: number) => new Promise<void>((resolve) => (arrived.has(version) ? resolve() : waiters.set(version, resolve)));
  await connection.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'mdx', version: 1, text } });
  await seen(1);
  // Type after the first exit criterion, one character at a time, as an author writes a new one.
  const line = text.split('\n').findIndex((each) => each.startsWith('- P1 defects'));
  const typed = '\n- Checkout error rate below 0.8% over 1 hour for most of the people';
  const times: number[] = [];
  for (let index = 0; index < typed.length; index++) {
    const version = index + 2;
    const before = typed.slice(0, index);
    const position = before.includes('\n') ? { line: line + 1, character: before.length - 1 } : { line, character: text.split('\n')[line]?.length ?? 0 };
    const started = performance.now();
    await connection.sendNotification('textDocument/didChange', { textDocument: { uri, version }, contentChanges: [{ range: { start: position, end: position }, text: typed[index] }] });
    await seen(version);
    times.push((arrived.get(version) ?? started) - started);
  }
  await connection.sendRequest('shutdown');
  await connection.sendNotification('exit');
  connection.dispose();
  const sorted = [...times].sort((a, b) => a - b);
  const at = (share: number) => sorted[Math.min(sorted.length - 1, Math.floor(share * sorted.length))] ?? 0;
  return `language server, keystroke to diagnostics on content/plans/checkout-redesign/v2.mdx (${times.length} keystrokes): median ${at(0.5).toFixed(1)} ms, p95 ${at(0.95).toFixed(1)} ms, slowest ${sorted.at(-1)?.toFixed(1)} ms (target ≤ ${KEYSTROKE_TARGET_MS} ms)`;
}
