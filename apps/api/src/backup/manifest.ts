import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { readdir, stat } from 'node:fs/promises';
import path from 'node:path';
import { z } from 'zod';

/**
 * What a backup archive holds, written as `manifest.json` at its root: the database dump, the file
 * trees, a sha256 per file and the row count of every table at the instant of the dump. Restore and
 * verify trust nothing in an archive that this manifest does not vouch for.
 */
export const backupFormat = 'swigs-backup';
export const backupFormatVersion = 1;

const tableCount = z.object({ schema: z.string(), name: z.string(), rows: z.number().int().min(0) });
export type TableCount = z.infer<typeof tableCount>;

const fileEntry = z.object({
  /** Path inside the archive, with forward slashes (`files/uploads/ab12.webp`). */
  path: z.string(),
  size: z.number().int().min(0),
  sha256: z.string().regex(/^[0-9a-f]{64}$/),
});
export type FileEntry = z.infer<typeof fileEntry>;

export const manifestSchema = z.object({
  format: z.literal(backupFormat),
  formatVersion: z.literal(backupFormatVersion),
  createdAt: z.iso.datetime(),
  app: z.object({ version: z.string() }),
  database: z.object({
    driver: z.enum(['pglite', 'postgres']),
    serverVersion: z.string(),
    /** The dump inside the archive: pg_dump's custom format, or PGlite's data-directory tarball. */
    dump: z.string(),
    tables: z.array(tableCount),
  }),
  /** Every file of the archive except the manifest itself. */
  files: z.array(fileEntry),
});
export type BackupManifest = z.infer<typeof manifestSchema>;

/** Archive paths of the database dumps, by driver. */
export const dumpPaths = { postgres: 'database/postgres.dump', pglite: 'database/pglite.tar' } as const;

/** The data folders a backup carries, if present (uploads from media, seo.json files from SEO). */
export const fileTrees = ['uploads', 'seo'] as const;
export type FileTree = (typeof fileTrees)[number];
/** Where each tree lives on disk (MEDIA: DATA_DIR/uploads; SEO_DIR, default DATA_DIR/seo). */
export type FileTreeDirs = Record<FileTree, string>;

export async function sha256OfFile(file: string): Promise<string> {
  const hash = createHash('sha256');
  for await (const chunk of createReadStream(file)) hash.update(chunk as Buffer);
  return hash.digest('hex');
}

/** Every regular file under `root`, as sorted archive paths (forward slashes). */
export async function listFiles(root: string): Promise<string[]> {
  const entries = await readdir(root, { recursive: true, withFileTypes: true }).catch(
    (error: NodeJS.ErrnoException) => {
      if (error.code === 'ENOENT') return [];
      throw error;
    },
  );
  return entries
    .filter((entry) => entry.isFile())
    .map((entry) => path.relative(root, path.join(entry.parentPath, entry.name)).split(path.sep).join('/'))
    .sort();
}

/** Size and sha256 of every file under `root` except `manifest.json`. */
export async function describeFiles(root: string): Promise<FileEntry[]> {
  const files = (await listFiles(root)).filter((file) => file !== 'manifest.json');
  const entries: FileEntry[] = [];
  for (const file of files) {
    const absolute = path.join(root, file);
    entries.push({ path: file, size: (await stat(absolute)).size, sha256: await sha256OfFile(absolute) });
  }
  return entries;
}

/**
 * Compares what is on disk under `root` with the manifest: files missing, changed or unexpected.
 * Returns human-readable problems; empty means every byte is as it was written.
 */
export async function checkFiles(root: string, manifest: { files: FileEntry[] }): Promise<string[]> {
  const actual = new Map((await describeFiles(root)).map((entry) => [entry.path, entry]));
  const problems: string[] = [];
  for (const expected of manifest.files) {
    const found = actual.get(expected.path);
    if (!found) problems.push(`missing: ${expected.path}`);
    else if (found.sha256 !== expected.sha256) problems.push(`checksum differs: ${expected.path}`);
    actual.delete(expected.path);
  }
  for (const extra of actual.keys()) problems.push(`not in the manifest: ${extra}`);
  return problems;
}

/** Differences between two sets of row counts, as readable lines. */
export function compareTableCounts(expected: TableCount[], actual: TableCount[]): string[] {
  const key = (t: TableCount) => `${t.schema}.${t.name}`;
  const found = new Map(actual.map((t) => [key(t), t.rows]));
  const problems: string[] = [];
  for (const table of expected) {
    const rows = found.get(key(table));
    if (rows === undefined) problems.push(`table missing: ${key(table)}`);
    else if (rows !== table.rows) problems.push(`${key(table)}: ${rows} rows instead of ${table.rows}`);
    found.delete(key(table));
  }
  for (const extra of found.keys()) problems.push(`table not in the backup: ${extra}`);
  return problems;
}
