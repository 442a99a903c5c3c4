import type { PublicContent, PublicSite, SeoDocument } from '@swigs/schema';
import type { PublicApi } from '@swigs/sdk';
import { ApiError } from '@swigs/sdk';

/** The part of the public client the renderer reads with. */
export type SiteReader = Pick<PublicApi, 'site' | 'courses' | 'course' | 'contents' | 'seo' | 'version'>;

/** What every page of a site needs, whatever the page: settings, content blocks, SEO. */
export interface SiteData {
  site: PublicSite;
  contents: PublicContent[];
  seo: SeoDocument;
}

export function isNotFound(error: unknown): boolean {
  return error instanceof ApiError && error.status === 404;
}

/** The API knows the record existed and was removed on purpose (410). */
export function isGone(error: unknown): boolean {
  return error instanceof ApiError && error.status === 410;
}

/**
 * The site-wide data per site and content version, kept between requests: a page missing from
 * the page cache (a course page seen for the first time, a 404) then costs only its own data.
 * Only the latest version of each site is kept.
 */
export class SiteDataCache {
  private readonly entries = new Map<string, { version: number; data: Promise<SiteData> }>();

  get(siteId: string, version: number, load: () => Promise<SiteData>): Promise<SiteData> {
    const entry = this.entries.get(siteId);
    if (entry && entry.version === version) return entry.data;
    const data = load();
    this.entries.set(siteId, { version, data });
    // A failed load must not stay cached: the next request tries again.
    data.catch(() => {
      if (this.entries.get(siteId)?.data === data) this.entries.delete(siteId);
    });
    return data;
  }
}

/** Loads the site-wide data in parallel (three calls to the public API). */
export async function loadSiteData(api: SiteReader, key: string): Promise<SiteData> {
  const [site, contents, seo] = await Promise.all([api.site(key), api.contents(key), api.seo(key)]);
  return { site, contents, seo };
}
