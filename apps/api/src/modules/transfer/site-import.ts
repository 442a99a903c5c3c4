import { randomBytes, randomUUID } from 'node:crypto';
import { mkdir, readFile, rm, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';
import {
  courseIdOfSeoPage,
  createSiteBody,
  defaultSiteContact,
  defaultSiteSocial,
  defaultSiteTheme,
  type SiteImportReport,
} from '@swigs/schema';
import type { Executor, Transact } from '../../db/client';
import type { StoredVariant } from '../../db/schema';
import { AppError } from '../../lib/errors';
import { sanitizeRichText } from '../../lib/rich-text';
import type { AuditRepository } from '../audit/audit.repository';
import type { AuditActor } from '../audit/audit-actor';
import type { MediaStorage } from '../media/media.storage';
import { mediaUrl } from '../media/media-ref';
import { detectType } from '../media/media-types';
import { SvgRejected, sanitizeSvg } from '../media/svg-sanitize';
import type { SiteChanges } from '../public/site-changes';
import type { SitesRepository } from '../sites/sites.repository';
import type { NewSiteRows, TransferRepository } from './transfer.repository';
import { describeIssues, unpackArchive } from './transfer-archive';
import { type ArchiveMedia, type SiteArchiveData, siteArchiveData } from './transfer-format';

export interface SiteImportDeps {
  transfer: Pick<TransferRepository, 'insertSite' | 'deleteSite'>;
  sites: Pick<SitesRepository, 'isSlugTaken' | 'findTakenHosts' | 'findById'>;
  storage: Pick<MediaStorage, 'uploadsDir' | 'commit'>;
  insertDefaultSeo(executor: Executor, siteId: string): Promise<void>;
  audit: Pick<AuditRepository, 'record'>;
  changes: SiteChanges;
  transact: Transact;
  /** Largest unpacked archive accepted. */
  maxUnpackedBytes: number;
}

export interface SiteImportOptions {
  slug?: string | undefined;
  domain?: string | undefined;
}

function invalid(message: string): AppError {
  return new AppError('SITE_ARCHIVE_INVALID', message);
}

/** A file to move into the new site's folder once the rows are committed. */
interface PlacedFile {
  tempPath: string;
  storedName: string;
}

/** Upload paths (`/uploads/<site id>/<stored name>`) as rich text, links and JSON may contain them. */
const uploadUrlPattern = /\/uploads\/[0-9a-f-]{36}\/[0-9a-f]{32}(?:-\d{1,5})?\.[a-z0-9]{2,5}/g;

/** Replaces every upload path of the old site found in strings, however deep, by the new one. */
function rewriter(urls: Map<string, string>) {
  const text = (value: string) => value.replace(uploadUrlPattern, (url) => urls.get(url) ?? url);
  const deep = (value: unknown): unknown => {
    if (typeof value === 'string') return text(value);
    if (Array.isArray(value)) return value.map(deep);
    if (value && typeof value === 'object')
      return Object.fromEntries(Object.entries(value).map(([key, inner]) => [key, deep(inner)]));
    return value;
  };
  return { text, deep };
}

/**
 * Checks each file is what its record says, by content, as an upload is checked: an archive
 * cannot smuggle in a script named photo.png. SVG is sanitised again (it is rewritten if that
 * changes it). Returns the files to move and each media's new names and size.
 */
async function checkMediaFiles(work: string, media: ArchiveMedia[]) {
  const placed: PlacedFile[] = [];
  const renamed = new Map<string, { storedName: string; size: number; variants: StoredVariant[] }>();
  for (const m of media) {
    const original = path.join(work, m.file);
    let size = (await stat(original)).size;
    if (m.mimeType === 'image/svg+xml') {
      if (m.kind !== 'image') throw invalid(`${m.file}: an SVG is an image.`);
      // Stored SVG is the sanitiser's output (which may start with an XML declaration): checked by
      // sanitising it again, which refuses anything that is not SVG and strips anything active.
      try {
        const source = await readFile(original, 'utf8');
        const clean = sanitizeSvg(source).svg;
        if (clean !== source) await writeFile(original, clean);
        size = Buffer.byteLength(clean);
      } catch (error) {
        if (error instanceof SvgRejected) throw invalid(`${m.file}: ${error.message}`);
        throw error;
      }
    } else {
      const type = await detectType(original, m.originalName);
      if (!type || type.svg || type.mimeType !== m.mimeType || type.kind !== m.kind) {
        throw invalid(`${m.file}: its content is not the ${m.mimeType} the archive says it is.`);
      }
    }
    const base = randomBytes(16).toString('hex');
    const storedName = `${base}${path.extname(m.file)}`;
    placed.push({ tempPath: original, storedName });
    const variants: StoredVariant[] = [];
    const widths = new Set<number>();
    for (const v of m.variants) {
      const file = path.join(work, v.file);
      if ((await detectType(file, v.file))?.mimeType !== 'image/webp')
        throw invalid(`${v.file}: an image variant must be WebP.`);
      if (widths.has(v.width)) throw invalid(`${m.file}: two variants of width ${v.width}.`);
      widths.add(v.width);
      const variantName = `${base}-${v.width}.webp`;
      placed.push({ tempPath: file, storedName: variantName });
      variants.push({
        width: v.width,
        height: v.height,
        storedName: variantName,
        mimeType: 'image/webp',
        size: (await stat(file)).size,
      });
    }
    renamed.set(m.id, { storedName, size, variants });
  }
  return { placed, renamed };
}

/** The rows of the new site, every id new, every reference and upload path pointing at the new ones. */
function rowsOf(
  data: SiteArchiveData,
  site: ReturnType<typeof createSiteBody.parse>,
  ids: { siteId: string; sourceSiteId: string },
  renamed: Awaited<ReturnType<typeof checkMediaFiles>>['renamed'],
): NewSiteRows {
  const { siteId } = ids;
  const mediaIds = new Map(data.media.map((m) => [m.id, randomUUID()]));
  const courseIds = new Map(data.courses.map((c) => [c.id, randomUUID()]));
  const mediaRef = (id: string | null | undefined) => (id ? (mediaIds.get(id) ?? null) : null);
  const urls = new Map<string, string>();
  for (const m of data.media) {
    const names = renamed.get(m.id)!;
    urls.set(mediaUrl(ids.sourceSiteId, m.file.slice(6)), mediaUrl(siteId, names.storedName));
    m.variants.forEach((v, index) => {
      urls.set(
        mediaUrl(ids.sourceSiteId, v.file.slice(6)),
        mediaUrl(siteId, names.variants[index]!.storedName),
      );
    });
  }
  const rewrite = rewriter(urls);
  const dates = (record: { createdAt: string; updatedAt: string }) => ({
    createdAt: new Date(record.createdAt),
    updatedAt: new Date(record.updatedAt),
  });

  return {
    site: {
      id: siteId,
      slug: site.slug,
      name: site.name,
      description: site.description,
      locale: site.locale,
      timeZone: site.timeZone,
      // As the sites service creates a site: what the archive does not say takes the default.
      contact: { ...defaultSiteContact, ...site.contact },
      social: { ...defaultSiteSocial, ...site.social },
      theme: { ...defaultSiteTheme, ...site.theme },
      notificationEmails: site.notificationEmails ?? [],
      contactAcknowledgement: site.contactAcknowledgement ?? false,
      ...dates(data.site),
    },
    domains: [
      { host: site.domain, siteId, isPrimary: true },
      ...site.aliases.map((host) => ({ host, siteId, isPrimary: false })),
    ],
    logoId: mediaRef(data.site.logoId),
    media: data.media.map((m) => {
      const names = renamed.get(m.id)!;
      return {
        id: mediaIds.get(m.id)!,
        siteId,
        kind: m.kind,
        storedName: names.storedName,
        originalName: m.originalName,
        mimeType: m.mimeType,
        size: names.size,
        width: m.width,
        height: m.height,
        alt: m.alt,
        title: m.title,
        variants: names.variants,
        uploadedBy: null,
        ...dates(m),
      };
    }),
    courses: data.courses.map((c) => ({
      id: courseIds.get(c.id)!,
      siteId,
      slug: c.slug,
      title: c.title,
      number: c.number,
      description: sanitizeRichText(rewrite.text(c.description)),
      startDate: c.startDate,
      endDate: c.endDate,
      registrationDeadline: c.registrationDeadline,
      price: c.price === null ? null : c.price.toFixed(2),
      currency: c.currency,
      places: c.places,
      location: c.location,
      externalUrl: c.externalUrl,
      status: c.status,
      position: c.position,
      imageId: mediaRef(c.imageId),
      ...dates(c),
    })),
    // Stored as the contents service stores blocks: rich text sanitised, an image's media in its column.
    contents: data.contents.map((c) => {
      const base = { siteId, key: c.key, type: c.type, ...dates(c) };
      switch (c.type) {
        case 'richtext':
          return { ...base, data: { html: sanitizeRichText(rewrite.text(c.data.html)) }, mediaId: null };
        case 'image':
          return { ...base, data: { alt: c.data.alt }, mediaId: mediaRef(c.data.mediaId) };
        case 'json':
          return { ...base, data: { value: rewrite.deep(c.data.value ?? null) }, mediaId: null };
        default:
          return { ...base, data: rewrite.deep(c.data) as Record<string, unknown>, mediaId: null };
      }
    }),
    seo: data.seo.map((s) => {
      const courseId = courseIdOfSeoPage(s.page);
      return {
        siteId,
        page: courseId ? `course:${courseIds.get(courseId)}` : s.page,
        metaTitle: s.metaTitle,
        metaDescription: s.metaDescription,
        keywords: s.keywords,
        ogTitle: s.ogTitle,
        ogDescription: s.ogDescription,
        ogImageId: mediaRef(s.ogImageId),
        twitterCard: s.twitterCard,
        twitterTitle: s.twitterTitle,
        twitterDescription: s.twitterDescription,
        twitterImageId: mediaRef(s.twitterImageId),
        canonicalUrl: s.canonicalUrl,
        noindex: s.noindex,
        ...dates(s),
      };
    }),
    contacts: data.contacts.map((c) => ({
      siteId,
      name: c.name,
      email: c.email,
      phone: c.phone,
      subject: c.subject,
      message: c.message,
      read: c.read,
      spam: c.spam,
      spamSignals: c.spamSignals,
      ...dates(c),
    })),
    retiredCourseSlugs: data.retiredCourseSlugs.map((r) => ({
      siteId,
      slug: r.slug,
      courseId: r.courseId ? courseIds.get(r.courseId)! : null,
    })),
  };
}

/**
 * Creates a new site from a `swigs-site` archive. Everything is checked before anything is
 * written: checksums, the data against the API's own schemas and references, each file's type by
 * content, and the slug and host names (taken ones are refused, naming the option that renames).
 * The rows go in one transaction; the files are renamed into the site's folder only after it
 * commits (a failure there deletes the new site again). Nothing is left behind on failure.
 */
export async function importSite(
  deps: SiteImportDeps,
  file: string,
  options: SiteImportOptions,
  actor: AuditActor,
): Promise<SiteImportReport> {
  // Unpacked beside the uploads (same filesystem): files are renamed into place, never copied.
  const work = path.join(deps.storage.uploadsDir, '.tmp', `import-${randomBytes(8).toString('hex')}`);
  await mkdir(work, { recursive: true });
  try {
    const { manifest, data: raw } = await unpackArchive(file, work, deps.maxUnpackedBytes);
    const parsed = siteArchiveData.safeParse(raw);
    if (!parsed.success) throw invalid(`site.json is not valid:\n  ${describeIssues(parsed.error)}`);
    const data = parsed.data;
    const inArchive = new Set(manifest.files.map((entry) => entry.path));
    for (const named of data.media.flatMap((m) => [m.file, ...m.variants.map((v) => v.file)])) {
      if (!inArchive.has(named)) throw invalid(`${named} is named by site.json but not in the archive.`);
    }

    const source = { slug: data.site.slug, domain: data.site.domain, aliases: data.site.aliases };
    const droppedAliases = options.domain ? source.aliases : [];
    const address = createSiteBody.safeParse({
      ...data.site,
      slug: options.slug ?? source.slug,
      domain: options.domain ?? source.domain,
      aliases: options.domain ? [] : source.aliases,
    });
    if (!address.success) {
      throw new AppError(
        'VALIDATION_FAILED',
        `The new address is invalid:\n  ${describeIssues(address.error)}`,
      );
    }
    const site = address.data;
    if (await deps.sites.isSlugTaken(site.slug)) {
      throw new AppError(
        'SLUG_TAKEN',
        `A site with the slug "${site.slug}" exists already here: import under another slug (--slug, or ?slug=).`,
        { errors: [{ field: 'slug', message: 'Another site already uses this slug.', code: 'taken' }] },
      );
    }
    const taken = await deps.sites.findTakenHosts([site.domain, ...site.aliases]);
    if (taken.length > 0) {
      throw new AppError(
        'DOMAIN_TAKEN',
        `Already used by another site here: ${taken.join(', ')}. Import under another domain (--domain, or ?domain=; the archive's aliases are then left out).`,
        {
          errors: [
            { field: 'domain', message: 'This host name already belongs to another site.', code: 'taken' },
          ],
        },
      );
    }

    const { placed, renamed } = await checkMediaFiles(work, data.media);
    const siteId = randomUUID();
    const rows = rowsOf(data, site, { siteId, sourceSiteId: manifest.site.id }, renamed);
    const touched = await deps.transact(async (tx) => {
      await deps.transfer.insertSite(tx, rows);
      // An archive from an older version may lack a default page: every site has them.
      await deps.insertDefaultSeo(tx, siteId);
      await deps.audit.record(tx, {
        siteId,
        actor,
        action: 'create',
        entity: 'site',
        entityId: siteId,
        summary: `Imported site "${site.name}" (${site.domain}) from an archive of "${source.slug}" made ${manifest.createdAt}: ${data.courses.length} courses, ${data.contents.length} contents, ${data.media.length} media, ${data.contacts.length} messages`,
      });
      return deps.changes.touch(tx, siteId);
    });
    try {
      await deps.storage.commit(siteId, placed);
    } catch (error) {
      // The rows are committed but their files could not be put in place: undo the import whole.
      await deps.transact((tx) => deps.transfer.deleteSite(tx, siteId));
      throw error;
    }
    await deps.changes.published(touched);
    const created = await deps.sites.findById(siteId);
    if (!created) throw new Error('The imported site vanished.');
    return {
      site: created,
      counts: {
        media: data.media.length,
        files: placed.length,
        courses: data.courses.length,
        contents: data.contents.length,
        seo: data.seo.length,
        contacts: data.contacts.length,
      },
      source,
      droppedAliases,
    };
  } finally {
    await rm(work, { recursive: true, force: true });
  }
}
