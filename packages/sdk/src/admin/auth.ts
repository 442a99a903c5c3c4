import { dataOf, type LoginBody, session, user } from '@swigs/schema';
import type { Requester } from '../http';
import { v1 } from './shared';

export function createAuthApi(request: Requester) {
  return {
    login: async (body: LoginBody) =>
      (await request('POST', `${v1}/auth/login`, { body, schema: dataOf(session) })).data,
    /** Uses the httpOnly refresh cookie (browsers send it automatically). */
    refresh: async () => (await request('POST', `${v1}/auth/refresh`, { schema: dataOf(session) })).data,
    logout: () => request('POST', `${v1}/auth/logout`),
    me: async () => (await request('GET', `${v1}/auth/me`, { schema: dataOf(user) })).data,
  };
}
