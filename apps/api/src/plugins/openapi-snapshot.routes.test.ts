import { existsSync, readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, type TestApp } from '../../test/build-test-app';
import { renderSnapshot, snapshotFile, snapshotVersions } from './openapi-snapshot';

/**
 * A stable API version must not change shape by accident: its OpenAPI document is committed, and
 * this test fails when the routes produce a different one. Changed the API on purpose (a new
 * route, a new optional field)? Run `npm run openapi:snapshot` and commit the file. Removing or
 * changing a field of v1 is a breaking change: it belongs in v2 (or behind a deprecation).
 */
describe('OpenAPI snapshots', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await buildTestApp();
  });
  afterAll(() => t.close());

  for (const apiVersion of snapshotVersions) {
    it(`${apiVersion} matches apps/api/openapi/${apiVersion}.json`, () => {
      const file = snapshotFile(apiVersion);
      expect(existsSync(file), `${file} is missing: run npm run openapi:snapshot`).toBe(true);
      const committed = readFileSync(file, 'utf8');
      const current = renderSnapshot(t.app, apiVersion);
      expect(
        current === committed,
        `The ${apiVersion} API changed. If on purpose, run \`npm run openapi:snapshot\` and commit apps/api/openapi/${apiVersion}.json.`,
      ).toBe(true);
    });
  }

  it('is what /api/v1/openapi.json serves, apart from the server URL and release', async () => {
    const served = (await t.app.inject({ url: '/api/v1/openapi.json' })).json();
    const snapshot = JSON.parse(readFileSync(snapshotFile('v1'), 'utf8'));
    expect(served.paths).toEqual(snapshot.paths);
    expect(served.servers).toBeDefined();
  });
});
