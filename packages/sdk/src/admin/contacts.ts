import {
  type ContactBulkBody,
  type ContactExportQuery,
  type ContactListQuery,
  contact,
  contactBulkResult,
  dataOf,
  listOf,
  type UpdateContactBody,
} from '@swigs/schema';
import { z } from 'zod';
import type { Query, Requester } from '../http';
import { ifMatch, v1 } from './shared';

/** A site's contact inbox. */
export function createContactsApi(request: Requester) {
  const base = (siteId: string) => `${v1}/sites/${siteId}/contacts`;
  return {
    list: (siteId: string, query: ContactListQuery = {}) =>
      request('GET', base(siteId), { query: query as Query, schema: listOf(contact) }),
    get: async (siteId: string, contactId: string) =>
      (await request('GET', `${base(siteId)}/${contactId}`, { schema: dataOf(contact) })).data,
    update: async (siteId: string, contactId: string, body: UpdateContactBody) =>
      (
        await request('PATCH', `${base(siteId)}/${contactId}`, {
          body,
          schema: dataOf(contact),
          headers: ifMatch(body.version),
        })
      ).data,
    markRead: async (siteId: string, contactId: string, read = true) =>
      (await request('PATCH', `${base(siteId)}/${contactId}`, { body: { read }, schema: dataOf(contact) }))
        .data,
    delete: (siteId: string, contactId: string) => request('DELETE', `${base(siteId)}/${contactId}`),
    /** Returns how many messages were changed. */
    bulk: async (siteId: string, body: ContactBulkBody) =>
      (await request('POST', `${base(siteId)}/bulk`, { body, schema: dataOf(contactBulkResult) })).data
        .affected,
    /** The messages matching the filter, as CSV text. */
    exportCsv: (siteId: string, query: ContactExportQuery = {}) =>
      request('GET', `${base(siteId)}/export`, {
        query: query as Query,
        schema: z.string(),
        responseType: 'text',
      }),
  };
}
