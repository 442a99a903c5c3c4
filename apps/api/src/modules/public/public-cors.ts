import type { FastifyInstance, FastifyReply, FastifyRequest, onRequestHookHandler } from 'fastify';
import type { PublicService } from './public.service';

/**
 * CORS of the public API (`/api/v1/public/sites/:site/...`, reads and the contact form): a page on
 * one of the site's own host names may call it from a browser. Origins configured in CORS_ORIGINS
 * are already answered by @fastify/cors; everything else gets no CORS headers (the browser then
 * refuses to hand the answer to the page). Requests without Origin (servers, curl) pass untouched.
 */

const publicPrefix = '/api/v1/public/sites/:site';
const exposedHeaders = 'ETag, X-Content-Version';

function siteOf(request: FastifyRequest): string | undefined {
  return (request.params as { site?: string } | undefined)?.site;
}

async function allowOrigin(service: PublicService, request: FastifyRequest, reply: FastifyReply) {
  const origin = request.headers.origin;
  const site = siteOf(request);
  if (!origin || !site || reply.hasHeader('access-control-allow-origin')) return false;
  if (!(await service.allowsOrigin(site, origin))) return false;
  reply.header('access-control-allow-origin', origin).header('access-control-expose-headers', exposedHeaders);
  return true;
}

export function createPublicCorsHook(service: PublicService): onRequestHookHandler {
  // Callback style with an early exit: most requests (servers, same-origin pages) carry no Origin,
  // and this runs on every request of the API.
  return (request, reply, done) => {
    if (!request.routeOptions.url?.startsWith(publicPrefix)) return done();
    // Answers differ by Origin (with or without CORS headers): caches must keep them apart.
    reply.header('vary', 'Origin');
    if (!request.headers.origin) return done();
    allowOrigin(service, request, reply).then(() => done(), done);
  };
}

/** Preflight requests (a page sending If-None-Match or a JSON body) for the site's own domains. */
export function registerPublicPreflight(app: FastifyInstance, service: PublicService) {
  app.options(
    '/public/sites/:site/*',
    { config: { access: 'public' }, logLevel: 'warn', schema: { hide: true } },
    async (request, reply) => {
      if (reply.hasHeader('access-control-allow-origin') || (await allowOrigin(service, request, reply))) {
        const requested = request.headers['access-control-request-headers'];
        reply
          .header('access-control-allow-methods', 'GET, HEAD, POST')
          .header('access-control-allow-headers', typeof requested === 'string' ? requested : 'content-type')
          .header('access-control-max-age', '600');
      }
      return reply.code(204).send();
    },
  );
}
