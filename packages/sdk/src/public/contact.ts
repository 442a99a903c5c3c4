import { type ContactFormBody, contactFormToken, contactReceived, dataOf } from '@swigs/schema';
import type { Requester } from '../http';

/**
 * A site's public contact form (no login): fetch a form token when the form is shown, send the
 * message with it. `site` is the site's slug or one of its host names.
 */
export function createPublicContactApi(request: Requester) {
  const base = (site: string) => `/api/v1/public/sites/${encodeURIComponent(site)}/contact`;
  return {
    formToken: async (site: string) =>
      (await request('GET', `${base(site)}/token`, { schema: dataOf(contactFormToken) })).data,
    send: async (site: string, body: ContactFormBody) =>
      (await request('POST', base(site), { body, schema: dataOf(contactReceived) })).data,
  };
}
