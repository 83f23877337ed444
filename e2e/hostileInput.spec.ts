import { expect, test } from '@playwright/test';
import { Dashboard, FIXTURES } from './pages/Dashboard';

// Hostile input, round two (issue #26): each case ends in a clear message or a correct result.
test.describe('hostile input, round two', () => {
  test('Load from URL takes a signed URL of 1,500 characters and refuses a too-long one at once', async ({
    page,
  }) => {
    const d = new Dashboard(page);
    await d.open();
    await d.expectShowing(7, 7);
    const signed = `${FIXTURES}/partial.json?X-Amz-Signature=${'a1'.repeat(750)}`;
    await d.loadFromUrl(signed);
    await expect(page.getByRole('heading', { name: 'Partial load test' })).toBeVisible();
    expect(d.params().get('data')).toBe(signed);

    const tooLong = `${FIXTURES}/partial.json?s=${'b'.repeat(9000)}`;
    await d.loadFromUrl(tooLong);
    const nav = page.getByRole('navigation', { name: 'Dataset and view' });
    await expect(nav.getByRole('alert')).toHaveText(
      /^This address is 9,\d{3} characters long; Chronoscope loads dataset addresses of up to 8,000 characters\.$/,
    );
    // Nothing else was opened behind the analyst's back.
    expect(d.params().get('data')).toBe(signed);
  });

  test('Timesketch JSONL with a long first line and a malformed line loads, reporting the bad line', async ({
    page,
  }) => {
    const d = new Dashboard(page);
    await d.open();
    const line = (i: number, extra = '') =>
      JSON.stringify({
        message: `Logon ${i}`,
        datetime: `2024-01-0${i}T10:00:00Z`,
        timestamp_desc: 'Event Recorded',
        ...(extra ? { blob: extra } : {}),
      });
    await d.dropFile(
      'timeline.jsonl',
      [line(1, 'x'.repeat(6000)), '{"message": "cut off", "datetime": ', line(3)].join('\n'),
      'application/x-ndjson',
    );
    await d.expectShowing(2, 2);
    // The load report sits with the status, under the dataset's name.
    await expect(
      page.getByRole('banner').getByRole('button', { name: /^1 event skipped/ }),
    ).toBeVisible();
    await expect(page.getByText('· Timesketch JSONL, UTF-8')).toBeVisible();
  });

  test('a "__proto__" column of a Timesketch CSV is shown as data', async ({ page }) => {
    const d = new Dashboard(page);
    await d.open();
    await d.dropFile(
      'ts.csv',
      'message,datetime,timestamp_desc,__proto__\nLogon,2024-01-01T10:00:00Z,Write,kept as data\n',
      'text/csv',
    );
    await d.expectShowing(1, 1);
    await d.eventRows().first().click();
    const other = d.details.getByRole('region', { name: 'Other fields' });
    await expect(other).toContainText('__proto__');
    await expect(other).toContainText('kept as data');
  });

  test('a source URL with a user name and password is shown as text, not a link', async ({
    page,
  }) => {
    const d = new Dashboard(page);
    await d.open();
    await d.dropFile(
      'creds.json',
      JSON.stringify({
        events: [
          {
            id: 'a',
            title: 'Credentials',
            start: '2024-01-01',
            sources: [{ title: 'Login link', url: 'https://user:pass@example.org/' }],
          },
        ],
      }),
    );
    await d.expectShowing(1, 1);
    await d.eventRows().first().click();
    const sources = d.details.getByRole('region', { name: 'Sources' });
    await expect(sources.getByText('Login link')).toBeVisible();
    await expect(sources.getByRole('link')).toHaveCount(0);
    await expect(sources).toContainText('https://user:pass@example.org/');
  });

  test('the server forbids framing the app', async ({ page }) => {
    const res = await page.goto('/');
    expect(res?.headers()['content-security-policy']).toContain("frame-ancestors 'none'");
    expect(res?.headers()['x-frame-options']).toBe('DENY');
    await page.goto(`${FIXTURES}/partial.json`);
    await page.setContent(
      `<iframe title="framed" src="${new URL('/', page.url()).href}"></iframe>`,
    );
    const app = page.frameLocator('iframe[title="framed"]').getByRole('heading', {
      name: 'Chronoscope',
    });
    await page.waitForTimeout(1500);
    await expect(app).toHaveCount(0);
  });
});
