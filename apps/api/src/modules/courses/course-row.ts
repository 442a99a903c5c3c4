import type { Course } from '@swigs/schema';
import { courses } from '../../db/schema';
import { type MediaRefRow, toMediaRef } from '../media/media-ref';
import { mediaRefColumns } from '../media/media-ref-columns';

/** Course columns with the image resolved (left join on `media`), for the admin and public reads alike. */
export const courseColumns = {
  id: courses.id,
  siteId: courses.siteId,
  slug: courses.slug,
  title: courses.title,
  number: courses.number,
  description: courses.description,
  startDate: courses.startDate,
  endDate: courses.endDate,
  registrationDeadline: courses.registrationDeadline,
  price: courses.price,
  currency: courses.currency,
  places: courses.places,
  location: courses.location,
  externalUrl: courses.externalUrl,
  status: courses.status,
  position: courses.position,
  imageId: courses.imageId,
  createdAt: courses.createdAt,
  updatedAt: courses.updatedAt,
  version: courses.version,
  image: mediaRefColumns,
};

export interface CourseRow extends Omit<Course, 'price' | 'image' | 'createdAt' | 'updatedAt'> {
  price: string | null;
  image: MediaRefRow | null;
  createdAt: Date;
  updatedAt: Date;
}

export function toCourse(row: CourseRow): Course {
  return {
    ...row,
    // numeric comes back as a string so that 19.90 is never 19.899999; two decimals fit a double exactly enough.
    price: row.price === null ? null : Number(row.price),
    image: row.image ? toMediaRef(row.image) : null,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
  };
}
