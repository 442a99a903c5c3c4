import { ApiError, createClient } from '@swigs/sdk';
import { apiBaseUrl } from './config';
import { createSession } from './session';

/**
 * The one API client of the admin and the session it authenticates with. Every screen goes
 * through `api` (typed by @swigs/sdk and @swigs/schema): a field renamed in the API contract
 * breaks the build here, not the user.
 */
export const session = createSession({
  auth: {
    login: (body) => api.auth.login(body),
    refresh: () => api.auth.refresh(),
    logout: () => api.auth.logout(),
  },
  isUnauthenticated: (error) => error instanceof ApiError && error.status === 401,
});

export const api = createClient({
  baseUrl: apiBaseUrl,
  getAccessToken: () => session.getAccessToken(),
  onUnauthorized: () => session.handleUnauthorized(),
});

export { ApiError };
