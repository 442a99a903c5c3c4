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
import type { Executor, Transact } from '../../db/client';
import { changedFields } from '../../lib/changes';
import { AppError, fieldError, notFound, versionConflict } from '../../lib/errors';
import { pageOf } from '../../lib/pagination';
import type { AuditRepository } from '../audit/audit.repository';
import { type AuditActor, describeUpdate, systemActor } from '../audit/audit-actor';
import { mergeTouched, type SiteChanges } from '../public/site-changes';
import { assertCanUpdateSite } from './sites.policy';
import type { SitesRepository } from './sites.repository';

export interface SitesServiceDeps {
  sites: SitesRepository;
  /** Creates the SEO records of the default pages of a new site. */
  insertDefaultSeo(executor: Executor, siteId: string): Promise<void>;
  audit: Pick<AuditRepository, 'record'>;
  changes: SiteChanges;
  transact: Transact;
  /** Deletes a deleted site's uploaded files (after the rows are gone). */
  removeSiteFiles?: (siteId: string) => Promise<void>;
}

/** Settings whose change the audit trail names (nested objects by their group). */
const auditedSiteFields = [
  'name',
  'slug',
  'domain',
  'aliases',
  'description',
  'locale',
  'timeZone',
  'logoId',
  'notificationEmails',
] as const;

export interface SiteViewer {
  role: Role;
  siteIds: string[];
}

export function createSitesService(deps: SitesServiceDeps) {
  const { sites, audit, changes, transact } = deps;

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

    async createSite(body: z.output<typeof createSiteBody>, actor: AuditActor = systemActor): Promise<Site> {
      await assertAddressFree(body);
      const { id, touched } = await transact(async (tx) => {
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
        await deps.insertDefaultSeo(tx, siteId);
        await audit.record(tx, {
          siteId,
          actor,
          action: 'create',
          entity: 'site',
          entityId: siteId,
          summary: `Created site "${body.name}" (${body.domain})`,
        });
        return { id: siteId, touched: await changes.touch(tx, siteId) };
      });
      await changes.published(touched);
      return requireSite(id);
    },

    async updateSite(
      role: Role,
      id: string,
      body: UpdateSiteBody,
      ifMatch?: number,
      actor: AuditActor = systemActor,
    ): Promise<Site> {
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
      const changed = [
        ...changedFields(site, body, auditedSiteFields),
        ...(['contact', 'social', 'theme'] as const).filter(
          (group) =>
            body[group] !== undefined &&
            Object.entries(body[group]!).some(
              ([field, value]) => (site[group] as Record<string, unknown>)[field] !== value,
            ),
        ),
      ];
      const touched = await transact(async (tx) => {
        // The names the site had: answers cached under an old slug or host must go too.
        const before = { siteId: id, keys: await sites.findPublicKeys(id, tx) };
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
        await audit.record(tx, {
          siteId: id,
          actor,
          action: 'update',
          entity: 'site',
          entityId: id,
          summary: describeUpdate('site', body.name ?? site.name, changed),
        });
        return mergeTouched(before, await changes.touch(tx, id));
      });
      await changes.published(touched);
      return requireSite(id);
    },

    /** Deletes the site and all it holds; the trail keeps the deletion, outside any site. */
    async deleteSite(id: string, actor: AuditActor = systemActor): Promise<void> {
      const site = await requireSite(id);
      const keys = await transact(async (tx) => {
        const names = await sites.findPublicKeys(id, tx);
        if (!(await sites.delete(tx, id))) throw notFound('SITE_NOT_FOUND', 'This site');
        await audit.record(tx, {
          siteId: null,
          actor,
          action: 'delete',
          entity: 'site',
          entityId: id,
          summary: `Deleted site "${site.name}" (${site.domain})`,
        });
        return names;
      });
      await changes.published({ siteId: id, keys }, { deleted: true });
      await deps.removeSiteFiles?.(id);
    },
  };
}

export type SitesService = ReturnType<typeof createSitesService>;
