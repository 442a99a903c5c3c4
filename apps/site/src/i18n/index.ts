import { en } from './en';
import { fr, type Messages } from './fr';

export type { Messages } from './fr';

/** Languages with a UI catalogue and localised URL slugs. A site in any other locale shows French. */
export const languages = ['fr', 'en'] as const;
export type Language = (typeof languages)[number];

const catalogues: Record<Language, Messages> = { fr, en };

/** `fr-CH` → `fr`; an unknown language falls back to French, the product's first language. */
export function languageOf(locale: string): Language {
  const code = locale.slice(0, 2).toLowerCase();
  return (languages as readonly string[]).includes(code) ? (code as Language) : 'fr';
}

export function messagesFor(locale: string): Messages {
  return catalogues[languageOf(locale)];
}
