import { timingSafeEqual } from 'node:crypto';
import { isIP } from 'node:net';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import fp from 'fastify-plugin';
import type { Histogram, LabelValues } from 'prom-client';
import type { DatabaseHandle } from '../db/client';
import { AppError } from '../lib/errors';
import { createHistogramTally, type HistogramTally, type Metrics } from '../lib/metrics';
import { bearerToken } from './auth';

export interface MetricsPluginOptions {
  metrics: Metrics;
  database: DatabaseHandle;
  version: string;
  /** Serve GET /metrics (the HTTP histogram is recorded either way). */
  expose: boolean;
  /** When set, /metrics also answers to `Authorization: Bearer <token>` from any address. */
  token: string | undefined;
}

/** Seconds; spans a cached read (sub-millisecond) to a slow upload. */
const latencyBuckets = [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10];

type DurationLabel = 'method' | 'route' | 'status_code';

/** Series of the HTTP latency histogram kept as tallies, by histogram (one per app). */
const durationTallies = new WeakMap<object, HistogramTally[]>();

/** The HTTP latency histogram (the request hook below records every answer Fastify sends). */
export function httpDuration(metrics: Metrics): Histogram<DurationLabel> {
  return metrics.histogram({
    name: 'http_request_duration_seconds',
    help: 'Time to answer an HTTP request, by method, route pattern and status',
    labelNames: ['method', 'route', 'status_code'] as const,
    buckets: latencyBuckets,
    collect() {
      for (const tally of durationTallies.get(this) ?? []) tally.flush();
    },
  });
}

/**
 * One series of the HTTP latency histogram for answers Fastify never sees (the public fast path),
 * as a tally: an observation costs a few additions, added to the histogram when it is read.
 */
export function httpDurationSeries(metrics: Metrics, labels: LabelValues<DurationLabel>): HistogramTally {
  const histogram = httpDuration(metrics);
  const tally = createHistogramTally(histogram, labels);
  durationTallies.set(histogram, [...(durationTallies.get(histogram) ?? []), tally]);
  return tally;
}

function isLoopback(address: string): boolean {
  if (isIP(address) === 4) return address.startsWith('127.');
  return address === '::1' || address.startsWith('::ffff:127.');
}

function sameSecret(given: string, expected: string): boolean {
  const a = Buffer.from(given);
  const b = Buffer.from(expected);
  return a.length === b.length && timingSafeEqual(a, b);
}

/**
 * /metrics reveals traffic and internals, so it answers only to the same machine (a Prometheus
 * agent beside the instance) or to a scraper presenting METRICS_TOKEN. `request.ip` is the client's
 * address after TRUST_PROXY, so a request relayed by nginx from the internet is not loopback —
 * and the nginx configuration in deploy/ refuses /metrics from outside anyway.
 */
function mayReadMetrics(request: FastifyRequest, token: string | undefined): boolean {
  const given = bearerToken(request);
  if (token && given) return sameSecret(given, token);
  return isLoopback(request.ip);
}

function registerDatabaseMetrics(metrics: Metrics, database: DatabaseHandle) {
  const pool = database.pool;
  if (!pool) return; // PGlite: one in-process connection, no pool to report.
  metrics.gauge({
    name: 'db_pool_connections',
    help: 'PostgreSQL pool connections of this instance, by state',
    labelNames: ['state'] as const,
    collect() {
      this.set({ state: 'total' }, pool.totalCount);
      this.set({ state: 'idle' }, pool.idleCount);
      this.set({ state: 'waiting' }, pool.waitingCount);
    },
  });
  metrics
    .gauge({ name: 'db_pool_max', help: 'Largest PostgreSQL pool size of this instance' })
    .set(pool.options.max ?? 10);
}

/**
 * Prometheus metrics: request latency by route pattern (never the raw URL, whose ids would make
 * one series per record), process metrics, the database pool, and whatever modules register
 * through the shared registry.
 */
async function metricsPlugin(app: FastifyInstance, options: MetricsPluginOptions) {
  const { metrics } = options;
  metrics
    .gauge({
      name: 'build_info',
      help: 'Always 1; the labels say what runs',
      labelNames: ['version', 'node_version', 'database_driver'] as const,
    })
    .set(
      { version: options.version, node_version: process.version, database_driver: options.database.driver },
      1,
    );
  registerDatabaseMetrics(metrics, options.database);

  const duration = httpDuration(metrics);
  // Callback style: no promise per request.
  app.addHook('onResponse', (request, reply, done) => {
    duration.observe(
      {
        method: request.method,
        route: request.routeOptions.url ?? 'unmatched',
        status_code: String(reply.statusCode),
      },
      reply.elapsedTime / 1000,
    );
    done();
  });

  if (!options.expose) return;
  app.get('/metrics', { config: { rateLimit: false }, schema: { hide: true } }, async (request, reply) => {
    if (!mayReadMetrics(request, options.token)) {
      throw new AppError(
        'FORBIDDEN',
        'Metrics are served to this machine or to a scraper with METRICS_TOKEN.',
      );
    }
    const body = await metrics.registry.metrics();
    return reply.header('cache-control', 'no-store').type(metrics.registry.contentType).send(body);
  });
}

export const metricsRoutes = fp(metricsPlugin, { name: 'metrics' });
