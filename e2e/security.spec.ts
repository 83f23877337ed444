import { expect, test } from '@playwright/test';
import { Dashboard, FIXTURES } from './pages/Dashboard';

test.describe('hostile data: nothing runs, nothing loads, nothing is lost', () => {
  test('every payload renders as literal text in timeline, lanes, list, sidebar, tooltip and details', async ({
    page,
  }) => {
    const dialogs: string[] = [];
    const requests: string[] = [];
    const errors: string[] = [];
    page.on('dialog', (d) => {
      dialogs.push(d.message());
      void d.dismiss();
    });
    page.on('request', (r) => requests.push(r.url()));
    page.on('pageerror', (e) => errors.push(e.message));
    const d = new Dashboard(page);
    await d.open(`data=${encodeURIComponent(`${FIXTURES}/hostile.json`)}&group=actor`);
    await d.expectShowing(10, 10);

    // The payload reads as text in the dataset title, the list and the timeline.
    await expect(
      page.getByRole('heading', { level: 2, name: /<img src=x onerror=/ }),
    ).toBeVisible();
    await expect(d.events.getByRole('cell', { name: /<svg onload=/ }).first()).toBeVisible();
    await expect(
      d.chart.contentsWithText('<script>window.__pwned=5</script>').first(),
    ).toBeVisible();
    await expect(d.chart.laneLabels('<img src=x').first()).toBeVisible();
    await expect(d.entities.getByText(/<img src=x onerror=/).first()).toBeVisible();

    await d.chart.contentsWithText('<iframe').first().hover();
    await expect(d.chart.tooltip).toContainText('<iframe srcdoc=');

    await d.eventRows().filter({ hasText: '<a href="javascript:' }).first().click();
    const sources = d.details.getByRole('region', { name: 'Sources' });
    await expect(sources.getByRole('listitem')).toHaveCount(3);
    // javascript: and data: URLs are shown as text, never as links; the https one is a safe link.
    await expect(sources.getByRole('link')).toHaveCount(1);
    const safe = sources.getByRole('link', { name: 'safe link' });
    await expect(safe).toHaveAttribute('href', 'https://example.org/safe');
    await expect(safe).toHaveAttribute('target', '_blank');
    await expect(safe).toHaveAttribute('rel', 'noopener noreferrer');
    await expect(sources).toContainText('javascript:window.__pwned=6');
    await expect(d.details.getByRole('region', { name: 'Other fields' })).toContainText('polluted');

    // Nothing the payloads wanted happened.
    const app = page.locator('#root');
    for (const tag of ['img', 'iframe', 'script', 'object', 'embed', 'style'])
      await expect(app.locator(tag)).toHaveCount(0);
    await expect(
      app.locator('svg[onload], [onerror], [onload], a[href^="javascript:"], a[href^="data:"]'),
    ).toHaveCount(0);
    expect(
      await page.evaluate(() => (window as unknown as { __pwned?: unknown }).__pwned),
    ).toBeUndefined();
    expect(await page.evaluate(() => (({}) as Record<string, unknown>).polluted)).toBeUndefined();
    await expect(page.locator('body')).toBeVisible();
    expect(dialogs).toEqual([]);
    expect(requests.filter((u) => u.includes('attacker.invalid'))).toEqual([]);
    expect(errors).toEqual([]);
  });

  test('the page stays responsive with a 10 MB field', async ({ page }) => {
    const d = new Dashboard(page);
    await d.open();
    await d.dropFile(
      'big.json',
      JSON.stringify({
        events: [
          {
            id: 'big',
            title: 'Big description',
            start: '2024-01-01',
            description: 'word '.repeat(2 * 2 ** 20),
          },
          { id: 'small', title: 'Small', start: '2024-01-02' },
        ],
      }),
    );
    await d.expectShowing(2, 2);
    await d.eventRows().filter({ hasText: 'Big description' }).click();
    await expect(d.details).toContainText('(1–10,000 of 10,485,760 characters)');
    await expect(
      d.details.getByRole('button', { name: 'Show more of the description' }),
    ).toBeVisible();
    await page.keyboard.press('j');
    await expect.poll(() => d.params().get('event')).toBe('small');
  });

  test('the built app carries a Content-Security-Policy that blocks inline script', async ({
    page,
  }) => {
    const d = new Dashboard(page);
    await d.open();
    await d.expectShowing(7, 7);
    const csp = await page
      .locator('meta[http-equiv="Content-Security-Policy"]')
      .getAttribute('content');
    expect(csp).toContain("script-src 'self'");
    expect(csp).toContain("object-src 'none'");
    expect(csp).toContain("base-uri 'none'");
    const violations: string[] = [];
    await page.exposeFunction('reportViolation', (v: string) => violations.push(v));
    const ran = await page.evaluate(async () => {
      document.addEventListener('securitypolicyviolation', (e) =>
        (window as unknown as { reportViolation(v: string): void }).reportViolation(
          e.violatedDirective,
        ),
      );
      const s = document.createElement('script');
      s.textContent = 'window.__inline = 1';
      document.body.append(s);
      await new Promise((r) => setTimeout(r, 100));
      return (window as unknown as { __inline?: number }).__inline;
    });
    expect(ran).toBeUndefined();
    await expect.poll(() => violations).toContain('script-src-elem');
  });

  test('a search worker that fails after the load is reported; filters keep working', async ({
    page,
  }) => {
    const d = new Dashboard(page);
    await d.open();
    await d.expectShowing(7, 7);
    await expect(d.search).not.toHaveAttribute('aria-busy', 'true');
    const worker = page.workers().find((w) => w.url().includes('loader.worker'));
    expect(worker).toBeDefined();
    // An uncaught error in the worker reaches the page as the worker's error event.
    await worker!.evaluate(() => {
      setTimeout(() => {
        throw new Error('simulated crash');
      });
    });
    await expect(d.search).toHaveAttribute('placeholder', /Search is unavailable/);
    await d.search.fill('aid');
    await d.search.press('Enter');
    await expect(d.filters.getByText(/Search is unavailable/).first()).toBeVisible();
    await d.expectShowing(7, 7);
    await d.entityCheckbox('John Kirby').check();
    await d.expectShowing(2, 7);
  });

  test('a timeline library that cannot be downloaded is reported in its panel; the rest works', async ({
    page,
  }) => {
    await page.route('**/assets/vis-*.js', (route) => route.abort());
    const d = new Dashboard(page);
    await d.open();
    await d.expectShowing(7, 7);
    await expect(d.timeline.getByRole('alert')).toContainText('The Timeline panel hit a problem');
    await expect(d.eventRows()).toHaveCount(7);
    await d.entityCheckbox('John Kirby').check();
    await d.expectShowing(2, 7);
    await expect(d.eventRows()).toHaveCount(2);
  });

  test('a stalled dataset fetch times out with a retry', async ({ page }) => {
    test.slow();
    const d = new Dashboard(page);
    await page.clock.install();
    await d.open(`data=${encodeURIComponent(`${FIXTURES}/stall`)}`);
    await expect(page.getByRole('group', { name: 'Loading' })).toBeVisible();
    await page.clock.fastForward(31_000);
    const alert = page.getByRole('alert');
    await expect(alert).toContainText(/stalled for 30 s/);
    await expect(alert.getByRole('button', { name: 'Retry' })).toBeVisible();
  });
});
