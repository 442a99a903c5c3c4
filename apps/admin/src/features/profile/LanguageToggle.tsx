import { useTranslation } from 'react-i18next';
import { currentLanguage, type Language, languages, setLanguage } from '../../i18n';
import { cn } from '../../lib/cn';

const names: Record<Language, string> = { fr: 'Français', en: 'English' };

/** FR | EN, each option named in its own language. */
export function LanguageToggle() {
  const { t } = useTranslation();
  const active = currentLanguage();
  return (
    <fieldset className="flex gap-1 text-sm">
      <legend className="sr-only">{t('profile.language')}</legend>
      {languages.map((language) => (
        <button
          key={language}
          type="button"
          lang={language}
          aria-pressed={active === language}
          title={names[language]}
          onClick={() => void setLanguage(language)}
          className={cn(
            'rounded px-2 py-1 font-medium uppercase',
            active === language
              ? 'bg-brand-700 text-white dark:bg-brand-600'
              : 'text-zinc-700 hover:bg-zinc-200 dark:text-zinc-300 dark:hover:bg-zinc-800',
          )}
        >
          {language}
        </button>
      ))}
    </fieldset>
  );
}
