import type { PublicSite } from '@swigs/schema';
import { escapeHtml } from '../text';
import { themeColours } from '../theme';

/**
 * Every site's favicon: its initial on its brand colour, as a tiny SVG. Browsers ask for one
 * on every page; without it they log a 404 (and Lighthouse counts that against the page).
 */
export function faviconSvg(site: Pick<PublicSite, 'name' | 'theme'>): string {
  const { accent } = themeColours(site.theme);
  const initial = escapeHtml([...site.name.trim()][0]?.toUpperCase() ?? 'S');
  return `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 64 64"><rect width="64" height="64" rx="14" fill="${accent}"/><text x="32" y="44" font-family="system-ui,Arial,sans-serif" font-size="36" font-weight="700" text-anchor="middle" fill="#fff">${initial}</text></svg>`;
}
