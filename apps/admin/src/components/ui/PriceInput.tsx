import { type ComponentProps, useEffect, useState } from 'react';
import { Input } from './inputs';

/** Reads `1'250.50`, `1 250,50` or `1250.5` as 1250.5; '' as null; anything else as NaN (invalid). */
export function parsePrice(text: string): number | null {
  const cleaned = text.replace(/[\s'’]/g, '').replace(',', '.');
  if (cleaned === '') return null;
  return /^\d+(?:\.\d*)?$/.test(cleaned) ? Number(cleaned) : Number.NaN;
}

function display(value: number | null | undefined): string {
  return value === null || value === undefined || Number.isNaN(value) ? '' : value.toFixed(2);
}

/** An amount in a currency, typed the Swiss way; the currency code is shown before it. */
export function PriceInput({
  value,
  onChange,
  onBlur,
  currency,
  ...props
}: Omit<ComponentProps<'input'>, 'value' | 'onChange'> & {
  value: number | null | undefined;
  onChange(value: number | null): void;
  currency: string;
}) {
  const [text, setText] = useState(display(value));
  // Follow resets from outside without rewriting what the user is typing.
  useEffect(() => {
    setText((current) => (parsePrice(current) === (value ?? null) ? current : display(value)));
  }, [value]);
  return (
    <div className="flex">
      <span className="inline-flex items-center rounded-l-md border border-r-0 border-zinc-300 bg-zinc-100 px-3 text-sm text-zinc-700 dark:border-zinc-700 dark:bg-zinc-800 dark:text-zinc-300">
        {currency}
      </span>
      <Input
        {...props}
        inputMode="decimal"
        value={text}
        className="rounded-l-none"
        onChange={(event) => {
          setText(event.target.value);
          onChange(parsePrice(event.target.value));
        }}
        onBlur={(event) => {
          const parsed = parsePrice(text);
          if (parsed !== null && !Number.isNaN(parsed)) setText(parsed.toFixed(2));
          onBlur?.(event);
        }}
      />
    </div>
  );
}
