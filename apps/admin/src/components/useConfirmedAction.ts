import type { UseMutationResult } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { apiErrorMessage } from '../lib/api-errors';
import { toast } from '../lib/toast';
import type { ConfirmDialogProps } from './ui/ConfirmDialog';

/**
 * A destructive action behind a confirmation dialog, as every screen asks it: `ask(target)` opens
 * the dialog; confirming runs the mutation with `variables(target)`. On success the dialog closes
 * and `onDone` runs (a toast, a navigation); on failure it closes and the API's reason is shown.
 * Spread `dialog` on a ConfirmDialog that says what is at stake (its title names `target`).
 */
export function useConfirmedAction<T, TVariables, TData = unknown, TContext = unknown>(
  mutation: Pick<UseMutationResult<TData, Error, TVariables, TContext>, 'mutate' | 'isPending'>,
  options: { variables(target: T): TVariables; onDone?(target: T): void },
): {
  target: T | null;
  ask(target: T): void;
  dialog: Pick<ConfirmDialogProps, 'open' | 'pending' | 'onCancel' | 'onConfirm'>;
} {
  const { t } = useTranslation();
  const [target, setTarget] = useState<T | null>(null);
  return {
    target,
    ask: setTarget,
    dialog: {
      open: target !== null,
      pending: mutation.isPending,
      onCancel: () => setTarget(null),
      onConfirm: () => {
        if (target === null) return;
        mutation.mutate(options.variables(target), {
          onSuccess: () => {
            setTarget(null);
            options.onDone?.(target);
          },
          onError: (error) => {
            setTarget(null);
            toast.error(apiErrorMessage(t, error));
          },
        });
      },
    },
  };
}
