import type { SystemInfo } from '@swigs/schema';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import type { TFunction } from 'i18next';
import { RefreshCw } from 'lucide-react';
import { type ReactNode, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Button } from '../../components/ui/Button';
import { Alert, Badge, type BadgeTone, Card, PageHeader, SkeletonRows } from '../../components/ui/feedback';
import { Table, Td, Th } from '../../components/ui/table';
import { apiErrorMessage } from '../../lib/api-errors';
import { formatBytes, formatDateTime, formatLocale, formatNumber, formatTime } from '../../lib/format';
import { BackupsSection } from './BackupsSection';
import { FailedJobsSection } from './FailedJobsSection';
import { systemInfoQuery, systemKeys } from './system.queries';

/** `3 j 4 h 12 min`: the two or three largest units, seconds only under a minute. */
export function formatUptime(totalSeconds: number, t: TFunction): string {
  const days = Math.floor(totalSeconds / 86_400);
  const hours = Math.floor((totalSeconds % 86_400) / 3600);
  const minutes = Math.floor((totalSeconds % 3600) / 60);
  if (totalSeconds < 60) return t('system.duration.seconds', { count: totalSeconds });
  const parts = [
    days > 0 ? t('system.duration.days', { count: days }) : null,
    days > 0 || hours > 0 ? t('system.duration.hours', { count: hours }) : null,
    t('system.duration.minutes', { count: minutes }),
  ];
  return parts.filter(Boolean).join(' ');
}

const redisTones: Record<SystemInfo['cache']['redis'], BadgeTone> = {
  up: 'green',
  down: 'red',
  disabled: 'neutral',
};

/** A card of labelled figures. */
function Facts({ title, rows }: { title: string; rows: Array<[string, ReactNode]> }) {
  return (
    <Card>
      <h2 className="text-base font-semibold">{title}</h2>
      <dl className="mt-3 space-y-2 text-sm">
        {rows.map(([label, value]) => (
          <div key={label} className="flex flex-wrap justify-between gap-x-4 gap-y-0.5">
            <dt className="text-zinc-600 dark:text-zinc-400">{label}</dt>
            <dd className="min-w-0 break-words text-right font-medium">{value}</dd>
          </div>
        ))}
      </dl>
    </Card>
  );
}

function QueueTable({ queue }: { queue: SystemInfo['queue'] }) {
  const { t, i18n } = useTranslation();
  const locale = formatLocale(i18n.language);
  const count = (value: number) => formatNumber(value, locale);
  return (
    <section aria-labelledby="system-queue">
      <h2 id="system-queue" className="mb-3 text-base font-semibold">
        {t('system.sections.queue')}
      </h2>
      <Table>
        <thead>
          <tr>
            <Th>{t('system.queue.name')}</Th>
            <Th className="text-right">{t('system.queue.queued')}</Th>
            <Th className="text-right">{t('system.queue.active')}</Th>
            <Th className="text-right">{t('system.queue.failed')}</Th>
          </tr>
        </thead>
        <tbody>
          {queue.queues.length === 0 ? (
            <tr>
              <Td colSpan={4}>{t('system.queue.empty')}</Td>
            </tr>
          ) : (
            queue.queues.map((row) => (
              <tr key={row.name}>
                <Td className="font-mono">{row.name}</Td>
                <Td className="text-right tabular-nums">{count(row.queued)}</Td>
                <Td className="text-right tabular-nums">{count(row.active)}</Td>
                <Td className="text-right tabular-nums">
                  {row.failed > 0 ? <Badge tone="red">{count(row.failed)}</Badge> : count(row.failed)}
                </Td>
              </tr>
            ))
          )}
        </tbody>
        <tfoot>
          <tr className="font-semibold">
            <Td>{t('system.queue.total')}</Td>
            <Td className="text-right tabular-nums">{count(queue.queued)}</Td>
            <Td className="text-right tabular-nums">{count(queue.active)}</Td>
            <Td className="text-right tabular-nums">{count(queue.failed)}</Td>
          </tr>
        </tfoot>
      </Table>
    </section>
  );
}

/** Système (admins only): what runs and how it is doing, the backups and the failed jobs. */
export function SystemPage() {
  const { t, i18n } = useTranslation();
  const locale = formatLocale(i18n.language);
  const queryClient = useQueryClient();
  const info = useQuery(systemInfoQuery());
  const [refreshing, setRefreshing] = useState(false);
  const bytes = (value: number) => formatBytes(value, locale);
  const data = info.data;

  return (
    <div className="mx-auto max-w-6xl">
      <PageHeader
        title={t('nav.system')}
        description={t('system.description')}
        actions={
          <Button
            loading={refreshing}
            onClick={() => {
              setRefreshing(true);
              void queryClient
                .invalidateQueries({ queryKey: systemKeys.all })
                .finally(() => setRefreshing(false));
            }}
          >
            {refreshing ? null : <RefreshCw className="h-4 w-4" aria-hidden="true" />}
            {t('system.refresh')}
          </Button>
        }
      />
      {info.isPending ? (
        <SkeletonRows label={t('common.loading')} />
      ) : info.isError && !data ? (
        <Alert title={apiErrorMessage(t, info.error)} />
      ) : data ? (
        <div className="space-y-8">
          {info.isError ? <Alert title={apiErrorMessage(t, info.error)} /> : null}
          <p className="text-xs text-zinc-600 dark:text-zinc-400">
            {t('system.autoRefresh', { time: formatTime(info.dataUpdatedAt, locale) })}
          </p>
          <div className="grid gap-4 md:grid-cols-2 xl:grid-cols-3">
            <Facts
              title={t('system.sections.app')}
              rows={[
                [t('system.fields.version'), data.app.version],
                [t('system.fields.environment'), t(`system.environments.${data.app.environment}`)],
                [t('system.fields.uptime'), formatUptime(data.app.uptimeSeconds, t)],
                [t('system.fields.startedAt'), formatDateTime(data.app.startedAt, locale)],
              ]}
            />
            <Facts
              title={t('system.sections.database')}
              rows={[
                [t('system.fields.driver'), t(`system.drivers.${data.database.driver}`)],
                [t('system.fields.serverVersion'), data.database.serverVersion],
                [t('system.fields.driverVersion'), data.database.driverVersion],
              ]}
            />
            <Facts
              title={t('system.sections.runtime')}
              rows={[
                [t('system.fields.node'), data.runtime.node],
                [t('system.fields.platform'), `${data.runtime.platform} (${data.runtime.arch})`],
                [t('system.fields.pid'), String(data.runtime.pid)],
              ]}
            />
            <Facts
              title={t('system.sections.memory')}
              rows={[
                [t('system.fields.rss'), bytes(data.memory.rssBytes)],
                [
                  t('system.fields.heap'),
                  t('system.fields.heapOf', {
                    used: bytes(data.memory.heapUsedBytes),
                    total: bytes(data.memory.heapTotalBytes),
                  }),
                ],
                [t('system.fields.external'), bytes(data.memory.externalBytes)],
              ]}
            />
            <Facts
              title={t('system.sections.cache')}
              rows={[
                [
                  t('system.fields.redis'),
                  <Badge key="redis" tone={redisTones[data.cache.redis]}>
                    {t(`system.redis.${data.cache.redis}`)}
                  </Badge>,
                ],
              ]}
            />
          </div>
          <QueueTable queue={data.queue} />
          <BackupsSection settings={data.backups} />
        </div>
      ) : null}
      <div className="mt-8">
        <FailedJobsSection />
      </div>
    </div>
  );
}
