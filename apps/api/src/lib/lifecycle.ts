/**
 * Whether this instance is on its way out. Set on SIGTERM, before the listener closes: /readyz
 * answers 503 so that load balancers stop sending new requests, and responses ask clients to
 * close their keep-alive connections, while requests already accepted are still served.
 */
export interface Lifecycle {
  isDraining(): boolean;
  startDraining(): void;
}

export function createLifecycle(): Lifecycle {
  let draining = false;
  return {
    isDraining: () => draining,
    startDraining() {
      draining = true;
    },
  };
}
