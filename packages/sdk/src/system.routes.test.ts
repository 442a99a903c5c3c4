import { mkdtempSync, rmSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, type TestApp } from '../../../apps/api/test/build-test-app';
import { createUser } from '../../../apps/api/test/factories';
import { createTestDatabase } from '../../../apps/api/test/test-database';
import { type ApiError, createClient } from './index';

/** The admin SDK reads the instance's state and makes a backup (over real HTTP). */
let t: TestApp;
let baseUrl: string;
let database: Awaited<ReturnType<typeof createTestDatabase>>;
const dataDir = mkdtempSync(path.join(os.tmpdir(), 'swigs-sdk-system-'));
beforeAll(async () => {
  database = await createTestDatabase();
  // PostgreSQL backups run pg_dump, which needs the database's URL.
  t = await buildTestApp({
    env: { DATA_DIR: dataDir, ...(database.url ? { DATABASE_URL: database.url } : {}) },
    database,
  });
  await t.app.listen({ host: '127.0.0.1', port: 0 });
  baseUrl = `http://127.0.0.1:${(t.app.server.address() as AddressInfo).port}`;
});
afterAll(async () => {
  await t.close();
  await database.close();
  rmSync(dataDir, { recursive: true, force: true });
});

async function clientOf(role: 'admin' | 'editor') {
  const user = await createUser(t.database, { role });
  let token: string | undefined;
  const api = createClient({ baseUrl, getAccessToken: () => token });
  token = (await api.auth.login({ email: user.user.email, password: user.password })).accessToken;
  return api;
}

describe('SDK: system', () => {
  it('reads the system state, makes a backup and lists it', async () => {
    const api = await clientOf('admin');
    const before = await api.system.get();
    expect(before.database.driver).toBe(database.url ? 'postgres' : 'pglite');
    expect(before.backups).toMatchObject({ directory: path.join(dataDir, 'backups'), last: null });
    expect(await api.system.listBackups()).toEqual([]);

    const report = await api.system.createBackup();
    expect(report.name).toMatch(/^swigs-backup-\d{8}T\d{6}Z\.tar\.gz$/);
    expect(report.sha256).toMatch(/^[0-9a-f]{64}$/);
    expect(report.sizeBytes).toBeGreaterThan(0);
    const listed = await api.system.listBackups();
    expect(listed).toEqual([
      { name: report.name, createdAt: expect.any(String), sizeBytes: report.sizeBytes },
    ]);
    // The list reads the time from the archive's name: to the second.
    expect(listed[0]!.createdAt.slice(0, 19)).toBe(report.createdAt.slice(0, 19));
    expect((await api.system.get()).backups.last?.name).toBe(report.name);
  });

  it('refuses editors', async () => {
    const api = await clientOf('editor');
    const refused = await api.system.get().catch((error: unknown) => error);
    expect((refused as ApiError).status).toBe(403);
    expect((refused as ApiError).code).toBe('ADMIN_REQUIRED');
  });
});
