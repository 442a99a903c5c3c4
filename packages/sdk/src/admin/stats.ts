import { dataOf, siteStats } from '@swigs/schema';
import type { Requester } from '../http';
import { v1 } from './shared';

export function createStatsApi(request: Requester) {
  return {
    /** The dashboard of a site: courses by status, unread contacts, media, last changes. */
    get: async (siteId: string) =>
      (await request('GET', `${v1}/sites/${siteId}/stats`, { schema: dataOf(siteStats) })).data,
  };
}
