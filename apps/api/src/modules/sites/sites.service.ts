import {
  type createSiteBody,
  defaultSiteContact,
  defaultSiteSocial,
  defaultSiteTheme,
  type Role,
  type Site,
  type siteListQuery,
  type UpdateSiteBody,
} from '@swigs/schema';
import type { z } from 'zod';
import type { Transact } from '../../db/client';
import { AppError, fieldError, notFound, versionConflict } from '../../lib/errors';
import { pageOf } from '../../lib/pagination';
import { assertCanUpdateSite } from './sites.policy';
import type { SitesRepository } from './sites.repository';

export interface SitesServiceDeps {
  sites: SitesRepository;
  transact: Transact;
  /** Deletes a deleted site's uploaded files (after the rows are gone). */
  removeSiteFiles?: (siteId: string) => Promise<void>;
}

export interface SiteViewer {
  role: Role;
  siteIds: string[];
}

export function createSitesService(deps: SitesServiceDeps) {
  const { sites, transact } = deps;

  async function requireSite(id: string): Promise<Site> {
    const site = await sites.findById(id);
    if (!site) throw notFound('SITE_NOT_FOUND', 'This site');
    return site;
  }

  /** Field errors for a slug or host names already used by another site (a friendlier answer than the constraint). */
  async function assertAddressFree(
    address: { slug?: string | undefined; domain?: string | undefined; aliases?: string[] | undefined },
    exceptSiteId?: string,
  ) {
    if (address.slug && (await sites.isSlugTaken(address.slug, exceptSiteId))) {
      throw new AppError('SLUG_TAKEN', 'Another site already uses this slug.', {
        errors: [{ field: 'slug', message: 'Another site already uses this slug.', code: 'taken' }],
      });
    }
    const hosts = [address.domain, ...(address.aliases ?? [])].filter((h): h is string => Boolean(h));
    const taken = new Set(await sites.findTakenHosts(hosts, exceptSiteId));
    if (taken.size === 0) return;
    const errors = [];
    if (address.domain && taken.has(address.domain)) {
      errors.push({
        field: 'domain',
        message: 'This host name already belongs to another site.',
        code: 'taken',
      });
    }
    address.aliases?.forEach((alias, index) => {
      if (taken.has(alias)) {
        errors.push({
          field: `aliases.${index}`,
          message: 'This host name already belongs to another site.',
          code: 'taken',
        });
      }
    });
    throw new AppError('DOMAIN_TAKEN', `Already used by another site: ${[...taken].join(', ')}.`, { errors });
  }

  return {
    async listSites(viewer: SiteViewer, query: z.output<typeof siteListQuery>) {
      const onlyIds = viewer.role === 'admin' ? undefined : viewer.siteIds;
      const { rows, total } = await sites.list({ ...query, onlyIds });
      return pageOf(rows, total, query);
    },

    getSite: requireSite,

    async createSite(body: z.output<typeof createSiteBody>): Promise<Site> {
      await assertAddressFree(body);
      const id = await transact(async (tx) => {
        const siteId = await sites.insert(tx, {
          slug: body.slug,
          name: body.name,
          description: body.description,
          locale: body.locale,
          timeZone: body.timeZone,
          logoId: null,
          contact: { ...defaultSiteContact, ...body.contact },
          social: { ...defaultSiteSocial, ...body.social },
          theme: { ...defaultSiteTheme, ...body.theme },
          notificationEmails: body.notificationEmails ?? [],
          contactAcknowledgement: body.contactAcknowledgement ?? false,
        });
        await sites.replaceHosts(tx, siteId, body.domain, body.aliases);
        return siteId;
      });
      return requireSite(id);
    },

    async updateSite(role: Role, id: string, body: UpdateSiteBody, ifMatch?: number): Promise<Site> {
      const site = await requireSite(id);
      assertCanUpdateSite(role, site, body);
      const expectedVersion = body.version ?? ifMatch ?? site.version;
      if (expectedVersion !== site.version) throw versionConflict(site.version);
      const domain = body.domain ?? site.domain;
      const aliases = body.aliases ?? site.aliases;
      if (aliases.includes(domain)) {
        throw new AppError('VALIDATION_FAILED', 'The domain cannot also be an alias.', {
          errors: [{ field: 'aliases', message: 'The domain cannot also be an alias.', code: 'duplicate' }],
        });
      }
      await assertAddressFree({ slug: body.slug, domain: body.domain, aliases: body.aliases }, id);
      if (body.logoId && !(await sites.isMediaOfSite(id, body.logoId))) {
        throw fieldError(
          'logoId',
          'The logo must be an image of this site’s media library.',
          'unknown_media',
        );
      }
      await transact(async (tx) => {
        const {
          version: _version,
          domain: _domain,
          aliases: _aliases,
          contact,
          social,
          theme,
          ...plain
        } = body;
        const fields = {
          ...plain,
          // Nested settings are merged: a form may send only the part it edits.
          ...(contact ? { contact: { ...site.contact, ...contact } } : {}),
          ...(social ? { social: { ...site.social, ...social } } : {}),
          ...(theme ? { theme: { ...site.theme, ...theme } } : {}),
        };
        if (!(await sites.update(tx, id, fields, expectedVersion))) {
          const current = await sites.findById(id, tx);
          if (!current) throw notFound('SITE_NOT_FOUND', 'This site');
          throw versionConflict(current.version);
        }
        if (body.domain !== undefined || body.aliases !== undefined)
          await sites.replaceHosts(tx, id, domain, aliases);
      });
      return requireSite(id);
    },

    async deleteSite(id: string): Promise<void> {
      const deleted = await transact((tx) => sites.delete(tx, id));
      if (!deleted) throw notFound('SITE_NOT_FOUND', 'This site');
      await deps.removeSiteFiles?.(id);
    },
  };
}

export type SitesService = ReturnType<typeof createSitesService>;
