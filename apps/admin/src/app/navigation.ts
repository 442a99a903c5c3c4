import type { LucideIcon } from 'lucide-react';
import { BookOpen, LayoutDashboard, Search, Settings } from 'lucide-react';

/** The sections of a site, in the order of the navigation; `path` is relative to /sites/:siteId. */
export interface SiteSection {
  path: string;
  labelKey: 'nav.dashboard' | 'nav.courses' | 'nav.seo' | 'nav.settings';
  icon: LucideIcon;
}

export const siteSections: SiteSection[] = [
  { path: 'dashboard', labelKey: 'nav.dashboard', icon: LayoutDashboard },
  { path: 'courses', labelKey: 'nav.courses', icon: BookOpen },
  { path: 'seo', labelKey: 'nav.seo', icon: Search },
  { path: 'settings', labelKey: 'nav.settings', icon: Settings },
];

/** Where a site opens: its first section. */
export const siteHome = (siteId: string) => `/sites/${siteId}/${siteSections[0]!.path}`;
