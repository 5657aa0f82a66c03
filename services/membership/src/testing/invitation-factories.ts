import { exampleProfile } from '@ic/contracts';
import { Invitation } from '../invitations/invitation';
import { EXAMPLE_MEMBER_ID } from './member-factories';

/** An open invitation with the example profile, sent once on 1 November 2026, valid until 1 December. */
export function newInvitation(overrides: Partial<Invitation> = {}): Invitation {
  return {
    id: EXAMPLE_MEMBER_ID,
    revision: 0,
    profile: exampleProfile,
    invitedBy: { subject: 'staff-1', role: 'staff' },
    createdAt: new Date('2026-11-01T10:00:00.000Z'),
    expiresAt: new Date('2026-12-01T10:00:00.000Z'),
    tokenHash: 'hash',
    sentCount: 1,
    lastSentAt: new Date('2026-11-01T10:00:00.000Z'),
    status: 'open',
    ...overrides,
  };
}
