import path from 'node:path';
import { Cron } from 'croner';
import { z } from 'zod';
import type { Environment } from './config';

/**
 * The operations part of the configuration (shutdown, rate limits, logs, metrics, error reporting,
 * backups): its variables and the defaults of each profile. Kept apart from config.ts so that the
 * settings of each concern stay readable; config.ts merges them and stays the only reader of
 * process.env.
 */

const seconds = z.coerce.number().int().min(0);
const count = z.coerce.number().int().min(0);
const optional = z
  .string()
  .optional()
  .transform((v) => (v === '' ? undefined : v));

const cronExpression = optional.refine((value) => {
  if (value === undefined || value === 'off') return true;
  try {
    new Cron(value, { paused: true }).stop();
    return true;
  } catch {
    return false;
  }
}, 'not a cron expression (e.g. "30 2 * * *" for 02:30 every day, or "off")');

export const operationsEnv = {
  SHUTDOWN_DRAIN_SECONDS: seconds.optional(),
  SHUTDOWN_TIMEOUT_SECONDS: seconds.default(20),
  RATE_LIMIT_MAX: count.optional(),
  RATE_LIMIT_WINDOW_SECONDS: seconds.default(60),
  RATE_LIMIT_LOGIN_MAX: count.optional(),
  RATE_LIMIT_LOGIN_WINDOW_SECONDS: seconds.default(60),
  RATE_LIMIT_STRICT_MAX: count.optional(),
  RATE_LIMIT_STRICT_WINDOW_SECONDS: seconds.default(900),
  RATE_LIMIT_ALLOW: optional,
  RATE_LIMIT_GLOBAL_SHARED: z.enum(['true', 'false']).default('false'),
  LOG_DIR: optional,
  LOG_ROTATE_SIZE: z
    .string()
    .regex(/^\d+[BKMG]$/, 'a size like 10M or 500K')
    .default('10M'),
  LOG_ROTATE_INTERVAL: z
    .string()
    .regex(/^\d+[smhd]$/, 'an interval like 1d or 12h')
    .default('1d'),
  LOG_MAX_FILES: z.coerce.number().int().min(1).max(1000).default(14),
  METRICS_ENABLED: z.enum(['true', 'false']).default('true'),
  METRICS_TOKEN: optional.refine((v) => v === undefined || v.length >= 16, 'use at least 16 characters'),
  SENTRY_DSN: optional.pipe(z.url().optional()),
  SENTRY_ENVIRONMENT: optional,
  BACKUP_DIR: optional,
  BACKUP_RETENTION_DAYS: z.coerce.number().int().min(1).max(3650).default(7),
  BACKUP_SCHEDULE: cronExpression,
  PG_BIN_DIR: optional,
  SITE_IMPORT_MAX_BYTES: z.coerce
    .number()
    .int()
    .positive()
    .default(1024 * 1024 * 1024),
  PGLITE_SHARED_BUFFERS: z
    .string()
    .regex(/^\d+(kB|MB|GB)$/, 'a PostgreSQL size like 32MB')
    .default('32MB'),
};

type OperationsEnv = z.infer<z.ZodObject<typeof operationsEnv>>;

export interface RateLimitTier {
  /** Requests allowed per window and key; 0 turns the tier off. */
  max: number;
  windowSeconds: number;
}

/**
 * Defaults by profile. Tests turn the per-IP limits off (hundreds of logins from 127.0.0.1 in a
 * few seconds); a test of the limits sets them. Staging and production wait a few seconds after
 * SIGTERM so that load balancers polling /readyz stop sending before the listener closes.
 */
function profileDefaults(environment: Environment, embedded: boolean) {
  const isTest = environment === 'test';
  const isProductionLike = environment === 'production' || environment === 'staging';
  return {
    drainSeconds: isProductionLike ? 5 : 0,
    rateLimitMax: isTest ? 0 : 600,
    loginMax: isTest ? 0 : 10,
    strictMax: isTest ? 0 : 5,
    // The embedded database can only be dumped by the server itself: production backs it up nightly.
    backupSchedule: environment === 'production' && embedded ? '30 2 * * *' : undefined,
  };
}

export function buildOperationsConfig(
  env: OperationsEnv,
  environment: Environment,
  options: { dataDir: string; cwd: string; embedded: boolean },
) {
  const defaults = profileDefaults(environment, options.embedded);
  const schedule = env.BACKUP_SCHEDULE ?? defaults.backupSchedule;
  return {
    shutdown: {
      /** Seconds between SIGTERM (readiness turns 503) and closing the listener. */
      drainSeconds: env.SHUTDOWN_DRAIN_SECONDS ?? defaults.drainSeconds,
      /** After this many seconds of draining, remaining connections are cut. */
      timeoutSeconds: env.SHUTDOWN_TIMEOUT_SECONDS,
    },
    rateLimit: {
      global: {
        max: env.RATE_LIMIT_MAX ?? defaults.rateLimitMax,
        windowSeconds: env.RATE_LIMIT_WINDOW_SECONDS,
      },
      login: {
        max: env.RATE_LIMIT_LOGIN_MAX ?? defaults.loginMax,
        windowSeconds: env.RATE_LIMIT_LOGIN_WINDOW_SECONDS,
      },
      strict: {
        max: env.RATE_LIMIT_STRICT_MAX ?? defaults.strictMax,
        windowSeconds: env.RATE_LIMIT_STRICT_WINDOW_SECONDS,
      },
      /** Client addresses never limited (a trusted renderer or monitoring host). */
      allow: splitList(env.RATE_LIMIT_ALLOW),
      /** The global limit counted in Redis across instances (a round trip per request) rather than per instance. */
      shareGlobal: env.RATE_LIMIT_GLOBAL_SHARED === 'true',
    } satisfies {
      global: RateLimitTier;
      login: RateLimitTier;
      strict: RateLimitTier;
      allow: string[];
      shareGlobal: boolean;
    },
    /** Buffer cache of the embedded database: the bulk of its memory (128MB would add ~150 MB RSS). */
    pgliteSharedBuffers: env.PGLITE_SHARED_BUFFERS,
    logFiles: env.LOG_DIR
      ? {
          dir: path.resolve(options.cwd, env.LOG_DIR),
          size: env.LOG_ROTATE_SIZE,
          interval: env.LOG_ROTATE_INTERVAL,
          maxFiles: env.LOG_MAX_FILES,
        }
      : undefined,
    metrics: { enabled: env.METRICS_ENABLED === 'true', token: env.METRICS_TOKEN },
    sentry: env.SENTRY_DSN
      ? {
          dsn: env.SENTRY_DSN,
          environment: env.SENTRY_ENVIRONMENT ?? environment,
        }
      : undefined,
    backup: {
      dir: env.BACKUP_DIR ? path.resolve(options.cwd, env.BACKUP_DIR) : path.join(options.dataDir, 'backups'),
      retentionDays: env.BACKUP_RETENTION_DAYS,
      schedule: schedule === 'off' ? undefined : schedule,
      /** Where pg_dump/pg_restore/psql live when the ones on PATH do not match the server. */
      pgBinDir: env.PG_BIN_DIR ? path.resolve(options.cwd, env.PG_BIN_DIR) : undefined,
    },
    siteTransfer: {
      /** Largest site archive accepted by `POST /sites/import` (the CLI reads files of any size). */
      maxArchiveBytes: env.SITE_IMPORT_MAX_BYTES,
      /** Largest unpacked archive: media are compressed already, site.json shrinks ~10×. */
      maxUnpackedBytes: env.SITE_IMPORT_MAX_BYTES * 4,
    },
  };
}

function splitList(value: string | undefined): string[] {
  return (
    value
      ?.split(',')
      .map((item) => item.trim())
      .filter(Boolean) ?? []
  );
}
