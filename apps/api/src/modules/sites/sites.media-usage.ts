import { eq } from 'drizzle-orm';
import type { Database } from '../../db/client';
import { sites } from '../../db/schema';
import type { MediaUsage } from '../courses/courses.media-usage';

/** The site's settings, when its logo is this media. */
export async function findMediaUsages(db: Database, siteId: string, mediaId: string): Promise<MediaUsage[]> {
  const [site] = await db
    .select({ id: sites.id, name: sites.name, logoId: sites.logoId })
    .from(sites)
    .where(eq(sites.id, siteId));
  return site && site.logoId === mediaId
    ? [{ kind: 'site', id: site.id, label: `Logo of ${site.name}` }]
    : [];
}
