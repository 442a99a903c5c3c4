import { createSiteBody, dataOf, id, listOf, site, siteListQuery, updateSiteBody } from '@swigs/schema';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { versionFromIfMatch } from '../../lib/if-match';
import { principalOf, roleOf, userPrincipalOf } from '../../plugins/auth';
import { actorOf } from '../audit/audit-actor';
import type { SitesService } from './sites.service';

const tags = ['sites'];
const params = z.object({ siteId: id });

export function registerSitesRoutes(app: FastifyInstance, service: SitesService) {
  const routes = app.withTypeProvider<ZodTypeProvider>();

  routes.get(
    '/sites',
    {
      config: { access: 'user' },
      schema: {
        tags,
        summary: 'List sites (admins: all; editors: their assigned sites)',
        querystring: siteListQuery,
        response: { 200: listOf(site) },
      },
    },
    async (request) => service.listSites(userPrincipalOf(request), request.query),
  );

  routes.post(
    '/sites',
    {
      config: { access: 'admin' },
      schema: { tags, summary: 'Create a site', body: createSiteBody, response: { 201: dataOf(site) } },
    },
    async (request, reply) =>
      reply.code(201).send({ data: await service.createSite(request.body, actorOf(principalOf(request))) }),
  );

  routes.get(
    '/sites/:siteId',
    {
      config: { access: 'user' },
      schema: { tags, summary: 'Get a site', params, response: { 200: dataOf(site) } },
    },
    async (request, reply) => {
      const found = await service.getSite(request.params.siteId);
      return reply.header('etag', `"${found.version}"`).send({ data: found });
    },
  );

  routes.patch(
    '/sites/:siteId',
    {
      config: { access: 'user' },
      schema: {
        tags,
        summary: 'Update a site (editors: not its slug, domain or aliases)',
        params,
        body: updateSiteBody,
        response: { 200: dataOf(site) },
      },
    },
    async (request, reply) => {
      const ifMatch = versionFromIfMatch(request.headers['if-match']);
      const principal = principalOf(request);
      const updated = await service.updateSite(
        roleOf(principal),
        request.params.siteId,
        request.body,
        ifMatch,
        actorOf(principal),
      );
      return reply.header('etag', `"${updated.version}"`).send({ data: updated });
    },
  );

  routes.delete(
    '/sites/:siteId',
    {
      config: { access: 'admin' },
      schema: { tags, summary: 'Delete a site and everything it holds', params, response: { 204: z.null() } },
    },
    async (request, reply) => {
      await service.deleteSite(request.params.siteId, actorOf(principalOf(request)));
      return reply.code(204).send(null);
    },
  );
}
