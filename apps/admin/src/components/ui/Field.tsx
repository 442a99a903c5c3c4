import { Children, cloneElement, isValidElement, type ReactElement, type ReactNode, useId } from 'react';
import { useTranslation } from 'react-i18next';
import { cn } from '../../lib/cn';

export interface FieldProps {
  label: ReactNode;
  /** The control: it receives id, aria-invalid and aria-describedby. */
  children: ReactElement<Record<string, unknown>>;
  error?: string | undefined;
  hint?: ReactNode;
  required?: boolean;
  /** Shows `length / ideal` (or `/ max`), turning amber past `ideal` and red past `max`. */
  counter?: { length: number; max: number; ideal?: number };
  className?: string;
}

/** A labelled form control with its hint, character counter and error, wired for screen readers. */
export function Field({ label, children, error, hint, required, counter, className }: FieldProps) {
  const { t } = useTranslation();
  const id = useId();
  const hintId = `${id}-hint`;
  const errorId = `${id}-error`;
  const counterId = `${id}-counter`;
  const describedBy =
    [hint ? hintId : null, counter ? counterId : null, error ? errorId : null].filter(Boolean).join(' ') ||
    undefined;
  const child = Children.only(children);
  const control = isValidElement(child)
    ? cloneElement(child, {
        id: (child.props.id as string | undefined) ?? id,
        'aria-invalid': error ? true : undefined,
        'aria-describedby': describedBy,
        'aria-required': required || undefined,
      })
    : child;
  const controlId = (child.props.id as string | undefined) ?? id;
  const over = counter && counter.length > counter.max;
  const beyondIdeal = counter?.ideal !== undefined && counter.length > counter.ideal;

  return (
    <div className={cn('space-y-1.5', className)}>
      <div className="flex items-baseline justify-between gap-2">
        <label htmlFor={controlId} className="text-sm font-medium text-zinc-800 dark:text-zinc-200">
          {label}
          {required ? (
            <span className="ml-0.5 text-red-700 dark:text-red-400" aria-hidden="true">
              *
            </span>
          ) : null}
        </label>
        {counter ? (
          <span
            id={counterId}
            className={cn(
              'text-xs tabular-nums',
              over
                ? 'font-semibold text-red-700 dark:text-red-400'
                : beyondIdeal
                  ? 'text-amber-700 dark:text-amber-400'
                  : 'text-zinc-600 dark:text-zinc-400',
            )}
          >
            {t('common.counter', { length: counter.length, max: counter.ideal ?? counter.max })}
          </span>
        ) : null}
      </div>
      {control}
      {hint ? (
        <p id={hintId} className="text-xs text-zinc-600 dark:text-zinc-400">
          {hint}
        </p>
      ) : null}
      {error ? (
        <p id={errorId} role="alert" className="text-sm text-red-700 dark:text-red-400">
          {error}
        </p>
      ) : null}
    </div>
  );
}
