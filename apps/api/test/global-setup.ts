import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import pg from 'pg';
import type { TestProject } from 'vitest/node';
import { openDatabase } from '../src/db/client';
import { runMigrations } from '../src/db/migrate';
import './test-database';

function withDatabase(url: string, database: string): string {
  const parsed = new URL(url);
  parsed.pathname = `/${database}`;
  return parsed.toString();
}

/**
 * Runs once per test run: migrates one template database, which every test file then copies.
 * A fresh PGlite costs seconds and hundreds of MB to initialise; loading a dump costs a fraction.
 */
export default async function setup(project: TestProject) {
  const driver = project.config.env?.TEST_DB_DRIVER ?? 'pglite';
  const dir = mkdtempSync(path.join(os.tmpdir(), 'swigs-test-'));
  const templatePath = path.join(dir, 'template.tar');
  if (driver === 'pglite') {
    const pglite = await PGlite.create();
    await runMigrations(await openDatabase({ pglite }));
    const dump = await pglite.dumpDataDir('none');
    writeFileSync(templatePath, Buffer.from(await dump.arrayBuffer()));
    await pglite.close();
  }
  project.provide('pgliteTemplate', templatePath);

  const url = process.env.TEST_DATABASE_URL;
  let cleanupPostgres = async () => {};
  if (driver === 'postgres') {
    if (!url) throw new Error('The api-postgres project needs TEST_DATABASE_URL.');
    const prefix = `swigs_t_${randomBytes(4).toString('hex')}`;
    const template = `${prefix}_template`;
    const admin = new pg.Client({ connectionString: url });
    await admin.connect();
    await admin.query(`create database ${template}`);
    const templateHandle = await openDatabase({ url: withDatabase(url, template), poolMax: 1 });
    await runMigrations(templateHandle);
    await templateHandle.close();
    project.provide('postgresTemplate', { url, database: template, prefix });
    cleanupPostgres = async () => {
      const { rows } = await admin.query<{ datname: string }>(
        'select datname from pg_database where datname like $1',
        [`${prefix}%`],
      );
      for (const row of rows) await admin.query(`drop database if exists ${row.datname} with (force)`);
      await admin.end();
    };
  } else {
    project.provide('postgresTemplate', null);
  }

  return async () => {
    await cleanupPostgres();
    rmSync(dir, { recursive: true, force: true });
  };
}
