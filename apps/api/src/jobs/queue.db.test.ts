import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eventually } from '../../test/smtp';
import { createTestDatabase, testDriver } from '../../test/test-database';
import type { DatabaseHandle } from '../db/client';
import { createJobQueue, type JobContext, type JobLog, type JobQueue } from './queue';

interface LogLine {
  level: string;
  message: string;
  fields: Record<string, unknown>;
}

/** A logger that keeps every line with the fields its children were bound with. */
function recordingLog(lines: LogLine[], bindings: Record<string, unknown> = {}): JobLog {
  const write = (level: string) => (data: object, message: string) =>
    void lines.push({ level, message, fields: { ...bindings, ...data } });
  return {
    info: write('info'),
    warn: write('warn'),
    error: write('error'),
    child: (more) => recordingLog(lines, { ...bindings, ...more }),
  };
}

let database: DatabaseHandle;
const queues: JobQueue[] = [];
beforeAll(async () => {
  database = await createTestDatabase();
});
afterAll(async () => {
  for (const queue of queues) await queue.stop();
  await database.close();
});

function queueWith(
  handler: (data: { n: number }, meta: JobContext) => Promise<void>,
  retryLimit = 3,
  observe: Partial<{ lines: LogLine[]; deadLetters: { error: unknown; job: object }[] }> = {},
) {
  const queue = createJobQueue(database, {
    pollIntervalSeconds: 0.5,
    onError: () => {},
    log: recordingLog(observe.lines ?? []),
    onDeadLetter: (error, job) => observe.deadLetters?.push({ error, job }),
  });
  queue.define<{ n: number }>('test', { retryLimit, retryDelaySeconds: 1, expireInSeconds: 30 }, handler);
  queues.push(queue);
  return queue;
}

describe('the job queue', () => {
  it('enqueues with the transaction: a rollback leaves no job, a commit one; two workers run it once', async () => {
    const seen: number[] = [];
    const a = queueWith(async ({ n }) => void seen.push(n));
    const b = queueWith(async ({ n }) => void seen.push(n));
    await a.start();
    await b.start();
    await database
      .transact(async (tx) => {
        await a.enqueue(tx, 'test', { n: -1 });
        throw new Error('rolled back');
      })
      .catch(() => {});
    for (let n = 0; n < 10; n++) await database.transact((tx) => a.enqueue(tx, 'test', { n }));
    await eventually(async () => seen.length >= 10);
    await new Promise((resolve) => setTimeout(resolve, 1200));
    expect(seen.sort((x, y) => x - y)).toEqual(Array.from({ length: 10 }, (_, n) => n));
    expect((await a.stats()).queues.find((q) => q.name === 'test')).toMatchObject({
      queued: 0,
      active: 0,
      failed: 0,
    });
    await a.stop();
    await b.stop();
  });

  it('retries a failing job with growing delays, then keeps it as a dead letter', async () => {
    const attempts: number[] = [];
    const lines: LogLine[] = [];
    const deadLetters: { error: unknown; job: object }[] = [];
    const seenRequestIds: (string | undefined)[] = [];
    const queue = queueWith(
      async (_data, meta) => {
        attempts.push(Date.now());
        seenRequestIds.push(meta.requestId);
        meta.log.info({ step: 'sending' }, 'working on it');
        throw new Error(`attempt ${meta.attempt} failed`);
      },
      2,
      { lines, deadLetters },
    );
    await queue.start();
    await database.transact((tx) => queue.enqueue(tx, 'test', { n: 1 }, { requestId: 'req-from-a-form' }));
    const failed = await eventually(
      async () => (await queue.listFailed({ limit: 10, offset: 0 })).rows[0],
      30_000,
    );
    expect(failed).toMatchObject({
      queue: 'test',
      attempts: 3,
      error: 'attempt 3 failed',
      data: { n: 1, requestId: 'req-from-a-form' },
    });
    // The request id reaches the handler and every line about the job, the dead letter's report too.
    expect(seenRequestIds).toEqual(['req-from-a-form', 'req-from-a-form', 'req-from-a-form']);
    expect(lines.map((line) => [line.level, line.message, line.fields.attempt])).toEqual([
      ['info', 'working on it', 1],
      ['warn', 'job attempt failed; it will be retried', 1],
      ['info', 'working on it', 2],
      ['warn', 'job attempt failed; it will be retried', 2],
      ['info', 'working on it', 3],
      ['error', 'job failed: retries exhausted, kept as a dead letter', 3],
    ]);
    for (const line of lines) {
      expect(line.fields).toMatchObject({ reqId: 'req-from-a-form', queue: 'test', jobId: failed.id });
    }
    expect(deadLetters).toHaveLength(1);
    expect(deadLetters[0]?.job).toEqual({
      id: failed.id,
      queue: 'test',
      attempt: 3,
      requestId: 'req-from-a-form',
    });
    expect(attempts).toHaveLength(3);
    // Backoff: the second wait is at least the first delay (1 s); attempts are not back to back.
    expect(attempts[1]! - attempts[0]!).toBeGreaterThanOrEqual(900);
    expect(attempts[2]! - attempts[1]!).toBeGreaterThanOrEqual(900);
    expect((await queue.stats()).failed).toBe(1);
    await queue.stop();
  });

  it.runIf(testDriver === 'pglite')(
    'embedded: a job left active by a crashed process runs again at the next start, not after its expiry',
    async () => {
      const crashed = queueWith(async () => {});
      await crashed.start();
      await crashed.stop();
      const id = await database.transact((tx) => crashed.enqueue(tx, 'test', { n: 42 }));
      // What a SIGKILL mid-run leaves behind: the job marked active, nobody working on it.
      await database.query(`update pgboss.job set state = 'active', started_on = now() where id = $1`, [id]);
      const seen: number[] = [];
      const restarted = queueWith(async ({ n }) => void seen.push(n));
      await restarted.start();
      await eventually(async () => seen.includes(42), 10_000);
      await restarted.stop();
    },
  );
});
