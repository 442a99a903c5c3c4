import type { Contact } from '@swigs/schema';
import { describe, expect, it } from 'vitest';
import { contactsCsv, csvCell } from './contacts.csv';

const row: Contact = {
  id: '2b1f5c1e-8a53-4c3e-9d7a-0f6f1f0c2a11',
  siteId: '2b1f5c1e-8a53-4c3e-9d7a-0f6f1f0c2a12',
  name: '=HYPERLINK("http://evil.example","clic")',
  email: 'a@example.ch',
  phone: '+41 21 555 12 34',
  subject: '@SUM(A1:A2)',
  message: 'Ligne 1\n"citée"; virgule, fin',
  read: false,
  spam: false,
  spamSignals: [],
  receivedAt: '2026-03-01T13:05:00.000Z',
  updatedAt: '2026-03-01T13:05:00.000Z',
  version: 1,
};

describe('contacts CSV', () => {
  it.each([
    ['=1+1', `"'=1+1"`],
    ['+41 21 555', `"'+41 21 555"`],
    ['-2', `"'-2"`],
    ['@cmd', `"'@cmd"`],
    ['\tx', `"'\tx"`],
    ['plain "quoted"', '"plain ""quoted"""'],
  ])('makes %j harmless', (value, expected) => {
    expect(csvCell(value)).toBe(expected);
  });

  it('writes a header, local times, quoted cells and a BOM', () => {
    const csv = contactsCsv([row], { separator: ';', locale: 'fr', timeZone: 'Europe/Zurich' });
    expect(csv.startsWith('\uFEFF"Reçu le";"Nom"')).toBe(true);
    const [, line] = csv.slice(1).split('\r\n');
    expect(line).toBe(
      `"2026-03-01 14:05";"'=HYPERLINK(""http://evil.example"",""clic"")";"a@example.ch";"'+41 21 555 12 34";"'@SUM(A1:A2)";"Ligne 1\n""citée""; virgule, fin";"non";"non"`,
    );
  });
});
