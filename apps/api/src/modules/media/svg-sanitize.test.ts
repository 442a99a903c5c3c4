import { describe, expect, it } from 'vitest';
import { looksLikeSvg, SvgRejected, sanitizeSvg } from './svg-sanitize';

const wrap = (body: string, attrs = '') =>
  `<svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink" width="120" height="80"${attrs}>${body}</svg>`;

describe('sanitizeSvg', () => {
  it('keeps drawing elements, gradients, internal references and the size', () => {
    const result = sanitizeSvg(
      wrap(
        '<defs><linearGradient id="g"><stop offset="0" stop-color="#fff"/></linearGradient></defs>' +
          '<rect x="1" y="2" width="3" height="4" fill="url(#g)" class="a"/><use href="#g"/><text x="1">Bonjour</text>',
      ),
    );
    expect(result).toMatchObject({ width: 120, height: 80 });
    expect(result.svg).toContain('<rect x="1" y="2" width="3" height="4" fill="url(#g)" class="a"/>');
    expect(result.svg).toContain('<use href="#g"/>');
    expect(result.svg).toContain('Bonjour');
  });

  it.each([
    ['a script element', '<script>alert(1)</script><circle r="1"/>', /script|alert/i],
    ['a CDATA script', '<script><![CDATA[alert(1)]]></script>', /alert/],
    ['an event handler', '<circle r="1" onclick="alert(1)" ONLOAD="alert(2)"/>', /alert|onclick|onload/i],
    ['a javascript: link', '<a href="javascript:alert(1)"><circle r="1"/></a>', /javascript/],
    ['an external image', '<image href="https://evil.example/x.png"/>', /evil/],
    ['an xlink to another file', '<use xlink:href="https://evil.example/s.svg#a"/>', /evil/],
    [
      'embedded HTML',
      '<foreignObject><iframe xmlns="http://www.w3.org/1999/xhtml" src="x"/></foreignObject>',
      /iframe|foreignObject/,
    ],
    ['CSS loading a URL', '<style>@import url(https://evil.example/a.css);</style>', /evil|@import/],
    ['a style attribute with url()', '<rect style="fill:url(https://evil.example/t)"/>', /evil/],
    [
      'an animation setting href',
      '<a><set attributeName="href" to="javascript:alert(1)"/></a>',
      /javascript|set/,
    ],
    ['a data: SVG image', '<image href="data:image/svg+xml;base64,PHN2Zz4="/>', /data:/],
  ])('removes %s', (_label, body, forbidden) => {
    const { svg } = sanitizeSvg(wrap(body));
    expect(svg).not.toMatch(forbidden);
    expect(svg).toContain('<svg');
  });

  it('keeps an inline raster image', () => {
    const { svg } = sanitizeSvg(wrap('<image href="data:image/png;base64,iVBORw0KGgo="/>'));
    expect(svg).toContain('data:image/png;base64,iVBORw0KGgo=');
  });

  it('removes an event handler on the root and reads the size from the viewBox', () => {
    const result = sanitizeSvg(
      '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 64 32" onload="alert(1)"/>',
    );
    expect(result.svg).not.toContain('onload');
    expect(result).toMatchObject({ width: 64, height: 32 });
  });

  it.each([
    [
      'entity declarations',
      '<!DOCTYPE svg [<!ENTITY x "y">]><svg xmlns="http://www.w3.org/2000/svg">&x;</svg>',
    ],
    ['malformed XML', '<svg xmlns="http://www.w3.org/2000/svg"><g></svg>'],
    ['HTML', '<html><body><script>alert(1)</script></body></html>'],
  ])('refuses %s', (_label, source) => {
    expect(() => sanitizeSvg(source)).toThrow(SvgRejected);
  });

  it('treats an svg without namespace declaration as SVG, and cleans it the same way', () => {
    const { svg } = sanitizeSvg('<svg><script>alert(1)</script><circle r="1"/></svg>');
    expect(svg).not.toContain('alert');
    expect(svg).toContain('xmlns="http://www.w3.org/2000/svg"');
  });

  it('accepts a plain DOCTYPE as Illustrator writes it', () => {
    const source = `<?xml version="1.0"?>\n<!DOCTYPE svg PUBLIC "-//W3C//DTD SVG 1.1//EN" "http://www.w3.org/Graphics/SVG/1.1/DTD/svg11.dtd">\n${wrap('<path d="M0 0h1"/>')}`;
    expect(looksLikeSvg(source)).toBe(true);
    expect(sanitizeSvg(source).svg).toContain('<path d="M0 0h1"/>');
  });

  it('tells SVG from other text', () => {
    expect(looksLikeSvg('<!-- logo --><svg xmlns="http://www.w3.org/2000/svg"/>')).toBe(true);
    expect(looksLikeSvg('<!doctype html><html></html>')).toBe(false);
    expect(looksLikeSvg('hello')).toBe(false);
  });
});
