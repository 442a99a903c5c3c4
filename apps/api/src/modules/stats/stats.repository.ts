import { count, eq, sql } from 'drizzle-orm';
import type { Database } from '../../db/client';
import { media } from '../../db/schema';

export function createStatsRepository(db: Database) {
  return {
    /** Number of files and bytes of the originals in a site's media library. */
    async mediaTotals(siteId: string): Promise<{ count: number; bytes: number }> {
      const [row] = await db
        .select({ count: count(), bytes: sql<string>`coalesce(sum(${media.size}), 0)` })
        .from(media)
        .where(eq(media.siteId, siteId));
      return { count: row?.count ?? 0, bytes: Number(row?.bytes ?? 0) };
    },
  };
}

export type StatsRepository = ReturnType<typeof createStatsRepository>;
