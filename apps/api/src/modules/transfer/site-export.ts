import { randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import { mkdir, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { SiteTransferCounts } from '@swigs/schema';
import { linkOrCopy } from '../../backup/archive';
import { describeFiles } from '../../backup/manifest';
import type { Transact } from '../../db/client';
import { AppError, notFound } from '../../lib/errors';
import type { SiteRows, TransferRepository } from './transfer.repository';
import {
  dataPath,
  manifestPath,
  type SiteArchiveDataInput,
  type SiteArchiveManifest,
  siteArchiveFormat,
  siteArchiveFormatVersion,
} from './transfer-format';

export interface SiteExportDeps {
  transfer: Pick<TransferRepository, 'readSite'>;
  transact: Transact;
  /** Where the site's files are (`<uploadsDir>/<siteId>/<storedName>`); the export is staged in its .tmp. */
  uploadsDir: string;
  version: string;
}

/** An export staged on disk, ready to be packed (streamed to a client or written to a file). */
export interface PreparedExport {
  dir: string;
  /** `<slug>-<date>.swigs-site.tar.gz` */
  fileName: string;
  counts: SiteTransferCounts;
  /** Media left out because their file was missing (only with allowMissingFiles). */
  omitted: { id: string; file: string }[];
  /** Removes the staged folder; call once packed. */
  cleanup(): Promise<void>;
}

function stampOf(date: Date): string {
  return date
    .toISOString()
    .replace(/[-:]/g, '')
    .replace(/\.\d{3}Z$/, 'Z');
}

const iso = (date: Date) => date.toISOString();

/** site.json from the rows: the API's request shapes plus ids, positions and dates. */
function archiveDataOf(rows: SiteRows, keptMedia: SiteRows['media'], omittedIds: Set<string>) {
  const ref = (mediaId: string | null) => (mediaId && !omittedIds.has(mediaId) ? mediaId : null);
  const primary = rows.domains.find((d) => d.isPrimary)?.host ?? '';
  const data: SiteArchiveDataInput = {
    format: siteArchiveFormat,
    formatVersion: siteArchiveFormatVersion,
    site: {
      name: rows.site.name,
      slug: rows.site.slug,
      domain: primary,
      aliases: rows.domains.filter((d) => !d.isPrimary).map((d) => d.host),
      description: rows.site.description,
      locale: rows.site.locale,
      timeZone: rows.site.timeZone,
      logoId: ref(rows.site.logoId),
      contact: rows.site.contact,
      social: rows.site.social,
      theme: rows.site.theme,
      notificationEmails: rows.site.notificationEmails,
      contactAcknowledgement: rows.site.contactAcknowledgement,
      createdAt: iso(rows.site.createdAt),
      updatedAt: iso(rows.site.updatedAt),
    },
    media: keptMedia.map((m) => ({
      id: m.id,
      kind: m.kind,
      file: `media/${m.storedName}`,
      originalName: m.originalName,
      mimeType: m.mimeType,
      size: m.size,
      width: m.width,
      height: m.height,
      alt: m.alt,
      title: m.title,
      variants: m.variants.map((v) => ({
        width: v.width,
        height: v.height,
        file: `media/${v.storedName}`,
        mimeType: 'image/webp' as const,
        size: v.size,
      })),
      createdAt: iso(m.createdAt),
      updatedAt: iso(m.updatedAt),
    })),
    courses: rows.courses.map((c) => ({
      id: c.id,
      title: c.title,
      slug: c.slug,
      number: c.number,
      description: c.description,
      startDate: c.startDate,
      endDate: c.endDate,
      registrationDeadline: c.registrationDeadline,
      price: c.price === null ? null : Number(c.price),
      currency: c.currency,
      places: c.places,
      location: c.location,
      externalUrl: c.externalUrl,
      status: c.status,
      imageId: ref(c.imageId),
      position: c.position,
      createdAt: iso(c.createdAt),
      updatedAt: iso(c.updatedAt),
    })),
    contents: rows.contents.map((c) => {
      // As PUT /contents/:key takes it: an image block names its media in its data.
      const data = c.type === 'image' ? { mediaId: ref(c.mediaId), alt: String(c.data.alt ?? '') } : c.data;
      return {
        key: c.key,
        type: c.type,
        data,
        createdAt: iso(c.createdAt),
        updatedAt: iso(c.updatedAt),
      } as SiteArchiveDataInput['contents'][number];
    }),
    seo: rows.seo.map((s) => ({
      page: s.page,
      metaTitle: s.metaTitle,
      metaDescription: s.metaDescription,
      keywords: s.keywords,
      ogTitle: s.ogTitle,
      ogDescription: s.ogDescription,
      ogImageId: ref(s.ogImageId),
      twitterCard: s.twitterCard as 'summary' | 'summary_large_image',
      twitterTitle: s.twitterTitle,
      twitterDescription: s.twitterDescription,
      twitterImageId: ref(s.twitterImageId),
      canonicalUrl: s.canonicalUrl,
      noindex: s.noindex,
      createdAt: iso(s.createdAt),
      updatedAt: iso(s.updatedAt),
    })),
    contacts: rows.contacts.map((c) => ({
      name: c.name,
      email: c.email,
      phone: c.phone,
      subject: c.subject,
      message: c.message,
      read: c.read,
      spam: c.spam,
      spamSignals: c.spamSignals,
      createdAt: iso(c.createdAt),
      updatedAt: iso(c.updatedAt),
    })),
    retiredCourseSlugs: rows.retiredCourseSlugs.map((r) => ({ slug: r.slug, courseId: r.courseId })),
  };
  return data;
}

/**
 * Reads the site in one snapshot and stages its archive: site.json, its files hard-linked under
 * media/ (copied across filesystems), and manifest.json with the sha256 of each. A file missing on
 * disk stops the export (SITE_FILES_MISSING) unless `allowMissingFiles`: its media is then left out
 * and what showed it cleared, as a deletion would.
 */
export async function prepareExport(
  deps: SiteExportDeps,
  siteId: string,
  options: { allowMissingFiles: boolean; now?: Date },
): Promise<PreparedExport> {
  const rows = await deps.transact((tx) => deps.transfer.readSite(tx, siteId));
  if (!rows) throw notFound('SITE_NOT_FOUND', 'This site');
  const now = options.now ?? new Date();
  const dir = path.join(deps.uploadsDir, '.tmp', `export-${randomBytes(8).toString('hex')}`);
  const cleanup = () => rm(dir, { recursive: true, force: true });
  try {
    await mkdir(path.join(dir, 'media'), { recursive: true });
    const fileOf = (storedName: string) => path.join(deps.uploadsDir, siteId, storedName);
    const missing: string[] = [];
    const omitted: { id: string; file: string }[] = [];
    const kept: SiteRows['media'] = [];
    for (const m of rows.media) {
      if (!existsSync(fileOf(m.storedName))) {
        missing.push(m.storedName);
        omitted.push({ id: m.id, file: m.storedName });
        continue;
      }
      const variants = m.variants.filter((v) => {
        const present = existsSync(fileOf(v.storedName));
        if (!present) missing.push(v.storedName);
        return present;
      });
      kept.push({ ...m, variants });
    }
    if (missing.length > 0 && !options.allowMissingFiles) {
      const shown = missing.slice(0, 10).join(', ');
      throw new AppError(
        'SITE_FILES_MISSING',
        `${missing.length} file(s) of this site are missing from ${path.join(deps.uploadsDir, siteId)}: ${shown}${missing.length > 10 ? ', …' : ''}. Restore them, or export with allowMissingFiles to leave those media out.`,
      );
    }
    for (const m of kept) {
      for (const name of [m.storedName, ...m.variants.map((v) => v.storedName)]) {
        await linkOrCopy(fileOf(name), path.join(dir, 'media', name));
      }
    }
    const data = archiveDataOf(rows, kept, new Set(omitted.map((m) => m.id)));
    await writeFile(path.join(dir, dataPath), `${JSON.stringify(data, null, 1)}\n`);
    const manifest: SiteArchiveManifest = {
      format: siteArchiveFormat,
      formatVersion: siteArchiveFormatVersion,
      createdAt: now.toISOString(),
      app: { version: deps.version },
      site: { id: rows.site.id, slug: rows.site.slug, name: rows.site.name },
      omittedMedia: omitted,
      files: await describeFiles(dir),
    };
    await writeFile(path.join(dir, manifestPath), `${JSON.stringify(manifest, null, 2)}\n`);
    return {
      dir,
      fileName: `${rows.site.slug}-${stampOf(now)}.swigs-site.tar.gz`,
      counts: {
        media: kept.length,
        files: kept.reduce((sum, m) => sum + 1 + m.variants.length, 0),
        courses: rows.courses.length,
        contents: rows.contents.length,
        seo: rows.seo.length,
        contacts: rows.contacts.length,
      },
      omitted,
      cleanup,
    };
  } catch (error) {
    await cleanup();
    throw error;
  }
}
