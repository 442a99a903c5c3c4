import { type ContentListQuery, content, dataOf, listOf, type UpsertContentBody } from '@swigs/schema';
import type { Query, Requester } from '../http';
import { ifMatch, v1 } from './shared';

export function createContentsApi(request: Requester) {
  const base = (siteId: string) => `${v1}/sites/${siteId}/contents`;
  const one = (siteId: string, key: string) => `${base(siteId)}/${encodeURIComponent(key)}`;
  return {
    list: (siteId: string, query: ContentListQuery = {}) =>
      request('GET', base(siteId), { query: query as Query, schema: listOf(content) }),
    get: async (siteId: string, key: string) =>
      (await request('GET', one(siteId, key), { schema: dataOf(content) })).data,
    /** Creates the block or replaces it; pass the `version` you loaded to refuse a stale edit (409). */
    put: async (siteId: string, key: string, body: UpsertContentBody) =>
      (
        await request('PUT', one(siteId, key), {
          body,
          schema: dataOf(content),
          headers: ifMatch(body.version),
        })
      ).data,
    delete: (siteId: string, key: string) => request('DELETE', one(siteId, key)),
  };
}
