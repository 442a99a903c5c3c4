import { type AdminApi, createAdminApi } from './admin';
import { type ClientOptions, createRequester } from './http';

export type { AdminApi } from './admin';
export { ApiError, type ClientOptions, type Page } from './http';

/**
 * A typed SWIGS CMS client. Every call's input and output types come from `@swigs/schema`, and
 * responses are validated against the same schemas unless `validateResponses: false`.
 *
 * ```ts
 * const api = createClient({ baseUrl: 'https://cms.example.ch', getAccessToken: () => token });
 * const { data: sites } = await api.sites.list();
 * ```
 */
export function createClient(options: ClientOptions): AdminApi {
  return createAdminApi(createRequester(options));
}
