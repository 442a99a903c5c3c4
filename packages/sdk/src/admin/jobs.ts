import { type FailedJobListQuery, failedJob, listOf } from '@swigs/schema';
import type { Query, Requester } from '../http';
import { v1 } from './shared';

/** Background jobs whose retries are exhausted (admins only). */
export function createJobsApi(request: Requester) {
  return {
    listFailed: (query: FailedJobListQuery = {}) =>
      request('GET', `${v1}/jobs/failed`, { query: query as Query, schema: listOf(failedJob) }),
    retry: (jobId: string) => request('POST', `${v1}/jobs/${jobId}/retry`),
  };
}
