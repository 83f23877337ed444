import { useEffect } from 'react';
import { useUi } from '../state/uiStore';

/** Applies the theme choice to <html>; 'system' follows prefers-color-scheme through CSS. */
export function useTheme(): void {
  const theme = useUi((s) => s.theme);
  useEffect(() => {
    const root = document.documentElement;
    if (theme === 'system') root.removeAttribute('data-theme');
    else root.setAttribute('data-theme', theme);
  }, [theme]);
}

/** The theme currently in effect. */
export function effectiveTheme(choice: 'system' | 'light' | 'dark'): 'light' | 'dark' {
  if (choice !== 'system') return choice;
  return window.matchMedia?.('(prefers-color-scheme: dark)').matches ? 'dark' : 'light';
}
