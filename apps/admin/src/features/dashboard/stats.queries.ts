import { queryOptions } from '@tanstack/react-query';
import { api } from '../../lib/api';

export const statsKeys = {
  all: ['stats'] as const,
  site: (siteId: string) => [...statsKeys.all, siteId] as const,
};

export const siteStatsQuery = (siteId: string) =>
  queryOptions({ queryKey: statsKeys.site(siteId), queryFn: () => api.stats.get(siteId) });
