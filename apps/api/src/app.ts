import cookie from '@fastify/cookie';
import cors from '@fastify/cors';
import helmet from '@fastify/helmet';
import Fastify, { type FastifyBaseLogger, type FastifyInstance } from 'fastify';
import { serializerCompiler, validatorCompiler, type ZodTypeProvider } from 'fastify-type-provider-zod';
import type { Redis } from 'ioredis';
import { z } from 'zod';
import { fileTreeDirs } from './backup/backup';
import { type BackupService, createBackupService } from './backup/service';
import type { Config } from './config';
import type { DatabaseHandle } from './db/client';
import { createJobQueue } from './jobs/queue';
import { createClientAddress } from './lib/client-address';
import { createErrorReporter, type ErrorReporter } from './lib/error-reporting';
import { createHttpServer, type HttpServerOptions } from './lib/http-server';
import { createInProcessMark } from './lib/in-process';
import { createLifecycle, type Lifecycle } from './lib/lifecycle';
import { type AppLogger, createLogger } from './lib/logger';
import { createMetrics, type Metrics } from './lib/metrics';
import { createPasswordHasher } from './lib/passwords';
import { requestIdOf } from './lib/request-id';
import { createMemoryThrottleStore, createRedisThrottleStore } from './lib/throttle';
import { createAccessTokenSigner } from './lib/tokens';
import { createMailer } from './mail/mailer';
import { createMailOutbox } from './mail/outbox';
import { registerModules } from './modules';
import { createSessionsRepository } from './modules/auth/sessions.repository';
import type { ModuleDeps } from './modules/deps';
import { registerHealthRoutes } from './modules/health/health.routes';
import { registerUploadsRoutes } from './modules/media/uploads.routes';
import { createPublicContext } from './modules/public';
import { createPublicFastPath, type FastPath } from './modules/public/public-fast-path';
import { createTokensRepository } from './modules/tokens/tokens.repository';
import { createSiteTransfer } from './modules/transfer';
import type { SiteTransferService } from './modules/transfer/transfer.service';
import { adminUi } from './plugins/admin-ui';
import { auth } from './plugins/auth';
import { deprecations } from './plugins/deprecation';
import { drain } from './plugins/drain';
import { errors } from './plugins/errors';
import { httpDurationSeries, metricsRoutes } from './plugins/metrics';
import { docsPrefix, openapi, openapiDocumentOf } from './plugins/openapi';
import { publicSites } from './plugins/public-sites';
import { rateLimits } from './plugins/rate-limit';
import { version } from './version';

export interface AppDeps {
  database: DatabaseHandle;
  redis?: Redis | undefined;
  /** Defaults to JSON lines on stdout (plus files when LOG_DIR is set); closed with the app. */
  logger?: AppLogger;
  /** Defaults to Sentry when SENTRY_DSN is set, else to nothing. */
  errorReporter?: ErrorReporter;
  /** Defaults to a fresh registry with process metrics. */
  metrics?: Metrics;
  /**
   * Answer hits of the in-process public cache before Fastify (modules/public/public-fast-path.ts).
   * Default true; off, every request goes through Fastify (to compare the two in tests).
   */
  publicFastPath?: boolean;
}

declare module 'fastify' {
  interface FastifyInstance {
    /** Draining state, read by /readyz; see src/shutdown.ts. */
    lifecycle: Lifecycle;
    /** The Prometheus registry behind /metrics. */
    metrics: Metrics;
    /** Backups made by this process (schedule, admin API, `swigs backup` via the data-directory socket). */
    backups: BackupService;
    /** Site export/import (admin API, `swigs export-site`/`import-site` via the data-directory socket). */
    siteTransfer: SiteTransferService;
  }
}

/** `/api/...` answers as the latest version: `/api/sites` is `/api/v1/sites`. */
export function rewriteApiAlias(url: string): string {
  return /^\/api(?:\/(?!v\d+(?:[/?]|$))|\?|$)/.test(url) ? url.replace(/^\/api/, '/api/v1') : url;
}

/**
 * Builds the whole application on an open database: plugins first (errors, security, auth,
 * OpenAPI), then the modules under /api/v1. Used by the server and by tests alike; it neither
 * listens nor migrates.
 */
export async function buildApp(config: Config, deps: AppDeps): Promise<FastifyInstance> {
  const logger = deps.logger ?? createLogger({ level: config.log.level, files: config.logFiles });
  const errorReporter = deps.errorReporter ?? (await createErrorReporter(config.sentry, version));
  const metrics = deps.metrics ?? createMetrics();
  const lifecycle = createLifecycle();
  const loggerInstance: FastifyBaseLogger = logger.logger;
  // Set once the public API and the rate limits exist; requests only arrive after listen().
  let fastPath: FastPath | undefined;
  const app = Fastify({
    loggerInstance,
    genReqId: requestIdOf,
    requestIdHeader: false,
    bodyLimit: config.http.bodyLimit,
    trustProxy: config.http.trustProxy,
    rewriteUrl: (request) => rewriteApiAlias(request.url ?? '/'),
    routerOptions: { ignoreTrailingSlash: true },
    // A request that reaches the instance while it closes (accepted just before the listener
    // closed) is served, not answered 503: nginx may not replay it elsewhere if it is a POST.
    // Readiness and `Connection: close` already steer traffic away while draining (shutdown.ts).
    return503OnClosing: false,
    serverFactory: (handler, options) =>
      createHttpServer(options as unknown as HttpServerOptions, (request, response) => {
        if (fastPath?.(request, response)) return;
        handler(request, response);
      }),
  }).withTypeProvider<ZodTypeProvider>();

  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  app.decorate('lifecycle', lifecycle);
  app.decorate('metrics', metrics);
  // Callback style: no promise per request on the hottest path of every route.
  app.addHook('onRequest', (request, reply, done) => {
    reply.header('x-request-id', request.id);
    done();
  });
  app.addHook('onClose', async () => {
    await errorReporter.flush();
    await logger.close();
  });

  const passwords = createPasswordHasher(config.auth.bcryptCost);
  const signer = createAccessTokenSigner(config.auth.jwtSecret, config.auth.accessTokenTtl);
  const memoryThrottle = createMemoryThrottleStore();
  const throttle = deps.redis
    ? createRedisThrottleStore(
        deps.redis,
        memoryThrottle,
        (error) => app.log.warn({ err: error }, 'redis unavailable: counting in process'),
        `${config.redis.keyPrefix}throttle:`,
      )
    : memoryThrottle;
  const sessions = createSessionsRepository(deps.database.db);
  const backups = createBackupService({
    database: deps.database,
    settings: {
      dir: config.backup.dir,
      retentionDays: config.backup.retentionDays,
      trees: fileTreeDirs(config),
      databaseUrl: config.db.url,
      pgBinDir: config.backup.pgBinDir,
    },
    version,
    metrics,
    errors: errorReporter,
    log: app.log,
  });
  app.decorate('backups', backups);
  const apiTokens = createTokensRepository(deps.database.db);
  const publicApi = createPublicContext(config, deps.database, deps.redis, app.log, metrics);
  app.addHook('onClose', async () => publicApi.close());
  const siteTransfer = createSiteTransfer(config, deps.database, publicApi.changes);
  app.decorate('siteTransfer', siteTransfer);

  await app.register(errors, {
    exposeInternalErrors: config.environment === 'development',
    report: (error, request) =>
      errorReporter.capture(error, {
        requestId: String(request.id),
        method: request.method,
        route: request.routeOptions.url,
        userId: request.principal?.kind === 'user' ? request.principal.userId : undefined,
      }),
  });
  await app.register(drain, { lifecycle });
  await app.register(helmet, { global: true });
  await app.register(cors, {
    origin: config.http.corsOrigins.length > 0 ? config.http.corsOrigins : false,
    credentials: true,
    // An admin on another origin (a CDN) reads a download's name from it (site export).
    exposedHeaders: ['Content-Disposition'],
  });
  // The public API also answers pages on each site's own domains (origins the list above does not name).
  app.addHook('onRequest', publicApi.corsHook);
  await app.register(cookie);
  await app.register(auth, {
    signer,
    findSessionPrincipal: (sessionId, userId) => sessions.findPrincipal(sessionId, userId),
    findTokenPrincipal: (tokenHash) => apiTokens.findPrincipal(tokenHash),
    exemptPrefixes: [docsPrefix],
  });
  await app.register(deprecations);
  await app.register(openapi, { version, serverUrl: config.http.publicUrl });
  // The renderer's reads of the public API, made in process for a visitor already counted.
  const inProcess = createInProcessMark();
  await app.register(rateLimits, {
    ...config.rateLimit,
    isExemptFromGlobal: (request) => inProcess.isInProcess(request.headers),
    redis: deps.redis,
    keyPrefix: config.redis.keyPrefix,
  });
  await app.register(metricsRoutes, {
    metrics,
    database: deps.database,
    version,
    expose: config.metrics.enabled,
    token: config.metrics.token,
  });

  registerHealthRoutes(app, {
    isDraining: lifecycle.isDraining,
    database: () => deps.database.ping(),
    ...(deps.redis ? { cache: async () => void (await deps.redis!.ping()) } : {}),
  });

  // Workers run in every API process: embedded, and each instance when scaled.
  const jobs = createJobQueue(deps.database, {
    pollIntervalSeconds: config.jobs.pollIntervalSeconds,
    log: app.log,
    onError: (error) => {
      app.log.error({ err: error }, 'job queue error');
      errorReporter.capture(error, { task: 'jobs' });
    },
    onDeadLetter: (error, job) =>
      errorReporter.capture(error, { task: `job:${job.queue}`, jobId: job.id, requestId: job.requestId }),
  });
  const mailer = createMailer(config.mail, (file) =>
    app.log.info({ file }, 'mail written (no SMTP_URL set)'),
  );
  const mailsSent = metrics.counter({
    name: 'mail_sent_total',
    help: 'Emails handed to the SMTP server (or written as files without SMTP_URL), by kind',
    labelNames: ['kind'],
  });
  const mailFailures = metrics.counter({
    name: 'mail_failures_total',
    help: 'Email attempts that failed, by kind (each retry counts; dead letters are in swigs_jobs_failed)',
    labelNames: ['kind'],
  });
  const mail = createMailOutbox({
    queue: jobs,
    mailer,
    policy: {
      retryLimit: config.mail.retryLimit,
      retryDelaySeconds: config.mail.retryDelaySeconds,
      expireInSeconds: 120,
    },
    onSent: (kind, job) => {
      mailsSent.inc({ kind });
      job.log.info({ kind }, 'mail sent');
    },
    onFailed: (kind) => mailFailures.inc({ kind }),
  });
  app.addHook('onReady', () => jobs.start());
  app.addHook('onClose', async () => {
    await jobs.stop();
    mailer.close();
  });

  registerUploadsRoutes(app, config.media.uploadsDir);

  const moduleDeps: ModuleDeps = {
    config,
    database: deps.database,
    redis: deps.redis,
    passwords,
    signer,
    throttle,
    metrics,
    errors: errorReporter,
    backups,
    publicApi,
    jobs,
    mail,
    siteTransfer,
  };
  await app.register(
    async (v1) => {
      v1.get(
        '/openapi.json',
        { config: { access: 'public' }, schema: { hide: true, response: { 200: z.unknown() } } },
        async () => openapiDocumentOf(app, 'v1'),
      );
      registerModules(v1, moduleDeps);
    },
    { prefix: '/api/v1' },
  );
  if (publicApi.cachedAnswers && deps.publicFastPath !== false) {
    let fastAnswers = 0;
    metrics.counter({
      name: 'public_fast_answers_total',
      help: 'Public API cache hits answered before the framework (a subset of public_cache_hits_total)',
      // Counted in a plain number, added when read: an increment is all the fast path pays.
      collect() {
        this.inc(fastAnswers);
        fastAnswers = 0;
      },
    });
    fastPath = createPublicFastPath({
      answers: publicApi.cachedAnswers,
      rateLimit: app.globalRateLimit,
      clientAddress: createClientAddress(config.http.trustProxy),
      isDraining: lifecycle.isDraining,
      corsOrigins: config.http.corsOrigins,
      maxAgeSeconds: config.publicApi.maxAgeSeconds,
      durationSeries: (labels) => httpDurationSeries(metrics, labels),
      served: () => {
        fastAnswers += 1;
      },
    });
  }
  // Last: every request nothing above claims is a page of a public site.
  await app.register(publicSites, { config, database: deps.database, inProcess });

  // Its routes under /admin are more specific than the public sites' catch-all.
  await app.register(adminUi, { distDir: config.adminUi.distDir });

  return app;
}
