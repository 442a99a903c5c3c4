import {
  type CreateSiteBody,
  type CreateUserBody,
  dataOf,
  type LoginBody,
  listOf,
  type SiteListQuery,
  session,
  site,
  type UpdateSiteBody,
  type UpdateUserBody,
  type UserListQuery,
  user,
} from '@swigs/schema';
import type { Query, Requester } from './http';

const v1 = '/api/v1';

function ifMatch(version: number | undefined): Record<string, string> {
  return version === undefined ? {} : { 'if-match': `"${version}"` };
}

/** The authenticated back-office API: what the admin panel and integrations use. */
export function createAdminApi(request: Requester) {
  return {
    auth: {
      login: async (body: LoginBody) =>
        (await request('POST', `${v1}/auth/login`, { body, schema: dataOf(session) })).data,
      refresh: async () => (await request('POST', `${v1}/auth/refresh`, { schema: dataOf(session) })).data,
      logout: () => request('POST', `${v1}/auth/logout`),
      me: async () => (await request('GET', `${v1}/auth/me`, { schema: dataOf(user) })).data,
    },
    users: {
      list: (query: UserListQuery = {}) =>
        request('GET', `${v1}/users`, { query: query as Query, schema: listOf(user) }),
      get: async (userId: string) =>
        (await request('GET', `${v1}/users/${userId}`, { schema: dataOf(user) })).data,
      create: async (body: CreateUserBody) =>
        (await request('POST', `${v1}/users`, { body, schema: dataOf(user) })).data,
      update: async (userId: string, body: UpdateUserBody) =>
        (
          await request('PATCH', `${v1}/users/${userId}`, {
            body,
            schema: dataOf(user),
            headers: ifMatch(body.version),
          })
        ).data,
      delete: (userId: string) => request('DELETE', `${v1}/users/${userId}`),
    },
    sites: {
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
    },
  };
}

export type AdminApi = ReturnType<typeof createAdminApi>;
