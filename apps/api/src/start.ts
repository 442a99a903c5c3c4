import type { FastifyInstance } from 'fastify';
import { buildApp } from './app';
import type { Config } from './config';
import { type DatabaseHandle, openDatabase } from './db/client';
import { runMigrations } from './db/migrate';
import { seedDemoAtStart } from './demo/seed-at-start';
import { type DataDirLock, lockDataDir } from './lib/data-dir-lock';
import { createPasswordHasher } from './lib/passwords';
import { createRedis, waitForRedis } from './lib/redis';
import { transferControlHandlers } from './modules/transfer/transfer-control';
import { ensureFirstAdmin } from './modules/users/first-admin';
import { createUsersRepository } from './modules/users/users.repository';

/** Opens the configured database (PostgreSQL when DATABASE_URL is set, else PGlite under DATA_DIR). */
export function openConfiguredDatabase(config: Config): Promise<DatabaseHandle> {
  return openDatabase({
    url: config.db.url,
    dataDir: config.dataDir,
    poolMax: config.db.poolMax,
    pgliteSharedBuffers: config.pgliteSharedBuffers,
  });
}

/**
 * The embedded database may be opened by one process only: take the data-directory lock first
 * (PostgreSQL needs none). Throws DATA_DIR_BUSY naming the process that holds it.
 */
export async function lockEmbeddedDatabase(
  config: Config,
  role: 'server' | 'cli',
): Promise<DataDirLock | undefined> {
  return config.db.url ? undefined : lockDataDir(config.dataDir, role);
}

/**
 * Everything `swigs start` does before answering requests: lock the embedded data directory, open
 * and migrate the database, connect to Redis when configured, create the first admin on an empty
 * installation, build the app, listen, and start the backup schedule. Closing the returned app
 * closes the database, Redis and the lock too.
 */
export async function startServer(
  config: Config,
  announce: (message: string) => void,
): Promise<FastifyInstance> {
  const lock = await lockEmbeddedDatabase(config, 'server');
  const database = await openConfiguredDatabase(config).catch(async (error) => {
    await lock?.release();
    throw error;
  });
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
    // `swigs backup` while the embedded server runs: only this process may read the database.
    lock?.handle('backup', () => app.backups.run('cli'));
    for (const [name, handler] of Object.entries(transferControlHandlers(app.siteTransfer)))
      lock?.handle(name, handler);
    const stopSchedule = config.backup.schedule ? app.backups.schedule(config.backup.schedule) : undefined;
    app.addHook('onClose', async () => {
      stopSchedule?.();
      redis?.disconnect();
      await database.close();
      await lock?.release();
    });
    await app.listen({ host: config.http.host, port: config.http.port });
    return app;
  } catch (error) {
    redis?.disconnect();
    await database.close();
    await lock?.release();
    throw error;
  }
}
