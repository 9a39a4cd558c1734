/**
 * The Pilotplan extension for VS Code: a thin client that starts `pilotplan lsp --stdio` in the
 * workspace folder (the project's own pilotplan, through npx) and shows what it reports.
 */
import { type ExtensionContext, workspace } from 'vscode';
import { LanguageClient, type ServerOptions, TransportKind } from 'vscode-languageclient/node';

let client: LanguageClient | undefined;

export async function activate(context: ExtensionContext): Promise<void> {
  const folder = workspace.workspaceFolders?.[0]?.uri.fsPath;
  const [command = 'npx', ...args] = workspace.getConfiguration('pilotplan').get<string[]>('command') ?? ['npx', 'pilotplan', 'lsp', '--stdio'];
  const serverOptions: ServerOptions = { command, args, transport: TransportKind.stdio, options: { ...(folder ? { cwd: folder } : {}), shell: process.platform === 'win32' } };
  client = new LanguageClient('pilotplan', 'Pilotplan', serverOptions, {
    documentSelector: [{ scheme: 'file', pattern: '**/content/**/*.mdx' }],
    synchronize: { fileEvents: workspace.createFileSystemWatcher('**/content/{pilotplan.config.json,metrics.yaml}') },
  });
  context.subscriptions.push({ dispose: () => void client?.stop() });
  await client.start();
}

export async function deactivate(): Promise<void> {
  await client?.stop();
}
