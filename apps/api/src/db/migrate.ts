import { drizzle as drizzleNodePg } from 'drizzle-orm/node-postgres';
import { migrate as migrateNodePg } from 'drizzle-orm/node-postgres/migrator';
import { drizzle as drizzlePglite } from 'drizzle-orm/pglite';
import { migrate as migratePglite } from 'drizzle-orm/pglite/migrator';
import { migrationsFolder } from '../lib/paths';
import type { DatabaseHandle } from './client';

/** Arbitrary constant naming the advisory lock that serialises migrations across instances. */
const migrationLockKey = 7_316_452_001;

/**
 * Applies the committed SQL migrations in `apps/api/drizzle`. On PostgreSQL several instances may
 * start together: an advisory lock makes the others wait instead of racing on the same DDL.
 */
export async function runMigrations(handle: DatabaseHandle): Promise<void> {
  if (handle.pglite) {
    await migratePglite(drizzlePglite({ client: handle.pglite }), { migrationsFolder });
    return;
  }
  if (!handle.pool) throw new Error('Database handle has neither PGlite nor a PostgreSQL pool.');
  const client = await handle.pool.connect();
  try {
    await client.query('select pg_advisory_lock($1)', [migrationLockKey]);
    await migrateNodePg(drizzleNodePg({ client }), { migrationsFolder });
  } finally {
    await client.query('select pg_advisory_unlock($1)', [migrationLockKey]).catch(() => {});
    client.release();
  }
}
