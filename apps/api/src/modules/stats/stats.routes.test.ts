import type { AuditEntry, SiteStats } from '@swigs/schema';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, json, type TestApp } from '../../../test/build-test-app';
import { createContact, createMedia, createSite, type LoggedIn, loggedInUser } from '../../../test/factories';

let t: TestApp;
let admin: LoggedIn;
beforeAll(async () => {
  t = await buildTestApp();
  admin = await loggedInUser(t.app, t.database, { role: 'admin' });
});
afterAll(() => t.close());

describe('dashboard stats and audit trail', () => {
  it('counts courses by status and media, and shows the last changes', async () => {
    const site = await createSite(t.database);
    const editor = await loggedInUser(t.app, t.database, { siteIds: [site.id] });
    for (const status of ['active', 'active', 'full', 'finished']) {
      await t.app.inject({
        method: 'POST',
        url: `/api/v1/sites/${site.id}/courses`,
        headers: editor.headers,
        payload: { title: `Cours ${status}`, status },
      });
    }
    await createMedia(t.database, site.id, { size: 1500 });
    await createMedia(t.database, site.id, { size: 500 });
    await createContact(t.database, site.id);
    await createContact(t.database, site.id, { read: true });
    await createContact(t.database, site.id, { spam: true, spamSignals: ['honeypot'] });
    const response = await t.app.inject({
      method: 'GET',
      url: `/api/v1/sites/${site.id}/stats`,
      headers: editor.headers,
    });
    expect(response.statusCode).toBe(200);
    const stats = json<{ data: SiteStats }>(response).data;
    expect(stats.courses).toEqual({ total: 4, byStatus: { active: 2, full: 1, cancelled: 0, finished: 1 } });
    expect(stats.media).toEqual({ count: 2, bytes: 2000 });
    expect(stats.contacts).toEqual({ unread: 1 });
    expect(stats.lastChanges[0]).toMatchObject({
      actor: { type: 'user', id: editor.user.id, name: editor.user.name },
      action: 'create',
      entity: 'course',
      summary: 'Created course "Cours finished"',
    });
  });

  it('records every write with who, what and when; admins read it per site', async () => {
    const site = await createSite(t.database);
    const editor = await loggedInUser(t.app, t.database, { siteIds: [site.id] });
    const course = json<{ data: { id: string } }>(
      await t.app.inject({
        method: 'POST',
        url: `/api/v1/sites/${site.id}/courses`,
        headers: editor.headers,
        payload: { title: 'Voile' },
      }),
    ).data;
    await t.app.inject({
      method: 'PATCH',
      url: `/api/v1/sites/${site.id}/courses/${course.id}`,
      headers: editor.headers,
      payload: { price: 120, places: 4 },
    });
    await t.app.inject({
      method: 'PUT',
      url: `/api/v1/sites/${site.id}/contents/home.hero`,
      headers: editor.headers,
      payload: { type: 'text', data: { text: 'x' } },
    });
    await t.app.inject({
      method: 'PATCH',
      url: `/api/v1/sites/${site.id}`,
      headers: editor.headers,
      payload: { contact: { phone: '+41 21 000 00 00' } },
    });
    const failed = await t.app.inject({
      method: 'PATCH',
      url: `/api/v1/sites/${site.id}/courses/${course.id}`,
      headers: editor.headers,
      payload: { price: -5 },
    });
    expect(failed.statusCode).toBe(400);

    const refused = await t.app.inject({
      method: 'GET',
      url: `/api/v1/sites/${site.id}/audit`,
      headers: editor.headers,
    });
    expect(refused.statusCode).toBe(403);
    const response = await t.app.inject({
      method: 'GET',
      url: `/api/v1/sites/${site.id}/audit`,
      headers: admin.headers,
    });
    const entries = json<{ data: AuditEntry[]; meta: { total: number } }>(response);
    expect(entries.data.map((e) => e.summary)).toEqual([
      `Updated site "${site.name}": contact`,
      'Created content "home.hero" (text)',
      'Updated course "Voile": price, places',
      'Created course "Voile"',
      `Created site "${site.name}" (${site.domain})`,
    ]);
    expect(entries.data[0]).toMatchObject({ siteId: site.id, actor: { id: editor.user.id }, entity: 'site' });

    const byEntity = await t.app.inject({
      method: 'GET',
      url: `/api/v1/sites/${site.id}/audit?entity=course&entityId=${course.id}`,
      headers: admin.headers,
    });
    expect(json<{ meta: { total: number } }>(byEntity).meta.total).toBe(2);
  });

  it('records user changes and site deletions outside any site', async () => {
    const site = await createSite(t.database);
    const created = await t.app.inject({
      method: 'POST',
      url: '/api/v1/users',
      headers: admin.headers,
      payload: { email: `audit-${site.slug}@example.ch`, password: 'un-mot-de-passe', name: 'Audit' },
    });
    await t.app.inject({ method: 'DELETE', url: `/api/v1/sites/${site.id}`, headers: admin.headers });
    const response = await t.app.inject({
      method: 'GET',
      url: `/api/v1/audit?siteId=none&actorId=${admin.user.id}`,
      headers: admin.headers,
    });
    const summaries = json<{ data: AuditEntry[] }>(response).data.map((e) => e.summary);
    expect(summaries.slice(0, 2)).toEqual([
      `Deleted site "${site.name}" (${site.domain})`,
      `Created editor audit-${site.slug}@example.ch`,
    ]);
    expect(json(created).data).toBeDefined();
  });
});
