import { describe, expect, it } from 'vitest';
import { mailLocaleOf, renderMail, subjectLine } from './layout';

describe('mail layout', () => {
  it('escapes everything interpolated in the HTML part and keeps the text part plain', () => {
    const mail = renderMail({
      locale: 'fr',
      brand: { name: 'École <Lac>', logoUrl: 'https://cms.example.ch/uploads/a/b.png?x="y"' },
      subject: 'Nouveau\r\nBcc: victime@example.ch',
      blocks: [
        { type: 'paragraph', text: '<script>alert(1)</script>' },
        { type: 'fields', fields: [{ label: 'Nom', value: 'A & B' }] },
        { type: 'quote', text: 'ligne 1\nligne 2' },
        { type: 'action', label: 'Ouvrir', url: 'https://cms.example.ch/x?a=1&b="2"' },
      ],
      footer: 'Pied',
    });
    expect(mail.subject).toBe('Nouveau Bcc: victime@example.ch');
    expect(mail.html).not.toContain('<script>');
    expect(mail.html).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
    expect(mail.html).toContain('alt="École &lt;Lac&gt;"');
    expect(mail.html).toContain('href="https://cms.example.ch/x?a=1&amp;b=&quot;2&quot;"');
    expect(mail.html).toContain('ligne 1<br>ligne 2');
    expect(mail.text).toContain('<script>alert(1)</script>');
    expect(mail.text).toContain('Nom: A & B');
    expect(mail.text).toContain('> ligne 1\n> ligne 2');
    expect(mail.text).toContain('Ouvrir\nhttps://cms.example.ch/x?a=1&b="2"');
  });

  it('picks English for English locales and French for everything else', () => {
    expect(mailLocaleOf('en-GB')).toBe('en');
    expect(mailLocaleOf('fr-CH')).toBe('fr');
    expect(mailLocaleOf('de-CH')).toBe('fr');
    expect(mailLocaleOf(undefined)).toBe('fr');
    expect(subjectLine(' a\tb ')).toBe('a b');
  });
});
