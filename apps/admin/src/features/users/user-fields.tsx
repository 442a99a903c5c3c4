import { useQuery } from '@tanstack/react-query';
import { useId, useState } from 'react';
import { Controller, useFormContext } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { Field } from '../../components/ui/Field';
import { Skeleton } from '../../components/ui/feedback';
import { Checkbox, Input, Select } from '../../components/ui/inputs';
import { selectableSitesQuery } from '../sites/sites.queries';

/** The fields the create and edit forms share (both wrap them in a FormProvider). */
export interface UserFieldValues {
  name?: string;
  email?: string;
  password?: string;
  role?: 'admin' | 'editor';
  siteIds?: string[];
  active?: boolean;
}

export function UserFields({
  passwordLabel,
  passwordRequired,
  canChangeAccess,
}: {
  passwordLabel: string | null;
  passwordRequired: boolean;
  /** False when editing oneself: one's own role, sites and active flag are not editable. */
  canChangeAccess: boolean;
}) {
  const { t } = useTranslation();
  const { register, control, formState, watch } = useFormContext<UserFieldValues>();
  const errors = formState.errors;
  const role = watch('role');
  const activeId = useId();
  return (
    <div className="grid gap-4 sm:grid-cols-2">
      <Field label={t('users.fields.name')} error={errors.name?.message} required>
        <Input autoComplete="name" {...register('name')} />
      </Field>
      <Field label={t('users.fields.email')} error={errors.email?.message} required>
        <Input type="email" autoComplete="email" {...register('email')} />
      </Field>
      {passwordLabel ? (
        <Field
          label={passwordLabel}
          error={errors.password?.message}
          hint={t('users.passwordHint')}
          required={passwordRequired}
          className="sm:col-span-2"
        >
          <Input
            type="password"
            autoComplete="new-password"
            {...register('password', { setValueAs: (value: string) => (value === '' ? undefined : value) })}
          />
        </Field>
      ) : null}
      <Field label={t('users.fields.role')} error={errors.role?.message}>
        <Select {...register('role')} disabled={!canChangeAccess}>
          <option value="editor">{t('users.roles.editor')}</option>
          <option value="admin">{t('users.roles.admin')}</option>
        </Select>
      </Field>
      <div className="flex items-end pb-2">
        <label htmlFor={activeId} className="flex items-center gap-2 text-sm font-medium">
          <Checkbox id={activeId} {...register('active')} disabled={!canChangeAccess} />
          {t('users.fields.active')}
        </label>
      </div>
      {role === 'editor' ? (
        <div className="sm:col-span-2">
          <Controller
            control={control}
            name="siteIds"
            render={({ field }) => (
              <SitePicker
                value={field.value ?? []}
                onChange={field.onChange}
                disabled={!canChangeAccess}
                error={errors.siteIds?.message}
              />
            )}
          />
        </div>
      ) : (
        <p className="text-sm text-zinc-600 sm:col-span-2 dark:text-zinc-400">{t('users.adminSeesAll')}</p>
      )}
    </div>
  );
}

/** Multi-select of sites as a filterable checkbox list: usable by keyboard and on a phone. */
function SitePicker({
  value,
  onChange,
  disabled,
  error,
}: {
  value: string[];
  onChange(value: string[]): void;
  disabled: boolean;
  error: string | undefined;
}) {
  const { t } = useTranslation();
  const sites = useQuery(selectableSitesQuery());
  const [filter, setFilter] = useState('');
  const pickerId = useId();
  const visible = (sites.data ?? []).filter((site) =>
    site.name.toLowerCase().includes(filter.trim().toLowerCase()),
  );
  return (
    <fieldset className="space-y-2" disabled={disabled}>
      <legend className="text-sm font-medium">
        {t('users.fields.sites')}{' '}
        <span className="font-normal text-zinc-600 dark:text-zinc-400">
          {t('users.sitesSelected', { count: value.length })}
        </span>
      </legend>
      {(sites.data?.length ?? 0) > 8 ? (
        <Input
          type="search"
          value={filter}
          onChange={(event) => setFilter(event.target.value)}
          placeholder={t('users.filterSites')}
          aria-label={t('users.filterSites')}
        />
      ) : null}
      {sites.isPending ? (
        <Skeleton className="h-24" />
      ) : (
        <ul className="max-h-64 space-y-1 overflow-y-auto rounded-md border border-zinc-200 p-2 dark:border-zinc-800">
          {visible.map((site) => (
            <li key={site.id}>
              <label
                htmlFor={`${pickerId}-${site.id}`}
                className="flex items-center gap-2 rounded px-2 py-1.5 text-sm hover:bg-zinc-100 dark:hover:bg-zinc-800"
              >
                <Checkbox
                  id={`${pickerId}-${site.id}`}
                  checked={value.includes(site.id)}
                  onChange={(event) =>
                    onChange(
                      event.target.checked ? [...value, site.id] : value.filter((id) => id !== site.id),
                    )
                  }
                />
                <span>{site.name}</span>
                <span className="text-xs text-zinc-600 dark:text-zinc-400">{site.domain}</span>
              </label>
            </li>
          ))}
          {visible.length === 0 ? (
            <li className="px-2 py-1.5 text-sm text-zinc-600 dark:text-zinc-400">
              {t('users.noSiteMatches')}
            </li>
          ) : null}
        </ul>
      )}
      {error ? (
        <p role="alert" className="text-sm text-red-700 dark:text-red-400">
          {error}
        </p>
      ) : null}
    </fieldset>
  );
}
