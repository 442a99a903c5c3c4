import type { Redis } from 'ioredis';
import type { BackupService } from '../backup/service';
import type { Config } from '../config';
import type { DatabaseHandle } from '../db/client';
import type { JobQueue } from '../jobs/queue';
import type { ErrorReporter } from '../lib/error-reporting';
import type { Metrics } from '../lib/metrics';
import type { PasswordHasher } from '../lib/passwords';
import type { ThrottleStore } from '../lib/throttle';
import type { AccessTokenSigner } from '../lib/tokens';
import type { MailOutbox } from '../mail/outbox';
import type { PublicContext } from './public';
import type { SiteTransferService } from './transfer/transfer.service';

/** What `buildApp` hands to every module. Modules build their own repositories and services from it. */
export interface ModuleDeps {
  config: Config;
  database: DatabaseHandle;
  redis: Redis | undefined;
  passwords: PasswordHasher;
  signer: AccessTokenSigner;
  throttle: ThrottleStore;
  /** Register module metrics here (`deps.metrics.gauge({ name: 'queue_depth', … })`); served at /metrics. */
  metrics: Metrics;
  /** Report unexpected failures of background work (jobs) here; request errors are reported already. */
  errors: ErrorReporter;
  /** Backups of this installation (the system module serves them). */
  backups: BackupService;
  /** Public read cache and the notifier every edit of public content goes through. */
  publicApi: PublicContext;
  /** Background jobs (PostgreSQL/PGlite-backed); `jobs.stats()` reports depth and dead letters. */
  jobs: JobQueue;
  /** Queues emails inside a transaction; modules register how to compose their kinds of mail. */
  mail: MailOutbox;
  /** Site export/import (also reached through the data-directory socket by the CLI). */
  siteTransfer: SiteTransferService;
}
