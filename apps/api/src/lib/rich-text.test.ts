import { describe, expect, it } from 'vitest';
import { plainTextOf, sanitizeRichText } from './rich-text';

describe('sanitizeRichText', () => {
  it.each([
    ['a script element', '<p>Bonjour</p><script>alert(1)</script>', '<p>Bonjour</p>'],
    [
      'an event handler',
      '<img src="https://x.ch/a.png" onerror="alert(1)">',
      '<img src="https://x.ch/a.png" />',
    ],
    ['a javascript: link', '<a href="javascript:alert(1)">clic</a>', '<a>clic</a>'],
    ['an obfuscated javascript: link', '<a href="  JaVaScRiPt:alert(1)">clic</a>', '<a>clic</a>'],
    ['an entity-encoded javascript: link', '<a href="&#106;avascript:alert(1)">x</a>', '<a>x</a>'],
    ['a data: image', '<img src="data:image/svg+xml;base64,PHN2Zz4=">', '<img />'],
    ['a style attribute', '<p style="background:url(javascript:x)">t</p>', '<p>t</p>'],
    ['an iframe', '<iframe src="https://evil.example"></iframe><p>ok</p>', '<p>ok</p>'],
    ['an svg with script', '<svg><script>alert(1)</script></svg>texte', 'texte'],
  ])('removes %s', (_label, input, expected) => {
    const output = sanitizeRichText(input);
    expect(output).toBe(expected);
    expect(output).not.toMatch(/<script|onerror|javascript:/i);
  });

  it('keeps the markup an editor writes', () => {
    const html =
      '<h2>Programme</h2><p><strong>Jour 1</strong> : <em>théorie</em></p><ul><li>Voile</li></ul>' +
      '<a href="https://ecole.ch/inscription" target="_blank">S’inscrire</a> <a href="/contact">Contact</a>';
    expect(sanitizeRichText(html)).toBe(
      html.replace('target="_blank"', 'target="_blank" rel="noopener noreferrer"'),
    );
  });

  it('is idempotent', () => {
    const once = sanitizeRichText('<p onclick="x()">a <a href="javascript:y">b</a><script>z</script></p>');
    expect(sanitizeRichText(once)).toBe(once);
  });
});

describe('plainTextOf', () => {
  it('gives the text without tags or scripts', () => {
    expect(plainTextOf('<p>Cours <strong>d’été</strong>&nbsp;&amp; voile</p><script>x</script>')).toBe(
      'Cours d’été & voile',
    );
  });
});
