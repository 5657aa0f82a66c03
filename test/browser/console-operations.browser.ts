import { join } from 'node:path';
import { runCommand } from '../../infra/src/local/run-command';
import { REPO_ROOT } from '../../scripts/lib/platform-runner';
import { signInAsStaff } from './support/console';
import { expect, expectNoAxeViolations, screenshot, test } from './support/fixtures';

const NAME = 'SignInLinkRequested (Mitgliedschaft)';

/**
 * The console's „Betrieb“ (issue 17, item 4) as the office's head, who also runs the platform
 * (STAFF_OPERATIONS): a sign-in link for a member the notifications service has no contact for is
 * given up after its retries; the overview counts it, the page lists it with its reason and error,
 * it is redelivered once (it fails again and comes back as a new open message; the first stays
 * redelivered) and the new one is discarded with a note. The second staff account sees neither the
 * page nor its link.
 */
test.describe('Office console: Betrieb (dead letters)', () => {
  test(
    'lists a dead letter, redelivers it once and discards the next one with a note',
    { tag: '@phone' },
    async ({ page }) => {
      const ceId = (
        await runCommand(
          join(REPO_ROOT, 'node_modules', '.bin', 'tsx'),
          [join(__dirname, 'support', 'unknown-member-sign-in.ts')],
          { cwd: REPO_ROOT },
        )
      ).trim();

      await signInAsStaff(page);
      const main = page.getByRole('main');
      const overview = main.getByRole('region', { name: 'Nicht zugestellte Nachrichten' });
      // The service tries a few times before it gives up: on a busy machine that takes a while.
      await expect(async () => {
        await main.getByRole('button', { name: 'Aktualisieren' }).click();
        await expect(
          overview.getByRole('link', { name: /offenen? Nachricht(en)? auf der Seite „Betrieb“/ }),
        ).toBeVisible({ timeout: 2000 });
      }).toPass({ timeout: 90_000 });

      await page
        .getByRole('navigation', { name: 'Navigation der Geschäftsstelle' })
        .getByRole('link', { name: 'Betrieb' })
        .click();
      await expect(main.getByRole('heading', { level: 1, name: 'Betrieb' })).toBeVisible();
      await main.getByLabel('Herkunft').selectOption('Mitgliedschaft');
      await main.getByRole('button', { name: 'Anzeigen', exact: true }).click();
      await expect(page).toHaveURL(/\/geschaeftsstelle\/betrieb\?stand=open&herkunft=ic\.membership\.v1$/);

      const ofThisEvent = main.getByRole('listitem').filter({ hasText: ceId });
      await expect(async () => {
        await main.getByRole('button', { name: 'Neu laden' }).click();
        await expect(ofThisEvent).toHaveCount(1, { timeout: 2000 });
      }).toPass({ timeout: 60_000 });
      await expect(ofThisEvent.getByRole('heading', { level: 3 })).toHaveText(NAME);
      await expect(ofThisEvent).toContainText('Verarbeitung nach allen Versuchen gescheitert');
      await expect(ofThisEvent).toContainText('liegen keine Kontaktdaten vor');
      await expect(ofThisEvent).toContainText('notifications.events');
      // On a phone the picture shows the message; on a desktop the page's head with the first ones.
      if (test.info().project.name === 'phone') await ofThisEvent.scrollIntoViewIfNeeded();
      await expectNoAxeViolations(page);
      await screenshot(page, 'console-betrieb');

      // Redelivered: the contact is still unknown, so it fails again and comes back as a new open message.
      const first = await ofThisEvent.getByText(/^ic\.membership\.v1\.dlt:/).textContent();
      await ofThisEvent.getByRole('button', { name: `${NAME} erneut zustellen` }).click();
      const redeliverDialog = page.getByRole('dialog', { name: 'Nachricht erneut zustellen?' });
      await expect(redeliverDialog).toContainText('(notifications.events)');
      await expectNoAxeViolations(page);
      await redeliverDialog.getByRole('button', { name: 'Ja, erneut zustellen' }).click();
      await expect(main.getByRole('status').filter({ hasText: 'wurde erneut zugestellt.' })).toBeVisible();
      await expect(async () => {
        await main.getByRole('button', { name: 'Neu laden' }).click();
        await expect(ofThisEvent).toHaveCount(1, { timeout: 2000 });
        await expect(ofThisEvent).not.toContainText(first ?? '(none)', { timeout: 2000 });
      }).toPass({ timeout: 60_000 });

      // The new one is discarded, with a note.
      await ofThisEvent.getByRole('button', { name: `${NAME} verwerfen` }).click();
      const discardDialog = page.getByRole('dialog', { name: 'Nachricht verwerfen?' });
      await discardDialog.getByRole('button', { name: 'Verwerfen' }).click();
      await expect(discardDialog).toContainText(
        'Bitte geben Sie einen Vermerk mit mindestens 3 Zeichen ein.',
      );
      await discardDialog.getByLabel(/Vermerk/).fill('Testnachricht aus dem Browsertest, hinfällig');
      await discardDialog.getByRole('button', { name: 'Verwerfen' }).click();
      await expect(main.getByRole('status').filter({ hasText: 'wurde verworfen.' })).toBeVisible();
      await expect(ofThisEvent).toHaveCount(0);

      // Each under its state, once, without buttons.
      await main.getByLabel('Stand').selectOption('Erneut zugestellt');
      await main.getByRole('button', { name: 'Anzeigen', exact: true }).click();
      await expect(ofThisEvent).toHaveCount(1);
      await expect(ofThisEvent).toContainText('Erneut zugestellt am');
      await expect(ofThisEvent.getByRole('button')).toHaveCount(0);
      await main.getByLabel('Stand').selectOption('Verworfen');
      await main.getByRole('button', { name: 'Anzeigen', exact: true }).click();
      await expect(ofThisEvent).toHaveCount(1);
      await expect(ofThisEvent).toContainText('Testnachricht aus dem Browsertest, hinfällig');
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
