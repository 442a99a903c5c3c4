import type { IncomingHttpHeaders } from 'node:http';
import rateLimit, { normalizeIP } from '@fastify/rate-limit';
import type { FastifyInstance, FastifyRequest, RouteOptions } from 'fastify';
import fp from 'fastify-plugin';
import type { Redis } from 'ioredis';
import type { RateLimitTier } from '../config-operations';
import { AppError } from '../lib/errors';
import { createRateLimitStore, type LocalCounter, StringCache } from '../lib/rate-limit-store';

/**
 * Named limits a route opts into with `config: { rateLimitTier: 'login' | 'strict' }`, on top of
 * (instead of) the global limit every route gets:
 * - `login`: POST /auth/login (in addition to the failed-login throttle of the auth service).
 * - `strict`: routes a robot would love to hammer: password reset, the public contact form.
 * Each route counts on its own (two strict routes do not share a budget). Routes that must never be
 * limited (health checks, metrics) say `config: { rateLimit: false }`.
 */
export type RateLimitTierName = 'login' | 'strict';

declare module 'fastify' {
  interface FastifyContextConfig {
    rateLimitTier?: RateLimitTierName;
  }
  interface FastifyInstance {
    /** The global limit for requests answered before Fastify (the public fast path, see app.ts). */
    globalRateLimit: GlobalRateLimitGate;
  }
}

/**
 * The global limit as seen by a request that Fastify does not handle (a cached public read answered
 * by the fast path): the same counters, key, allow-list and headers as the plugin's hook.
 */
export interface GlobalRateLimitGate {
  /**
   * Counts one anonymous request from `ip` like the plugin's hook. Null when the request is not
   * limited (the limit is off or the address exempt: no RateLimit-* headers); the count otherwise,
   * one object reused by every call (read it at once); undefined, having counted nothing, when the
   * request would be refused or its count lives in Redis: Fastify then counts it and answers.
   */
  take(headers: IncomingHttpHeaders, ip: string): RateLimitCount | null | undefined;
}

export interface RateLimitPluginOptions {
  global: RateLimitTier;
  login: RateLimitTier;
  strict: RateLimitTier;
  /** Client addresses never limited. */
  allow: string[];
  /**
   * Requests the global limit does not count: the renderer's in-process reads of the public API
   * (the page request that caused them was counted). Tiers still count them, per visitor address.
   */
  isExemptFromGlobal?(request: { headers: IncomingHttpHeaders }): boolean;
  /** Count the global limit in Redis too (tiers always are); see lib/rate-limit-store.ts. */
  shareGlobal: boolean;
  redis?: Redis | undefined;
  /** Prefix of the Redis keys, e.g. `swigs:` (keys are `swigs:ratelimit:…`). */
  keyPrefix: string;
}

/** What the RateLimit-* headers say. */
export interface RateLimitCount {
  limit: string;
  remaining: number;
  resetSeconds: number;
}

/**
 * Who a request counts against. Anonymous requests count per client address (IPv6 per /64, as a
 * household gets one); authenticated ones per principal — a user, an API token — so that an office
 * behind one address does not share a budget. The switch is exhaustive: a new principal kind makes
 * the compiler ask for its key.
 */
export function rateLimitKey(request: FastifyRequest): string {
  const principal = request.principal;
  if (!principal) return anonymousKey(request.ip);
  switch (principal.kind) {
    case 'user':
      return `user:${principal.userId}`;
    case 'token':
      // A site's API token has its own budget, whatever address its requests come from.
      return `token:${principal.tokenId}`;
    default: {
      const unknown: never = principal;
      throw new Error(`No rate-limit key for principal ${JSON.stringify(unknown)}.`);
    }
  }
}

function anonymousKey(ip: string): string {
  // normalizeIP lower-cases IPv4 addresses (a no-op) after an IPv6 test: skipped when it cannot be IPv6.
  return `ip:${ip.includes(':') ? normalizeIP(ip) : ip}`;
}

function tierRouteConfig(tier: RateLimitTier) {
  return { max: tier.max, timeWindow: tier.windowSeconds * 1000 };
}

/** Whether a request is in the list of addresses never limited. */
type AllowList = (request: FastifyRequest) => boolean;

async function rateLimitPlugin(app: FastifyInstance, options: RateLimitPluginOptions) {
  const tiers: Record<RateLimitTierName, RateLimitTier> = { login: options.login, strict: options.strict };
  const allow = new Set(options.allow);
  const allowed: AllowList = (request) => allow.has(request.ip);
  const isExempt = options.isExemptFromGlobal;
  const allowedGlobally: AllowList = isExempt
    ? (request) => allow.has(request.ip) || isExempt(request)
    : allowed;

  // Runs before @fastify/rate-limit's own onRoute hook (registered below): turns a tier name
  // into the route-level options that plugin understands.
  app.addHook('onRoute', (route: RouteOptions) => {
    const name = route.config?.rateLimitTier;
    if (!name) return;
    const tier = tiers[name];
    if (!tier) throw new Error(`Route ${route.url}: unknown rateLimitTier "${name}".`);
    if (tier.max === 0) return;
    // A tier's own allow list: in-process requests carry the visitor's address and count as them.
    route.config = { ...route.config, rateLimit: { ...tierRouteConfig(tier), allowList: allowed } };
  });

  let lastWarning = 0;
  const store = createRateLimitStore({
    redis: options.redis,
    shareGlobal: options.shareGlobal,
    prefix: `${options.keyPrefix}ratelimit:`,
    onRedisError(error) {
      // One line a minute is enough to say the counters went local; a line per request is noise.
      if (Date.now() - lastWarning < 60_000) return;
      lastWarning = Date.now();
      app.log.warn({ err: error }, 'redis unavailable: rate limits counted in process');
    },
  });
  class SharedStore {
    incr(...args: Parameters<typeof store.incr>) {
      store.incr(...args);
    }
    child(routeOptions: Parameters<typeof store.child>[0]) {
      return store.child(routeOptions);
    }
  }

  app.decorate('globalRateLimit', globalGate(options, store.local, allow));

  await app.register(rateLimit, {
    // With the global limit off, only routes of a tier are limited.
    global: options.global.max > 0,
    ...tierRouteConfig(options.global),
    store: SharedStore,
    keyGenerator: rateLimitKey,
    allowList: allowedGlobally,
    enableDraftSpec: true,
    errorResponseBuilder: (_request, context) =>
      new AppError('RATE_LIMITED', 'Too many requests; slow down and try again later.', {
        retryAfter: Math.max(1, Math.ceil(context.ttl / 1000)),
      }),
  });
}

/** What the plugin's hook does for the global limit, synchronously, on counters kept in process. */
function globalGate(
  options: RateLimitPluginOptions,
  counter: LocalCounter | undefined,
  allow: Set<string>,
): GlobalRateLimitGate {
  const { max, windowSeconds } = options.global;
  const windowMs = windowSeconds * 1000;
  const count: RateLimitCount = { limit: String(max), remaining: 0, resetSeconds: 0 };
  const keys = new StringCache(anonymousKey);
  return {
    take(headers, ip) {
      if (max === 0 || allow.has(ip) || options.isExemptFromGlobal?.({ headers })) return null;
      const window = counter?.incrementBelow(keys.of(ip), windowMs, max);
      if (!window) return undefined;
      count.remaining = max - window.count;
      count.resetSeconds = Math.ceil((window.expiresAt - Date.now()) / 1000);
      return count;
    },
  };
}

export const rateLimits = fp(rateLimitPlugin, { name: 'rate-limits' });
