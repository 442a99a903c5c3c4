import type { AddressInfo } from 'node:net';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, type TestApp } from '../../../apps/api/test/build-test-app';
import { createSite, createUser } from '../../../apps/api/test/factories';
import { createRequester } from './http';
import { type ApiError, createClient } from './index';
import { createPublicContactApi } from './public/contact';

/** End to end: the media, contacts, jobs and password-reset parts of the SDK over real HTTP. */
let t: TestApp;
let baseUrl: string;
beforeAll(async () => {
  t = await buildTestApp({ env: { CONTACT_MIN_FILL_SECONDS: '0' } });
  await t.app.listen({ host: '127.0.0.1', port: 0 });
  baseUrl = `http://127.0.0.1:${(t.app.server.address() as AddressInfo).port}`;
});
afterAll(() => t.close());

async function adminClient() {
  const admin = await createUser(t.database, { role: 'admin' });
  let token: string | undefined;
  const api = createClient({ baseUrl, getAccessToken: () => token });
  token = (await api.auth.login({ email: admin.user.email, password: admin.password })).accessToken;
  return api;
}

describe('SDK: media, contacts, jobs, password reset', () => {
  it('uploads, edits and deletes a media file', async () => {
    const api = await adminClient();
    const site = await createSite(t.database);
    const png = await sharp({ create: { width: 400, height: 300, channels: 3, background: '#fff' } })
      .png()
      .toBuffer();
    const uploaded = await api.media.upload(site.id, new Blob([png], { type: 'image/png' }), {
      filename: 'plage.png',
      alt: 'La plage',
    });
    expect(uploaded).toMatchObject({ originalName: 'plage.png', alt: 'La plage', width: 400, height: 300 });
    const served = await fetch(`${baseUrl}${uploaded.url}`);
    expect(served.status).toBe(200);
    const edited = await api.media.update(site.id, uploaded.id, {
      title: 'Plage',
      version: uploaded.version,
    });
    expect(edited.title).toBe('Plage');
    expect((await api.media.list(site.id, { q: 'plage' })).data.map((m) => m.id)).toEqual([uploaded.id]);
    expect(await api.media.usages(site.id, uploaded.id)).toEqual([]);
    await api.media.delete(site.id, uploaded.id);
    const gone = await api.media.get(site.id, uploaded.id).catch((error: unknown) => error);
    expect((gone as ApiError).code).toBe('MEDIA_NOT_FOUND');
  });

  it('sends a contact message publicly and manages it in the inbox', async () => {
    const api = await adminClient();
    const site = await createSite(t.database);
    const contact = createPublicContactApi(createRequester({ baseUrl }));
    const form = await contact.formToken(site.slug);
    expect(form.honeypotField).toBe('website');
    expect(
      await contact.send(site.slug, {
        name: 'Zoé',
        email: 'zoe@example.ch',
        message: 'Bonjour',
        formToken: form.token,
      }),
    ).toEqual({
      received: true,
    });
    const inbox = await api.contacts.list(site.id);
    expect(inbox.data.map((m) => m.name)).toEqual(['Zoé']);
    const read = await api.contacts.markRead(site.id, inbox.data[0]!.id);
    expect(read.read).toBe(true);
    expect(await api.contacts.bulk(site.id, { action: 'mark-unread', ids: [read.id] })).toBe(1);
    const csv = await api.contacts.exportCsv(site.id);
    expect(csv).toContain('"Zoé"');
    await api.contacts.delete(site.id, read.id);
    expect((await api.contacts.list(site.id)).meta.total).toBe(0);
  });

  it('asks for a password reset and lists failed jobs', async () => {
    const api = await adminClient();
    await expect(api.auth.forgotPassword({ email: 'personne@example.ch' })).resolves.toBeUndefined();
    const bad = await api.auth
      .resetPassword({ token: 'x'.repeat(43), password: 'un-mot-de-passe' })
      .catch((error: unknown) => error);
    expect((bad as ApiError).code).toBe('RESET_TOKEN_INVALID');
    expect(Array.isArray((await api.jobs.listFailed()).data)).toBe(true);
  });
});
