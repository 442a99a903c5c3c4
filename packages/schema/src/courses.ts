import { z } from 'zod';
import { id, paginationQuery, timestamp, version } from './common';
import { mediaRef } from './media';
import { slug } from './sites';

/** A calendar date without time or zone, `YYYY-MM-DD` (a course starts on a day, wherever you read it). */
export const isoDate = z.iso.date({ message: 'Use a date such as 2025-09-01.' });

/** An absolute http(s) address; `javascript:`, `data:` and friends are refused. */
export const httpUrl = z.url({ protocol: /^https?$/, message: 'Enter a full http(s) address.' }).max(2000);

export const courseStatuses = ['active', 'full', 'cancelled', 'finished'] as const;
export const courseStatus = z.enum(courseStatuses);
export type CourseStatus = z.infer<typeof courseStatus>;

/** Statuses the public API shows; finished courses stay in the back office only. */
export const publicCourseStatuses = [
  'active',
  'full',
  'cancelled',
] as const satisfies readonly CourseStatus[];

/** ISO 4217 code, upper-case (`CHF`, `EUR`). */
export const currency = z
  .string()
  .trim()
  .toUpperCase()
  .regex(/^[A-Z]{3}$/, { message: 'Use a three-letter currency code such as CHF.' });

/** A price in currency units with at most two decimals (`1250.5`), never negative. */
export const price = z
  .number()
  .min(0, { message: 'A price cannot be negative.' })
  .max(99_999_999.99)
  .refine((value) => Math.abs(value * 100 - Math.round(value * 100)) < 1e-6, {
    message: 'Use at most two decimals.',
  });

/** A course as the back office sees it. `description` is sanitised HTML. */
export const course = z.object({
  id,
  siteId: id,
  slug: z.string(),
  title: z.string(),
  /** The course's own reference, e.g. "F-2025-03" ('' when none). */
  number: z.string(),
  description: z.string(),
  startDate: isoDate.nullable(),
  endDate: isoDate.nullable(),
  registrationDeadline: isoDate.nullable(),
  price: z.number().nullable(),
  currency: z.string(),
  /** Places still available; null when not counted. */
  places: z.number().int().nullable(),
  location: z.string(),
  /** A registration or information page elsewhere ('' when none). */
  externalUrl: z.string(),
  status: courseStatus,
  /** Display order within the site, ascending; set by `POST .../courses/reorder`. */
  position: z.number().int(),
  imageId: id.nullable(),
  image: mediaRef.nullable(),
  createdAt: timestamp,
  updatedAt: timestamp,
  version,
});
export type Course = z.infer<typeof course>;

export interface CourseDates {
  startDate?: string | null | undefined;
  endDate?: string | null | undefined;
  registrationDeadline?: string | null | undefined;
}

/**
 * The rules between a course's dates: the end is not before the start, the registration deadline
 * is not after the start. Shared by the API (on the merged record) and forms (as the user types).
 */
export function courseDateIssues(dates: CourseDates): { field: keyof CourseDates; message: string }[] {
  const issues: { field: keyof CourseDates; message: string }[] = [];
  if (dates.startDate && dates.endDate && dates.endDate < dates.startDate) {
    issues.push({ field: 'endDate', message: 'The end date cannot be before the start date.' });
  }
  if (dates.startDate && dates.registrationDeadline && dates.registrationDeadline > dates.startDate) {
    issues.push({
      field: 'registrationDeadline',
      message: 'The registration deadline cannot be after the start date.',
    });
  }
  return issues;
}

function checkDates(value: CourseDates, ctx: z.RefinementCtx) {
  for (const issue of courseDateIssues(value)) {
    ctx.addIssue({ code: 'custom', path: [issue.field], message: issue.message });
  }
}

const courseFields = {
  title: z.string().trim().min(1).max(200),
  /** Generated from the title when omitted; unique per site. */
  slug,
  number: z.string().trim().max(50),
  /** HTML; the server keeps only harmless markup (no script, event handlers or javascript: links). */
  description: z.string().max(100_000),
  startDate: isoDate.nullable(),
  endDate: isoDate.nullable(),
  registrationDeadline: isoDate.nullable(),
  price: price.nullable(),
  currency,
  places: z.number().int().min(0, { message: 'Places cannot be negative.' }).max(1_000_000).nullable(),
  location: z.string().trim().max(500),
  externalUrl: z.union([z.literal(''), httpUrl]),
  status: courseStatus,
  /** A media of the same site (an image), or null. */
  imageId: id.nullable(),
};

export const createCourseBody = z
  .object({
    title: courseFields.title,
    slug: courseFields.slug.optional(),
    number: courseFields.number.default(''),
    description: courseFields.description.default(''),
    startDate: courseFields.startDate.default(null),
    endDate: courseFields.endDate.default(null),
    registrationDeadline: courseFields.registrationDeadline.default(null),
    price: courseFields.price.default(null),
    currency: courseFields.currency.default('CHF'),
    places: courseFields.places.default(null),
    location: courseFields.location.default(''),
    externalUrl: courseFields.externalUrl.default(''),
    status: courseFields.status.default('active'),
    imageId: courseFields.imageId.default(null),
    /** Omitted: the course goes last. */
    position: z.number().int().min(0).max(1_000_000).optional(),
  })
  .superRefine(checkDates);
export type CreateCourseBody = z.input<typeof createCourseBody>;

/** Partial update; date rules are checked again by the server on the merged record. */
export const updateCourseBody = z
  .object({
    title: courseFields.title.optional(),
    slug: courseFields.slug.optional(),
    number: courseFields.number.optional(),
    description: courseFields.description.optional(),
    startDate: courseFields.startDate.optional(),
    endDate: courseFields.endDate.optional(),
    registrationDeadline: courseFields.registrationDeadline.optional(),
    price: courseFields.price.optional(),
    currency: courseFields.currency.optional(),
    places: courseFields.places.optional(),
    location: courseFields.location.optional(),
    externalUrl: courseFields.externalUrl.optional(),
    status: courseFields.status.optional(),
    imageId: courseFields.imageId.optional(),
    version: version.optional(),
  })
  .superRefine(checkDates);
export type UpdateCourseBody = z.input<typeof updateCourseBody>;

export const courseSorts = [
  'position',
  'title',
  'startDate',
  '-startDate',
  'createdAt',
  '-createdAt',
  '-updatedAt',
] as const;

export const courseListQuery = paginationQuery.extend({
  status: courseStatus.optional(),
  /** Words searched in title, number, description and location (all must match). */
  q: z.string().trim().max(200).optional(),
  /** A leading `-` sorts descending. Default: display order. */
  sort: z.enum(courseSorts).default('position'),
});
export type CourseListQuery = z.input<typeof courseListQuery>;

/**
 * The new display order. Listed courses take positions 0, 1, 2… in this order; courses not listed
 * (created meanwhile) keep their relative order after them.
 */
export const reorderCoursesBody = z.object({
  ids: z
    .array(id)
    .min(1)
    .max(5000)
    .refine((ids) => new Set(ids).size === ids.length, { message: 'A course is listed twice.' }),
});
export type ReorderCoursesBody = z.input<typeof reorderCoursesBody>;

export const coursePosition = z.object({ id, position: z.number().int() });
export type CoursePosition = z.infer<typeof coursePosition>;
