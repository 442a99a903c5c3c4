import { z } from 'zod';
import { domain, site, slug } from './sites';

/**
 * Moving a site between installations: `GET /sites/:siteId/export` answers a `swigs-site` archive
 * (tar.gz: `manifest.json` with the sha256 of every file, `site.json`, `media/…`), and
 * `POST /sites/import` creates a new site from one. Users, API tokens and the audit trail stay
 * behind: accounts and secrets belong to an installation, not to a site.
 */

export const siteExportQuery = z.object({
  /**
   * Export even when some uploaded files are missing on disk: media whose file is gone are left
   * out (what refers to them is cleared, as deleting them would), missing image variants dropped.
   */
  allowMissingFiles: z
    .enum(['true', 'false'])
    .default('false')
    .transform((value) => value === 'true'),
});
export type SiteExportQuery = z.input<typeof siteExportQuery>;

/** Where the imported site lives, when the archive's slug or domain is taken here. */
export const siteImportQuery = z.object({
  slug: slug.optional(),
  /** A new domain; the archive's aliases are then left out (they name the original site). */
  domain: domain.optional(),
});
export type SiteImportQuery = z.input<typeof siteImportQuery>;

export const siteTransferCounts = z.object({
  media: z.number().int().min(0),
  /** Files of the archive under media/: originals and variants. */
  files: z.number().int().min(0),
  courses: z.number().int().min(0),
  contents: z.number().int().min(0),
  seo: z.number().int().min(0),
  contacts: z.number().int().min(0),
});
export type SiteTransferCounts = z.infer<typeof siteTransferCounts>;

/** What `POST /sites/import` created. */
export const siteImportReport = z.object({
  site,
  counts: siteTransferCounts,
  /** The site's address in the archive, and what the import changed of it. */
  source: z.object({ slug: z.string(), domain: z.string(), aliases: z.array(z.string()) }),
  /** Aliases of the archive not given to the new site (a new domain was chosen). */
  droppedAliases: z.array(z.string()),
});
export type SiteImportReport = z.infer<typeof siteImportReport>;
