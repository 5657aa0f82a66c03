import { randomUUID } from 'node:crypto';
import { join } from 'node:path';
import { runCommand } from '../../infra/src/local/run-command';
import { REPO_ROOT } from '../../scripts/lib/platform-runner';
import { signInAsStaff } from './support/console';
import { expect, expectNoAxeViolations, screenshot, test } from './support/fixtures';

/**
 * The console's „Betrieb“ (issue 17, item 4) as the office's head, who also runs the platform
 * (STAFF_OPERATIONS): an announcement that breaks its contract is given up by every service that
 * reads it; the overview counts it, the page lists each with its reason and error, one is redelivered
 * (it fails again and comes back as a new open message; the first stays redelivered, once) and one
 * is discarded with a note. The second staff account sees neither the page nor its link.
 */
test.describe('Office console: Betrieb (dead letters)', () => {
  test(
    'lists the dead letters, redelivers one once and discards one with a note',
    { tag: '@phone' },
    async ({ page }) => {
      const eventId = randomUUID();
      const ceId = (
        await runCommand(
          join(REPO_ROOT, 'node_modules', '.bin', 'tsx'),
          [join(__dirname, 'support', 'broken-announcement.ts'), eventId],
          { cwd: REPO_ROOT },
        )
      ).trim();

      await signInAsStaff(page);
      const main = page.getByRole('main');
      const overview = main.getByRole('region', { name: 'Nicht zugestellte Nachrichten' });
      await expect(
        overview.getByRole('link', { name: /offenen? Nachrichten? auf der Seite „Betrieb“/ }),
      ).toBeVisible();

      await page
        .getByRole('navigation', { name: 'Navigation der Geschäftsstelle' })
        .getByRole('link', { name: 'Betrieb' })
        .click();
      await expect(main.getByRole('heading', { level: 1, name: 'Betrieb' })).toBeVisible();
      await main.getByLabel('Herkunft').selectOption('Veranstaltungen');
      await main.getByRole('button', { name: 'Anzeigen', exact: true }).click();
      await expect(page).toHaveURL(/\/geschaeftsstelle\/betrieb\?stand=open&herkunft=ic\.events\.v1$/);

      const ofThisEvent = main.getByRole('listitem').filter({ hasText: ceId });
      const ofNotifications = ofThisEvent.filter({ hasText: 'notifications.events' });
      const ofRegistrations = ofThisEvent.filter({ hasText: 'registrations.events' });
      await expect(async () => {
        await main.getByRole('button', { name: 'Neu laden' }).click();
        await expect(ofNotifications).toHaveCount(1, { timeout: 2000 });
        await expect(ofRegistrations).toHaveCount(1, { timeout: 2000 });
      }).toPass({ timeout: 60_000 });
      await expect(ofNotifications).toContainText('Inhalt entspricht nicht dem vereinbarten Format');
      await expect(ofNotifications.getByRole('heading', { level: 3 })).toHaveText(
        'EventAnnounced (Veranstaltungen)',
      );
      // On a phone the picture shows one message; on a desktop the page's head with the first ones.
      if (test.info().project.name === 'phone') await ofNotifications.scrollIntoViewIfNeeded();
      await expectNoAxeViolations(page);
      await screenshot(page, 'console-betrieb');

      // Redeliver the one of the notifications service: it fails again and comes back as a new open message.
      await ofNotifications
        .getByRole('button', { name: 'EventAnnounced (Veranstaltungen) erneut zustellen' })
        .click();
      const redeliverDialog = page.getByRole('dialog', { name: 'Nachricht erneut zustellen?' });
      await expect(redeliverDialog).toContainText('(notifications.events)');
      await expectNoAxeViolations(page);
      await redeliverDialog.getByRole('button', { name: 'Ja, erneut zustellen' }).click();
      await expect(main.getByRole('status').filter({ hasText: 'wurde erneut zugestellt.' })).toBeVisible();
      await expect(async () => {
        await main.getByRole('button', { name: 'Neu laden' }).click();
        await expect(ofNotifications).toHaveCount(1, { timeout: 2000 });
        await expect(ofNotifications).toContainText('Stand: Offen', { timeout: 2000 });
      }).toPass({ timeout: 60_000 });

      // Discard the one of the registrations service, with a note.
      await ofRegistrations
        .getByRole('button', { name: 'EventAnnounced (Veranstaltungen) verwerfen' })
        .click();
      const discardDialog = page.getByRole('dialog', { name: 'Nachricht verwerfen?' });
      await discardDialog.getByLabel(/Vermerk/).fill('Testnachricht aus dem Browsertest, hinfällig');
      await discardDialog.getByRole('button', { name: 'Verwerfen' }).click();
      await expect(main.getByRole('status').filter({ hasText: 'wurde verworfen.' })).toBeVisible();
      await expect(ofRegistrations).toHaveCount(0);

      // The redelivered and the discarded ones under their states, each once.
      await main.getByLabel('Stand').selectOption('Erneut zugestellt');
      await main.getByRole('button', { name: 'Anzeigen', exact: true }).click();
      await expect(ofNotifications).toHaveCount(1);
      await expect(ofNotifications).toContainText('Erneut zugestellt am');
      await expect(ofNotifications.getByRole('button')).toHaveCount(0);
      await main.getByLabel('Stand').selectOption('Verworfen');
      await main.getByRole('button', { name: 'Anzeigen', exact: true }).click();
      await expect(ofRegistrations).toContainText('Testnachricht aus dem Browsertest, hinfällig');
      await expectNoAxeViolations(page);
    },
  );

  test('the office without the operations role sees neither the page nor its link', async ({ browser }) => {
    const context = await browser.newContext();
    const page = await context.newPage();
    await signInAsStaff(page, '/geschaeftsstelle/betrieb', 1);
    const main = page.getByRole('main');
    await expect(
      main.getByText(/nur Konten der Geschäftsstelle zur Verfügung, die auch den Betrieb/),
    ).toBeVisible();
    await expect(
      page
        .getByRole('navigation', { name: 'Navigation der Geschäftsstelle' })
        .getByRole('link', { name: 'Betrieb' }),
    ).toHaveCount(0);
    await expectNoAxeViolations(page);
    await context.close();
  });
});
