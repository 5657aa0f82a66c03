import { randomBytes, randomUUID } from 'node:crypto';
import type { E2eClient } from '../support/e2e-client';
import type { SinkMessage } from '../support/mail-sink';
import { eventually } from '../support/eventually';
import { berlinMinute } from './support/berlin-time';
import { signInAsStaff } from './support/console';
import { expect, expectNoAxeViolations, screenshot, test } from './support/fixtures';
import { appointedMember } from './support/members';

/**
 * The office's events in the console (issue 13): the office finds a draft in the list through its
 * filters, opens it, uploads the programme PDF, announces it (the confirmation says how many members
 * get the announcement; the mail reaches a member), opens registration early and closes it again,
 * and cancels another event with a reason that reaches the member registered for it.
 */

const DAY = 24 * 60 * 60 * 1000;

interface CreatedEvent {
  readonly eventId: string;
  readonly status: string;
  readonly title: string;
}

/** A day of its own far ahead (after the years the end-to-end tests use), so that the period filter finds this run's event. */
function dayOfRun() {
  const year = 2091 + Math.floor(Math.random() * 10);
  const first = Date.UTC(year, 2, 1) + Math.floor(Math.random() * 250) * DAY;
  const day = (offset: number) => new Date(first + offset * DAY).toISOString().slice(0, 10);
  return { year, day };
}

function loungeBody(title: string, day: (offset: number) => string, opensAt: string) {
  return {
    title,
    description: 'Ein Abend **Austausch** über Kooperation zwischen Kommunen.',
    // A theme few members choose: the announcement goes to those who share it.
    themes: ['Kooperation'],
    announceTo: 'matching-themes',
    capacity: 30,
    registration: { opensAt, closesAt: `${day(-1)}T23:59` },
    audience: 'members',
    startsAt: `${day(0)}T18:00`,
    endsAt: `${day(0)}T21:00`,
    topic: 'Gemeinsam stärker',
    host: { name: 'Ulm', ags: '08421000', federalState: 'BW' },
    venue: {
      name: 'Stadthaus Ulm',
      street: 'Münsterplatz 50',
      postalCode: '89073',
      city: 'Ulm',
      federalState: 'BW',
    },
  };
}

/** A PDF as the events service recognises one: the header, then any content. */
function pdfOf(size: number): Buffer {
  const head = Buffer.from('%PDF-1.7\n', 'latin1');
  const tail = Buffer.from('\n%%EOF\n', 'latin1');
  return Buffer.concat([head, randomBytes(size - head.length - tail.length), tail]);
}

/** The first mail to the address that fits, waited for up to a minute. */
async function mailWith(api: E2eClient, email: string, fits: (message: SinkMessage) => boolean) {
  return eventually(
    async () => {
      const found = (await api.mailsTo(email)).find(fits);
      if (!found) throw new Error(`no such mail to ${email} yet`);
      return found;
    },
    60_000,
    250,
  );
}

test.describe('Office console: events', () => {
  test('the office finds a draft, uploads its programme, announces it, opens and closes registration, and cancels another event with a reason', async ({
    page,
    api,
    staffToken,
  }) => {
    test.setTimeout(180_000);
    const { year, day } = dayOfRun();
    const unique = randomUUID().slice(0, 6);
    const interested = await appointedMember(api, staffToken, {
      firstName: 'Klara',
      lastName: 'Kooperativ',
      themes: ['Kooperation'],
    });
    const registered = await appointedMember(api, staffToken, { firstName: 'Rolf', lastName: 'Angemeldet' });

    // The draft this journey is about, arranged as the event forms would leave it.
    const draftTitle = `Innovators Lounge ${year} Kooperation ${unique}`;
    const draftCreated = await api.call<CreatedEvent>('POST', '/events/lounges', {
      token: staffToken,
      body: loungeBody(draftTitle, day, `${day(-30)}T09:00`),
    });
    expect(draftCreated.status, draftCreated.text).toBe(201);
    const draft = draftCreated.body;

    // Another event, open for registration, with a registered member.
    const otherTitle = `Innovators Lounge ${year} Absage ${unique}`;
    const other = await api.publishEvent<CreatedEvent>(
      staffToken,
      'lounges',
      loungeBody(otherTitle, (offset) => day(offset + 1), berlinMinute(Date.now() - 60 * 60 * 1000)),
      'registration-open',
    );
    const registration = await api.callRetrying('POST', `/events/${other.eventId}/registrations`, {
      token: staffToken,
      body: { memberId: registered.memberId },
    });
    expect(registration.status, registration.text).toBe(201);

    // ---- the list: the office finds its draft through the filters
    await signInAsStaff(page, '/geschaeftsstelle/veranstaltungen');
    const main = page.getByRole('main');
    await expect(main.getByRole('heading', { level: 1, name: 'Veranstaltungen' })).toBeVisible();
    await expect(main.getByRole('link', { name: 'Innovators Lounge anlegen' })).toHaveAttribute(
      'href',
      '/geschaeftsstelle/veranstaltungen/neu/innovators-lounge',
    );
    await main.getByLabel('Art').selectOption({ label: 'Innovators Lounge' });
    await main.getByLabel('Stand').selectOption({ label: 'Entwurf' });
    const german = (iso: string) => iso.split('-').reverse().join('.');
    await main.getByLabel('Von').fill(german(day(0)));
    await main.getByLabel('Bis').fill(german(day(0)));
    await main.getByRole('button', { name: 'Filter anwenden' }).click();
    await expect(page).toHaveURL(
      new RegExp(
        `/geschaeftsstelle/veranstaltungen\\?art=innovators-lounge&stand=entwurf&von=${day(0)}&bis=${day(0)}$`,
      ),
    );
    const row = main.getByRole('row').filter({ has: page.getByRole('link', { name: draftTitle }) });
    await expect(row.getByText('Entwurf')).toBeVisible();
    await expect(row.getByText('0 von 30')).toBeVisible();
    await expectNoAxeViolations(page);
    await screenshot(page, 'console-veranstaltungen');

    // ---- the event's page
    await row.getByRole('link', { name: draftTitle }).click();
    await expect(main.getByRole('heading', { level: 1, name: draftTitle })).toBeVisible();
    await expect(main.getByRole('link', { name: 'Bearbeiten' })).toHaveAttribute(
      'href',
      `/geschaeftsstelle/veranstaltungen/${draft.eventId}/bearbeiten`,
    );
    await expect(main.getByRole('link', { name: 'Teilnehmende' })).toBeVisible();
    await expect(main.getByRole('link', { name: 'Einlass' })).toBeVisible();
    await expectNoAxeViolations(page);

    // ---- the programme PDF
    const documents = main.getByRole('region', { name: 'Unterlagen' });
    await documents.getByLabel('Datei').setInputFiles({
      name: 'programm.pdf',
      mimeType: 'application/pdf',
      buffer: pdfOf(30_000),
    });
    await documents.getByLabel('Titel').fill('Programm des Abends');
    await documents.getByRole('button', { name: 'Hochladen' }).click();
    await expect(documents.getByText('„Programm des Abends“ wurde hochgeladen.')).toBeVisible();
    const download = documents.getByRole('link', { name: 'Programm des Abends' });
    await expect(download).toHaveAttribute('href', new RegExp(`/api/v1/events/${draft.eventId}/documents/`));
    await expect(documents.getByText(/Programm · PDF-Dokument · 29 KB/)).toBeVisible();
    // A picture is no programme: refused beside the field before anything is sent.
    await documents.getByLabel('Datei').setInputFiles({
      name: 'bild.png',
      mimeType: 'image/png',
      buffer: Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    });
    await documents.getByRole('button', { name: 'Hochladen' }).click();
    await expect(documents.getByText('Ein Programm muss ein PDF sein.')).toBeVisible();
    await expectNoAxeViolations(page);

    // ---- announce: the question says who is told, counted as the mails will be addressed
    const lifecycle = main.getByRole('region', { name: 'Stand ändern' });
    const audience = await api.call<{ announcement: number }>('GET', `/events/${draft.eventId}/audience`, {
      token: staffToken,
    });
    expect(audience.status, audience.text).toBe(200);
    expect(audience.body.announcement).toBeGreaterThanOrEqual(1);
    await lifecycle.getByRole('button', { name: 'Ankündigen' }).click();
    const announceDialog = page.getByRole('dialog', { name: 'Veranstaltung ankündigen?' });
    await expect(
      announceDialog.getByText(
        audience.body.announcement === 1
          ? 'Das 1 Mitglied mit einem passenden Themenfeld, die Ankündigungen erhalten möchten, erhält eine Ankündigung per E-Mail.'
          : `Die ${audience.body.announcement.toLocaleString('de-DE')} Mitglieder mit einem passenden Themenfeld, die Ankündigungen erhalten möchten, erhalten eine Ankündigung per E-Mail.`,
      ),
    ).toBeVisible();
    await expectNoAxeViolations(page);
    await screenshot(page, 'console-veranstaltung-ankuendigen');
    await announceDialog.getByRole('button', { name: 'Ja, jetzt ankündigen' }).click();
    await expect(lifecycle.getByText(/Die Veranstaltung ist angekündigt/)).toBeVisible();
    await expect(lifecycle.getByText('Die Veranstaltung ist im Stand „Angekündigt“.')).toBeVisible();
    const announcement = await mailWith(
      api,
      interested.email,
      (message) => message.subject.startsWith('Ankündigung') && message.subject.includes(draftTitle),
    );
    expect(announcement.text).toContain(draftTitle);

    // ---- open registration early, then close it
    await lifecycle.getByRole('button', { name: 'Anmeldung jetzt öffnen' }).click();
    const openDialog = page.getByRole('dialog', { name: 'Anmeldung vorzeitig öffnen?' });
    await expect(
      openDialog.getByText(
        /erhalten die Nachricht „Anmeldung geöffnet“|erhält die Nachricht „Anmeldung geöffnet“|niemand eine Nachricht/,
      ),
    ).toBeVisible();
    await expectNoAxeViolations(page);
    await openDialog.getByRole('button', { name: 'Ja, Anmeldung öffnen' }).click();
    await expect(lifecycle.getByText('Die Veranstaltung ist im Stand „Anmeldung offen“.')).toBeVisible();

    await lifecycle.getByRole('button', { name: 'Anmeldung jetzt schließen' }).click();
    const closeDialog = page.getByRole('dialog', { name: 'Anmeldung vorzeitig schließen?' });
    await expect(closeDialog.getByText(/^Niemand wird benachrichtigt\./)).toBeVisible();
    await closeDialog.getByRole('button', { name: 'Ja, Anmeldung schließen' }).click();
    await expect(
      lifecycle.getByText('Die Veranstaltung ist im Stand „Anmeldung geschlossen“.'),
    ).toBeVisible();
    await expect(lifecycle.getByRole('button', { name: 'Anmeldung jetzt öffnen' })).toBeHidden();
    await expectNoAxeViolations(page);
    await screenshot(page, 'console-veranstaltung');

    // ---- cancel the other event with a reason
    await page.goto(`/geschaeftsstelle/veranstaltungen/${other.eventId}`);
    await expect(main.getByRole('heading', { level: 1, name: otherTitle })).toBeVisible();
    const otherLifecycle = main.getByRole('region', { name: 'Stand ändern' });
    await otherLifecycle.getByRole('button', { name: 'Absagen' }).click();
    const cancelDialog = page.getByRole('dialog', { name: 'Veranstaltung absagen?' });
    await expect(
      cancelDialog.getByText(
        'Die 1 Angemeldete und 0 Wartenden erhalten eine Absage mit Ihrer Begründung per E-Mail.',
      ),
    ).toBeVisible();
    await cancelDialog.getByRole('button', { name: 'Ja, absagen' }).click();
    await expect(cancelDialog.getByText('Bitte geben Sie eine Begründung ein.')).toBeVisible();
    await expectNoAxeViolations(page);
    const reason = `Der Gastgeber ist verhindert (${unique}).`;
    await cancelDialog.getByLabel('Begründung').fill(reason);
    await cancelDialog.getByRole('button', { name: 'Ja, absagen' }).click();
    await expect(main.getByRole('region', { name: 'Abgesagt' })).toContainText(reason);
    await expect(otherLifecycle.getByRole('button')).toHaveCount(0);
    await expectNoAxeViolations(page);

    const cancellation = await mailWith(
      api,
      registered.email,
      (message) => message.subject.startsWith('Abgesagt') && (message.text ?? '').includes(reason),
    );
    expect(cancellation.subject).toContain(otherTitle);
  });
});
