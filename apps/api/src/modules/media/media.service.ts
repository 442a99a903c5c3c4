import { randomBytes } from 'node:crypto';
import { readFile, writeFile } from 'node:fs/promises';
import type { Readable } from 'node:stream';
import type { Media, MediaUsage, mediaListQuery, UpdateMediaBody } from '@swigs/schema';
import type { z } from 'zod';
import type { Transact } from '../../db/client';
import type { StoredVariant } from '../../db/schema';
import { AppError, notFound, versionConflict } from '../../lib/errors';
import { pageOf } from '../../lib/pagination';
import type { SiteChanges } from '../public/site-changes';
import { ImageUnreadable, processImage } from './image-variants';
import type { MediaRepository } from './media.repository';
import type { MediaStorage } from './media.storage';
import { acceptedTypesDescription, detectType } from './media-types';
import type { MediaUsageFinder } from './media-usage';
import { SvgRejected, sanitizeSvg } from './svg-sanitize';

export interface MediaServiceDeps {
  media: MediaRepository;
  storage: MediaStorage;
  findUsages: MediaUsageFinder;
  transact: Transact;
  maxBytes: number;
  /**
   * Public answers show media (a course image's alt, a logo): an edit or a deletion must reach
   * the public cache like any other edit of the site.
   */
  changes?: Pick<SiteChanges, 'touch' | 'published'>;
}

export interface UploadSource {
  /** The file's bytes as they arrive. */
  stream: Readable;
  /** Whether the stream was cut at the size limit (checked once it ended). */
  truncated(): boolean;
  /** The name the client gave; kept for display only. */
  filename: string;
}

export interface UploadInput {
  siteId: string;
  uploadedBy: string | null;
  alt: string;
  title: string;
}

/**
 * The client's file name, reduced to something harmless to display: no folders (`../../etc/passwd`
 * becomes `passwd`), no control characters, at most 255 characters. It never becomes a path.
 */
export function displayName(filename: string): string {
  const base = filename.split(/[\\/]/).pop() ?? '';
  const cleaned = [...base]
    .filter((char) => char.charCodeAt(0) > 0x1f && char.charCodeAt(0) !== 0x7f)
    .join('')
    .trim()
    .slice(0, 255);
  return cleaned === '' || cleaned === '.' || cleaned === '..' ? 'file' : cleaned;
}

function formatBytes(bytes: number): string {
  return bytes >= 1024 * 1024
    ? `${Math.round(bytes / 1024 / 102.4) / 10} MB`
    : `${Math.round(bytes / 1024)} KB`;
}

function describeUsages(usages: MediaUsage[]): string {
  return usages.map((usage) => `${usage.type} “${usage.label}”`).join(', ');
}

export function createMediaService(deps: MediaServiceDeps) {
  const { media, storage, transact } = deps;

  async function requireMedia(siteId: string, id: string): Promise<Media> {
    const found = await media.findById(siteId, id);
    if (!found) throw notFound('MEDIA_NOT_FOUND', 'This file');
    return found;
  }

  return {
    async listMedia(siteId: string, query: z.output<typeof mediaListQuery>) {
      const { rows, total } = await media.list(siteId, query);
      return pageOf(rows, total, query);
    },

    getMedia: requireMedia,

    /**
     * Receives an upload into a temporary file, identifies it by content, sanitises SVG, makes
     * WebP variants of raster images, moves the files into place and only then inserts the row.
     * Every failure on the way (client gone, too large, wrong type, unreadable image, database
     * error) deletes what was written: no partial file, no row.
     */
    async uploadMedia(input: UploadInput, source: UploadSource): Promise<Media> {
      const temps: string[] = [];
      let committed: string[] = [];
      try {
        let received: { path: string; size: number };
        try {
          received = await storage.receive(source.stream);
        } catch {
          if (source.truncated()) throw tooLarge(deps.maxBytes);
          throw new AppError('BAD_REQUEST', 'The upload did not complete.');
        }
        temps.push(received.path);
        if (source.truncated()) throw tooLarge(deps.maxBytes);
        if (received.size === 0) throw new AppError('INVALID_FILE', 'The file is empty.');

        const type = await detectType(received.path, source.filename);
        if (!type) {
          throw new AppError(
            'UNSUPPORTED_FILE_TYPE',
            `This file's content is not an accepted type, whatever its name says. Accepted: ${acceptedTypesDescription}.`,
          );
        }
        const base = randomBytes(16).toString('hex');
        const storedName = `${base}.${type.extension}`;
        let original = received.path;
        let size = received.size;
        let width: number | null = null;
        let height: number | null = null;
        let variants: (StoredVariant & { tempPath: string })[] = [];

        if (type.svg) {
          let clean: ReturnType<typeof sanitizeSvg>;
          try {
            clean = sanitizeSvg(await readFile(received.path, 'utf8'));
          } catch (error) {
            if (error instanceof SvgRejected) throw new AppError('INVALID_FILE', error.message);
            throw error;
          }
          original = await storage.tempPath('.svg');
          temps.push(original);
          await writeFile(original, clean.svg);
          size = Buffer.byteLength(clean.svg);
          ({ width, height } = clean);
        } else if (type.raster) {
          try {
            const image = await processImage(received.path, {
              animated: type.mimeType === 'image/gif' || type.mimeType === 'image/webp',
              nameFor: (w) => `${base}-${w}.webp`,
              tempPathFor: () => storage.tempPath('.webp'),
              written: temps,
            });
            ({ width, height, variants } = image);
          } catch (error) {
            if (error instanceof ImageUnreadable) {
              throw new AppError(
                'INVALID_FILE',
                'This image could not be read: the file is damaged or incomplete.',
              );
            }
            throw error;
          }
        }

        const files = [
          { tempPath: original, storedName },
          ...variants.map((v) => ({ tempPath: v.tempPath, storedName: v.storedName })),
        ];
        await storage.commit(input.siteId, files);
        committed = files.map((file) => file.storedName);
        const id = await transact((tx) =>
          media.insert(tx, {
            siteId: input.siteId,
            kind: type.kind,
            storedName,
            originalName: displayName(source.filename),
            mimeType: type.mimeType,
            size,
            width,
            height,
            alt: input.alt,
            title: input.title,
            variants: variants.map(({ tempPath: _tempPath, ...variant }) => variant),
            uploadedBy: input.uploadedBy,
          }),
        );
        committed = [];
        return requireMedia(input.siteId, id);
      } finally {
        // Drain what the client may still be sending, so the answer is not cut short.
        source.stream.resume();
        await storage.discard(temps);
        if (committed.length > 0) await storage.remove(input.siteId, committed);
      }
    },

    async updateMedia(siteId: string, id: string, body: UpdateMediaBody, ifMatch?: number): Promise<Media> {
      const current = await requireMedia(siteId, id);
      const expectedVersion = body.version ?? ifMatch ?? current.version;
      if (expectedVersion !== current.version) throw versionConflict(current.version);
      const touched = await transact(async (tx) => {
        if (!(await media.update(tx, siteId, id, { alt: body.alt, title: body.title }, expectedVersion))) {
          const latest = await media.findById(siteId, id, tx);
          if (!latest) throw notFound('MEDIA_NOT_FOUND', 'This file');
          throw versionConflict(latest.version);
        }
        return deps.changes?.touch(tx, siteId);
      });
      if (touched) await deps.changes?.published(touched);
      return requireMedia(siteId, id);
    },

    async listUsages(siteId: string, id: string): Promise<MediaUsage[]> {
      await requireMedia(siteId, id);
      return deps.findUsages(siteId, id);
    },

    /**
     * Deletes a file unless something still shows it (409 MEDIA_IN_USE naming what); with `force`
     * the references are cleared by the database (ON DELETE SET NULL). Files go once the row is gone.
     */
    async deleteMedia(siteId: string, id: string, force: boolean): Promise<void> {
      await requireMedia(siteId, id);
      if (!force) {
        const usages = await deps.findUsages(siteId, id);
        if (usages.length > 0) {
          throw new AppError(
            'MEDIA_IN_USE',
            `This file is in use (${describeUsages(usages)}). Remove it there first, or delete with force=true.`,
          );
        }
      }
      const { files, touched } = await transact(async (tx) => {
        const deleted = await media.delete(tx, siteId, id);
        return { files: deleted, touched: deleted ? await deps.changes?.touch(tx, siteId) : undefined };
      });
      if (!files) throw notFound('MEDIA_NOT_FOUND', 'This file');
      if (touched) await deps.changes?.published(touched);
      await storage.remove(siteId, [files.storedName, ...files.variants.map((v) => v.storedName)]);
    },
  };

  function tooLarge(maxBytes: number): AppError {
    return new AppError(
      'PAYLOAD_TOO_LARGE',
      `The file is larger than the limit of ${formatBytes(maxBytes)}.`,
    );
  }
}

export type MediaService = ReturnType<typeof createMediaService>;
