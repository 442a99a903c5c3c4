import { type SiteImportReport, siteImportQuery } from '@swigs/schema';
import { ArchiveRestore } from 'lucide-react';
import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Button } from '../../components/ui/Button';
import { Field } from '../../components/ui/Field';
import { Alert, Card } from '../../components/ui/feedback';
import { Input } from '../../components/ui/inputs';
import { ApiError } from '../../lib/api';
import { apiErrorMessage } from '../../lib/api-errors';
import { applyApiFieldErrors, translateFieldMessage, useZodForm } from '../../lib/forms';
import { toast } from '../../lib/toast';
import { useImportSite } from './sites.queries';

/** An empty field means "keep the archive's": sent as nothing rather than as ''. */
const emptyAsUndefined = (value: unknown) =>
  typeof value === 'string' && value.trim() !== '' ? value : undefined;

/**
 * Admins create a site from a `swigs-site` archive (made by "Exporter le site" here or on another
 * installation), under another slug or domain when the archive's are taken here.
 */
export function ImportSiteCard({ onImported }: { onImported(report: SiteImportReport): void }) {
  const { t, i18n } = useTranslation();
  const importSite = useImportSite();
  const form = useZodForm(siteImportQuery, { defaultValues: {} });
  const fileInput = useRef<HTMLInputElement>(null);
  const [file, setFile] = useState<File | null>(null);
  const [fileError, setFileError] = useState<string | undefined>();
  const [failure, setFailure] = useState<{ title: string; detail?: string } | null>(null);
  const errors = form.formState.errors;

  const onSubmit = form.handleSubmit(async (query) => {
    setFailure(null);
    if (!file) {
      setFileError(t('transfer.import.fileRequired'));
      fileInput.current?.focus();
      return;
    }
    try {
      const report = await importSite.mutateAsync({ file, query });
      toast.success(
        t('transfer.import.done', {
          name: report.site.name,
          courses: report.counts.courses,
          media: report.counts.media,
          contacts: report.counts.contacts,
        }),
      );
      if (report.droppedAliases.length > 0) {
        toast.info(t('transfer.import.droppedAliases', { aliases: report.droppedAliases.join(', ') }));
      }
      onImported(report);
    } catch (error) {
      if (!(error instanceof ApiError)) {
        setFailure({ title: apiErrorMessage(t, error) });
        return;
      }
      // Taken here: said on the field, and differently when the field was left to the archive.
      if (error.code === 'SLUG_TAKEN' || error.code === 'DOMAIN_TAKEN') {
        const field = error.code === 'SLUG_TAKEN' ? 'slug' : 'domain';
        const message = query[field]
          ? t(`errors.${error.code}`)
          : t(field === 'slug' ? 'transfer.import.slugTaken' : 'transfer.import.domainTaken');
        form.setError(field, { type: 'server', message }, { shouldFocus: true });
        return;
      }
      const fileProblem = error.problem.errors?.find((entry) => entry.field === 'file');
      if (fileProblem) {
        setFileError(translateFieldMessage(t, i18n.language, fileProblem.message, fileProblem.code));
        return;
      }
      if (applyApiFieldErrors(error, form.setError, t, i18n.language, ['slug', 'domain'])) return;
      // A damaged or foreign archive: the API says what is wrong with it (in English).
      setFailure({
        title: apiErrorMessage(t, error),
        detail: error.code === 'SITE_ARCHIVE_INVALID' ? error.message : undefined,
      });
    }
  });

  return (
    <Card className="mt-10">
      <h2 className="text-base font-semibold">{t('transfer.import.title')}</h2>
      <p className="mt-1 text-sm text-zinc-600 dark:text-zinc-400">{t('transfer.import.description')}</p>
      <form onSubmit={onSubmit} noValidate className="mt-4 space-y-4">
        {failure ? (
          <Alert title={failure.title}>
            {failure.detail ? (
              <details>
                <summary className="cursor-pointer">{t('transfer.details')}</summary>
                <p className="mt-1 whitespace-pre-wrap break-words font-mono text-xs">{failure.detail}</p>
              </details>
            ) : null}
          </Alert>
        ) : null}
        <Field
          label={t('transfer.import.file')}
          hint={t('transfer.import.fileHint')}
          error={fileError}
          required
        >
          <input
            ref={fileInput}
            type="file"
            accept=".gz,.tgz,application/gzip,application/x-gzip"
            onChange={(event) => {
              setFile(event.target.files?.[0] ?? null);
              setFileError(undefined);
              setFailure(null);
            }}
            className="block w-full text-sm text-zinc-700 file:mr-3 file:h-10 file:cursor-pointer file:rounded-md file:border file:border-zinc-300 file:bg-white file:px-4 file:text-sm file:font-medium file:text-zinc-800 hover:file:bg-zinc-100 dark:text-zinc-300 dark:file:border-zinc-700 dark:file:bg-zinc-900 dark:file:text-zinc-100"
          />
        </Field>
        <div className="grid gap-4 sm:grid-cols-2">
          <Field
            label={t('transfer.import.slug')}
            hint={t('transfer.import.slugHint')}
            error={errors.slug?.message}
          >
            <Input {...form.register('slug', { setValueAs: emptyAsUndefined })} spellCheck={false} />
          </Field>
          <Field
            label={t('transfer.import.domain')}
            hint={t('transfer.import.domainHint')}
            error={errors.domain?.message}
          >
            <Input
              {...form.register('domain', { setValueAs: emptyAsUndefined })}
              spellCheck={false}
              placeholder="example.ch"
            />
          </Field>
        </div>
        <div className="flex justify-end">
          <Button type="submit" variant="primary" loading={form.formState.isSubmitting}>
            {form.formState.isSubmitting ? null : <ArchiveRestore className="h-4 w-4" aria-hidden="true" />}
            {t('transfer.import.action')}
          </Button>
        </div>
      </form>
    </Card>
  );
}
