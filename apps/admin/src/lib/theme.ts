import { useSyncExternalStore } from 'react';

/** The user's colour theme, kept in this browser (public/theme-init.js applies it before paint). */
export type ThemePreference = 'light' | 'dark' | 'system';

const storageKey = 'swigs.theme';
const listeners = new Set<() => void>();

function read(): ThemePreference {
  try {
    const value = localStorage.getItem(storageKey);
    return value === 'light' || value === 'dark' ? value : 'system';
  } catch {
    return 'system';
  }
}

let preference: ThemePreference = read();

function systemPrefersDark(): boolean {
  return typeof window !== 'undefined' && window.matchMedia('(prefers-color-scheme: dark)').matches;
}

export function applyTheme(value: ThemePreference = preference) {
  const dark = value === 'dark' || (value === 'system' && systemPrefersDark());
  document.documentElement.classList.toggle('dark', dark);
}

export function setThemePreference(value: ThemePreference) {
  preference = value;
  try {
    if (value === 'system') localStorage.removeItem(storageKey);
    else localStorage.setItem(storageKey, value);
  } catch {
    // Storage blocked: the choice lasts for this page only.
  }
  applyTheme(value);
  for (const listener of listeners) listener();
}

/** Follows the system's theme while the preference is "system". */
export function watchSystemTheme() {
  const query = window.matchMedia('(prefers-color-scheme: dark)');
  const onChange = () => {
    if (preference === 'system') applyTheme();
  };
  query.addEventListener('change', onChange);
  return () => query.removeEventListener('change', onChange);
}

export function useThemePreference(): ThemePreference {
  return useSyncExternalStore(
    (listener) => {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    () => preference,
  );
}
