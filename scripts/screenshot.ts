/**
 * Screenshots of the running preview build for looking at the UI: npx tsx scripts/screenshot.ts <url> <out.png> [width] [height] [theme]
 */
import { chromium } from '@playwright/test';
import { chromiumArgs, chromiumPath } from '../playwright.config.ts';

const [
  url = 'http://127.0.0.1:4173/',
  out = '.screens/shot.png',
  w = '1600',
  h = '900',
  theme = 'light',
] = process.argv.slice(2);
const browser = await chromium.launch({
  ...(chromiumPath ? { executablePath: chromiumPath } : {}),
  args: chromiumArgs,
});
const page = await browser.newPage({
  viewport: { width: Number(w), height: Number(h) },
  colorScheme: theme === 'dark' ? 'dark' : 'light',
});
const errors: string[] = [];
page.on('console', (m) => m.type() === 'error' && errors.push(m.text()));
page.on('pageerror', (e) => errors.push(String(e)));
await page.goto(url);
await page.waitForTimeout(2500);
await page.screenshot({ path: out });
console.log(errors.length ? `errors:\n${errors.join('\n')}` : 'no console errors');
await browser.close();
