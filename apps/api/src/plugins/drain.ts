import type { FastifyInstance } from 'fastify';
import fp from 'fastify-plugin';
import { AppError } from '../lib/errors';
import type { Lifecycle } from '../lib/lifecycle';

/** Answered normally while draining: liveness, and readiness (which reports the drain itself). */
const probes = new Set(['/healthz', '/readyz']);

/**
 * How a draining instance (SIGTERM received, listener still open) steers traffic away:
 * - every answer carries `Connection: close`, so no keep-alive connection outlives the drain;
 * - new GET/HEAD requests get 503 `SERVICE_UNAVAILABLE` with `Retry-After: 1`. nginx retries those
 *   on another instance (the client never sees them) and, with open-source nginx's passive health
 *   checks, counts the failure: the instance is skipped for `fail_timeout`, so no request of any
 *   kind reaches it when its listener closes. Writes (POST, PATCH, DELETE) are still served: nginx
 *   never replays them, a 503 would be a failure for the user.
 * Load balancers that poll /readyz (503 `draining`) stop sending without needing the 503s.
 */
async function drainPlugin(app: FastifyInstance, options: { lifecycle: Lifecycle }) {
  const { lifecycle } = options;
  // Callback style: these run on every request, and a promise each is measurable on cached reads.
  app.addHook('onRequest', (request, _reply, done) => {
    if (
      !lifecycle.isDraining() ||
      (request.method !== 'GET' && request.method !== 'HEAD') ||
      probes.has(request.url.split('?')[0] ?? '')
    ) {
      done();
      return;
    }
    done(
      new AppError(
        'SERVICE_UNAVAILABLE',
        'This instance is shutting down; retry and another one will answer.',
        {
          retryAfter: 1,
        },
      ),
    );
  });
  app.addHook('onSend', (_request, reply, payload, done) => {
    if (lifecycle.isDraining()) reply.header('connection', 'close');
    done(null, payload);
  });
}

export const drain = fp(drainPlugin, { name: 'drain' });
