import { Monitor, Moon, Sun } from 'lucide-react';
import { useTranslation } from 'react-i18next';
import { Card } from '../../components/ui/feedback';
import { currentLanguage, type Language, setLanguage } from '../../i18n';
import { cn } from '../../lib/cn';
import { setThemePreference, type ThemePreference, useThemePreference } from '../../lib/theme';

function Choice({
  name,
  value,
  checked,
  onChange,
  children,
}: {
  name: string;
  value: string;
  checked: boolean;
  onChange(): void;
  children: React.ReactNode;
}) {
  return (
    <label
      className={cn(
        'flex cursor-pointer items-center gap-2 rounded-md border px-3 py-2 text-sm font-medium has-[:focus-visible]:outline-2 has-[:focus-visible]:outline-brand-600',
        checked
          ? 'border-brand-600 bg-brand-50 text-brand-800 dark:bg-brand-800/30 dark:text-brand-100'
          : 'border-zinc-300 dark:border-zinc-700',
      )}
    >
      <input
        type="radio"
        name={name}
        value={value}
        checked={checked}
        onChange={onChange}
        className="sr-only"
      />
      {children}
    </label>
  );
}

/** Language and theme: kept in this browser, applied at once. */
export function PreferencesSection() {
  const { t } = useTranslation();
  const theme = useThemePreference();
  const language = currentLanguage();
  const themes: Array<{ value: ThemePreference; icon: React.ReactNode }> = [
    { value: 'light', icon: <Sun className="h-4 w-4" aria-hidden="true" /> },
    { value: 'dark', icon: <Moon className="h-4 w-4" aria-hidden="true" /> },
    { value: 'system', icon: <Monitor className="h-4 w-4" aria-hidden="true" /> },
  ];
  const languageOptions: Array<{ value: Language; label: string }> = [
    { value: 'fr', label: 'Français' },
    { value: 'en', label: 'English' },
  ];
  return (
    <Card>
      <h2 className="mb-4 text-base font-semibold">{t('profile.preferences')}</h2>
      <div className="space-y-5">
        <fieldset>
          <legend className="mb-2 text-sm font-medium">{t('profile.language')}</legend>
          <div className="flex flex-wrap gap-2">
            {languageOptions.map((option) => (
              <Choice
                key={option.value}
                name="language"
                value={option.value}
                checked={language === option.value}
                onChange={() => void setLanguage(option.value)}
              >
                <span lang={option.value}>{option.label}</span>
              </Choice>
            ))}
          </div>
        </fieldset>
        <fieldset>
          <legend className="mb-2 text-sm font-medium">{t('profile.theme')}</legend>
          <div className="flex flex-wrap gap-2">
            {themes.map((option) => (
              <Choice
                key={option.value}
                name="theme"
                value={option.value}
                checked={theme === option.value}
                onChange={() => setThemePreference(option.value)}
              >
                {option.icon}
                {t(`profile.themes.${option.value}`)}
              </Choice>
            ))}
          </div>
        </fieldset>
      </div>
    </Card>
  );
}
