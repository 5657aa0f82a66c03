import type { Invitation } from './invitationsApi';

/** An invitation as the gateway sends it; every field can be overridden. */
export function invitation(overrides: Partial<Invitation> = {}): Invitation {
  return {
    id: '5b0f7a52-3c1e-4d7e-9a51-0f6f1c2b8a10',
    status: 'open',
    salutation: 'Herr',
    officeTitle: 'Bürgermeister',
    firstName: 'Jonas',
    lastName: 'Beispiel',
    email: 'jonas.beispiel@kalletal.example',
    organisation: 'Gemeinde Kalletal',
    sector: 'Kommune',
    federalState: 'NW',
    municipality: { name: 'Kalletal', ags: '05766040', population: 13900 },
    themes: ['Digitalisierung'],
    invitedBy: 'staff_1',
    createdAt: '2026-11-21T10:00:00.000Z',
    expiresAt: '2026-12-21T10:00:00.000Z',
    sentCount: 1,
    ...overrides,
  };
}
