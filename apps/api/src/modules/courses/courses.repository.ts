import type { Course, CourseStatus, courseListQuery } from '@swigs/schema';
import { and, asc, count, desc, eq, inArray, ne, type SQL, sql } from 'drizzle-orm';
import type { z } from 'zod';
import type { Database, Executor } from '../../db/client';
import { courses, media, retiredCourseSlugs } from '../../db/schema';
import { limitOffset } from '../../lib/pagination';
import { courseColumns, toCourse } from './course-row';
import { searchQueryOf } from './course-search';

export interface CourseFields {
  slug: string;
  title: string;
  number: string;
  description: string;
  startDate: string | null;
  endDate: string | null;
  registrationDeadline: string | null;
  price: number | null;
  currency: string;
  places: number | null;
  location: string;
  externalUrl: string;
  status: CourseStatus;
  imageId: string | null;
}

const sorts: Record<z.output<typeof courseListQuery>['sort'], SQL[]> = {
  position: [asc(courses.position), asc(courses.createdAt)],
  title: [asc(courses.title), asc(courses.id)],
  startDate: [sql`${courses.startDate} asc nulls last`, asc(courses.position)],
  '-startDate': [sql`${courses.startDate} desc nulls last`, asc(courses.position)],
  createdAt: [asc(courses.createdAt), asc(courses.id)],
  '-createdAt': [desc(courses.createdAt), asc(courses.id)],
  '-updatedAt': [desc(courses.updatedAt), asc(courses.id)],
};

function priceValue(price: number | null | undefined): string | null | undefined {
  return price === undefined ? undefined : price === null ? null : price.toFixed(2);
}

function selectCourses(executor: Executor) {
  return executor.select(courseColumns).from(courses).leftJoin(media, eq(media.id, courses.imageId));
}

/** Lists with a database-side check that `ids` are uuids (they are validated before, this is belt and braces). */
function uuidArray(ids: string[]): SQL {
  if (!ids.every((id) => /^[0-9a-f-]{36}$/i.test(id))) throw new Error('Not a list of uuids.');
  return sql`${`{${ids.join(',')}}`}::uuid[]`;
}

/** A course (or nobody, for a deleted course) no longer answers at `slug`: remember where it went. */
async function retireSlug(executor: Executor, siteId: string, slug: string, courseId: string | null) {
  await executor
    .insert(retiredCourseSlugs)
    .values({ siteId, slug, courseId })
    .onConflictDoUpdate({
      target: [retiredCourseSlugs.siteId, retiredCourseSlugs.slug],
      set: { courseId, retiredAt: sql`now()` },
    });
}

/** A course takes `slug` (again): it is nobody's former address any more. */
async function reviveSlug(executor: Executor, siteId: string, slug: string) {
  await executor
    .delete(retiredCourseSlugs)
    .where(and(eq(retiredCourseSlugs.siteId, siteId), eq(retiredCourseSlugs.slug, slug)));
}

export function createCoursesRepository(db: Database) {
  return {
    async list(siteId: string, query: z.output<typeof courseListQuery>) {
      const conditions: SQL[] = [eq(courses.siteId, siteId)];
      if (query.status) conditions.push(eq(courses.status, query.status));
      const search = query.q ? searchQueryOf(query.q) : undefined;
      if (search) conditions.push(sql`${courses.search} @@ to_tsquery('simple', ${search})`);
      const where = and(...conditions);
      const { limit, offset } = limitOffset(query);
      const [rows, [total]] = await Promise.all([
        selectCourses(db)
          .where(where)
          .orderBy(...sorts[query.sort])
          .limit(limit)
          .offset(offset),
        db.select({ value: count() }).from(courses).where(where),
      ]);
      return { rows: rows.map(toCourse), total: total?.value ?? 0 };
    },

    async findById(siteId: string, id: string, executor: Executor = db): Promise<Course | undefined> {
      const [row] = await selectCourses(executor).where(and(eq(courses.siteId, siteId), eq(courses.id, id)));
      return row ? toCourse(row) : undefined;
    },

    async isSlugTaken(siteId: string, slug: string, exceptId?: string): Promise<boolean> {
      const conditions = [eq(courses.siteId, siteId), eq(courses.slug, slug)];
      if (exceptId) conditions.push(ne(courses.id, exceptId));
      const [row] = await db
        .select({ id: courses.id })
        .from(courses)
        .where(and(...conditions))
        .limit(1);
      return row !== undefined;
    },

    /** Inserts at `position`, or after the last course of the site. */
    async insert(
      executor: Executor,
      siteId: string,
      fields: CourseFields,
      position?: number,
    ): Promise<string> {
      const [row] = await executor
        .insert(courses)
        .values({
          ...fields,
          price: priceValue(fields.price) ?? null,
          siteId,
          position:
            position ??
            sql`(select coalesce(max(${courses.position}) + 1, 0) from ${courses} where ${courses.siteId} = ${siteId})`,
        })
        .returning({ id: courses.id });
      await reviveSlug(executor, siteId, fields.slug);
      return row!.id;
    },

    /** Applies `fields` only if the stored version is still `expectedVersion`; false otherwise. */
    async update(
      executor: Executor,
      siteId: string,
      id: string,
      fields: Partial<CourseFields>,
      expectedVersion: number,
    ): Promise<boolean> {
      const { price, ...rest } = fields;
      const [before] = fields.slug
        ? await executor
            .select({ slug: courses.slug })
            .from(courses)
            .where(and(eq(courses.siteId, siteId), eq(courses.id, id)))
        : [];
      const rows = await executor
        .update(courses)
        .set({
          ...rest,
          ...(price !== undefined ? { price: priceValue(price) } : {}),
          updatedAt: sql`now()`,
          version: sql`${courses.version} + 1`,
        })
        .where(and(eq(courses.siteId, siteId), eq(courses.id, id), eq(courses.version, expectedVersion)))
        .returning({ id: courses.id });
      if (rows.length === 0) return false;
      // A new slug: the former address keeps leading to the course (the page redirects).
      if (fields.slug && before && before.slug !== fields.slug) {
        await reviveSlug(executor, siteId, fields.slug);
        await retireSlug(executor, siteId, before.slug, id);
      }
      return true;
    },

    async delete(executor: Executor, siteId: string, id: string): Promise<boolean> {
      const rows = await executor
        .delete(courses)
        .where(and(eq(courses.siteId, siteId), eq(courses.id, id)))
        .returning({ slug: courses.slug });
      const [deleted] = rows;
      if (!deleted) return false;
      // Its address answers 410 Gone (its former addresses too: their course_id is now null).
      await retireSlug(executor, siteId, deleted.slug, null);
      return true;
    },

    /** The ids among `ids` that are not courses of the site. */
    async findUnknownIds(executor: Executor, siteId: string, ids: string[]): Promise<string[]> {
      const rows = await executor
        .select({ id: courses.id })
        .from(courses)
        .where(and(eq(courses.siteId, siteId), inArray(courses.id, ids)));
      const known = new Set(rows.map((row) => row.id));
      return ids.filter((id) => !known.has(id));
    },

    /**
     * Sets the display order in one statement: `ids` take positions 0…n-1 in that order, the
     * site's other courses follow in their previous order. Versions are left alone: the order is
     * not part of what an editor edits in a course form, so reordering never makes a form stale.
     */
    async reorder(
      executor: Executor,
      siteId: string,
      ids: string[],
    ): Promise<{ id: string; position: number }[]> {
      // Both drivers answer raw statements with `{ rows }`.
      const result = (await executor.execute(sql`
        with listed as (
          select t.id, (t.ord - 1)::int as position
          from unnest(${uuidArray(ids)}) with ordinality as t(id, ord)
        ),
        rest as (
          select c.id, (${ids.length} + row_number() over (order by c.position, c.created_at) - 1)::int as position
          from ${courses} c
          where c.site_id = ${siteId} and c.id <> all(${uuidArray(ids)})
        ),
        wanted as (select id, position from listed union all select id, position from rest)
        update ${courses} set position = wanted.position
        from wanted
        where ${courses.id} = wanted.id and ${courses.siteId} = ${siteId}
        returning ${courses.id} as id, ${courses.position} as position`)) as unknown as {
        rows: { id: string; position: number }[];
      };
      return [...result.rows]
        .map((row) => ({ id: row.id, position: Number(row.position) }))
        .sort((a, b) => a.position - b.position);
    },

    /** Counts per status, for the dashboard. */
    async countByStatus(siteId: string): Promise<Partial<Record<CourseStatus, number>>> {
      const rows = await db
        .select({ status: courses.status, value: count() })
        .from(courses)
        .where(eq(courses.siteId, siteId))
        .groupBy(courses.status);
      return Object.fromEntries(rows.map((row) => [row.status, row.value]));
    },
  };
}

export type CoursesRepository = ReturnType<typeof createCoursesRepository>;
