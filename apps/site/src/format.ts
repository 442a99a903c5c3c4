/**
 * Dates, prices and numbers in the site's locale. Course dates are calendar days (`2025-09-01`),
 * not instants: they are formatted as such, never shifted by a time zone.
 */

function calendarDay(isoDate: string): Date {
  const [year, month, day] = isoDate.split('-').map(Number) as [number, number, number];
  return new Date(Date.UTC(year, month - 1, day));
}

const formatters = new Map<string, Intl.DateTimeFormat | Intl.NumberFormat>();

function dateFormat(locale: string): Intl.DateTimeFormat {
  const key = `d:${locale}`;
  let format = formatters.get(key) as Intl.DateTimeFormat | undefined;
  if (!format) {
    format = new Intl.DateTimeFormat(locale, {
      day: 'numeric',
      month: 'long',
      year: 'numeric',
      timeZone: 'UTC',
    });
    formatters.set(key, format);
  }
  return format;
}

/** `1 septembre 2025` (fr-CH), `1 September 2025` (en-GB). */
export function formatDate(locale: string, isoDate: string): string {
  return dateFormat(locale).format(calendarDay(isoDate));
}

/** `1 – 3 septembre 2025`, or a single day when the course lasts one day or has no end. */
export function formatDateRange(locale: string, start: string, end: string | null): string {
  if (!end || end === start) return formatDate(locale, start);
  return dateFormat(locale).formatRange(calendarDay(start), calendarDay(end));
}

/** `1 250 CHF` for a whole amount, `1 250.50 CHF` otherwise. */
export function formatPrice(locale: string, amount: number, currency: string): string {
  const whole = Number.isInteger(amount);
  const key = `p:${locale}:${currency}:${whole}`;
  let format = formatters.get(key) as Intl.NumberFormat | undefined;
  if (!format) {
    format = new Intl.NumberFormat(locale, {
      style: 'currency',
      currency,
      minimumFractionDigits: whole ? 0 : 2,
      maximumFractionDigits: 2,
    });
    formatters.set(key, format);
  }
  return format.format(amount);
}

export function formatNumber(locale: string, value: number): string {
  return new Intl.NumberFormat(locale).format(value);
}

/** Today's calendar day in the site's time zone, `YYYY-MM-DD`: what "upcoming" is measured against. */
export function todayIn(timeZone: string, now: Date = new Date()): string {
  const key = `t:${timeZone}`;
  let format = formatters.get(key) as Intl.DateTimeFormat | undefined;
  if (!format) {
    // en-CA formats dates as YYYY-MM-DD.
    format = new Intl.DateTimeFormat('en-CA', { timeZone });
    formatters.set(key, format);
  }
  return format.format(now);
}
