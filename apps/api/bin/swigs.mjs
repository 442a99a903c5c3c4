#!/usr/bin/env node
// The `swigs` command: runs the bundled CLI (built by `npm run build`).
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const cli = fileURLToPath(new URL('../dist/cli.js', import.meta.url));
if (!existsSync(cli)) {
  process.stderr.write('The SWIGS CLI is not built yet. Run `npm run build` at the repository root first.\n');
  process.exit(1);
}
await import(cli);
