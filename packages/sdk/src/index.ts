import { type AdminApi, createAdminApi } from './admin';
import { type ClientOptions, createRequester } from './http';
import { createPublicApi, type PublicApi } from './public';
import { createPublicContactApi } from './public/contact';

export type { AdminApi } from './admin';
export { ApiError, type ClientOptions, type Page } from './http';
export type { PublicApi } from './public';

/** The public client: the read API, and `contact` for a site's contact form. */
export type PublicClient = PublicApi & { contact: ReturnType<typeof createPublicContactApi> };

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

/**
 * A client of the public read API (no login), for public sites and external front ends.
 *
 * ```ts
 * const site = createPublicClient({ baseUrl: 'https://cms.example.ch' });
 * const courses = await site.courses('ecole-du-lac');
 * ```
 */
export function createPublicClient(
  options: Omit<ClientOptions, 'getAccessToken' | 'onUnauthorized'>,
): PublicClient {
  const request = createRequester(options);
  return { ...createPublicApi(request), contact: createPublicContactApi(request) };
}
