import { describe, expect, it } from 'vitest';
import { formatBytes, formatDate, formatDateTime, formatPrice, formatTime } from './format';

describe('fr-CH formatting', () => {
  it('formats calendar dates as day.month.year, whatever the time zone', () => {
    expect(formatDate('2026-06-01')).toBe('01.06.2026');
    expect(formatDate('2026-12-31', 'fr-CH', 'Pacific/Auckland')).toBe('31.12.2026');
    expect(formatDate(null)).toBe('');
  });

  it('formats moments in the site’s time zone', () => {
    expect(formatDateTime('2026-06-01T08:30:00Z', 'fr-CH', 'Europe/Zurich')).toBe('01.06.2026 10:30');
    expect(formatTime('2026-06-01T08:30:05Z', 'fr-CH', 'Europe/Zurich')).toBe('10:30:05');
    expect(formatTime(Date.parse('2026-01-01T23:59:59Z'), 'fr-CH', 'UTC')).toBe('23:59:59');
    expect(formatTime('not a date')).toBe('');
  });

  it('formats CHF prices the Swiss way', () => {
    const expected = new Intl.NumberFormat('fr-CH', { style: 'currency', currency: 'CHF' }).format(1250.5);
    expect(formatPrice(1250.5)).toBe(expected);
    expect(formatPrice(1250.5)).toContain('1');
    expect(formatPrice(1250.5)).toMatch(/250[.,]50/);
    expect(formatPrice(null)).toBe('');
  });

  it('formats sizes with French units', () => {
    expect(formatBytes(512)).toBe('512 o');
    expect(formatBytes(1536)).toBe('1,5 Ko');
    expect(formatBytes(5 * 1024 * 1024, 'en-CH')).toBe('5 MB');
    expect(formatBytes(12.5 * 1024 * 1024)).toBe('13 Mo');
  });
});
