import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, json, type TestApp } from '../../test/build-test-app';
import {
  createApiToken,
  createSite,
  createUser,
  type LoggedIn,
  loggedInUser,
  uniqueSuffix,
} from '../../test/factories';
import { contentRows } from './permissions.content-rows';
import { type Cell, everyone, type Row, statuses, tokens, type Who } from './permissions.matrix';

/**
 * The permission matrix: every API route × (anonymous, editor of site A, editor of site B, admin,
 * read-only API token of site A, read-write API token of site A) × the expected status. Each cell
 * runs on fresh records, so a DELETE in one cell cannot change another. The last test fails when a
 * route exists that this table does not list.
 */

const rows: Row[] = [
  {
    method: 'POST',
    path: '/auth/login',
    request: () => ({
      url: '/api/v1/auth/login',
      payload: { email: `nobody-${uniqueSuffix()}@example.ch`, password: 'wrong-password' },
    }),
    expected: statuses(401, 401, 401, 401, tokens(401, 401)),
  },
  {
    method: 'POST',
    path: '/auth/refresh',
    request: () => ({ url: '/api/v1/auth/refresh' }),
    expected: statuses(401, 401, 401, 401, tokens(401, 401)),
  },
  {
    method: 'POST',
    path: '/auth/logout',
    request: () => ({ url: '/api/v1/auth/logout' }),
    expected: statuses(204, 204, 204, 204),
  },
  {
    method: 'GET',
    path: '/auth/me',
    request: () => ({ url: '/api/v1/auth/me' }),
    expected: statuses(401, 200, 200, 200),
  },

  {
    method: 'GET',
    path: '/users',
    request: () => ({ url: '/api/v1/users' }),
    expected: statuses(401, 403, 403, 200),
  },
  {
    method: 'POST',
    path: '/users',
    request: () => ({
      url: '/api/v1/users',
      payload: { email: `new-${uniqueSuffix()}@example.ch`, password: 'un-mot-de-passe', name: 'Nouveau' },
    }),
    expected: statuses(401, 403, 403, 201),
  },
  {
    method: 'GET',
    path: '/users/{userId}',
    label: 'another user',
    request: (c) => ({ url: `/api/v1/users/${c.otherUserId}` }),
    expected: statuses(401, 403, 403, 200),
  },
  {
    method: 'GET',
    path: '/users/{userId}',
    label: 'oneself',
    request: (c) => ({ url: `/api/v1/users/${c.selfId}` }),
    expected: statuses(401, 200, 200, 200),
  },
  {
    method: 'PATCH',
    path: '/users/{userId}',
    label: 'another user',
    request: (c) => ({ url: `/api/v1/users/${c.otherUserId}`, payload: { name: 'Changé' } }),
    expected: statuses(401, 403, 403, 200),
  },
  {
    method: 'PATCH',
    path: '/users/{userId}',
    label: 'oneself',
    request: (c) => ({ url: `/api/v1/users/${c.selfId}`, payload: { name: 'Moi' } }),
    expected: statuses(401, 200, 200, 200),
  },
  {
    method: 'DELETE',
    path: '/users/{userId}',
    request: (c) => ({ url: `/api/v1/users/${c.otherUserId}` }),
    expected: statuses(401, 403, 403, 204),
  },

  {
    method: 'GET',
    path: '/sites',
    request: () => ({ url: '/api/v1/sites' }),
    expected: statuses(401, 200, 200, 200),
  },
  {
    method: 'POST',
    path: '/sites',
    request: () => {
      const slug = `matrix-${uniqueSuffix()}`;
      return { url: '/api/v1/sites', payload: { name: 'Matrix', slug, domain: `${slug}.example.ch` } };
    },
    expected: statuses(401, 403, 403, 201),
  },
  {
    method: 'GET',
    path: '/sites/{siteId}',
    request: (c) => ({ url: `/api/v1/sites/${c.siteA.id}` }),
    expected: statuses(401, 200, 403, 200, tokens(200, 200)),
  },
  {
    method: 'PATCH',
    path: '/sites/{siteId}',
    request: (c) => ({ url: `/api/v1/sites/${c.siteA.id}`, payload: { description: 'Modifié' } }),
    expected: statuses(401, 200, 403, 200, tokens(403, 200)),
  },
  {
    method: 'DELETE',
    path: '/sites/{siteId}',
    request: (c) => ({ url: `/api/v1/sites/${c.siteA.id}` }),
    expected: statuses(401, 403, 403, 204, tokens(403, 403)),
  },
  ...contentRows,
];

let t: TestApp;
let owner: LoggedIn;
beforeAll(async () => {
  t = await buildTestApp();
  owner = await loggedInUser(t.app, t.database, { role: 'admin' });
});
afterAll(() => t.close());

/** What a token gets where the row does not say: anonymous' answer on public routes, else 403. */
function expectedStatus(row: Row, who: Who): number {
  const declared = row.expected[who];
  if (!Number.isNaN(declared)) return declared;
  if (row.expected.anonymous !== 401) return row.expected.anonymous;
  if (row.path.includes('{siteId}'))
    throw new Error(`${row.method} ${row.path}: declare what API tokens get.`);
  return 403;
}

async function freshCell(who: Who): Promise<{ cell: Cell; headers: Record<string, string> }> {
  const siteA = await createSite(t.database);
  const siteB = await createSite(t.database);
  const other = await createUser(t.database);
  let caller: LoggedIn | undefined;
  let headers: Record<string, string> = {};
  if (who === 'editorA') caller = await loggedInUser(t.app, t.database, { siteIds: [siteA.id] });
  if (who === 'editorB') caller = await loggedInUser(t.app, t.database, { siteIds: [siteB.id] });
  if (who === 'admin') caller = await loggedInUser(t.app, t.database, { role: 'admin' });
  if (caller) headers = caller.headers;
  if (who === 'tokenRead' || who === 'tokenWrite') {
    headers = (await createApiToken(t.app, owner, siteA.id, who === 'tokenRead' ? 'read' : 'write')).headers;
  }
  const asOwner = async (method: 'POST' | 'PUT', url: string, payload: object) => {
    const response = await t.app.inject({
      method,
      url: `/api/v1/sites/${siteA.id}${url}`,
      headers: owner.headers,
      payload,
    });
    if (response.statusCode >= 300) throw new Error(`fixture ${url}: ${response.body}`);
    return JSON.parse(response.body) as { data: { id: string; slug: string } };
  };
  return {
    cell: {
      siteA,
      selfId: caller?.user.id ?? other.user.id,
      otherUserId: other.user.id,
      course: async () => (await asOwner('POST', '/courses', { title: 'Cours matrice' })).data,
      content: async () => {
        await asOwner('PUT', '/contents/home.hero', { type: 'text', data: { text: 'Bonjour' } });
        return 'home.hero';
      },
      customSeo: async () => (await asOwner('POST', '/seo', { page: '/matrice' })).data.id,
      token: async () => (await createApiToken(t.app, owner, siteA.id, 'read')).id,
    },
    headers,
  };
}

describe('permission matrix', () => {
  for (const row of rows) {
    for (const who of everyone) {
      const expected = expectedStatus(row, who);
      it(`${row.method} ${row.path}${row.label ? ` (${row.label})` : ''} as ${who} → ${expected}`, async () => {
        const { cell, headers } = await freshCell(who);
        const response = await t.app.inject({ method: row.method, headers, ...(await row.request(cell)) });
        expect(response.statusCode, response.body).toBe(expected);
        if (response.statusCode === 401 || response.statusCode === 403) {
          expect(response.headers['content-type']).toContain('application/problem+json');
        }
      });
    }
  }

  it('lists every route of the API', async () => {
    const document = json<{ paths: Record<string, Record<string, unknown>> }>(
      await t.app.inject({ method: 'GET', url: '/api/v1/openapi.json' }),
    );
    const documented = Object.entries(document.paths).flatMap(([path, operations]) =>
      Object.keys(operations).map((method) => `${method.toUpperCase()} ${path.replace(/^\/api\/v1/, '')}`),
    );
    const covered = new Set(rows.map((row) => `${row.method} ${row.path}`));
    expect(documented.filter((route) => !covered.has(route))).toEqual([]);
    expect(documented.length).toBeGreaterThanOrEqual(covered.size);
  });
});
