import type { AuditGlobalListQuery } from '@swigs/schema';
import { keepPreviousData, queryOptions } from '@tanstack/react-query';
import { api } from '../../lib/api';

export const journalKeys = {
  all: ['audit'] as const,
  lists: () => [...journalKeys.all, 'list'] as const,
  list: (query: AuditGlobalListQuery) => [...journalKeys.lists(), query] as const,
};

/** The audit trail of the whole installation, one page, newest first. */
export const journalQuery = (query: AuditGlobalListQuery) =>
  queryOptions({
    queryKey: journalKeys.list(query),
    queryFn: () => api.audit.list(query),
    placeholderData: keepPreviousData,
  });
