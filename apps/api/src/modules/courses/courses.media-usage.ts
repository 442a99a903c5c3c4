import type { MediaUsage } from '@swigs/schema';
import { and, eq } from 'drizzle-orm';
import type { Database } from '../../db/client';
import { courses } from '../../db/schema';

/** Courses of the site whose image is this media. */
export async function findMediaUsages(db: Database, siteId: string, mediaId: string): Promise<MediaUsage[]> {
  const rows = await db
    .select({ id: courses.id, title: courses.title })
    .from(courses)
    .where(and(eq(courses.siteId, siteId), eq(courses.imageId, mediaId)));
  return rows.map((row) => ({ type: 'course', id: row.id, label: row.title }));
}
