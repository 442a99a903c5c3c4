import type { Content, ContentType, contentListQuery } from '@swigs/schema';
import { and, asc, count, eq, like, type SQL, sql } from 'drizzle-orm';
import type { z } from 'zod';
import type { Database, Executor } from '../../db/client';
import { contents, media } from '../../db/schema';
import { limitOffset } from '../../lib/pagination';
import { type MediaRefRow, toMediaRef } from '../media/media-ref';
import { mediaRefColumns } from '../media/media-ref-columns';

export const contentColumns = {
  id: contents.id,
  siteId: contents.siteId,
  key: contents.key,
  type: contents.type,
  data: contents.data,
  mediaId: contents.mediaId,
  createdAt: contents.createdAt,
  updatedAt: contents.updatedAt,
  version: contents.version,
  media: mediaRefColumns,
};

export interface ContentRow {
  id: string;
  siteId: string;
  key: string;
  type: ContentType;
  data: Record<string, unknown>;
  mediaId: string | null;
  createdAt: Date;
  updatedAt: Date;
  version: number;
  media: MediaRefRow | null;
}

/** An image block's media id lives in its own column (foreign key); the answer shows it inside `data`. */
export function toContent(row: ContentRow): Content {
  return {
    id: row.id,
    siteId: row.siteId,
    key: row.key,
    type: row.type,
    data: row.type === 'image' ? { ...row.data, mediaId: row.mediaId } : row.data,
    media: row.media ? toMediaRef(row.media) : null,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
    version: row.version,
  };
}

/** `LIKE 'prefix%'` with the prefix's own wildcards escaped. */
export function startsWith(prefix: string): string {
  return `${prefix.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}

function selectContents(executor: Executor) {
  return executor.select(contentColumns).from(contents).leftJoin(media, eq(media.id, contents.mediaId));
}

export interface ContentFields {
  type: ContentType;
  data: Record<string, unknown>;
  mediaId: string | null;
}

export function createContentsRepository(db: Database) {
  return {
    async list(siteId: string, query: z.output<typeof contentListQuery>) {
      const conditions: SQL[] = [eq(contents.siteId, siteId)];
      if (query.prefix) conditions.push(like(contents.key, startsWith(query.prefix)));
      if (query.type) conditions.push(eq(contents.type, query.type));
      const where = and(...conditions);
      const { limit, offset } = limitOffset(query);
      const [rows, [total]] = await Promise.all([
        selectContents(db).where(where).orderBy(asc(contents.key)).limit(limit).offset(offset),
        db.select({ value: count() }).from(contents).where(where),
      ]);
      return { rows: rows.map(toContent), total: total?.value ?? 0 };
    },

    async findByKey(siteId: string, key: string, executor: Executor = db): Promise<Content | undefined> {
      const [row] = await selectContents(executor).where(
        and(eq(contents.siteId, siteId), eq(contents.key, key)),
      );
      return row ? toContent(row) : undefined;
    },

    /** Creates the block or replaces it (last writer wins: the caller sent no version). */
    async upsert(executor: Executor, siteId: string, key: string, fields: ContentFields) {
      const [row] = await executor
        .insert(contents)
        .values({ ...fields, siteId, key })
        .onConflictDoUpdate({
          target: [contents.siteId, contents.key],
          set: {
            ...fields,
            updatedAt: sql`now()`,
            version: sql`${contents.version} + 1`,
          },
        })
        // xmax is 0 on a freshly inserted row version: tells a creation from a replacement.
        .returning({ id: contents.id, created: sql<boolean>`(xmax = 0)` });
      return row!;
    },

    /** Replaces the block only if its version is still `expectedVersion`. */
    async update(
      executor: Executor,
      siteId: string,
      key: string,
      fields: ContentFields,
      expectedVersion: number,
    ): Promise<boolean> {
      const rows = await executor
        .update(contents)
        .set({ ...fields, updatedAt: sql`now()`, version: sql`${contents.version} + 1` })
        .where(and(eq(contents.siteId, siteId), eq(contents.key, key), eq(contents.version, expectedVersion)))
        .returning({ id: contents.id });
      return rows.length > 0;
    },

    async delete(executor: Executor, siteId: string, key: string): Promise<string | undefined> {
      const [row] = await executor
        .delete(contents)
        .where(and(eq(contents.siteId, siteId), eq(contents.key, key)))
        .returning({ id: contents.id });
      return row?.id;
    },

    async findByMedia(siteId: string, mediaId: string): Promise<{ id: string; key: string }[]> {
      return db
        .select({ id: contents.id, key: contents.key })
        .from(contents)
        .where(and(eq(contents.siteId, siteId), eq(contents.mediaId, mediaId)));
    },
  };
}

export type ContentsRepository = ReturnType<typeof createContentsRepository>;
