import { createSiteBody } from '@swigs/schema';
import { useEffect } from 'react';
import { FormProvider } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { siteHome } from '../../app/navigation';
import { FormActions } from '../../components/FormActions';
import { useUnsavedChangesGuard } from '../../components/UnsavedChangesGuard';
import { Card, PageHeader } from '../../components/ui/feedback';
import { apiErrorMessage } from '../../lib/api-errors';
import { applyApiFieldErrors, useZodForm } from '../../lib/forms';
import { toast } from '../../lib/toast';
import { ImportSiteCard } from './ImportSiteCard';
import { SiteIdentityFields, SiteRegionFields, slugify } from './site-fields';
import { useCreateSite } from './sites.queries';

/**
 * Admins create a site: its name and address (the rest is in the site's settings), or all of it
 * from an archive exported by SWIGS CMS.
 */
export function NewSitePage() {
  const { t, i18n } = useTranslation();
  const navigate = useNavigate();
  const create = useCreateSite();
  const form = useZodForm(createSiteBody, {
    defaultValues: {
      name: '',
      slug: '',
      domain: '',
      aliases: [],
      description: '',
      locale: 'fr-CH',
      timeZone: 'Europe/Zurich',
    },
  });
  const guard = useUnsavedChangesGuard(form.formState.isDirty && !form.formState.isSubmitSuccessful);

  // Suggest the slug from the name until the user edits the slug themselves.
  const name = form.watch('name');
  const slugTouched = form.formState.dirtyFields.slug;
  useEffect(() => {
    if (!slugTouched) form.setValue('slug', slugify(name ?? ''), { shouldValidate: false });
  }, [name, slugTouched, form]);

  const onSubmit = form.handleSubmit(async (body) => {
    try {
      const site = await create.mutateAsync(body);
      toast.success(t('sites.created', { name: site.name }));
      guard.bypass();
      navigate(`/sites/${site.id}/settings`);
    } catch (error) {
      if (!applyApiFieldErrors(error, form.setError, t, i18n.language))
        toast.error(apiErrorMessage(t, error));
    }
  });

  return (
    <div className="mx-auto max-w-3xl">
      <PageHeader title={t('sites.newTitle')} description={t('sites.newDescription')} />
      <FormProvider {...form}>
        <form onSubmit={onSubmit} noValidate className="space-y-6">
          <Card>
            <SiteIdentityFields addressEditable />
          </Card>
          <Card>
            <h2 className="mb-4 text-base font-semibold">{t('sites.sections.region')}</h2>
            <SiteRegionFields />
          </Card>
          <FormActions
            dirty={form.formState.isDirty}
            pending={form.formState.isSubmitting}
            submitLabel={t('sites.create')}
          />
        </form>
      </FormProvider>
      <ImportSiteCard
        onImported={(report) => {
          guard.bypass();
          navigate(siteHome(report.site.id));
        }}
      />
      {guard.dialog}
    </div>
  );
}
