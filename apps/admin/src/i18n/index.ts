import i18next from 'i18next';
import { initReactI18next } from 'react-i18next';
import { storage } from '../lib/storage';
import { fr } from './fr';

/** French first; English is one switch away (Profile), remembered in this browser. */
export const languages = ['fr', 'en'] as const;
export type Language = (typeof languages)[number];
const storageKey = 'swigs.lang';

function initialLanguage(): Language {
  const saved = storage.get(storageKey);
  return saved === 'en' || saved === 'fr' ? saved : 'fr';
}

declare module 'i18next' {
  interface CustomTypeOptions {
    defaultNS: 'translation';
    resources: { translation: typeof fr };
  }
}

export const i18n = i18next.createInstance();

/** French ships in the first load; English is a separate chunk loaded when chosen. */
async function loadLanguage(language: Language) {
  if (language === 'en' && !i18n.hasResourceBundle('en', 'translation')) {
    const { en } = await import('./en');
    i18n.addResourceBundle('en', 'translation', en);
  }
}

void i18n.use(initReactI18next).init({
  lng: 'fr',
  fallbackLng: 'fr',
  resources: { fr: { translation: fr } },
  interpolation: { escapeValue: false },
  returnNull: false,
  initAsync: false,
});

document.documentElement.lang = i18n.language;
i18n.on('languageChanged', (language) => {
  document.documentElement.lang = language;
});

/** Before the first render: the saved language's catalogue is ready. */
export async function startI18n() {
  const language = initialLanguage();
  await loadLanguage(language);
  await i18n.changeLanguage(language);
}

export async function setLanguage(language: Language) {
  storage.set(storageKey, language);
  await loadLanguage(language);
  await i18n.changeLanguage(language);
}

export function currentLanguage(): Language {
  return i18n.language === 'en' ? 'en' : 'fr';
}
