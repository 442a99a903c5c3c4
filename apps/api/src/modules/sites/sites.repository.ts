import type { Site } from '@swigs/schema';
import { and, asc, count, eq, ilike, inArray, ne, or, type SQL, sql } from 'drizzle-orm';
import type { Database, Executor } from '../../db/client';
import { siteDomains, sites } from '../../db/schema';
import { likePattern, limitOffset } from '../../lib/pagination';

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
};

type SiteSelection = Omit<Site, 'createdAt' | 'updatedAt'> & { createdAt: Date; updatedAt: Date };

function toSite(row: SiteSelection): Site {
  return { ...row, createdAt: row.createdAt.toISOString(), updatedAt: row.updatedAt.toISOString() };
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
        db.select(siteColumns).from(sites).where(where).orderBy(asc(sites.name)).limit(limit).offset(offset),
        db.select({ value: count() }).from(sites).where(where),
      ]);
      return { rows: rows.map(toSite), total: total?.value ?? 0 };
    },

    async findById(id: string, executor: Executor = db): Promise<Site | undefined> {
      const [row] = await executor.select(siteColumns).from(sites).where(eq(sites.id, id));
      return row ? toSite(row) : undefined;
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
