#!/usr/bin/env node
import { main } from './main.ts';

process.exitCode = await main({
  argv: process.argv.slice(2),
  logMessage: (text) => process.stdout.write(`${text}\n`),
  logError: (text) => process.stderr.write(`${text}\n`),
  color: Boolean(process.stdout.isTTY) && !process.env.NO_COLOR,
});
