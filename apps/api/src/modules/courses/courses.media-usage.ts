import { and, eq } from 'drizzle-orm';
import type { Database } from '../../db/client';
import { courses } from '../../db/schema';

/**
 * A record that shows a media, so the media cannot be deleted while it does. The shape of the
 * media module's `MediaUsage` (`type`, `id`, `label`), so these finders plug into its list as they are.
 */
export interface MediaUsage {
  type: 'course' | 'content' | 'seo';
  id: string;
  label: string;
}

/** Courses of the site whose image is this media. */
export async function findMediaUsages(db: Database, siteId: string, mediaId: string): Promise<MediaUsage[]> {
  const rows = await db
    .select({ id: courses.id, title: courses.title })
    .from(courses)
    .where(and(eq(courses.siteId, siteId), eq(courses.imageId, mediaId)));
  return rows.map((row) => ({ type: 'course', id: row.id, label: row.title }));
}
