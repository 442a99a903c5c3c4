import type { FastifyInstance } from 'fastify';

export interface ShutdownOptions {
  /** Seconds between readiness turning 503 and the listener closing. */
  drainSeconds: number;
  /** Seconds to wait for in-flight requests once the listener is closed; then they are cut. */
  timeoutSeconds: number;
}

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/**
 * Zero-downtime exit: (1) for `drainSeconds`, readiness turns 503 and the instance steers traffic
 * away (plugins/drain.ts) while still serving; (2) the listener closes and requests in flight
 * finish; (3) after `timeoutSeconds` whatever is left is cut. Resolves `true` when everything
 * finished in time.
 */
export async function closeGracefully(app: FastifyInstance, options: ShutdownOptions): Promise<boolean> {
  // From here reads get 503 (nginx retries them elsewhere and skips this instance) and every
  // answer closes its connection (plugins/drain.ts); idle keep-alive connections are left for the
  // client to close (nginx: after its 4 s upstream keepalive_timeout, shorter than the drain) —
  // closing one from here would race with a request the client may be sending on it.
  app.lifecycle.startDraining();
  if (options.drainSeconds > 0) await sleep(options.drainSeconds * 1000);
  let timer: NodeJS.Timeout | undefined;
  const timedOut = new Promise<false>((resolve) => {
    timer = setTimeout(() => resolve(false), options.timeoutSeconds * 1000);
  });
  const closed = app.close().then(() => true as const);
  const inTime = await Promise.race([closed, timedOut]);
  clearTimeout(timer);
  if (!inTime) {
    app.log.warn({ timeoutSeconds: options.timeoutSeconds }, 'shutdown timed out: cutting open connections');
    app.server.closeAllConnections();
    await closed;
  }
  return inTime;
}

/**
 * Installs SIGTERM/SIGINT handlers that close the app gracefully and exit. A second signal exits at
 * once (an operator pressing Ctrl-C twice means it).
 */
export function exitGracefullyOnSignals(app: FastifyInstance, options: ShutdownOptions) {
  let closing = false;
  const onSignal = (signal: NodeJS.Signals) => {
    if (closing) {
      app.log.warn({ signal }, 'second signal: exiting now');
      process.exit(1);
    }
    closing = true;
    app.log.info({ signal, drainSeconds: options.drainSeconds }, 'draining, then shutting down');
    closeGracefully(app, options).then(
      (inTime) => process.exit(inTime ? 0 : 1),
      (error: unknown) => {
        app.log.error({ err: error }, 'shutdown failed');
        process.exit(1);
      },
    );
  };
  process.on('SIGTERM', onSignal);
  process.on('SIGINT', onSignal);
}
