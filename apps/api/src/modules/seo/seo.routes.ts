import {
  createSeoBody,
  id,
  listOf,
  seoListQuery,
  seoRecord,
  seoResponse,
  updateSeoBody,
} from '@swigs/schema';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { versionFromIfMatch } from '../../lib/if-match';
import { principalOf } from '../../plugins/auth';
import { actorOf } from '../audit/audit-actor';
import type { SeoService } from './seo.service';

const tags = ['seo'];
const siteParams = z.object({ siteId: id });
const seoParams = z.object({ siteId: id, seoId: id });

export function registerSeoRoutes(app: FastifyInstance, service: SeoService) {
  const routes = app.withTypeProvider<ZodTypeProvider>();

  routes.get(
    '/sites/:siteId/seo',
    {
      config: { access: 'user' },
      schema: {
        tags,
        summary: 'List the SEO records of a site (default pages first)',
        params: siteParams,
        querystring: seoListQuery,
        response: { 200: listOf(seoRecord) },
      },
    },
    async (request) => service.listSeo(request.params.siteId, request.query),
  );

  routes.post(
    '/sites/:siteId/seo',
    {
      config: { access: 'user' },
      schema: {
        tags,
        summary: 'Add the SEO of a custom path or a course override (warnings: texts longer than shown)',
        params: siteParams,
        body: createSeoBody,
        response: { 201: seoResponse },
      },
    },
    async (request, reply) => {
      const created = await service.createSeo(
        actorOf(principalOf(request)),
        request.params.siteId,
        request.body,
      );
      return reply.code(201).header('etag', `"${created.data.version}"`).send(created);
    },
  );

  routes.get(
    '/sites/:siteId/seo/:seoId',
    {
      config: { access: 'user' },
      schema: { tags, summary: 'Get an SEO record', params: seoParams, response: { 200: seoResponse } },
    },
    async (request, reply) => {
      const found = await service.getSeo(request.params.siteId, request.params.seoId);
      return reply.header('etag', `"${found.data.version}"`).send(found);
    },
  );

  routes.patch(
    '/sites/:siteId/seo/:seoId',
    {
      config: { access: 'user' },
      schema: {
        tags,
        summary: 'Update an SEO record (send the version you loaded, in the body or If-Match)',
        params: seoParams,
        body: updateSeoBody,
        response: { 200: seoResponse },
      },
    },
    async (request, reply) => {
      const updated = await service.updateSeo(
        actorOf(principalOf(request)),
        request.params.siteId,
        request.params.seoId,
        request.body,
        versionFromIfMatch(request.headers['if-match']),
      );
      return reply.header('etag', `"${updated.data.version}"`).send(updated);
    },
  );

  routes.delete(
    '/sites/:siteId/seo/:seoId',
    {
      config: { access: 'user' },
      schema: {
        tags,
        summary: 'Delete the SEO of a custom path or course override (default pages stay)',
        params: seoParams,
        response: { 204: z.null() },
      },
    },
    async (request, reply) => {
      await service.deleteSeo(actorOf(principalOf(request)), request.params.siteId, request.params.seoId);
      return reply.code(204).send(null);
    },
  );
}
