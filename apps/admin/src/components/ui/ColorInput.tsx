import type { ComponentProps } from 'react';
import { Input } from './inputs';

/** A colour as `#rrggbb`: a swatch picker and the text field, kept in step. */
export function ColorInput({
  value,
  onChange,
  onBlur,
  swatchLabel,
  ...props
}: Omit<ComponentProps<'input'>, 'value' | 'onChange'> & {
  value: string;
  onChange(value: string): void;
  swatchLabel: string;
}) {
  const valid = /^#[0-9a-fA-F]{6}$/.test(value);
  return (
    <div className="flex gap-2">
      <input
        type="color"
        aria-label={swatchLabel}
        value={valid ? value : '#000000'}
        onChange={(event) => onChange(event.target.value)}
        onBlur={onBlur}
        className="h-10 w-12 shrink-0 cursor-pointer rounded-md border border-zinc-300 bg-white p-1 dark:border-zinc-700 dark:bg-zinc-900"
      />
      <Input
        {...props}
        value={value}
        onBlur={onBlur}
        onChange={(event) => onChange(event.target.value)}
        className="font-mono"
        spellCheck={false}
      />
    </div>
  );
}
