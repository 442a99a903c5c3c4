import type { Executor } from '../../db/client';
import type { SitesRepository } from '../sites/sites.repository';
import { normaliseSiteKey, type PublicCache } from './public-cache';

/** What `touch` hands over to `published`: the names the site's cached answers are filed under. */
export interface TouchedSite {
  siteId: string;
  keys: string[];
}

export interface SiteChanges {
  /**
   * In the edit's transaction: bumps the site's content version (so the version public answers
   * carry changes exactly when what they show may have) and returns the site's slug and host
   * names — read in the transaction, so invalidating afterwards needs no database.
   */
  touch(executor: Executor, siteId: string): Promise<TouchedSite>;
  /**
   * After the edit committed, before answering: drops the site's cached public answers (on every
   * instance, through Redis) and regenerates its seo.json (or removes it when the site is gone).
   * Never throws — the edit is saved; a failure is logged and the cache retries on its own.
   */
  published(touched: TouchedSite, options?: { deleted?: boolean }): Promise<void>;
}

export interface SeoFiles {
  /** Rebuilds `<siteId>/seo.json` from the database. */
  regenerate(siteId: string): Promise<void>;
  remove(siteId: string): Promise<void>;
  /** Writes the files of these sites that do not exist yet (after an upgrade, on a fresh volume). */
  regenerateMissing(siteIds: string[]): Promise<void>;
}

export interface SiteChangesDeps {
  cache: Pick<PublicCache, 'invalidate'>;
  sites: Pick<SitesRepository, 'findPublicKeys' | 'bumpContentVersion'>;
  seoFiles: SeoFiles;
  /** Where failures go (the app's logger). */
  warn(error: unknown, message: string): void;
}

export function createSiteChanges(deps: SiteChangesDeps): SiteChanges {
  return {
    async touch(executor, siteId) {
      await deps.sites.bumpContentVersion(executor, siteId);
      return { siteId, keys: await deps.sites.findPublicKeys(siteId, executor) };
    },

    async published(touched, options = {}) {
      try {
        await deps.cache.invalidate([...new Set(touched.keys.map(normaliseSiteKey))]);
      } catch (error) {
        deps.warn(error, 'public cache invalidation failed');
      }
      try {
        if (options.deleted) await deps.seoFiles.remove(touched.siteId);
        else await deps.seoFiles.regenerate(touched.siteId);
      } catch (error) {
        deps.warn(error, 'seo.json could not be written');
      }
    },
  };
}

/** Merges the names of a site before and after a change of its address. */
export function mergeTouched(a: TouchedSite, b: TouchedSite): TouchedSite {
  return { siteId: a.siteId, keys: [...new Set([...a.keys, ...b.keys])] };
}
