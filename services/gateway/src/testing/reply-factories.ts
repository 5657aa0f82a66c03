import {
  AccessTokenReply,
  ClubEventReply,
  DirectoryEntryReply,
  exampleLoungeSnapshot,
  exampleProfile,
  InvitationPreviewReply,
  InvitationReply,
  InviteMemberRequest,
  MemberReply,
  RegistrationReply,
} from '@ic/contracts';
import { randomUUID } from 'node:crypto';
import { CIRCLE_EXAMPLE, FORUM_EXAMPLE, LOUNGE_EXAMPLE } from '../events/event.examples';

/**
 * Small factories of service replies and request bodies for the gateway's specs. The invited person
 * and the member are the contracts' exampleProfile, the mayor of Kalletal.
 */

/** A valid invitation body; overrides may break it on purpose (unknown fields, wrong types). */
export function newInviteBody(
  overrides: Partial<Record<keyof InviteMemberRequest, unknown>> & Record<string, unknown> = {},
) {
  return {
    ...exampleProfile,
    themes: [...exampleProfile.themes],
    personalMessage: 'Wir freuen uns auf Sie.',
    ...overrides,
  };
}

export function newInvitationReply(overrides: Partial<InvitationReply> = {}): InvitationReply {
  return {
    ...exampleProfile,
    id: randomUUID(),
    status: 'open',
    themes: ['Digitalisierung'],
    invitedBy: 'staff-1',
    createdAt: '2026-11-21T10:00:00.000Z',
    expiresAt: '2026-12-21T10:00:00.000Z',
    sentCount: 1,
    ...overrides,
  };
}

export function newPreviewReply(overrides: Partial<InvitationPreviewReply> = {}): InvitationPreviewReply {
  return {
    salutation: 'Frau',
    officeTitle: 'Oberbürgermeisterin',
    academicTitle: 'Dr.',
    firstName: 'Anna',
    lastName: 'Muster',
    organisation: 'Stadt Lemgo',
    personalMessage: 'Wir freuen uns auf Ihre Erfahrung.',
    expiresAt: '2026-12-21T10:00:00.000Z',
    status: 'open',
    ...overrides,
  };
}

export function newMemberReply(overrides: Partial<MemberReply> = {}): MemberReply {
  return {
    ...exampleProfile,
    id: randomUUID(),
    status: 'active',
    phone: '+49 5264 644-0',
    themes: ['Digitalisierung'],
    workingGroups: ['digitales'],
    joinedAt: '2026-11-21T10:00:00.000Z',
    announcementsOptOut: false,
    ...overrides,
  };
}

/** The member after a profile change, as the membership service answers it: null clears a field. */
export function newPatchedMemberReply(
  id: string,
  patch: { readonly [K in keyof MemberReply]?: MemberReply[K] | null },
): MemberReply {
  const cleared = new Set(
    Object.entries(patch)
      .filter(([, value]) => value === null)
      .map(([field]) => field),
  );
  const given = Object.fromEntries(Object.entries(patch).filter(([field]) => !cleared.has(field)));
  const reply = newMemberReply({ id, ...(given as Partial<MemberReply>) });
  return Object.fromEntries(Object.entries(reply).filter(([field]) => !cleared.has(field))) as MemberReply;
}

export function newDirectoryEntry(overrides: Partial<DirectoryEntryReply> = {}): DirectoryEntryReply {
  return {
    id: randomUUID(),
    salutation: 'Frau',
    firstName: 'Anna',
    lastName: 'Muster',
    organisation: 'Stadt Lemgo',
    sector: 'Kommune',
    federalState: 'NW',
    municipalityName: 'Lemgo',
    themes: ['Klimaschutz'],
    workingGroups: [],
    ...overrides,
  };
}

export function newAccessTokenReply(overrides: Partial<AccessTokenReply> = {}): AccessTokenReply {
  return {
    accessToken: 'eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJ4In0.c2lnbmF0dXJl',
    tokenType: 'Bearer',
    expiresAt: '2026-11-21T10:15:00.000Z',
    role: 'member',
    subject: randomUUID(),
    ...overrides,
  };
}

/** Member `memberId`'s own registration for the Ulm lounge, third on its waiting list. */
export function newRegistrationReply(
  overrides: Partial<RegistrationReply> = {},
  memberId: string = randomUUID(),
): RegistrationReply {
  return {
    registrationId: randomUUID(),
    eventId: randomUUID(),
    revision: 1,
    event: { title: 'Innovators Lounge Ulm', kind: 'innovators-lounge', status: 'registration-open' },
    status: 'waiting',
    waitingPlace: 3,
    registrant: {
      kind: 'member',
      memberId,
      name: 'Anna Beispiel',
      email: 'anna@ulm.example',
      sector: 'Kommune',
    },
    registeredBy: { subject: memberId, role: 'member' },
    sessions: [],
    registeredAt: '2027-02-03T08:15:00.000Z',
    changeableUntil: '2027-04-08T23:59:00+02:00',
    ...overrides,
  };
}

export function newClubEventReply(overrides: Partial<ClubEventReply> = {}): ClubEventReply {
  return { ...exampleLoungeSnapshot, eventId: randomUUID(), ...overrides };
}

/** Valid bodies of the three kinds, the API docs' whole examples; overrides may break them on purpose. */
export function newLoungeBody(overrides: Record<string, unknown> = {}) {
  return { ...LOUNGE_EXAMPLE, ...overrides };
}

export function newForumBody(overrides: Record<string, unknown> = {}) {
  return { ...FORUM_EXAMPLE, ...overrides };
}

export function newCircleBody(overrides: Record<string, unknown> = {}) {
  return { ...CIRCLE_EXAMPLE, ...overrides };
}
