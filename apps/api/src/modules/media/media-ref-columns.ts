import { and, eq, inArray } from 'drizzle-orm';
import type { Database, Executor } from '../../db/client';
import { media } from '../../db/schema';

/** The columns `toMediaRef` needs, to select beside a record that references a media. */
export const mediaRefColumns = {
  id: media.id,
  siteId: media.siteId,
  storedName: media.storedName,
  mimeType: media.mimeType,
  width: media.width,
  height: media.height,
  alt: media.alt,
  variants: media.variants,
};

/**
 * The ids among `mediaIds` that are not media of `siteId` (unknown, or another site's). A record
 * may only show its own site's files.
 */
export async function findForeignMediaIds(
  executor: Database | Executor,
  siteId: string,
  mediaIds: (string | null | undefined)[],
): Promise<string[]> {
  const wanted = [...new Set(mediaIds.filter((id): id is string => Boolean(id)))];
  if (wanted.length === 0) return [];
  const rows = await executor
    .select({ id: media.id })
    .from(media)
    .where(and(eq(media.siteId, siteId), inArray(media.id, wanted)));
  const own = new Set(rows.map((row) => row.id));
  return wanted.filter((id) => !own.has(id));
}
