import type { Redis } from 'ioredis';
import type { Config } from '../config';
import type { DatabaseHandle } from '../db/client';
import { demoDomain, demoSlug } from './demo-site';
import { seedDemoSite } from './seed-demo';

/** Whether `swigs start` seeds the demo site (see `SEED_DEMO` in the README). */
export function shouldSeedDemo(config: Config, brandNew: boolean): boolean {
  if (config.seedDemo === 'true') return true;
  if (config.seedDemo === 'false') return false;
  // A newcomer's `npm start`: first start, embedded database, development profile.
  return brandNew && !config.db.url && config.environment === 'development';
}

/** The addresses where a newcomer sees the demo site. */
export function demoAddresses(config: Config): string[] {
  const { port, publicUrl } = config.http;
  return [`http://${demoDomain}:${port}/`, `${publicUrl.replace(/\/$/, '')}/preview/${demoSlug}`];
}

/** Seeds the demo site when `shouldSeedDemo` says so, and says where to see it. */
export async function seedDemoAtStart(
  config: Config,
  deps: { database: DatabaseHandle; redis: Redis | undefined; brandNew: boolean },
  announce: (message: string) => void,
): Promise<void> {
  if (!shouldSeedDemo(config, deps.brandNew)) return;
  const result = await seedDemoSite({
    config,
    database: deps.database,
    redis: deps.redis,
    log: { warn: (...args: unknown[]) => announce(`Demo site: ${args.map(String).join(' ')}`) },
  });
  if (result.created) announce(`Demo site created: ${demoAddresses(config).join(' or ')}`);
}
