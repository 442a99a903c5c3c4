import { courseStatuses } from '@swigs/schema';
import { useQuery } from '@tanstack/react-query';
import { BookOpen, HardDrive, Mail, Plus, Search, Settings, Upload } from 'lucide-react';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { Alert, Card, EmptyState, PageHeader, Skeleton } from '../../components/ui/feedback';
import { apiErrorMessage } from '../../lib/api-errors';
import { formatBytes, formatDateTime, formatLocale, formatNumber } from '../../lib/format';
import { CourseStatusBadge } from '../courses/course-status';
import { useCurrentSite } from '../sites/SiteLayout';
import { siteStatsQuery } from './stats.queries';

function Figure({
  icon,
  label,
  value,
  children,
}: {
  icon: ReactNode;
  label: string;
  value: string;
  children?: ReactNode;
}) {
  return (
    <Card>
      <div className="flex items-center gap-3 text-zinc-600 dark:text-zinc-400">
        {icon}
        <h2 className="text-sm font-medium">{label}</h2>
      </div>
      <p className="mt-2 text-3xl font-semibold tabular-nums">{value}</p>
      {children ? <div className="mt-3">{children}</div> : null}
    </Card>
  );
}

const quickAction =
  'flex items-center gap-2 rounded-md border border-zinc-200 bg-white px-4 py-3 text-sm font-medium hover:border-brand-600 hover:text-brand-700 dark:border-zinc-800 dark:bg-zinc-900 dark:hover:text-brand-500';

/** Tableau de bord: the site's figures at a glance, the latest changes, and shortcuts. */
export function DashboardPage() {
  const { t, i18n } = useTranslation();
  const locale = formatLocale(i18n.language);
  const site = useCurrentSite();
  const stats = useQuery(siteStatsQuery(site.id));

  return (
    <div className="mx-auto max-w-6xl">
      <PageHeader title={site.name} description={t('dashboard.description')} />
      {stats.isError ? <Alert title={apiErrorMessage(t, stats.error)} /> : null}
      <div className="grid gap-4 sm:grid-cols-2 lg:grid-cols-3">
        {stats.isPending ? (
          <>
            <Skeleton className="h-36" />
            <Skeleton className="h-36" />
            <Skeleton className="h-36" />
          </>
        ) : stats.data ? (
          <>
            <Figure
              icon={<BookOpen className="h-5 w-5" aria-hidden="true" />}
              label={t('dashboard.courses')}
              value={formatNumber(stats.data.courses.total, locale)}
            >
              <ul className="flex flex-wrap gap-2">
                {courseStatuses.map((status) => (
                  <li key={status} className="flex items-center gap-1 text-sm">
                    <CourseStatusBadge status={status} />
                    <span className="tabular-nums">{stats.data.courses.byStatus[status]}</span>
                  </li>
                ))}
              </ul>
            </Figure>
            {stats.data.contacts.unread !== null ? (
              <Figure
                icon={<Mail className="h-5 w-5" aria-hidden="true" />}
                label={t('dashboard.unread')}
                value={formatNumber(stats.data.contacts.unread, locale)}
              />
            ) : null}
            <Figure
              icon={<HardDrive className="h-5 w-5" aria-hidden="true" />}
              label={t('dashboard.media')}
              value={formatNumber(stats.data.media.count, locale)}
            >
              <p className="text-sm text-zinc-600 dark:text-zinc-400">
                {t('dashboard.mediaSize', { size: formatBytes(stats.data.media.bytes, locale) })}
              </p>
            </Figure>
          </>
        ) : null}
      </div>

      <div className="mt-8 grid gap-6 lg:grid-cols-3">
        <section className="lg:col-span-2">
          <h2 className="mb-3 text-base font-semibold">{t('dashboard.lastChanges')}</h2>
          {stats.isPending ? (
            <Skeleton className="h-40" />
          ) : stats.data && stats.data.lastChanges.length > 0 ? (
            <ol className="divide-y divide-zinc-200 rounded-lg border border-zinc-200 bg-white dark:divide-zinc-800 dark:border-zinc-800 dark:bg-zinc-900">
              {stats.data.lastChanges.map((entry) => (
                <li key={entry.id} className="px-4 py-3 text-sm">
                  <p>{entry.summary}</p>
                  <p className="mt-0.5 text-xs text-zinc-600 dark:text-zinc-400">
                    {entry.actor.name} · {formatDateTime(entry.createdAt, locale, site.timeZone)}
                  </p>
                </li>
              ))}
            </ol>
          ) : stats.data ? (
            <EmptyState title={t('dashboard.noChanges')} />
          ) : null}
        </section>
        <section>
          <h2 className="mb-3 text-base font-semibold">{t('dashboard.quickActions')}</h2>
          <div className="grid gap-2">
            <Link to={`/sites/${site.id}/courses/new`} className={quickAction}>
              <Plus className="h-4 w-4" aria-hidden="true" />
              {t('courses.new')}
            </Link>
            <Link to={`/sites/${site.id}/seo`} className={quickAction}>
              <Search className="h-4 w-4" aria-hidden="true" />
              {t('dashboard.editSeo')}
            </Link>
            <Link to={`/sites/${site.id}/media`} className={quickAction}>
              <Upload className="h-4 w-4" aria-hidden="true" />
              {t('dashboard.uploadMedia')}
            </Link>
            <Link to={`/sites/${site.id}/contacts`} className={quickAction}>
              <Mail className="h-4 w-4" aria-hidden="true" />
              {t('dashboard.readMessages')}
            </Link>
            <Link to={`/sites/${site.id}/settings`} className={quickAction}>
              <Settings className="h-4 w-4" aria-hidden="true" />
              {t('nav.settings')}
            </Link>
          </div>
        </section>
      </div>
    </div>
  );
}
