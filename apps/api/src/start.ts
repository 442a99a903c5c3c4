import type { FastifyInstance } from 'fastify';
import { buildApp } from './app';
import type { Config } from './config';
import { type DatabaseHandle, openDatabase } from './db/client';
import { runMigrations } from './db/migrate';
import { seedDemoAtStart } from './demo/seed-at-start';
import { createPasswordHasher } from './lib/passwords';
import { createRedis, waitForRedis } from './lib/redis';
import { ensureFirstAdmin } from './modules/users/first-admin';
import { createUsersRepository } from './modules/users/users.repository';

/** Opens the configured database (PostgreSQL when DATABASE_URL is set, else PGlite under DATA_DIR). */
export function openConfiguredDatabase(config: Config): Promise<DatabaseHandle> {
  return openDatabase({ url: config.db.url, dataDir: config.dataDir, poolMax: config.db.poolMax });
}

/**
 * Everything `swigs start` does before answering requests: open and migrate the database,
 * connect to Redis when configured, create the first admin on an empty installation, build
 * the app and listen. Closing the returned app closes the database and Redis too.
 */
export async function startServer(
  config: Config,
  announce: (message: string) => void,
): Promise<FastifyInstance> {
  const database = await openConfiguredDatabase(config);
  const redis = config.redis.url ? createRedis(config.redis.url) : undefined;
  try {
    await runMigrations(database);
    if (redis && !(await waitForRedis(redis)))
      announce('Redis is not reachable yet: serving from the database until it is.');
    const firstAdmin = await ensureFirstAdmin(
      {
        users: createUsersRepository(database.db),
        passwords: createPasswordHasher(config.auth.bcryptCost),
        transact: database.transact,
      },
      config.admin,
      announce,
    );
    await seedDemoAtStart(config, { database, redis, brandNew: firstAdmin !== undefined }, announce);
    const app = await buildApp(config, { database, redis });
    app.addHook('onClose', async () => {
      redis?.disconnect();
      await database.close();
    });
    await app.listen({ host: config.http.host, port: config.http.port });
    return app;
  } catch (error) {
    redis?.disconnect();
    await database.close();
    throw error;
  }
}
