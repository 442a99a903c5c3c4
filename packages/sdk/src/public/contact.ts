import { type ContactFormBody, contactFormToken, contactReceived, dataOf } from '@swigs/schema';
import type { Requester } from '../http';

const base = (site: string) => `/api/v1/public/sites/${encodeURIComponent(site)}`;

/** Path of a site's public contact endpoint: where a browser form may post, as JSON or as a plain form. */
export function contactPath(site: string): string {
  return `${base(site)}/contact`;
}

/**
 * The contact form of a site, for visitors (no login). Render a form with the token of
 * `contactToken()` in a hidden `formToken` field and an empty, hidden honeypot field; the API
 * treats a message sent sooner than `minFillSeconds` after the token, or with the honeypot
 * filled, as suspected spam (stored, never notified).
 */
export function createPublicContactApi(request: Requester) {
  return {
    contactToken: async (site: string) =>
      (await request('GET', `${contactPath(site)}/token`, { schema: dataOf(contactFormToken) })).data,
    contact: async (site: string, body: ContactFormBody) =>
      (await request('POST', contactPath(site), { body, schema: dataOf(contactReceived) })).data,
  };
}
