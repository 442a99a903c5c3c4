import {
  courseIdOfSeoPage,
  type createSeoBody,
  isDefaultSeoPage,
  type SeoRecord,
  type SeoResponse,
  seoLengthWarnings,
  type seoListQuery,
  type UpdateSeoBody,
} from '@swigs/schema';
import type { z } from 'zod';
import type { Transact } from '../../db/client';
import { AppError, fieldError, notFound, versionConflict } from '../../lib/errors';
import { pageOf } from '../../lib/pagination';
import type { AuditRepository } from '../audit/audit.repository';
import { type AuditActor, describeUpdate } from '../audit/audit-actor';
import type { SiteChanges } from '../public/site-changes';
import type { SeoFields, SeoRepository } from './seo.repository';

export interface SeoServiceDeps {
  seo: SeoRepository;
  /** Ids among these that are not media of the site. */
  findForeignMediaIds(siteId: string, ids: (string | null | undefined)[]): Promise<string[]>;
  isCourseOfSite(siteId: string, courseId: string): Promise<boolean>;
  audit: Pick<AuditRepository, 'record'>;
  changes: SiteChanges;
  transact: Transact;
}

function withWarnings(record: SeoRecord): SeoResponse {
  return { data: record, warnings: seoLengthWarnings(record) };
}

const pageTaken = () =>
  new AppError('SEO_PAGE_TAKEN', 'This page already has an SEO record.', {
    errors: [{ field: 'page', message: 'This page already has an SEO record.', code: 'taken' }],
  });

export function createSeoService(deps: SeoServiceDeps) {
  const { seo, audit, changes, transact } = deps;

  async function requireSeo(siteId: string, id: string): Promise<SeoRecord> {
    const record = await seo.findById(siteId, id);
    if (!record) throw notFound('SEO_NOT_FOUND', 'This SEO record');
    return record;
  }

  async function assertImagesOfSite(
    siteId: string,
    fields: Partial<Pick<SeoFields, 'ogImageId' | 'twitterImageId'>>,
  ) {
    const foreign = new Set(
      await deps.findForeignMediaIds(siteId, [fields.ogImageId, fields.twitterImageId]),
    );
    for (const field of ['ogImageId', 'twitterImageId'] as const) {
      const value = fields[field];
      if (value && foreign.has(value)) {
        throw fieldError(field, 'The image must be a file of this site’s media library.', 'unknown_media');
      }
    }
  }

  async function assertCourseOverride(siteId: string, page: string) {
    const courseId = courseIdOfSeoPage(page);
    if (courseId && !(await deps.isCourseOfSite(siteId, courseId))) {
      throw fieldError('page', 'No course of this site has this id.', 'unknown_course');
    }
  }

  return {
    async listSeo(siteId: string, query: z.output<typeof seoListQuery>) {
      const { rows, total } = await seo.list(siteId, query);
      return pageOf(rows, total, query);
    },

    async getSeo(siteId: string, id: string): Promise<SeoResponse> {
      return withWarnings(await requireSeo(siteId, id));
    },

    async createSeo(
      actor: AuditActor,
      siteId: string,
      body: z.output<typeof createSeoBody>,
    ): Promise<SeoResponse> {
      await assertCourseOverride(siteId, body.page);
      if (await seo.isPageTaken(siteId, body.page)) throw pageTaken();
      await assertImagesOfSite(siteId, body);
      const { id, touched } = await transact(async (tx) => {
        const seoId = await seo.insert(tx, siteId, body);
        await audit.record(tx, {
          siteId,
          actor,
          action: 'create',
          entity: 'seo',
          entityId: seoId,
          summary: `Created SEO of page "${body.page}"`,
        });
        return { id: seoId, touched: await changes.touch(tx, siteId) };
      });
      await changes.published(touched);
      return withWarnings(await requireSeo(siteId, id));
    },

    /** Default pages and course overrides keep their page; custom paths may move to another path. */
    async updateSeo(
      actor: AuditActor,
      siteId: string,
      id: string,
      body: UpdateSeoBody,
      ifMatch?: number,
    ): Promise<SeoResponse> {
      const current = await requireSeo(siteId, id);
      const expectedVersion = body.version ?? ifMatch ?? current.version;
      if (expectedVersion !== current.version) throw versionConflict(current.version);
      const { version: _version, ...fields } = body;
      if (fields.page !== undefined && fields.page !== current.page) {
        if (!current.page.startsWith('/')) {
          throw new AppError('SEO_PAGE_PROTECTED', 'Only custom paths can move to another page.');
        }
        if (!fields.page.startsWith('/'))
          throw fieldError('page', 'A custom path must stay a path, e.g. /tarifs.');
        if (await seo.isPageTaken(siteId, fields.page, id)) throw pageTaken();
      }
      await assertImagesOfSite(siteId, {
        ...(fields.ogImageId !== current.ogImageId ? { ogImageId: fields.ogImageId } : {}),
        ...(fields.twitterImageId !== current.twitterImageId
          ? { twitterImageId: fields.twitterImageId }
          : {}),
      });
      const changed = Object.keys(fields).filter((field) => {
        const value = fields[field as keyof typeof fields];
        const stored = current[field as keyof SeoRecord];
        return Array.isArray(value) ? value.join('\n') !== (stored as string[]).join('\n') : value !== stored;
      });
      const touched = await transact(async (tx) => {
        if (!(await seo.update(tx, siteId, id, fields, expectedVersion))) {
          const stored = await seo.findById(siteId, id, tx);
          if (!stored) throw notFound('SEO_NOT_FOUND', 'This SEO record');
          throw versionConflict(stored.version);
        }
        await audit.record(tx, {
          siteId,
          actor,
          action: 'update',
          entity: 'seo',
          entityId: id,
          summary: describeUpdate('SEO of page', fields.page ?? current.page, changed),
        });
        return changes.touch(tx, siteId);
      });
      await changes.published(touched);
      return withWarnings(await requireSeo(siteId, id));
    },

    async deleteSeo(actor: AuditActor, siteId: string, id: string): Promise<void> {
      const current = await requireSeo(siteId, id);
      if (isDefaultSeoPage(current.page)) {
        throw new AppError('SEO_PAGE_PROTECTED', 'The SEO of a default page can be emptied, not deleted.');
      }
      const touched = await transact(async (tx) => {
        if (!(await seo.delete(tx, siteId, id))) throw notFound('SEO_NOT_FOUND', 'This SEO record');
        await audit.record(tx, {
          siteId,
          actor,
          action: 'delete',
          entity: 'seo',
          entityId: id,
          summary: `Deleted SEO of page "${current.page}"`,
        });
        return changes.touch(tx, siteId);
      });
      await changes.published(touched);
    },
  };
}

export type SeoService = ReturnType<typeof createSeoService>;
