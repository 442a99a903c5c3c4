import type { Redis } from 'ioredis';

export interface ThrottleCount {
  count: number;
  /** Seconds until the window ends and the count starts again from zero. */
  resetSeconds: number;
}

/**
 * Fixed-window counters for throttling (login attempts, password resets). In Redis when configured,
 * so that every instance sees the same counts; in process otherwise.
 */
export interface ThrottleStore {
  hit(key: string, windowSeconds: number): Promise<ThrottleCount>;
  peek(key: string): Promise<ThrottleCount>;
  reset(key: string): Promise<void>;
}

export function createMemoryThrottleStore(now: () => number = Date.now): ThrottleStore {
  const windows = new Map<string, { count: number; expiresAt: number }>();
  function live(key: string) {
    const entry = windows.get(key);
    if (entry && entry.expiresAt <= now()) {
      windows.delete(key);
      return undefined;
    }
    return entry;
  }
  function sweep() {
    if (windows.size < 10_000) return;
    const t = now();
    for (const [key, entry] of windows) if (entry.expiresAt <= t) windows.delete(key);
  }
  return {
    async hit(key, windowSeconds) {
      sweep();
      const entry = live(key) ?? { count: 0, expiresAt: now() + windowSeconds * 1000 };
      entry.count += 1;
      windows.set(key, entry);
      return { count: entry.count, resetSeconds: Math.ceil((entry.expiresAt - now()) / 1000) };
    },
    async peek(key) {
      const entry = live(key);
      return entry
        ? { count: entry.count, resetSeconds: Math.ceil((entry.expiresAt - now()) / 1000) }
        : { count: 0, resetSeconds: 0 };
    },
    async reset(key) {
      windows.delete(key);
    },
  };
}

// INCR and the expiry must happen together, or a crash between them leaves a counter that never resets.
const hitScript = `
local count = redis.call('INCR', KEYS[1])
if count == 1 then redis.call('PEXPIRE', KEYS[1], ARGV[1]) end
return {count, redis.call('PTTL', KEYS[1])}
`;

export function createRedisThrottleStore(
  redis: Redis,
  fallback: ThrottleStore,
  onError: (error: unknown) => void,
  /** Namespaces the keys: two installations (production, staging) may share one Redis. */
  prefix = 'swigs:throttle:',
): ThrottleStore {
  return {
    async hit(key, windowSeconds) {
      try {
        const [count, ttl] = (await redis.eval(hitScript, 1, prefix + key, windowSeconds * 1000)) as [
          number,
          number,
        ];
        return { count, resetSeconds: Math.max(1, Math.ceil(ttl / 1000)) };
      } catch (error) {
        onError(error);
        return fallback.hit(key, windowSeconds);
      }
    },
    async peek(key) {
      try {
        const [count, ttl] = await Promise.all([redis.get(prefix + key), redis.pttl(prefix + key)]);
        return { count: Number(count ?? 0), resetSeconds: ttl > 0 ? Math.ceil(ttl / 1000) : 0 };
      } catch (error) {
        onError(error);
        return fallback.peek(key);
      }
    },
    async reset(key) {
      try {
        await redis.del(prefix + key);
      } catch (error) {
        onError(error);
      }
      await fallback.reset(key);
    },
  };
}
