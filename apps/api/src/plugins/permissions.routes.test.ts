import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, json, type TestApp } from '../../test/build-test-app';
import {
  createApiToken,
  createContact,
  createMedia,
  createSite,
  createUser,
  type LoggedIn,
  loggedInUser,
  uniqueSuffix,
} from '../../test/factories';
import { multipart } from '../../test/multipart';
import { createTestDatabase } from '../../test/test-database';
import { contentRows } from './permissions.content-rows';
import { type Cell, everyone, type Row, statuses, tokens, type Who } from './permissions.matrix';

/**
 * The permission matrix: every API route × (anonymous, editor of site A, editor of site B, admin,
 * read-only API token of site A, read-write API token of site A) × the expected status. Each cell
 * runs on fresh records, so a DELETE in one cell cannot change another. The last test fails when a
 * route exists that this table does not list.
 */

/** A 1×1 PNG. */
const tinyPng = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==',
  'base64',
);
const randomId = '00000000-0000-4000-8000-000000000000';

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

  {
    method: 'GET',
    path: '/sites/{siteId}/export',
    // Site A's media row has no file behind it (a factory's): export without it.
    request: (c) => ({ url: `/api/v1/sites/${c.siteA.id}/export?allowMissingFiles=true` }),
    expected: statuses(401, 403, 403, 200, tokens(403, 403)),
  },
  {
    method: 'POST',
    path: '/sites/import',
    request: async (c) => {
      const exported = await t.app.inject({
        url: `/api/v1/sites/${c.siteA.id}/export?allowMissingFiles=true`,
        headers: owner.headers,
      });
      const body = multipart([{ name: 'file', data: exported.rawPayload, filename: 'site.tar.gz' }]);
      const slug = `import-${uniqueSuffix()}`;
      return {
        url: `/api/v1/sites/import?slug=${slug}&domain=${slug}.example.ch`,
        payload: body.payload,
        headers: body.headers,
      };
    },
    expected: statuses(401, 403, 403, 201),
  },

  {
    method: 'POST',
    path: '/auth/password/forgot',
    request: () => ({
      url: '/api/v1/auth/password/forgot',
      payload: { email: `nobody-${uniqueSuffix()}@example.ch` },
    }),
    expected: statuses(202, 202, 202, 202),
  },
  {
    method: 'POST',
    path: '/auth/password/reset',
    request: () => ({
      url: '/api/v1/auth/password/reset',
      payload: { token: 'x'.repeat(43), password: 'un-mot-de-passe' },
    }),
    expected: statuses(400, 400, 400, 400),
  },

  {
    method: 'GET',
    path: '/jobs/failed',
    request: () => ({ url: '/api/v1/jobs/failed' }),
    expected: statuses(401, 403, 403, 200),
  },
  {
    method: 'POST',
    path: '/jobs/{jobId}/retry',
    request: () => ({ url: `/api/v1/jobs/${randomId}/retry` }),
    expected: statuses(401, 403, 403, 404),
  },

  {
    method: 'GET',
    path: '/sites/{siteId}/media',
    request: (c) => ({ url: `/api/v1/sites/${c.siteA.id}/media` }),
    expected: statuses(401, 200, 403, 200),
  },
  {
    method: 'POST',
    path: '/sites/{siteId}/media',
    request: (c) => {
      const body = multipart([
        { name: 'file', data: tinyPng, filename: 'point.png', contentType: 'image/png' },
      ]);
      return { url: `/api/v1/sites/${c.siteA.id}/media`, payload: body.payload, headers: body.headers };
    },
    expected: statuses(401, 201, 403, 201),
  },
  {
    method: 'GET',
    path: '/sites/{siteId}/media/{mediaId}',
    request: (c) => ({ url: `/api/v1/sites/${c.siteA.id}/media/${c.mediaId}` }),
    expected: statuses(401, 200, 403, 200),
  },
  {
    method: 'PATCH',
    path: '/sites/{siteId}/media/{mediaId}',
    request: (c) => ({ url: `/api/v1/sites/${c.siteA.id}/media/${c.mediaId}`, payload: { alt: 'Texte' } }),
    expected: statuses(401, 200, 403, 200),
  },
  {
    method: 'GET',
    path: '/sites/{siteId}/media/{mediaId}/usages',
    request: (c) => ({ url: `/api/v1/sites/${c.siteA.id}/media/${c.mediaId}/usages` }),
    expected: statuses(401, 200, 403, 200),
  },
  {
    method: 'DELETE',
    path: '/sites/{siteId}/media/{mediaId}',
    request: (c) => ({ url: `/api/v1/sites/${c.siteA.id}/media/${c.mediaId}` }),
    expected: statuses(401, 204, 403, 204),
  },

  {
    method: 'GET',
    path: '/public/sites/{site}/contact/token',
    request: (c) => ({ url: `/api/v1/public/sites/${c.siteA.slug}/contact/token` }),
    expected: statuses(200, 200, 200, 200),
  },
  {
    method: 'POST',
    path: '/public/sites/{site}/contact',
    request: (c) => ({
      url: `/api/v1/public/sites/${c.siteA.slug}/contact`,
      payload: { name: 'Visiteur', email: 'visiteur@example.ch', message: 'Bonjour' },
    }),
    expected: statuses(201, 201, 201, 201),
  },
  {
    method: 'GET',
    path: '/sites/{siteId}/contacts',
    request: (c) => ({ url: `/api/v1/sites/${c.siteA.id}/contacts` }),
    expected: statuses(401, 200, 403, 200),
  },
  {
    method: 'GET',
    path: '/sites/{siteId}/contacts/export',
    request: (c) => ({ url: `/api/v1/sites/${c.siteA.id}/contacts/export` }),
    expected: statuses(401, 200, 403, 200),
  },
  {
    method: 'POST',
    path: '/sites/{siteId}/contacts/bulk',
    request: (c) => ({
      url: `/api/v1/sites/${c.siteA.id}/contacts/bulk`,
      payload: { action: 'mark-read', ids: [c.contactId] },
    }),
    expected: statuses(401, 200, 403, 200),
  },
  {
    method: 'GET',
    path: '/sites/{siteId}/contacts/{contactId}',
    request: (c) => ({ url: `/api/v1/sites/${c.siteA.id}/contacts/${c.contactId}` }),
    expected: statuses(401, 200, 403, 200),
  },
  {
    method: 'PATCH',
    path: '/sites/{siteId}/contacts/{contactId}',
    request: (c) => ({ url: `/api/v1/sites/${c.siteA.id}/contacts/${c.contactId}`, payload: { read: true } }),
    expected: statuses(401, 200, 403, 200),
  },
  {
    method: 'DELETE',
    path: '/sites/{siteId}/contacts/{contactId}',
    request: (c) => ({ url: `/api/v1/sites/${c.siteA.id}/contacts/${c.contactId}` }),
    expected: statuses(401, 204, 403, 204),
  },
  ...contentRows,

  {
    method: 'GET',
    path: '/system',
    request: () => ({ url: '/api/v1/system' }),
    expected: statuses(401, 403, 403, 200),
  },
  {
    method: 'GET',
    path: '/system/backups',
    request: () => ({ url: '/api/v1/system/backups' }),
    expected: statuses(401, 403, 403, 200),
  },
  {
    method: 'POST',
    path: '/system/backups',
    request: () => ({ url: '/api/v1/system/backups' }),
    expected: statuses(401, 403, 403, 201),
  },
];

let t: TestApp;
let owner: LoggedIn;
let database: Awaited<ReturnType<typeof createTestDatabase>>;
beforeAll(async () => {
  database = await createTestDatabase();
  // On PostgreSQL the admin's backup cell runs pg_dump, which needs the database's URL.
  t = await buildTestApp({ database, env: database.url ? { DATABASE_URL: database.url } : {} });
  owner = await loggedInUser(t.app, t.database, { role: 'admin' });
});
afterAll(async () => {
  await t.close();
  await database.close();
});

/**
 * What an API token gets where the row does not say. Public routes: what anonymous gets. Routes
 * outside `/sites/:siteId`: 403. Site routes: what the editor of site A gets, and for a read-only
 * token 403 on anything but GET. Rows of routes that refuse tokens (`config.tokens: false`) must
 * say so explicitly.
 */
function expectedStatus(row: Row, who: Who): number {
  const declared = row.expected[who];
  if (!Number.isNaN(declared)) return declared;
  if (row.expected.anonymous !== 401) return row.expected.anonymous;
  if (!row.path.includes('{siteId}')) return 403;
  if (who === 'tokenRead' && row.method !== 'GET') return 403;
  return row.expected.editorA;
}

async function freshCell(who: Who): Promise<{ cell: Cell; headers: Record<string, string> }> {
  const siteA = await createSite(t.database);
  const siteB = await createSite(t.database);
  const other = await createUser(t.database);
  const [media, contact] = await Promise.all([
    createMedia(t.database, siteA.id),
    createContact(t.database, siteA.id),
  ]);
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
      mediaId: media.id,
      contactId: contact.id,
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
        const { headers: extraHeaders, ...request } = await row.request(cell);
        const response = await t.app.inject({
          method: row.method,
          headers: { ...headers, ...(extraHeaders as Record<string, string> | undefined) },
          ...request,
        });
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
