import { apiToken, createApiTokenBody, createdApiToken, dataOf, id, listOf } from '@swigs/schema';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { userPrincipalOf } from '../../plugins/auth';
import { actorOf } from '../audit/audit-actor';
import type { TokensService } from './tokens.service';

const tags = ['tokens'];
const siteParams = z.object({ siteId: id });

/** Token management is for people: an API token can neither see nor mint nor revoke tokens. */
export function registerTokensRoutes(app: FastifyInstance, service: TokensService) {
  const routes = app.withTypeProvider<ZodTypeProvider>();

  routes.get(
    '/sites/:siteId/tokens',
    {
      config: { access: 'user', tokens: false },
      schema: {
        tags,
        summary: 'List the API tokens of a site (never their secrets)',
        params: siteParams,
        response: { 200: listOf(apiToken) },
      },
    },
    async (request) => service.listTokens(request.params.siteId),
  );

  routes.post(
    '/sites/:siteId/tokens',
    {
      config: { access: 'user', tokens: false },
      schema: {
        tags,
        summary: 'Create an API token for this site; the secret is shown in this answer only',
        params: siteParams,
        body: createApiTokenBody,
        response: { 201: dataOf(createdApiToken) },
      },
    },
    async (request, reply) => {
      const created = await service.createToken(
        actorOf(userPrincipalOf(request)),
        request.params.siteId,
        request.body,
      );
      return reply.code(201).header('cache-control', 'no-store').send({ data: created });
    },
  );

  routes.delete(
    '/sites/:siteId/tokens/:tokenId',
    {
      config: { access: 'user', tokens: false },
      schema: {
        tags,
        summary: 'Revoke an API token (at once, on every instance)',
        params: z.object({ siteId: id, tokenId: id }),
        response: { 200: dataOf(apiToken) },
      },
    },
    async (request) => ({
      data: await service.revokeToken(
        actorOf(userPrincipalOf(request)),
        request.params.siteId,
        request.params.tokenId,
      ),
    }),
  );
}
