#!/usr/bin/env node
// Plain JavaScript that any Node can parse, so an old Node gets a sentence instead of a SyntaxError:
// the CLI runs its TypeScript sources directly, which needs Node's type stripping (22.18 or newer).
const [major = 0, minor = 0] = process.versions.node.split('.').map(Number);
if (major < 22 || (major === 22 && minor < 18)) {
  process.stderr.write(
    `pilotplan: Node.js ${process.versions.node} is too old; pilotplan needs Node.js 22.18 or newer.\n` +
      'Run it through npm (`npx pilotplan …` or `npm run check`), which uses the Node 24 installed with the project, or upgrade Node.\n',
  );
  process.exit(2);
}

const { enableCompileCache } = await import('node:module');
const { fileURLToPath } = await import('node:url');
// Keeps V8's compiled code, type-stripped TypeScript included, between runs: a cached check is mostly startup.
enableCompileCache(fileURLToPath(new URL('../../node_modules/.cache/pilotplan/compile', import.meta.url)));
const { main } = await import('./main.ts');

// A reader that stops early (`pilotplan rules | head`) closes the pipe: that ends the output, not with a stack trace.
process.stdout.on('error', (error) => {
  if (error.code === 'EPIPE') process.exit(process.exitCode ?? 0);
  throw error;
});

process.exitCode = await main({
  argv: process.argv.slice(2),
  logMessage: (text) => process.stdout.write(`${text}\n`),
  logError: (text) => process.stderr.write(`${text}\n`),
  color: Boolean(process.stdout.isTTY) && !process.env.NO_COLOR,
});
