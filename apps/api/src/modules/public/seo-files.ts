import { randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import { mkdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { SeoFiles } from './site-changes';

/** Site ids are uuids from the database; anything else never becomes part of a path. */
const uuidPattern = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

export function seoFilePath(outputDir: string, siteId: string): string {
  if (!uuidPattern.test(siteId)) throw new Error(`Not a site id: ${siteId}`);
  return path.join(outputDir, siteId, 'seo.json');
}

async function storedVersion(file: string): Promise<number> {
  try {
    const stored = JSON.parse(await readFile(file, 'utf8')) as { version?: unknown };
    return typeof stored.version === 'number' ? stored.version : -1;
  } catch {
    return -1;
  }
}

/**
 * Writes `<outputDir>/<siteId>/seo.json` for nginx: to a temporary file first, then renamed over
 * the old one, so a reader sees the old file or the new one, never half of either. A document of
 * an older content version than the one on disk (two instances racing) is not written.
 */
export function createSeoFiles(options: {
  outputDir: string;
  /** The serialised seo.json of a site with its content version, or undefined when the site is gone. */
  render(siteId: string): Promise<{ body: Buffer; contentVersion: number } | undefined>;
}): SeoFiles {
  return {
    async regenerate(siteId) {
      const rendered = await options.render(siteId);
      const file = seoFilePath(options.outputDir, siteId);
      if (!rendered) {
        await rm(path.dirname(file), { recursive: true, force: true });
        return;
      }
      await mkdir(path.dirname(file), { recursive: true });
      if ((await storedVersion(file)) > rendered.contentVersion) return;
      const temporary = `${file}.${randomBytes(6).toString('hex')}.tmp`;
      try {
        await writeFile(temporary, rendered.body);
        await rename(temporary, file);
      } finally {
        await rm(temporary, { force: true });
      }
    },

    async regenerateMissing(siteIds) {
      for (const siteId of siteIds) {
        if (!existsSync(seoFilePath(options.outputDir, siteId))) await this.regenerate(siteId);
      }
    },

    async remove(siteId) {
      await rm(path.dirname(seoFilePath(options.outputDir, siteId)), { recursive: true, force: true });
    },
  };
}
