export interface ErrorContext {
  requestId?: string | undefined;
  method?: string;
  /** The route pattern (`/api/v1/sites/:siteId`), never the raw URL. */
  route?: string;
  userId?: string;
  /** What was running outside a request: `backup`, `job:mail`… */
  task?: string;
  /** The background job that failed (with `requestId`: the request that queued it). */
  jobId?: string | undefined;
}

/**
 * Where unexpected errors go besides the log: Sentry when SENTRY_DSN is set. Expected failures
 * (4xx problems) are never reported. Handed to modules so that background work (jobs, backups)
 * reports its failures the same way requests do.
 */
export interface ErrorReporter {
  readonly enabled: boolean;
  capture(error: unknown, context?: ErrorContext): void;
  /** Waits until queued events are sent (before the process exits). */
  flush(timeoutMs?: number): Promise<boolean>;
}

export interface SentrySettings {
  dsn: string;
  environment: string;
}

/**
 * Sentry's default integrations also instrument HTTP, Fastify and databases for tracing and
 * capture request errors by themselves — before our error handler can attach the request id, and
 * including expected 4xx. We keep the ones about errors and the process only.
 */
const errorIntegrations = new Set([
  'InboundFilters',
  'FunctionToString',
  'LinkedErrors',
  'NodeSystemError',
  'OnUncaughtException',
  'OnUnhandledRejection',
  'ContextLines',
  'Context',
  'Modules',
]);

const disabled: ErrorReporter = {
  enabled: false,
  capture() {},
  flush: async () => true,
};

/**
 * Sentry's client is process-wide: initialising it twice replaces the first. One process runs one
 * server, so that is what we want; the server's own id (release) goes with every event. The SDK
 * is loaded only when configured: importing it costs a third of a second at every start.
 */
export async function createErrorReporter(
  settings: SentrySettings | undefined,
  release: string,
): Promise<ErrorReporter> {
  if (!settings) return disabled;
  const Sentry = await import('@sentry/node');
  Sentry.init({
    dsn: settings.dsn,
    environment: settings.environment,
    release: `swigs-cms@${release}`,
    // Error reporting only: no tracing, no loader hooks patching every module at import time.
    integrations: (defaults) => defaults.filter((integration) => errorIntegrations.has(integration.name)),
    registerEsmLoaderHooks: false,
    // Request bodies and cookies hold passwords and tokens.
    sendDefaultPii: false,
  });
  return {
    enabled: true,
    capture(error, context = {}) {
      const { userId, ...tags } = context;
      // Tags by name as Sentry's UI expects them; the request id links an event to its log lines.
      Sentry.captureException(error, {
        tags: {
          request_id: tags.requestId,
          route: tags.route,
          method: tags.method,
          task: tags.task,
          job_id: tags.jobId,
        },
        ...(userId ? { user: { id: userId } } : {}),
      });
    },
    flush: (timeoutMs = 2000) => Sentry.flush(timeoutMs),
  };
}
