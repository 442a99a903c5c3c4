import { Redis } from 'ioredis';

/**
 * A Redis client that fails fast when Redis is unreachable instead of queueing commands: callers
 * (cache, counters) fall back to the database or to in-process state, and the API keeps answering.
 * ioredis keeps reconnecting in the background.
 */
export function createRedis(url: string): Redis {
  const redis = new Redis(url, {
    enableOfflineQueue: false,
    maxRetriesPerRequest: 1,
    connectTimeout: 2000,
    retryStrategy: (attempt) => Math.min(attempt * 200, 5000),
  });
  // Connection errors are reported through health checks and callers' fallbacks, not as crashes.
  redis.on('error', () => {});
  return redis;
}

/** Waits until the client is ready, or gives up after `timeoutMs` (the app then starts degraded). */
export async function waitForRedis(redis: Redis, timeoutMs = 2000): Promise<boolean> {
  if (redis.status === 'ready') return true;
  return new Promise((resolve) => {
    const timer = setTimeout(() => {
      redis.off('ready', onReady);
      resolve(false);
    }, timeoutMs);
    const onReady = () => {
      clearTimeout(timer);
      resolve(true);
    };
    redis.once('ready', onReady);
  });
}
