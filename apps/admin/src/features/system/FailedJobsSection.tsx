import type { FailedJob } from '@swigs/schema';
import { useQuery } from '@tanstack/react-query';
import { CircleCheck, RotateCcw } from 'lucide-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Button } from '../../components/ui/Button';
import { Alert, EmptyState, SkeletonRows } from '../../components/ui/feedback';
import { Pagination } from '../../components/ui/Pagination';
import { Table, Td, Th } from '../../components/ui/table';
import { apiErrorMessage } from '../../lib/api-errors';
import { formatDateTime, formatLocale } from '../../lib/format';
import { toast } from '../../lib/toast';
import { failedJobsQuery, useRetryJob } from './system.queries';

/** What a job was for, when its data says (e.g. `password-reset`): never a message or a secret. */
function kindOf(job: FailedJob): string | undefined {
  return typeof job.data.kind === 'string' ? job.data.kind : undefined;
}

/** Dead letters: jobs whose retries are exhausted, each with a button to run it again. */
export function FailedJobsSection() {
  const { t, i18n } = useTranslation();
  const locale = formatLocale(i18n.language);
  const [page, setPage] = useState(1);
  const jobs = useQuery(failedJobsQuery({ page, pageSize: 25 }));
  const retry = useRetryJob();

  return (
    <section aria-labelledby="system-failed-jobs">
      <h2 id="system-failed-jobs" className="text-base font-semibold">
        {t('system.sections.failedJobs')}
      </h2>
      <p className="mb-3 mt-1 text-sm text-zinc-600 dark:text-zinc-400">{t('system.failed.description')}</p>
      {jobs.isPending ? (
        <SkeletonRows rows={3} label={t('common.loading')} />
      ) : jobs.isError ? (
        <Alert title={apiErrorMessage(t, jobs.error)} />
      ) : jobs.data.data.length === 0 ? (
        <EmptyState icon={<CircleCheck className="h-8 w-8" />} title={t('system.failed.empty')} />
      ) : (
        <>
          <Table>
            <caption className="sr-only">{t('system.sections.failedJobs')}</caption>
            <thead>
              <tr>
                <Th>{t('system.failed.queue')}</Th>
                <Th>{t('system.failed.error')}</Th>
                <Th className="text-right">{t('system.failed.attempts')}</Th>
                <Th className="hidden md:table-cell">{t('system.failed.createdAt')}</Th>
                <Th>{t('system.failed.failedAt')}</Th>
                <Th>
                  <span className="sr-only">{t('common.actions')}</span>
                </Th>
              </tr>
            </thead>
            <tbody>
              {jobs.data.data.map((job) => {
                const kind = kindOf(job);
                const failedAt = formatDateTime(job.failedAt ?? job.createdAt, locale);
                const pending = retry.isPending && retry.variables === job.id;
                return (
                  <tr key={job.id} className="align-top">
                    <Td>
                      <span className="font-mono">{job.queue}</span>
                      {kind ? <div className="text-xs text-zinc-600 dark:text-zinc-400">{kind}</div> : null}
                    </Td>
                    <Td className="max-w-md break-words font-mono text-xs">{job.error ?? '—'}</Td>
                    <Td className="text-right tabular-nums">{job.attempts}</Td>
                    <Td className="hidden whitespace-nowrap md:table-cell">
                      {formatDateTime(job.createdAt, locale)}
                    </Td>
                    <Td className="whitespace-nowrap">{job.failedAt ? failedAt : '—'}</Td>
                    <Td className="text-right">
                      <Button
                        size="sm"
                        loading={pending}
                        disabled={retry.isPending}
                        onClick={() =>
                          retry.mutate(job.id, {
                            onSuccess: () => toast.success(t('system.failed.retried')),
                            onError: (error) => toast.error(apiErrorMessage(t, error)),
                          })
                        }
                      >
                        {pending ? null : <RotateCcw className="h-4 w-4" aria-hidden="true" />}
                        {t('system.failed.retry')}
                        <span className="sr-only">
                          {' '}
                          {t('system.failed.retryContext', { queue: job.queue, date: failedAt })}
                        </span>
                      </Button>
                    </Td>
                  </tr>
                );
              })}
            </tbody>
          </Table>
          <Pagination meta={jobs.data.meta} onPage={setPage} />
        </>
      )}
    </section>
  );
}
