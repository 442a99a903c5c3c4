import type { LucideIcon } from 'lucide-react';
import { Settings } from 'lucide-react';

/** The sections of a site, in the order of the navigation; `path` is relative to /sites/:siteId. */
export interface SiteSection {
  path: string;
  labelKey: 'nav.settings';
  icon: LucideIcon;
}

export const siteSections: SiteSection[] = [{ path: 'settings', labelKey: 'nav.settings', icon: Settings }];

/** Where a site opens: its first section. */
export const siteHome = (siteId: string) => `/sites/${siteId}/${siteSections[0]!.path}`;
