import { useQuery, useQueryClient } from '@tanstack/react-query';
import { ExternalLink, LogOut, Menu, UserCircle, X } from 'lucide-react';
import { Suspense, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { NavLink, Outlet, useLocation, useMatch, useNavigate } from 'react-router';
import { Button } from '../components/ui/Button';
import { FullPageSpinner } from '../components/ui/FullPageSpinner';
import { LazyReloginDialog } from '../features/auth/LazyReloginDialog';
import { useCurrentUser } from '../features/auth/useSession';
import { SiteSelector } from '../features/sites/SiteSelector';
import { selectableSitesQuery } from '../features/sites/sites.queries';
import { session } from '../lib/api';
import { cn } from '../lib/cn';
import { previewUrl } from '../lib/config';
import { adminSections, siteSections } from './navigation';
import { UnreadBadge } from './UnreadBadge';

const linkClass = ({ isActive }: { isActive: boolean }) =>
  cn(
    'flex items-center gap-3 rounded-md px-3 py-2 text-sm font-medium',
    isActive
      ? 'bg-brand-50 text-brand-800 dark:bg-brand-800/30 dark:text-brand-100'
      : 'text-zinc-700 hover:bg-zinc-100 dark:text-zinc-300 dark:hover:bg-zinc-800',
  );

/** The frame of every logged-in screen: navigation with the site selector, and the screen. */
export function AppShell() {
  const { t } = useTranslation();
  const user = useCurrentUser();
  const location = useLocation();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const siteMatch = useMatch('/sites/:siteId/*');
  const siteId = siteMatch?.params.siteId !== 'new' ? siteMatch?.params.siteId : undefined;
  const [menuOpen, setMenuOpen] = useState(false);
  // The public site, rendered by the same server under its preview path (no DNS needed).
  const sites = useQuery(selectableSitesQuery());
  const siteSlug = sites.data?.find((site) => site.id === siteId)?.slug;

  // Close the phone menu after a navigation.
  // biome-ignore lint/correctness/useExhaustiveDependencies: runs on purpose when the path changes
  useEffect(() => setMenuOpen(false), [location.pathname]);

  const logout = async () => {
    await session.logout();
    queryClient.clear();
    navigate('/login', { replace: true });
  };

  const navigation = (
    <nav aria-label={t('nav.main')} className="flex h-full flex-col gap-6 p-4">
      <div className="hidden items-center gap-2 text-lg font-semibold lg:flex">
        <img src={`${import.meta.env.BASE_URL}favicon.svg`} alt="" className="h-7 w-7" />
        {t('app.name')}
      </div>
      <SiteSelector currentSiteId={siteId} />
      {siteId ? (
        <ul className="space-y-1">
          {siteSections.map((section) => (
            <li key={section.path}>
              <NavLink to={`/sites/${siteId}/${section.path}`} className={linkClass}>
                <section.icon className="h-4 w-4" aria-hidden="true" />
                <span className="flex-1">{t(section.labelKey)}</span>
                {section.path === 'contacts' ? <UnreadBadge siteId={siteId} /> : null}
              </NavLink>
            </li>
          ))}
          {siteSlug ? (
            <li>
              <a
                href={previewUrl(siteSlug)}
                target="_blank"
                rel="noopener"
                className={linkClass({ isActive: false })}
              >
                <ExternalLink className="h-4 w-4" aria-hidden="true" />
                <span className="flex-1">{t('nav.viewSite')}</span>
                <span className="sr-only">{t('nav.newTab')}</span>
              </a>
            </li>
          ) : null}
        </ul>
      ) : null}
      {user.role === 'admin' ? (
        <div>
          <p className="px-3 pb-1 text-xs font-semibold uppercase tracking-wide text-zinc-600 dark:text-zinc-400">
            {t('nav.administration')}
          </p>
          <ul className="space-y-1">
            {adminSections.map((section) => (
              <li key={section.path}>
                <NavLink to={section.path} className={linkClass}>
                  <section.icon className="h-4 w-4" aria-hidden="true" />
                  {t(section.labelKey)}
                </NavLink>
              </li>
            ))}
          </ul>
        </div>
      ) : null}
      <div className="mt-auto space-y-1 border-t border-zinc-200 pt-4 dark:border-zinc-800">
        <NavLink to="/profile" className={linkClass}>
          <UserCircle className="h-4 w-4" aria-hidden="true" />
          <span className="min-w-0 flex-1 truncate">
            {user.name}
            <span className="sr-only"> — {t('nav.profile')}</span>
          </span>
        </NavLink>
        <button type="button" onClick={() => void logout()} className={linkClass({ isActive: false })}>
          <LogOut className="h-4 w-4" aria-hidden="true" />
          {t('auth.logout')}
        </button>
      </div>
    </nav>
  );

  return (
    <div className="min-h-screen lg:flex">
      <a
        href="#main"
        className="sr-only focus:not-sr-only focus:fixed focus:left-2 focus:top-2 focus:z-50 focus:rounded focus:bg-white focus:p-2 dark:focus:bg-zinc-900"
      >
        {t('nav.skip')}
      </a>
      <header className="sticky top-0 z-30 flex items-center justify-between border-b border-zinc-200 bg-white px-4 py-2 lg:hidden dark:border-zinc-800 dark:bg-zinc-900">
        <span className="flex items-center gap-2 font-semibold">
          <img src={`${import.meta.env.BASE_URL}favicon.svg`} alt="" className="h-6 w-6" />
          {t('app.name')}
        </span>
        <Button
          size="icon"
          variant="ghost"
          aria-expanded={menuOpen}
          aria-controls="main-navigation"
          aria-label={menuOpen ? t('nav.closeMenu') : t('nav.openMenu')}
          onClick={() => setMenuOpen((open) => !open)}
        >
          {menuOpen ? <X className="h-5 w-5" /> : <Menu className="h-5 w-5" />}
        </Button>
      </header>
      <aside
        id="main-navigation"
        className={cn(
          'border-zinc-200 bg-white dark:border-zinc-800 dark:bg-zinc-900 lg:sticky lg:top-0 lg:block lg:h-screen lg:w-64 lg:shrink-0 lg:overflow-y-auto lg:border-r',
          menuOpen ? 'block border-b' : 'hidden',
        )}
      >
        {navigation}
      </aside>
      <main id="main" tabIndex={-1} className="min-w-0 flex-1 px-4 py-6 sm:px-6 lg:px-10 lg:py-8">
        <Suspense fallback={<FullPageSpinner />}>
          <Outlet />
        </Suspense>
      </main>
      <LazyReloginDialog />
    </div>
  );
}
