import { updateSiteBody } from '@swigs/schema';
import { useQueryClient } from '@tanstack/react-query';
import { Controller, FormProvider } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { FormActions } from '../../components/FormActions';
import { useUnsavedChangesGuard } from '../../components/UnsavedChangesGuard';
import { Card, PageHeader } from '../../components/ui/feedback';
import { useVersionedSave } from '../../components/useVersionedSave';
import { api } from '../../lib/api';
import { useZodForm } from '../../lib/forms';
import { useCurrentUser } from '../auth/useSession';
import { ImageField } from '../media/ImageField';
import { TokensSection } from '../tokens/TokensSection';
import { DeleteSiteSection } from './DeleteSiteSection';
import { ExportSiteSection } from './ExportSiteSection';
import { useCurrentSite } from './SiteLayout';
import { SiteIdentityFields, SiteRegionFields } from './site-fields';
import {
  ContactFields,
  NotificationFields,
  type SiteSettingsValues,
  SocialFields,
  settingsValuesOf,
  ThemeFields,
} from './site-settings-sections';
import { siteKeys, useUpdateSite } from './sites.queries';

function Section({
  title,
  description,
  children,
}: {
  title: string;
  description?: string;
  children: React.ReactNode;
}) {
  return (
    <Card>
      <h2 className="text-base font-semibold">{title}</h2>
      {description ? <p className="mt-1 text-sm text-zinc-600 dark:text-zinc-400">{description}</p> : null}
      <div className="mt-4">{children}</div>
    </Card>
  );
}

/** Paramètres: everything about a site in one form, saved at once with the version it was loaded at. */
export function SiteSettingsPage() {
  const { t } = useTranslation();
  const site = useCurrentSite();
  const user = useCurrentUser();
  const isAdmin = user.role === 'admin';
  const queryClient = useQueryClient();
  const update = useUpdateSite(site.id);
  const form = useZodForm(updateSiteBody, { defaultValues: settingsValuesOf(site) });
  const guard = useUnsavedChangesGuard(form.formState.isDirty);
  const { onSubmit, alert } = useVersionedSave(form, {
    save: (values: SiteSettingsValues, version) => {
      // Editors may not move a site: its address fields are not theirs to send.
      const { slug, domain, aliases, ...rest } = values;
      return update.mutateAsync(isAdmin ? { ...rest, slug, domain, aliases, version } : { ...rest, version });
    },
    onSaved: (saved) => form.reset(settingsValuesOf(saved)),
    reload: async () => {
      const fresh = await queryClient.fetchQuery({
        queryKey: siteKeys.detail(site.id),
        queryFn: () => api.sites.get(site.id),
      });
      form.reset(settingsValuesOf(fresh));
    },
  });

  return (
    <div className="mx-auto max-w-3xl">
      <PageHeader
        title={t('nav.settings')}
        description={t('sites.settingsDescription', { name: site.name })}
      />
      <FormProvider {...form}>
        <form onSubmit={onSubmit} noValidate className="space-y-6">
          {alert}
          <Section title={t('sites.sections.identity')}>
            <SiteIdentityFields addressEditable={isAdmin} />
          </Section>
          <Section title={t('sites.sections.logo')}>
            <Controller
              control={form.control}
              name="logoId"
              render={({ field }) => (
                <ImageField
                  siteId={site.id}
                  label={t('sites.fields.logo')}
                  hint={t('sites.fields.logoHint')}
                  value={field.value}
                  current={site.logo}
                  onChange={field.onChange}
                />
              )}
            />
          </Section>
          <Section title={t('sites.sections.contact')} description={t('sites.sections.contactHelp')}>
            <ContactFields />
          </Section>
          <Section title={t('sites.sections.social')}>
            <SocialFields />
          </Section>
          <Section title={t('sites.sections.region')}>
            <SiteRegionFields />
          </Section>
          <Section title={t('sites.sections.theme')}>
            <ThemeFields siteName={form.watch('name') || site.name} />
          </Section>
          <Section title={t('sites.sections.notifications')}>
            <NotificationFields />
          </Section>
          <FormActions
            dirty={form.formState.isDirty}
            pending={form.formState.isSubmitting}
            onReset={() => form.reset()}
          />
        </form>
      </FormProvider>
      <div className="mt-10">
        <TokensSection siteId={site.id} />
      </div>
      {isAdmin ? <ExportSiteSection site={site} /> : null}
      {isAdmin ? <DeleteSiteSection site={site} /> : null}
      {guard.dialog}
    </div>
  );
}
