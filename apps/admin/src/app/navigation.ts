import type { LucideIcon } from 'lucide-react';
import {
  BookOpen,
  FileText,
  Image,
  LayoutDashboard,
  Mail,
  PlusCircle,
  ScrollText,
  Search,
  Server,
  Settings,
  Users,
} from 'lucide-react';

/** The sections of a site, in the order of the navigation; `path` is relative to /sites/:siteId. */
export interface SiteSection {
  path: string;
  labelKey:
    | 'nav.dashboard'
    | 'nav.courses'
    | 'nav.texts'
    | 'nav.seo'
    | 'nav.media'
    | 'nav.contacts'
    | 'nav.settings';
  icon: LucideIcon;
}

export const siteSections: SiteSection[] = [
  { path: 'dashboard', labelKey: 'nav.dashboard', icon: LayoutDashboard },
  { path: 'courses', labelKey: 'nav.courses', icon: BookOpen },
  { path: 'texts', labelKey: 'nav.texts', icon: FileText },
  { path: 'seo', labelKey: 'nav.seo', icon: Search },
  { path: 'media', labelKey: 'nav.media', icon: Image },
  { path: 'contacts', labelKey: 'nav.contacts', icon: Mail },
  { path: 'settings', labelKey: 'nav.settings', icon: Settings },
];

/** Where a site opens: its first section. */
export const siteHome = (siteId: string) => `/sites/${siteId}/${siteSections[0]!.path}`;

/** The administrators' screens, outside any site, in the order of the navigation. */
export const adminSections: Array<{
  path: string;
  labelKey: 'nav.users' | 'nav.newSite' | 'nav.journal' | 'nav.system';
  icon: LucideIcon;
}> = [
  { path: '/users', labelKey: 'nav.users', icon: Users },
  { path: '/sites/new', labelKey: 'nav.newSite', icon: PlusCircle },
  { path: '/journal', labelKey: 'nav.journal', icon: ScrollText },
  { path: '/system', labelKey: 'nav.system', icon: Server },
];
