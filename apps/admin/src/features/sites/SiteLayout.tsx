import type { Site } from '@swigs/schema';
import { ApiError } from '@swigs/sdk';
import { useQuery } from '@tanstack/react-query';
import { createContext, useContext, useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, Navigate, Outlet, useParams } from 'react-router';
import { siteHome } from '../../app/navigation';
import { Alert, SkeletonRows } from '../../components/ui/feedback';
import { apiErrorMessage } from '../../lib/api-errors';
import { lastSiteKey, storage } from '../../lib/storage';
import { useCurrentUser } from '../auth/useSession';
import { siteQuery } from './sites.queries';

const SiteContext = createContext<Site | null>(null);

/** The site of the current /sites/:siteId screen. */
export function useCurrentSite(): Site {
  const site = useContext(SiteContext);
  if (!site) throw new Error('useCurrentSite outside a site screen');
  return site;
}

/** Loads the site of the URL, remembers it for this user, and refuses sites the user may not open. */
export function SiteLayout() {
  const { t } = useTranslation();
  const { siteId = '' } = useParams();
  const user = useCurrentUser();
  const site = useQuery(siteQuery(siteId));

  useEffect(() => {
    if (site.data) storage.set(lastSiteKey(user.id), site.data.id);
  }, [site.data, user.id]);

  if (site.isPending) return <SkeletonRows label={t('common.loading')} rows={6} />;
  if (site.isError) {
    const refused = site.error instanceof ApiError && [400, 403, 404].includes(site.error.status);
    if (refused) storage.remove(lastSiteKey(user.id));
    return (
      <div className="mx-auto max-w-xl">
        <Alert
          title={refused ? t('sites.unreachable') : apiErrorMessage(t, site.error)}
          action={
            <Link to="/" className="text-sm font-medium underline">
              {t('common.home')}
            </Link>
          }
        />
      </div>
    );
  }
  return (
    <SiteContext.Provider value={site.data}>
      <Outlet />
    </SiteContext.Provider>
  );
}

/** /sites/:siteId alone opens the site's first section. */
export function SiteIndexRedirect() {
  const { siteId = '' } = useParams();
  return <Navigate to={siteHome(siteId)} replace />;
}
