import {
  contact,
  contactBulkBody,
  contactBulkResult,
  contactExportQuery,
  contactListQuery,
  dataOf,
  id,
  listOf,
  updateContactBody,
} from '@swigs/schema';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { versionFromIfMatch } from '../../lib/if-match';
import type { ContactsService } from './contacts.service';

const tags = ['contacts'];
const siteParams = z.object({ siteId: id });
const contactParams = z.object({ siteId: id, contactId: id });

export function registerContactsRoutes(app: FastifyInstance, service: ContactsService) {
  const routes = app.withTypeProvider<ZodTypeProvider>();

  routes.get(
    '/sites/:siteId/contacts',
    {
      config: { access: 'user' },
      schema: {
        tags,
        summary: 'The inbox: unread first, then newest; search, read/unread filter, spam folder',
        params: siteParams,
        querystring: contactListQuery,
        response: { 200: listOf(contact) },
      },
    },
    async (request) => service.listContacts(request.params.siteId, request.query),
  );

  routes.get(
    '/sites/:siteId/contacts/export',
    {
      config: { access: 'user' },
      schema: {
        tags,
        summary: 'Export the messages matching the filter as CSV',
        params: siteParams,
        querystring: contactExportQuery,
        response: { 200: z.string().describe('text/csv') },
      },
    },
    async (request, reply) => {
      const csv = await service.exportCsv(request.params.siteId, request.query);
      const day = new Date().toISOString().slice(0, 10);
      return reply
        .type('text/csv; charset=utf-8')
        .header('content-disposition', `attachment; filename="messages-${day}.csv"`)
        .header('cache-control', 'no-store')
        .send(csv);
    },
  );

  routes.post(
    '/sites/:siteId/contacts/bulk',
    {
      config: { access: 'user' },
      schema: {
        tags,
        summary: 'Mark many messages read, unread, spam or not spam, or delete them',
        params: siteParams,
        body: contactBulkBody,
        response: { 200: dataOf(contactBulkResult) },
      },
    },
    async (request) => ({ data: { affected: await service.bulk(request.params.siteId, request.body) } }),
  );

  routes.get(
    '/sites/:siteId/contacts/:contactId',
    {
      config: { access: 'user' },
      schema: { tags, summary: 'Read a message', params: contactParams, response: { 200: dataOf(contact) } },
    },
    async (request, reply) => {
      const found = await service.getContact(request.params.siteId, request.params.contactId);
      return reply.header('etag', `"${found.version}"`).send({ data: found });
    },
  );

  routes.patch(
    '/sites/:siteId/contacts/:contactId',
    {
      config: { access: 'user' },
      schema: {
        tags,
        summary: 'Mark a message read or unread, spam or not spam',
        params: contactParams,
        body: updateContactBody,
        response: { 200: dataOf(contact) },
      },
    },
    async (request, reply) => {
      const updated = await service.updateContact(
        request.params.siteId,
        request.params.contactId,
        request.body,
        versionFromIfMatch(request.headers['if-match']),
      );
      return reply.header('etag', `"${updated.version}"`).send({ data: updated });
    },
  );

  routes.delete(
    '/sites/:siteId/contacts/:contactId',
    {
      config: { access: 'user' },
      schema: { tags, summary: 'Delete a message', params: contactParams, response: { 204: z.null() } },
    },
    async (request, reply) => {
      await service.deleteContact(request.params.siteId, request.params.contactId);
      return reply.code(204).send(null);
    },
  );
}
