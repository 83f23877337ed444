/**
 * The design screenshots in docs/img: every view at every size in both themes, from a running preview build.
 * npx tsx scripts/screenshots.ts <base-url> <out-dir> [prefix]
 * SIZES=1280x800,390x844 and VIEWS=ucdp,sample,ucdp-selected,sample-selected,ucdp-map choose what is taken; each line printed
 * gives the timeline region's size and its share of the viewport.
 */
import { mkdirSync } from 'node:fs';
import { chromium } from '@playwright/test';
import { chromiumArgs, chromiumPath } from '../playwright.config.ts';

const [base = 'http://127.0.0.1:4173', dir = '.screens', prefix = ''] = process.argv.slice(2);
const sizes = (process.env.SIZES ?? '1920x1080,1600x900,1280x800,1024x768,390x844').split(',');
const ALL_VIEWS: Record<string, string> = {
  ucdp: '/?data=ucdp-ukraine&group=actor',
  sample: '/',
  'ucdp-selected': '/?data=ucdp-ukraine&group=actor&event=147997',
  'sample-selected': '/?event=kirby-frozen-assets',
  'ucdp-map': '/?data=ucdp-ukraine&geo=1',
};
const views = Object.fromEntries(
  (process.env.VIEWS ?? 'ucdp,sample').split(',').map((v) => [v, ALL_VIEWS[v]!]),
);
mkdirSync(dir, { recursive: true });
const browser = await chromium.launch({
  ...(chromiumPath ? { executablePath: chromiumPath } : {}),
  args: chromiumArgs,
});
for (const size of sizes) {
  const [w, h] = size.split('x').map(Number) as [number, number];
  for (const theme of ['light', 'dark'] as const) {
    const page = await browser.newPage({ viewport: { width: w, height: h }, colorScheme: theme });
    for (const [name, path] of Object.entries(views)) {
      await page.goto(base + path);
      await page.waitForTimeout(2500);
      const box = await page
        .getByRole('region', { name: 'Timeline' })
        .boundingBox()
        .catch(() => null);
      const share = box
        ? `timeline ${Math.round(box.width)}x${Math.round(box.height)} = ${Math.round((100 * box.width) / w)}% x ${Math.round((100 * box.height) / h)}%`
        : 'no timeline region';
      console.log(`${name} ${size} ${theme}: ${share}`);
      await page.screenshot({ path: `${dir}/${prefix}${name}-${size}-${theme}.png` });
    }
    await page.close();
  }
}
await browser.close();
