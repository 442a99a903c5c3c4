import { describe, expect, it } from 'vitest';
import { excerpt, htmlToText } from './text';

describe('text helpers', () => {
  it('turns rich text into plain text', () => {
    expect(
      htmlToText('<p>Cours d&rsquo;été&nbsp;: <strong>voile</strong></p><ul><li>un</li><li>deux</li></ul>'),
    ).toBe('Cours d’été : voile un deux');
    expect(htmlToText('<p>A &amp; B &#233; &#x2014;</p>')).toBe('A & B é —');
  });

  it('cuts at a word with an ellipsis', () => {
    expect(excerpt('Une formation complète pour naviguer seul', 25)).toBe('Une formation complète…');
    expect(excerpt('Court', 25)).toBe('Court');
  });
});
