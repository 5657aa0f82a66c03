import {
  AccessTokenReply,
  ClubEventReply,
  DirectoryEntryReply,
  exampleLoungeSnapshot,
  InvitationPreviewReply,
  InvitationReply,
  InviteMemberRequest,
  MemberReply,
} from '@ic/contracts';
import { randomUUID } from 'node:crypto';

/** Small factories of service replies and request bodies for the gateway's specs. */

/** A valid invitation body; overrides may break it on purpose (unknown fields, wrong types). */
export function newInviteBody(
  overrides: Partial<Record<keyof InviteMemberRequest, unknown>> & Record<string, unknown> = {},
) {
  return {
    salutation: 'Herr',
    officeTitle: 'Bürgermeister',
    firstName: 'Jonas',
    lastName: 'Beispiel',
    email: 'jonas.beispiel@kalletal.example',
    organisation: 'Gemeinde Kalletal',
    sector: 'Kommune',
    federalState: 'NW',
    municipality: { name: 'Kalletal', ags: '05766040', population: 13900 },
    themes: ['Digitalisierung', 'Klimaschutz'],
    personalMessage: 'Wir freuen uns auf Sie.',
    ...overrides,
  };
}

export function newInvitationReply(overrides: Partial<InvitationReply> = {}): InvitationReply {
  return {
    id: randomUUID(),
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
    id: randomUUID(),
    status: 'active',
    salutation: 'Herr',
    firstName: 'Jonas',
    lastName: 'Beispiel',
    email: 'jonas.beispiel@kalletal.example',
    phone: '+49 5264 644-0',
    organisation: 'Gemeinde Kalletal',
    sector: 'Kommune',
    federalState: 'NW',
    municipality: { name: 'Kalletal', ags: '05766040', population: 13900 },
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

export function newClubEventReply(overrides: Partial<ClubEventReply> = {}): ClubEventReply {
  return { ...exampleLoungeSnapshot, eventId: randomUUID(), ...overrides };
}

/** Valid bodies of the three kinds; overrides may break them on purpose. */
export function newLoungeBody(overrides: Record<string, unknown> = {}) {
  return {
    title: 'Innovators Lounge Ulm: Die smarte Stadt im Alltag',
    description: 'Die **Lounge** in Ulm.',
    themes: ['Digitalisierung'],
    capacity: 50,
    registration: { opensAt: '2027-02-01T09:00', closesAt: '2027-04-08T23:59' },
    audience: 'members',
    startsAt: '2027-04-15T17:00',
    endsAt: '2027-04-15T21:00',
    topic: 'Die smarte Stadt im Alltag',
    host: { name: 'Ulm', ags: '08421000', federalState: 'BW' },
    venue: { name: 'Stadthaus Ulm', city: 'Ulm', federalState: 'BW' },
    ...overrides,
  };
}

export function newForumBody(overrides: Record<string, unknown> = {}) {
  return {
    ...newLoungeBody(),
    topic: undefined,
    host: undefined,
    title: '23. Deutschlandforum',
    startsAt: '2027-05-12T09:30',
    endsAt: '2027-05-13T16:00',
    leitgedanke: 'Kommune 2035: mutig, vernetzt, nah',
    sessions: [
      {
        kind: 'workshop',
        title: 'Werkstatt Daten',
        startsAt: '2027-05-12T11:00',
        endsAt: '2027-05-12T12:30',
        speakers: [{ name: 'Prof. Dr. Ada Beispiel', organisation: 'Hochschule Beispielstadt' }],
        capacity: 30,
      },
    ],
    ...overrides,
  };
}

export function newCircleBody(overrides: Record<string, unknown> = {}) {
  return {
    ...newLoungeBody(),
    topic: undefined,
    host: undefined,
    venue: undefined,
    startsAt: undefined,
    endsAt: undefined,
    title: 'Kommunen for future',
    audience: 'target-group',
    targetGroup: { federalStates: ['BY'], maxPopulation: 25000 },
    modules: [
      { title: 'Modul 1', startsAt: '2027-08-14T10:00', endsAt: '2027-08-14T16:00', guidingQuestions: [] },
      { title: 'Modul 2', dateNote: 'Frühjahr 2028', guidingQuestions: ['Was nehmen wir mit?'] },
    ],
    delegation: { maxPeople: 3, suggestedRoles: ['mayor', 'administration'] },
    feeCents: 0,
    ...overrides,
  };
}
