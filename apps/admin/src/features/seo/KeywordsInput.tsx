import { type ComponentProps, useEffect, useState } from 'react';
import { Input } from '../../components/ui/inputs';

function split(text: string): string[] {
  return text
    .split(',')
    .map((word) => word.trim())
    .filter(Boolean);
}

/** Keywords typed as one comma-separated line, held as a list. */
export function KeywordsInput({
  value,
  onChange,
  ...props
}: Omit<ComponentProps<'input'>, 'value' | 'onChange'> & {
  value: string[];
  onChange(value: string[]): void;
}) {
  const [text, setText] = useState(value.join(', '));
  useEffect(() => {
    setText((current) =>
      split(current).join('\u0000') === value.join('\u0000') ? current : value.join(', '),
    );
  }, [value]);
  return (
    <Input
      {...props}
      value={text}
      onChange={(event) => {
        setText(event.target.value);
        onChange(split(event.target.value));
      }}
    />
  );
}
