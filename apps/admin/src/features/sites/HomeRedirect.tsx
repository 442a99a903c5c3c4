import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link, Navigate } from 'react-router';
import { siteHome } from '../../app/navigation';
import { Alert, EmptyState, SkeletonRows } from '../../components/ui/feedback';
import { apiErrorMessage } from '../../lib/api-errors';
import { lastSiteKey, storage } from '../../lib/storage';
import { useCurrentUser } from '../auth/useSession';
import { selectableSitesQuery } from './sites.queries';

/** `/`: the site this user worked on last, else their first; an admin without sites creates one. */
export function HomeRedirect() {
  const { t } = useTranslation();
  const user = useCurrentUser();
  const sites = useQuery(selectableSitesQuery());
  if (sites.isPending) return <SkeletonRows label={t('common.loading')} />;
  if (sites.isError) return <Alert title={apiErrorMessage(t, sites.error)} />;
  const remembered = storage.get(lastSiteKey(user.id));
  const target = sites.data.find((site) => site.id === remembered) ?? sites.data[0];
  if (target) return <Navigate to={siteHome(target.id)} replace />;
  if (user.role === 'admin') return <Navigate to="/sites/new" replace />;
  return (
    <EmptyState
      title={t('sites.noneAssigned')}
      description={t('sites.noneAssignedHelp')}
      action={
        <Link to="/profile" className="text-sm font-medium underline">
          {t('nav.profile')}
        </Link>
      }
    />
  );
}
