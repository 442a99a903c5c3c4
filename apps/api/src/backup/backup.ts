import { randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import { mkdir, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { Config } from '../config';
import type { DatabaseHandle } from '../db/client';
import { AppError } from '../lib/errors';
import { archiveName, packArchive, pruneArchives, removeTree, stageTree } from './archive';
import {
  type BackupManifest,
  backupFormat,
  backupFormatVersion,
  describeFiles,
  dumpPaths,
  type FileTreeDirs,
  fileTrees,
  type TableCount,
} from './manifest';
import { dumpPglite } from './pglite-dump';
import { dumpPostgres } from './postgres-dump';

/** The folders of the configuration that backups carry. */
export function fileTreeDirs(config: Config): FileTreeDirs {
  return { uploads: config.media.uploadsDir, seo: config.seo.outputDir };
}

export interface BackupSettings {
  /** Where archives go (BACKUP_DIR). */
  dir: string;
  retentionDays: number;
  /** The uploads and seo.json folders, part of every backup. */
  trees: FileTreeDirs;
  /** Set when the database is PostgreSQL: pg_dump connects with it. */
  databaseUrl: string | undefined;
  pgBinDir: string | undefined;
}

export interface BackupResult {
  file: string;
  name: string;
  createdAt: string;
  sizeBytes: number;
  sha256: string;
  tables: TableCount[];
  /** Files from uploads/ and seo/ in the archive. */
  fileCount: number;
  /** Older archives deleted by retention. */
  pruned: string[];
}

/**
 * Writes one consistent, checksummed archive to BACKUP_DIR: the database dump (pg_dump, or PGlite's
 * own data-directory dump taken by the process that owns it), the `uploads/` and `seo/` trees,
 * and a manifest with the sha256 of every file and the row count of every table. Then applies
 * retention. The database must be `database`, opened by this very process.
 */
export async function createBackup(
  database: DatabaseHandle,
  settings: BackupSettings,
  meta: { version: string; now?: Date },
): Promise<BackupResult> {
  const now = meta.now ?? new Date();
  await mkdir(settings.dir, { recursive: true });
  const name = archiveName(now);
  const file = path.join(settings.dir, name);
  if (existsSync(file))
    throw new AppError('BACKUP_IN_PROGRESS', `${name} exists already: one backup per second.`);
  const staging = path.join(settings.dir, `.staging-${randomBytes(6).toString('hex')}`);
  try {
    await mkdir(path.join(staging, 'database'), { recursive: true });
    const dump = database.pglite
      ? await dumpPglite(database.pglite, path.join(staging, dumpPaths.pglite))
      : await dumpPostgresOf(database, settings, path.join(staging, dumpPaths.postgres));

    let fileCount = 0;
    for (const tree of fileTrees) {
      const source = settings.trees[tree];
      if (existsSync(source)) fileCount += await stageTree(source, path.join(staging, 'files', tree));
    }

    const manifest: BackupManifest = {
      format: backupFormat,
      formatVersion: backupFormatVersion,
      createdAt: now.toISOString(),
      app: { version: meta.version },
      database: {
        driver: database.driver,
        serverVersion: dump.serverVersion,
        dump: database.pglite ? dumpPaths.pglite : dumpPaths.postgres,
        tables: dump.tables,
      },
      files: await describeFiles(staging),
    };
    await writeFile(path.join(staging, 'manifest.json'), `${JSON.stringify(manifest, null, 2)}\n`);
    const sha256 = await packArchive(staging, file);
    const { size } = await stat(file);
    const pruned = await pruneArchives(settings.dir, settings.retentionDays, now);
    return {
      file,
      name,
      createdAt: manifest.createdAt,
      sizeBytes: size,
      sha256,
      tables: dump.tables,
      fileCount,
      pruned,
    };
  } finally {
    await removeTree(staging);
  }
}

function dumpPostgresOf(database: DatabaseHandle, settings: BackupSettings, file: string) {
  if (!database.pool || !settings.databaseUrl) throw new Error('A PostgreSQL backup needs DATABASE_URL.');
  return dumpPostgres(database.pool, settings.databaseUrl, file, { binDir: settings.pgBinDir });
}
