import { type Role, type Site, siteAddressFields, type UpdateSiteBody } from '@swigs/schema';
import { changedFields, forbiddenFields } from '../../lib/changes';

/**
 * Editors assigned to a site edit its ordinary settings; where it lives (slug, domain, aliases)
 * is the admins' decision.
 */
export function assertCanUpdateSite(role: Role, site: Site, changes: UpdateSiteBody): void {
  if (role === 'admin') return;
  const changed = changedFields(site, changes, siteAddressFields);
  if (changed.length > 0) throw forbiddenFields(changed);
}
