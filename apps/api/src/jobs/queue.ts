import { type SQL, sql } from 'drizzle-orm';
import PgBoss from 'pg-boss';
import type { DatabaseHandle, Executor } from '../db/client';

/**
 * Background jobs on the application's own database, with pg-boss (see docs/decisions/jobs.md):
 * PostgreSQL's `FOR UPDATE SKIP LOCKED` hands each job to exactly one worker, however many API
 * instances poll; retries back off exponentially; a job that exhausts its retries stays in the
 * `failed` state (the dead letters) where admins list and retry it. On PGlite the same SQL runs
 * in process, through the one connection.
 */

/** pg-boss's schema: its tables live beside ours but are created and migrated by pg-boss itself. */
export const jobsSchema = 'pgboss';

export interface QueuePolicy {
  retryLimit: number;
  /** Seconds before the first retry; each further retry waits about twice as long (with jitter). */
  retryDelaySeconds: number;
  /** A job still active after this long is considered lost (its worker died) and retried. */
  expireInSeconds: number;
}

/** The logger a job writes to: every line carries the queue, the job id, the attempt and the request id. */
export interface JobLog {
  info(data: object, message: string): void;
  warn(data: object, message: string): void;
  error(data: object, message: string): void;
  child(bindings: Record<string, unknown>): JobLog;
}

/** Where a job came from and what is running: handed to its handler with its data. */
export interface JobContext {
  id: string;
  queue: string;
  attempt: number;
  /** The request that queued the job (its `X-Request-Id`), when one did. */
  requestId: string | undefined;
  log: JobLog;
}

export interface JobQueueOptions {
  pollIntervalSeconds: number;
  /** pg-boss itself failed (polling, maintenance): not about one job. */
  onError(error: unknown): void;
  log: JobLog;
  /** A job exhausted its retries and became a dead letter (each attempt is logged already). */
  onDeadLetter?(error: unknown, job: Omit<JobContext, 'log'>): void;
}

/** The key under which a job's data carries the id of the request that queued it. */
export const requestIdKey = 'requestId';

export interface FailedJob {
  id: string;
  queue: string;
  data: Record<string, unknown>;
  error: string | null;
  attempts: number;
  createdAt: string;
  failedAt: string | null;
}

export interface QueueState {
  name: string;
  /** Waiting to run: new jobs and jobs waiting for their next retry. */
  queued: number;
  active: number;
  /** Dead letters: retries exhausted. */
  failed: number;
}

export interface QueueStats {
  queues: QueueState[];
  queued: number;
  active: number;
  failed: number;
}

export type JobHandler<T> = (data: T, job: JobContext) => Promise<void>;

/**
 * pg-boss writes `$1`-style SQL; inside a Drizzle transaction the only safe connection is the
 * transaction's own (PGlite has a single one), so its SQL is re-expressed as Drizzle SQL with
 * bound parameters and run on `tx`. This is what lets a job commit or roll back with its data.
 */
export function executorAsBossDb(tx: Executor): PgBoss.Db {
  return {
    async executeSql(text: string, values: unknown[] = []) {
      const parts = text.split(/\$(\d+)/);
      const chunks: SQL[] = parts.map((part, index) =>
        index % 2 === 0 ? sql.raw(part) : sql`${sql.param(values[Number(part) - 1])}`,
      );
      const result = (await tx.execute(sql.join(chunks))) as unknown as { rows: unknown[] };
      return { rows: result.rows };
    },
  };
}

function iso(value: unknown): string | null {
  if (value === null || value === undefined) return null;
  return new Date(value as string | Date).toISOString();
}

function errorText(output: unknown): string | null {
  if (!output || typeof output !== 'object') return null;
  const message = (output as { message?: unknown }).message;
  return typeof message === 'string' ? message : JSON.stringify(output).slice(0, 2000);
}

function bossSettings(policy: QueuePolicy) {
  return {
    retryLimit: policy.retryLimit,
    retryDelay: policy.retryDelaySeconds,
    retryBackoff: true,
    expireInSeconds: policy.expireInSeconds,
  };
}

export function createJobQueue(database: DatabaseHandle, options: JobQueueOptions) {
  const boss = new PgBoss({
    db: { executeSql: (text, values) => database.query(text, values) },
    schema: jobsSchema,
    // Dead letters stay listable (and retryable) for 30 days before pg-boss archives them.
    archiveFailedAfterSeconds: 30 * 24 * 3600,
    archiveCompletedAfterSeconds: 24 * 3600,
  });
  boss.on('error', options.onError);
  const policies = new Map<string, QueuePolicy>();
  const handlers = new Map<string, JobHandler<never>>();
  let started = false;

  return {
    /** Declares a queue; call before `start`. */
    define<T>(name: string, policy: QueuePolicy, handler: JobHandler<T>) {
      policies.set(name, policy);
      handlers.set(name, handler as JobHandler<never>);
    },

    /** Creates pg-boss's tables if needed, then the queues, then starts polling (one worker per queue). */
    async start() {
      if (started) return;
      await boss.start();
      if (database.driver === 'pglite') {
        // Embedded: no other process can open this data directory, so a job still marked active
        // was orphaned by a crash (SIGKILL, power loss) mid-run. Run it again now rather than
        // after its expiry; with PostgreSQL another instance may really be running it.
        await database.query(
          `update ${jobsSchema}.job set state = 'retry', start_after = now() where state = 'active'`,
          [],
        );
      }
      for (const [name, policy] of policies) {
        const settings = bossSettings(policy);
        if (await boss.getQueue(name)) await boss.updateQueue(name, { name, ...settings });
        else await boss.createQueue(name, { name, ...settings });
      }
      for (const [name, handler] of handlers) {
        const retryLimit = policies.get(name)?.retryLimit ?? 0;
        let workerId: string | undefined;
        workerId = await boss.work<Record<string, unknown>>(
          name,
          { pollingIntervalSeconds: options.pollIntervalSeconds, batchSize: 1, includeMetadata: true },
          async ([job]) => {
            if (!job) return;
            const requestId = job.data?.[requestIdKey];
            const context = {
              id: job.id,
              queue: name,
              attempt: job.retryCount + 1,
              requestId: typeof requestId === 'string' ? requestId : undefined,
            };
            // `reqId` as Fastify names it on request lines: one search finds the request and its jobs.
            const log = options.log.child({
              queue: name,
              jobId: job.id,
              attempt: context.attempt,
              ...(context.requestId ? { reqId: context.requestId } : {}),
            });
            try {
              await handler(job.data as never, { ...context, log });
            } catch (error) {
              if (job.retryCount >= retryLimit) {
                log.error({ err: error }, 'job failed: retries exhausted, kept as a dead letter');
                options.onDeadLetter?.(error, context);
              } else log.warn({ err: error }, 'job attempt failed; it will be retried');
              throw error;
            } finally {
              // A job was there, so more may be: fetch again at once instead of after the polling
              // interval. A backlog drains at the speed of the work, not one job per interval.
              if (workerId) boss.notifyWorker(workerId);
            }
          },
        );
      }
      started = true;
    },

    /** Stops polling and waits (up to 10 s) for running jobs; the rest are retried after expiry. */
    async stop() {
      if (!started) return;
      started = false;
      await boss.stop({ graceful: true, wait: true, timeout: 10_000 });
    },

    /**
     * Adds a job inside the caller's transaction: it exists if and only if the transaction commits.
     * Only the transaction's executor is used, never the outer database. `origin.requestId` (the
     * request that caused the job) travels in the job's data: the job's log lines and error
     * reports carry it.
     */
    async enqueue(
      tx: Executor,
      name: string,
      data: object,
      origin: { requestId?: string | undefined } = {},
    ): Promise<string> {
      const policy = policies.get(name);
      if (!policy) throw new Error(`Unknown job queue: ${name}`);
      const payload = origin.requestId ? { ...data, [requestIdKey]: origin.requestId } : data;
      // The policy travels with each job: the queue's stored defaults are whatever instance
      // started last, and a job should retry as the configuration that created it says.
      const id = await boss.send(name, payload, { db: executorAsBossDb(tx), ...bossSettings(policy) });
      if (!id) throw new Error(`The job was not queued on ${name}.`);
      return id;
    },

    /** Depth and dead letters per queue: for the system endpoint and metrics. */
    async stats(): Promise<QueueStats> {
      const { rows } = await database.query<{ name: string; state: string; size: number | string }>(
        `select name, state::text as state, count(*) as size from ${jobsSchema}.job
         where name not like '\\_\\_%' group by name, state`,
      );
      const byName = new Map<string, QueueState>();
      for (const name of policies.keys()) byName.set(name, { name, queued: 0, active: 0, failed: 0 });
      for (const row of rows) {
        const state = byName.get(row.name) ?? { name: row.name, queued: 0, active: 0, failed: 0 };
        const size = Number(row.size);
        if (row.state === 'created' || row.state === 'retry') state.queued += size;
        else if (row.state === 'active') state.active += size;
        else if (row.state === 'failed') state.failed += size;
        byName.set(row.name, state);
      }
      const queues = [...byName.values()].sort((a, b) => a.name.localeCompare(b.name));
      return {
        queues,
        queued: queues.reduce((sum, q) => sum + q.queued, 0),
        active: queues.reduce((sum, q) => sum + q.active, 0),
        failed: queues.reduce((sum, q) => sum + q.failed, 0),
      };
    },

    /** Jobs whose retries are exhausted, most recent failure first. */
    async listFailed(page: { limit: number; offset: number }): Promise<{ rows: FailedJob[]; total: number }> {
      const [list, count] = await Promise.all([
        database.query<Record<string, unknown>>(
          `select id, name, data, output, retry_count, created_on, completed_on from ${jobsSchema}.job
           where state = 'failed' order by completed_on desc nulls last, id limit $1 offset $2`,
          [page.limit, page.offset],
        ),
        database.query<{ total: number | string }>(
          `select count(*) as total from ${jobsSchema}.job where state = 'failed'`,
          [],
        ),
      ]);
      return {
        rows: list.rows.map((row) => ({
          id: String(row.id),
          queue: String(row.name),
          data: (row.data ?? {}) as Record<string, unknown>,
          error: errorText(row.output),
          attempts: Number(row.retry_count) + 1,
          createdAt: iso(row.created_on) ?? new Date(0).toISOString(),
          failedAt: iso(row.completed_on),
        })),
        total: Number(count.rows[0]?.total ?? 0),
      };
    },

    /** Puts a failed job back in its queue for one more attempt. False when no such failed job exists. */
    async retry(id: string): Promise<boolean> {
      const { rows } = await database.query<{ name: string }>(
        `select name from ${jobsSchema}.job where id = $1 and state = 'failed'`,
        [id],
      );
      const name = rows[0]?.name;
      if (!name) return false;
      await boss.retry(name, id);
      return true;
    },
  };
}

export type JobQueue = ReturnType<typeof createJobQueue>;
