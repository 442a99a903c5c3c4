import { escapeHtml } from '../text';

export interface DocumentParts {
  /** `lang` of the page, e.g. `fr-CH`. */
  lang: string;
  /** Title, meta, canonical, JSON-LD: already escaped tags, first in `<head>`. */
  headTags: string;
  /** The theme stylesheet and the site's colour rule, inlined. */
  css: string;
  themeColor?: string | undefined;
  /** Path of the favicon for this request (with the preview prefix if any). */
  favicon?: string | undefined;
  /** Rendered `<body>` content. */
  body: string;
  /** The islands' script, only on pages with an interactive island. */
  script?: { src: string; preload: string[] } | undefined;
}

/**
 * The HTML document around a rendered page. The charset comes first (it must be within the first
 * 1024 bytes), then everything search engines and link previews read, then the inlined styles.
 * Only pages with an island load a script, as a module (deferred: it never blocks the first paint).
 */
export function renderDocument(parts: DocumentParts): string {
  const head = [
    '<meta charset="utf-8">',
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    parts.headTags,
    parts.themeColor ? `<meta name="theme-color" content="${escapeHtml(parts.themeColor)}">` : '',
    parts.favicon ? `<link rel="icon" href="${escapeHtml(parts.favicon)}" type="image/svg+xml">` : '',
    `<style>${parts.css}</style>`,
    parts.script
      ? [
          ...parts.script.preload.map((href) => `<link rel="modulepreload" href="${escapeHtml(href)}">`),
          `<script type="module" src="${escapeHtml(parts.script.src)}"></script>`,
        ].join('')
      : '',
  ].join('');
  return `<!doctype html><html lang="${escapeHtml(parts.lang)}"><head>${head}</head><body>${parts.body}</body></html>`;
}
