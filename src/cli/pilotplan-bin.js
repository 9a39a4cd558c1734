#!/usr/bin/env node
import { enableCompileCache } from 'node:module';
import { fileURLToPath } from 'node:url';

// Keeps V8's compiled code, type-stripped TypeScript included, between runs: a cached check is mostly startup.
enableCompileCache(fileURLToPath(new URL('../../node_modules/.cache/pilotplan/compile', import.meta.url)));
const { main } = await import('./main.ts');

process.exitCode = await main({
  argv: process.argv.slice(2),
  logMessage: (text) => process.stdout.write(`${text}\n`),
  logError: (text) => process.stderr.write(`${text}\n`),
  color: Boolean(process.stdout.isTTY) && !process.env.NO_COLOR,
});
