import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { fakeGateway, renderPage, staffSession } from '../../../test/render';
import { memberRecord } from './testMembers';
import { shortNameOf } from './WorkingGroupsPage';

const digitales = { id: 'digitales', name: 'Digitales', description: 'Digitale Verwaltung', memberCount: 1 };

describe('Console WorkingGroupsPage', () => {
  it('lists the groups with their member counts, each linking to its page', async () => {
    fakeGateway({
      'GET /api/v1/auth/session': staffSession,
      'GET /api/v1/working-groups': { body: [digitales] },
    });
    renderPage('/geschaeftsstelle/arbeitsgruppen');
    expect(await screen.findByRole('link', { name: 'Digitales' })).toHaveAttribute(
      'href',
      '/geschaeftsstelle/arbeitsgruppen/digitales',
    );
    expect(screen.getByText('1 Mitglied')).toBeVisible();
    expect(screen.getByRole('link', { name: 'Zu den Mitgliedern' })).toBeVisible();
  });

  it('creates a group with a short name suggested from its name, and says a taken one beside the field', async () => {
    const user = userEvent.setup();
    let attempt = 0;
    const sent = fakeGateway({
      'GET /api/v1/auth/session': staffSession,
      'GET /api/v1/working-groups': { body: [] },
      'POST /api/v1/working-groups': () => {
        attempt += 1;
        return attempt === 1
          ? { status: 409, body: { title: 'Konflikt', detail: 'Diese Kennung ist bereits vergeben.' } }
          : { status: 201, body: { id: 'smartes-land-2', name: 'Smartes Land', memberCount: 0 } };
      },
    });
    renderPage('/geschaeftsstelle/arbeitsgruppen');
    expect(await screen.findByText(/noch keine Arbeitsgruppen/)).toBeVisible();
    await user.type(screen.getByRole('textbox', { name: 'Name' }), 'Smartes Land');
    const shortName = screen.getByRole('textbox', { name: 'Kurzname in der Adresse' });
    expect(shortName).toHaveValue('smartes-land');
    await user.click(screen.getByRole('button', { name: 'Arbeitsgruppe anlegen' }));
    expect(await screen.findAllByText('Diese Kennung ist bereits vergeben.')).not.toHaveLength(0);
    expect(shortName).toHaveAttribute('aria-invalid', 'true');

    await user.type(shortName, '-2');
    await user.click(screen.getByRole('button', { name: 'Arbeitsgruppe anlegen' }));
    expect(await screen.findByText('Die Arbeitsgruppe „Smartes Land“ ist angelegt.')).toBeVisible();
    expect(screen.getByRole('link', { name: '„Smartes Land“ öffnen' })).toHaveAttribute(
      'href',
      '/geschaeftsstelle/arbeitsgruppen/smartes-land-2',
    );
    expect(sent.filter((request) => request.method === 'POST').map((request) => request.body)).toEqual([
      { id: 'smartes-land', name: 'Smartes Land' },
      { id: 'smartes-land-2', name: 'Smartes Land' },
    ]);
  });

  it('suggests short names the API takes', () => {
    expect(shortNameOf('Größere Städte & Kreise')).toBe('groessere-staedte-kreise');
    expect(shortNameOf('  Él  ')).toBe('el');
  });
});

describe('Console WorkingGroupPage', () => {
  const inGroup = memberRecord(1);
  const outside = memberRecord(2, { workingGroups: [] });

  it('shows the members of the group, removes one and adds one found by search', async () => {
    const user = userEvent.setup();
    const sent = fakeGateway({
      'GET /api/v1/auth/session': staffSession,
      'GET /api/v1/working-groups': { body: [digitales] },
      'GET /api/v1/members': (_request, url) =>
        url.searchParams.get('workingGroup')
          ? { body: { items: [inGroup], nextCursor: null } }
          : { body: { items: [inGroup, outside], nextCursor: null } },
      [`PUT /api/v1/working-groups/digitales/members/${outside.id}`]: {
        body: { ...outside, workingGroups: ['digitales'] },
      },
      [`DELETE /api/v1/working-groups/digitales/members/${inGroup.id}`]: {
        body: { ...inGroup, workingGroups: [] },
      },
    });
    renderPage('/geschaeftsstelle/arbeitsgruppen/digitales');
    expect(await screen.findByRole('heading', { level: 1, name: 'Digitales' })).toBeVisible();
    expect(await screen.findByRole('link', { name: 'Anna 1 Muster' })).toBeVisible();

    const search = within(screen.getByRole('search', { name: 'Mitglied aufnehmen' }));
    await user.type(search.getByRole('searchbox', { name: 'Name, Organisation oder Kommune' }), 'Muster');
    await user.click(search.getByRole('button', { name: 'Mitglied suchen' }));
    await user.click(
      await screen.findByRole('button', { name: 'Aufnehmen Anna 2 Muster in die Arbeitsgruppe' }),
    );
    expect(await screen.findByText('Anna 2 Muster ist jetzt in der Arbeitsgruppe.')).toBeVisible();
    expect(sent.find((request) => request.path.startsWith('/api/v1/members?q='))?.path).toBe(
      '/api/v1/members?q=Muster&status=active&limit=50',
    );

    await user.click(screen.getByRole('button', { name: 'Entfernen Anna 1 Muster aus der Arbeitsgruppe' }));
    expect(await screen.findByText('Anna 1 Muster ist nicht mehr in der Arbeitsgruppe.')).toBeVisible();
  });

  it('says so for a group that does not exist, with a way back', async () => {
    fakeGateway({
      'GET /api/v1/auth/session': staffSession,
      'GET /api/v1/working-groups': { body: [digitales] },
    });
    renderPage('/geschaeftsstelle/arbeitsgruppen/gibt-es-nicht');
    expect(await screen.findByRole('alert')).toHaveTextContent('Diese Arbeitsgruppe gibt es nicht.');
    expect(screen.getByRole('link', { name: 'Zu allen Arbeitsgruppen' })).toBeVisible();
  });
});
