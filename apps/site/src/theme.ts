import type { SiteTheme } from '@swigs/schema';

/**
 * The site's colours as CSS custom properties. Editors pick any colour; the theme derives from
 * it the colours that keep text readable (WCAG AA, 4.5:1): the text on a primary-coloured
 * button, and a link colour dark enough on white. A pale yellow brand still gets legible links.
 */

function channels(hex: string): [number, number, number] {
  const value = Number.parseInt(hex.slice(1), 16);
  return [(value >> 16) & 255, (value >> 8) & 255, value & 255];
}

function toHex([r, g, b]: [number, number, number]): string {
  return `#${[r, g, b].map((c) => Math.round(c).toString(16).padStart(2, '0')).join('')}`;
}

function luminance(hex: string): number {
  const [r, g, b] = channels(hex).map((c) => {
    const s = c / 255;
    return s <= 0.03928 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
  }) as [number, number, number];
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}

export function contrastRatio(a: string, b: string): number {
  const [light, dark] = [luminance(a), luminance(b)].sort((x, y) => y - x) as [number, number];
  return (light + 0.05) / (dark + 0.05);
}

/** Mixes `hex` towards black until it reaches `ratio` against `background`. */
function darkenUntil(hex: string, background: string, ratio: number): string {
  let colour = hex;
  const [r, g, b] = channels(hex);
  for (let step = 1; step <= 20 && contrastRatio(colour, background) < ratio; step += 1) {
    const keep = 1 - step / 20;
    colour = toHex([r * keep, g * keep, b * keep]);
  }
  return colour;
}

const white = '#ffffff';
const ink = '#111827';

/** Text colour on a background of `hex`: white or near-black, whichever reads better. */
export function textOn(hex: string): string {
  return contrastRatio(hex, white) >= contrastRatio(hex, ink) ? white : ink;
}

export interface ThemeColours {
  /** The brand colour as chosen: borders, the top bar, focus rings — never behind text. */
  primary: string;
  /** Primary, darkened if needed to carry white text and to read as a link on white (4.6:1). */
  accent: string;
  /** Background of the hero band: the secondary colour, darkened if no text colour reads on it. */
  surface: string;
  onSurface: string;
}

/** A colour that some text colour reads on at 4.6:1, and that text colour. */
function readableSurface(hex: string): { surface: string; text: string } {
  const text = textOn(hex);
  if (contrastRatio(hex, text) >= 4.6) return { surface: hex, text };
  return { surface: darkenUntil(hex, white, 4.6), text: white };
}

export function themeColours(theme: SiteTheme): ThemeColours {
  const primary = theme.primaryColor.toLowerCase();
  const { surface, text } = readableSurface(theme.secondaryColor.toLowerCase());
  return { primary, accent: darkenUntil(primary, white, 4.6), surface, onSurface: text };
}

/** The `:root` rule every page inlines after the stylesheet. */
export function themeCss(theme: SiteTheme): string {
  const c = themeColours(theme);
  return `:root{--primary:${c.primary};--accent:${c.accent};--surface:${c.surface};--on-surface:${c.onSurface}}`;
}
