import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';

export interface ReadinessChecks {
  /** True once SIGTERM arrived: the instance still serves but asks to be taken out of rotation. */
  isDraining(): boolean;
  database(): Promise<void>;
  /** Undefined when no Redis is configured. */
  cache?: () => Promise<void>;
}

const checkState = z.enum(['up', 'down', 'disabled']);
const readiness = z.object({
  status: z.enum(['ready', 'unavailable', 'draining']),
  checks: z.object({ database: checkState, cache: checkState }),
});

async function probe(check: (() => Promise<void>) | undefined): Promise<z.infer<typeof checkState>> {
  if (!check) return 'disabled';
  try {
    await check();
    return 'up';
  } catch {
    return 'down';
  }
}

/**
 * `/healthz`: the process is alive. `/readyz`: it can serve — the database answers and it is not
 * shutting down (while draining it answers 503 `draining` but keeps serving). Redis is
 * reported but does not make the instance unready: without it the API serves from the database,
 * and taking every instance out of the load balancer because the cache is down would be worse.
 */
export function registerHealthRoutes(app: FastifyInstance, checks: ReadinessChecks) {
  const routes = app.withTypeProvider<ZodTypeProvider>();
  routes.get(
    '/healthz',
    {
      config: { rateLimit: false },
      schema: { hide: true, response: { 200: z.object({ status: z.literal('ok') }) } },
    },
    async (_request, reply) => reply.header('cache-control', 'no-store').send({ status: 'ok' as const }),
  );
  routes.get(
    '/readyz',
    { config: { rateLimit: false }, schema: { hide: true, response: { 200: readiness, 503: readiness } } },
    async (_request, reply) => {
      const [database, cache] = await Promise.all([probe(checks.database), probe(checks.cache)]);
      const draining = checks.isDraining();
      const ready = database === 'up' && !draining;
      const status = draining ? ('draining' as const) : ready ? ('ready' as const) : ('unavailable' as const);
      return reply
        .code(ready ? 200 : 503)
        .header('cache-control', 'no-store')
        .send({ status, checks: { database, cache } });
    },
  );
}
