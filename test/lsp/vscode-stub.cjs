// Activates the bundled VS Code extension with a stand-in `vscode` module and prints, as JSON, the
// command and arguments the language client spawns: what VS Code itself would start.
const Module = require('node:module');
const childProcess = require('node:child_process');
const stand = {
  get(target, name) {
    if (name === Symbol.toPrimitive) return () => '';
    if (name === 'then') return undefined;
    if (name === 'workspaceFolders') return [{ uri: { fsPath: process.cwd() } }];
    if (name === 'getConfiguration') return () => ({ get: (_key, fallback) => fallback });
    if (name === 'version') return '1.95.0';
    if (name === 'env') return { appName: 'stand-in', language: 'en', machineId: 'm', sessionId: 's', uriScheme: 'vscode' };
    if (!(name in target)) target[name] = new Proxy(class {}, stand);
    return target[name];
  },
  apply: () => new Proxy(class {}, stand),
  construct: () => new Proxy(class {}, stand),
};
const vscode = new Proxy(class {}, stand);
const load = Module._load;
Module._load = function (request, ...rest) {
  return request === 'vscode' ? vscode : load.call(this, request, ...rest);
};
childProcess.spawn = (command, args) => {
  process.stdout.write(`${JSON.stringify({ command, args })}\n`);
  process.exit(0);
};
require(process.argv[2]).activate({ subscriptions: [] });
setTimeout(() => process.exit(3), 10_000);
