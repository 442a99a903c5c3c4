import { useQuery } from '@tanstack/react-query';
import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { useLocation, useNavigate } from 'react-router';
import { Skeleton } from '../../components/ui/feedback';
import { Select } from '../../components/ui/inputs';
import { selectableSitesQuery } from './sites.queries';

/** The section a user is in stays the same when switching sites (a detail page falls back to its list). */
export function sectionOf(pathname: string): string {
  const match = /^\/sites\/[^/]+\/([^/]+)/.exec(pathname);
  return match?.[1] ?? '';
}

/**
 * Always visible at the top of the navigation. A native <select>: keyboard, screen readers and
 * phones handle it well. Editors see only the sites they are assigned to (the API filters).
 */
export function SiteSelector({ currentSiteId }: { currentSiteId: string | undefined }) {
  const { t } = useTranslation();
  const id = useId();
  const navigate = useNavigate();
  const location = useLocation();
  const sites = useQuery(selectableSitesQuery());

  if (sites.isPending) return <Skeleton className="h-10 w-full" />;
  if (sites.isError) return <p className="text-sm text-red-700 dark:text-red-400">{t('sites.loadFailed')}</p>;
  if (sites.data.length === 0)
    return <p className="text-sm text-zinc-600 dark:text-zinc-400">{t('sites.noneAssigned')}</p>;

  return (
    <div className="space-y-1">
      <label
        htmlFor={id}
        className="px-1 text-xs font-semibold uppercase tracking-wide text-zinc-600 dark:text-zinc-400"
      >
        {t('sites.selector')}
      </label>
      <Select
        id={id}
        value={currentSiteId ?? ''}
        onChange={(event) => {
          const section = sectionOf(location.pathname);
          navigate(section ? `/sites/${event.target.value}/${section}` : `/sites/${event.target.value}`);
        }}
      >
        {currentSiteId ? null : (
          <option value="" disabled>
            {t('sites.choose')}
          </option>
        )}
        {sites.data.map((site) => (
          <option key={site.id} value={site.id}>
            {site.name}
          </option>
        ))}
      </Select>
    </div>
  );
}
