import type { FieldValues, UseFormReturn } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { apiErrorMessage } from '../lib/api-errors';
import { applyApiFieldErrors } from '../lib/forms';
import { toast } from '../lib/toast';
import { ConflictAlert } from './ConflictAlert';
import { useConflict } from './useConflict';

/**
 * How every edit form of a versioned record saves: with the version it was loaded at; "saved"
 * toast on success; the API's field errors inline; someone else's newer save (409) shown as a
 * conflict that offers to reload or to save these edits over it; any other error as a toast.
 *
 * `onSubmit` goes on the `<form>`, `alert` above the fields.
 */
export function useVersionedSave<In extends FieldValues, Out extends { version?: number | undefined }, Saved>(
  form: UseFormReturn<In, unknown, Out>,
  options: {
    save(values: Out, version: number | undefined): Promise<Saved>;
    /** Puts the saved record back into the form (and says more than "saved" if needed). */
    onSaved(saved: Saved): void;
    /** Loads the current record and resets the form to it. */
    reload(): Promise<void>;
  },
) {
  const { t, i18n } = useTranslation();
  const conflict = useConflict();

  const run = async (values: Out, version: number | undefined) => {
    try {
      const saved = await options.save(values, version);
      conflict.clear();
      options.onSaved(saved);
      toast.success(t('common.saved'));
    } catch (error) {
      if (conflict.capture(error)) return;
      if (!applyApiFieldErrors(error, form.setError, t, i18n.language))
        toast.error(apiErrorMessage(t, error));
    }
  };

  return {
    onSubmit: form.handleSubmit((values) => run(values, values.version)),
    alert: conflict.active ? (
      <ConflictAlert
        pending={form.formState.isSubmitting}
        onReload={async () => {
          await options.reload();
          conflict.clear();
        }}
        onOverwrite={() =>
          void form.handleSubmit((values) => run(values, conflict.currentVersion ?? undefined))()
        }
      />
    ) : null,
  };
}
