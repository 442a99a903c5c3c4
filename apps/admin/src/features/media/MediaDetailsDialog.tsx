import { type Media, type UpdateMediaBody, updateMediaBody } from '@swigs/schema';
import { useQuery } from '@tanstack/react-query';
import { Copy, Trash2 } from 'lucide-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Button } from '../../components/ui/Button';
import { Dialog } from '../../components/ui/Dialog';
import { Field } from '../../components/ui/Field';
import { Alert } from '../../components/ui/feedback';
import { Input } from '../../components/ui/inputs';
import { apiErrorMessage } from '../../lib/api-errors';
import { formatBytes, formatDateTime, formatLocale } from '../../lib/format';
import { applyApiFieldErrors, useZodForm } from '../../lib/forms';
import { toast } from '../../lib/toast';
import { copyText } from '../tokens/TokensSection';
import { MediaThumb } from './MediaThumb';
import { mediaUsagesQuery, publicUrlOf, useDeleteMedia, useUpdateMedia } from './media.queries';

/** One file: a large preview, its details, alt text and title, its address, and deletion. */
export function MediaDetailsDialog({
  siteId,
  item,
  onClose,
}: {
  siteId: string;
  item: Media;
  onClose(): void;
}) {
  const { t, i18n } = useTranslation();
  const locale = formatLocale(i18n.language);
  const update = useUpdateMedia(siteId, item.id);
  const remove = useDeleteMedia(siteId);
  const [confirming, setConfirming] = useState(false);
  const usages = useQuery({ ...mediaUsagesQuery(siteId, item.id), enabled: confirming });
  const form = useZodForm(updateMediaBody, {
    defaultValues: { alt: item.alt, title: item.title, version: item.version },
  });
  const { errors, isSubmitting, isDirty } = form.formState;
  const url = publicUrlOf(item);
  const usageLabel = (type: string) =>
    type === 'course'
      ? t('media.usage.course')
      : type === 'seo'
        ? t('media.usage.seo')
        : type === 'content'
          ? t('media.usage.content')
          : type === 'site-logo'
            ? t('media.usage.siteLogo')
            : type;

  const onSubmit = form.handleSubmit(async (body: UpdateMediaBody) => {
    try {
      const saved = await update.mutateAsync(body);
      form.reset({ alt: saved.alt, title: saved.title, version: saved.version });
      toast.success(t('common.saved'));
    } catch (error) {
      if (!applyApiFieldErrors(error, form.setError, t, i18n.language))
        toast.error(apiErrorMessage(t, error));
    }
  });

  const destroy = (force: boolean) =>
    remove.mutate(
      { id: item.id, force },
      {
        onSuccess: () => {
          toast.success(t('media.deleted', { name: item.originalName }));
          onClose();
        },
        onError: (error) => toast.error(apiErrorMessage(t, error)),
      },
    );

  return (
    <Dialog open onClose={onClose} title={item.originalName} size="lg">
      <div className="grid gap-5 md:grid-cols-2">
        <div>
          <MediaThumb
            item={item}
            alt={item.alt}
            width={960}
            className="aspect-square w-full rounded-md object-contain"
          />
          <dl className="mt-3 grid grid-cols-[auto_1fr] gap-x-3 gap-y-1 text-sm">
            <dt className="text-zinc-600 dark:text-zinc-400">{t('media.type')}</dt>
            <dd>{item.mimeType}</dd>
            <dt className="text-zinc-600 dark:text-zinc-400">{t('media.size')}</dt>
            <dd>{formatBytes(item.size, locale)}</dd>
            {item.width && item.height ? (
              <>
                <dt className="text-zinc-600 dark:text-zinc-400">{t('media.dimensions')}</dt>
                <dd>
                  {item.width} × {item.height} px
                </dd>
              </>
            ) : null}
            <dt className="text-zinc-600 dark:text-zinc-400">{t('media.uploadedAt')}</dt>
            <dd>{formatDateTime(item.createdAt, locale)}</dd>
          </dl>
        </div>
        <div className="space-y-4">
          <form onSubmit={onSubmit} noValidate className="space-y-4">
            <Field
              label={t('media.alt')}
              hint={t('media.altHint')}
              error={errors.alt?.message}
              counter={{ length: (form.watch('alt') ?? '').length, max: 500, ideal: 125 }}
            >
              <Input {...form.register('alt')} />
            </Field>
            <Field label={t('media.title')} error={errors.title?.message}>
              <Input {...form.register('title')} />
            </Field>
            <Button type="submit" variant="primary" loading={isSubmitting} disabled={!isDirty}>
              {t('common.save')}
            </Button>
          </form>
          <Field label={t('media.url')}>
            <Input
              readOnly
              value={url}
              onFocus={(event) => event.target.select()}
              className="font-mono text-xs"
            />
          </Field>
          <Button onClick={() => void copyText(url, t('common.copied'), t('common.copyFailed'))}>
            <Copy className="h-4 w-4" aria-hidden="true" />
            {t('media.copyUrl')}
          </Button>
          <div className="border-t border-zinc-200 pt-4 dark:border-zinc-800">
            {!confirming ? (
              <Button variant="danger" onClick={() => setConfirming(true)}>
                <Trash2 className="h-4 w-4" aria-hidden="true" />
                {t('common.delete')}
              </Button>
            ) : usages.isPending ? (
              <p className="text-sm">{t('media.checkingUsages')}</p>
            ) : usages.data && usages.data.length > 0 ? (
              <Alert
                tone="amber"
                title={t('media.inUse', { count: usages.data.length })}
                action={
                  <div className="flex flex-wrap gap-2">
                    <Button onClick={() => setConfirming(false)}>{t('common.cancel')}</Button>
                    <Button variant="danger" loading={remove.isPending} onClick={() => destroy(true)}>
                      {t('media.deleteAnyway')}
                    </Button>
                  </div>
                }
              >
                <ul className="list-disc pl-5">
                  {usages.data.map((usage) => (
                    <li key={`${usage.type}:${usage.id}`}>
                      {usageLabel(usage.type)} — {usage.label}
                    </li>
                  ))}
                </ul>
              </Alert>
            ) : (
              <Alert
                tone="amber"
                title={t('media.deleteConfirm')}
                action={
                  <div className="flex flex-wrap gap-2">
                    <Button onClick={() => setConfirming(false)}>{t('common.cancel')}</Button>
                    <Button variant="danger" loading={remove.isPending} onClick={() => destroy(false)}>
                      {t('common.delete')}
                    </Button>
                  </div>
                }
              />
            )}
          </div>
        </div>
      </div>
    </Dialog>
  );
}
