import { contactFormBody, contactFormToken, contactReceived, dataOf } from '@swigs/schema';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { ContactFormService } from './contact-form.service';

const tags = ['public'];
const params = z.object({
  site: z.string().min(1).max(253).describe('The site’s slug or one of its host names'),
});
/** A contact form is small; a larger urlencoded body is refused before it is parsed. */
const formBodyLimit = 64 * 1024;

export function registerContactPublicRoutes(app: FastifyInstance, service: ContactFormService) {
  // Only these routes read HTML form posts: a site without JavaScript posts its form as it is.
  app.register(async (scope) => {
    scope.addContentTypeParser(
      'application/x-www-form-urlencoded',
      { parseAs: 'string', bodyLimit: formBodyLimit },
      (_request, body, done) => done(null, Object.fromEntries(new URLSearchParams(body as string))),
    );
    const routes = scope.withTypeProvider<ZodTypeProvider>();

    routes.get(
      '/public/sites/:site/contact/token',
      {
        config: { access: 'public' },
        schema: {
          tags,
          summary: 'A signed token for a contact form',
          description:
            'Fetch one when the form is shown (a server-rendered form embeds it in a hidden `formToken` input) and send it back with the message. Messages without a valid token, sent sooner than `minFillSeconds` after it was issued, or with the honeypot field filled in, are kept as suspected spam and not notified.',
          params,
          response: { 200: dataOf(contactFormToken) },
        },
      },
      async (request, reply) =>
        reply
          .header('cache-control', 'no-store')
          .send({ data: await service.issueToken(request.params.site) }),
    );

    routes.post(
      '/public/sites/:site/contact',
      {
        config: { access: 'public', rateLimitTier: 'strict' },
        schema: {
          tags,
          summary: 'Send a message through a site’s contact form',
          description:
            'JSON or `application/x-www-form-urlencoded`: `name`, `email`, `message`, optional `phone` and `subject`, plus `formToken` (from `GET .../contact/token`) and the empty honeypot field `website`. The message is stored at once and the site’s team is notified by email. Rate-limited per IP address and site (429 with Retry-After).',
          params,
          body: contactFormBody,
          response: { 201: dataOf(contactReceived) },
        },
      },
      async (request, reply) => {
        await service.submit(request.params.site, request.body, {
          ip: request.ip,
          requestId: request.id,
        });
        return reply
          .code(201)
          .header('cache-control', 'no-store')
          .send({ data: { received: true as const } });
      },
    );
  });
}
