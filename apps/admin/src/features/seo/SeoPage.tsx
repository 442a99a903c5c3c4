import { courseIdOfSeoPage, createSeoBody, isDefaultSeoPage, type SeoRecord } from '@swigs/schema';
import { useQuery } from '@tanstack/react-query';
import { Plus, Trash2 } from 'lucide-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { Button } from '../../components/ui/Button';
import { ConfirmDialog } from '../../components/ui/ConfirmDialog';
import { Dialog } from '../../components/ui/Dialog';
import { Field } from '../../components/ui/Field';
import { Alert, PageHeader, SkeletonRows } from '../../components/ui/feedback';
import { Input } from '../../components/ui/inputs';
import { useConfirmedAction } from '../../components/useConfirmedAction';
import { apiErrorMessage } from '../../lib/api-errors';
import { cn } from '../../lib/cn';
import { applyApiFieldErrors, useZodForm } from '../../lib/forms';
import { toast } from '../../lib/toast';
import { coursesListQuery } from '../courses/courses.queries';
import { useCurrentSite } from '../sites/SiteLayout';
import { SeoForm } from './SeoForm';
import { seoListQuery, seoQuery, useCreateSeo, useDeleteSeo } from './seo.queries';
import { pathOfSeoPage } from './seo-pages';

const pageOrder = ['home', 'about', 'courses', 'contact', 'legal'];

/** SEO: pick a page on the left, edit its fields and see the previews on the right. */
export function SeoPage() {
  const { t } = useTranslation();
  const site = useCurrentSite();
  const [params, setParams] = useSearchParams();
  const records = useQuery(seoListQuery(site.id));
  const courses = useQuery(coursesListQuery(site.id, { pageSize: 200 }));
  const [creating, setCreating] = useState(false);
  const remove = useDeleteSeo(site.id);
  const deletion = useConfirmedAction(remove, {
    variables: (target: SeoRecord) => target,
    onDone: () => setParams({}, { replace: true }),
  });

  const courseOf = (page: string) => {
    const courseId = courseIdOfSeoPage(page);
    return courseId ? courses.data?.data.find((course) => course.id === courseId) : undefined;
  };
  const labelOf = (record: SeoRecord) => {
    if (isDefaultSeoPage(record.page)) return t(`seo.pages.${record.page}`);
    if (courseIdOfSeoPage(record.page))
      return t('seo.pages.course', { title: courseOf(record.page)?.title ?? '…' });
    return record.page;
  };
  const sorted = [...(records.data?.data ?? [])].sort((a, b) => {
    const rank = (r: SeoRecord) => (isDefaultSeoPage(r.page) ? pageOrder.indexOf(r.page) : 100);
    return rank(a) - rank(b) || a.page.localeCompare(b.page);
  });
  const selectedId = params.get('id') ?? sorted[0]?.id;
  const selected = useQuery({ ...seoQuery(site.id, selectedId ?? ''), enabled: Boolean(selectedId) });
  const select = (id: string) => setParams({ id }, { replace: true });

  return (
    <div className="mx-auto max-w-7xl">
      <PageHeader
        title={t('nav.seo')}
        description={t('seo.description')}
        actions={
          <Button onClick={() => setCreating(true)}>
            <Plus className="h-4 w-4" aria-hidden="true" />
            {t('seo.addPage')}
          </Button>
        }
      />
      {records.isPending ? (
        <SkeletonRows label={t('common.loading')} />
      ) : records.isError ? (
        <Alert title={apiErrorMessage(t, records.error)} />
      ) : (
        <div className="grid gap-6 lg:grid-cols-[14rem_minmax(0,1fr)]">
          <nav aria-label={t('seo.pagesList')}>
            <ul className="flex gap-1 overflow-x-auto lg:flex-col">
              {sorted.map((record) => (
                <li key={record.id} className="flex shrink-0 items-center">
                  <button
                    type="button"
                    aria-current={record.id === selectedId ? 'page' : undefined}
                    onClick={() => select(record.id)}
                    className={cn(
                      'w-full rounded-md px-3 py-2 text-left text-sm',
                      record.id === selectedId
                        ? 'bg-brand-50 font-medium text-brand-800 dark:bg-brand-800/30 dark:text-brand-100'
                        : 'hover:bg-zinc-100 dark:hover:bg-zinc-800',
                    )}
                  >
                    {labelOf(record)}
                    {record.noindex ? (
                      <span className="ml-1 text-xs text-amber-700 dark:text-amber-400">noindex</span>
                    ) : null}
                  </button>
                  {isDefaultSeoPage(record.page) ? null : (
                    <Button
                      size="icon"
                      variant="ghost"
                      aria-label={t('seo.deleteNamed', { page: labelOf(record) })}
                      onClick={() => deletion.ask(record)}
                    >
                      <Trash2 className="h-4 w-4" />
                    </Button>
                  )}
                </li>
              ))}
            </ul>
          </nav>
          <div className="min-w-0">
            {selected.isPending ? (
              <SkeletonRows label={t('common.loading')} rows={8} />
            ) : selected.isError ? (
              <Alert title={apiErrorMessage(t, selected.error)} />
            ) : (
              <SeoForm
                key={selected.data.data.id}
                record={selected.data.data}
                label={labelOf(selected.data.data)}
                path={pathOfSeoPage(
                  selected.data.data.page,
                  site.locale,
                  courseOf(selected.data.data.page)?.slug,
                )}
              />
            )}
          </div>
        </div>
      )}
      <NewSeoPageDialog open={creating} onClose={() => setCreating(false)} onCreated={select} />
      <ConfirmDialog
        {...deletion.dialog}
        danger
        title={t('seo.deleteTitle', { page: deletion.target ? labelOf(deletion.target) : '' })}
        confirmLabel={t('common.delete')}
      />
    </div>
  );
}

function NewSeoPageDialog({
  open,
  onClose,
  onCreated,
}: {
  open: boolean;
  onClose(): void;
  onCreated(id: string): void;
}) {
  const { t, i18n } = useTranslation();
  const site = useCurrentSite();
  const create = useCreateSeo(site.id);
  const form = useZodForm(createSeoBody, { defaultValues: { page: '/' } });
  const onSubmit = form.handleSubmit(async (body) => {
    try {
      const created = await create.mutateAsync(body);
      form.reset();
      onClose();
      onCreated(created.data.id);
    } catch (error) {
      if (!applyApiFieldErrors(error, form.setError, t, i18n.language))
        toast.error(apiErrorMessage(t, error));
    }
  });
  return (
    <Dialog open={open} onClose={onClose} title={t('seo.addPage')} description={t('seo.addPageHelp')}>
      <form onSubmit={onSubmit} noValidate className="space-y-4">
        <Field label={t('seo.fields.path')} error={form.formState.errors.page?.message} required>
          <Input spellCheck={false} placeholder="/tarifs" {...form.register('page')} />
        </Field>
        <div className="flex justify-end gap-2">
          <Button onClick={onClose}>{t('common.cancel')}</Button>
          <Button type="submit" variant="primary" loading={form.formState.isSubmitting}>
            {t('seo.create')}
          </Button>
        </div>
      </form>
    </Dialog>
  );
}
