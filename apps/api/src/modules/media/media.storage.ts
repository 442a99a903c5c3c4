import { randomBytes } from 'node:crypto';
import { createWriteStream } from 'node:fs';
import { mkdir, readdir, rename, rm, stat } from 'node:fs/promises';
import path from 'node:path';
import type { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';

/**
 * Uploaded files on local disk: `<uploads>/<siteId>/<storedName>`. Every file is first written
 * under `<uploads>/.tmp` (same file system, so the final rename is atomic) and moved into place
 * only once it is complete and checked: a reader never sees half a file, and a failed upload
 * leaves nothing behind. Names are random and chosen here; nothing from the client becomes a path.
 */
export function createMediaStorage(uploadsDir: string) {
  const tempDir = path.join(uploadsDir, '.tmp');
  const siteDir = (siteId: string) => path.join(uploadsDir, siteId);

  async function removeQuietly(file: string) {
    await rm(file, { force: true }).catch(() => {});
  }

  return {
    uploadsDir,

    /** A fresh path in the temporary folder (nothing is created yet). */
    async tempPath(extension = ''): Promise<string> {
      await mkdir(tempDir, { recursive: true });
      return path.join(tempDir, `${randomBytes(16).toString('hex')}${extension}`);
    },

    /**
     * Streams `source` into a new temporary file. If the stream fails (client gone, size limit),
     * the partial file is deleted before the error is rethrown.
     */
    async receive(source: Readable): Promise<{ path: string; size: number }> {
      const target = await this.tempPath();
      try {
        await pipeline(source, createWriteStream(target, { flags: 'wx' }));
        return { path: target, size: (await stat(target)).size };
      } catch (error) {
        await removeQuietly(target);
        throw error;
      }
    },

    /**
     * Moves temporary files into the site's folder under their final names. All or nothing: when
     * one move fails, those already moved are deleted again.
     */
    async commit(siteId: string, files: { tempPath: string; storedName: string }[]): Promise<void> {
      await mkdir(siteDir(siteId), { recursive: true });
      const moved: string[] = [];
      try {
        for (const file of files) {
          const target = path.join(siteDir(siteId), file.storedName);
          await rename(file.tempPath, target);
          moved.push(target);
        }
      } catch (error) {
        await Promise.all(moved.map(removeQuietly));
        throw error;
      }
    },

    async discard(tempPaths: string[]): Promise<void> {
      await Promise.all(tempPaths.map(removeQuietly));
    },

    async remove(siteId: string, storedNames: string[]): Promise<void> {
      await Promise.all(storedNames.map((name) => removeQuietly(path.join(siteDir(siteId), name))));
    },

    /** Deletes every file of a site (the site itself was deleted). */
    async removeSite(siteId: string): Promise<void> {
      if (!/^[0-9a-f-]{36}$/i.test(siteId)) throw new Error(`Not a site id: ${siteId}`);
      await rm(siteDir(siteId), { recursive: true, force: true });
    },

    /** Temporary files (and staging folders) older than `maxAgeMs` are leftovers of a crashed process: delete them. */
    async sweepTemp(maxAgeMs: number): Promise<number> {
      let names: string[];
      try {
        names = await readdir(tempDir);
      } catch {
        return 0;
      }
      let removed = 0;
      for (const name of names) {
        const file = path.join(tempDir, name);
        const info = await stat(file).catch(() => undefined);
        if (info && Date.now() - info.mtimeMs > maxAgeMs) {
          // Folders too: a site import or export staged here by a process that crashed.
          await rm(file, { recursive: true, force: true }).catch(() => {});
          removed += 1;
        }
      }
      return removed;
    },
  };
}

export type MediaStorage = ReturnType<typeof createMediaStorage>;
