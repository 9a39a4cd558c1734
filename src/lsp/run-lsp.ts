import { createConnection, ProposedFeatures } from 'vscode-languageserver/node';
import { startServer } from './server.ts';

/** `pilotplan lsp --stdio`: serves the language server over standard input and output until the client says exit. */
export function runLsp(): Promise<number> {
  return new Promise((resolve) => {
    const connection = createConnection(ProposedFeatures.all, process.stdin, process.stdout);
    connection.onExit(() => resolve(0));
    startServer(connection);
  });
}
