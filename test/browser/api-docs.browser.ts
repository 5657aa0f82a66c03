import { expect, test } from './support/fixtures';

test.describe('API documentation', () => {
  test('runs Swagger UI under its Content-Security-Policy and keeps the token under „Authorize“ out of storage', async ({
    page,
    staffToken,
  }) => {
    const refused: string[] = [];
    page.on('console', (message) => {
      if (/Content Security Policy/i.test(message.text())) refused.push(message.text());
    });

    const response = await page.goto('/api/docs');
    expect(response?.headers()['content-security-policy']).toContain("frame-ancestors 'none'");
    await expect(page.getByRole('heading', { name: /Innovators Club API/ })).toBeVisible();

    await page.getByRole('button', { name: 'Authorize', exact: true }).click();
    const bearer = page.locator('.auth-container', { hasText: '(http, Bearer)' });
    await bearer.getByRole('textbox', { name: 'auth-bearer-value' }).fill(staffToken);
    await bearer.getByRole('button', { name: 'Apply credentials' }).click();
    await expect(bearer.getByRole('button', { name: 'Remove authorization' })).toBeVisible();
    await bearer.getByRole('button', { name: 'Close' }).click();

    // "Try it out" reaches the API of this origin with the token (the office's list, 401 without it).
    const deliveries = page.locator('.opblock-get', { hasText: '/api/v1/deliveries' }).first();
    await deliveries.locator('.opblock-summary').first().click();
    await deliveries.getByRole('button', { name: 'Try it out' }).click();
    await deliveries.getByRole('button', { name: 'Execute' }).click();
    await expect(deliveries.locator('.live-responses-table tbody .response-col_status')).toHaveText('200');

    const stored = await page.evaluate(() => JSON.stringify({ ...localStorage, ...sessionStorage }));
    expect(stored).not.toContain(staffToken);
    expect(stored).not.toContain('authorized');
    await page.reload();
    await expect(page.getByRole('heading', { name: /Innovators Club API/ })).toBeVisible();
    expect(await page.evaluate(() => JSON.stringify({ ...localStorage }))).not.toContain(staffToken);

    expect(refused).toEqual([]);
  });
});
