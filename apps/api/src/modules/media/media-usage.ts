import type { MediaUsage } from '@swigs/schema';

/**
 * Finds the records of one kind that refer to a media file of a site. Each module that stores
 * media references contributes one (site logo here; courses, contents and SEO in their modules).
 */
export type MediaUsageFinder = (siteId: string, mediaId: string) => Promise<MediaUsage[]>;

/** One narrow dependency for the media service: every finder, asked together. */
export function composeUsageFinders(finders: MediaUsageFinder[]): MediaUsageFinder {
  return async (siteId, mediaId) => (await Promise.all(finders.map((find) => find(siteId, mediaId)))).flat();
}
