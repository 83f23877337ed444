import { expect, test } from '@playwright/test';
import { Dashboard, FIXTURES } from './pages/Dashboard';

// Hostile downloads from the fixture server, generated as they are sent: the app must stop each one itself, say
// why in words, and offer Retry where trying again can help.
test.describe('bounded downloads', () => {
  test('an endless body is stopped at the size limit, not downloaded whole', async ({ page }) => {
    test.slow();
    const d = new Dashboard(page);
    await d.open(`data=${encodeURIComponent(`${FIXTURES}/huge`)}`);
    const alert = page.getByRole('alert');
    await expect(alert).toContainText(
      'The download was stopped at 256.0 MB: the file is larger; Chronoscope opens files up to 256.0 MB.',
      { timeout: 45_000 },
    );
  });

  test('an announced length over the limit is refused before the body is read', async ({
    page,
  }) => {
    const d = new Dashboard(page);
    await d.open(`data=${encodeURIComponent(`${FIXTURES}/huge-announced`)}`);
    await expect(page.getByRole('alert')).toContainText(
      'The file is 1200.0 MB; Chronoscope opens files up to 256.0 MB.',
    );
  });

  test('a gzip bomb is stopped at the limit and both sizes are told honestly', async ({ page }) => {
    test.slow();
    const d = new Dashboard(page);
    await d.open(`data=${encodeURIComponent(`${FIXTURES}/gzip-bomb`)}`);
    // While it runs, progress never claims "N MB of 0.58 MB".
    const progress = page.getByRole('group', { name: 'Loading' }).getByText(/Downloading/);
    await expect(progress).toContainText(/unpacked from a 0\.\d\d MB compressed download/, {
      timeout: 30_000,
    });
    await expect(page.getByRole('alert')).toContainText(
      /The download was stopped at 256\.0 MB: the server sent 0\.\d\d MB compressed, which unpacks to more than that/,
      { timeout: 45_000 },
    );
  });

  test('a server that trickles one byte at a time is stopped by the overall deadline, with Retry', async ({
    page,
  }) => {
    test.slow();
    const d = new Dashboard(page);
    await page.clock.install();
    await d.open(`data=${encodeURIComponent(`${FIXTURES}/slow?every=100`)}`);
    const loading = page.getByRole('group', { name: 'Loading' });
    await expect(loading).toBeVisible();
    // Bytes keep coming (so the 30 s idle deadline never fires) while the page's clock runs past 10 minutes.
    for (let t = 0; t < 11 * 60_000 && (await loading.isVisible()); t += 20_000) {
      await page.clock.runFor(20_000);
      await page.waitForTimeout(250);
    }
    const alert = page.getByRole('alert');
    await expect(alert).toContainText(
      /took more than 10 min \(0\.\d\d MB received\) and was stopped/,
    );
    await expect(alert.getByRole('button', { name: 'Retry' })).toBeVisible();
  });

  test('a missing file behind an SPA fallback is reported as not found (issue #20)', async ({
    page,
  }) => {
    const d = new Dashboard(page);
    // The preview server answers unknown paths with the app's own index.html and status 200.
    await d.open('data=data/nope.json');
    const alert = page.getByRole('alert');
    await expect(alert).toContainText(
      /No dataset was found at http:\/\/127\.0\.0\.1:\d+\/data\/nope\.json: the server answered with a web page \(HTML\)/,
    );
    await expect(alert).not.toContainText('not valid JSON');
    await d.open(`data=${encodeURIComponent(`${FIXTURES}/spa/data/x.json`)}`);
    await expect(page.getByRole('alert')).toContainText(/No dataset was found at/);
  });
});
