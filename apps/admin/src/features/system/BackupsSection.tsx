import type { BackupReport, SystemInfo } from '@swigs/schema';
import { useQuery } from '@tanstack/react-query';
import { DatabaseBackup } from 'lucide-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Button } from '../../components/ui/Button';
import { Alert, Card, EmptyState, SkeletonRows } from '../../components/ui/feedback';
import { Table, Td, Th } from '../../components/ui/table';
import { apiErrorMessage } from '../../lib/api-errors';
import { formatBytes, formatDateTime, formatLocale, formatNumber } from '../../lib/format';
import { toast } from '../../lib/toast';
import { backupsQuery, useCreateBackup } from './system.queries';

function BackupReportAlert({ report }: { report: BackupReport }) {
  const { t, i18n } = useTranslation();
  const locale = formatLocale(i18n.language);
  return (
    <Alert tone="blue" title={t('system.backups.reportTitle', { name: report.name })}>
      <dl className="mt-2 grid gap-x-4 gap-y-1 sm:grid-cols-[auto_1fr]">
        <dt>{t('system.backups.size')}</dt>
        <dd className="font-medium">{formatBytes(report.sizeBytes, locale)}</dd>
        <dt>{t('system.backups.sha256')}</dt>
        <dd className="break-all font-mono text-xs leading-5">{report.sha256}</dd>
        <dt>{t('system.backups.files')}</dt>
        <dd className="font-medium">{formatNumber(report.fileCount, locale)}</dd>
        <dt>{t('system.backups.pruned')}</dt>
        <dd className="font-medium">
          {report.pruned.length > 0 ? report.pruned.join(', ') : t('system.backups.prunedNone')}
        </dd>
      </dl>
    </Alert>
  );
}

/** Where backups go and how long they stay, the archives there, and a backup on demand. */
export function BackupsSection({ settings }: { settings: SystemInfo['backups'] }) {
  const { t, i18n } = useTranslation();
  const locale = formatLocale(i18n.language);
  const archives = useQuery(backupsQuery());
  const create = useCreateBackup();
  const [report, setReport] = useState<BackupReport | null>(null);
  const [failure, setFailure] = useState<string | null>(null);

  const backUp = () => {
    setFailure(null);
    create.mutate(undefined, {
      onSuccess: (made) => {
        setReport(made);
        toast.success(t('system.backups.done', { name: made.name }));
      },
      // Shown in the section, not only as a toast: "a backup is already running" must be read.
      onError: (error) => setFailure(apiErrorMessage(t, error)),
    });
  };

  return (
    <section aria-labelledby="system-backups">
      <div className="mb-3 flex flex-wrap items-center justify-between gap-3">
        <h2 id="system-backups" className="text-base font-semibold">
          {t('system.sections.backups')}
        </h2>
        <Button variant="primary" loading={create.isPending} onClick={backUp}>
          {create.isPending ? null : <DatabaseBackup className="h-4 w-4" aria-hidden="true" />}
          {t('system.backups.create')}
        </Button>
      </div>
      <div className="space-y-4">
        <Card>
          <dl className="grid gap-x-6 gap-y-2 text-sm sm:grid-cols-[auto_1fr]">
            <dt className="text-zinc-600 dark:text-zinc-400">{t('system.backups.directory')}</dt>
            <dd className="break-all font-mono text-xs leading-5">{settings.directory}</dd>
            <dt className="text-zinc-600 dark:text-zinc-400">{t('system.backups.schedule')}</dt>
            <dd className="font-medium">
              {settings.schedule ? (
                <span className="font-mono text-xs">{settings.schedule}</span>
              ) : (
                t('system.backups.noSchedule')
              )}
            </dd>
            <dt className="text-zinc-600 dark:text-zinc-400">{t('system.backups.retention')}</dt>
            <dd className="font-medium">
              {t('system.backups.retentionDays', { count: settings.retentionDays })}
            </dd>
          </dl>
        </Card>
        {failure ? <Alert title={failure} /> : null}
        {report ? <BackupReportAlert report={report} /> : null}
        {archives.isPending ? (
          <SkeletonRows rows={3} label={t('common.loading')} />
        ) : archives.isError ? (
          <Alert title={apiErrorMessage(t, archives.error)} />
        ) : archives.data.length === 0 ? (
          <EmptyState icon={<DatabaseBackup className="h-8 w-8" />} title={t('system.backups.empty')} />
        ) : (
          <Table>
            <caption className="sr-only">{t('system.backups.archives')}</caption>
            <thead>
              <tr>
                <Th>{t('system.backups.name')}</Th>
                <Th>{t('system.backups.date')}</Th>
                <Th className="text-right">{t('system.backups.size')}</Th>
              </tr>
            </thead>
            <tbody>
              {archives.data.map((archive) => (
                <tr key={archive.name}>
                  <Td className="break-all font-mono text-xs">{archive.name}</Td>
                  <Td className="whitespace-nowrap">{formatDateTime(archive.createdAt, locale)}</Td>
                  <Td className="whitespace-nowrap text-right tabular-nums">
                    {formatBytes(archive.sizeBytes, locale)}
                  </Td>
                </tr>
              ))}
            </tbody>
          </Table>
        )}
      </div>
    </section>
  );
}
