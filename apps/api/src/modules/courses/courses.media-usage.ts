import { and, eq } from 'drizzle-orm';
import type { Database } from '../../db/client';
import { courses } from '../../db/schema';

/** A record that shows a media, so the media cannot be deleted while it does. */
export interface MediaUsage {
  kind: 'course' | 'content' | 'seo' | 'site';
  id: string;
  label: string;
}

/** Courses of the site whose image is this media. */
export async function findMediaUsages(db: Database, siteId: string, mediaId: string): Promise<MediaUsage[]> {
  const rows = await db
    .select({ id: courses.id, title: courses.title })
    .from(courses)
    .where(and(eq(courses.siteId, siteId), eq(courses.imageId, mediaId)));
  return rows.map((row) => ({ kind: 'course', id: row.id, label: row.title }));
}
