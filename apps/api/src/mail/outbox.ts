import type { Executor } from '../db/client';
import type { JobContext, JobQueue, QueuePolicy } from '../jobs/queue';
import type { Mailer, OutgoingMail } from './mailer';

/** The queue every email goes through. */
export const mailQueue = 'mail';

/**
 * What a mail job carries: which kind of mail and the ids to build it from — never the message
 * body, never a secret. The mail is composed when the job runs, from the current data (a message
 * deleted meanwhile is not sent), by the composer its module registered for that kind.
 */
export interface MailJob {
  kind: string;
  [key: string]: unknown;
}

/** Builds the mail for a job, or null when there is nothing to send any more (record gone). */
export type MailComposer = (job: MailJob) => Promise<OutgoingMail | null>;

export interface MailOutbox {
  /** Registers how to compose one kind of mail (each module registers its own). */
  register(kind: string, composer: MailComposer): void;
  /**
   * Queues a mail inside the caller's transaction: it is sent if and only if the data commits.
   * `origin.requestId` names the request that caused it, for the job's logs and error reports.
   */
  enqueue(tx: Executor, job: MailJob, origin?: { requestId?: string | undefined }): Promise<string>;
}

export interface MailOutboxDeps {
  queue: Pick<JobQueue, 'define' | 'enqueue'>;
  mailer: Pick<Mailer, 'send'>;
  policy: QueuePolicy;
  onSent(kind: string, job: JobContext): void;
  /**
   * An attempt failed (the queue logs it, retries it later, or keeps it as a dead letter after the
   * last): for counting.
   */
  onFailed(kind: string, job: JobContext, error: unknown): void;
}

/**
 * Every email is sent by a job on the `mail` queue, never inline in a request: a failing SMTP
 * server costs a retry with backoff, not a lost message or a slow answer.
 */
export function createMailOutbox(deps: MailOutboxDeps): MailOutbox {
  const composers = new Map<string, MailComposer>();

  deps.queue.define<MailJob>(mailQueue, deps.policy, async (job, meta) => {
    const composer = composers.get(job.kind);
    // Thrown, not skipped: an unknown kind is a deployment mistake an admin should see in the dead letters.
    if (!composer) throw new Error(`No mail composer for kind "${job.kind}".`);
    try {
      const mail = await composer(job);
      if (!mail) return;
      await deps.mailer.send(mail);
      deps.onSent(job.kind, meta);
    } catch (error) {
      deps.onFailed(job.kind, meta, error);
      throw error;
    }
  });

  return {
    register(kind, composer) {
      if (composers.has(kind)) throw new Error(`Mail composer "${kind}" is registered twice.`);
      composers.set(kind, composer);
    },
    enqueue: (tx, job, origin) => deps.queue.enqueue(tx, mailQueue, job, origin),
  };
}
