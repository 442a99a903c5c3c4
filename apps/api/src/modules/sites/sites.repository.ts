import type { Site, SiteContact, SiteSocial, SiteTheme } from '@swigs/schema';
import { and, asc, count, eq, ilike, inArray, ne, or, type SQL, sql } from 'drizzle-orm';
import type { Database, Executor } from '../../db/client';
import { media, siteDomains, sites } from '../../db/schema';
import { likePattern, limitOffset } from '../../lib/pagination';
import { type MediaRefRow, toMediaRef } from '../media/media-ref';

const primaryHost = sql<string>`coalesce((select ${siteDomains.host} from ${siteDomains}
  where ${siteDomains.siteId} = ${sites.id} and ${siteDomains.isPrimary}), '')`;
const aliasHosts = sql<string[]>`coalesce((select array_agg(${siteDomains.host} order by ${siteDomains.host})
  from ${siteDomains} where ${siteDomains.siteId} = ${sites.id} and not ${siteDomains.isPrimary}), '{}')`;

const siteColumns = {
  id: sites.id,
  slug: sites.slug,
  name: sites.name,
  description: sites.description,
  locale: sites.locale,
  timeZone: sites.timeZone,
  createdAt: sites.createdAt,
  updatedAt: sites.updatedAt,
  version: sites.version,
  domain: primaryHost,
  aliases: aliasHosts,
  logoId: sites.logoId,
  contact: sites.contact,
  social: sites.social,
  theme: sites.theme,
  notificationEmails: sites.notificationEmails,
  contactAcknowledgement: sites.contactAcknowledgement,
  logo: {
    id: media.id,
    siteId: media.siteId,
    storedName: media.storedName,
    mimeType: media.mimeType,
    width: media.width,
    height: media.height,
    alt: media.alt,
    variants: media.variants,
  },
};

type SiteSelection = Omit<Site, 'createdAt' | 'updatedAt' | 'logo'> & {
  createdAt: Date;
  updatedAt: Date;
  logo: MediaRefRow | null;
};

function toSite(row: SiteSelection): Site {
  return {
    ...row,
    logo: row.logo ? toMediaRef(row.logo) : null,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
  };
}

/** Sites with their logo resolved (left join: most sites have a logo, some do not). */
function selectSites(executor: Executor) {
  return executor.select(siteColumns).from(sites).leftJoin(media, eq(media.id, sites.logoId));
}

export interface SiteListFilter {
  page: number;
  pageSize: number;
  q?: string | undefined;
  /** Restricts the list to these sites (an editor's assignments); undefined means all. */
  onlyIds?: string[] | undefined;
}

export interface SiteFields {
  slug: string;
  name: string;
  description: string;
  locale: string;
  timeZone: string;
  logoId: string | null;
  contact: SiteContact;
  social: SiteSocial;
  theme: SiteTheme;
  notificationEmails: string[];
  contactAcknowledgement: boolean;
}

export function createSitesRepository(db: Database) {
  return {
    async list(filter: SiteListFilter) {
      const conditions: SQL[] = [];
      if (filter.onlyIds) {
        if (filter.onlyIds.length === 0) return { rows: [], total: 0 };
        conditions.push(inArray(sites.id, filter.onlyIds));
      }
      if (filter.q) {
        const pattern = likePattern(filter.q);
        conditions.push(
          or(
            ilike(sites.name, pattern),
            ilike(sites.slug, pattern),
            inArray(
              sites.id,
              db.select({ id: siteDomains.siteId }).from(siteDomains).where(ilike(siteDomains.host, pattern)),
            ),
          )!,
        );
      }
      const where = conditions.length > 0 ? and(...conditions) : undefined;
      const { limit, offset } = limitOffset(filter);
      const [rows, [total]] = await Promise.all([
        selectSites(db).where(where).orderBy(asc(sites.name)).limit(limit).offset(offset),
        db.select({ value: count() }).from(sites).where(where),
      ]);
      return { rows: rows.map(toSite), total: total?.value ?? 0 };
    },

    async findById(id: string, executor: Executor = db): Promise<Site | undefined> {
      const [row] = await selectSites(executor).where(eq(sites.id, id));
      return row ? toSite(row) : undefined;
    },

    /**
     * The id of the site a public request names: its slug, or any of its host names (domain or
     * alias). Host names are stored lower-case; a trailing port is ignored.
     */
    async findIdByKey(key: string): Promise<string | undefined> {
      const normalised = key.trim().toLowerCase().replace(/:\d+$/, '');
      const [bySlug] = await db.select({ id: sites.id }).from(sites).where(eq(sites.slug, normalised));
      if (bySlug) return bySlug.id;
      const [byHost] = await db
        .select({ id: siteDomains.siteId })
        .from(siteDomains)
        .where(eq(siteDomains.host, normalised));
      return byHost?.id;
    },

    /** Every name a public request may give the site by: its slug and all its host names. */
    async findPublicKeys(siteId: string, executor: Executor = db): Promise<string[]> {
      const [site] = await executor.select({ slug: sites.slug }).from(sites).where(eq(sites.id, siteId));
      if (!site) return [];
      const hosts = await executor
        .select({ host: siteDomains.host })
        .from(siteDomains)
        .where(eq(siteDomains.siteId, siteId));
      return [site.slug, ...hosts.map((row) => row.host)];
    },

    /** Marks a change of what the public API shows; call in the change's own transaction. */
    async bumpContentVersion(executor: Executor, siteId: string): Promise<void> {
      await executor
        .update(sites)
        .set({ contentVersion: sql`${sites.contentVersion} + 1` })
        .where(eq(sites.id, siteId));
    },

    async isMediaOfSite(siteId: string, mediaId: string): Promise<boolean> {
      const [row] = await db
        .select({ id: media.id })
        .from(media)
        .where(and(eq(media.id, mediaId), eq(media.siteId, siteId)));
      return row !== undefined;
    },

    async findUnknownIds(ids: string[]): Promise<string[]> {
      const unique = [...new Set(ids)];
      if (unique.length === 0) return [];
      const rows = await db.select({ id: sites.id }).from(sites).where(inArray(sites.id, unique));
      const known = new Set(rows.map((row) => row.id));
      return unique.filter((id) => !known.has(id));
    },

    async isSlugTaken(slug: string, exceptSiteId?: string): Promise<boolean> {
      const where = exceptSiteId
        ? and(eq(sites.slug, slug), ne(sites.id, exceptSiteId))
        : eq(sites.slug, slug);
      const [row] = await db.select({ id: sites.id }).from(sites).where(where).limit(1);
      return row !== undefined;
    },

    /** Hosts among `hosts` that already belong to another site than `exceptSiteId`. */
    async findTakenHosts(hosts: string[], exceptSiteId?: string): Promise<string[]> {
      if (hosts.length === 0) return [];
      const inHosts = inArray(siteDomains.host, hosts);
      const where = exceptSiteId ? and(inHosts, ne(siteDomains.siteId, exceptSiteId)) : inHosts;
      const rows = await db.select({ host: siteDomains.host }).from(siteDomains).where(where);
      return rows.map((row) => row.host);
    },

    async insert(executor: Executor, fields: SiteFields): Promise<string> {
      const [row] = await executor.insert(sites).values(fields).returning({ id: sites.id });
      return row!.id;
    },

    async update(
      executor: Executor,
      id: string,
      fields: Partial<SiteFields>,
      expectedVersion: number,
    ): Promise<boolean> {
      const rows = await executor
        .update(sites)
        .set({ ...fields, updatedAt: sql`now()`, version: sql`${sites.version} + 1` })
        .where(and(eq(sites.id, id), eq(sites.version, expectedVersion)))
        .returning({ id: sites.id });
      return rows.length > 0;
    },

    async replaceHosts(executor: Executor, siteId: string, domain: string, aliases: string[]): Promise<void> {
      await executor.delete(siteDomains).where(eq(siteDomains.siteId, siteId));
      await executor
        .insert(siteDomains)
        .values([
          { host: domain, siteId, isPrimary: true },
          ...aliases.map((host) => ({ host, siteId, isPrimary: false })),
        ]);
    },

    async delete(executor: Executor, id: string): Promise<boolean> {
      const rows = await executor.delete(sites).where(eq(sites.id, id)).returning({ id: sites.id });
      return rows.length > 0;
    },
  };
}

export type SitesRepository = ReturnType<typeof createSitesRepository>;
