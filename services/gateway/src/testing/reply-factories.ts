import {
  AccessTokenReply,
  DirectoryEntryReply,
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
