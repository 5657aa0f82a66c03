import { randomUUID } from 'node:crypto';
import { expect, expectNoAxeViolations, screenshot, test } from './support/fixtures';

test.describe('Home page', () => {
  test(
    'shows its heading in the main landmark and passes axe (WCAG 2.1 AA)',
    { tag: '@phone' },
    async ({ page }) => {
      const response = await page.goto('/');
      expect(response?.status()).toBe(200);
      await expect(page).toHaveTitle(/Innovators Club/);

      const main = page.getByRole('main');
      await expect(main).toBeVisible();
      await expect(main.getByRole('heading', { level: 1, name: 'Innovators Club' })).toBeVisible();
      await expect(page.getByRole('navigation', { name: 'Hauptnavigation' })).toBeVisible();

      await expectNoAxeViolations(page);
      await screenshot(page, 'startseite');
    },
  );
});

test.describe('Browser test platform', () => {
  test('arranges data as the office and finds the mail, whose link leads to the gateway under test', async ({
    api,
    mail,
    staffToken,
    baseURL,
  }) => {
    const email = `harness.${randomUUID().slice(0, 8)}@kalletal.example`;
    const invited = await api.callRetrying('POST', '/invitations', {
      token: staffToken,
      body: {
        salutation: 'Frau',
        officeTitle: 'Bürgermeisterin',
        firstName: 'Hanna',
        lastName: 'Harness',
        email,
        organisation: 'Gemeinde Kalletal',
        sector: 'Kommune',
        federalState: 'NW',
        municipality: { name: 'Kalletal', ags: '05766040', population: 13_900 },
        themes: ['Digitalisierung'],
      },
    });
    expect(invited.status, invited.text).toBe(201);

    const link = await mail.linkFromMail(email, 'einladung');
    expect(link.url).toBe(`${baseURL}/einladung/${link.token}`);
    expect(link.message.to).toEqual([email]);
  });
});
