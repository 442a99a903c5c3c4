/**
 * fr-CH (or en-CH) formatting of dates, prices and sizes. Formatters are cached per locale:
 * building an Intl formatter costs far more than using one.
 */
const cache = new Map<string, Intl.DateTimeFormat | Intl.NumberFormat>();

function cached<T extends Intl.DateTimeFormat | Intl.NumberFormat>(key: string, make: () => T): T {
  let formatter = cache.get(key) as T | undefined;
  if (!formatter) {
    formatter = make();
    cache.set(key, formatter);
  }
  return formatter;
}

/** The formatting locale for a UI language: Swiss conventions in both. */
export function formatLocale(language: string): string {
  return language.startsWith('en') ? 'en-CH' : 'fr-CH';
}

/**
 * A calendar date (`2025-03-14`) or a moment (ISO timestamp) as `14.03.2025`. A calendar date
 * is the same day everywhere: it is never shifted by a time zone.
 */
export function formatDate(value: string | null | undefined, locale = 'fr-CH', timeZone?: string): string {
  if (!value) return '';
  const calendarDay = /^\d{4}-\d{2}-\d{2}$/.test(value);
  const date = calendarDay ? new Date(`${value}T12:00:00Z`) : new Date(value);
  if (Number.isNaN(date.getTime())) return value;
  const zone = calendarDay ? 'UTC' : timeZone;
  return cached(
    `d:${locale}:${zone ?? ''}`,
    () =>
      new Intl.DateTimeFormat(locale, {
        day: '2-digit',
        month: '2-digit',
        year: 'numeric',
        ...(zone ? { timeZone: zone } : {}),
      }),
  ).format(date);
}

/** A moment as `14.03.2025 09:30`. */
export function formatDateTime(
  value: string | null | undefined,
  locale = 'fr-CH',
  timeZone?: string,
): string {
  if (!value) return '';
  const date = new Date(value);
  if (Number.isNaN(date.getTime())) return value;
  return cached(
    `dt:${locale}:${timeZone ?? ''}`,
    () =>
      new Intl.DateTimeFormat(locale, {
        day: '2-digit',
        month: '2-digit',
        year: 'numeric',
        hour: '2-digit',
        minute: '2-digit',
        ...(timeZone ? { timeZone } : {}),
      }),
  ).format(date);
}

/** A moment's time of day, to the second, as `09:30:15`. */
export function formatTime(value: string | number | Date, locale = 'fr-CH', timeZone?: string): string {
  const date = new Date(value);
  if (Number.isNaN(date.getTime())) return '';
  return cached(
    `t:${locale}:${timeZone ?? ''}`,
    () =>
      new Intl.DateTimeFormat(locale, {
        hour: '2-digit',
        minute: '2-digit',
        second: '2-digit',
        ...(timeZone ? { timeZone } : {}),
      }),
  ).format(date);
}

/** A price as `CHF 1’250.00`. Amounts are given in the currency's main unit. */
export function formatPrice(amount: number | null | undefined, currency = 'CHF', locale = 'fr-CH'): string {
  if (amount === null || amount === undefined) return '';
  return cached(
    `p:${locale}:${currency}`,
    () => new Intl.NumberFormat(locale, { style: 'currency', currency }),
  ).format(amount);
}

/** A price stored in cents as `CHF 1’250.00`. */
export function formatCents(cents: number | null | undefined, currency = 'CHF', locale = 'fr-CH'): string {
  if (cents === null || cents === undefined) return '';
  return formatPrice(cents / 100, currency, locale);
}

export function formatNumber(value: number, locale = 'fr-CH'): string {
  return cached(`n:${locale}`, () => new Intl.NumberFormat(locale)).format(value);
}

/** A file size as `1,2 Mo` / `1.2 MB`. */
export function formatBytes(bytes: number, locale = 'fr-CH'): string {
  const french = locale.startsWith('fr');
  const units = french ? ['o', 'Ko', 'Mo', 'Go'] : ['B', 'KB', 'MB', 'GB'];
  let value = bytes;
  let unit = 0;
  while (value >= 1024 && unit < units.length - 1) {
    value /= 1024;
    unit += 1;
  }
  const digits = unit === 0 || value >= 10 ? 0 : 1;
  return `${cached(`b:${locale}:${digits}`, () => new Intl.NumberFormat(locale, { maximumFractionDigits: digits })).format(value)} ${units[unit]}`;
}
