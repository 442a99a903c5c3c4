import { type PublicContent, type PublicCourse, type PublicSite, publicCourseStatuses } from '@swigs/schema';
import { and, asc, eq, inArray, like, or, type SQL, sql } from 'drizzle-orm';
import type { Database } from '../../db/client';
import { contents, courses, media, retiredCourseSlugs, siteDomains, sites } from '../../db/schema';
import { type ContentRow, contentColumns, toContent } from '../contents/contents.repository';
import { type CourseRow, courseColumns } from '../courses/course-row';
import { toMediaRef } from '../media/media-ref';
import { mediaRefColumns } from '../media/media-ref-columns';

/**
 * Reads of the public API. Each answer is ONE statement: the site is resolved from its slug or
 * host name inside the query, so an uncached read costs one round trip. Statements are prepared
 * (named on PostgreSQL): parsed and planned once per connection.
 */

const key = sql.placeholder('key');

/** The id of the site named `key` (slug, or any host name), as a scalar subquery. */
const siteIdByKey = sql`(select ${sites.id} from ${sites} where ${sites.slug} = ${key}
  union all select ${siteDomains.siteId} from ${siteDomains} where ${siteDomains.host} = ${key} limit 1)`;

const visible = [...publicCourseStatuses];

/** One pass from row to public course (this runs for every course of every uncached public read). */
export function toPublicCourse(row: CourseRow): PublicCourse {
  return {
    id: row.id,
    slug: row.slug,
    title: row.title,
    number: row.number,
    description: row.description,
    startDate: row.startDate,
    endDate: row.endDate,
    registrationDeadline: row.registrationDeadline,
    price: row.price === null ? null : Number(row.price),
    currency: row.currency,
    places: row.places,
    location: row.location,
    externalUrl: row.externalUrl,
    status: row.status,
    position: row.position,
    image: row.image ? toMediaRef(row.image) : null,
    updatedAt: row.updatedAt.toISOString(),
  };
}

function toPublicContent(row: ContentRow): PublicContent {
  const content = toContent(row);
  return {
    key: content.key,
    type: content.type,
    data: content.data,
    media: content.media,
    updatedAt: content.updatedAt,
  };
}

/**
 * The site's columns beside a left-joined record. Records are selected flat (not nested under a
 * key) so that Drizzle turns their left-joined media into null when absent.
 */
const siteOfRow = { publicSiteId: sites.id, publicContentVersion: sites.contentVersion };

/** Whether a left-joined row holds a record (the site exists but has none when its id is null). */
function present<T extends { id: string | null }>(row: T): boolean {
  return row.id !== null;
}

export interface SiteScoped<T> {
  siteId: string;
  contentVersion: number;
  value: T;
}

type SiteRow = { publicSiteId: string; publicContentVersion: number; id: string | null };

/** The site's records from left-joined rows (one row with a null record when the site has none). */
function scopedList<R extends SiteRow, T>(rows: R[], map: (row: R) => T): SiteScoped<T[]> | undefined {
  const [first] = rows;
  if (!first) return undefined;
  return {
    siteId: first.publicSiteId,
    contentVersion: first.publicContentVersion,
    value: rows.filter(present).map(map),
  };
}

/** The one record of a left-joined row, undefined inside when the site exists but the record not. */
function scopedOne<R extends SiteRow, T>(
  row: R | undefined,
  map: (row: R) => T,
): SiteScoped<T | undefined> | undefined {
  if (!row) return undefined;
  return {
    siteId: row.publicSiteId,
    contentVersion: row.publicContentVersion,
    value: present(row) ? map(row) : undefined,
  };
}

/**
 * The statement behind the public course list, unprepared: the benchmark runs the very same SQL
 * in a bare Fastify handler to measure what our framework costs on top of it.
 */
export function publicCoursesStatement(db: Database) {
  return db
    .select({ ...courseColumns, ...siteOfRow })
    .from(sites)
    .leftJoin(courses, and(eq(courses.siteId, sites.id), inArray(courses.status, visible)))
    .leftJoin(media, eq(media.id, courses.imageId))
    .where(eq(sites.id, siteIdByKey))
    .orderBy(asc(courses.position), asc(courses.createdAt));
}

export function createPublicRepository(db: Database) {
  const siteProfile = db
    .select({
      id: sites.id,
      slug: sites.slug,
      name: sites.name,
      description: sites.description,
      locale: sites.locale,
      timeZone: sites.timeZone,
      contact: sites.contact,
      social: sites.social,
      theme: sites.theme,
      contentVersion: sites.contentVersion,
      domain: sql<string>`coalesce((select ${siteDomains.host} from ${siteDomains}
        where ${siteDomains.siteId} = ${sites.id} and ${siteDomains.isPrimary}), '')`,
      aliases: sql<string[]>`coalesce((select array_agg(${siteDomains.host} order by ${siteDomains.host})
        from ${siteDomains} where ${siteDomains.siteId} = ${sites.id} and not ${siteDomains.isPrimary}), '{}')`,
      logo: mediaRefColumns,
    })
    .from(sites)
    .leftJoin(media, eq(media.id, sites.logoId))
    .where(eq(sites.id, siteIdByKey))
    .prepare('public_site');

  const courseList = publicCoursesStatement(db).prepare('public_courses');

  // The course at `slug`, or the course that had `slug` before its current one (a former
  // address; the caller sees the current slug), and whether `slug` belonged to a deleted course.
  const slug = sql.placeholder('slug');
  const courseBySlug = db
    .select({
      ...courseColumns,
      ...siteOfRow,
      deleted: sql<boolean>`(${retiredCourseSlugs.slug} is not null and ${retiredCourseSlugs.courseId} is null)`,
    })
    .from(sites)
    .leftJoin(
      retiredCourseSlugs,
      and(eq(retiredCourseSlugs.siteId, sites.id), eq(retiredCourseSlugs.slug, slug)),
    )
    .leftJoin(
      courses,
      and(
        eq(courses.siteId, sites.id),
        inArray(courses.status, visible),
        or(eq(courses.slug, slug), eq(courses.id, retiredCourseSlugs.courseId)),
      ),
    )
    .leftJoin(media, eq(media.id, courses.imageId))
    .where(eq(sites.id, siteIdByKey))
    // The course that has the slug now wins over one that had it (a slug is retired only when
    // nobody has it, so both exist only for an instant).
    .orderBy(sql`${courses.slug} = ${slug} desc nulls last`)
    .limit(1)
    .prepare('public_course');

  const contentsOf = (condition: SQL, name: string) =>
    db
      .select({ ...contentColumns, ...siteOfRow })
      .from(sites)
      .leftJoin(contents, and(eq(contents.siteId, sites.id), condition))
      .leftJoin(media, eq(media.id, contents.mediaId))
      .where(eq(sites.id, siteIdByKey))
      .orderBy(asc(contents.key))
      .prepare(name);
  const contentList = contentsOf(like(contents.key, sql.placeholder('pattern')), 'public_contents');
  const contentByKey = contentsOf(eq(contents.key, sql.placeholder('contentKey')), 'public_content');

  const version = db
    .select({ siteId: sites.id, contentVersion: sites.contentVersion })
    .from(sites)
    .where(eq(sites.id, siteIdByKey))
    .prepare('public_version');

  return {
    async findSite(siteKey: string): Promise<PublicSite | undefined> {
      const [row] = await siteProfile.execute({ key: siteKey });
      if (!row) return undefined;
      return { ...row, logo: row.logo ? toMediaRef(row.logo) : null };
    },

    /** Visible courses in display order; undefined when no site has this name. */
    async findCourses(siteKey: string): Promise<SiteScoped<PublicCourse[]> | undefined> {
      return scopedList(await courseList.execute({ key: siteKey }), (row) =>
        toPublicCourse(row as CourseRow),
      );
    },

    /**
     * The visible course at `slug` or formerly at it (its `slug` then differs: the caller
     * redirects); `deleted` when no course has it and the last one that had it was deleted.
     */
    async findCourse(
      siteKey: string,
      slug: string,
    ): Promise<(SiteScoped<PublicCourse | undefined> & { deleted: boolean }) | undefined> {
      const [row] = await courseBySlug.execute({ key: siteKey, slug });
      const found = scopedOne(row, (one) => toPublicCourse(one as CourseRow));
      return found && { ...found, deleted: !found.value && row!.deleted };
    },

    /** Blocks whose key starts with `prefix` ('' for all), by key. */
    async findContents(siteKey: string, pattern: string): Promise<SiteScoped<PublicContent[]> | undefined> {
      return scopedList(await contentList.execute({ key: siteKey, pattern }), (row) =>
        toPublicContent(row as ContentRow),
      );
    },

    async findContent(
      siteKey: string,
      contentKey: string,
    ): Promise<SiteScoped<PublicContent | undefined> | undefined> {
      const [row] = await contentByKey.execute({ key: siteKey, contentKey });
      return scopedOne(row, (found) => toPublicContent(found as ContentRow));
    },

    async findVersion(siteKey: string): Promise<{ siteId: string; contentVersion: number } | undefined> {
      const [row] = await version.execute({ key: siteKey });
      return row;
    },

    /** What seo.json needs of the site, by id. */
    async findSeoSite(siteId: string) {
      const [row] = await db
        .select({
          id: sites.id,
          slug: sites.slug,
          name: sites.name,
          description: sites.description,
          locale: sites.locale,
          contentVersion: sites.contentVersion,
          domain: sql<string>`coalesce((select ${siteDomains.host} from ${siteDomains}
            where ${siteDomains.siteId} = ${sites.id} and ${siteDomains.isPrimary}), '')`,
          logo: mediaRefColumns,
        })
        .from(sites)
        .leftJoin(media, eq(media.id, sites.logoId))
        .where(eq(sites.id, siteId));
      if (!row) return undefined;
      return { ...row, logo: row.logo ? toMediaRef(row.logo) : null };
    },

    /** Visible courses of a site by id, in display order (for seo.json). */
    async findVisibleCourses(siteId: string): Promise<PublicCourse[]> {
      const rows = await db
        .select(courseColumns)
        .from(courses)
        .leftJoin(media, eq(media.id, courses.imageId))
        .where(and(eq(courses.siteId, siteId), inArray(courses.status, visible)))
        .orderBy(asc(courses.position), asc(courses.createdAt));
      return rows.map(toPublicCourse);
    },

    async listSiteIds(): Promise<string[]> {
      return (await db.select({ id: sites.id }).from(sites)).map((row) => row.id);
    },

    /** The site id behind a public name. */
    async findSiteId(siteKey: string): Promise<string | undefined> {
      return (await version.execute({ key: siteKey }))[0]?.siteId;
    },
  };
}

export type PublicRepository = ReturnType<typeof createPublicRepository>;
