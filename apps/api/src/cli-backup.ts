import path from 'node:path';
import type { Command } from 'commander';
import { type BackupResult, type BackupSettings, createBackup, fileTreeDirs } from './backup/backup';
import { restoreBackup, verifyBackup } from './backup/restore';
import { type Config, loadConfig } from './config';
import { askLockHolder } from './lib/data-dir-lock';
import { AppError } from './lib/errors';
import { lockEmbeddedDatabase, openConfiguredDatabase } from './start';
import { version } from './version';

const print = (message: string) => process.stdout.write(`${message}\n`);

function backupSettings(config: Config): BackupSettings {
  return {
    dir: config.backup.dir,
    retentionDays: config.backup.retentionDays,
    trees: fileTreeDirs(config),
    databaseUrl: config.db.url,
    pgBinDir: config.backup.pgBinDir,
  };
}

function isBusy(error: unknown): boolean {
  return error instanceof AppError && error.code === 'DATA_DIR_BUSY';
}

/**
 * PostgreSQL: pg_dump from here, while the instances run. Embedded: if no server runs, this process
 * takes the data-directory lock and dumps; if the server runs, it is asked to make the backup
 * itself through its control socket — opening its database from here would corrupt it.
 */
async function makeBackup(config: Config): Promise<BackupResult> {
  const lock = await lockEmbeddedDatabase(config, 'cli').catch((error: unknown) => {
    if (isBusy(error)) return 'busy' as const;
    throw error;
  });
  if (lock === 'busy') {
    print('The server is running: asking it to make the backup.');
    const answer = await askLockHolder(config.dataDir, 'POST', '/backup', 30 * 60_000);
    if (!answer) throw new Error('The server stopped before it could answer; run the command again.');
    if (answer.status !== 200) {
      const body = answer.body as { message?: string };
      throw new Error(`The server could not make the backup: ${body.message ?? answer.status}`);
    }
    return answer.body as BackupResult;
  }
  try {
    const database = await openConfiguredDatabase(config);
    try {
      return await createBackup(database, backupSettings(config), { version });
    } finally {
      await database.close();
    }
  } finally {
    await lock?.release();
  }
}

async function verify(config: Config, archive: string): Promise<boolean> {
  const result = await verifyBackup(archive, {
    databaseUrl: config.db.url,
    pgBinDir: config.backup.pgBinDir,
  });
  const rows = result.manifest.database.tables.reduce((sum, table) => sum + table.rows, 0);
  if (result.problems.length === 0) {
    print(
      `Verified ${path.basename(archive)}: ${result.manifest.files.length} files match their checksums; restored into a scratch database, ${result.manifest.database.tables.length} tables and ${rows} rows match.`,
    );
    return true;
  }
  print(`${path.basename(archive)} FAILED verification:\n  ${result.problems.join('\n  ')}`);
  return false;
}

export function registerBackupCommands(program: Command) {
  program
    .command('backup')
    .description('write a checksummed archive (database, uploads, seo) to BACKUP_DIR and apply retention')
    .option('--verify', 'then restore it into a scratch database and compare row counts and checksums')
    .action(async (options: { verify?: boolean }) => {
      const config = loadConfig();
      const result = await makeBackup(config);
      const rows = result.tables.reduce((sum, table) => sum + table.rows, 0);
      print(`Backup written: ${result.file} (${result.sizeBytes} bytes, sha256 ${result.sha256})`);
      print(`  ${result.tables.length} tables, ${rows} rows, ${result.fileCount} files`);
      if (result.pruned.length > 0) print(`  retention removed: ${result.pruned.join(', ')}`);
      if (options.verify && !(await verify(config, result.file))) process.exitCode = 1;
    });

  program
    .command('verify-backup')
    .argument('<archive>', 'a swigs-backup-*.tar.gz file')
    .description('restore an archive into a scratch database and compare row counts and checksums')
    .action(async (archive: string) => {
      if (!(await verify(loadConfig(), path.resolve(archive)))) process.exitCode = 1;
    });

  program
    .command('restore')
    .argument('<archive>', 'a swigs-backup-*.tar.gz file')
    .description('restore an archive into an empty database and DATA_DIR (the server must be stopped)')
    .option('--force', 'replace a database that has data (folders are moved aside, not deleted)')
    .action(async (archive: string, options: { force?: boolean }) => {
      const config = loadConfig();
      const lock = await lockEmbeddedDatabase(config, 'cli').catch((error: unknown) => {
        if (isBusy(error))
          throw new AppError(
            'DATA_DIR_BUSY',
            `${(error as Error).message}\nStop the server before restoring.`,
          );
        throw error;
      });
      try {
        const result = await restoreBackup(
          path.resolve(archive),
          {
            dataDir: config.dataDir,
            trees: fileTreeDirs(config),
            databaseUrl: config.db.url,
            pgBinDir: config.backup.pgBinDir,
          },
          { force: options.force === true },
        );
        const rows = result.tables.reduce((sum, table) => sum + table.rows, 0);
        print(
          `Restored ${path.basename(archive)} (made ${result.manifest.createdAt}): ${result.tables.length} tables, ${rows} rows, ${result.manifest.files.length} files — all checksums and row counts match.`,
        );
        for (const aside of result.movedAside) print(`  previous data kept at ${aside}`);
      } finally {
        await lock?.release();
      }
    });
}
