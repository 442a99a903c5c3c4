import { Plus, Trash2 } from 'lucide-react';
import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { Button } from './Button';
import { Input } from './inputs';

export interface StringListInputProps {
  label: string;
  value: string[];
  onChange(value: string[]): void;
  onBlur?: () => void;
  /** Error of each entry, by index. */
  errors?: Array<string | undefined>;
  /** Error of the list as a whole. */
  error?: string | undefined;
  hint?: string;
  type?: 'text' | 'email';
  placeholder?: string;
  addLabel: string;
  max?: number;
}

/** An editable list of short strings (host names, email addresses), one input per entry. */
export function StringListInput({
  label,
  value,
  onChange,
  onBlur,
  errors = [],
  error,
  hint,
  type = 'text',
  placeholder,
  addLabel,
  max = 20,
}: StringListInputProps) {
  const { t } = useTranslation();
  const id = useId();
  return (
    <fieldset className="space-y-2" aria-describedby={hint ? `${id}-hint` : undefined}>
      <legend className="text-sm font-medium text-zinc-800 dark:text-zinc-200">{label}</legend>
      {hint ? (
        <p id={`${id}-hint`} className="text-xs text-zinc-600 dark:text-zinc-400">
          {hint}
        </p>
      ) : null}
      {value.map((entry, index) => (
        // biome-ignore lint/suspicious/noArrayIndexKey: entries are plain strings edited in place
        <div key={index}>
          <div className="flex gap-2">
            <Input
              type={type}
              value={entry}
              placeholder={placeholder}
              aria-label={t('common.entryN', { label, n: index + 1 })}
              aria-invalid={errors[index] ? true : undefined}
              aria-describedby={errors[index] ? `${id}-${index}-error` : undefined}
              onBlur={onBlur}
              onChange={(event) => onChange(value.map((v, i) => (i === index ? event.target.value : v)))}
            />
            <Button
              size="icon"
              variant="ghost"
              aria-label={t('common.removeEntry', { value: entry || String(index + 1) })}
              onClick={() => onChange(value.filter((_, i) => i !== index))}
            >
              <Trash2 className="h-4 w-4" />
            </Button>
          </div>
          {errors[index] ? (
            <p
              id={`${id}-${index}-error`}
              role="alert"
              className="mt-1 text-sm text-red-700 dark:text-red-400"
            >
              {errors[index]}
            </p>
          ) : null}
        </div>
      ))}
      {value.length < max ? (
        <Button size="sm" variant="ghost" onClick={() => onChange([...value, ''])}>
          <Plus className="h-4 w-4" aria-hidden="true" />
          {addLabel}
        </Button>
      ) : null}
      {error ? (
        <p role="alert" className="text-sm text-red-700 dark:text-red-400">
          {error}
        </p>
      ) : null}
    </fieldset>
  );
}
