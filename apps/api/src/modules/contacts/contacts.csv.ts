import type { Contact } from '@swigs/schema';
import type { MailLocale } from '../../mail/layout';

const headers: Record<MailLocale, string[]> = {
  fr: ['Reçu le', 'Nom', 'Email', 'Téléphone', 'Sujet', 'Message', 'Lu', 'Spam'],
  en: ['Received', 'Name', 'Email', 'Phone', 'Subject', 'Message', 'Read', 'Spam'],
};
const yesNo: Record<MailLocale, [string, string]> = { fr: ['oui', 'non'], en: ['yes', 'no'] };

/**
 * A cell a spreadsheet would run as a formula (`=HYPERLINK(...)`, `+cmd|...`, `@SUM(...)`) is
 * prefixed with an apostrophe, which spreadsheets show as text. Visitors write these messages.
 */
export function csvCell(value: string): string {
  const safe = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return `"${safe.replaceAll('"', '""')}"`;
}

/** `2026-03-01 14:05` in the site's time zone: sortable, and what a spreadsheet reads as a date. */
function localTime(iso: string, timeZone: string): string {
  return new Intl.DateTimeFormat('sv-SE', {
    timeZone,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
  }).format(new Date(iso));
}

/**
 * The inbox as CSV (RFC 4180: every cell quoted, CRLF line ends), with a byte-order mark so that
 * spreadsheet programs read the accents right.
 */
export function contactsCsv(
  rows: Contact[],
  options: { separator: ',' | ';'; locale: MailLocale; timeZone: string },
): string {
  const [yes, no] = yesNo[options.locale];
  const lines = [
    headers[options.locale].map(csvCell).join(options.separator),
    ...rows.map((row) =>
      [
        localTime(row.receivedAt, options.timeZone),
        row.name,
        row.email,
        row.phone,
        row.subject,
        row.message,
        row.read ? yes : no,
        row.spam ? yes : no,
      ]
        .map(csvCell)
        .join(options.separator),
    ),
  ];
  return `\uFEFF${lines.join('\r\n')}\r\n`;
}
