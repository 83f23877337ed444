import type { Page } from '@playwright/test';

const NOTE_WORDS = [
  'convoy',
  'checkpoint',
  'verify',
  'source',
  'follow',
  'satellite',
  'caller',
  'radio',
];

/**
 * A layer of `count` stars and notes on evenly spread events `e0`…`e{n-1}` of a synthetic dataset, put into the
 * app's own IndexedDB store under the key the app reads for `dataUrl` (analystLayer.ts `layerKey`), as if an
 * analyst had made them: the page at `origin` must be the app's, so the store is the app's.
 */
export async function seedLayer(
  page: Page,
  origin: string,
  dataUrl: string,
  count: number,
  n = 100_000,
): Promise<void> {
  const annotations: Record<string, { star: true; note: string }> = {};
  const step = Math.max(1, Math.floor(n / count));
  for (let k = 0; k < count; k++)
    annotations[`e${k * step}`] = {
      star: true,
      note: `Note ${k}: ${NOTE_WORDS[k % NOTE_WORDS.length]} ${NOTE_WORDS[(k * 7) % NOTE_WORDS.length]} to check before the report`,
    };
  const layer = { version: 2, annotations, added: {}, curation: { merges: {}, edits: {} } };
  await page.goto(`${origin}?data=${encodeURIComponent('/no-such-dataset.json')}`);
  await page.evaluate(
    ([key, value]) =>
      new Promise<void>((resolve, reject) => {
        const req = indexedDB.open('chronoscope', 1);
        req.onupgradeneeded = () => req.result.createObjectStore('layers');
        req.onerror = () => reject(req.error);
        req.onsuccess = () => {
          const tx = req.result.transaction('layers', 'readwrite');
          tx.objectStore('layers').put(value, key);
          tx.oncomplete = () => {
            req.result.close();
            resolve();
          };
          tx.onerror = () => reject(tx.error);
        };
      }),
    [`url:${dataUrl}`, layer] as const,
  );
}
