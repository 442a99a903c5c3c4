import { randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import { cp, mkdir, mkdtemp, readdir, rename, rmdir } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { AppError } from '../lib/errors';
import { removeTree, unpackArchive } from './archive';
import {
  type BackupManifest,
  checkFiles,
  compareTableCounts,
  type FileTreeDirs,
  fileTrees,
  type TableCount,
} from './manifest';
import { countPgliteTables, hasPgliteDatabase, openPgliteDump, restorePglite } from './pglite-dump';
import { countPostgresTables, createScratchDatabase, restorePostgres } from './postgres-dump';

export interface RestoreSettings {
  /** DATA_DIR: the embedded database is `DATA_DIR/db`; the archive is unpacked beside it. */
  dataDir: string;
  /** Where the uploads and seo.json trees go. */
  trees: FileTreeDirs;
  /** PostgreSQL target; undefined restores the embedded database under DATA_DIR/db. */
  databaseUrl: string | undefined;
  pgBinDir: string | undefined;
}

export interface RestoreResult {
  manifest: BackupManifest;
  tables: TableCount[];
  /** What a forced restore moved aside instead of deleting. */
  movedAside: string[];
}

function stamp(now: Date): string {
  return now.toISOString().replace(/[:.]/g, '-');
}

async function isEmptyDir(dir: string): Promise<boolean> {
  if (!existsSync(dir)) return true;
  return (await readdir(dir)).length === 0;
}

function expectDriver(manifest: BackupManifest, databaseUrl: string | undefined) {
  const target = databaseUrl ? 'postgres' : 'pglite';
  if (manifest.database.driver === target) return;
  throw new AppError(
    'BACKUP_INVALID',
    manifest.database.driver === 'pglite'
      ? 'This backup is of the embedded database: restore it without DATABASE_URL.'
      : 'This backup is of a PostgreSQL database: set DATABASE_URL to the (empty) database to restore into.',
  );
}

/** Unpacks and checks every file against the manifest; throws BACKUP_INVALID on any difference. */
async function unpackChecked(archive: string, work: string): Promise<BackupManifest> {
  const manifest = await unpackArchive(archive, work);
  const problems = await checkFiles(work, manifest);
  if (problems.length > 0) {
    throw new AppError('BACKUP_INVALID', `The archive does not match its manifest:\n${problems.join('\n')}`);
  }
  return manifest;
}

/**
 * Restores an archive: checks every checksum first, refuses a target that holds data (database or
 * file folders) unless `force` — which moves existing folders aside and never deletes them —
 * restores the database, checks its row counts against the manifest, then puts the file trees in
 * place. The embedded database must not be open in any process (the CLI checks the data
 * directory lock before calling this).
 */
export async function restoreBackup(
  archive: string,
  settings: RestoreSettings,
  options: { force: boolean; now?: Date },
): Promise<RestoreResult> {
  const now = options.now ?? new Date();
  const work = path.join(settings.dataDir, `.restore-${randomBytes(6).toString('hex')}`);
  const movedAside: string[] = [];
  try {
    const manifest = await unpackChecked(archive, work);
    expectDriver(manifest, settings.databaseUrl);

    // Every refusal happens before anything changes.
    const trees = fileTrees.filter((tree) => existsSync(path.join(work, 'files', tree)));
    for (const tree of trees) {
      if (!options.force && !(await isEmptyDir(settings.trees[tree]))) {
        throw new AppError(
          'DATABASE_NOT_EMPTY',
          `${settings.trees[tree]} is not empty. Use --force to replace it.`,
        );
      }
    }
    const dbDir = path.join(settings.dataDir, 'db');
    if (!settings.databaseUrl && hasPgliteDatabase(dbDir) && !options.force) {
      throw new AppError(
        'DATABASE_NOT_EMPTY',
        `The embedded database at ${dbDir} is not empty. Use --force to replace it.`,
      );
    }

    const dump = path.join(work, manifest.database.dump);
    let tables: TableCount[];
    if (settings.databaseUrl) {
      await restorePostgres(
        settings.databaseUrl,
        dump,
        { binDir: settings.pgBinDir },
        { force: options.force },
      );
      tables = await countPostgresTables(settings.databaseUrl);
    } else {
      const restored = await restorePglite(dump, dbDir, { force: options.force, now });
      if (restored.movedAside) movedAside.push(restored.movedAside);
      tables = await countRestoredPglite(dbDir);
    }
    const problems = compareTableCounts(manifest.database.tables, tables);
    if (problems.length > 0) {
      throw new Error(`The restored database differs from the backup:\n${problems.join('\n')}`);
    }

    for (const tree of trees) {
      const target = settings.trees[tree];
      if (existsSync(target)) {
        if (await isEmptyDir(target)) await rmdir(target);
        else {
          const aside = `${target}.replaced-${stamp(now)}`;
          await rename(target, aside);
          movedAside.push(aside);
        }
      }
      await moveTree(path.join(work, 'files', tree), target);
    }
    return { manifest, tables, movedAside };
  } finally {
    await removeTree(work);
  }
}

/** Renames, or copies then deletes when the target is on another filesystem (SEO_DIR elsewhere). */
async function moveTree(from: string, to: string): Promise<void> {
  await mkdir(path.dirname(to), { recursive: true });
  await rename(from, to).catch(async (error: NodeJS.ErrnoException) => {
    if (error.code !== 'EXDEV') throw error;
    await cp(from, to, { recursive: true });
    await removeTree(from);
  });
}

async function countRestoredPglite(dbDir: string): Promise<TableCount[]> {
  const { PGlite } = await import('@electric-sql/pglite');
  const pglite = await PGlite.create(dbDir);
  try {
    return await countPgliteTables(pglite);
  } finally {
    await pglite.close();
  }
}

export interface VerifyResult {
  manifest: BackupManifest;
  /** Empty when every checksum and every row count matches. */
  problems: string[];
}

/**
 * Proves an archive restores: checks every file's sha256, restores the dump into a scratch
 * database (an in-memory PGlite, or a temporary database on the PostgreSQL server) and compares
 * its row counts with the manifest. Touches neither the live database nor DATA_DIR.
 */
export async function verifyBackup(
  archive: string,
  settings: Pick<RestoreSettings, 'databaseUrl' | 'pgBinDir'>,
): Promise<VerifyResult> {
  const work = await mkdtemp(path.join(os.tmpdir(), 'swigs-verify-'));
  try {
    const manifest = await unpackArchive(archive, work);
    const problems = await checkFiles(work, manifest);
    const dump = path.join(work, manifest.database.dump);
    let tables: TableCount[];
    if (manifest.database.driver === 'pglite') {
      const scratch = await openPgliteDump(dump);
      try {
        tables = await countPgliteTables(scratch);
      } finally {
        await scratch.close();
      }
    } else {
      if (!settings.databaseUrl) {
        throw new AppError(
          'BACKUP_INVALID',
          'Verifying a PostgreSQL backup needs a server: set DATABASE_URL.',
        );
      }
      const scratch = await createScratchDatabase(
        settings.databaseUrl,
        `swigs_verify_${randomBytes(4).toString('hex')}`,
      );
      try {
        await restorePostgres(scratch.url, dump, { binDir: settings.pgBinDir }, { force: false });
        tables = await countPostgresTables(scratch.url);
      } finally {
        await scratch.drop();
      }
    }
    problems.push(...compareTableCounts(manifest.database.tables, tables));
    return { manifest, problems };
  } finally {
    await removeTree(work);
  }
}
