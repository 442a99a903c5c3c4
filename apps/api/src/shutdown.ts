import type { FastifyInstance } from 'fastify';

export interface ShutdownOptions {
  /** Seconds between readiness turning 503 and the listener closing. */
  drainSeconds: number;
  /** Seconds to wait for in-flight requests once the listener is closed; then they are cut. */
  timeoutSeconds: number;
}

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/**
 * Zero-downtime exit: (1) readiness turns 503 and responses carry `Connection: close`, while the
 * instance keeps serving, so that load balancers polling /readyz and clients reusing keep-alive
 * connections move away; (2) the listener closes, idle connections are closed and requests in
 * flight finish; (3) after `timeoutSeconds` whatever is left is cut. Resolves `true` when
 * everything finished in time.
 */
export async function closeGracefully(app: FastifyInstance, options: ShutdownOptions): Promise<boolean> {
  app.lifecycle.startDraining();
  // Keep-alive connections idle right now would otherwise only be closed with the listener, and a
  // proxy could send its next request on one as it closes. Closed now, the proxy opens new ones,
  // whose answers carry `Connection: close` from here on.
  app.server.closeIdleConnections();
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
