import { Controller, useFormContext } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { Field } from '../../components/ui/Field';
import { Input, Select, Textarea } from '../../components/ui/inputs';
import { StringListInput } from '../../components/ui/StringListInput';

/** The fields the new-site form and the settings form share (both wrap them in a FormProvider). */
export interface SiteFieldValues {
  name?: string;
  slug?: string;
  domain?: string;
  aliases?: string[];
  description?: string;
  locale?: string;
  timeZone?: string;
}

type Errors = Record<string, { message?: string } | Array<{ message?: string } | undefined> | undefined>;

function messageOf(errors: Errors, name: string): string | undefined {
  const entry = errors[name];
  return entry && !Array.isArray(entry) ? entry.message : undefined;
}

/** Turns a site name into a slug suggestion: "École du Lac" → "ecole-du-lac". */
export function slugify(name: string): string {
  return name
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 63);
}

export function SiteIdentityFields({ addressEditable }: { addressEditable: boolean }) {
  const { t } = useTranslation();
  const { register, control, formState } = useFormContext<SiteFieldValues>();
  const errors = formState.errors as Errors;
  const aliasErrors = Array.isArray(errors.aliases) ? errors.aliases.map((e) => e?.message) : [];
  return (
    <div className="grid gap-4 sm:grid-cols-2">
      <Field
        label={t('sites.fields.name')}
        error={messageOf(errors, 'name')}
        required
        className="sm:col-span-2"
      >
        <Input {...register('name')} />
      </Field>
      <Field
        label={t('sites.fields.slug')}
        error={messageOf(errors, 'slug')}
        hint={addressEditable ? t('sites.fields.slugHint') : t('sites.fields.adminOnly')}
        required
      >
        <Input {...register('slug')} disabled={!addressEditable} spellCheck={false} />
      </Field>
      <Field
        label={t('sites.fields.domain')}
        error={messageOf(errors, 'domain')}
        hint={addressEditable ? t('sites.fields.domainHint') : t('sites.fields.adminOnly')}
        required
      >
        <Input
          {...register('domain')}
          disabled={!addressEditable}
          spellCheck={false}
          placeholder="example.ch"
        />
      </Field>
      {addressEditable ? (
        <div className="sm:col-span-2">
          <Controller
            control={control}
            name="aliases"
            render={({ field }) => (
              <StringListInput
                label={t('sites.fields.aliases')}
                hint={t('sites.fields.aliasesHint')}
                value={field.value ?? []}
                onChange={field.onChange}
                onBlur={field.onBlur}
                errors={aliasErrors}
                error={messageOf(errors, 'aliases')}
                placeholder="www.example.ch"
                addLabel={t('sites.fields.addAlias')}
              />
            )}
          />
        </div>
      ) : null}
      <Field
        label={t('sites.fields.description')}
        error={messageOf(errors, 'description')}
        className="sm:col-span-2"
      >
        <Textarea rows={3} {...register('description')} />
      </Field>
    </div>
  );
}

const locales = ['fr-CH', 'de-CH', 'it-CH', 'en-GB', 'fr-FR', 'de-DE', 'en-US'];

function timeZones(): string[] {
  try {
    return Intl.supportedValuesOf('timeZone');
  } catch {
    return ['Europe/Zurich'];
  }
}

export function SiteRegionFields() {
  const { t, i18n } = useTranslation();
  const { register, formState, watch } = useFormContext<SiteFieldValues>();
  const errors = formState.errors as Errors;
  const current = watch('locale');
  const names = new Intl.DisplayNames([i18n.language], { type: 'language' });
  const options = current && !locales.includes(current) ? [current, ...locales] : locales;
  return (
    <div className="grid gap-4 sm:grid-cols-2">
      <Field label={t('sites.fields.locale')} error={messageOf(errors, 'locale')}>
        <Select {...register('locale')}>
          {options.map((locale) => (
            <option key={locale} value={locale}>
              {names.of(locale) ?? locale} ({locale})
            </option>
          ))}
        </Select>
      </Field>
      <Field label={t('sites.fields.timeZone')} error={messageOf(errors, 'timeZone')}>
        <Select {...register('timeZone')}>
          {timeZones().map((zone) => (
            <option key={zone} value={zone}>
              {zone.replaceAll('_', ' ')}
            </option>
          ))}
        </Select>
      </Field>
    </div>
  );
}
