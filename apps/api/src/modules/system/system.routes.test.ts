import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, json, type TestApp } from '../../../test/build-test-app';
import { loggedInUser } from '../../../test/factories';
import { createTestDatabase, testDriver } from '../../../test/test-database';

describe('system', () => {
  let t: TestApp;
  const dataDir = mkdtempSync(path.join(os.tmpdir(), 'swigs-system-'));
  let database: Awaited<ReturnType<typeof createTestDatabase>>;
  beforeAll(async () => {
    database = await createTestDatabase();
    // PostgreSQL backups run pg_dump, which needs the database's URL.
    const env: Record<string, string> = {
      DATA_DIR: dataDir,
      ...(database.url ? { DATABASE_URL: database.url } : {}),
    };
    t = await buildTestApp({ env, database });
  });
  afterAll(async () => {
    await t.close();
    await database.close();
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('GET /system reports versions, uptime, memory, cache and the last backup', async () => {
    const admin = await loggedInUser(t.app, t.database, { role: 'admin' });
    const response = await t.app.inject({ url: '/api/v1/system', headers: admin.headers });
    expect(response.statusCode).toBe(200);
    expect(response.headers['cache-control']).toBe('no-store');
    const { data } = json<{ data: Record<string, Record<string, unknown>> }>(response);
    expect(data.app).toMatchObject({ environment: 'test', version: expect.stringMatching(/^\d+\.\d+\.\d+/) });
    expect(data.app?.uptimeSeconds).toBeGreaterThanOrEqual(0);
    expect(data.runtime?.node).toBe(process.version);
    expect(data.database?.driver).toBe(testDriver);
    expect(data.database?.serverVersion).toMatch(testDriver === 'postgres' ? /^15\./ : /^\d+\./);
    expect(data.database?.driverVersion).toMatch(/^\d+\.\d+\.\d+/);
    expect(data.memory?.rssBytes).toBeGreaterThan(10_000_000);
    expect(data.cache).toEqual({ redis: 'disabled' });
    expect(data.queue).toMatchObject({ queued: expect.any(Number), failed: expect.any(Number) });
    expect(((data.queue?.queues ?? []) as { name: string }[]).map((q) => q.name)).toContain('mail');
    expect(data.backups).toEqual({
      directory: path.join(dataDir, 'backups'),
      schedule: null,
      retentionDays: 7,
      last: null,
    });
  });

  it('POST /system/backups makes a backup that GET /system then reports', async () => {
    const admin = await loggedInUser(t.app, t.database, { role: 'admin' });
    const made = await t.app.inject({
      method: 'POST',
      url: '/api/v1/system/backups',
      headers: admin.headers,
    });
    expect(made.statusCode, made.body).toBe(201);
    const report = json<{ data: { name: string; sha256: string; tables: { name: string; rows: number }[] } }>(
      made,
    ).data;
    expect(report.name).toMatch(/^swigs-backup-\d{8}T\d{6}Z\.tar\.gz$/);
    expect(report.tables.find((table) => table.name === 'users')?.rows).toBeGreaterThanOrEqual(1);

    const listed = await t.app.inject({ url: '/api/v1/system/backups', headers: admin.headers });
    expect(json<{ data: { name: string }[] }>(listed).data.map((a) => a.name)).toEqual([report.name]);
    const info = await t.app.inject({ url: '/api/v1/system', headers: admin.headers });
    expect(json<{ data: { backups: { last: { name: string } } } }>(info).data.backups.last.name).toBe(
      report.name,
    );
  });
});
