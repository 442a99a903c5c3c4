import {
  type CreateSiteBody,
  dataOf,
  listOf,
  type SiteListQuery,
  site,
  type UpdateSiteBody,
} from '@swigs/schema';
import type { Query, Requester } from '../http';
import { ifMatch, v1 } from './shared';

export function createSitesApi(request: Requester) {
  return {
    list: (query: SiteListQuery = {}) =>
      request('GET', `${v1}/sites`, { query: query as Query, schema: listOf(site) }),
    get: async (siteId: string) =>
      (await request('GET', `${v1}/sites/${siteId}`, { schema: dataOf(site) })).data,
    create: async (body: CreateSiteBody) =>
      (await request('POST', `${v1}/sites`, { body, schema: dataOf(site) })).data,
    update: async (siteId: string, body: UpdateSiteBody) =>
      (
        await request('PATCH', `${v1}/sites/${siteId}`, {
          body,
          schema: dataOf(site),
          headers: ifMatch(body.version),
        })
      ).data,
    delete: (siteId: string) => request('DELETE', `${v1}/sites/${siteId}`),
  };
}
