import { createUserBody, dataOf, id, listOf, updateUserBody, user, userListQuery } from '@swigs/schema';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { versionFromIfMatch } from '../../lib/if-match';
import { principalOf, userPrincipalOf } from '../../plugins/auth';
import { actorOf } from '../audit/audit-actor';
import type { UsersService } from './users.service';

const tags = ['users'];
const params = z.object({ userId: id });

export function registerUsersRoutes(app: FastifyInstance, service: UsersService) {
  const routes = app.withTypeProvider<ZodTypeProvider>();

  routes.get(
    '/users',
    {
      config: { access: 'admin' },
      schema: { tags, summary: 'List users', querystring: userListQuery, response: { 200: listOf(user) } },
    },
    async (request) => service.listUsers(request.query),
  );

  routes.post(
    '/users',
    {
      config: { access: 'admin' },
      schema: { tags, summary: 'Create a user', body: createUserBody, response: { 201: dataOf(user) } },
    },
    async (request, reply) =>
      reply.code(201).send({ data: await service.createUser(request.body, actorOf(principalOf(request))) }),
  );

  routes.get(
    '/users/:userId',
    {
      config: { access: 'user' },
      schema: {
        tags,
        summary: 'Get a user (admins: anyone; others: themselves)',
        params,
        response: { 200: dataOf(user) },
      },
    },
    async (request) => ({ data: await service.getUser(request.params.userId) }),
  );

  routes.patch(
    '/users/:userId',
    {
      config: { access: 'user' },
      schema: {
        tags,
        summary: 'Update a user (others than admins: own name, email and password only)',
        params,
        body: updateUserBody,
        response: { 200: dataOf(user) },
      },
    },
    async (request) => {
      const principal = userPrincipalOf(request);
      const ifMatch = versionFromIfMatch(request.headers['if-match']);
      const updated = await service.updateUser(
        principal,
        request.params.userId,
        request.body,
        ifMatch,
        actorOf(principal),
      );
      return { data: updated };
    },
  );

  routes.delete(
    '/users/:userId',
    {
      config: { access: 'admin' },
      schema: { tags, summary: 'Delete a user', params, response: { 204: z.null() } },
    },
    async (request, reply) => {
      await service.deleteUser(request.params.userId, actorOf(principalOf(request)));
      return reply.code(204).send(null);
    },
  );
}
