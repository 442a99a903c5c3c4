/**
 * Asks the API for a site's content version on behalf of many concurrent requests, without ever
 * answering with a version older than the request.
 *
 * A request never joins a lookup that was already running when it arrived (that lookup may
 * have read the version just before an edit the visitor already saw saved). It waits for the
 * next lookup instead, which starts after it arrived, and which every request that arrived in
 * the meantime shares. A lookup starts at the end of the event-loop turn (`setImmediate`), so the
 * requests read from the network in one turn share it even when a lookup answers in-process
 * within microseconds. Under load this turns one lookup per request into one per turn or round
 * trip, and an edit still shows on the very next request.
 */
interface BatchState<V> {
  running?: Promise<V> | undefined;
  queued?: Promise<V> | undefined;
}

const settled = () => undefined;
const endOfTurn = () => new Promise<void>((resolve) => setImmediate(resolve));

export class VersionBatcher<V> {
  private readonly states = new Map<string, BatchState<V>>();

  constructor(private readonly lookup: (key: string) => Promise<V>) {}

  get(key: string): Promise<V> {
    let state = this.states.get(key);
    if (!state) {
      state = {};
      this.states.set(key, state);
    }
    if (state.queued) return state.queued;
    const current = state;
    const ready = current.running ? current.running.then(settled, settled).then(endOfTurn) : endOfTurn();
    const queued = ready.then(() => {
      current.queued = undefined;
      return this.start(key, current);
    });
    current.queued = queued;
    return queued;
  }

  private start(key: string, state: BatchState<V>): Promise<V> {
    const running = this.lookup(key);
    state.running = running;
    const done = () => {
      if (state.running !== running) return;
      state.running = undefined;
      if (!state.queued) this.states.delete(key);
    };
    running.then(done, done);
    return running;
  }
}
