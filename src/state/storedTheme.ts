export type ThemeChoice = 'system' | 'light' | 'dark';

export const THEME_KEY = 'chronoscope.theme';

let read: ThemeChoice | undefined;

/**
 * The theme the analyst chose last time, read once. The page's first localStorage access loads its storage from
 * the browser, a synchronous wait: the boot script (src/main.tsx) makes it, before React and the app are evaluated, so
 * that it is not part of the task that starts the app.
 */
export function storedTheme(): ThemeChoice {
  if (read === undefined) {
    try {
      const t = localStorage.getItem(THEME_KEY);
      read = t === 'light' || t === 'dark' ? t : 'system';
    } catch {
      read = 'system';
    }
  }
  return read;
}
