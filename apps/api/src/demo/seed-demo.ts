import {
  createCourseBody,
  createSeoBody,
  createSiteBody,
  type Site,
  updateSeoBody,
  upsertContentBody,
} from '@swigs/schema';
import type { FastifyBaseLogger } from 'fastify';
import type { Redis } from 'ioredis';
import type { Config } from '../config';
import type { DatabaseHandle } from '../db/client';
import { createAuditRepository } from '../modules/audit/audit.repository';
import { systemActor } from '../modules/audit/audit-actor';
import { createContentsRepository } from '../modules/contents/contents.repository';
import { createContentsService } from '../modules/contents/contents.service';
import { createCoursesRepository } from '../modules/courses/courses.repository';
import { createCoursesService } from '../modules/courses/courses.service';
import { findForeignMediaIds } from '../modules/media/media-ref-columns';
import { createPublicContext } from '../modules/public';
import { createSeoRepository } from '../modules/seo/seo.repository';
import { createSeoService } from '../modules/seo/seo.service';
import { createSitesRepository } from '../modules/sites/sites.repository';
import { createSitesService } from '../modules/sites/sites.service';
import { demoContents, demoCourses, demoSeo, demoSite, demoSlug } from './demo-site';

export interface SeedDemoDeps {
  config: Config;
  database: DatabaseHandle;
  redis?: Redis | undefined;
  log: Pick<FastifyBaseLogger, 'warn'>;
  /** The day course dates count from (default: today). */
  today?: Date;
}

export type SeedDemoResult = { created: true; site: Site } | { created: false; reason: 'exists' };

/**
 * Creates the demo site with its courses, contents and SEO through the same services the API
 * uses, so every rule applies (validation, sanitised rich text, audit trail, content version and
 * cache invalidation). Does nothing when a site already uses the demo slug.
 */
export async function seedDemoSite(deps: SeedDemoDeps): Promise<SeedDemoResult> {
  const { db, transact } = deps.database;
  const sitesRepository = createSitesRepository(db);
  if (await sitesRepository.isSlugTaken(demoSlug)) return { created: false, reason: 'exists' };

  const publicApi = createPublicContext(
    deps.config,
    deps.database,
    deps.redis,
    deps.log as FastifyBaseLogger,
  );
  try {
    const seoRepository = createSeoRepository(db);
    const audit = createAuditRepository(db);
    const common = { audit, changes: publicApi.changes, transact };
    const foreignMedia = (siteId: string, ids: (string | null | undefined)[]) =>
      findForeignMediaIds(db, siteId, ids);
    const coursesRepository = createCoursesRepository(db);

    const sites = createSitesService({
      ...common,
      sites: sitesRepository,
      insertDefaultSeo: (executor, siteId) => seoRepository.insertDefaultPages(executor, siteId),
    });
    const courses = createCoursesService({
      ...common,
      courses: coursesRepository,
      findForeignMediaIds: foreignMedia,
      deleteCourseSeo: (executor, siteId, courseId) =>
        seoRepository.deleteCourseOverride(executor, siteId, courseId),
    });
    const contents = createContentsService({
      ...common,
      contents: createContentsRepository(db),
      findForeignMediaIds: foreignMedia,
    });
    const seo = createSeoService({
      ...common,
      seo: seoRepository,
      findForeignMediaIds: foreignMedia,
      isCourseOfSite: async (siteId, courseId) =>
        (await coursesRepository.findById(siteId, courseId)) !== undefined,
    });

    const site = await sites.createSite(createSiteBody.parse(demoSite), systemActor);
    for (const course of demoCourses(deps.today ?? new Date())) {
      await courses.createCourse(systemActor, site.id, createCourseBody.parse(course));
    }
    for (const [key, body] of Object.entries(demoContents)) {
      await contents.putContent(systemActor, site.id, key, upsertContentBody.parse(body));
    }
    const records = await seo.listSeo(site.id, { page: 1, pageSize: 50 });
    for (const [page, body] of Object.entries(demoSeo)) {
      const existing = records.data.find((record) => record.page === page);
      if (existing) await seo.updateSeo(systemActor, site.id, existing.id, updateSeoBody.parse(body));
      else await seo.createSeo(systemActor, site.id, createSeoBody.parse({ ...body, page }));
    }
    return { created: true, site };
  } finally {
    publicApi.close();
  }
}
