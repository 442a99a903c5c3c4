import {
  imageContentData,
  linkContentData,
  listContentData,
  type MediaRef,
  type PublicContent,
  richtextContentData,
  type ThemeContentBlock,
  textContentData,
} from '@swigs/schema';

/**
 * The content blocks a site's pages read, by key: each is one of the schema's
 * `themeContentBlocks` (which the admin's Texts screen lists, with their types), described in
 * apps/site/README.md. A missing block falls back to the site's settings or hides its section.
 */
export const contentKeys = {
  heroTitle: 'home.hero.title',
  heroText: 'home.hero.text',
  heroImage: 'home.hero.image',
  heroCta: 'home.hero.cta',
  aboutExcerpt: 'home.about',
  aboutBody: 'about.body',
  aboutImage: 'about.image',
  contactIntro: 'contact.intro',
  legalBody: 'legal.body',
  privacyBody: 'privacy.body',
  footerText: 'footer.text',
} as const satisfies Record<string, ThemeContentBlock['key']>;

export interface SiteContents {
  text(key: string): string | undefined;
  /** Sanitised HTML of a rich-text block. */
  html(key: string): string | undefined;
  image(key: string): MediaRef | undefined;
  link(key: string): { label: string; url: string } | undefined;
  list(key: string): string[] | undefined;
}

/**
 * Typed access to the blocks. Each block is read with the schema of its type, so a block of the
 * wrong type (or empty) reads as missing instead of breaking the page.
 */
export function siteContents(blocks: PublicContent[]): SiteContents {
  const byKey = new Map(blocks.map((block) => [block.key, block]));
  const of = (key: string, type: PublicContent['type']) => {
    const block = byKey.get(key);
    return block?.type === type ? block : undefined;
  };
  return {
    text(key) {
      const parsed = textContentData.safeParse(of(key, 'text')?.data);
      return parsed.success && parsed.data.text.trim() ? parsed.data.text : undefined;
    },
    html(key) {
      const parsed = richtextContentData.safeParse(of(key, 'richtext')?.data);
      return parsed.success && parsed.data.html.trim() ? parsed.data.html : undefined;
    },
    image(key) {
      const block = of(key, 'image');
      if (!block?.media) return undefined;
      const parsed = imageContentData.safeParse(block.data);
      const alt = parsed.success && parsed.data.alt ? parsed.data.alt : block.media.alt;
      return { ...block.media, alt };
    },
    link(key) {
      const parsed = linkContentData.safeParse(of(key, 'link')?.data);
      return parsed.success ? parsed.data : undefined;
    },
    list(key) {
      const parsed = listContentData.safeParse(of(key, 'list')?.data);
      return parsed.success ? parsed.data.items : undefined;
    },
  };
}
