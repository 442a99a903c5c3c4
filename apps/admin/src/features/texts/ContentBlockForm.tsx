import {
  type Content,
  type ContentType,
  maxJsonContentBytes,
  type UpsertContentBody,
  upsertContentBody,
} from '@swigs/schema';
import { useQueryClient } from '@tanstack/react-query';
import { useId, useState } from 'react';
import { Controller, FormProvider, useFormContext } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { FormActions } from '../../components/FormActions';
import { LazyRichTextEditor } from '../../components/LazyRichTextEditor';
import { useUnsavedChangesGuard } from '../../components/UnsavedChangesGuard';
import { Button } from '../../components/ui/Button';
import { ConfirmDialog } from '../../components/ui/ConfirmDialog';
import { Field } from '../../components/ui/Field';
import { Card } from '../../components/ui/feedback';
import { Input, Textarea } from '../../components/ui/inputs';
import { StringListInput } from '../../components/ui/StringListInput';
import { useConfirmedAction } from '../../components/useConfirmedAction';
import { useVersionedSave } from '../../components/useVersionedSave';
import { useZodForm } from '../../lib/forms';
import { toast } from '../../lib/toast';
import { ImageField } from '../media/ImageField';
import { contentsListQuery, useDeleteContent, useSaveContent } from './texts.queries';

/** What a block of each type holds before anything is written. */
export function emptyDataOf(type: ContentType): UpsertContentBody['data'] {
  switch (type) {
    case 'text':
      return { text: '' };
    case 'richtext':
      return { html: '' };
    case 'image':
      return { mediaId: null, alt: '' };
    case 'link':
      return { label: '', url: '' };
    case 'list':
      return { items: [] };
    case 'json':
      return { value: {} };
  }
}

function valuesOf(type: ContentType, block: Content | undefined): UpsertContentBody {
  const data = block && block.type === type ? block.data : emptyDataOf(type);
  return { type, data, version: block?.version } as UpsertContentBody;
}

/** The form values as the type-specific fields see them (one shape per block type). */
type BlockValues = {
  type: ContentType;
  data: {
    text?: string;
    html?: string;
    mediaId?: string | null;
    alt?: string;
    label?: string;
    url?: string;
    items?: string[];
    value?: unknown;
  };
  version?: number;
};

/**
 * Editor of one content block: the fields of its type, saved with the version it was loaded at
 * (someone else's newer save is a conflict, not a silent overwrite). `block` is undefined for a
 * theme block not written yet: saving creates it.
 */
export function ContentBlockForm({
  siteId,
  blockKey,
  type,
  block,
  title,
  help,
  resetLabel,
}: {
  siteId: string;
  blockKey: string;
  type: ContentType;
  block: Content | undefined;
  title: string;
  help?: string;
  /** The delete button's label: "reset to default" for a theme block, "delete" for another. */
  resetLabel: string;
}) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const save = useSaveContent(siteId);
  const remove = useDeleteContent(siteId);
  const [jsonInvalid, setJsonInvalid] = useState(false);
  // Bumped whenever the form is reset from outside its fields, so that fields keeping their own
  // text (JSON) start again from the reset values.
  const [generation, setGeneration] = useState(0);
  const form = useZodForm(upsertContentBody, { defaultValues: valuesOf(type, block) });
  const resetTo = (values?: UpsertContentBody) => {
    form.reset(values);
    setJsonInvalid(false);
    setGeneration((n) => n + 1);
  };
  const guard = useUnsavedChangesGuard(form.formState.isDirty);
  const deletion = useConfirmedAction(remove, {
    variables: (target: Content) => target,
    onDone: () => {
      resetTo(valuesOf(type, undefined));
      toast.success(t('texts.deleted', { name: title }));
    },
  });

  const { onSubmit, alert } = useVersionedSave(form, {
    save: (values, version) => save.mutateAsync({ key: blockKey, body: { ...values, version } }),
    onSaved: (saved) => resetTo(valuesOf(type, saved)),
    reload: async () => {
      const fresh = await queryClient.fetchQuery({ ...contentsListQuery(siteId), staleTime: 0 });
      resetTo(
        valuesOf(
          type,
          fresh.data.find((item) => item.key === blockKey),
        ),
      );
    },
  });

  return (
    <FormProvider {...form}>
      <form
        onSubmit={(event) => {
          // JSON being typed is not the form's value until it parses: refuse to save the old one.
          if (jsonInvalid) {
            event.preventDefault();
            toast.error(t('texts.json.invalid'));
            return;
          }
          void onSubmit(event);
        }}
        noValidate
        aria-label={title}
        className="space-y-6"
      >
        {alert}
        <Card>
          <div className="mb-4 space-y-1">
            <h2 className="text-lg font-semibold">{title}</h2>
            {help ? <p className="text-sm text-zinc-600 dark:text-zinc-400">{help}</p> : null}
            <p className="font-mono text-xs text-zinc-600 dark:text-zinc-400">
              {blockKey} · {t(`texts.types.${type}`)}
            </p>
          </div>
          <BlockFields
            key={generation}
            siteId={siteId}
            type={type}
            block={block}
            onJsonValidity={setJsonInvalid}
          />
        </Card>
        <FormActions
          inColumn
          dirty={form.formState.isDirty}
          pending={form.formState.isSubmitting}
          onReset={() => resetTo()}
          extra={
            block ? (
              <Button variant="danger" className="mr-auto" onClick={() => deletion.ask(block)}>
                {resetLabel}
              </Button>
            ) : null
          }
        />
      </form>
      <ConfirmDialog
        {...deletion.dialog}
        danger
        title={t('texts.deleteTitle', { name: title })}
        description={t('texts.deleteDescription')}
        confirmLabel={resetLabel}
      />
      {guard.dialog}
    </FormProvider>
  );
}

function BlockFields({
  siteId,
  type,
  block,
  onJsonValidity,
}: {
  siteId: string;
  type: ContentType;
  block: Content | undefined;
  onJsonValidity(invalid: boolean): void;
}) {
  const { t } = useTranslation();
  const { register, control, watch, formState } = useFormContext<BlockValues>();
  const errors = formState.errors.data;
  const richLabel = useId();

  switch (type) {
    case 'text': {
      const text = watch('data.text') ?? '';
      return (
        <Field
          label={t('texts.fields.text')}
          error={errors?.text?.message}
          counter={{ length: text.length, max: 10_000 }}
        >
          <Textarea rows={4} {...register('data.text')} />
        </Field>
      );
    }
    case 'richtext':
      return (
        <div className="space-y-1.5">
          <span id={richLabel} className="text-sm font-medium">
            {t('texts.fields.html')}
          </span>
          <Controller
            control={control}
            name="data.html"
            render={({ field }) => (
              <LazyRichTextEditor
                value={field.value ?? ''}
                onChange={field.onChange}
                onBlur={field.onBlur}
                labelId={richLabel}
                invalid={Boolean(errors?.html)}
              />
            )}
          />
          {errors?.html?.message ? (
            <p role="alert" className="text-sm text-red-700 dark:text-red-400">
              {errors.html.message}
            </p>
          ) : null}
        </div>
      );
    case 'image':
      return (
        <div className="space-y-4">
          <Controller
            control={control}
            name="data.mediaId"
            render={({ field }) => (
              <ImageField
                siteId={siteId}
                label={t('texts.fields.image')}
                value={field.value}
                current={block?.media ?? null}
                onChange={field.onChange}
                error={errors?.mediaId?.message}
              />
            )}
          />
          <Field label={t('texts.fields.alt')} hint={t('texts.fields.altHint')} error={errors?.alt?.message}>
            <Input {...register('data.alt')} />
          </Field>
        </div>
      );
    case 'link':
      return (
        <div className="grid gap-4 sm:grid-cols-2">
          <Field label={t('texts.fields.label')} error={errors?.label?.message}>
            <Input {...register('data.label')} />
          </Field>
          <Field
            label={t('texts.fields.url')}
            hint={t('texts.fields.urlHint')}
            error={errors?.url?.message}
            required
          >
            <Input spellCheck={false} placeholder="/formations" {...register('data.url')} />
          </Field>
        </div>
      );
    case 'list':
      return (
        <Controller
          control={control}
          name="data.items"
          render={({ field }) => (
            <StringListInput
              label={t('texts.fields.items')}
              value={field.value ?? []}
              onChange={field.onChange}
              onBlur={field.onBlur}
              errors={Array.isArray(errors?.items) ? errors.items.map((item) => item?.message) : []}
              error={Array.isArray(errors?.items) ? undefined : errors?.items?.message}
              addLabel={t('texts.fields.addItem')}
              max={200}
            />
          )}
        />
      );
    case 'json':
      return (
        <Controller
          control={control}
          name="data.value"
          render={({ field }) => (
            <JsonInput
              value={field.value}
              onChange={field.onChange}
              onValidity={onJsonValidity}
              error={errors?.value?.message}
            />
          )}
        />
      );
  }
}

/** JSON typed as text: the value changes only when the text parses; until then Save refuses. */
function JsonInput({
  value,
  onChange,
  onValidity,
  error,
}: {
  value: unknown;
  onChange(value: unknown): void;
  onValidity(invalid: boolean): void;
  error: string | undefined;
}) {
  const { t } = useTranslation();
  const [text, setText] = useState(() => JSON.stringify(value ?? null, null, 2));
  const [parseError, setParseError] = useState<string | undefined>();
  return (
    <Field
      label={t('texts.fields.json')}
      hint={t('texts.json.hint', { size: maxJsonContentBytes / 1024 })}
      error={parseError ?? error}
    >
      <Textarea
        rows={12}
        spellCheck={false}
        className="font-mono"
        value={text}
        onChange={(event) => {
          setText(event.target.value);
          try {
            onChange(JSON.parse(event.target.value));
            setParseError(undefined);
            onValidity(false);
          } catch {
            setParseError(t('texts.json.invalid'));
            onValidity(true);
          }
        }}
      />
    </Field>
  );
}
