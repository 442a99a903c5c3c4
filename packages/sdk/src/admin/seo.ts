import {
  type CreateSeoBody,
  listOf,
  type SeoListQuery,
  seoRecord,
  seoResponse,
  type UpdateSeoBody,
} from '@swigs/schema';
import type { Query, Requester } from '../http';
import { ifMatch, v1 } from './shared';

/** SEO records. Single-record calls return `{ data, warnings }`: lengths past what search engines show. */
export function createSeoApi(request: Requester) {
  const base = (siteId: string) => `${v1}/sites/${siteId}/seo`;
  return {
    list: (siteId: string, query: SeoListQuery = {}) =>
      request('GET', base(siteId), { query: query as Query, schema: listOf(seoRecord) }),
    get: (siteId: string, seoId: string) =>
      request('GET', `${base(siteId)}/${seoId}`, { schema: seoResponse }),
    create: (siteId: string, body: CreateSeoBody) =>
      request('POST', base(siteId), { body, schema: seoResponse }),
    update: (siteId: string, seoId: string, body: UpdateSeoBody) =>
      request('PATCH', `${base(siteId)}/${seoId}`, {
        body,
        schema: seoResponse,
        headers: ifMatch(body.version),
      }),
    delete: (siteId: string, seoId: string) => request('DELETE', `${base(siteId)}/${seoId}`),
  };
}
