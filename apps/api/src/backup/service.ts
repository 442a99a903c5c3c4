import { Cron } from 'croner';
import type { DatabaseHandle } from '../db/client';
import type { ErrorReporter } from '../lib/error-reporting';
import { AppError } from '../lib/errors';
import type { Metrics } from '../lib/metrics';
import { type ArchiveInfo, listArchives } from './archive';
import { type BackupResult, type BackupSettings, createBackup } from './backup';

/** Arbitrary constant naming the advisory lock that keeps instances from backing up together. */
const backupLockKey = 7_316_452_002;

export type BackupTrigger = 'schedule' | 'api' | 'cli';

export interface BackupService {
  settings: BackupSettings;
  /** Makes a backup now; BACKUP_IN_PROGRESS when one is running (here or, on PostgreSQL, on another instance). */
  run(trigger: BackupTrigger): Promise<BackupResult>;
  list(): Promise<ArchiveInfo[]>;
  /** Runs `run('schedule')` on a cron expression; returns a stopper. Failures are logged and reported. */
  schedule(expression: string): () => void;
}

export interface BackupServiceDeps {
  database: DatabaseHandle;
  settings: BackupSettings;
  version: string;
  metrics: Metrics;
  errors: ErrorReporter;
  log: { info(data: object, message: string): void; error(data: object, message: string): void };
}

/**
 * The one way the running server makes backups (schedule, admin API, `swigs backup` through the
 * data-directory socket): one at a time in this process, and one at a time across instances on
 * PostgreSQL (advisory lock), with metrics an alert can watch (`swigs_backup_last_success_timestamp_seconds`).
 */
export function createBackupService(deps: BackupServiceDeps): BackupService {
  const { database, settings } = deps;
  const lastSuccess = deps.metrics.gauge({
    name: 'backup_last_success_timestamp_seconds',
    help: 'When the last backup made by this instance succeeded (Unix time)',
  });
  const failures = deps.metrics.counter({ name: 'backup_failures_total', help: 'Backups that failed' });
  const duration = deps.metrics.gauge({
    name: 'backup_duration_seconds',
    help: 'How long the last backup took',
  });
  let running = false;

  async function withClusterLock<T>(work: () => Promise<T>): Promise<T> {
    if (!database.pool) return work();
    const client = await database.pool.connect();
    try {
      const { rows } = await client.query<{ locked: boolean }>('select pg_try_advisory_lock($1) as locked', [
        backupLockKey,
      ]);
      if (!rows[0]?.locked) throw new AppError('BACKUP_IN_PROGRESS', 'Another instance is making a backup.');
      try {
        return await work();
      } finally {
        await client.query('select pg_advisory_unlock($1)', [backupLockKey]);
      }
    } finally {
      client.release();
    }
  }

  async function run(trigger: BackupTrigger): Promise<BackupResult> {
    if (running) throw new AppError('BACKUP_IN_PROGRESS', 'A backup is being made; wait for it to finish.');
    running = true;
    const started = Date.now();
    try {
      const result = await withClusterLock(() => createBackup(database, settings, { version: deps.version }));
      lastSuccess.set(Math.floor(Date.now() / 1000));
      duration.set((Date.now() - started) / 1000);
      deps.log.info(
        { trigger, archive: result.name, sizeBytes: result.sizeBytes, pruned: result.pruned },
        'backup written',
      );
      return result;
    } catch (error) {
      if (!(error instanceof AppError && error.code === 'BACKUP_IN_PROGRESS')) {
        failures.inc();
        deps.log.error({ err: error, trigger }, 'backup failed');
        deps.errors.capture(error, { task: 'backup' });
      }
      throw error;
    } finally {
      running = false;
    }
  }

  return {
    settings,
    run,
    list: () => listArchives(settings.dir),
    schedule(expression) {
      const job = new Cron(expression, { protect: true }, async () => {
        // Failures are already logged and reported by run(); a busy lock means another instance has it.
        await run('schedule').catch(() => {});
      });
      return () => job.stop();
    },
  };
}
