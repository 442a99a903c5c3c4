import { type SeoRecord, seoDisplayLimits, type UpdateSeoBody, updateSeoBody } from '@swigs/schema';
import { useQueryClient } from '@tanstack/react-query';
import { useId } from 'react';
import { Controller, FormProvider } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { FormActions } from '../../components/FormActions';
import { useUnsavedChangesGuard } from '../../components/UnsavedChangesGuard';
import { Field } from '../../components/ui/Field';
import { Alert, Card } from '../../components/ui/feedback';
import { Checkbox, Input, Select, Textarea } from '../../components/ui/inputs';
import { useVersionedSave } from '../../components/useVersionedSave';
import { useZodForm } from '../../lib/forms';
import { toast } from '../../lib/toast';
import { ImageField } from '../media/ImageField';
import { useCurrentSite } from '../sites/SiteLayout';
import { KeywordsInput } from './KeywordsInput';
import { GooglePreview, SocialPreview } from './SeoPreviews';
import { seoQuery, useUpdateSeo } from './seo.queries';

function valuesOf(record: SeoRecord): UpdateSeoBody {
  return {
    metaTitle: record.metaTitle,
    metaDescription: record.metaDescription,
    keywords: record.keywords,
    ogTitle: record.ogTitle,
    ogDescription: record.ogDescription,
    ogImageId: record.ogImageId,
    twitterCard: record.twitterCard,
    twitterTitle: record.twitterTitle,
    twitterDescription: record.twitterDescription,
    twitterImageId: record.twitterImageId,
    canonicalUrl: record.canonicalUrl,
    noindex: record.noindex,
    version: record.version,
  };
}

const length = (value: string | undefined) => (value ? [...value].length : 0);

/** One page's SEO: every field with its counter, and live previews of how it will look. */
export function SeoForm({ record, path, label }: { record: SeoRecord; path: string; label: string }) {
  const { t } = useTranslation();
  const site = useCurrentSite();
  const queryClient = useQueryClient();
  const update = useUpdateSeo(site.id, record.id);
  const form = useZodForm(updateSeoBody, { defaultValues: valuesOf(record) });
  const guard = useUnsavedChangesGuard(form.formState.isDirty);
  const { register, control, watch, formState } = form;
  const errors = formState.errors;
  const values = watch();
  const noindexId = useId();

  const { onSubmit, alert } = useVersionedSave(form, {
    save: (body, version) => update.mutateAsync({ ...body, version }),
    onSaved: (saved) => {
      form.reset(valuesOf(saved.data));
      if (saved.warnings.length > 0)
        toast.warning(t('seo.savedWithWarnings', { count: saved.warnings.length }));
    },
    reload: async () => {
      form.reset(
        valuesOf((await queryClient.fetchQuery({ ...seoQuery(site.id, record.id), staleTime: 0 })).data),
      );
    },
  });

  const counter = (field: keyof typeof seoDisplayLimits, max: number) => ({
    length: length(values[field]),
    ideal: seoDisplayLimits[field],
    max,
  });
  const warn = (field: keyof typeof seoDisplayLimits): string | undefined =>
    length(values[field]) > seoDisplayLimits[field]
      ? t('seo.tooLong', { limit: seoDisplayLimits[field] })
      : undefined;

  const ogTitle = values.ogTitle || values.metaTitle || site.name;
  const ogDescription = values.ogDescription || values.metaDescription || site.description;

  return (
    <FormProvider {...form}>
      <form onSubmit={onSubmit} noValidate className="space-y-6">
        {alert}
        <div className="grid gap-6 xl:grid-cols-[minmax(0,1fr)_22rem]">
          <div className="space-y-6">
            <Card>
              <h2 className="mb-4 text-base font-semibold">{t('seo.sections.search', { page: label })}</h2>
              <div className="space-y-4">
                <Field
                  label={t('seo.fields.metaTitle')}
                  error={errors.metaTitle?.message}
                  hint={warn('metaTitle') ?? t('seo.fields.metaTitleHint')}
                  counter={counter('metaTitle', 300)}
                >
                  <Input {...register('metaTitle')} />
                </Field>
                <Field
                  label={t('seo.fields.metaDescription')}
                  error={errors.metaDescription?.message}
                  hint={warn('metaDescription') ?? t('seo.fields.metaDescriptionHint')}
                  counter={counter('metaDescription', 1000)}
                >
                  <Textarea rows={3} {...register('metaDescription')} />
                </Field>
                <Controller
                  control={control}
                  name="keywords"
                  render={({ field }) => (
                    <Field
                      label={t('seo.fields.keywords')}
                      error={errors.keywords?.message}
                      hint={t('seo.fields.keywordsHint')}
                    >
                      <KeywordsInput
                        value={field.value ?? []}
                        onChange={field.onChange}
                        onBlur={field.onBlur}
                      />
                    </Field>
                  )}
                />
                <Field
                  label={t('seo.fields.canonicalUrl')}
                  error={errors.canonicalUrl?.message}
                  hint={t('seo.fields.canonicalUrlHint')}
                >
                  <Input
                    type="url"
                    placeholder={`https://${site.domain}${path}`}
                    {...register('canonicalUrl')}
                  />
                </Field>
                <label htmlFor={noindexId} className="flex items-start gap-2 text-sm">
                  <Checkbox id={noindexId} {...register('noindex')} className="mt-0.5" />
                  <span>
                    <span className="font-medium">{t('seo.fields.noindex')}</span>
                    <span className="block text-zinc-600 dark:text-zinc-400">
                      {t('seo.fields.noindexHint')}
                    </span>
                  </span>
                </label>
              </div>
            </Card>
            <Card>
              <h2 className="mb-1 text-base font-semibold">{t('seo.sections.social')}</h2>
              <p className="mb-4 text-sm text-zinc-600 dark:text-zinc-400">{t('seo.sections.socialHelp')}</p>
              <div className="space-y-4">
                <Field
                  label={t('seo.fields.ogTitle')}
                  error={errors.ogTitle?.message}
                  hint={warn('ogTitle')}
                  counter={counter('ogTitle', 300)}
                >
                  <Input placeholder={values.metaTitle} {...register('ogTitle')} />
                </Field>
                <Field
                  label={t('seo.fields.ogDescription')}
                  error={errors.ogDescription?.message}
                  hint={warn('ogDescription')}
                  counter={counter('ogDescription', 1000)}
                >
                  <Textarea rows={3} placeholder={values.metaDescription} {...register('ogDescription')} />
                </Field>
                <Controller
                  control={control}
                  name="ogImageId"
                  render={({ field }) => (
                    <ImageField
                      siteId={site.id}
                      label={t('seo.fields.ogImage')}
                      hint={t('seo.fields.ogImageHint')}
                      value={field.value}
                      current={record.ogImage}
                      onChange={field.onChange}
                      error={errors.ogImageId?.message}
                    />
                  )}
                />
                <Field label={t('seo.fields.twitterCard')} error={errors.twitterCard?.message}>
                  <Select {...register('twitterCard')}>
                    <option value="summary_large_image">{t('seo.cards.summary_large_image')}</option>
                    <option value="summary">{t('seo.cards.summary')}</option>
                  </Select>
                </Field>
                <Field
                  label={t('seo.fields.twitterTitle')}
                  error={errors.twitterTitle?.message}
                  hint={warn('twitterTitle')}
                  counter={counter('twitterTitle', 300)}
                >
                  <Input placeholder={ogTitle} {...register('twitterTitle')} />
                </Field>
                <Field
                  label={t('seo.fields.twitterDescription')}
                  error={errors.twitterDescription?.message}
                  hint={warn('twitterDescription')}
                  counter={counter('twitterDescription', 1000)}
                >
                  <Textarea rows={2} placeholder={ogDescription} {...register('twitterDescription')} />
                </Field>
                <Controller
                  control={control}
                  name="twitterImageId"
                  render={({ field }) => (
                    <ImageField
                      siteId={site.id}
                      label={t('seo.fields.twitterImage')}
                      hint={t('seo.fields.twitterImageHint')}
                      value={field.value}
                      current={record.twitterImage}
                      onChange={field.onChange}
                      error={errors.twitterImageId?.message}
                    />
                  )}
                />
              </div>
            </Card>
          </div>
          <div className="space-y-4 xl:sticky xl:top-4 xl:self-start">
            {values.noindex ? <Alert tone="amber" title={t('seo.noindexNotice')} /> : null}
            <GooglePreview
              siteName={site.name}
              domain={site.domain}
              path={path}
              title={values.metaTitle ?? ''}
              description={values.metaDescription ?? ''}
            />
            <SocialPreview
              domain={site.domain}
              title={ogTitle}
              description={ogDescription}
              image={record.ogImage}
              large={values.twitterCard !== 'summary'}
            />
          </div>
        </div>
        <FormActions
          inColumn
          dirty={formState.isDirty}
          pending={formState.isSubmitting}
          onReset={() => form.reset()}
        />
      </form>
      {guard.dialog}
    </FormProvider>
  );
}
