import { z } from 'zod';
import { id, paginationQuery, timestamp } from './common';

/** A background job whose retries are exhausted (a dead letter), as admins see it. */
export const failedJob = z.object({
  id,
  /** The queue it belongs to, e.g. `mail`. */
  queue: z.string(),
  /** What the job carries: ids and a kind, never a message body or a secret. */
  data: z.record(z.string(), z.unknown()),
  /** The last error message. */
  error: z.string().nullable(),
  attempts: z.number().int(),
  createdAt: timestamp,
  failedAt: timestamp.nullable(),
});
export type FailedJob = z.infer<typeof failedJob>;

export const failedJobListQuery = paginationQuery;
export type FailedJobListQuery = z.input<typeof failedJobListQuery>;
