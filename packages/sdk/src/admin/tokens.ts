import { apiToken, type CreateApiTokenBody, createdApiToken, dataOf, listOf } from '@swigs/schema';
import type { Requester } from '../http';
import { v1 } from './shared';

/** Per-site API tokens. The secret is in the answer to `create` only: show it once, then forget it. */
export function createTokensApi(request: Requester) {
  const base = (siteId: string) => `${v1}/sites/${siteId}/tokens`;
  return {
    list: (siteId: string) => request('GET', base(siteId), { schema: listOf(apiToken) }),
    create: async (siteId: string, body: CreateApiTokenBody) =>
      (await request('POST', base(siteId), { body, schema: dataOf(createdApiToken) })).data,
    revoke: async (siteId: string, tokenId: string) =>
      (await request('DELETE', `${base(siteId)}/${tokenId}`, { schema: dataOf(apiToken) })).data,
  };
}
