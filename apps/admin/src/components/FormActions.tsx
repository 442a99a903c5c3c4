import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Button } from './ui/Button';

/** The save bar at the bottom of a form: sticks to the viewport so Save is always in reach. */
export function FormActions({
  dirty,
  pending,
  onReset,
  submitLabel,
  extra,
}: {
  dirty: boolean;
  pending: boolean;
  onReset?: () => void;
  submitLabel?: ReactNode;
  extra?: ReactNode;
}) {
  const { t } = useTranslation();
  return (
    <div className="sticky bottom-0 z-10 -mx-4 mt-6 flex flex-wrap items-center justify-end gap-2 border-t border-zinc-200 bg-zinc-50/95 px-4 py-3 backdrop-blur sm:-mx-6 sm:px-6 lg:-mx-10 lg:px-10 dark:border-zinc-800 dark:bg-zinc-950/95">
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
