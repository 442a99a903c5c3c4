import { type Site, socialNetworks, type UpdateSiteBody } from '@swigs/schema';
import { useId } from 'react';
import { Controller, useFormContext } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { ColorInput } from '../../components/ui/ColorInput';
import { Field } from '../../components/ui/Field';
import { Checkbox, Input, Textarea } from '../../components/ui/inputs';
import { StringListInput } from '../../components/ui/StringListInput';

export type SiteSettingsValues = UpdateSiteBody;

/** The form's starting values: every editable field of the site, and the version they come from. */
export function settingsValuesOf(site: Site): SiteSettingsValues {
  return {
    name: site.name,
    slug: site.slug,
    domain: site.domain,
    aliases: site.aliases,
    description: site.description,
    locale: site.locale,
    timeZone: site.timeZone,
    logoId: site.logoId,
    contact: { ...site.contact },
    social: { ...site.social },
    theme: { ...site.theme },
    notificationEmails: site.notificationEmails,
    contactAcknowledgement: site.contactAcknowledgement,
    version: site.version,
  };
}

export function ContactFields() {
  const { t } = useTranslation();
  const { register, formState } = useFormContext<SiteSettingsValues>();
  const errors = formState.errors.contact;
  return (
    <div className="grid gap-4 sm:grid-cols-2">
      <Field label={t('sites.fields.contactEmail')} error={errors?.email?.message}>
        <Input type="email" autoComplete="email" {...register('contact.email')} />
      </Field>
      <Field label={t('sites.fields.contactPhone')} error={errors?.phone?.message}>
        <Input type="tel" autoComplete="tel" placeholder="+41 21 000 00 00" {...register('contact.phone')} />
      </Field>
      <Field
        label={t('sites.fields.contactAddress')}
        error={errors?.address?.message}
        className="sm:col-span-2"
      >
        <Textarea rows={3} autoComplete="street-address" {...register('contact.address')} />
      </Field>
    </div>
  );
}

const networkLabels: Record<(typeof socialNetworks)[number], string> = {
  facebook: 'Facebook',
  instagram: 'Instagram',
  linkedin: 'LinkedIn',
  x: 'X (Twitter)',
  youtube: 'YouTube',
  tiktok: 'TikTok',
};

export function SocialFields() {
  const { register, formState } = useFormContext<SiteSettingsValues>();
  const errors = formState.errors.social;
  return (
    <div className="grid gap-4 sm:grid-cols-2">
      {socialNetworks.map((network) => (
        <Field key={network} label={networkLabels[network]} error={errors?.[network]?.message}>
          <Input
            type="url"
            placeholder={`https://${network === 'x' ? 'x' : network}.com/…`}
            {...register(`social.${network}`)}
          />
        </Field>
      ))}
    </div>
  );
}

export function ThemeFields({ siteName }: { siteName: string }) {
  const { t } = useTranslation();
  const { control, formState, watch } = useFormContext<SiteSettingsValues>();
  const errors = formState.errors.theme;
  const primary = watch('theme.primaryColor') ?? '#1d4ed8';
  const secondary = watch('theme.secondaryColor') ?? '#0f172a';
  const valid = (value: string) => /^#[0-9a-fA-F]{6}$/.test(value);
  return (
    <div className="grid gap-4 sm:grid-cols-2">
      {(['primaryColor', 'secondaryColor'] as const).map((name) => (
        <Controller
          key={name}
          control={control}
          name={`theme.${name}`}
          render={({ field }) => (
            <Field label={t(`sites.fields.${name}`)} error={errors?.[name]?.message}>
              <ColorInput
                value={field.value ?? ''}
                onChange={field.onChange}
                onBlur={field.onBlur}
                swatchLabel={t('sites.fields.pickColour', { name: t(`sites.fields.${name}`) })}
              />
            </Field>
          )}
        />
      ))}
      <div
        className="flex items-center justify-between gap-3 rounded-md p-4 sm:col-span-2"
        style={{ background: valid(secondary) ? secondary : undefined }}
        aria-label={t('sites.fields.themePreview')}
        role="img"
      >
        <span className="font-semibold text-white">{siteName}</span>
        <span
          className="rounded-md px-3 py-1.5 text-sm font-medium text-white"
          style={{ background: valid(primary) ? primary : undefined }}
        >
          {t('sites.fields.themeButton')}
        </span>
      </div>
    </div>
  );
}

export function NotificationFields() {
  const { t } = useTranslation();
  const { control, formState, register } = useFormContext<SiteSettingsValues>();
  const acknowledgementId = useId();
  const errors = formState.errors.notificationEmails;
  const entryErrors = Array.isArray(errors) ? errors.map((e) => e?.message) : [];
  return (
    <div className="space-y-4">
      <Controller
        control={control}
        name="notificationEmails"
        render={({ field }) => (
          <StringListInput
            label={t('sites.fields.notificationEmails')}
            hint={t('sites.fields.notificationEmailsHint')}
            type="email"
            value={field.value ?? []}
            onChange={field.onChange}
            onBlur={field.onBlur}
            errors={entryErrors}
            error={Array.isArray(errors) ? undefined : errors?.message}
            placeholder="info@example.ch"
            addLabel={t('sites.fields.addEmail')}
          />
        )}
      />
      <label htmlFor={acknowledgementId} className="flex items-start gap-2 text-sm">
        <Checkbox id={acknowledgementId} className="mt-0.5" {...register('contactAcknowledgement')} />
        <span>
          <span className="font-medium">{t('sites.fields.contactAcknowledgement')}</span>
          <span className="block text-zinc-600 dark:text-zinc-400">
            {t('sites.fields.contactAcknowledgementHint')}
          </span>
        </span>
      </label>
    </div>
  );
}
