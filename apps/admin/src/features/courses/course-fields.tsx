import { type CourseStatus, courseStatuses, type MediaRef } from '@swigs/schema';
import { useId } from 'react';
import { Controller, useFormContext } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { LazyRichTextEditor } from '../../components/LazyRichTextEditor';
import { Field } from '../../components/ui/Field';
import { Input, Select } from '../../components/ui/inputs';
import { PriceInput } from '../../components/ui/PriceInput';
import { ImageField } from '../media/ImageField';

/** What the course form holds (the create and edit forms share these fields). */
export interface CourseFormValues {
  title?: string;
  slug?: string;
  number?: string;
  description?: string;
  startDate?: string | null;
  endDate?: string | null;
  registrationDeadline?: string | null;
  price?: number | null;
  currency?: string;
  places?: number | null;
  location?: string;
  externalUrl?: string;
  status?: CourseStatus;
  imageId?: string | null;
  version?: number;
}

// react-hook-form also passes the default value (null) through these, not only the input's text.
const emptyToNull = (value: string | null | undefined) => (value === '' || value == null ? null : value);
const numberOrNull = (value: string | number | null | undefined) =>
  value === '' || value == null ? null : Number(value);

export function CourseFields({ siteId, currentImage }: { siteId: string; currentImage: MediaRef | null }) {
  const { t } = useTranslation();
  const { register, control, formState, watch } = useFormContext<CourseFormValues>();
  const errors = formState.errors;
  const descriptionLabel = useId();
  const currency = watch('currency') ?? 'CHF';

  return (
    <div className="space-y-6">
      <div className="grid gap-4 sm:grid-cols-2">
        <Field
          label={t('courses.fields.title')}
          error={errors.title?.message}
          required
          className="sm:col-span-2"
        >
          <Input {...register('title')} />
        </Field>
        <Field
          label={t('courses.fields.number')}
          error={errors.number?.message}
          hint={t('courses.fields.numberHint')}
        >
          <Input {...register('number')} />
        </Field>
        <Field label={t('courses.fields.status')} error={errors.status?.message}>
          <Select {...register('status')}>
            {courseStatuses.map((status) => (
              <option key={status} value={status}>
                {t(`courses.status.${status}`)}
              </option>
            ))}
          </Select>
        </Field>
        <Field
          label={t('courses.fields.slug')}
          error={errors.slug?.message}
          hint={t('courses.fields.slugHint')}
        >
          <Input
            spellCheck={false}
            {...register('slug', { setValueAs: (value: string) => (value === '' ? undefined : value) })}
          />
        </Field>
      </div>

      <fieldset className="grid gap-4 sm:grid-cols-3">
        <legend className="mb-2 text-sm font-semibold">{t('courses.dates')}</legend>
        <Field label={t('courses.fields.startDate')} error={errors.startDate?.message}>
          <Input type="date" {...register('startDate', { setValueAs: emptyToNull })} />
        </Field>
        <Field label={t('courses.fields.endDate')} error={errors.endDate?.message}>
          <Input type="date" {...register('endDate', { setValueAs: emptyToNull })} />
        </Field>
        <Field label={t('courses.fields.registrationDeadline')} error={errors.registrationDeadline?.message}>
          <Input type="date" {...register('registrationDeadline', { setValueAs: emptyToNull })} />
        </Field>
      </fieldset>

      <div className="grid gap-4 sm:grid-cols-3">
        <Controller
          control={control}
          name="price"
          render={({ field }) => (
            <Field
              label={t('courses.fields.price')}
              error={errors.price?.message}
              hint={t('courses.fields.priceHint')}
            >
              <PriceInput
                value={field.value}
                onChange={field.onChange}
                onBlur={field.onBlur}
                currency={currency}
              />
            </Field>
          )}
        />
        <Field label={t('courses.fields.currency')} error={errors.currency?.message}>
          <Select {...register('currency')}>
            <option value="CHF">CHF</option>
            <option value="EUR">EUR</option>
          </Select>
        </Field>
        <Field
          label={t('courses.fields.places')}
          error={errors.places?.message}
          hint={t('courses.fields.placesHint')}
        >
          <Input
            type="number"
            min={0}
            step={1}
            inputMode="numeric"
            {...register('places', { setValueAs: numberOrNull })}
          />
        </Field>
        <Field
          label={t('courses.fields.location')}
          error={errors.location?.message}
          className="sm:col-span-2"
        >
          <Input {...register('location')} />
        </Field>
        <Field label={t('courses.fields.externalUrl')} error={errors.externalUrl?.message}>
          <Input type="url" placeholder="https://" {...register('externalUrl')} />
        </Field>
      </div>

      <Controller
        control={control}
        name="imageId"
        render={({ field }) => (
          <ImageField
            siteId={siteId}
            label={t('courses.fields.image')}
            hint={t('courses.fields.imageHint')}
            value={field.value}
            current={currentImage}
            onChange={field.onChange}
            error={errors.imageId?.message}
          />
        )}
      />

      <div className="space-y-1.5">
        <span id={descriptionLabel} className="text-sm font-medium">
          {t('courses.fields.description')}
        </span>
        <Controller
          control={control}
          name="description"
          render={({ field }) => (
            <LazyRichTextEditor
              value={field.value ?? ''}
              onChange={field.onChange}
              onBlur={field.onBlur}
              labelId={descriptionLabel}
              invalid={Boolean(errors.description)}
            />
          )}
        />
        {errors.description?.message ? (
          <p role="alert" className="text-sm text-red-700 dark:text-red-400">
            {errors.description.message}
          </p>
        ) : null}
      </div>
    </div>
  );
}
