import type { Media, MediaKind, MediaUsage } from '@swigs/schema';
import { and, count, desc, eq, ilike, or, type SQL, sql } from 'drizzle-orm';
import type { Database, Executor } from '../../db/client';
import { media, type StoredVariant, sites } from '../../db/schema';
import { likePattern, limitOffset } from '../../lib/pagination';
import { mediaUrl, toMediaVariants } from './media-ref';

type MediaRow = typeof media.$inferSelect;

function toMedia(row: MediaRow): Media {
  return {
    id: row.id,
    siteId: row.siteId,
    kind: row.kind,
    originalName: row.originalName,
    mimeType: row.mimeType,
    size: row.size,
    width: row.width,
    height: row.height,
    alt: row.alt,
    title: row.title,
    url: mediaUrl(row.siteId, row.storedName),
    variants: toMediaVariants(row.siteId, row.variants),
    uploadedBy: row.uploadedBy,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
    version: row.version,
  };
}

export interface NewMedia {
  siteId: string;
  kind: MediaKind;
  storedName: string;
  originalName: string;
  mimeType: string;
  size: number;
  width: number | null;
  height: number | null;
  alt: string;
  title: string;
  variants: StoredVariant[];
  uploadedBy: string | null;
}

export interface MediaListFilter {
  page: number;
  pageSize: number;
  kind?: MediaKind | undefined;
  q?: string | undefined;
}

/** The files a media row owns on disk: the original and its variants. */
export interface MediaFiles {
  storedName: string;
  variants: StoredVariant[];
}

export function createMediaRepository(db: Database) {
  return {
    async list(siteId: string, filter: MediaListFilter) {
      const conditions: SQL[] = [eq(media.siteId, siteId)];
      if (filter.kind) conditions.push(eq(media.kind, filter.kind));
      if (filter.q) {
        const pattern = likePattern(filter.q);
        conditions.push(
          or(ilike(media.originalName, pattern), ilike(media.alt, pattern), ilike(media.title, pattern))!,
        );
      }
      const where = and(...conditions);
      const { limit, offset } = limitOffset(filter);
      const [rows, [total]] = await Promise.all([
        db
          .select()
          .from(media)
          .where(where)
          .orderBy(desc(media.createdAt), desc(media.id))
          .limit(limit)
          .offset(offset),
        db.select({ value: count() }).from(media).where(where),
      ]);
      return { rows: rows.map(toMedia), total: total?.value ?? 0 };
    },

    async findById(siteId: string, id: string, executor: Executor = db): Promise<Media | undefined> {
      const [row] = await executor
        .select()
        .from(media)
        .where(and(eq(media.siteId, siteId), eq(media.id, id)));
      return row ? toMedia(row) : undefined;
    },

    async insert(executor: Executor, values: NewMedia): Promise<string> {
      const [row] = await executor.insert(media).values(values).returning({ id: media.id });
      return row!.id;
    },

    async update(
      executor: Executor,
      siteId: string,
      id: string,
      changes: { alt?: string | undefined; title?: string | undefined },
      expectedVersion: number,
    ): Promise<boolean> {
      const rows = await executor
        .update(media)
        .set({ ...changes, updatedAt: sql`now()`, version: sql`${media.version} + 1` })
        .where(and(eq(media.siteId, siteId), eq(media.id, id), eq(media.version, expectedVersion)))
        .returning({ id: media.id });
      return rows.length > 0;
    },

    /** Deletes the row and returns the files it owned (to delete once the transaction commits). */
    async delete(executor: Executor, siteId: string, id: string): Promise<MediaFiles | undefined> {
      const [row] = await executor
        .delete(media)
        .where(and(eq(media.siteId, siteId), eq(media.id, id)))
        .returning({ storedName: media.storedName, variants: media.variants });
      return row;
    },

    /** Usage finder: the site whose logo this media is. */
    async findLogoUsages(siteId: string, mediaId: string): Promise<MediaUsage[]> {
      const rows = await db
        .select({ id: sites.id, name: sites.name })
        .from(sites)
        .where(and(eq(sites.id, siteId), eq(sites.logoId, mediaId)));
      return rows.map((row) => ({ type: 'site-logo', id: row.id, label: row.name }));
    },
  };
}

export type MediaRepository = ReturnType<typeof createMediaRepository>;
