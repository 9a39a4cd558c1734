/** Starts `pilotplan lsp --stdio` as an editor would, and speaks JSON-RPC to it with the protocol's own client library. */
import { type ChildProcess, spawn } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { afterAll, beforeAll } from 'vitest';
import { StreamMessageReader, StreamMessageWriter } from 'vscode-jsonrpc/node';
import { createProtocolConnection, type ProtocolConnection, type PublishDiagnosticsParams } from 'vscode-languageserver-protocol';

const bin = fileURLToPath(new URL('../../src/cli/pilotplan-bin.js', import.meta.url));

/** A plan that passes every rule, for tests to change. */
export const goodPlan = readFileSync(new URL('../fixtures/required-section/ok.mdx', import.meta.url), 'utf8');

/** A scratch project with one plan and a metric catalogue, as an editor would open it. */
export function scratchProject(): { root: string; planPath: string; planUri: string; remove: () => void } {
  const root = mkdtempSync(join(tmpdir(), 'pilotplan-lsp-'));
  mkdirSync(join(root, 'content/plans/saved-carts'), { recursive: true });
  const planPath = 'content/plans/saved-carts/v1.mdx';
  writeFileSync(join(root, planPath), goodPlan);
  cpSync(new URL('../fixtures/unbound-metric/metrics.yaml', import.meta.url), join(root, 'content/metrics.yaml'));
  return { root, planPath, planUri: pathToFileURL(join(root, planPath)).href, remove: () => rmSync(root, { recursive: true, force: true }) };
}

export interface LspSession {
  connection: ProtocolConnection;
  /** The next diagnostics the server publishes for `uri` (after `after`, a version). */
  diagnostics(uri: string, version?: number): Promise<PublishDiagnosticsParams>;
  close(): Promise<void>;
}

/** Spawns the server in `root`, initializes it with `root` as the workspace, and returns the session. */
export async function startSession(root: string, args: readonly string[] = ['lsp', '--stdio']): Promise<LspSession & { serverName: string | undefined }> {
  const child: ChildProcess = spawn(process.execPath, [bin, ...args], { cwd: root, stdio: ['pipe', 'pipe', 'inherit'] });
  if (!child.stdout || !child.stdin) throw new Error('no pipes to the server');
  const connection = createProtocolConnection(new StreamMessageReader(child.stdout), new StreamMessageWriter(child.stdin));
  const published: PublishDiagnosticsParams[] = [];
  const waiting: Array<{ uri: string; version: number | undefined; resolve: (params: PublishDiagnosticsParams) => void }> = [];
  connection.onNotification('textDocument/publishDiagnostics', (params: PublishDiagnosticsParams) => {
    const index = waiting.findIndex((wait) => wait.uri === params.uri && (wait.version === undefined || params.version === wait.version));
    if (index >= 0) waiting.splice(index, 1)[0]?.resolve(params);
    else published.push(params);
  });
  connection.onRequest('workspace/inlayHint/refresh', () => null);
  connection.listen();
  const initialized: { serverInfo?: { name: string } } = await connection.sendRequest('initialize', {
    processId: process.pid,
    rootUri: pathToFileURL(root).href,
    capabilities: {},
    workspaceFolders: [{ uri: pathToFileURL(root).href, name: 'project' }],
  });
  await connection.sendNotification('initialized', {});
  return {
    serverName: initialized.serverInfo?.name,
    connection,
    diagnostics(uri, version) {
      const index = published.findIndex((params) => params.uri === uri && (version === undefined || params.version === version));
      if (index >= 0) return Promise.resolve(published.splice(index, 1)[0] as PublishDiagnosticsParams);
      return new Promise((resolve) => waiting.push({ uri, version, resolve }));
    },
    async close() {
      await connection.sendRequest('shutdown');
      await connection.sendNotification('exit');
      await new Promise((resolve) => child.on('exit', resolve));
      connection.dispose();
    },
  };
}

/**
 * A scratch project with a server started in it for one describe block: `prepare` writes what the
 * tests need before the server starts, `cleanup` removes what it made beside the project. The session
 * forwards to the server once it is up.
 */
export function serveProject(prepare?: (project: ReturnType<typeof scratchProject>) => void, cleanup?: () => void): { project: ReturnType<typeof scratchProject>; session: LspSession } {
  const project = scratchProject();
  let started: LspSession | undefined;
  const running = () => {
    if (!started) throw new Error('the server is not started yet');
    return started;
  };
  const session: LspSession = {
    get connection() {
      return running().connection;
    },
    diagnostics: (uri, version) => running().diagnostics(uri, version),
    close: () => running().close(),
  };
  beforeAll(async () => {
    prepare?.(project);
    started = await startSession(project.root);
  });
  afterAll(async () => {
    await started?.close();
    project.remove();
    cleanup?.();
  });
  return { project, session };
}
