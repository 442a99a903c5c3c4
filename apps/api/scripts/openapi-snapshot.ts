// Regenerates apps/api/openapi/<version>.json from the routes' zod schemas: run it (npm run
// openapi:snapshot) when you change the API on purpose, and commit the result with the change.
// The snapshot test fails until you do, so a contract change is always a visible, reviewed diff.
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { buildApp } from '../src/app';
import { loadConfig } from '../src/config';
import { openDatabase } from '../src/db/client';
import { renderSnapshot, snapshotFile, snapshotVersions } from '../src/plugins/openapi-snapshot';

// Building the app runs no query: an empty in-memory database is enough to collect the routes.
const database = await openDatabase({});
const app = await buildApp(loadConfig({ SWIGS_ENV: 'test', DATA_DIR: '/nonexistent-swigs-snapshot' }), {
  database,
});
await app.ready();
for (const apiVersion of snapshotVersions) {
  const file = snapshotFile(apiVersion);
  mkdirSync(path.dirname(file), { recursive: true });
  writeFileSync(file, renderSnapshot(app, apiVersion));
  process.stdout.write(`wrote ${path.relative(process.cwd(), file)}\n`);
}
await app.close();
await database.close();
