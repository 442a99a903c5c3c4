import {
  type CreateUserBody,
  dataOf,
  listOf,
  type UpdateUserBody,
  type UserListQuery,
  user,
} from '@swigs/schema';
import type { Query, Requester } from '../http';
import { ifMatch, v1 } from './shared';

export function createUsersApi(request: Requester) {
  return {
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
  };
}
