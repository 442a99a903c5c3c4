import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { PGlite } from '@electric-sql/pglite';
import pg from 'pg';
import { inject } from 'vitest';
import { type DatabaseHandle, openDatabase } from '../src/db/client';
import { runMigrations } from '../src/db/migrate';

declare module 'vitest' {
  export interface ProvidedContext {
    /** PGlite: path of a data-dir dump with every migration applied. */
    pgliteTemplate: string;
    /** PostgreSQL: server URL and name of a template database with every migration applied. */
    postgresTemplate: { url: string; database: string; prefix: string } | null;
  }
}

export type TestDriver = 'pglite' | 'postgres';

/** The PostgreSQL server and template of this run (null on PGlite). */
export function postgresTemplate() {
  return inject('postgresTemplate');
}

/** Which database this test project runs against (set per project in vitest.config.ts). */
export const testDriver: TestDriver = process.env.TEST_DB_DRIVER === 'postgres' ? 'postgres' : 'pglite';

/**
 * PostgreSQL only: the URL of a fresh, migrated database of its own (for a server run as a child
 * process). `drop()` removes it.
 */
export async function createPostgresTestDatabaseUrl(): Promise<{ url: string; drop(): Promise<void> }> {
  const template = inject('postgresTemplate');
  if (!template) throw new Error('TEST_DB_DRIVER=postgres needs TEST_DATABASE_URL.');
  const name = `${template.prefix}_${randomBytes(4).toString('hex')}`;
  const admin = new pg.Client({ connectionString: template.url });
  await admin.connect();
  try {
    await admin.query(`create database ${name} template ${template.database}`);
  } finally {
    await admin.end();
  }
  const url = new URL(template.url);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    async drop() {
      const dropper = new pg.Client({ connectionString: template.url });
      await dropper.connect();
      await dropper.query(`drop database if exists ${name} with (force)`).finally(() => dropper.end());
    },
  };
}

/**
 * A fresh, migrated database of its own for a test file: a PGlite loaded from the template dump,
 * or a PostgreSQL database created from the template database. Closing drops it.
 */
export async function createTestDatabase(): Promise<DatabaseHandle & { url?: string }> {
  if (testDriver === 'pglite') {
    const dump = new Blob([readFileSync(inject('pgliteTemplate'))]);
    const pglite = await PGlite.create({ loadDataDir: dump });
    return openDatabase({ pglite });
  }
  const template = inject('postgresTemplate');
  if (!template) throw new Error('TEST_DB_DRIVER=postgres needs TEST_DATABASE_URL.');
  const name = `${template.prefix}_${randomBytes(4).toString('hex')}`;
  const admin = new pg.Client({ connectionString: template.url });
  await admin.connect();
  try {
    await admin.query(`create database ${name} template ${template.database}`);
  } finally {
    await admin.end();
  }
  const url = new URL(template.url);
  url.pathname = `/${name}`;
  const handle = await openDatabase({ url: url.toString(), poolMax: 5 });
  return {
    ...handle,
    url: url.toString(),
    async close() {
      await handle.close();
      const dropper = new pg.Client({ connectionString: template.url });
      await dropper.connect();
      await dropper.query(`drop database if exists ${name} with (force)`).finally(() => dropper.end());
    },
  };
}

/**
 * An embedded (PGlite) database whatever the project: from the template on the PGlite run, made
 * and migrated here on the PostgreSQL run (seconds, once per file) — for tests that move data
 * from an embedded installation to this run's database.
 */
export async function createPgliteTestDatabase(): Promise<DatabaseHandle> {
  if (testDriver === 'pglite') return createTestDatabase();
  const database = await openDatabase({ pglite: await PGlite.create() });
  await runMigrations(database);
  return database;
}
