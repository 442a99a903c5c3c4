import { DOMParser, type Element, type Node, XMLSerializer } from '@xmldom/xmldom';

/**
 * SVG is XML that a browser runs: it may carry scripts, event handlers, links to other sites and
 * embedded HTML. An uploaded SVG is parsed strictly and rebuilt from an allow-list: only drawing
 * elements survive, no attribute starting with `on`, no reference leaving the file (only `#id`
 * fragments, and raster `data:` images), no CSS that loads anything. What is served is the
 * rebuilt document, never the upload. Served SVGs also get a CSP that forbids scripts outright.
 */

const svgNamespace = 'http://www.w3.org/2000/svg';
const xlinkNamespace = 'http://www.w3.org/1999/xlink';
const xmlnsNamespace = 'http://www.w3.org/2000/xmlns/';
const xmlNamespace = 'http://www.w3.org/XML/1998/namespace';

const allowedElements = new Set([
  'svg',
  'g',
  'defs',
  'title',
  'desc',
  'symbol',
  'use',
  'switch',
  'style',
  'path',
  'rect',
  'circle',
  'ellipse',
  'line',
  'polyline',
  'polygon',
  'text',
  'tspan',
  'textPath',
  'linearGradient',
  'radialGradient',
  'stop',
  'pattern',
  'clipPath',
  'mask',
  'marker',
  'image',
  'filter',
  'feBlend',
  'feColorMatrix',
  'feComponentTransfer',
  'feComposite',
  'feConvolveMatrix',
  'feDiffuseLighting',
  'feDisplacementMap',
  'feDistantLight',
  'feDropShadow',
  'feFlood',
  'feFuncA',
  'feFuncB',
  'feFuncG',
  'feFuncR',
  'feGaussianBlur',
  'feMerge',
  'feMergeNode',
  'feMorphology',
  'feOffset',
  'fePointLight',
  'feSpecularLighting',
  'feSpotLight',
  'feTile',
  'feTurbulence',
]);

/** Raster images may be embedded inline; nothing else may be referenced by a data: URI. */
const embeddedImage = /^data:image\/(?:png|jpe?g|gif|webp);base64,[a-z0-9+/=\s]+$/i;
/** `url(#id)` is a reference inside the file; any other url() loads something from elsewhere. */
const externalUrl = /url\s*\(\s*(?!['"]?\s*#)/i;
const dangerousCss = /@import|expression\s*\(|javascript:|behavior\s*:|-moz-binding|<\//i;
const dangerousValue = /javascript:|vbscript:|data:/i;

export class SvgRejected extends Error {}

function isSafeCss(css: string): boolean {
  return !externalUrl.test(css) && !dangerousCss.test(css);
}

function isSafeReference(element: Element, value: string): boolean {
  const trimmed = value.trim();
  if (trimmed.startsWith('#')) return true;
  return element.localName === 'image' && embeddedImage.test(trimmed);
}

function cleanAttributes(element: Element): void {
  for (const attribute of Array.from(element.attributes)) {
    const name = attribute.name;
    const local = attribute.localName ?? name;
    const namespace = attribute.namespaceURI;
    const value = attribute.value;
    let keep: boolean;
    if (namespace === xmlnsNamespace || name === 'xmlns') {
      // Namespace declarations: the serializer writes the ones still in use.
      keep = value === svgNamespace || value === xlinkNamespace;
    } else if (local.toLowerCase().startsWith('on')) {
      keep = false;
    } else if (local === 'href' && (namespace === null || namespace === xlinkNamespace)) {
      keep = isSafeReference(element, value);
    } else if (namespace !== null && namespace !== xmlNamespace) {
      keep = false;
    } else if (namespace === xmlNamespace) {
      keep = local === 'space' || local === 'lang';
    } else if (local === 'style') {
      keep = isSafeCss(value);
    } else {
      keep = !externalUrl.test(value) && !dangerousValue.test(value);
    }
    if (!keep) element.removeAttributeNode(attribute);
  }
}

function clean(node: Node): void {
  for (const child of Array.from(node.childNodes)) {
    switch (child.nodeType) {
      case child.ELEMENT_NODE: {
        const element = child as Element;
        const allowed = element.namespaceURI === svgNamespace && allowedElements.has(element.localName ?? '');
        if (!allowed || (element.localName === 'style' && !isSafeCss(element.textContent ?? ''))) {
          node.removeChild(child);
          break;
        }
        cleanAttributes(element);
        clean(element);
        break;
      }
      case child.TEXT_NODE:
      case child.CDATA_SECTION_NODE:
        break;
      default:
        // Comments, processing instructions, entity references: nothing a picture needs.
        node.removeChild(child);
    }
  }
}

function lengthOf(value: string | null): number | null {
  if (!value) return null;
  const match = /^\s*([0-9]*\.?[0-9]+)\s*(px)?\s*$/.exec(value);
  return match ? Math.round(Number(match[1])) : null;
}

export interface SanitizedSvg {
  svg: string;
  width: number | null;
  height: number | null;
}

/** Whether a text file looks like an SVG document at all (before parsing it). */
export function looksLikeSvg(head: string): boolean {
  const text = head.replace(/^\uFEFF/, '').trimStart();
  return /^(?:<\?xml[^>]*>\s*)?(?:<!--[\s\S]*?-->\s*)*(?:<!DOCTYPE svg[^>]*>\s*)?(?:<!--[\s\S]*?-->\s*)*<svg[\s>]/i.test(
    text,
  );
}

/**
 * Parses `source` as SVG and returns the rebuilt, safe document with its size. Throws
 * `SvgRejected` for anything that is not well-formed SVG, or that declares entities (a classic
 * vector for entity-expansion attacks).
 */
export function sanitizeSvg(source: string): SanitizedSvg {
  const text = source.replace(/^\uFEFF/, '');
  if (/<!ENTITY/i.test(text) || /<!DOCTYPE[^>]*\[/i.test(text)) {
    throw new SvgRejected('SVG files with entity declarations are not accepted.');
  }
  // A plain DOCTYPE (Illustrator writes one) carries nothing we need.
  const withoutDoctype = text.replace(/<!DOCTYPE[^>]*>/i, '');
  let document: ReturnType<DOMParser['parseFromString']>;
  try {
    document = new DOMParser({
      onError: (level, message) => {
        if (level !== 'warning') throw new SvgRejected(message);
      },
    }).parseFromString(withoutDoctype, 'image/svg+xml');
  } catch (error) {
    throw error instanceof SvgRejected ? error : new SvgRejected('This SVG file is not well-formed XML.');
  }
  const root = document.documentElement;
  if (root?.localName !== 'svg' || root.namespaceURI !== svgNamespace) {
    throw new SvgRejected('This file is not an SVG image.');
  }
  for (const child of Array.from(document.childNodes)) {
    if (child !== root) document.removeChild(child);
  }
  cleanAttributes(root);
  clean(root);
  let width = lengthOf(root.getAttribute('width'));
  let height = lengthOf(root.getAttribute('height'));
  const viewBox = root
    .getAttribute('viewBox')
    ?.trim()
    .split(/[\s,]+/)
    .map(Number);
  if ((width === null || height === null) && viewBox?.length === 4 && viewBox.every(Number.isFinite)) {
    width ??= Math.round(viewBox[2]!);
    height ??= Math.round(viewBox[3]!);
  }
  const svg = `<?xml version="1.0" encoding="UTF-8"?>\n${new XMLSerializer().serializeToString(root)}\n`;
  return { svg, width: width || null, height: height || null };
}
