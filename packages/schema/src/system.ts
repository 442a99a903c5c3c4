import { z } from 'zod';
import { timestamp } from './common';

/** One backup archive in BACKUP_DIR. */
export const backupArchive = z.object({
  name: z.string(),
  createdAt: timestamp,
  sizeBytes: z.number().int().min(0),
});
export type BackupArchive = z.infer<typeof backupArchive>;

export const backupTableCount = z.object({
  schema: z.string(),
  name: z.string(),
  rows: z.number().int().min(0),
});

/** What `POST /system/backups` made. */
export const backupReport = backupArchive.extend({
  sha256: z.string(),
  tables: z.array(backupTableCount),
  /** Files from uploads/ and seo/ in the archive. */
  fileCount: z.number().int().min(0),
  /** Older archives deleted by retention. */
  pruned: z.array(z.string()),
});
export type BackupReport = z.infer<typeof backupReport>;

const serviceState = z.enum(['up', 'down', 'disabled']);

const queueCounts = z.object({
  /** Waiting to run (new or waiting for a retry). */
  queued: z.number().int().min(0),
  active: z.number().int().min(0),
  /** Dead letters: retries exhausted, listed and retried under /jobs/failed. */
  failed: z.number().int().min(0),
});

/**
 * `GET /system`: what runs and how it is doing, for the admin's System page. Sections come from
 * probes in the API's system module; a concern that lands later adds its own section here and a
 * probe there (as the job queue did).
 */
export const systemInfo = z.object({
  app: z.object({
    version: z.string(),
    environment: z.enum(['development', 'test', 'staging', 'production']),
    startedAt: timestamp,
    uptimeSeconds: z.number().int().min(0),
  }),
  runtime: z.object({
    node: z.string(),
    platform: z.string(),
    arch: z.string(),
    pid: z.number().int(),
  }),
  database: z.object({
    driver: z.enum(['pglite', 'postgres']),
    /** `SHOW server_version` of the server (PGlite embeds PostgreSQL too). */
    serverVersion: z.string(),
    /** Version of the client library: `pg` or `@electric-sql/pglite`. */
    driverVersion: z.string(),
  }),
  memory: z.object({
    rssBytes: z.number().int().min(0),
    heapUsedBytes: z.number().int().min(0),
    heapTotalBytes: z.number().int().min(0),
    externalBytes: z.number().int().min(0),
  }),
  cache: z.object({ redis: serviceState }),
  /** The background job queue (shared by every instance): totals and each queue. */
  queue: queueCounts.extend({ queues: z.array(queueCounts.extend({ name: z.string() })) }),
  backups: z.object({
    directory: z.string(),
    /** Cron expression of the in-app schedule, or null when backups come from cron or not at all. */
    schedule: z.string().nullable(),
    retentionDays: z.number().int().min(1),
    last: backupArchive.nullable(),
  }),
});
export type SystemInfo = z.infer<typeof systemInfo>;
