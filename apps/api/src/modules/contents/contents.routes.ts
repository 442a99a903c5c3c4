import { content, contentKey, contentListQuery, dataOf, id, listOf, upsertContentBody } from '@swigs/schema';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { versionFromIfMatch } from '../../lib/if-match';
import { principalOf } from '../../plugins/auth';
import { actorOf } from '../audit/audit-actor';
import type { ContentsService } from './contents.service';

const tags = ['contents'];
const siteParams = z.object({ siteId: id });
const contentParams = z.object({ siteId: id, key: contentKey });

export function registerContentsRoutes(app: FastifyInstance, service: ContentsService) {
  const routes = app.withTypeProvider<ZodTypeProvider>();

  routes.get(
    '/sites/:siteId/contents',
    {
      config: { access: 'user' },
      schema: {
        tags,
        summary: 'List the content blocks of a site (by key)',
        params: siteParams,
        querystring: contentListQuery,
        response: { 200: listOf(content) },
      },
    },
    async (request) => service.listContents(request.params.siteId, request.query),
  );

  routes.get(
    '/sites/:siteId/contents/:key',
    {
      config: { access: 'user' },
      schema: {
        tags,
        summary: 'Get a content block',
        params: contentParams,
        response: { 200: dataOf(content) },
      },
    },
    async (request, reply) => {
      const found = await service.getContent(request.params.siteId, request.params.key);
      return reply.header('etag', `"${found.version}"`).send({ data: found });
    },
  );

  routes.put(
    '/sites/:siteId/contents/:key',
    {
      config: { access: 'user' },
      schema: {
        tags,
        summary: 'Create or replace a content block (with a version: only if still current)',
        params: contentParams,
        body: upsertContentBody,
        response: { 200: dataOf(content), 201: dataOf(content) },
      },
    },
    async (request, reply) => {
      const { content: saved, created } = await service.putContent(
        actorOf(principalOf(request)),
        request.params.siteId,
        request.params.key,
        request.body,
        versionFromIfMatch(request.headers['if-match']),
      );
      return reply
        .code(created ? 201 : 200)
        .header('etag', `"${saved.version}"`)
        .send({ data: saved });
    },
  );

  routes.delete(
    '/sites/:siteId/contents/:key',
    {
      config: { access: 'user' },
      schema: { tags, summary: 'Delete a content block', params: contentParams, response: { 204: z.null() } },
    },
    async (request, reply) => {
      await service.deleteContent(actorOf(principalOf(request)), request.params.siteId, request.params.key);
      return reply.code(204).send(null);
    },
  );
}
