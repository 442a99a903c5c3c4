import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { cn } from '../lib/cn';
import { Button } from './ui/Button';

/** The save bar at the bottom of a form: sticks to the viewport so Save is always in reach. */
export function FormActions({
  dirty,
  pending,
  onReset,
  submitLabel,
  extra,
  inColumn,
}: {
  dirty: boolean;
  pending: boolean;
  onReset?: () => void;
  submitLabel?: ReactNode;
  extra?: ReactNode;
  /** The form is a column beside others (a list of pages): the bar spans the column only. */
  inColumn?: boolean;
}) {
  const { t } = useTranslation();
  return (
    <div
      className={cn(
        'sticky bottom-0 z-10 mt-6 flex flex-wrap items-center justify-end gap-2 border-t border-zinc-200 bg-zinc-50/95 py-3 backdrop-blur dark:border-zinc-800 dark:bg-zinc-950/95',
        inColumn ? 'px-0' : '-mx-4 px-4 sm:-mx-6 sm:px-6 lg:-mx-10 lg:px-10',
      )}
    >
      {dirty ? (
        <p className="mr-auto text-sm text-amber-800 dark:text-amber-300" role="status">
          {t('unsaved.pending')}
        </p>
      ) : null}
      {extra}
      {onReset && dirty ? (
        <Button onClick={onReset} disabled={pending}>
          {t('common.discard')}
        </Button>
      ) : null}
      <Button type="submit" variant="primary" loading={pending}>
        {submitLabel ?? t('common.save')}
      </Button>
    </div>
  );
}
