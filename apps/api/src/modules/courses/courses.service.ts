import {
  type Course,
  courseDateIssues,
  type courseListQuery,
  type createCourseBody,
  type UpdateCourseBody,
} from '@swigs/schema';
import type { z } from 'zod';
import type { Executor, Transact } from '../../db/client';
import { AppError, fieldError, notFound, versionConflict } from '../../lib/errors';
import { pageOf } from '../../lib/pagination';
import { sanitizeRichText } from '../../lib/rich-text';
import { slugify, uniqueSlug } from '../../lib/slug';
import type { AuditRepository } from '../audit/audit.repository';
import { type AuditActor, describeUpdate } from '../audit/audit-actor';
import type { SiteChanges } from '../public/site-changes';
import type { CourseFields, CoursesRepository } from './courses.repository';

export interface CoursesServiceDeps {
  courses: CoursesRepository;
  /** Ids among these that are not media of the site. */
  findForeignMediaIds(siteId: string, ids: (string | null | undefined)[]): Promise<string[]>;
  /** Removes the `course:<id>` SEO override of a deleted course. */
  deleteCourseSeo(executor: Executor, siteId: string, courseId: string): Promise<void>;
  audit: Pick<AuditRepository, 'record'>;
  changes: SiteChanges;
  transact: Transact;
}

const slugTaken = () =>
  new AppError('SLUG_TAKEN', 'Another course of this site already uses this slug.', {
    errors: [
      { field: 'slug', message: 'Another course of this site already uses this slug.', code: 'taken' },
    ],
  });

export function createCoursesService(deps: CoursesServiceDeps) {
  const { courses, audit, changes, transact } = deps;

  async function requireCourse(siteId: string, id: string): Promise<Course> {
    const course = await courses.findById(siteId, id);
    if (!course) throw notFound('COURSE_NOT_FOUND', 'This course');
    return course;
  }

  async function assertImageOfSite(siteId: string, imageId: string | null | undefined) {
    if (imageId && (await deps.findForeignMediaIds(siteId, [imageId])).length > 0) {
      throw fieldError('imageId', 'The image must be a file of this site’s media library.', 'unknown_media');
    }
  }

  function assertDates(dates: Parameters<typeof courseDateIssues>[0]) {
    const issues = courseDateIssues(dates);
    if (issues.length > 0) {
      throw new AppError('VALIDATION_FAILED', issues[0]!.message, {
        errors: issues.map((issue) => ({ field: issue.field, message: issue.message, code: 'custom' })),
      });
    }
  }

  return {
    async listCourses(siteId: string, query: z.output<typeof courseListQuery>) {
      const { rows, total } = await courses.list(siteId, query);
      return pageOf(rows, total, query);
    },

    getCourse: requireCourse,

    async createCourse(actor: AuditActor, siteId: string, body: z.output<typeof createCourseBody>) {
      await assertImageOfSite(siteId, body.imageId);
      let slug: string;
      if (body.slug) {
        if (await courses.isSlugTaken(siteId, body.slug)) throw slugTaken();
        slug = body.slug;
      } else {
        slug = await uniqueSlug(slugify(body.title), (candidate) => courses.isSlugTaken(siteId, candidate));
      }
      const { position, ...rest } = body;
      const fields: CourseFields = { ...rest, slug, description: sanitizeRichText(body.description) };
      const { id, touched } = await transact(async (tx) => {
        const courseId = await courses.insert(tx, siteId, fields, position);
        await audit.record(tx, {
          siteId,
          actor,
          action: 'create',
          entity: 'course',
          entityId: courseId,
          summary: `Created course "${fields.title}"`,
        });
        return { id: courseId, touched: await changes.touch(tx, siteId) };
      });
      await changes.published(touched);
      return requireCourse(siteId, id);
    },

    /** A partial edit based on `version` (body or If-Match); a stale one is refused with 409. */
    async updateCourse(
      actor: AuditActor,
      siteId: string,
      id: string,
      body: UpdateCourseBody,
      ifMatch?: number,
    ): Promise<Course> {
      const current = await requireCourse(siteId, id);
      const expectedVersion = body.version ?? ifMatch ?? current.version;
      if (expectedVersion !== current.version) throw versionConflict(current.version);
      const { version: _version, ...changesSent } = body;
      assertDates({
        startDate: body.startDate !== undefined ? body.startDate : current.startDate,
        endDate: body.endDate !== undefined ? body.endDate : current.endDate,
        registrationDeadline:
          body.registrationDeadline !== undefined ? body.registrationDeadline : current.registrationDeadline,
      });
      if (body.slug && body.slug !== current.slug && (await courses.isSlugTaken(siteId, body.slug, id))) {
        throw slugTaken();
      }
      if (body.imageId !== current.imageId) await assertImageOfSite(siteId, body.imageId);
      const fields: Partial<CourseFields> = {
        ...changesSent,
        ...(body.description !== undefined ? { description: sanitizeRichText(body.description) } : {}),
      };
      const changed = Object.keys(fields).filter(
        (field) => fields[field as keyof CourseFields] !== current[field as keyof Course],
      );
      const touched = await transact(async (tx) => {
        if (!(await courses.update(tx, siteId, id, fields, expectedVersion))) {
          const stored = await courses.findById(siteId, id, tx);
          if (!stored) throw notFound('COURSE_NOT_FOUND', 'This course');
          throw versionConflict(stored.version);
        }
        await audit.record(tx, {
          siteId,
          actor,
          action: 'update',
          entity: 'course',
          entityId: id,
          summary: describeUpdate('course', fields.title ?? current.title, changed),
        });
        return changes.touch(tx, siteId);
      });
      await changes.published(touched);
      return requireCourse(siteId, id);
    },

    async deleteCourse(actor: AuditActor, siteId: string, id: string): Promise<void> {
      const current = await requireCourse(siteId, id);
      const touched = await transact(async (tx) => {
        if (!(await courses.delete(tx, siteId, id))) throw notFound('COURSE_NOT_FOUND', 'This course');
        await deps.deleteCourseSeo(tx, siteId, id);
        await audit.record(tx, {
          siteId,
          actor,
          action: 'delete',
          entity: 'course',
          entityId: id,
          summary: `Deleted course "${current.title}"`,
        });
        return changes.touch(tx, siteId);
      });
      await changes.published(touched);
    },

    /** The whole display order in one transaction (one UPDATE); listed ids must be courses of the site. */
    async reorderCourses(actor: AuditActor, siteId: string, ids: string[]) {
      const { positions, touched } = await transact(async (tx) => {
        const unknown = await courses.findUnknownIds(tx, siteId, ids);
        if (unknown.length > 0) {
          throw fieldError('ids', `Not courses of this site: ${unknown.join(', ')}.`, 'unknown_course');
        }
        const result = await courses.reorder(tx, siteId, ids);
        await audit.record(tx, {
          siteId,
          actor,
          action: 'reorder',
          entity: 'course',
          entityId: siteId,
          summary: `Reordered ${ids.length} course${ids.length === 1 ? '' : 's'}`,
        });
        return { positions: result, touched: await changes.touch(tx, siteId) };
      });
      await changes.published(touched);
      return positions;
    },
  };
}

export type CoursesService = ReturnType<typeof createCoursesService>;
