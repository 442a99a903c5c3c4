import type { Contact } from '@swigs/schema';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, json, type TestApp } from '../../../test/build-test-app';
import { createContact, createSite, type LoggedIn, loggedInUser } from '../../../test/factories';
import { createContactsRepository } from './contacts.repository';

let t: TestApp;
let admin: LoggedIn;
beforeAll(async () => {
  t = await buildTestApp();
  admin = await loggedInUser(t.app, t.database, { role: 'admin' });
});
afterAll(() => t.close());

async function list(siteId: string, query = '', headers = admin.headers) {
  const response = await t.app.inject({
    method: 'GET',
    url: `/api/v1/sites/${siteId}/contacts?${query}`,
    headers,
  });
  expect(response.statusCode, response.body).toBe(200);
  return json<{ data: Contact[]; meta: { total: number } }>(response);
}

describe('the inbox', () => {
  it('lists unread first then newest, filters, searches and paginates', async () => {
    const site = await createSite(t.database);
    const oldUnread = await createContact(t.database, site.id, { name: 'Ancien' });
    const read = await createContact(t.database, site.id, { name: 'Lu', read: true });
    const newUnread = await createContact(t.database, site.id, {
      name: 'Récent',
      message: 'Question sur la régate',
    });
    await createContact(t.database, site.id, { name: 'Robot', spam: true, spamSignals: ['honeypot'] });

    expect((await list(site.id)).data.map((c) => c.id)).toEqual([newUnread.id, oldUnread.id, read.id]);
    expect((await list(site.id, 'status=read')).data.map((c) => c.id)).toEqual([read.id]);
    expect((await list(site.id, 'status=unread')).meta.total).toBe(2);
    expect((await list(site.id, 'q=r%C3%A9gate')).data.map((c) => c.id)).toEqual([newUnread.id]);
    expect((await list(site.id, 'spam=true')).data.map((c) => c.name)).toEqual(['Robot']);
    const second = await list(site.id, 'pageSize=2&page=2');
    expect(second.meta).toMatchObject({ total: 3, page: 2, pageSize: 2 });
    expect(second.data.map((c) => c.id)).toEqual([read.id]);
    expect(await createContactsRepository(t.database.db).countUnread(site.id)).toBe(2);
  });

  it('reads a message, marks it read and unread with its version, deletes it', async () => {
    const site = await createSite(t.database);
    const message = await createContact(t.database, site.id);
    const url = `/api/v1/sites/${site.id}/contacts/${message.id}`;
    const got = await t.app.inject({ method: 'GET', url, headers: admin.headers });
    expect(json(got).data).toMatchObject({ id: message.id, read: false, version: 1 });
    expect(got.headers.etag).toBe('"1"');

    const marked = await t.app.inject({
      method: 'PATCH',
      url,
      headers: admin.headers,
      payload: { read: true, version: 1 },
    });
    expect(json(marked).data).toMatchObject({ read: true, version: 2 });
    const stale = await t.app.inject({
      method: 'PATCH',
      url,
      headers: { ...admin.headers, 'if-match': '"1"' },
      payload: { read: false },
    });
    expect(stale.statusCode).toBe(409);
    expect(json(stale)).toMatchObject({ code: 'VERSION_CONFLICT', currentVersion: 2 });
    const unread = await t.app.inject({
      method: 'PATCH',
      url,
      headers: admin.headers,
      payload: { read: false },
    });
    expect(json(unread).data).toMatchObject({ read: false, version: 3 });

    expect((await t.app.inject({ method: 'DELETE', url, headers: admin.headers })).statusCode).toBe(204);
    const gone = await t.app.inject({ method: 'GET', url, headers: admin.headers });
    expect(gone.statusCode).toBe(404);
    expect(json(gone).code).toBe('CONTACT_NOT_FOUND');
  });

  it('applies bulk actions to this site’s messages only', async () => {
    const site = await createSite(t.database);
    const other = await createSite(t.database);
    const [a, b, c] = [
      await createContact(t.database, site.id),
      await createContact(t.database, site.id),
      await createContact(t.database, site.id),
    ];
    const foreign = await createContact(t.database, other.id);
    const bulk = (action: string, ids: string[]) =>
      t.app.inject({
        method: 'POST',
        url: `/api/v1/sites/${site.id}/contacts/bulk`,
        headers: admin.headers,
        payload: { action, ids },
      });
    const read = await bulk('mark-read', [a!.id, b!.id, foreign.id]);
    expect(json(read).data).toEqual({ affected: 2 });
    expect((await list(site.id, 'status=read')).data.map((m) => m.id).sort()).toEqual([a!.id, b!.id].sort());
    expect(json(await bulk('mark-spam', [c!.id])).data).toEqual({ affected: 1 });
    expect((await list(site.id, 'spam=true')).data.map((m) => m.id)).toEqual([c!.id]);
    expect(json(await bulk('delete', [a!.id, foreign.id])).data).toEqual({ affected: 1 });
    expect((await list(site.id)).data.map((m) => m.id)).toEqual([b!.id]);
    expect((await list(other.id)).data.map((m) => m.id)).toEqual([foreign.id]);
    expect((await bulk('archive', [b!.id])).statusCode).toBe(400);
  });

  it('exports CSV that spreadsheets cannot run as formulas', async () => {
    const site = await createSite(t.database);
    await createContact(t.database, site.id, {
      name: '=HYPERLINK("http://evil.example","Cliquez")',
      subject: '+41 21 555 12 34',
      message: 'Ligne 1\nLigne 2',
    });
    const response = await t.app.inject({
      method: 'GET',
      url: `/api/v1/sites/${site.id}/contacts/export?separator=semicolon`,
      headers: admin.headers,
    });
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toBe('text/csv; charset=utf-8');
    expect(response.headers['content-disposition']).toMatch(
      /^attachment; filename="messages-\d{4}-\d{2}-\d{2}\.csv"$/,
    );
    const lines = response.body.replace(/^\uFEFF/, '').split('\r\n');
    expect(lines[0]).toBe('"Reçu le";"Nom";"Email";"Téléphone";"Sujet";"Message";"Lu";"Spam"');
    expect(lines[1]).toContain(`"'=HYPERLINK(""http://evil.example"",""Cliquez"")"`);
    expect(lines[1]).toContain(`"'+41 21 555 12 34"`);
    expect(lines[1]).toContain('"Ligne 1\nLigne 2"');
  });

  it('editors of another site can neither list, read, export nor change that site’s messages (403)', async () => {
    const site = await createSite(t.database);
    const other = await createSite(t.database);
    const message = await createContact(t.database, site.id);
    const outsider = await loggedInUser(t.app, t.database, { siteIds: [other.id] });
    const insider = await loggedInUser(t.app, t.database, { siteIds: [site.id] });
    const base = `/api/v1/sites/${site.id}/contacts`;
    for (const request of [
      { method: 'GET' as const, url: base },
      { method: 'GET' as const, url: `${base}/${message.id}` },
      { method: 'GET' as const, url: `${base}/export` },
      { method: 'PATCH' as const, url: `${base}/${message.id}`, payload: { read: true } },
      { method: 'DELETE' as const, url: `${base}/${message.id}` },
      { method: 'POST' as const, url: `${base}/bulk`, payload: { action: 'delete', ids: [message.id] } },
    ]) {
      const response = await t.app.inject({ ...request, headers: outsider.headers });
      expect(response.statusCode, `${request.method} ${request.url}`).toBe(403);
      expect(json(response).code).toBe('SITE_ACCESS_DENIED');
    }
    // Through their own site, another site's message does not exist.
    const crossed = await t.app.inject({
      method: 'GET',
      url: `/api/v1/sites/${other.id}/contacts/${message.id}`,
      headers: outsider.headers,
    });
    expect(crossed.statusCode).toBe(404);
    expect((await list(site.id, '', insider.headers)).data.map((c) => c.id)).toEqual([message.id]);
  });
});
