import type { MediaUsage } from '@swigs/schema';
import type { Database } from '../../db/client';
import { createSeoRepository } from './seo.repository';

/** SEO records of the site that show this media as og:image or twitter:image. */
export async function findMediaUsages(db: Database, siteId: string, mediaId: string): Promise<MediaUsage[]> {
  const rows = await createSeoRepository(db).findByMedia(siteId, mediaId);
  return rows.map((row) => ({ type: 'seo', id: row.id, label: `SEO ${row.page}` }));
}
