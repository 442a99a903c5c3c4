import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * The `apps/api` folder, found by walking up from this module. The same code runs from `src/`
 * (tests, tsx) and bundled from `dist/`, which sit at different depths.
 */
export const apiRoot: string = (() => {
  let dir = path.dirname(fileURLToPath(import.meta.url));
  while (!existsSync(path.join(dir, 'drizzle', 'meta', '_journal.json'))) {
    const parent = path.dirname(dir);
    if (parent === dir) throw new Error('Cannot find the apps/api folder (drizzle/meta/_journal.json).');
    dir = parent;
  }
  return dir;
})();

export const migrationsFolder = path.join(apiRoot, 'drizzle');
export const repoRoot = path.resolve(apiRoot, '..', '..');
