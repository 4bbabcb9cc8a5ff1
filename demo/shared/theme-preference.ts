// The studio's light/dark choice: the system's by default, or the person's explicit choice, kept
// in localStorage. Applied as `data-theme` on <html>; the CSS resolves colours with light-dark().

export type ThemeChoice = 'light' | 'dark';

const STORAGE_KEY = 'kumo-studio-theme';
const darkQuery = () => window.matchMedia('(prefers-color-scheme: dark)');

function storedChoice(): ThemeChoice | undefined {
  try {
    const value = localStorage.getItem(STORAGE_KEY);
    return value === 'light' || value === 'dark' ? value : undefined;
  } catch {
    return undefined;
  }
}

/** The theme in effect: the stored choice, else the system's. */
export function effectiveTheme(): ThemeChoice {
  return storedChoice() ?? (darkQuery().matches ? 'dark' : 'light');
}

export function applyStoredTheme(): void {
  const choice = storedChoice();
  if (choice) document.documentElement.dataset.theme = choice;
  else delete document.documentElement.dataset.theme;
}

/** Switches to the other theme; choosing what the system already prefers forgets the choice. */
export function toggleTheme(): ThemeChoice {
  const next: ThemeChoice = effectiveTheme() === 'dark' ? 'light' : 'dark';
  const system: ThemeChoice = darkQuery().matches ? 'dark' : 'light';
  try {
    if (next === system) localStorage.removeItem(STORAGE_KEY);
    else localStorage.setItem(STORAGE_KEY, next);
  } catch {
    // Storage can be unavailable (private modes); the choice then lasts for this page only.
    document.documentElement.dataset.theme = next;
    return next;
  }
  applyStoredTheme();
  return next;
}

/** Calls `listener` when the system preference changes (it matters while nothing is stored). */
export function onSystemThemeChange(listener: () => void): void {
  darkQuery().addEventListener('change', listener);
}
