import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { fakeGateway, renderPage, staffSession, type FakeRoute } from '../../../test/render';
import { invitation } from './invitationFixtures';

const PATH = '/geschaeftsstelle/berufungen/neu';

const PREVIEW = {
  subject: 'Ihre Berufung in den Innovators Club des DStGB',
  text: 'Sehr geehrte Frau Bürgermeisterin Dr. Müller,\n\n> Wir freuen uns auf Sie.\n\n[Ihr persönlicher Link – wird beim Versand eingesetzt]',
};

function gateway(overrides: Record<string, FakeRoute | { status?: number; body?: unknown }> = {}) {
  return fakeGateway({
    'GET /api/v1/auth/session': staffSession,
    'GET /api/v1/invitations': {
      body: {
        items: [
          invitation(),
          invitation({
            id: '6c1f8b63-4d2f-4e8f-8b62-1a7a2d3c9b21',
            federalState: 'BY',
            municipality: { name: 'Pegnitz', ags: '09472175', population: 13700 },
          }),
        ],
        nextCursor: null,
      },
    },
    'POST /api/v1/invitations/mail-preview': { body: PREVIEW },
    'POST /api/v1/invitations': {
      status: 201,
      body: invitation({
        salutation: 'Frau',
        academicTitle: 'Dr.',
        firstName: 'Anna',
        lastName: 'Müller',
        email: 'anna.mueller@kalletal.example',
      }),
    },
    ...overrides,
  });
}

async function fillPerson(user: ReturnType<typeof userEvent.setup>) {
  await user.selectOptions(await screen.findByLabelText('Anrede'), 'Frau');
  await user.selectOptions(screen.getByLabelText(/Akademischer Titel/), 'Dr.');
  await user.type(screen.getByLabelText(/Amtsbezeichnung/), 'Bürgermeisterin');
  await user.type(screen.getByLabelText('Vorname'), 'Anna');
  await user.type(screen.getByLabelText('Nachname'), 'Müller');
  await user.type(screen.getByLabelText('E-Mail-Adresse'), 'anna.mueller@kalletal.example');
  await user.type(screen.getByLabelText('Organisation'), 'Gemeinde Kalletal');
  await user.selectOptions(screen.getByLabelText('Sektor'), 'Kommune');
}

describe('New invitation (Person berufen)', () => {
  it('appoints a person: the AGS from a known municipality, the preview of the mail, then sending', async () => {
    const sent = gateway();
    const user = userEvent.setup();
    renderPage(PATH);

    expect(await screen.findByRole('heading', { level: 1, name: 'Person berufen' })).toBeVisible();
    await fillPerson(user);
    await user.type(screen.getByLabelText(/Name der Kommune/), 'kall');
    const take = await screen.findByRole('button', { name: 'Kalletal (AGS 05766040) übernehmen' });
    expect(screen.queryByRole('button', { name: /Pegnitz/ })).toBeNull();
    expect(screen.getByText(/AGS 05766040, 13\.900 Einwohner, Nordrhein-Westfalen/)).toBeVisible();
    await user.click(take);

    expect(screen.getByLabelText(/Name der Kommune/)).toHaveValue('Kalletal');
    expect(screen.getByLabelText(/Amtlicher Gemeindeschlüssel/)).toHaveValue('05766040');
    expect(screen.getByLabelText(/Einwohnerzahl/)).toHaveValue('13900');
    expect(screen.getByLabelText('Land')).toHaveValue('NW');
    expect(screen.getByText('Dieser Schlüssel gehört zu Nordrhein-Westfalen.')).toBeVisible();
    await user.click(screen.getByRole('checkbox', { name: 'Klimaschutz' }));
    await user.type(screen.getByLabelText(/Persönliche Worte/), 'Wir freuen uns auf Sie.');
    await user.click(screen.getByRole('button', { name: 'Weiter zur Vorschau' }));

    expect(await screen.findByRole('heading', { level: 2, name: 'Vorschau der E-Mail' })).toHaveFocus();
    expect(screen.getByText(/Ihr persönlicher Link – wird beim Versand eingesetzt/)).toBeVisible();
    expect(screen.getByText('Dr. Anna Müller <anna.mueller@kalletal.example>')).toBeVisible();
    expect(sent.find((request) => request.path === '/api/v1/invitations/mail-preview')?.body).toEqual({
      salutation: 'Frau',
      academicTitle: 'Dr.',
      officeTitle: 'Bürgermeisterin',
      firstName: 'Anna',
      lastName: 'Müller',
      personalMessage: 'Wir freuen uns auf Sie.',
    });

    await user.click(screen.getByRole('button', { name: 'Einladung senden' }));

    expect(await screen.findByRole('heading', { level: 2, name: 'Einladung verschickt' })).toHaveFocus();
    expect(
      screen.getByText(
        'Die Einladung an Dr. Anna Müller ist an anna.mueller@kalletal.example verschickt. Sie gilt bis Montag, 21. Dezember 2026, 11:00 Uhr.',
      ),
    ).toBeVisible();
    const invite = sent.find(
      (request) => request.method === 'POST' && request.path === '/api/v1/invitations',
    );
    expect(invite?.body).toEqual({
      salutation: 'Frau',
      academicTitle: 'Dr.',
      officeTitle: 'Bürgermeisterin',
      firstName: 'Anna',
      lastName: 'Müller',
      email: 'anna.mueller@kalletal.example',
      organisation: 'Gemeinde Kalletal',
      sector: 'Kommune',
      federalState: 'NW',
      municipality: { name: 'Kalletal', ags: '05766040', population: 13900 },
      themes: ['Klimaschutz'],
      personalMessage: 'Wir freuen uns auf Sie.',
    });
    const notice = screen.getByRole('heading', { level: 2, name: 'Einladung verschickt' }).parentElement!;
    expect(within(notice).getByRole('link', { name: 'Zur Liste der Berufungen' })).toHaveAttribute(
      'href',
      '/geschaeftsstelle/berufungen',
    );

    await user.click(screen.getByRole('button', { name: 'Weitere Person berufen' }));
    expect(await screen.findByLabelText('Vorname')).toHaveValue('');
  });

  it('names every missing or wrong entry beside its field and sends nothing', async () => {
    const sent = gateway();
    const user = userEvent.setup();
    renderPage(PATH);

    await user.selectOptions(await screen.findByLabelText('Sektor'), 'Kommune');
    await user.selectOptions(screen.getByLabelText('Land'), 'BY');
    await user.type(screen.getByLabelText(/Amtlicher Gemeindeschlüssel/), '05766040');
    await user.type(screen.getByLabelText(/Einwohnerzahl/), '13.900');
    await user.click(screen.getByRole('button', { name: 'Weiter zur Vorschau' }));

    const summary = await screen.findByRole('alert');
    expect(summary).toHaveTextContent('Bitte korrigieren Sie die 7 markierten Angaben.');
    expect(
      within(summary).getByRole('link', { name: /Vorname: Bitte geben Sie den Vornamen an/ }),
    ).toBeVisible();
    expect(screen.getByLabelText(/Amtlicher Gemeindeschlüssel/)).toHaveAccessibleDescription(
      /Der AGS 05766040 gehört zu Nordrhein-Westfalen, nicht zu Bayern\./,
    );
    expect(screen.getByLabelText(/Einwohnerzahl/)).not.toHaveAttribute('aria-invalid');
    expect(screen.getByLabelText('E-Mail-Adresse')).toHaveAttribute('aria-invalid', 'true');
    expect(sent.filter((request) => request.method === 'POST')).toHaveLength(0);
  });

  it('takes a refusal of sending back to the form, beside the field the server names', async () => {
    gateway({
      'POST /api/v1/invitations': {
        status: 422,
        body: {
          type: 'about:blank',
          title: 'Ungültige Angaben',
          status: 422,
          detail: 'Die Anfrage enthält ungültige Felder: municipality.population.',
          errors: [
            {
              field: 'municipality.population',
              message: 'Die Einwohnerzahl 0 ist nicht plausibel.',
            },
          ],
        },
      },
    });
    const user = userEvent.setup();
    renderPage(PATH);

    await fillPerson(user);
    await user.selectOptions(screen.getByLabelText('Land'), 'NW');
    await user.type(screen.getByLabelText(/Name der Kommune/), 'Kalletal');
    await user.type(screen.getByLabelText(/Amtlicher Gemeindeschlüssel/), '05766040');
    await user.type(screen.getByLabelText(/Einwohnerzahl/), '0');
    await user.click(screen.getByRole('button', { name: 'Weiter zur Vorschau' }));
    await user.click(await screen.findByRole('button', { name: 'Einladung senden' }));

    expect(await screen.findByRole('alert')).toHaveTextContent('Bitte korrigieren Sie die markierte Angabe.');
    expect(screen.getByLabelText(/Einwohnerzahl/)).toHaveAccessibleDescription(
      /Die Einwohnerzahl 0 ist nicht plausibel\./,
    );
    expect(screen.getByLabelText('Vorname')).toHaveValue('Anna');
  });

  it('says when the club knows no municipality of that name, and where the key is found', async () => {
    gateway();
    const user = userEvent.setup();
    renderPage(PATH);

    await user.type(await screen.findByLabelText(/Name der Kommune/), 'Ulm');

    expect(await screen.findByText('Zu „Ulm“ kennt der Club noch keine Kommune.')).toBeVisible();
    expect(screen.getByText(/Gemeindeverzeichnis des Statistischen Bundesamts/)).toBeVisible();
  });
});
