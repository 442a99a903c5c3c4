import type { MediaUsage } from '@swigs/schema';
import type { Database } from '../../db/client';
import { createContentsRepository } from './contents.repository';

/** Image blocks of the site that show this media. */
export async function findMediaUsages(db: Database, siteId: string, mediaId: string): Promise<MediaUsage[]> {
  const rows = await createContentsRepository(db).findByMedia(siteId, mediaId);
  return rows.map((row) => ({ type: 'content', id: row.id, label: row.key }));
}
