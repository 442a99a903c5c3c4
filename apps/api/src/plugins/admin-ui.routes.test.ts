import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, json, type TestApp } from '../../test/build-test-app';

/** The admin SPA served at /admin: caching rules, deep links, missing files, and no build at all. */
let dist: string;
let t: TestApp;
let unbuilt: TestApp;

beforeAll(async () => {
  dist = mkdtempSync(path.join(os.tmpdir(), 'swigs-admin-dist-'));
  mkdirSync(path.join(dist, 'assets'));
  writeFileSync(path.join(dist, 'index.html'), '<!doctype html><title>SWIGS</title><div id="root"></div>');
  writeFileSync(path.join(dist, 'assets', 'index-abc123.js'), 'console.log("admin")');
  writeFileSync(path.join(dist, 'theme-init.js'), '/* theme */');
  t = await buildTestApp({ env: { ADMIN_DIST_DIR: dist } });
  unbuilt = await buildTestApp({ env: { ADMIN_DIST_DIR: path.join(dist, 'nowhere') }, database: t.database });
});
afterAll(async () => {
  await unbuilt.app.close();
  await t.close();
  rmSync(dist, { recursive: true, force: true });
});

describe('admin UI', () => {
  it('serves index.html at /admin and /admin/, revalidated on every load, under the CSP', async () => {
    for (const url of ['/admin', '/admin/']) {
      const response = await t.app.inject({ method: 'GET', url });
      expect(response.statusCode).toBe(200);
      expect(response.headers['content-type']).toContain('text/html');
      expect(response.headers['cache-control']).toBe('no-cache');
      expect(response.headers['content-security-policy']).toContain("script-src 'self'");
      expect(response.body).toContain('<div id="root">');
    }
  });

  it('answers deep links with the app so its router can take over', async () => {
    const response = await t.app.inject({ method: 'GET', url: '/admin/sites/abc/courses/def?tab=seo' });
    expect(response.statusCode).toBe(200);
    expect(response.body).toContain('<div id="root">');
    expect(response.headers['cache-control']).toBe('no-cache');
  });

  it('caches hashed assets for good and unhashed files not at all', async () => {
    const asset = await t.app.inject({ method: 'GET', url: '/admin/assets/index-abc123.js' });
    expect(asset.statusCode).toBe(200);
    expect(asset.headers['cache-control']).toBe('public, max-age=31536000, immutable');
    expect(asset.headers['content-type']).toContain('javascript');
    const theme = await t.app.inject({ method: 'GET', url: '/admin/theme-init.js' });
    expect(theme.statusCode).toBe(200);
    expect(theme.headers['cache-control']).toBe('no-cache');
  });

  it('answers a missing asset with 404, never with the HTML', async () => {
    for (const url of ['/admin/assets/gone-123.js', '/admin/missing.css']) {
      const response = await t.app.inject({ method: 'GET', url });
      expect(response.statusCode).toBe(404);
      expect(json(response).code).toBe('ROUTE_NOT_FOUND');
    }
  });

  it('refuses to serve files outside the build folder', async () => {
    writeFileSync(path.join(dist, '..', 'swigs-secret.txt'), 'TOP-SECRET-CONTENT-42');
    for (const url of [
      '/admin/..%2fswigs-secret.txt',
      '/admin/../swigs-secret.txt',
      '/admin/%2e%2e/swigs-secret.txt',
    ]) {
      const response = await t.app.inject({ method: 'GET', url });
      expect(response.body).not.toContain('TOP-SECRET-CONTENT-42');
    }
    rmSync(path.join(dist, '..', 'swigs-secret.txt'));
  });

  it('explains a missing build with 503 instead of a bare 404', async () => {
    const response = await unbuilt.app.inject({ method: 'GET', url: '/admin/sites' });
    expect(response.statusCode).toBe(503);
    expect(json(response).code).toBe('SERVICE_UNAVAILABLE');
  });

  it('leaves the API alone', async () => {
    const response = await t.app.inject({ method: 'GET', url: '/api/v1/nothing-here' });
    expect(response.statusCode).toBe(404);
    expect(json(response).code).toBe('ROUTE_NOT_FOUND');
  });
});
