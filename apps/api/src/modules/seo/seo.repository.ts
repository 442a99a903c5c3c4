import { defaultSeoPages, type SeoRecord, type seoListQuery } from '@swigs/schema';
import { and, asc, count, eq, inArray, like, not, or, type SQL, sql } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import type { z } from 'zod';
import type { Database, Executor } from '../../db/client';
import { media, seo } from '../../db/schema';
import { limitOffset } from '../../lib/pagination';
import { type MediaRefRow, toMediaRef } from '../media/media-ref';

const ogImage = alias(media, 'og_image');
const twitterImage = alias(media, 'twitter_image');

const refColumns = <T extends typeof ogImage | typeof twitterImage>(table: T) => ({
  id: table.id,
  siteId: table.siteId,
  storedName: table.storedName,
  mimeType: table.mimeType,
  width: table.width,
  height: table.height,
  alt: table.alt,
  variants: table.variants,
});

const seoColumns = {
  id: seo.id,
  siteId: seo.siteId,
  page: seo.page,
  metaTitle: seo.metaTitle,
  metaDescription: seo.metaDescription,
  keywords: seo.keywords,
  ogTitle: seo.ogTitle,
  ogDescription: seo.ogDescription,
  ogImageId: seo.ogImageId,
  twitterCard: seo.twitterCard,
  twitterTitle: seo.twitterTitle,
  twitterDescription: seo.twitterDescription,
  twitterImageId: seo.twitterImageId,
  canonicalUrl: seo.canonicalUrl,
  noindex: seo.noindex,
  createdAt: seo.createdAt,
  updatedAt: seo.updatedAt,
  version: seo.version,
  ogImage: refColumns(ogImage),
  twitterImage: refColumns(twitterImage),
};

type Nullable<T> = { [K in keyof T]: T[K] | null };

/** Drizzle types the aliased media's columns one by one as nullable: an absent image is all nulls (or null). */
type SeoRow = Omit<SeoRecord, 'ogImage' | 'twitterImage' | 'createdAt' | 'updatedAt' | 'twitterCard'> & {
  twitterCard: string;
  ogImage: Nullable<MediaRefRow> | null;
  twitterImage: Nullable<MediaRefRow> | null;
  createdAt: Date;
  updatedAt: Date;
};

function refOf(row: Nullable<MediaRefRow> | null) {
  return row?.id ? toMediaRef(row as MediaRefRow) : null;
}

function toSeoRecord(row: SeoRow): SeoRecord {
  return {
    ...row,
    twitterCard: row.twitterCard === 'summary' ? 'summary' : 'summary_large_image',
    ogImage: refOf(row.ogImage),
    twitterImage: refOf(row.twitterImage),
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
  };
}

function selectSeo(executor: Executor) {
  return executor
    .select(seoColumns)
    .from(seo)
    .leftJoin(ogImage, eq(ogImage.id, seo.ogImageId))
    .leftJoin(twitterImage, eq(twitterImage.id, seo.twitterImageId));
}

export interface SeoFields {
  page: string;
  metaTitle: string;
  metaDescription: string;
  keywords: string[];
  ogTitle: string;
  ogDescription: string;
  ogImageId: string | null;
  twitterCard: 'summary' | 'summary_large_image';
  twitterTitle: string;
  twitterDescription: string;
  twitterImageId: string | null;
  canonicalUrl: string;
  noindex: boolean;
}

/** Default pages first, in their usual order, then custom paths, then course overrides. */
const pageOrder = sql`case ${seo.page} ${sql.join(
  defaultSeoPages.map((page, index) => sql`when ${page} then ${index}`),
  sql` `,
)} else case when ${seo.page} like '/%' then 10 else 20 end end`;

const kindConditions: Record<NonNullable<z.output<typeof seoListQuery>['kind']>, SQL> = {
  default: inArray(seo.page, [...defaultSeoPages]),
  custom: like(seo.page, '/%'),
  course: like(seo.page, 'course:%'),
};

export function createSeoRepository(db: Database) {
  return {
    async list(siteId: string, query: z.output<typeof seoListQuery>) {
      const conditions: SQL[] = [eq(seo.siteId, siteId)];
      if (query.kind) conditions.push(kindConditions[query.kind]);
      const where = and(...conditions);
      const { limit, offset } = limitOffset(query);
      const [rows, [total]] = await Promise.all([
        selectSeo(db).where(where).orderBy(pageOrder, asc(seo.page)).limit(limit).offset(offset),
        db.select({ value: count() }).from(seo).where(where),
      ]);
      return { rows: rows.map(toSeoRecord), total: total?.value ?? 0 };
    },

    /** Every record of a site (for seo.json). */
    async listAll(siteId: string, executor: Executor = db): Promise<SeoRecord[]> {
      const rows = await selectSeo(executor).where(eq(seo.siteId, siteId)).orderBy(pageOrder, asc(seo.page));
      return rows.map(toSeoRecord);
    },

    async findById(siteId: string, id: string, executor: Executor = db): Promise<SeoRecord | undefined> {
      const [row] = await selectSeo(executor).where(and(eq(seo.siteId, siteId), eq(seo.id, id)));
      return row ? toSeoRecord(row) : undefined;
    },

    async isPageTaken(siteId: string, page: string, exceptId?: string): Promise<boolean> {
      const conditions = [eq(seo.siteId, siteId), eq(seo.page, page)];
      if (exceptId) conditions.push(not(eq(seo.id, exceptId)));
      const [row] = await db
        .select({ id: seo.id })
        .from(seo)
        .where(and(...conditions))
        .limit(1);
      return row !== undefined;
    },

    async insert(executor: Executor, siteId: string, fields: SeoFields): Promise<string> {
      const [row] = await executor
        .insert(seo)
        .values({ ...fields, siteId })
        .returning({ id: seo.id });
      return row!.id;
    },

    /** The empty records of the default pages, for a new site. */
    async insertDefaultPages(executor: Executor, siteId: string): Promise<void> {
      await executor
        .insert(seo)
        .values(defaultSeoPages.map((page) => ({ siteId, page })))
        .onConflictDoNothing();
    },

    async update(
      executor: Executor,
      siteId: string,
      id: string,
      fields: Partial<SeoFields>,
      expectedVersion: number,
    ): Promise<boolean> {
      const rows = await executor
        .update(seo)
        .set({ ...fields, updatedAt: sql`now()`, version: sql`${seo.version} + 1` })
        .where(and(eq(seo.siteId, siteId), eq(seo.id, id), eq(seo.version, expectedVersion)))
        .returning({ id: seo.id });
      return rows.length > 0;
    },

    async delete(executor: Executor, siteId: string, id: string): Promise<boolean> {
      const rows = await executor
        .delete(seo)
        .where(and(eq(seo.siteId, siteId), eq(seo.id, id)))
        .returning({ id: seo.id });
      return rows.length > 0;
    },

    /** Removes the override of a course (when the course is deleted). */
    async deleteCourseOverride(executor: Executor, siteId: string, courseId: string): Promise<void> {
      await executor.delete(seo).where(and(eq(seo.siteId, siteId), eq(seo.page, `course:${courseId}`)));
    },

    /** SEO records showing this media (as og:image or twitter:image). */
    async findByMedia(siteId: string, mediaId: string): Promise<{ id: string; page: string }[]> {
      return db
        .select({ id: seo.id, page: seo.page })
        .from(seo)
        .where(and(eq(seo.siteId, siteId), or(eq(seo.ogImageId, mediaId), eq(seo.twitterImageId, mediaId))));
    },
  };
}

export type SeoRepository = ReturnType<typeof createSeoRepository>;
