import type { Content } from '@swigs/schema';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, json, type TestApp } from '../../../test/build-test-app';
import { createMedia, createSite, loggedInUser } from '../../../test/factories';

let t: TestApp;
beforeAll(async () => {
  t = await buildTestApp();
});
afterAll(() => t.close());

async function setup() {
  const site = await createSite(t.database);
  const editor = await loggedInUser(t.app, t.database, { siteIds: [site.id] });
  const put = (key: string, payload: object, headers: Record<string, string> = {}) =>
    t.app.inject({
      method: 'PUT',
      url: `/api/v1/sites/${site.id}/contents/${key}`,
      headers: { ...editor.headers, ...headers },
      payload,
    });
  return { site, editor, put };
}

describe('contents', () => {
  it('creates (201) then replaces (200) a block; lists and filters by prefix; deletes', async () => {
    const { site, editor, put } = await setup();
    const created = await put('home.hero', { type: 'text', data: { text: 'Bienvenue' } });
    expect(created.statusCode, created.body).toBe(201);
    expect(json(created).data).toMatchObject({
      key: 'home.hero',
      type: 'text',
      data: { text: 'Bienvenue' },
      version: 1,
    });
    const replaced = await put('home.hero', { type: 'text', data: { text: 'Bonjour' } });
    expect(replaced.statusCode).toBe(200);
    expect(json(replaced).data).toMatchObject({ data: { text: 'Bonjour' }, version: 2 });
    await put('about.body', { type: 'richtext', data: { html: '<p>Qui sommes-nous</p>' } });
    await put('home.links', { type: 'list', data: { items: ['Voile', 'Kite'] } });

    const list = await t.app.inject({
      method: 'GET',
      url: `/api/v1/sites/${site.id}/contents?prefix=home.`,
      headers: editor.headers,
    });
    expect(json<{ data: Content[] }>(list).data.map((c) => c.key)).toEqual(['home.hero', 'home.links']);

    const url = `/api/v1/sites/${site.id}/contents/home.hero`;
    expect((await t.app.inject({ method: 'DELETE', url, headers: editor.headers })).statusCode).toBe(204);
    const gone = await t.app.inject({ method: 'GET', url, headers: editor.headers });
    expect(gone.statusCode).toBe(404);
    expect(json(gone).code).toBe('CONTENT_NOT_FOUND');
  });

  it.each([
    ['text without text', { type: 'text', data: {} }],
    ['an unknown type', { type: 'video', data: {} }],
    ['a link to javascript:', { type: 'link', data: { label: 'x', url: 'javascript:alert(1)' } }],
    ['a link to a protocol-relative host', { type: 'link', data: { label: 'x', url: '//evil.example' } }],
    ['a list of objects', { type: 'list', data: { items: [{ a: 1 }] } }],
    ['an image without media id field', { type: 'image', data: { alt: 'x' } }],
    ['a JSON block over 64 KB', { type: 'json', data: { value: 'x'.repeat(70_000) } }],
  ])('refuses %s and stores nothing', async (_label, payload) => {
    const { site, editor, put } = await setup();
    const response = await put('home.block', payload);
    expect(response.statusCode).toBe(400);
    expect(json(response).code).toBe('VALIDATION_FAILED');
    const list = await t.app.inject({
      method: 'GET',
      url: `/api/v1/sites/${site.id}/contents`,
      headers: editor.headers,
    });
    expect(json(list).data).toEqual([]);
  });

  it('refuses a key that is not one', async () => {
    const { put } = await setup();
    expect((await put('Home%20Hero', { type: 'text', data: { text: 'x' } })).statusCode).toBe(400);
  });

  it('accepts every type with valid data', async () => {
    const { site, put } = await setup();
    const media = await createMedia(t.database, site.id);
    for (const [key, payload] of [
      ['a.link', { type: 'link', data: { label: 'Contact', url: '/contact' } }],
      ['a.mail', { type: 'link', data: { label: 'Écrire', url: 'mailto:info@ecole.ch' } }],
      ['a.json', { type: 'json', data: { value: { horaires: [{ jour: 'lundi', de: '08:00' }] } } }],
      ['a.image', { type: 'image', data: { mediaId: media.id, alt: 'Le lac' } }],
    ] as const) {
      const response = await put(key, payload);
      expect(response.statusCode, response.body).toBe(201);
      expect(json(response).data).toMatchObject({ data: payload.data });
    }
  });

  it('sanitises rich text: no script, event handler or javascript: link is stored', async () => {
    const { put } = await setup();
    const response = await put('legal.body', {
      type: 'richtext',
      data: {
        html: '<h2>Mentions</h2><script>steal()</script><a href="javascript:x()" onmouseover="y()">z</a>',
      },
    });
    expect(json(response).data).toMatchObject({ data: { html: '<h2>Mentions</h2><a>z</a>' } });
  });

  it('an image block resolves its media, of the same site only', async () => {
    const { site, put } = await setup();
    const own = await createMedia(t.database, site.id, { alt: 'Lac' });
    const saved = await put('home.image', { type: 'image', data: { mediaId: own.id, alt: 'Le lac' } });
    expect(json(saved).data).toMatchObject({
      data: { mediaId: own.id, alt: 'Le lac' },
      media: { id: own.id, url: `/uploads/${site.id}/${own.storedName}` },
    });
    const foreign = await createMedia(t.database, (await createSite(t.database)).id);
    const refused = await put('home.image', { type: 'image', data: { mediaId: foreign.id, alt: 'x' } });
    expect(refused.statusCode).toBe(400);
    expect(json(refused)).toMatchObject({ errors: [{ field: 'data.mediaId' }] });
  });

  it('with a version, replaces only that version: a stale one gets 409, a deleted one 404', async () => {
    const { site, editor, put } = await setup();
    await put('home.hero', { type: 'text', data: { text: 'v1' } });
    const responses = await Promise.all(
      ['A', 'B'].map((text) => put('home.hero', { type: 'text', data: { text }, version: 1 })),
    );
    expect(responses.map((r) => r.statusCode).sort()).toEqual([200, 409]);
    expect(json(responses.find((r) => r.statusCode === 409)!)).toMatchObject({ currentVersion: 2 });
    const viaHeader = await put('home.hero', { type: 'text', data: { text: 'C' } }, { 'if-match': '"1"' });
    expect(viaHeader.statusCode).toBe(409);
    await t.app.inject({
      method: 'DELETE',
      url: `/api/v1/sites/${site.id}/contents/home.hero`,
      headers: editor.headers,
    });
    expect((await put('home.hero', { type: 'text', data: { text: 'D' }, version: 2 })).statusCode).toBe(404);
  });
});
