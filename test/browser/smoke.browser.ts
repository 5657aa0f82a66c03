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
