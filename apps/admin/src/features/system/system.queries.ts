import type { FailedJobListQuery } from '@swigs/schema';
import { keepPreviousData, queryOptions, useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '../../lib/api';

/** The page's figures are fetched again every 30 s while it is open. */
const refetchInterval = 30_000;

export const systemKeys = {
  all: ['system'] as const,
  info: () => [...systemKeys.all, 'info'] as const,
  backups: () => [...systemKeys.all, 'backups'] as const,
  failedJobs: () => [...systemKeys.all, 'failed-jobs'] as const,
  failedJobList: (query: FailedJobListQuery) => [...systemKeys.failedJobs(), query] as const,
};

export const systemInfoQuery = () =>
  queryOptions({ queryKey: systemKeys.info(), queryFn: () => api.system.get(), refetchInterval });

export const backupsQuery = () =>
  queryOptions({ queryKey: systemKeys.backups(), queryFn: () => api.system.listBackups(), refetchInterval });

export const failedJobsQuery = (query: FailedJobListQuery) =>
  queryOptions({
    queryKey: systemKeys.failedJobList(query),
    queryFn: () => api.jobs.listFailed(query),
    placeholderData: keepPreviousData,
    refetchInterval,
  });

export function useCreateBackup() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () => api.system.createBackup(),
    // The list, and the last backup on the system figures.
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: systemKeys.all }),
  });
}

export function useRetryJob() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (jobId: string) => api.jobs.retry(jobId),
    // The failed list, and the queue counts.
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: systemKeys.all }),
  });
}
