import { forgotPasswordBody, okResponse, resetPasswordBody } from '@swigs/schema';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { MailLocale } from '../../mail/layout';
import type { PasswordResetService } from './password-reset.service';

const tags = ['auth'];

/** English when the browser prefers English, French otherwise (the product's first language). */
export function localeFromAcceptLanguage(header: string | undefined): MailLocale {
  const first = header?.split(',')[0]?.trim().toLowerCase() ?? '';
  return first.startsWith('en') ? 'en' : 'fr';
}

export function registerPasswordResetRoutes(app: FastifyInstance, service: PasswordResetService) {
  const routes = app.withTypeProvider<ZodTypeProvider>();

  routes.post(
    '/auth/password/forgot',
    {
      config: { access: 'public', rateLimitTier: 'strict' },
      schema: {
        tags,
        summary: 'Ask for a password-reset email',
        description:
          'Answers 202 whether or not an account has this email. When one does (and is active), an email with a single-use link valid for a limited time is sent. Throttled per email and per IP address (429).',
        body: forgotPasswordBody,
        response: { 202: okResponse },
      },
    },
    async (request, reply) => {
      await service.requestReset(request.body.email, {
        ip: request.ip,
        locale: localeFromAcceptLanguage(request.headers['accept-language']),
        requestId: request.id,
      });
      return reply.code(202).send({ data: { ok: true as const } });
    },
  );

  routes.post(
    '/auth/password/reset',
    {
      config: { access: 'public', rateLimitTier: 'strict' },
      schema: {
        tags,
        summary: 'Set a new password with the token from the reset email',
        description: 'The token works once. Every session of the user ends; log in with the new password.',
        body: resetPasswordBody,
        response: { 200: okResponse },
      },
    },
    async (request) => {
      await service.resetPassword(request.body);
      return { data: { ok: true as const } };
    },
  );
}
