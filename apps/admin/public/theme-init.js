// Runs before the first paint so a dark-mode user never sees a white flash. Kept tiny and external:
// the Content-Security-Policy forbids inline scripts.
(() => {
  try {
    const saved = localStorage.getItem('swigs.theme');
    const dark =
      saved === 'dark' || (saved !== 'light' && window.matchMedia('(prefers-color-scheme: dark)').matches);
    document.documentElement.classList.toggle('dark', dark);
    const lang = localStorage.getItem('swigs.lang');
    if (lang === 'en' || lang === 'fr') document.documentElement.lang = lang;
  } catch {
    // Storage may be blocked; the app applies the theme again once it starts.
  }
})();
