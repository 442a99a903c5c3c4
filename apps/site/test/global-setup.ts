import { mkdirSync, rmdirSync, statSync } from 'node:fs';
import { readdir } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'vite';

/**
 * Tests that serve real pages need the client build (stylesheet and islands script). CI builds
 * before testing; on a developer's machine this builds it when it is missing or older than the
 * sources, once, even when several test projects start together (a lock directory).
 */
const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const manifest = path.join(root, 'dist/client/.vite/manifest.json');
const lock = path.join(root, 'dist/.build-lock');

async function newestSource(dir: string): Promise<number> {
  let newest = 0;
  for (const entry of await readdir(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    newest = Math.max(newest, entry.isDirectory() ? await newestSource(full) : statSync(full).mtimeMs);
  }
  return newest;
}

async function isFresh(): Promise<boolean> {
  try {
    return statSync(manifest).mtimeMs >= (await newestSource(path.join(root, 'src')));
  } catch {
    return false;
  }
}

export default async function setup() {
  if (await isFresh()) return;
  mkdirSync(path.dirname(lock), { recursive: true });
  for (;;) {
    try {
      mkdirSync(lock);
      break;
    } catch {
      await new Promise((resolve) => setTimeout(resolve, 200));
      if (await isFresh()) return;
    }
  }
  try {
    if (!(await isFresh()))
      await build({ root, configFile: path.join(root, 'vite.config.ts'), logLevel: 'warn' });
  } finally {
    rmdirSync(lock);
  }
}
