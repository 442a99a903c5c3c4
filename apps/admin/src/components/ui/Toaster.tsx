import { AlertTriangle, CheckCircle2, Info, X, XCircle } from 'lucide-react';
import { useTranslation } from 'react-i18next';
import { cn } from '../../lib/cn';
import { dismissToast, type ToastTone, useToasts } from '../../lib/toast';

const styles: Record<ToastTone, string> = {
  success:
    'border-green-300 bg-green-50 text-green-900 dark:border-green-900 dark:bg-green-950 dark:text-green-100',
  error: 'border-red-300 bg-red-50 text-red-900 dark:border-red-900 dark:bg-red-950 dark:text-red-100',
  warning:
    'border-amber-300 bg-amber-50 text-amber-900 dark:border-amber-900 dark:bg-amber-950 dark:text-amber-100',
  info: 'border-zinc-300 bg-white text-zinc-900 dark:border-zinc-700 dark:bg-zinc-900 dark:text-zinc-100',
};
const icons = { success: CheckCircle2, error: XCircle, warning: AlertTriangle, info: Info };

/** Where toasts appear; polite for confirmations, assertive for errors. */
export function Toaster() {
  const { t } = useTranslation();
  const toasts = useToasts();
  return (
    <div className="pointer-events-none fixed inset-x-4 top-4 z-[60] flex flex-col items-end gap-2 sm:left-auto sm:w-96">
      {(['polite', 'assertive'] as const).map((politeness) => (
        <div key={politeness} aria-live={politeness} className="contents">
          {toasts
            .filter((item) => (item.tone === 'error') === (politeness === 'assertive'))
            .map((item) => {
              const Icon = icons[item.tone];
              return (
                <div
                  key={item.id}
                  role={item.tone === 'error' ? 'alert' : 'status'}
                  data-tone={item.tone}
                  className={cn(
                    'pointer-events-auto flex w-full items-start gap-2 rounded-md border p-3 text-sm shadow-lg',
                    styles[item.tone],
                  )}
                >
                  <Icon className="mt-0.5 h-4 w-4 shrink-0" aria-hidden="true" />
                  <p className="flex-1">{item.message}</p>
                  <button
                    type="button"
                    onClick={() => dismissToast(item.id)}
                    aria-label={t('common.close')}
                    className="rounded p-0.5 opacity-70 hover:opacity-100"
                  >
                    <X className="h-4 w-4" />
                  </button>
                </div>
              );
            })}
        </div>
      ))}
    </div>
  );
}
