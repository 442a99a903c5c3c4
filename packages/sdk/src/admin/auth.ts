import {
  dataOf,
  type ForgotPasswordBody,
  type LoginBody,
  okResponse,
  type ResetPasswordBody,
  session,
  user,
} from '@swigs/schema';
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
    /** Asks for a reset email; the answer is the same whether or not the email has an account. */
    forgotPassword: async (body: ForgotPasswordBody) => {
      await request('POST', `${v1}/auth/password/forgot`, { body, schema: okResponse });
    },
    /** Sets a new password with the token from the email's link; every session of the user ends. */
    resetPassword: async (body: ResetPasswordBody) => {
      await request('POST', `${v1}/auth/password/reset`, { body, schema: okResponse });
    },
  };
}
