import { sql } from 'drizzle-orm';
import {
  customType,
  date,
  index,
  integer,
  numeric,
  pgEnum,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import { createdAt, id, updatedAt, version } from './columns';
import { media } from './media';
import { sites } from './sites';

export const courseStatus = pgEnum('course_status', ['active', 'full', 'cancelled', 'finished']);

const tsvector = customType<{ data: string }>({ dataType: () => 'tsvector' });

/**
 * Accented letters and what search folds them to (the same table serves queries, see
 * course-search.ts). Hyphens become spaces: the parser would read "K-77" as the number -77.
 */
export const accentFoldFrom = 'àâäáãåçéèêëíìîïñóòôöõúùûüýÿœæ-';
export const accentFoldTo = 'aaaaaaceeeeiiiinooooouuuuyyoa ';

/** Folds the accents French uses, so that "ecole" finds "École". Immutable, hence usable in an index. */
export const foldAccentsSql = (expression: string) =>
  `translate(lower(${expression}), '${accentFoldFrom}', '${accentFoldTo}')`;

export const courses = pgTable(
  'courses',
  {
    id: id(),
    siteId: uuid()
      .notNull()
      .references(() => sites.id, { onDelete: 'cascade' }),
    slug: text().notNull(),
    title: text().notNull(),
    number: text().notNull().default(''),
    /** Sanitised HTML. */
    description: text().notNull().default(''),
    startDate: date({ mode: 'string' }),
    endDate: date({ mode: 'string' }),
    registrationDeadline: date({ mode: 'string' }),
    /** numeric, not float: 19.90 stays 19.90. */
    price: numeric({ precision: 12, scale: 2 }),
    currency: text().notNull().default('CHF'),
    places: integer(),
    location: text().notNull().default(''),
    externalUrl: text().notNull().default(''),
    status: courseStatus().notNull().default('active'),
    position: integer().notNull().default(0),
    imageId: uuid().references(() => media.id, { onDelete: 'set null' }),
    /**
     * What `q` searches: title and number weigh most, then location, then the description (HTML
     * tags are not words for the parser). Accents folded, 'simple' dictionary: no stemming
     * surprises across languages, and prefix queries ("voil" → "voile") work.
     */
    search: tsvector().generatedAlwaysAs(
      sql.raw(`setweight(to_tsvector('simple', ${foldAccentsSql("title || ' ' || number")}), 'A')
        || setweight(to_tsvector('simple', ${foldAccentsSql('location')}), 'B')
        || setweight(to_tsvector('simple', ${foldAccentsSql('description')}), 'C')`),
    ),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
    version: version(),
  },
  (t) => [
    uniqueIndex('courses_site_slug_unique').on(t.siteId, t.slug),
    index().on(t.siteId, t.position),
    index().on(t.imageId),
    index('courses_search_idx').using('gin', t.search),
  ],
);

/**
 * Addresses a course no longer answers at: its former slugs (`courseId` set: the public API still
 * finds the course there, and its page redirects to the current address) and the slugs of deleted
 * courses (`courseId` null: the page answers 410 Gone). A slug leaves this table when a course
 * takes it again.
 */
export const retiredCourseSlugs = pgTable(
  'retired_course_slugs',
  {
    siteId: uuid()
      .notNull()
      .references(() => sites.id, { onDelete: 'cascade' }),
    slug: text().notNull(),
    courseId: uuid().references(() => courses.id, { onDelete: 'set null' }),
    retiredAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.siteId, t.slug] }), index().on(t.courseId)],
);
