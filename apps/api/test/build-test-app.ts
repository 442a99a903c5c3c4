import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { FastifyInstance, LightMyRequestResponse } from 'fastify';
import type { Redis } from 'ioredis';
import { type AppDeps, buildApp } from '../src/app';
import { type Config, loadConfig } from '../src/config';
import type { DatabaseHandle } from '../src/db/client';
import { createTestDatabase } from './test-database';

export interface TestApp {
  app: FastifyInstance;
  database: DatabaseHandle;
  config: Config;
  close(): Promise<void>;
}

export function testConfig(env: Record<string, string> = {}): Config {
  return loadConfig({ SWIGS_ENV: 'test', DATA_DIR: '/nonexistent-swigs-test-dir', ...env }, process.cwd());
}

export interface TestAppOptions {
  env?: Record<string, string>;
  redis?: Redis;
  /** Reuse an existing database (e.g. two app instances on one database). */
  database?: DatabaseHandle;
  /** To read what the app logs, or reports to Sentry. */
  logger?: AppDeps['logger'];
  errorReporter?: AppDeps['errorReporter'];
  publicFastPath?: boolean;
}

/**
 * The real `buildApp` on a fresh migrated database of its own, with a temporary data directory
 * (uploads, mail files) unless `env.DATA_DIR` names one. Call `close()` in afterAll.
 */
export async function buildTestApp(options: TestAppOptions = {}): Promise<TestApp> {
  const ownDataDir = options.env?.DATA_DIR ? undefined : mkdtempSync(path.join(os.tmpdir(), 'swigs-data-'));
  const config = testConfig({ ...(ownDataDir ? { DATA_DIR: ownDataDir } : {}), ...options.env });
  const ownsDatabase = !options.database;
  const database = options.database ?? (await createTestDatabase());
  const app = await buildApp(config, {
    database,
    redis: options.redis,
    logger: options.logger,
    errorReporter: options.errorReporter,
    publicFastPath: options.publicFastPath,
  });
  await app.ready();
  return {
    app,
    database,
    config,
    async close() {
      await app.close();
      if (ownsDatabase) await database.close();
      if (ownDataDir) rmSync(ownDataDir, { recursive: true, force: true });
    },
  };
}

/** Parses a JSON response body, failing loudly on anything else. */
export function json<T = Record<string, unknown>>(response: LightMyRequestResponse): T {
  return JSON.parse(response.body) as T;
}

/** Number of rows in a table: to prove that a refused request changed nothing. */
export async function countRows(database: DatabaseHandle, table: string): Promise<number> {
  if (!/^[a-z_]+$/.test(table)) throw new Error(`not a table name: ${table}`);
  const { rows } = await database.query<{ n: number }>(`select count(*)::int as n from ${table}`);
  return rows[0]!.n;
}
