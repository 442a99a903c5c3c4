import { fireEvent, render, screen } from '@testing-library/react';
import { useState } from 'react';
import { describe, expect, it } from 'vitest';
import { PriceInput, parsePrice } from './PriceInput';

const latest: { value: number | null } = { value: null };

function Harness() {
  const [value, setValue] = useState<number | null>(null);
  latest.value = value;
  return <PriceInput aria-label="Prix" value={value} onChange={setValue} currency="CHF" />;
}

describe('price input', () => {
  it('reads Swiss and French ways of typing amounts', () => {
    expect(parsePrice("1'250.50")).toBe(1250.5);
    expect(parsePrice('1’250,50')).toBe(1250.5);
    expect(parsePrice('1 250')).toBe(1250);
    expect(parsePrice('')).toBeNull();
    expect(parsePrice('12 francs')).toBeNaN();
  });

  it('holds a number, shows the currency and tidies the text on blur', () => {
    render(<Harness />);
    const input = screen.getByLabelText('Prix') as HTMLInputElement;
    expect(screen.getByText('CHF')).toBeTruthy();
    fireEvent.change(input, { target: { value: "1'480.5" } });
    expect(latest.value).toBe(1480.5);
    fireEvent.blur(input);
    expect(input.value).toBe('1480.50');
  });
});
