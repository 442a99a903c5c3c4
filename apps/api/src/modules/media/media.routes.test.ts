import { existsSync, readFileSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { connect } from 'node:net';
import path from 'node:path';
import type { Media } from '@swigs/schema';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, json, type TestApp } from '../../../test/build-test-app';
import { createSite, type LoggedIn, loggedInUser } from '../../../test/factories';
import { filesUnder, multipart } from '../../../test/multipart';

const maxBytes = 300_000;
let t: TestApp;
let admin: LoggedIn;
let uploadsDir: string;
let png: Buffer;
beforeAll(async () => {
  t = await buildTestApp({ env: { MEDIA_MAX_BYTES: String(maxBytes) } });
  admin = await loggedInUser(t.app, t.database, { role: 'admin' });
  uploadsDir = t.config.media.uploadsDir;
  png = await sharp({ create: { width: 800, height: 500, channels: 3, background: '#0e7490' } })
    .png()
    .toBuffer();
});
afterAll(() => t.close());

async function upload(
  siteId: string,
  file: { data: Buffer | string; filename: string; contentType?: string },
  headers: Record<string, string> = admin.headers,
  fields: Record<string, string> = {},
) {
  const body = multipart([
    ...Object.entries(fields).map(([name, data]) => ({ name, data })),
    { name: 'file', ...file, contentType: file.contentType ?? 'application/octet-stream' },
  ]);
  return t.app.inject({
    method: 'POST',
    url: `/api/v1/sites/${siteId}/media`,
    payload: body.payload,
    headers: { ...headers, ...body.headers },
  });
}

async function mediaRows(siteId: string) {
  const { rows } = await t.database.query('select id from media where site_id = $1', [siteId]);
  return rows;
}

/** Nothing left for this site: no row, no file in its folder, nothing half-written in the temp folder. */
async function expectNothingStored(siteId: string) {
  expect(await mediaRows(siteId)).toHaveLength(0);
  expect(filesUnder(path.join(uploadsDir, siteId))).toEqual([]);
  expect(filesUnder(path.join(uploadsDir, '.tmp'))).toEqual([]);
}

describe('uploading', () => {
  it('stores an image by its content, with dimensions, WebP variants and alt text, and serves it', async () => {
    const site = await createSite(t.database);
    const response = await upload(
      site.id,
      { data: png, filename: 'Bannière été.png', contentType: 'image/png' },
      admin.headers,
      {
        alt: 'Le lac au printemps',
      },
    );
    expect(response.statusCode, response.body).toBe(201);
    const created = json<{ data: Media }>(response).data;
    expect(created).toMatchObject({
      kind: 'image',
      mimeType: 'image/png',
      width: 800,
      height: 500,
      alt: 'Le lac au printemps',
      originalName: 'Bannière été.png',
      version: 1,
    });
    expect(created.url).toMatch(new RegExp(`^/uploads/${site.id}/[0-9a-f]{32}\\.png$`));
    expect(created.variants.map((v) => v.width)).toEqual([320, 640, 800]);
    expect(created.variants.every((v) => v.mimeType === 'image/webp' && v.url.endsWith('.webp'))).toBe(true);

    const served = await t.app.inject({ method: 'GET', url: created.url });
    expect(served.statusCode).toBe(200);
    expect(served.headers['content-type']).toBe('image/png');
    expect(served.headers['cache-control']).toBe('public, max-age=31536000, immutable');
    expect(served.headers['x-content-type-options']).toBe('nosniff');
    expect(served.headers['cross-origin-resource-policy']).toBe('cross-origin');
    expect(served.rawPayload.equals(png)).toBe(true);
    const variant = await t.app.inject({ method: 'GET', url: created.variants[0]!.url });
    expect(variant.headers['content-type']).toBe('image/webp');
    expect((await sharp(variant.rawPayload).metadata()).width).toBe(320);
    const notModified = await t.app.inject({
      method: 'GET',
      url: created.url,
      headers: { 'if-none-match': String(served.headers.etag) },
    });
    expect(notModified.statusCode).toBe(304);
  });

  it('treats a PNG renamed to .pdf as the PNG it is', async () => {
    const site = await createSite(t.database);
    const response = await upload(site.id, {
      data: png,
      filename: 'rapport.pdf',
      contentType: 'application/pdf',
    });
    expect(response.statusCode).toBe(201);
    const created = json<{ data: Media }>(response).data;
    expect(created).toMatchObject({ kind: 'image', mimeType: 'image/png', originalName: 'rapport.pdf' });
    expect(created.url.endsWith('.png')).toBe(true);
    const served = await t.app.inject({ method: 'GET', url: created.url });
    expect(served.headers['content-type']).toBe('image/png');
  });

  it('refuses an HTML file renamed to .jpg, and stores nothing', async () => {
    const site = await createSite(t.database);
    const response = await upload(site.id, {
      data: '<!doctype html><html><body><script>alert(document.cookie)</script></body></html>',
      filename: 'photo.jpg',
      contentType: 'image/jpeg',
    });
    expect(response.statusCode).toBe(415);
    expect(json(response)).toMatchObject({ code: 'UNSUPPORTED_FILE_TYPE' });
    expect(json<{ detail: string }>(response).detail).toContain('Accepted');
    await expectNothingStored(site.id);
  });

  it('refuses a file over the size limit with 413, and stores nothing', async () => {
    const site = await createSite(t.database);
    const big = Buffer.concat([Buffer.from('%PDF-1.4\n'), Buffer.alloc(maxBytes + 10, 0x20)]);
    const response = await upload(site.id, {
      data: big,
      filename: 'gros.pdf',
      contentType: 'application/pdf',
    });
    expect(response.statusCode).toBe(413);
    expect(json(response)).toMatchObject({ code: 'PAYLOAD_TOO_LARGE' });
    await expectNothingStored(site.id);
  });

  it('never lets a file name become a path', async () => {
    const site = await createSite(t.database);
    const accepted = await upload(site.id, { data: png, filename: '../../etc/passwd' });
    expect(accepted.statusCode).toBe(201);
    const created = json<{ data: Media }>(accepted).data;
    expect(created.originalName).toBe('passwd');
    const storedName = /^[0-9a-f-]{36}\/[0-9a-f]{32}(?:-\d+)?\.[a-z]+$/;
    expect(filesUnder(uploadsDir).filter((file) => !storedName.test(file))).toEqual([]);
    expect(filesUnder(path.join(uploadsDir, site.id))).toHaveLength(1 + created.variants.length);
    expect(existsSync(path.join(uploadsDir, '..', 'etc'))).toBe(false);

    const text = await upload(site.id, {
      data: 'root:x:0:0:root:/root:/bin/bash\n',
      filename: '../../etc/passwd',
    });
    expect(text.statusCode).toBe(415);
    expect(await mediaRows(site.id)).toHaveLength(1);
    const traversal = await t.app.inject({
      method: 'GET',
      url: `/uploads/${site.id}/..%2F..%2Fetc%2Fpasswd`,
    });
    expect(traversal.statusCode).toBe(404);
  });

  it('stores an SVG without its script and serves it under a no-script policy', async () => {
    const site = await createSite(t.database);
    const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="40" height="20" onload="alert(1)">
      <script>alert(document.cookie)</script><rect width="40" height="20" fill="#0e7490"/>
      <a href="javascript:alert(2)"><circle r="4"/></a></svg>`;
    const response = await upload(site.id, { data: svg, filename: 'logo.svg', contentType: 'image/svg+xml' });
    expect(response.statusCode).toBe(201);
    const created = json<{ data: Media }>(response).data;
    expect(created).toMatchObject({
      kind: 'image',
      mimeType: 'image/svg+xml',
      width: 40,
      height: 20,
      variants: [],
    });
    const stored = readFileSync(path.join(uploadsDir, created.url.replace('/uploads/', '')), 'utf8');
    expect(stored).not.toMatch(/script|alert|onload|javascript/i);
    expect(stored).toContain('<rect width="40" height="20" fill="#0e7490"/>');
    const served = await t.app.inject({ method: 'GET', url: created.url });
    expect(served.headers['content-type']).toContain('image/svg+xml');
    expect(served.headers['content-security-policy']).toContain("default-src 'none'");
    expect(served.headers['content-security-policy']).toContain('sandbox');
    expect(served.body).not.toContain('alert');
  });

  it('refuses a damaged image (valid signature, broken data) and stores nothing', async () => {
    const site = await createSite(t.database);
    const broken = Buffer.concat([png.subarray(0, 64), Buffer.alloc(2000, 7)]);
    const response = await upload(site.id, { data: broken, filename: 'cassé.png' });
    expect(response.statusCode).toBe(400);
    expect(json(response)).toMatchObject({ code: 'INVALID_FILE' });
    await expectNothingStored(site.id);
  });

  it('stores a PDF as a document, served inline', async () => {
    const site = await createSite(t.database);
    const pdf = Buffer.from('%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n');
    const response = await upload(site.id, { data: pdf, filename: 'programme.pdf' });
    expect(response.statusCode).toBe(201);
    const created = json<{ data: Media }>(response).data;
    expect(created).toMatchObject({
      kind: 'document',
      mimeType: 'application/pdf',
      width: null,
      variants: [],
    });
    const served = await t.app.inject({ method: 'GET', url: created.url });
    expect(served.headers['content-type']).toBe('application/pdf');
    expect(served.headers['content-disposition']).toBeUndefined();
  });

  it('refuses a request without a file part, or not multipart', async () => {
    const site = await createSite(t.database);
    const noFile = multipart([{ name: 'alt', data: 'x' }]);
    const missing = await t.app.inject({
      method: 'POST',
      url: `/api/v1/sites/${site.id}/media`,
      payload: noFile.payload,
      headers: { ...admin.headers, ...noFile.headers },
    });
    expect(missing.statusCode).toBe(400);
    const asJson = await t.app.inject({
      method: 'POST',
      url: `/api/v1/sites/${site.id}/media`,
      payload: { file: 'x' },
      headers: admin.headers,
    });
    expect(asJson.statusCode).toBe(415);
  });

  it('leaves no partial file and no row when the client disconnects mid-upload', async () => {
    const site = await createSite(t.database);
    const local = await buildTestApp({ database: t.database, env: { DATA_DIR: path.dirname(uploadsDir) } });
    await local.app.listen({ host: '127.0.0.1', port: 0 });
    try {
      const { port } = local.app.server.address() as AddressInfo;
      const body = multipart([
        { name: 'file', data: Buffer.concat([png, Buffer.alloc(200_000, 1)]), filename: 'x.png' },
      ]);
      const partial = body.payload.subarray(0, 120_000);
      let sawPartialFile = false;
      await new Promise<void>((resolve, reject) => {
        const socket = connect(port, '127.0.0.1', () => {
          socket.write(
            [
              `POST /api/v1/sites/${site.id}/media HTTP/1.1`,
              'Host: 127.0.0.1',
              `Authorization: ${admin.headers.authorization}`,
              `Content-Type: ${body.headers['content-type']}`,
              `Content-Length: ${body.payload.length}`,
              '',
              '',
            ].join('\r\n'),
          );
          socket.write(partial, async () => {
            // Wait until the server is writing the temporary file (the upload is really mid-way), then vanish.
            const until = Date.now() + 5000;
            while (filesUnder(path.join(uploadsDir, '.tmp')).length === 0 && Date.now() < until) {
              await new Promise((r) => setTimeout(r, 20));
            }
            sawPartialFile = filesUnder(path.join(uploadsDir, '.tmp')).length > 0;
            socket.destroy();
            resolve();
          });
        });
        socket.on('error', reject);
      });
      const deadline = Date.now() + 5000;
      while (filesUnder(path.join(uploadsDir, '.tmp')).length > 0 && Date.now() < deadline) {
        await new Promise((resolve) => setTimeout(resolve, 50));
      }
      expect(sawPartialFile).toBe(true);
      await expectNothingStored(site.id);
    } finally {
      await local.close();
    }
  });
});

describe('the library', () => {
  it('lists newest first, filters by kind, searches, paginates', async () => {
    const site = await createSite(t.database);
    await upload(site.id, { data: png, filename: 'voilier.png' }, admin.headers, { title: 'Régate' });
    await upload(site.id, { data: Buffer.from('%PDF-1.4\n%%EOF\n'), filename: 'tarifs.pdf' });
    await upload(site.id, { data: png, filename: 'lac.png' });
    const list = async (query: string) =>
      json<{ data: Media[]; meta: { total: number } }>(
        await t.app.inject({
          method: 'GET',
          url: `/api/v1/sites/${site.id}/media?${query}`,
          headers: admin.headers,
        }),
      );
    expect((await list('')).data.map((m) => m.originalName)).toEqual([
      'lac.png',
      'tarifs.pdf',
      'voilier.png',
    ]);
    expect((await list('kind=document')).data.map((m) => m.originalName)).toEqual(['tarifs.pdf']);
    expect((await list('q=r%C3%A9gate')).data.map((m) => m.originalName)).toEqual(['voilier.png']);
    const page = await list('pageSize=2&page=2');
    expect(page.meta.total).toBe(3);
    expect(page.data.map((m) => m.originalName)).toEqual(['voilier.png']);
  });

  it('edits alt text and title with the version it was based on', async () => {
    const site = await createSite(t.database);
    const created = json<{ data: Media }>(await upload(site.id, { data: png, filename: 'a.png' })).data;
    const url = `/api/v1/sites/${site.id}/media/${created.id}`;
    const edited = await t.app.inject({
      method: 'PATCH',
      url,
      headers: admin.headers,
      payload: { alt: 'Texte alternatif', title: 'Titre', version: 1 },
    });
    expect(edited.statusCode).toBe(200);
    expect(json(edited).data).toMatchObject({ alt: 'Texte alternatif', title: 'Titre', version: 2 });
    const stale = await t.app.inject({
      method: 'PATCH',
      url,
      headers: admin.headers,
      payload: { alt: 'Vieux', version: 1 },
    });
    expect(stale.statusCode).toBe(409);
    expect(json(stale)).toMatchObject({ code: 'VERSION_CONFLICT', currentVersion: 2 });
  });

  it('refuses to delete the site logo unless forced, then removes the row and every file', async () => {
    const site = await createSite(t.database);
    const logo = json<{ data: Media }>(await upload(site.id, { data: png, filename: 'logo.png' })).data;
    const setLogo = await t.app.inject({
      method: 'PATCH',
      url: `/api/v1/sites/${site.id}`,
      headers: admin.headers,
      payload: { logoId: logo.id },
    });
    expect(setLogo.statusCode).toBe(200);
    const url = `/api/v1/sites/${site.id}/media/${logo.id}`;
    const usages = await t.app.inject({ method: 'GET', url: `${url}/usages`, headers: admin.headers });
    expect(json(usages).data).toEqual([{ type: 'site-logo', id: site.id, label: site.name }]);

    const refused = await t.app.inject({ method: 'DELETE', url, headers: admin.headers });
    expect(refused.statusCode).toBe(409);
    expect(json(refused)).toMatchObject({ code: 'MEDIA_IN_USE' });
    expect(filesUnder(path.join(uploadsDir, site.id))).toHaveLength(4);

    const forced = await t.app.inject({ method: 'DELETE', url: `${url}?force=true`, headers: admin.headers });
    expect(forced.statusCode).toBe(204);
    expect(filesUnder(path.join(uploadsDir, site.id))).toEqual([]);
    const after = await t.app.inject({
      method: 'GET',
      url: `/api/v1/sites/${site.id}`,
      headers: admin.headers,
    });
    expect(json(after).data).toMatchObject({ logoId: null, logo: null });
    expect((await t.app.inject({ method: 'GET', url: logo.url })).statusCode).toBe(404);
  });

  it('refuses to delete an image used by a course, a content block or an SEO record unless forced', async () => {
    const site = await createSite(t.database);
    const image = json<{ data: Media }>(await upload(site.id, { data: png, filename: 'photo.png' })).data;
    const course = await t.app.inject({
      method: 'POST',
      url: `/api/v1/sites/${site.id}/courses`,
      headers: admin.headers,
      payload: { title: 'Voile débutants', imageId: image.id },
    });
    expect(course.statusCode).toBe(201);
    const block = await t.app.inject({
      method: 'PUT',
      url: `/api/v1/sites/${site.id}/contents/home.hero-image`,
      headers: admin.headers,
      payload: { type: 'image', data: { mediaId: image.id, alt: 'Le lac' } },
    });
    expect(block.statusCode).toBeLessThan(300);
    const seoList = json<{ data: { id: string; page: string; version: number }[] }>(
      await t.app.inject({ method: 'GET', url: `/api/v1/sites/${site.id}/seo`, headers: admin.headers }),
    ).data;
    const home = seoList.find((record) => record.page === 'home')!;
    const seo = await t.app.inject({
      method: 'PATCH',
      url: `/api/v1/sites/${site.id}/seo/${home.id}`,
      headers: admin.headers,
      payload: { ogImageId: image.id, version: home.version },
    });
    expect(seo.statusCode).toBe(200);

    const url = `/api/v1/sites/${site.id}/media/${image.id}`;
    const usages = json<{ data: { type: string }[] }>(
      await t.app.inject({ method: 'GET', url: `${url}/usages`, headers: admin.headers }),
    ).data;
    expect(usages.map((usage) => usage.type).sort()).toEqual(['content', 'course', 'seo']);
    const refused = await t.app.inject({ method: 'DELETE', url, headers: admin.headers });
    expect(refused.statusCode).toBe(409);
    expect(json(refused)).toMatchObject({ code: 'MEDIA_IN_USE' });

    const forced = await t.app.inject({ method: 'DELETE', url: `${url}?force=true`, headers: admin.headers });
    expect(forced.statusCode).toBe(204);
    const courseAfter = await t.app.inject({
      method: 'GET',
      url: `/api/v1/sites/${site.id}/courses/${json<{ data: { id: string } }>(course).data.id}`,
      headers: admin.headers,
    });
    expect(json(courseAfter).data).toMatchObject({ imageId: null, image: null });
  });

  it('deletes a site’s files with the site', async () => {
    const site = await createSite(t.database);
    await upload(site.id, { data: png, filename: 'a.png' });
    expect(filesUnder(path.join(uploadsDir, site.id)).length).toBeGreaterThan(0);
    const deleted = await t.app.inject({
      method: 'DELETE',
      url: `/api/v1/sites/${site.id}`,
      headers: admin.headers,
    });
    expect(deleted.statusCode).toBe(204);
    expect(existsSync(path.join(uploadsDir, site.id))).toBe(false);
  });

  it('editors of another site can neither list, read, upload nor delete (403)', async () => {
    const site = await createSite(t.database);
    const other = await createSite(t.database);
    const created = json<{ data: Media }>(await upload(site.id, { data: png, filename: 'a.png' })).data;
    const outsider = await loggedInUser(t.app, t.database, { siteIds: [other.id] });
    const insider = await loggedInUser(t.app, t.database, { siteIds: [site.id] });
    const base = `/api/v1/sites/${site.id}/media`;
    for (const request of [
      { method: 'GET' as const, url: base },
      { method: 'GET' as const, url: `${base}/${created.id}` },
      { method: 'DELETE' as const, url: `${base}/${created.id}` },
    ]) {
      const response = await t.app.inject({ ...request, headers: outsider.headers });
      expect(response.statusCode).toBe(403);
      expect(json(response).code).toBe('SITE_ACCESS_DENIED');
    }
    expect((await upload(site.id, { data: png, filename: 'b.png' }, outsider.headers)).statusCode).toBe(403);
    // Another site's media id through one's own site: not found, never shown.
    const crossed = await t.app.inject({
      method: 'GET',
      url: `/api/v1/sites/${other.id}/media/${created.id}`,
      headers: outsider.headers,
    });
    expect(crossed.statusCode).toBe(404);
    expect((await t.app.inject({ method: 'GET', url: base, headers: insider.headers })).statusCode).toBe(200);
    expect((await upload(site.id, { data: png, filename: 'c.png' }, insider.headers)).statusCode).toBe(201);
  });
});
