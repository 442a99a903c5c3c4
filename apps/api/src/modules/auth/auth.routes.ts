import { dataOf, loginBody, session, user } from '@swigs/schema';
import type { FastifyInstance, FastifyReply } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AccessTokenSigner } from '../../lib/tokens';
import { bearerToken, userPrincipalOf } from '../../plugins/auth';
import type { AuthService, IssuedSession } from './auth.service';

const tags = ['auth'];
export const refreshCookieName = 'swigs_refresh';
/** The cookie goes to /api/v1/auth/* and its /api/auth/* alias, and nowhere else. */
const refreshCookiePath = '/api';

export interface AuthRoutesOptions {
  secureCookies: boolean;
  signer: AccessTokenSigner;
}

export function registerAuthRoutes(app: FastifyInstance, service: AuthService, options: AuthRoutesOptions) {
  const routes = app.withTypeProvider<ZodTypeProvider>();

  function sendSession(reply: FastifyReply, issued: IssuedSession) {
    reply.setCookie(refreshCookieName, issued.refreshToken, {
      httpOnly: true,
      secure: options.secureCookies,
      sameSite: 'strict',
      path: refreshCookiePath,
      expires: issued.refreshExpiresAt,
    });
    reply.header('cache-control', 'no-store');
    return reply.send({
      data: { accessToken: issued.accessToken, expiresIn: issued.expiresIn, user: issued.user },
    });
  }

  routes.post(
    '/auth/login',
    {
      config: { access: 'public', rateLimitTier: 'login' },
      schema: {
        tags,
        summary: 'Log in with email and password',
        description:
          'Returns a short-lived access token and sets a rotating refresh token in an httpOnly cookie.',
        body: loginBody,
        response: { 200: dataOf(session) },
      },
    },
    async (request, reply) => {
      const issued = await service.login(request.body, {
        ip: request.ip,
        userAgent: request.headers['user-agent'],
      });
      return sendSession(reply, issued);
    },
  );

  routes.post(
    '/auth/refresh',
    {
      config: { access: 'public' },
      schema: {
        tags,
        summary: 'Exchange the refresh cookie for a new access token',
        response: { 200: dataOf(session) },
      },
    },
    async (request, reply) => sendSession(reply, await service.refresh(request.cookies[refreshCookieName])),
  );

  routes.post(
    '/auth/logout',
    {
      config: { access: 'public' },
      schema: { tags, summary: 'End the current session', response: { 204: z.null() } },
    },
    async (request, reply) => {
      const bearer = bearerToken(request);
      const sessionId = bearer
        ? await options.signer.verify(bearer).then(
            (c) => c.sid,
            () => undefined,
          )
        : undefined;
      await service.logout(request.cookies[refreshCookieName], sessionId);
      reply.clearCookie(refreshCookieName, { path: refreshCookiePath });
      return reply.code(204).send(null);
    },
  );

  routes.get(
    '/auth/me',
    {
      config: { access: 'user' },
      schema: { tags, summary: 'The logged-in user', response: { 200: dataOf(user) } },
    },
    async (request) => ({ data: await service.me(userPrincipalOf(request).userId) }),
  );
}
