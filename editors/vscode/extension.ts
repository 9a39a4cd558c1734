/**
 * The Pilotplan extension for VS Code: a thin client that starts `pilotplan lsp --stdio` in the
 * workspace folder (the project's own pilotplan, through npx) and shows what it reports.
 */
import { type ExtensionContext, workspace } from 'vscode';
import { LanguageClient, type ServerOptions } from 'vscode-languageclient/node';

let client: LanguageClient | undefined;

// `--no`: npx runs the project's own pilotplan and never fetches a package of that name from the registry.
const DEFAULT_COMMAND = ['npx', '--no', 'pilotplan', 'lsp', '--stdio'];

export async function activate(context: ExtensionContext): Promise<void> {
  const folder = workspace.workspaceFolders?.[0]?.uri.fsPath;
  const [command = 'npx', ...args] = workspace.getConfiguration('pilotplan').get<string[]>('command') ?? DEFAULT_COMMAND;
  // No `transport`: the client would append a second `--stdio`; without one it still speaks over stdio.
  const serverOptions: ServerOptions = { command, args, options: { ...(folder ? { cwd: folder } : {}), shell: process.platform === 'win32' } };
  client = new LanguageClient('pilotplan', 'Pilotplan', serverOptions, {
    documentSelector: [{ scheme: 'file', pattern: '**/content/**/*.mdx' }],
    synchronize: { fileEvents: workspace.createFileSystemWatcher('**/content/**/{pilotplan.config.json,metrics.yaml,results.yaml}') },
  });
  context.subscriptions.push({ dispose: () => void client?.stop() });
  await client.start();
}

export async function deactivate(): Promise<void> {
  await client?.stop();
}
