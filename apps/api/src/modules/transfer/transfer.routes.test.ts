import { symlinkSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, countRows, type TestApp } from '../../../test/build-test-app';
import { createMedia, createSite, type LoggedIn, loggedInUser } from '../../../test/factories';
import { filesUnder } from '../../../test/multipart';
import { exportSite, fileChecksums, importArchive, normalised, unpacked } from '../../../test/site-archive';
import { createSiteWithEverything, type SiteWithEverything } from '../../../test/site-with-everything';
import { createPgliteTestDatabase, testDriver } from '../../../test/test-database';
import type { DatabaseHandle } from '../../db/client';

/**
 * A site moved between installations keeps everything: exported from an embedded (PGlite)
 * installation, imported into a fresh one — PGlite on the PGlite run, PostgreSQL on the PostgreSQL
 * run — then exported again: both archives say the same, file for file. A bad archive changes nothing.
 */

let sourceDatabase: DatabaseHandle;
let source: TestApp;
let target: TestApp;
let sourceAdmin: LoggedIn;
let targetAdmin: LoggedIn;
let site: SiteWithEverything;
let archive: Buffer;

beforeAll(async () => {
  sourceDatabase = await createPgliteTestDatabase();
  source = await buildTestApp({ database: sourceDatabase });
  target = await buildTestApp();
  sourceAdmin = await loggedInUser(source.app, source.database, { role: 'admin' });
  targetAdmin = await loggedInUser(target.app, target.database, { role: 'admin' });
  site = await createSiteWithEverything(source.app, source.database, sourceAdmin);
  const response = await exportSite(source.app, sourceAdmin, site.siteId);
  expect(response.statusCode, response.body).toBe(200);
  archive = response.rawPayload;
}, 60_000);
afterAll(async () => {
  await source?.close();
  await sourceDatabase?.close();
  await target?.close();
});

const tables = ['sites', 'site_domains', 'media', 'courses', 'contents', 'seo', 'contacts', 'audit_log'];

/** Row counts and files of an installation: a refused import must leave both as they were. */
async function stateOf(t: TestApp) {
  const counts: Record<string, number> = {};
  for (const table of tables) counts[table] = await countRows(t.database, table);
  return { counts, files: filesUnder(t.config.media.uploadsDir).sort() };
}

/** What an archive holds, comparable across installations. */
async function contentOf(bytes: Buffer) {
  const files = await unpacked(bytes);
  try {
    const data = files.read('site.json');
    return { data: normalised(data), files: fileChecksums(files.json('manifest.json'), data) };
  } finally {
    files.remove();
  }
}

describe('site export', () => {
  it('answers a named, checksummed archive: settings, media files with variants, courses, contents, SEO, messages', async () => {
    const response = await exportSite(source.app, sourceAdmin, site.siteId);
    expect(response.headers['content-type']).toBe('application/gzip');
    expect(response.headers['content-disposition']).toMatch(
      new RegExp(`^attachment; filename="${site.slug}-\\d{8}T\\d{6}Z\\.swigs-site\\.tar\\.gz"$`),
    );
    const files = await unpacked(archive);
    try {
      const manifest = files.json<{
        format: string;
        formatVersion: number;
        site: { id: string };
        files: { path: string }[];
      }>('manifest.json');
      expect(manifest).toMatchObject({ format: 'swigs-site', formatVersion: 1, site: { id: site.siteId } });
      const data = files.json<Record<string, Record<string, unknown>[]> & { site: Record<string, unknown> }>(
        'site.json',
      );
      expect(data.site).toMatchObject({
        slug: site.slug,
        domain: site.domain,
        aliases: site.aliases,
        logoId: site.logo.id,
        theme: { primaryColor: '#0e7490', secondaryColor: '#1e293b' },
        notificationEmails: ['accueil@ecole-du-lac.ch', 'direction@ecole-du-lac.ch'],
        contactAcknowledgement: true,
      });
      // The PNG (with its WebP variants), the SVG and the PDF, and site.json: every file checksummed.
      expect(data.media).toHaveLength(3);
      const variants = data.media!.flatMap((m) => m.variants as unknown[]);
      expect(variants.length).toBeGreaterThanOrEqual(4);
      expect(manifest.files.filter((file) => file.path.startsWith('media/'))).toHaveLength(
        3 + variants.length,
      );
      expect(manifest.files.map((file) => file.path)).toContain('site.json');
      expect(data.courses!.map((course) => course.title)).toEqual([
        'Stage terminé',
        'Permis voile',
        'Régate interne',
        'Croisière au coucher du soleil',
      ]);
      expect(data.contents).toHaveLength(6);
      expect(data.seo!.map((record) => record.page)).toEqual(
        expect.arrayContaining(['home', '/tarifs', `course:${site.courseIds[0]}`]),
      );
      expect(data.contacts).toHaveLength(3);
      expect(JSON.stringify(data)).not.toMatch(/passwordHash|tokenHash|uploadedBy/);
    } finally {
      files.remove();
    }
  });

  it('is for admins only', async () => {
    const editor = await loggedInUser(source.app, source.database, { siteIds: [site.siteId] });
    expect((await exportSite(source.app, editor, site.siteId)).statusCode).toBe(403);
  });

  it('stops when a file is missing on disk, or leaves that media out when asked to', async () => {
    const lost = await createSite(source.database);
    const logo = await createMedia(source.database, lost.id);
    await source.app.inject({
      method: 'PATCH',
      url: `/api/v1/sites/${lost.id}`,
      headers: sourceAdmin.headers,
      payload: { logoId: logo.id },
    });
    const refused = await exportSite(source.app, sourceAdmin, lost.id);
    expect(refused.statusCode).toBe(409);
    expect(refused.json()).toMatchObject({ code: 'SITE_FILES_MISSING' });
    expect(refused.json().detail).toContain(logo.storedName);

    const allowed = await exportSite(source.app, sourceAdmin, lost.id, '?allowMissingFiles=true');
    expect(allowed.statusCode).toBe(200);
    const files = await unpacked(allowed.rawPayload);
    try {
      expect(files.json('manifest.json').omittedMedia).toEqual([{ id: logo.id, file: logo.storedName }]);
      expect(files.json<{ site: { logoId: unknown }; media: unknown[] }>('site.json')).toMatchObject({
        site: { logoId: null },
        media: [],
      });
    } finally {
      files.remove();
    }
  });
});

describe(`site import (PGlite → ${testDriver})`, () => {
  it('recreates every record and every file in a fresh installation', async () => {
    const response = await importArchive(target.app, targetAdmin, archive);
    expect(response.statusCode, response.body).toBe(201);
    const report = response.json().data;
    expect(report).toMatchObject({
      site: { slug: site.slug, domain: site.domain, aliases: site.aliases },
      counts: { media: 3, courses: 4, contents: 6, contacts: 3 },
      droppedAliases: [],
    });
    const newId = report.site.id as string;
    expect(newId).not.toBe(site.siteId);

    // Exported again from the new installation, the archive says exactly the same (ids and file
    // names aside): every field of every record, the order of courses, every file's bytes.
    const again = await exportSite(target.app, targetAdmin, newId);
    expect(again.statusCode).toBe(200);
    expect(await contentOf(again.rawPayload)).toEqual(await contentOf(archive));

    // The new site serves: its courses in their order, images and rich text under its own uploads.
    const courses = await target.app.inject({ url: `/api/v1/public/sites/${site.slug}/courses` });
    const list = courses.json().data as {
      title: string;
      image: { url: string } | null;
      description: string;
    }[];
    expect(list.map((course) => course.title)).toEqual([
      'Permis voile',
      'Régate interne',
      'Croisière au coucher du soleil',
    ]);
    const image = list[0]!.image!;
    expect(image.url).toMatch(new RegExp(`^/uploads/${newId}/[0-9a-f]{32}\\.png$`));
    expect(list[0]!.description).toContain(`/uploads/${newId}/`);
    expect(list[0]!.description).not.toContain(site.siteId);
    const served = await target.app.inject({ url: image.url });
    const original = await source.app.inject({ url: site.photo.url });
    expect(served.statusCode).toBe(200);
    expect(served.rawPayload.equals(original.rawPayload)).toBe(true);
    // Former addresses came along: the old slug finds the renamed course, the deleted one is gone.
    const moved = await target.app.inject({
      url: `/api/v1/public/sites/${site.slug}/courses/regate-interne`,
    });
    expect(moved.json().data).toMatchObject({ title: 'Régate interne', slug: 'regate-du-club' });
    const gone = await target.app.inject({ url: `/api/v1/public/sites/${site.slug}/courses/stage-annule` });
    expect(gone.statusCode).toBe(410);
    const hero = await target.app.inject({ url: `/api/v1/public/sites/${site.slug}/contents/home.hero.cta` });
    expect(hero.json().data.data.url).toMatch(new RegExp(`^/uploads/${newId}/[0-9a-f]{32}\\.pdf$`));
    // Messages keep their date and state; nothing was mailed for them.
    const inbox = await target.app.inject({
      url: `/api/v1/sites/${newId}/contacts?pageSize=10`,
      headers: targetAdmin.headers,
    });
    expect((inbox.json().data as { name: string }[]).map((c) => c.name).sort()).toEqual(['Ada', 'Grace']);
    const jobs = await target.database.query<{ n: number }>(
      `select count(*)::int as n from pgboss.job where data->>'siteId' = $1`,
      [newId],
    );
    expect(jobs.rows[0]?.n ?? 0).toBe(0);
  });

  it('refuses a slug or domain used here, and takes new ones when given', async () => {
    const before = await stateOf(source);
    const sameSlug = await importArchive(source.app, sourceAdmin, archive);
    expect(sameSlug.statusCode).toBe(409);
    expect(sameSlug.json()).toMatchObject({ code: 'SLUG_TAKEN' });
    expect(sameSlug.json().detail).toContain('--slug');
    const sameDomain = await importArchive(source.app, sourceAdmin, archive, { slug: `${site.slug}-copie` });
    expect(sameDomain.statusCode).toBe(409);
    expect(sameDomain.json()).toMatchObject({ code: 'DOMAIN_TAKEN' });
    expect(await stateOf(source)).toEqual(before);

    const copy = await importArchive(source.app, sourceAdmin, archive, {
      slug: `${site.slug}-copie`,
      domain: `copie.${site.domain}`,
    });
    expect(copy.statusCode, copy.body).toBe(201);
    const report = copy.json().data;
    expect(report).toMatchObject({
      site: { slug: `${site.slug}-copie`, domain: `copie.${site.domain}`, aliases: [] },
      source: { slug: site.slug, domain: site.domain, aliases: site.aliases },
      droppedAliases: site.aliases,
    });
    const again = await exportSite(source.app, sourceAdmin, report.site.id);
    const copied = await contentOf(again.rawPayload);
    const expected = await contentOf(archive);
    expect(copied.files).toEqual(expected.files);
    expect(copied.data).toEqual(
      expected.data
        .replace(`"slug": "${site.slug}"`, `"slug": "${site.slug}-copie"`)
        .replace(`"domain": "${site.domain}"`, `"domain": "copie.${site.domain}"`)
        .replace(/"aliases": \[\n\s*"[^"]+"\n\s*\]/, '"aliases": []'),
    );
    // The original is untouched.
    const original = await source.app.inject({
      url: `/api/v1/sites/${site.siteId}`,
      headers: sourceAdmin.headers,
    });
    expect(original.json().data).toMatchObject({
      slug: site.slug,
      domain: site.domain,
      aliases: site.aliases,
    });
  });

  it('refuses a damaged, tampered or invalid archive, saying why, and changes nothing', async () => {
    const attempts: [string, () => Promise<Buffer>, RegExp][] = [
      [
        'bytes flipped',
        async () => {
          const bytes = Buffer.from(archive);
          const middle = Math.floor(bytes.length / 2);
          bytes[middle] = (bytes[middle] ?? 0) ^ 0xff;
          return bytes;
        },
        /not a readable archive|does not match/,
      ],
      ['not an archive', async () => Buffer.from('<html>hello</html>'), /not a readable archive/],
      [
        'a media file changed',
        async () => {
          const files = await unpacked(archive);
          const media = files.json<{ media: { file: string }[] }>('site.json').media[0]!.file;
          files.write(media, Buffer.from('other bytes'));
          return files.pack().finally(files.remove);
        },
        /checksum differs: media\//,
      ],
      [
        'site.json edited, checksums made to match, with a rule broken',
        async () => {
          const files = await unpacked(archive);
          const data = files.json<{ courses: Record<string, unknown>[] }>('site.json');
          data.courses[1]!.endDate = '2000-01-01';
          files.write('site.json', JSON.stringify(data));
          await files.reseal();
          return files.pack().finally(files.remove);
        },
        /courses\.1\.endDate: The end date cannot be before the start date/,
      ],
      [
        'a reference to media not in the archive',
        async () => {
          const files = await unpacked(archive);
          const data = files.json<{ courses: Record<string, unknown>[] }>('site.json');
          data.courses[0]!.imageId = '00000000-0000-4000-8000-000000000000';
          files.write('site.json', JSON.stringify(data));
          await files.reseal();
          return files.pack().finally(files.remove);
        },
        /courses\.0\.imageId: Media 00000000-0000-4000-8000-000000000000 is not in the archive/,
      ],
      [
        'a former course address pointing at a course not in the archive',
        async () => {
          const files = await unpacked(archive);
          const data = files.json<{ retiredCourseSlugs: Record<string, unknown>[] }>('site.json');
          data.retiredCourseSlugs.push({
            slug: 'ailleurs',
            courseId: '00000000-0000-4000-8000-000000000000',
          });
          files.write('site.json', JSON.stringify(data));
          await files.reseal();
          return files.pack().finally(files.remove);
        },
        /retiredCourseSlugs\.\d+\.courseId: Course 00000000-0000-4000-8000-000000000000 is not in the archive/,
      ],
      [
        'a script dressed as an image',
        async () => {
          const files = await unpacked(archive);
          const media = files.json<{ media: { file: string; mimeType: string }[] }>('site.json').media;
          const png = media.find((m) => m.mimeType === 'image/png')!.file;
          files.write(png, '<script>alert(1)</script>');
          await files.reseal();
          return files.pack().finally(files.remove);
        },
        /its content is not the image\/png the archive says/,
      ],
      [
        'a link to a file outside',
        async () => {
          const files = await unpacked(archive);
          symlinkSync('/etc/passwd', path.join(files.dir, 'passwd'));
          return files.pack(['passwd']).finally(files.remove);
        },
        /links or special files/,
      ],
      [
        'no manifest',
        async () => {
          const files = await unpacked(archive);
          files.write('manifest.json', '{"format":"something-else"}');
          return files.pack().finally(files.remove);
        },
        /not a SWIGS site manifest/,
      ],
      [
        'a newer format',
        async () => {
          const files = await unpacked(archive);
          files.write('manifest.json', JSON.stringify({ ...files.json('manifest.json'), formatVersion: 2 }));
          return files.pack().finally(files.remove);
        },
        /format version 2; this SWIGS CMS reads version 1/,
      ],
    ];
    const before = await stateOf(target);
    for (const [name, make, message] of attempts) {
      const response = await importArchive(target.app, targetAdmin, await make(), {
        slug: 'jamais-importe',
        domain: 'jamais.example.ch',
      });
      expect(response.statusCode, `${name}: ${response.body}`).toBe(422);
      expect(response.json(), name).toMatchObject({ code: 'SITE_ARCHIVE_INVALID' });
      expect(response.json().detail, name).toMatch(message);
      expect(await stateOf(target), name).toEqual(before);
    }
  });
});
