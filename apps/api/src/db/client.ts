import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { sql } from 'drizzle-orm';
import { drizzle as drizzleNodePg } from 'drizzle-orm/node-postgres';
import type { PgDatabase, PgQueryResultHKT } from 'drizzle-orm/pg-core';
import { drizzle as drizzlePglite } from 'drizzle-orm/pglite';
import pg from 'pg';
import * as schema from './schema';

export type Schema = typeof schema;
/** The Drizzle database, whichever driver is underneath: the same SQL runs on both. */
export type Database = PgDatabase<PgQueryResultHKT, Schema>;
/** A transaction or the database itself: repositories accept either. */
export type Executor = Database | Parameters<Parameters<Database['transaction']>[0]>[0];

/**
 * Runs `work` in one transaction. On PGlite there is a single connection: inside `work`, use only
 * the executor it is given — a query on the outer database would wait for the transaction forever.
 */
export type Transact = <T>(work: (tx: Executor) => Promise<T>) => Promise<T>;

export type DatabaseDriver = 'pglite' | 'postgres';

export interface DatabaseHandle {
  db: Database;
  transact: Transact;
  driver: DatabaseDriver;
  /** Runs raw SQL with positional parameters: for tools that bring their own SQL (job queue). */
  query<Row = Record<string, unknown>>(text: string, values?: unknown[]): Promise<{ rows: Row[] }>;
  ping(): Promise<void>;
  close(): Promise<void>;
  /** Set when the driver is PGlite (embedded). */
  pglite?: PGlite;
  /** Set when the driver is PostgreSQL. */
  pool?: pg.Pool;
}

export interface DatabaseOptions {
  url?: string | undefined;
  dataDir?: string;
  poolMax?: number;
  /** An already-open PGlite instance (tests load one from a template). */
  pglite?: PGlite;
  /** PGlite's buffer cache (`32MB`): most of the embedded server's memory; see docs/decisions/pglite-memory.md. */
  pgliteSharedBuffers?: string;
}

// PostgreSQL returns bigint (int8) as strings by default; counts fit comfortably in a JS number.
pg.types.setTypeParser(pg.types.builtins.INT8, (value) => Number(value));

export async function openDatabase(options: DatabaseOptions): Promise<DatabaseHandle> {
  if (options.url) return openPostgres(options.url, options.poolMax ?? 10);
  const pglite = options.pglite ?? (await openPglite(options.dataDir, options.pgliteSharedBuffers));
  return wrapPglite(pglite);
}

async function openPglite(dataDir: string | undefined, sharedBuffers: string | undefined): Promise<PGlite> {
  const options = sharedBuffers
    ? { startParams: [...PGlite.defaultStartParams, '-c', `shared_buffers=${sharedBuffers}`] }
    : {};
  if (!dataDir) return PGlite.create(options);
  const dir = path.join(dataDir, 'db');
  mkdirSync(dir, { recursive: true });
  return PGlite.create(dir, options);
}

function wrapPglite(pglite: PGlite): DatabaseHandle {
  const db = drizzlePglite({ client: pglite, schema, casing: 'snake_case' }) as unknown as Database;
  return {
    db,
    transact: (work) => db.transaction(work),
    driver: 'pglite',
    pglite,
    async query<Row>(text: string, values?: unknown[]) {
      if (values && values.length > 0) return pglite.query<Row>(text, values);
      // exec runs several statements (query does not); its last result is the one callers want.
      const results = await pglite.exec(text);
      return { rows: (results.at(-1)?.rows ?? []) as Row[] };
    },
    async ping() {
      await pglite.query('select 1');
    },
    async close() {
      if (!pglite.closed) await pglite.close();
    },
  };
}

async function openPostgres(url: string, max: number): Promise<DatabaseHandle> {
  const pool = new pg.Pool({ connectionString: url, max, idleTimeoutMillis: 30_000 });
  // An idle client losing its connection must not crash the process; the pool replaces it.
  pool.on('error', () => {});
  const db = drizzleNodePg({ client: pool, schema, casing: 'snake_case' }) as unknown as Database;
  await db.execute(sql`select 1`);
  return {
    db,
    transact: (work) => db.transaction(work),
    driver: 'postgres',
    pool,
    async query<Row>(text: string, values?: unknown[]) {
      const result = await pool.query(text, values);
      return { rows: result.rows as Row[] };
    },
    async ping() {
      await pool.query('select 1');
    },
    async close() {
      await pool.end();
    },
  };
}
