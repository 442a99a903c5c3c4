import type { PaginationQuery } from '@swigs/schema';
import type { JobQueue } from '../../jobs/queue';
import { notFound } from '../../lib/errors';
import { limitOffset, pageOf } from '../../lib/pagination';

export interface JobsServiceDeps {
  jobs: Pick<JobQueue, 'listFailed' | 'retry'>;
}

/** The dead letters of the job queues: listed for admins, and retried one by one. */
export function createJobsService(deps: JobsServiceDeps) {
  return {
    async listFailedJobs(query: PaginationQuery) {
      const { rows, total } = await deps.jobs.listFailed(limitOffset(query));
      return pageOf(rows, total, query);
    },

    async retryJob(id: string): Promise<void> {
      if (!(await deps.jobs.retry(id))) throw notFound('JOB_NOT_FOUND', 'This failed job');
    },
  };
}

export type JobsService = ReturnType<typeof createJobsService>;
